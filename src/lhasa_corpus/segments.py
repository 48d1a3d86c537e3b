"""A page's units, and which article each belongs to.

A page is cut into *units*, in page order: datelines, continuation marks,
closing bylines (cut out of the text where they stand), and the blocks of
text between them, each typed as a heading, a byline, a photo caption or
body text (:func:`page_units`). A block is split where a heading, a byline or
a caption was printed against the text with no blank line between.

:func:`segment` then walks the units and groups them into articles, from
every cue the page gives: headline groups, bylines, datelines, continuation
marks. Each decision is one of the small rules below, so that a reader can
see which phenomenon it handles.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.blocks import (
    Block,
    Fragment,
    column_width,
    cut_fragments,
    group_blocks,
    opens_paragraph_indent,
)
from lhasa_corpus.bylines import Byline, Dateline, find_datelines, find_end_bylines, read_byline
from lhasa_corpus.captions import CaptionParts, opens_like_caption, read_caption
from lhasa_corpus.chars import ends_sentence, line_fill, squeeze
from lhasa_corpus.furniture import Continuation, Furniture, find_continuations, find_furniture
from lhasa_corpus.headlines import (
    NEW_TOPIC_SHARE,
    OLD_TOPIC_RATIO,
    GroupNeighbours,
    HeadingContext,
    Placement,
    asks,
    continues_heading,
    crosshead_marked,
    decide_placement,
    heading_shaped,
    judge_heading,
    letter_spaced,
    ordinal,
)
from lhasa_corpus.lines import Line, Squeezed
from lhasa_corpus.similarity import han_only, han_pairs, shared_pairs

UnitKind = Literal["dateline", "opening_mark", "closing_mark", "byline", "heading", "body", "caption"]

#: A line this many ems shorter than the column cannot be a paragraph's
#: first line with a dropped indent (two ems short, give or take the
#: punctuation the typesetter squeezed): a heading printed against the text
#: may be that short.
SHORT_HEADING_EMS: Final = 4.0
#: And at most this share of the column: in a narrow column a few ems are a
#: first line's dropped indent and a squeezed comma.
SHORT_HEADING_SHARE: Final = 0.8
#: A line at most this many ems short of the column width, or one wider,
#: nearly fills the column: set as body text, whatever its shape.
NEAR_FULL_EMS: Final = 3.0
#: A block with at least this many whole lines sets its own column width:
#: articles on one page may be set in columns of different widths.
OWN_WIDTH_LINES: Final = 4
#: The most lines a caption printed against the text is looked for above its credit.
MAX_CAPTION_LINES: Final = 4
#: Marks that end an article's text, as wire copy prints them.
END_MARKS: Final = ("（完）", "(完)", "（完)", "(完）")
#: How many times the rules that turn heading-shaped blocks back into body text run.
MAX_SETTLING: Final = 3
#: The most parts of one headline group: kicker, headline and two subheadlines.
MAX_GROUP: Final = 4
#: How many body units on each side of a heading its words are compared with.
CONTEXT_UNITS: Final = 8
#: Punctuation inside a sentence: a line holding any is no heading printed against the text.
_INNER_PUNCTUATION: Final = "，、；：。,;:"
#: What body text wrapped over lines holds and a headline of several lines does not: a
#: headline may name its column or speaker before a colon (补壹刀：…, 益阳：…).
_CLAUSE_MARKS: Final = "，、；。,;"
_CREDIT_ENDING: Final = ("摄", "摄）", "摄)", "供图", "提供", "资料图片", "资料图", "新华社发", "中新社发")


@attrs.frozen(kw_only=True)
class Unit:
    """One part of a page, in page order.

    *block* holds the text of a heading, body, byline or caption block;
    *glued* says that it was split from text printed against it with no
    blank line between.
    """

    kind: UnitKind
    start: int
    end: int
    block: Block | None = None
    dateline: Dateline | None = None
    byline: Byline | None = None
    caption: CaptionParts | None = None
    glued: bool = False
    #: The unit opens a line indented with U+3000, as paragraphs (and crossheads set like them) do.
    indented: bool = False

    @property
    def squeezed(self) -> str:
        """The unit's text with the white space taken out ('' for cuts)."""
        return self.block.squeezed if self.block is not None else ""

    @property
    def opens_article(self) -> bool:
        """Whether the unit opens an article: a dateline, a 上接 mark, a byline that does not close one."""
        return self.kind in ("dateline", "opening_mark") or (
            self.kind == "byline" and self.byline is not None and not self.byline.trailing
        )

    @property
    def closes_article(self) -> bool:
        """Whether the unit closes an article: a 下转 mark or a closing byline."""
        return self.kind == "closing_mark" or (
            self.kind == "byline" and self.byline is not None and self.byline.trailing
        )


@attrs.frozen(kw_only=True)
class PageUnits:
    """A page cut into units, with its furniture, the body column width and the lines datelines start."""

    units: tuple[Unit, ...]
    furniture: tuple[Furniture, ...]
    width: float
    dateline_lines: tuple[int, ...]


def page_units(raw: str, lines: Sequence[Line], squeezed: Squeezed) -> PageUnits:
    """Cut a page into its units (see the module's docstring).

    Cuts are taken in order of trust, each only where no earlier one stands:
    datelines, continuation marks, closing bylines, then page furniture.

    >>> from lhasa_corpus.lines import split_lines
    >>> text = "要闻\\n\\n秋收正当时\\n\\n本报记者 张三\\n\\n青稞丰收。\\n\\n图为收割青稞。 本报记者 李四摄"
    >>> [unit.kind for unit in page_units(text, split_lines(text), Squeezed.of(text)).units]
    ['heading', 'byline', 'body', 'caption']
    """
    datelines = find_datelines(raw, squeezed)
    taken = _Taken([(d.start, d.end) for d in datelines])
    marks = [mark for mark in find_continuations(squeezed) if taken.take(mark.start, mark.end)]
    closing = [item for item in find_end_bylines(raw, squeezed) if taken.take(item[0], item[1])]
    furniture = [piece for piece in find_furniture(lines) if taken.take(piece.start, piece.end)]
    fragments = cut_fragments(lines, taken.spans())
    blocks = group_blocks(fragments)
    width = page_width(blocks, lines)
    cut_units: list[Unit] = [Unit(kind="dateline", start=d.start, end=d.end, dateline=d) for d in datelines]
    cut_units += [_mark_unit(mark) for mark in marks]
    cut_units += [Unit(kind="byline", start=s, end=e, byline=b) for s, e, b in closing]
    text_units = []
    previous: Fragment | None = None
    # The column a block is set in shows in the wrapped body lines of it and of the blocks on
    # either side; headings are set in their own width (as for the page's, :func:`page_width`).
    wrapped = [
        () if heading_shaped(block.squeezed, len(block.fragments)) else block.fragments[:-1]
        for block in blocks
    ]
    for index, block in enumerate(blocks):
        around = [f for near in wrapped[max(0, index - 1) : index + 2] for f in near]
        local = _local_width(around, width)
        after_sentence = previous is None or previous.after_cut or _ends_text(previous.text)
        under_display = not after_sentence and _display_before(blocks[index - 1], local)
        text_units += split_block(
            raw, block, local, after_sentence=after_sentence, under_display=under_display
        )
        previous = block.fragments[-1]
    units = sorted(cut_units + text_units, key=lambda unit: unit.start)
    units = [part for unit in _settle_headings(raw, units, width) for part in _parts(unit)]
    units = [
        attrs.evolve(unit, indented=True)
        if unit.kind == "heading" and opens_paragraph_indent(raw, unit.start)
        else unit
        for unit in units
    ]
    line_starts = [line.start for line in lines]
    dateline_lines = tuple(bisect.bisect_right(line_starts, d.start) - 1 for d in datelines)
    return PageUnits(
        units=tuple(units), furniture=tuple(furniture), width=width, dateline_lines=dateline_lines
    )


def page_width(blocks: Sequence[Block], lines: Sequence[Line] = ()) -> float:
    """The width of a page's body column, in ems: the most common fill of its wrapped body lines.

    A line with another after it in its block wrapped, so it fills its
    column; a paragraph's last line does not. Headings are left out, wrapped
    or not: they are set in their own width. A line that stops in mid-sentence
    surely wrapped, and counts twice; one that ends a sentence may end a
    paragraph on a page without blank lines, and counts once. So does a
    wrapped line that a dateline opens (``拉萨融媒讯（记者张璐）近日，堆``),
    given the page's *lines*, with the fill of the whole line. A fragment that
    a cut leaves tells the width where no whole line does.

    >>> from lhasa_corpus.blocks import cut_fragments, group_blocks
    >>> from lhasa_corpus.lines import split_lines
    >>> text = "柳 梧 新 区 举 办\\n环 保 宣 传 活 动\\n\\n今年以来，柳梧新区\\n举办环保宣传活动。"
    >>> page_width(group_blocks(cut_fragments(split_lines(text), [])))
    9.0
    """
    wrapped: list[Fragment] = []
    fills: Counter[float] = Counter()
    previous_line = -1
    for block in blocks:
        body = not heading_shaped(block.squeezed, len(block.fragments))
        last = len(block.fragments) - 1
        for index, fragment in enumerate(block.fragments):
            # Fragments come in page order: a line a dateline opens has none before the cut.
            opens_line, previous_line = fragment.line != previous_line, fragment.line
            if not body or index == last:
                continue
            wrapped.append(fragment)
            if fragment.whole_line:
                fills[fragment.fill] += 1 if ends_sentence(fragment.text) else 2
            elif fragment.after_cut and opens_line and fragment.line < len(lines):
                fills[line_fill(lines[fragment.line].text.strip())] += 1
    if not fills:
        fills = Counter(fragment.fill for fragment in wrapped)
    if not fills:
        return column_width([fragment for block in blocks for fragment in block.fragments])
    return max(fills, key=lambda fill: (fills[fill], fill))


def _mark_unit(mark: Continuation) -> Unit:
    return Unit(kind="opening_mark" if mark.opens else "closing_mark", start=mark.start, end=mark.end)


class _Taken:
    """Raw spans already cut out of a page, sorted; a new span is taken only where none stands."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self._starts.append(start)
            self._ends.append(end)

    def take(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start)
        if index > 0 and self._ends[index - 1] > start:
            return False
        if index < len(self._starts) and self._starts[index] < end:
            return False
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        return True

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends, strict=True))


def split_block(
    raw: str, block: Block, width: float, *, after_sentence: bool = True, under_display: bool = False
) -> list[Unit]:
    """Type a block, splitting it where a byline, heading or caption was printed against text.

    A whole block is a caption (:func:`~lhasa_corpus.captions.read_caption`),
    a byline (:func:`~lhasa_corpus.bylines.read_byline`), a heading (its
    shape, :func:`~lhasa_corpus.headlines.heading_shaped`) or body text. In a
    block of body text, a line after a sentence end is split off as a byline
    when it reads as one, as a heading when it is heading-shaped and clearly
    shorter (or wider) than the column, or as a caption when its line ends in
    a photo credit; such units are *glued*. A caption that opens like one
    (图为…) and ends in a credit is split off wherever it stands, even in
    mid-sentence: the photo sat in the column there. *after_sentence* says
    whether the text before the block ended a sentence: if not, its first
    line goes on with that sentence, unless the block stands *under_display*
    type (a headline, :func:`_display_before`) and its first line reads as a
    byline: ``本报记者 张三`` printed under the headline, the text right under it.

    >>> from lhasa_corpus.blocks import cut_fragments, group_blocks
    >>> from lhasa_corpus.lines import split_lines
    >>> text = "上一篇的最后一句话写在这里。\\n秋收正当时\\n\\u3000\\u3000金秋时节，拉萨河谷青稞成熟。"
    >>> (block,) = group_blocks(cut_fragments(split_lines(text), []))
    >>> for unit in split_block(text, block, 14):
    ...     print(unit.kind, unit.squeezed, unit.glued)
    body 上一篇的最后一句话写在这里。 False
    heading 秋收正当时 True
    body 金秋时节，拉萨河谷青稞成熟。 False
    """
    fragments = block.fragments
    last = fragments[-1]
    whole = _whole_block_unit(raw, block, width)
    if len(fragments) > 1 and last.whole_line and _byline_under(raw, block, whole):
        byline = read_byline(raw, last.start, last.end)
        if byline is not None:  # a byline printed right under its headline, or under the text
            head = split_block(raw, Block(fragments=fragments[:-1]), width, after_sentence=after_sentence)
            unit = Unit(
                kind="byline", start=last.start, end=last.end, block=Block(fragments=(last,)), byline=byline
            )
            return [*head, attrs.evolve(unit, glued=True)]
    if whole.kind == "caption" and len(fragments) > 1:
        return _caption_pieces(raw, whole)
    if whole.kind != "body" or len(fragments) == 1:
        return [whole]
    units: list[Unit] = []
    body: list[Fragment] = []
    block_after_sentence = after_sentence
    index = 0
    while index < len(fragments):
        if index > 0:
            after_sentence = not body or _ends_text(fragments[index - 1].text)
        split = _split_line(raw, fragments, index, width, after_sentence, under_display=under_display)
        if split is None:
            body.append(fragments[index])
            index += 1
            continue
        unit, index = split
        if unit.kind == "caption" and unit.caption is not None and unit.caption.text_span is None:
            unit, body = _caption_text_before(raw, unit, body, after_sentence=block_after_sentence)
        if body:
            units.append(_body_unit(body))
            body = []
        units.append(unit)
    if body:
        units.append(_body_unit(body))
    return units


def _split_line(
    raw: str,
    fragments: Sequence[Fragment],
    index: int,
    width: float,
    after_sentence: bool,
    *,
    under_display: bool,
) -> tuple[Unit, int] | None:
    """What :func:`split_block` splits off at line *index*, and the index after it; or None."""
    line = fragments[index]
    if not line.whole_line:
        return None
    if opens_like_caption(squeeze(line.text)):
        # A photo's caption may stand between any two lines of a column, even in mid-sentence.
        caption = _caption_from(raw, fragments, index)
        if caption is not None:
            return caption
    if after_sentence:
        return _split_at(raw, fragments, index, width)
    if index == 0 and under_display:
        byline = _byline_line(raw, line, width)
        return None if byline is None else (byline, 1)
    return None


def _display_before(block: Block, width: float) -> bool:
    """Whether *block* stands apart from the text after it: a heading, not a paragraph's part.

    A paragraph cut by a column break ends in a full line; a heading-shaped
    block whose last line stops two ems or more short of the column is
    display type, which the line under it does not go on with.
    """
    return block.fragments[-1].fill <= width - 2 and heading_shaped(block.squeezed, len(block.fragments))


def _byline_under(raw: str, block: Block, whole: Unit) -> bool:
    """Whether a block's last line may be a byline printed under the lines before it.

    It may unless the whole block is a byline whose lines before the last
    read as one too: ``本报记者 张三`` / ``通讯员 李四`` is one byline over two
    lines, but ``秋收正当时`` / ``本报记者 张三`` is a headline over its byline.
    """
    if whole.kind != "byline":
        return True
    head = block.fragments[:-1]
    return read_byline(raw, head[0].start, head[-1].end) is None and heading_shaped(
        Block(fragments=head).squeezed, len(head)
    )


def _whole_block_unit(raw: str, block: Block, width: float) -> Unit:
    caption = read_caption(raw, block.start, block.end)
    if caption is not None:
        return Unit(kind="caption", start=block.start, end=block.end, block=block, caption=caption)
    if len(block.fragments) <= 3:
        byline = read_byline(raw, block.start, block.end)
        if byline is not None:
            return Unit(kind="byline", start=block.start, end=block.end, block=block, byline=byline)
    if heading_shaped(block.squeezed, len(block.fragments)) and _wraps_like_heading(raw, block, width):
        return Unit(kind="heading", start=block.start, end=block.end, block=block)
    return _body_unit(block.fragments)


def _local_width(fragments: Sequence[Fragment], width: float) -> float:
    """The column width a run of lines shows, or the page's *width* where it shows none.

    Articles on one page may be set in columns of different widths, so a
    rule that compares a line with its column looks at the lines around it:
    their most common fill, when at least two whole lines share it. Fewer
    lines say nothing: one line cut short by a column break, or a paragraph's
    last line, is not its column.
    """
    fills = Counter(fragment.fill for fragment in fragments if fragment.whole_line)
    if not fills:
        return width
    fill, count = max(fills.items(), key=lambda item: (item[1], item[0]))
    return fill if count >= 2 else width


def _displayed(raw: str, block: Block, width: float) -> bool:
    """Whether a block is set in display type: letter-spaced, or wider than the body column."""
    widest = max(fragment.fill for fragment in block.fragments)
    return widest >= width + SHORT_HEADING_EMS or letter_spaced(raw[block.start : block.end])


def _wraps_like_heading(raw: str, block: Block, width: float) -> bool:
    """Whether a heading-shaped block is set as a headline is, not as body text.

    Body text wraps wherever the column ends, with commas and semicolons
    inside (``会议要求，要深入开展…聚`` / ``焦重点行业…``). A headline of several
    lines holds no such punctuation, unless it is set in display type
    (:func:`_displayed`). A short question or exclamation is a sentence (an
    interview's question, a paragraph's cry) unless it is displayed.
    """
    if asks(block.squeezed):
        return _displayed(raw, block, width)
    if len(block.fragments) == 1 or not any(char in _CLAUSE_MARKS for char in block.squeezed):
        return True
    return _displayed(raw, block, width)


def heading_parts(unit: Unit) -> list[Unit]:
    """A heading block cut into its parts where a line starts a new one.

    See :func:`~lhasa_corpus.headlines.continues_heading`.

    A kicker, a headline and a subheadline printed with no blank line between
    them are one block; a headline wrapped over two lines is one part.
    """
    assert unit.block is not None
    parts: list[list[Fragment]] = []
    for fragment in unit.block.fragments:
        if parts and continues_heading(parts[-1][-1].text, fragment.text):
            parts[-1].append(fragment)
        else:
            parts.append([fragment])
    if len(parts) == 1:
        return [unit]
    return [
        attrs.evolve(unit, start=part[0].start, end=part[-1].end, block=Block(fragments=tuple(part)))
        for part in parts
    ]


def _body_unit(fragments: Sequence[Fragment]) -> Unit:
    block = Block(fragments=tuple(fragments))
    return Unit(kind="body", start=block.start, end=block.end, block=block)


def _byline_line(raw: str, line: Fragment, width: float) -> Unit | None:
    """Line *line* as a byline printed against the text, or None."""
    # A byline printed against the text holds no comma: a body line such as
    # ``70多名记者提前入场，抢占`` has a role word in it too.
    if line.fill > width or any(char in "，,；;" for char in line.text):
        return None
    byline = read_byline(raw, line.start, line.end)
    if byline is None:
        return None
    block = Block(fragments=(line,))
    return Unit(kind="byline", start=line.start, end=line.end, block=block, byline=byline, glued=True)


def _split_at(raw: str, fragments: Sequence[Fragment], index: int, width: float) -> tuple[Unit, int] | None:
    """A unit printed against the text from line *index* on, and the index of the line after it; or None.

    Line *index* follows a sentence end (or opens the block).
    """
    byline = _byline_line(raw, fragments[index], width)
    if byline is not None:
        return byline, index + 1
    caption = _caption_from(raw, fragments, index)
    if caption is not None:
        return caption
    for count in (1, 2):
        lines = fragments[index : index + count]
        shaped = all(fragment.whole_line and _heading_line(raw, fragment, width) for fragment in lines)
        if len(lines) < count or not shaped:
            continue
        block = Block(fragments=tuple(lines))
        unpunctuated = not any(char in _INNER_PUNCTUATION for char in block.squeezed)
        if heading_shaped(block.squeezed, count) and unpunctuated and not asks(block.squeezed):
            unit = Unit(kind="heading", start=block.start, end=block.end, block=block, glued=True)
            return unit, index + count
    return None


def _heading_line(raw: str, line: Fragment, width: float) -> bool:
    """Whether a line printed against body text can be a heading: clearly short or wide, or letter-spaced."""
    short = line.fill <= min(width - SHORT_HEADING_EMS, SHORT_HEADING_SHARE * width)
    wide = line.fill >= width + SHORT_HEADING_EMS
    return short or wide or letter_spaced(raw[line.start : line.end])


def _caption_from(raw: str, fragments: Sequence[Fragment], first: int) -> tuple[Unit, int] | None:
    """A caption that starts at line *first* and ends in a credit a few lines on, or None.

    The caption opens like one (图为…) or is the credit's own line, with the
    caption text before the credit on it (``牧民在转场。 新华社记者 刘洋摄``).
    """
    for last in range(first, min(len(fragments), first + MAX_CAPTION_LINES)):
        if not fragments[last].text.rstrip().endswith(_CREDIT_ENDING):
            continue
        start, end = fragments[first].start, fragments[last].end
        parts = read_caption(raw, start, end)
        if parts is None:
            return None
        squeezed = squeeze(raw[start:end])
        if last > first and not opens_like_caption(squeezed):
            return None
        block = Block(fragments=tuple(fragments[first : last + 1]))
        unit = Unit(kind="caption", start=start, end=end, block=block, caption=parts, glued=True)
        return unit, last + 1
    return None


def _caption_pieces(raw: str, whole: Unit) -> list[Unit]:
    """A caption block cut after each line that ends in a credit: one caption per credit.

    Photos set side by side have their captions printed one under another
    with no blank line between (``…数字扫描。 新华社发`` / ``1月14日，…。
    新华社记者 解园 摄``); each credit ends its own caption. The block stays
    whole unless every piece reads as a caption.
    """
    assert whole.block is not None
    fragments = whole.block.fragments
    pieces: list[Unit] = []
    first = 0
    for last, line in enumerate(fragments[:-1]):
        if not line.text.rstrip().endswith(_CREDIT_ENDING):
            continue
        parts = read_caption(raw, fragments[first].start, line.end)
        if parts is None or parts.credit_span is None or parts.credit_span[1] != _stripped_end(raw, line):
            continue
        block = Block(fragments=fragments[first : last + 1])
        pieces.append(Unit(kind="caption", start=block.start, end=block.end, block=block, caption=parts))
        first = last + 1
    if not pieces:
        return [whole]
    rest = Block(fragments=fragments[first:])
    parts = read_caption(raw, rest.start, rest.end)
    if parts is None:
        return [whole]
    return [*pieces, Unit(kind="caption", start=rest.start, end=rest.end, block=rest, caption=parts)]


def _stripped_end(raw: str, line: Fragment) -> int:
    """Where a line's text ends, trailing white space left out."""
    return line.start + len(raw[line.start : line.end].rstrip())


def _caption_text_before(
    raw: str, credit: Unit, body: list[Fragment], *, after_sentence: bool
) -> tuple[Unit, list[Fragment]]:
    """A credit on a line of its own takes the text above it as its caption, and the body keeps the rest.

    A caption printed against the text (``2026年1月28日，游客在敦煌夜市体验投
    掷游戏。`` / ``新华社记者 张玉洁 摄``) has its credit on the line under
    it: the caption text is the lines above the credit from the last sentence
    start (a line that follows a sentence end, or the block's first line
    after one), if they are at most :data:`MAX_CAPTION_LINES` less one.
    Otherwise the credit stands alone as a caption with no text.
    """
    starts = [
        index
        for index in range(len(body))
        if (index == 0 and after_sentence) or (index > 0 and _ends_text(body[index - 1].text))
    ]
    if not starts or len(body) - starts[-1] >= MAX_CAPTION_LINES:
        return credit, body
    first = starts[-1]
    assert credit.block is not None
    parts = read_caption(raw, body[first].start, credit.end)
    if parts is None or parts.text_span is None or parts.credit_span is None:
        return credit, body
    block = Block(fragments=(*body[first:], *credit.block.fragments))
    unit = Unit(kind="caption", start=block.start, end=block.end, block=block, caption=parts, glued=True)
    return unit, body[:first]


def _settle_headings(raw: str, units: list[Unit], width: float) -> list[Unit]:
    """Turn back into body text the heading-shaped blocks that are body text cut short.

    1. After body text that does not end a sentence, the block goes on with
       that sentence (a column break cut it).
    2. Right after a dateline, on the dateline's line, the block is the
       start of the article's first sentence (``…讯（记者莫瑞英）为进``); a
       block indented with U+3000 and followed by unindented text is a
       paragraph's first line cut off by a column break. Right after a 上接
       mark, followed by text that goes on unindented, the block is the
       start of the continued text: a jump head stands before the mark.
    3. Between two stretches of body text, a block whose lines nearly fill
       the column (:data:`NEAR_FULL_EMS`) and are not letter-spaced is a line
       the column break left: headlines are set wider, crossheads shorter.
    4. After a heading, a block set as body text and followed by body text
       that goes on mid-paragraph (a full line, with no indent) is the first
       line of the article's first paragraph, cut off by a column break.

    Rules 3 and 4 do not apply where the text after the block opens a new
    paragraph with an indent: a paragraph's last line ends a sentence, and
    the block does not, so it ends no paragraph and is a heading.

    One block turned back may show that the block before it was body text
    too, so the rules run until nothing changes (a few times at most).
    """
    for _ in range(MAX_SETTLING):
        settled: list[Unit] = []
        for index, unit in enumerate(units):
            if unit.block is not None and _cut_short(raw, units, index, settled, width):
                unit = _body_unit(unit.block.fragments)  # noqa: PLW2901 - the unit, retyped
            settled.append(unit)
        if settled == units:
            break
        units = settled
    return units


def _cut_short(raw: str, units: Sequence[Unit], index: int, settled: Sequence[Unit], width: float) -> bool:
    """Whether heading unit *index* is body text cut short (see :func:`_settle_headings`)."""
    unit = units[index]
    if unit.kind != "heading" or unit.block is None or unit.glued:
        return False
    previous = settled[-1] if settled else None
    following = _next_text_unit(units, index)
    after_opener = _text_after_opener(raw, unit, previous, following)
    if after_opener is not None:
        return after_opener
    if following is None or following.kind != "body" or following.block is None:
        return previous is not None and previous.kind == "body" and not _ends_text(previous.squeezed)
    if opens_paragraph_indent(raw, unit.start):
        # An indented line is a paragraph's first: cut short by a column break when the text
        # after it goes on unindented; a crosshead set like a paragraph when a new one opens.
        return not opens_paragraph_indent(raw, following.start)
    if not _set_between(unit, previous, following, width):
        return False
    ends_before = previous is not None and previous.kind == "body" and _ends_text(previous.squeezed)
    return not (ends_before and _topic_boundary(unit, _text_back(settled), _text_on(units, index + 1)))


def _text_after_opener(raw: str, unit: Unit, previous: Unit | None, following: Unit | None) -> bool | None:
    """Whether a heading right after a dateline or a 上接 mark starts the text, cut short.

    Rule 2 of :func:`_settle_headings`; None where neither stands before it.
    """
    assert unit.block is not None
    if previous is not None and previous.kind == "dateline":
        return unit.block.fragments[0].after_cut
    if previous is None or previous.kind != "opening_mark" or crosshead_marked(unit.squeezed):
        return None
    if following is None or following.kind != "body":
        return None
    # The continued text follows its 上接 mark; the jump head stands before the mark.
    return not opens_paragraph_indent(raw, following.start)


def _topic_boundary(unit: Unit, before: str, after: str) -> bool:
    """Whether a heading's words belong to the article before it and not to the text after it.

    A headline printed under its article names that article's topic: at
    least :data:`~lhasa_corpus.headlines.NEW_TOPIC_SHARE` of its character
    pairs are in the text before it, and
    :data:`~lhasa_corpus.headlines.OLD_TOPIC_RATIO` times fewer in the text
    after it. A line cut off the start of a paragraph by a column break
    shares its words with the rest of that paragraph, after it. (A headline
    above its article shares them with the text after it, as the cut line
    does, so that side tells nothing.) Each side's text is compared up to
    the nearest heading. A block with clause punctuation in it (``、``, ``，``)
    is left to the layout rules: body text has it far more often than
    headlines do.
    """
    pairs = han_pairs(unit.squeezed)
    if not pairs or not before or not after or any(char in _INNER_PUNCTUATION for char in unit.squeezed):
        return False
    back = shared_pairs(pairs, han_only(before)) / len(pairs)
    on = shared_pairs(pairs, han_only(after)) / len(pairs)
    return back >= NEW_TOPIC_SHARE and on * OLD_TOPIC_RATIO <= back


def _text_back(settled: Sequence[Unit]) -> str:
    """The text of the units before a heading, back to the heading before it."""
    texts: list[str] = []
    for unit in reversed(settled):
        if unit.kind == "heading":
            break
        texts.append(unit.squeezed)
    return "".join(reversed(texts))


def _text_on(units: Sequence[Unit], start: int) -> str:
    """The text of the units from *start* on, up to the next heading."""
    texts: list[str] = []
    for unit in units[start:]:
        if unit.kind == "heading":
            break
        texts.append(unit.squeezed)
    return "".join(texts)


def _set_between(unit: Unit, previous: Unit | None, following: Unit, width: float) -> bool:
    """Whether a heading-shaped block before body text is body text cut short (rules 1, 3 and 4)."""
    assert following.block is not None
    if previous is not None and previous.kind == "body" and not _ends_text(previous.squeezed):
        return True
    if following.block.fragments[0].indented or crosshead_marked(unit.squeezed):
        # A new paragraph opens after it, so it ends none (a paragraph's last line ends a
        # sentence); or it opens like an ordinal heading (二、…), whatever its length.
        return False
    if previous is not None and previous.kind == "heading":
        return _goes_on(following, width) and _set_as_body(unit, None, following, width)
    return previous is not None and previous.kind == "body" and _set_as_body(unit, previous, following, width)


def _goes_on(unit: Unit, width: float) -> bool:
    """Whether body text opens mid-paragraph: its first line a whole line, unindented, filling the column."""
    assert unit.block is not None
    first = unit.block.fragments[0]
    local = _local_width(unit.block.fragments, width)
    return first.whole_line and not first.indented and first.fill >= local - 1


def _ends_text(text: str) -> bool:
    """Whether body text ends where it stops: at a sentence end, or a note in brackets after one.

    ``…传奇。（刊于《半月谈》2019年第24期）`` ends, and so does a note alone
    (``（原题为《…》）``); ``…持续扩大影响力和`` does not.

    >>> _ends_text("传奇。（刊于《半月谈》2019年第24期）"), _ends_text("（原题为《回归理性》）")
    (True, True)
    >>> _ends_text("持续扩大")
    False
    """
    squeezed = squeeze(text)
    if squeezed.endswith(("）", ")")):
        opening = max(squeezed.rfind("（"), squeezed.rfind("("))
        if opening == 0 or (opening > 0 and ends_sentence(squeezed[:opening])):
            return True
    return ends_sentence(squeezed)


def _set_as_body(unit: Unit, previous: Unit | None, following: Unit | None, width: float) -> bool:
    """Whether a heading-shaped block between two body blocks is set like them.

    Its lines nearly fill the column of the text around it and are not
    letter-spaced, or one of its lines breaks after clause punctuation
    (``整合双方资源，``), as wrapped body text does.
    """
    assert unit.block is not None
    around = [
        f
        for neighbour in (previous, following)
        if neighbour is not None and neighbour.block
        for f in neighbour.block.fragments
    ]
    local = _local_width(around, width)
    lines = unit.block.fragments
    fills = all(local - NEAR_FULL_EMS <= f.fill <= local + 1 for f in lines)
    spaced = letter_spaced("\n".join(f.text for f in lines))
    clause_wrap = any(f.text.rstrip()[-1:] in _INNER_PUNCTUATION for f in lines[:-1])
    return (fills and not spaced) or clause_wrap


def _parts(unit: Unit) -> list[Unit]:
    return heading_parts(unit) if unit.kind == "heading" else [unit]


def _next_text_unit(units: Sequence[Unit], index: int) -> Unit | None:
    for unit in units[index + 1 :]:
        if unit.kind != "caption":
            return unit
    return None


# -- articles ---------------------------------------------------------------------------------


@attrs.define
class Segment:
    """The units of one article, by part, and the flags the segmentation raised."""

    group: list[Unit] = attrs.Factory(list)
    bylines: list[Unit] = attrs.Factory(list)
    dateline: Unit | None = None
    #: Body units and crossheads, in page order.
    body: list[Unit] = attrs.Factory(list)
    marks: list[Unit] = attrs.Factory(list)
    flags: set[str] = attrs.Factory(set)
    #: A closing byline or 下转 mark ended the article's text.
    closed: bool = False

    @property
    def has_text(self) -> bool:
        """Whether the article has text of its own: a dateline or body."""
        return self.dateline is not None or bool(self.body)


@attrs.frozen(kw_only=True)
class Segmentation:
    """The articles of a page (in page order of their units), what no article took, and the placement."""

    segments: tuple[Segment, ...]
    captions: tuple[Unit, ...]
    orphans: tuple[Unit, ...]
    placement: Placement | None
    placement_undecided: bool


def segment(units: Sequence[Unit], width: float) -> Segmentation:
    """Group a page's units into articles.

    First the headline placement is decided for the page
    (:func:`~lhasa_corpus.headlines.decide_placement`) over its headline
    groups: runs of heading units with nothing but captions between. Then
    the units are walked in order; where headlines precede their bodies, a
    headline group, a dateline, a byline or a 上接 mark opens an article
    unless the article being read has no text yet; where they follow, a
    headline group closes the article before it. A heading between two
    stretches of text is judged a headline or a crosshead
    (:func:`~lhasa_corpus.headlines.judge_heading`).
    """
    captions = tuple(unit for unit in units if unit.kind == "caption")
    flow = _groups([unit for unit in units if unit.kind != "caption"])
    placement, undecided = decide_placement(_group_neighbours(flow))
    walker = _Walker(flow, placement, width, _bylines_follow_headlines(flow))
    segments, orphans = walker.walk()
    return Segmentation(
        segments=tuple(segments),
        captions=captions,
        orphans=tuple(orphans),
        placement=placement if any(isinstance(item, list) for item in flow) else None,
        placement_undecided=undecided,
    )


Item = Unit | list[Unit]


def _groups(units: Sequence[Unit]) -> list[Item]:
    """The units with each run of adjacent heading units (up to :data:`MAX_GROUP`) made one list.

    A heading indented like a paragraph (U+3000) does not join the heading
    before it unless that one is indented too: it is a crosshead opening the
    body under a headline. An ordinal heading (``二、…``) joins none: a
    headline group has no such part.
    """
    items: list[Item] = []
    for unit in units:
        if unit.kind == "heading":
            last = items[-1] if items else None
            joins = (
                isinstance(last, list)
                and len(last) < MAX_GROUP
                and last[-1].indented == unit.indented
                and not ordinal(last[-1].squeezed)
                and not ordinal(unit.squeezed)
            )
            if isinstance(last, list) and joins:
                last.append(unit)
                continue
            items.append([unit])
        else:
            items.append(unit)
    return items


def _group_neighbours(flow: Sequence[Item]) -> list[GroupNeighbours]:
    """Each headline group with the body text between it and the groups before and after it.

    A group at the start of the page has no previous text, one at the end no
    following text (None): what lies between two groups is one stretch, shared
    by both, so the vote reads each stretch at most twice. A heading shaped
    like a crosshead (``二、…``, a question, a paragraph's indent) does not
    vote: a crosshead opens the text after it whichever way headlines stand.
    """
    stretches: list[list[str]] = [[]]
    groups: list[list[Unit]] = []
    for item in flow:
        if isinstance(item, list) and _crosshead_like(item):
            continue
        if isinstance(item, list):
            groups.append(item)
            stretches.append([])
        elif item.kind == "body":
            stretches[-1].append(item.squeezed)
    texts = ["".join(stretch) or None for stretch in stretches]
    return [
        GroupNeighbours(
            squeezed="".join(unit.squeezed for unit in group), previous=texts[i], following=texts[i + 1]
        )
        for i, group in enumerate(groups)
    ]


def _crosshead_like(group: Sequence[Unit]) -> bool:
    squeezed = "".join(unit.squeezed for unit in group)
    return len(group) == 1 and (crosshead_marked(squeezed) or asks(squeezed) or group[0].indented)


def _bylines_follow_headlines(flow: Sequence[Item]) -> bool:
    """Whether, on a page whose headlines follow their bodies, a byline line goes with the headline before it.

    A byline printed under a headline is extracted either with the headline
    or with the body below it, the same way all over a page. By default it
    goes with the body, as the article's text does; only a byline that
    stands after a headline with no text after it (the page's end, or the
    next headline) shows that bylines go with their headlines on this page.
    """
    for index, item in enumerate(flow):
        if not (isinstance(item, Unit) and item.kind == "byline" and item.opens_article) or index == 0:
            continue
        following = flow[index + 1] if index + 1 < len(flow) else None
        if isinstance(flow[index - 1], list) and (following is None or isinstance(following, list)):
            return True
    return False


class _Walker:
    """One walk over a page's units, building its articles."""

    def __init__(self, flow: Sequence[Item], placement: Placement, width: float, follow: bool) -> None:
        self.flow = flow
        self.placement = placement
        self.width = width
        self.bylines_follow_headlines = follow
        self.segments: list[Segment] = []
        self.orphans: list[Unit] = []
        self.current: Segment | None = None

    def walk(self) -> tuple[list[Segment], list[Unit]]:
        for index, item in enumerate(self.flow):
            if isinstance(item, list):
                self._group(index, item)
            elif item.kind == "body":
                self._body(item)
            elif item.kind == "dateline":
                self._opener(item, "dateline")
            elif item.kind == "opening_mark":
                self._opener(item, "mark")
            elif item.kind == "byline":
                self._byline(index, item)
            else:  # closing mark
                self._closer(item)
        self._close()
        return self.segments, self.orphans

    # -- the rules --------------------------------------------------------------------------

    def _close(self) -> None:
        """End the article being read; one without text gives its units to the page's leftovers."""
        current, self.current = self.current, None
        if current is None:
            return
        if current.has_text or (current.bylines and current.group):
            self.segments.append(current)
        else:
            self.orphans.extend(current.group + current.bylines + current.marks)

    def _open(self) -> Segment:
        self._close()
        self.current = Segment()
        return self.current

    def _waiting(self) -> Segment | None:
        """The article being read when it has no text yet and may take an opener, else None."""
        current = self.current
        if current is not None and not current.has_text and not current.closed:
            return current
        return None

    def _body(self, unit: Unit) -> None:
        """Body text goes to the article being read, or opens one (without headline) after an ended one."""
        current = self.current
        ended = current is not None and (
            current.closed or (self.placement == "after" and bool(current.group))
        )
        if current is None or ended:
            current = self._open()
        current.body.append(unit)
        if unit.squeezed.endswith(END_MARKS):
            current.closed = True  # （完）: a wire's end mark

    def _opener(self, unit: Unit, kind: Literal["dateline", "mark"]) -> None:
        """A dateline or a 上接 mark opens an article, unless the article being read has no text yet."""
        current = self._waiting()
        if current is None or (kind == "dateline" and current.dateline is not None):
            current = self._open()
        if kind == "dateline":
            current.dateline = unit
        else:
            current.marks.append(unit)

    def _closer(self, unit: Unit) -> None:
        """A 下转 mark ends the text of the article being read."""
        if self.current is None or not self.current.has_text:
            self.orphans.append(unit)
            return
        self.current.marks.append(unit)
        self.current.closed = True

    def _byline(self, index: int, unit: Unit) -> None:
        """A byline goes with the headline or the text it stands next to.

        1. A closing byline (bracketed, or ``张三/文``) ends the article being read.
        2. A byline before any text (under a headline, or opening the page)
           is the article's being read.
        3. Where headlines follow their bodies and bylines go with their
           headline (:func:`_bylines_follow_headlines`), a byline right after
           a headline is that headline's.
        4. A byline after text opens the next article when text follows it;
           otherwise it closes the article being read.
        """
        current = self.current
        if unit.closes_article and current is not None and current.has_text:
            current.bylines.append(unit)
            current.closed = True
            return
        waiting = self._waiting()
        if waiting is not None:
            waiting.bylines.append(unit)
            return
        if (
            current is not None
            and current.group
            and self.placement == "after"
            and self.bylines_follow_headlines
        ):
            current.bylines.append(unit)
            return
        following = self._next(index)
        text_follows = isinstance(following, Unit) and following.kind in ("body", "dateline", "opening_mark")
        ended = self.placement == "after" and bool(current and current.group)  # its headline closed it
        if current is not None and current.has_text and not ended and not text_follows:
            current.bylines.append(unit)
            current.closed = True
            return
        self._open().bylines.append(unit)

    def _group(self, index: int, group: list[Unit]) -> None:
        """A headline group opens or closes an article, or is a crosshead inside one.

        An ordinal heading (``一、…``) right under a headline, with no text
        between, is the first crosshead of that headline's article: it opens
        its body, it does not take the headline's place.
        """
        current = self.current
        following = self._next(index)
        if self.placement == "before":
            if current is None or current.closed:
                self._open().group = group
            elif not current.has_text and current.group and (group[0].indented or _ordinal_only(group)):
                current.body.extend(group)  # a crosshead set like a paragraph, or 一、…, opening the body
            elif not current.has_text:
                self.orphans.extend(current.group)  # a headline with no text of its own
                current.group = group
            elif following is None:
                self.orphans.extend(group)  # a headline at the page's end: its text is elsewhere
            else:
                self._judge(index, group, current)
            return
        if current is not None and current.group and _ordinal_only(group):
            for unit in group:  # 一、… right under a headline opens the next article's body
                self._body(unit)
            return
        if current is None or not current.has_text or current.group:
            if current is not None and not current.has_text and current.bylines and not current.group:
                current.group = group  # a byline, then its headline, then the text
                return
            self.orphans.extend(group)  # the headline of an article on another page
            return
        self._judge(index, group, current)

    def _judge(self, index: int, group: list[Unit], current: Segment) -> None:
        previous = self.flow[index - 1] if index > 0 else None
        following = self._next(index)
        context = HeadingContext(
            squeezed_blocks=tuple(unit.squeezed for unit in group),
            raw="\n".join(_raw_lines(group)),
            widest_fill=max(f.fill for unit in group if unit.block for f in unit.block.fragments),
            width=self.width,
            opener_after=(isinstance(following, Unit) and following.opens_article)
            or (self.placement == "after" and following is None),
            closer_before=current.closed or (isinstance(previous, Unit) and previous.closes_article),
            text_before="".join(unit.squeezed for unit in current.group + current.body[-CONTEXT_UNITS:]),
            text_after=self._text_after(index),
            indented=group[0].indented,
        )
        judgement = judge_heading(context, self.placement)
        if not judgement.headline:
            current.body.extend(group)
            if judgement.guessed:
                current.flags.add("boundary_guessed")
            return
        if self.placement == "before":
            current = self._open()
        current.group = group
        if judgement.guessed:
            current.flags.add("boundary_guessed")

    def _next(self, index: int) -> Item | None:
        return self.flow[index + 1] if index + 1 < len(self.flow) else None

    def _text_after(self, index: int) -> str:
        """The body text after a heading, up to the next cue; :data:`CONTEXT_UNITS` units at most."""
        texts = []
        for item in self.flow[index + 1 : index + 1 + CONTEXT_UNITS]:
            if not isinstance(item, Unit) or item.kind != "body":
                break
            texts.append(item.squeezed)
        return "".join(texts)


def _ordinal_only(group: Sequence[Unit]) -> bool:
    """Whether a group is an ordinal heading (``一、…``): a numbered section's, never an article's."""
    return all(ordinal(unit.squeezed) for unit in group)


def _raw_lines(group: Sequence[Unit]) -> Iterator[str]:
    for unit in group:
        if unit.block is not None:
            for fragment in unit.block.fragments:
                yield fragment.text
