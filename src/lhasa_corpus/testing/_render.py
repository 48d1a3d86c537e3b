"""Laying specs out as the raw text a PDF extractor emits, and saying what a parse must give back."""

from __future__ import annotations

import codecs
import itertools
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.testing._expect import Ambiguity, ArticleFields, FieldSpan, LeftoverFields, PageFields
from lhasa_corpus.testing._layout import Layout
from lhasa_corpus.testing._specs import ArticleSpec, CaptionSpec, Furniture, FurnitureLine
from lhasa_corpus.testing._typesetting import (
    IDEOGRAPHIC_SPACE,
    FieldKey,
    Unit,
    ems,
    ends_sentence,
    is_alnum,
    is_wide,
    join_units,
    letter_spaced,
    may_break,
    units,
    wrap,
)

#: Encodings :func:`encode_pages` writes, as Python codec names.
ENCODINGS: Final = ("utf-8", "utf-8-sig", "gb18030")
#: Where a caption may stand on a page; ``mixed`` draws one of these for each caption.
_PLACES: Final = ("with_article", "page_start", "page_end", "in_body", "other_body")
#: The longest paragraph that, alone between blank lines and ending in ！ or ？, reads like a headline.
DISPLAY_LINE_CHARS: Final = 12
#: Openings of ordinal headings (``一、``, ``（一）``, ``1.``): a crosshead so marked is no headline.
_ORDINALS: Final = "一二三四五六七八九十"

Key = FieldKey
Segment = tuple[Key | None, str]
LineKind = Literal["body", "headline", "caption", "furniture", "mark", "byline"]


@attrs.frozen(kw_only=True)
class RenderedPage:
    """A rendered page: its text, what is on it, and what a parse must find.

    *articles* are the specs in page order; *furniture* the pieces of furniture
    in page order; *ambiguities* the places where the layout hides structure by
    nature; *spans* where each field stands in *text*.
    """

    text: str
    articles: tuple[ArticleSpec, ...]
    layout: Layout
    furniture: tuple[Furniture, ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    spans: tuple[FieldSpan, ...] = ()

    @property
    def leftovers(self) -> tuple[str, ...]:
        """The text of each piece of furniture: what a parse must leave over, in page order."""
        return tuple(piece.text for piece in self.furniture)

    @property
    def unambiguous(self) -> bool:
        """Whether the page shows all of its structure: every paragraph end, article start and the width."""
        return not self.ambiguities

    @property
    def paragraphs_unambiguous(self) -> bool:
        """Whether the page hides no paragraph boundary (other ambiguities aside)."""
        return not any(ambiguity.hides_paragraphs for ambiguity in self.ambiguities)

    @property
    def articles_unambiguous(self) -> bool:
        """Whether every article's start and every caption shows on the page (paragraph ends aside)."""
        return not any(
            ambiguity.reason
            in ("heading_like_headline", "paragraph_like_headline", "boundary_hidden", "caption_uncredited")
            for ambiguity in self.ambiguities
        )

    def expected(self) -> tuple[ArticleFields, ...]:
        """The fields a parse must give back, article by article in page order."""
        return tuple(ArticleFields.expected(article) for article in self.articles)

    def expected_page(self) -> PageFields:
        """What a parse of the page must give back: articles, leftovers, sections, editors, placement."""
        headlines = any(article.headline_blocks for article in self.articles)
        return PageFields(
            articles=self.expected(),
            leftovers=tuple(LeftoverFields(text=piece.text, kind=piece.kind) for piece in self.furniture),
            sections=tuple(piece.text for piece in self.furniture if piece.kind == "section"),
            editors=tuple(person for piece in self.furniture for person in piece.people),
            headline_placement=self.layout.placement if headlines else None,
        )

    def spans_of(self, article: int | None, field: str) -> tuple[FieldSpan, ...]:
        """The spans of one field of one article (``None`` with ``leftovers/<n>`` for furniture)."""
        return tuple(span for span in self.spans if span.article == article and span.field == field)


@attrs.define
class _Line:
    segments: list[Segment]
    kind: LineKind
    article: int | None = None
    paragraph: int | None = None
    first: bool = False
    last: bool = False
    indented: bool = False
    holds_dateline: bool = False
    blank_after: bool = False
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.segments)


def _wide_meets_alnum(left: str, right: str) -> bool:
    return (is_wide(left) and is_alnum(right)) or (is_alnum(left) and is_wide(right))


def _tear_at(text: str) -> int | None:
    """Where ``CCTV-1`` may tear as ``CCTV- 1``: after the hyphen of a compound touching a wide character."""
    for index in range(1, len(text) - 1):
        if text[index] == "-" and is_alnum(text[index - 1]) and is_alnum(text[index + 1]):
            start = index - 1
            while start > 0 and is_alnum(text[start - 1]):
                start -= 1
            end = index + 1
            while end < len(text) and is_alnum(text[end]):
                end += 1
            if (start > 0 and is_wide(text[start - 1])) or (end < len(text) and is_wide(text[end])):
                return index + 1
    return None


def _spaced(line: Sequence[Unit], rng: random.Random, *, justified: bool, digits: bool) -> list[Segment]:
    """A line's segments, with the stray spaces an extractor adds to justified lines and around numbers.

    Stray spaces go only between units that are not protected (datelines,
    bylines and marks keep their printed spaces): between two wide characters
    on justified lines, between a wide character and a digit or letter, and
    after the hyphen of a compound (``CCTV- 1``).
    """
    wide_gaps = [
        index
        for index in range(1, len(line))
        if not line[index].space
        and not (line[index - 1].protected or line[index].protected)
        and is_wide(line[index - 1].text[-1])
        and is_wide(line[index].text[0])
    ]
    chosen = (
        set(rng.sample(wide_gaps, min(len(wide_gaps), rng.randint(1, 3))))
        if justified and wide_gaps
        else set()
    )
    segments: list[Segment] = []
    protected: list[bool] = []
    for index, unit in enumerate(line):
        if index:
            before = line[index - 1]
            if unit.space:
                segments.append((unit.field if before.field == unit.field else None, " "))
                protected.append(True)
            elif index in chosen or (
                digits
                and not (before.protected or unit.protected)
                and _wide_meets_alnum(before.text[-1], unit.text[0])
                and rng.random() < 0.6
            ):
                segments.append((None, " "))
                protected.append(True)
        segments.append((unit.field, unit.text))
        protected.append(unit.protected)
    text = "".join(piece for _, piece in segments)
    if digits and "- " not in text and rng.random() < 0.5:
        at = _tear_at(text)
        position = 0
        for number, (key, piece) in enumerate(segments):
            if at is not None and position < at < position + len(piece) and not protected[number]:
                cut = at - position
                segments[number : number + 1] = [(key, piece[:cut]), (None, " "), (key, piece[cut:])]
                break
            position += len(piece)
    return segments


@attrs.define
class _Page:
    layout: Layout
    rng: random.Random
    articles: Sequence[ArticleSpec]
    lines: list[_Line | None] = attrs.Factory(list)
    furniture: list[Furniture] = attrs.Factory(list)
    #: Captions to set inside a body once every body is laid out: (article, caption index, target).
    inside: list[tuple[int, int, int]] = attrs.Factory(list)

    def blank(self) -> None:
        if self.lines and self.lines[-1] is not None:
            self.lines.append(None)

    def add(self, line: _Line) -> None:
        self.lines.append(line)

    # -- headline group, byline, marks --------------------------------------------------------

    def headlines(self, index: int, article: ArticleSpec) -> None:
        fields = [("kicker", article.kicker), ("headline", article.headline)]
        fields += [(f"subheadlines/{number}", text) for number, text in enumerate(article.subheadlines)]
        for field, block in fields:
            if block is None:
                continue
            self.blank()
            for text in self._headline_lines(block):
                self.add(_Line([((index, field), text)], "headline", article=index))
            self.blank()

    def _headline_lines(self, headline: str) -> list[str]:
        pieces = units(headline)
        lines = [headline]
        if self.layout.wrap_headlines and len(pieces) >= 6:
            breaks = [at for at in range(2, len(pieces) - 1) if may_break(pieces[at - 1], pieces[at])]
            if breaks:
                middle = len(pieces) / 2
                at = min(breaks, key=lambda at: (abs(at - middle), at))
                lines = [join_units(pieces[:at]), join_units(pieces[at:])]
        if self.layout.letter_spaced_headlines and " " not in headline:
            lines = [letter_spaced(line) for line in lines]
        return lines

    def lead(self, index: int, article: ArticleSpec) -> None:
        """What stands between the headline group and the body: a jump-in mark, a top byline."""
        if article.continued_from is not None and not self.layout.glue_continuations:
            self.blank()
            self.add(_Line([((index, "continuations/0"), article.continued_from)], "mark", article=index))
        if article.byline is not None and article.byline.position == "top":
            self.blank()
            self._byline_lines(index, article.byline.text)
            self.blank()

    def _byline_lines(self, index: int, text: str) -> None:
        width = float(self.layout.width)
        for line in wrap(units(text, (index, "byline"), protected=True), width, width):
            printed = join_units(line)
            if self.layout.justified_spaces and " " in printed and self.rng.random() < 0.5:
                printed = printed.replace(" ", "  ", 1)  # a stray space beside the printed one
            self.add(_Line([((index, "byline"), printed)], "byline", article=index))

    # -- the body -----------------------------------------------------------------------------

    def body(self, index: int, article: ArticleSpec) -> None:
        layout = self.layout
        width = float(layout.width)
        short = layout.first_line in ("dropped", "indent")
        glue = (
            layout.glue_datelines
            and article.dateline is not None
            and not (article.continued_from is not None and layout.glue_continuations)
            and self._ends_in_headline()
            and self.rng.random() < 0.7
        )
        for number in range(len(article.paragraphs)):
            heading = number in article.crossheads
            pieces = self._paragraph_units(index, number, article)
            first = width - 2 if short and not (heading and layout.first_line == "dropped") else width
            if number == 0 and article.dateline is not None and layout.split_datelines:
                first = self._split_capacity(pieces, (index, "dateline"), first)
            lines = self._paragraph_lines(index, number, wrap(pieces, first, width), heading=heading)
            if layout.column_breaks and not heading:
                for before, after in itertools.pairwise(lines):
                    safe = not ends_sentence(before.text) or ems(after.text) > width - 1
                    if safe and self.rng.random() < 0.2:
                        before.blank_after = True
            if heading and layout.crosshead_gap:
                self.blank()
            if number == 0 and glue:
                self._glue(lines[0])
                if lines[0].blank_after:
                    self.blank()
                lines = lines[1:]
            for line in lines:
                self.add(line)
                if line.blank_after:
                    self.blank()
            if layout.paragraph_gap or (heading and layout.crosshead_gap):
                self.blank()
        self.tail(index, article)

    def _paragraph_units(self, index: int, number: int, article: ArticleSpec) -> list[Unit]:
        """The units of paragraph *number*, with what the layout glues to it (dateline, bylines, marks)."""
        pieces = units(article.paragraphs[number], (index, f"paragraphs/{number}"))
        lead: list[Unit] = []
        if number == 0:
            if article.continued_from is not None and self.layout.glue_continuations:
                lead += units(article.continued_from, (index, "continuations/0"), protected=True)
            if article.dateline is not None:
                lead += units(article.dateline.text, (index, "dateline"), protected=True)
        if number == len(article.paragraphs) - 1:
            if article.byline is not None and article.byline.position == "end":
                pieces += units(article.byline.text, (index, "byline"), protected=True)
            if article.continued_to is not None and self.layout.glue_continuations:
                field = f"continuations/{len(article.continuations) - 1}"
                pieces += units(article.continued_to, (index, field), protected=True)
        return lead + pieces

    def _split_capacity(self, pieces: Sequence[Unit], dateline: Key, first: float) -> float:
        """A first-line capacity that breaks the line inside the dateline (``split_datelines``)."""
        own = [at for at, piece in enumerate(pieces) if piece.field == dateline]
        inside = [at for at in own[2:] if may_break(pieces[at - 1], pieces[at])]
        if not inside:
            return first
        at = self.rng.choice(inside)
        return min(first, sum(ems(piece.text) for piece in pieces[:at]))

    def _paragraph_lines(
        self, index: int, number: int, wrapped: list[list[Unit]], *, heading: bool
    ) -> list[_Line]:
        layout = self.layout
        lines = []
        for line_number, line_units in enumerate(wrapped):
            justified = not heading and layout.justified_spaces and self.rng.random() < 0.3
            digits = layout.digit_spaces and not heading
            lines.append(
                _Line(
                    _spaced(line_units, self.rng, justified=justified, digits=digits),
                    "body",
                    article=index,
                    paragraph=number,
                    first=line_number == 0,
                    last=line_number == len(wrapped) - 1,
                    holds_dateline=any(unit.field == (index, "dateline") for unit in line_units),
                    heading=heading,
                )
            )
        if layout.first_line == "indent":
            lines[0].segments.insert(0, (None, IDEOGRAPHIC_SPACE * 2))
            lines[0].indented = True
        elif number == 0 and layout.justified_spaces and self.rng.random() < 0.5:
            lines[0].segments.insert(0, (None, " "))  # the stray space before a dateline
        return lines

    def tail(self, index: int, article: ArticleSpec) -> None:
        """What follows the body on lines of its own: a trailing byline, a jump-out mark."""
        if article.byline is not None and article.byline.position == "end_line":
            if self.lines and self.lines[-1] is None:
                self.lines.pop()
            self._byline_lines(index, article.byline.text)
            self.blank()
        if article.continued_to is not None and not self.layout.glue_continuations:
            if self.lines and self.lines[-1] is None:
                self.lines.pop()
            field = f"continuations/{len(article.continuations) - 1}"
            self.add(_Line([((index, field), article.continued_to)], "mark", article=index))
            self.blank()

    def _ends_in_headline(self) -> bool:
        filled = [line for line in self.lines if line is not None]
        return bool(filled) and filled[-1].kind == "headline"

    def _glue(self, line: _Line) -> None:
        while self.lines and self.lines[-1] is None:
            self.lines.pop()
        headline = self.lines.pop()
        if headline is None:  # pragma: no cover - _ends_in_headline checked it
            raise AssertionError("no headline to glue to")
        while line.segments and line.segments[0][0] is None and not line.segments[0][1].strip():
            line.segments.pop(0)
        line.segments[:0] = headline.segments
        line.indented = False
        line.holds_dateline = True
        self.add(line)

    # -- captions and furniture ---------------------------------------------------------------

    def caption_lines(self, index: int, number: int, caption: CaptionSpec) -> list[_Line]:
        text = ((index, f"captions/{number}/text"), caption.text)
        if caption.credit is None:
            return [_Line([text], "caption", article=index)]
        credit = ((index, f"captions/{number}/credit"), caption.credit)
        if self.layout.credit_line:
            return [_Line([text], "caption", article=index), _Line([credit], "caption", article=index)]
        return [_Line([text, (None, " "), credit], "caption", article=index)]

    def captions(self, captions: Iterable[tuple[int, int, CaptionSpec]]) -> None:
        for index, number, caption in captions:
            if self.layout.caption_gap:
                self.blank()
            for line in self.caption_lines(index, number, caption):
                self.add(line)
            if self.layout.caption_gap:
                self.blank()

    def set_inside(self) -> None:
        """Set the captions that stand inside a body, now that every body is laid out."""
        for index, number, target in reversed(self.inside):
            caption = self.articles[index].captions[number]
            own = [
                at
                for at, line in enumerate(self.lines)
                if line is not None and line.kind == "body" and line.article == target
            ]
            inner = own[:-1] or own
            ends = [at for at in inner if self._line(at).last]
            at = self.rng.choice(ends if ends and self.rng.random() < 0.6 else inner)
            block: list[_Line | None] = list(self.caption_lines(index, number, caption))
            if self.layout.caption_gap:
                block = [None, *block, None]
            self.lines[at + 1 : at + 1] = block

    def _line(self, at: int) -> _Line:
        line = self.lines[at]
        if line is None:  # pragma: no cover - callers pick body lines
            raise AssertionError("a blank line has no fields")
        return line

    def furniture_lines(self, lines: Sequence[FurnitureLine | Furniture | str]) -> None:
        for entry in lines:
            pieces = _furniture_pieces(entry)
            segments: list[Segment] = []
            for piece in pieces:
                if segments:
                    segments.append((None, " "))
                segments.append(((None, f"leftovers/{len(self.furniture)}"), piece.text))
                self.furniture.append(piece)
            self.blank()
            self.add(_Line(segments, "furniture"))
            self.blank()

    def text(self) -> tuple[str, tuple[FieldSpan, ...]]:
        """The page text, and where each field stands in it: one span per stretch only it holds."""
        lines: list[_Line | None] = []
        for line in self.lines:
            if line is not None or (lines and lines[-1] is not None):
                lines.append(line)
        while lines and lines[-1] is None:
            lines.pop()
        self.lines = lines
        newline = self.layout.newline
        out: list[str] = []
        stretches: list[tuple[Key, int, list[int]]] = []  # (field, start, [end]) of each stretch
        latest: Key | None = None  # the field of the latest character that is not white space
        position = 0
        for line in lines:
            for key, piece in [] if line is None else line.segments:
                if key is not None and piece.strip():
                    end = position + len(piece.rstrip())
                    if key == latest:
                        stretches[-1][2][0] = end
                    else:
                        stretches.append((key, position + len(piece) - len(piece.lstrip()), [end]))
                    latest = key
                out.append(piece)
                position += len(piece)
            out.append(newline)
            position += len(newline)
        spans = tuple(
            FieldSpan(article=key[0], field=key[1], start=start, end=end[0]) for key, start, end in stretches
        )
        return "".join(out), spans


def _furniture_pieces(entry: FurnitureLine | Furniture | str) -> tuple[Furniture, ...]:
    if isinstance(entry, str):
        return (Furniture(text=entry),)
    if isinstance(entry, Furniture):
        return (entry,)
    return tuple(entry)


def render_page(
    articles: Sequence[ArticleSpec],
    layout: Layout | None = None,
    *,
    header: Sequence[FurnitureLine | Furniture | str] = (),
    footer: Sequence[FurnitureLine | Furniture | str] = (),
) -> RenderedPage:
    """Lay *articles* out as one page of raw text, in the order given.

    *header* and *footer* are lines of page furniture printed at the top and the
    bottom: a :class:`Furniture`, a tuple of them (printed on one line, a space
    between), or a plain string (furniture of no known kind). They are what the
    parse must leave over. The same articles and layout always give the same page.

    >>> from lhasa_corpus.models import Contributor
    >>> from lhasa_corpus.testing import DatelineSpec
    >>> article = ArticleSpec(
    ...     dateline=DatelineSpec.wire([Contributor(name="张三", role="记者")]),
    ...     kicker="2025年司法",
    ...     headline="法律职业资格考试举行",
    ...     paragraphs=("考试在拉萨两个考点同时开考。", "“考试发挥得还可以。”考生说。"),
    ...     continued_to="（下转第3版）",
    ... )
    >>> layout = Layout(width=12, placement="before", first_line="indent", paragraph_gap=False,
    ...                 letter_spaced_headlines=True)
    >>> page = render_page([article], layout, header=[Furniture.paper()])
    >>> print(page.text.replace("\\u3000", "□"))
    拉萨日报
    <BLANKLINE>
    2025 年 司 法
    <BLANKLINE>
    法 律 职 业 资 格 考 试 举 行
    <BLANKLINE>
    □□新华社拉萨9月16日
    电 (记者 张三)考试在拉萨两
    个考点同时开考。
    □□“考试发挥得还可以。”
    考生说。
    （下转第3版）
    <BLANKLINE>
    >>> page.leftovers, [ambiguity.reason for ambiguity in page.ambiguities]
    (('拉萨日报',), ['width_not_evident'])

    Three body lines are too few to show the column width: the most common
    fill is not 12 (the closing quote hangs past the edge).
    """
    layout = layout or Layout()
    rng = random.Random(layout.seed)
    page = _Page(layout=layout, rng=rng, articles=articles)
    page.furniture_lines(header)
    places = _caption_places(articles, layout, rng)
    page.captions(item for item, place in places if place == "page_start")
    for index, article in enumerate(articles):
        if layout.placement == "before":
            page.headlines(index, article)
            page.blank()
        page.lead(index, article)
        page.body(index, article)
        if layout.placement == "after":
            page.blank()
            page.headlines(index, article)
        page.captions(item for item, place in places if place == "with_article" and item[0] == index)
        page.blank()
    page.captions(item for item, place in places if place == "page_end")
    page.inside = [
        (index, number, _target(index, place, len(articles), rng))
        for (index, number, _), place in places
        if place in ("in_body", "other_body")
    ]
    page.set_inside()
    page.furniture_lines(footer)
    text, spans = page.text()
    return RenderedPage(
        text=text,
        articles=tuple(articles),
        layout=layout,
        furniture=tuple(page.furniture),
        ambiguities=tuple(_ambiguities(page.lines, articles, layout)),
        spans=spans,
    )


def _caption_places(
    articles: Sequence[ArticleSpec], layout: Layout, rng: random.Random
) -> list[tuple[tuple[int, int, CaptionSpec], str]]:
    """Each caption (article, index, spec) with the place it stands: the layout's, or drawn for ``mixed``."""
    places: list[tuple[tuple[int, int, CaptionSpec], str]] = []
    for index, article in enumerate(articles):
        for number, caption in enumerate(article.captions):
            place = rng.choice(_PLACES) if layout.caption_position == "mixed" else layout.caption_position
            places.append(((index, number, caption), place))
    return places


def _target(index: int, place: str, count: int, rng: random.Random) -> int:
    """The article whose body a caption stands inside: its own, or another one for ``other_body``."""
    if place == "in_body" or count == 1:
        return index
    return rng.choice([other for other in range(count) if other != index])


# -- ambiguities ----------------------------------------------------------------------------------


def _fill(line: _Line) -> float:
    """How much of the column a line takes: its characters, and an indent's two ems."""
    return ems(line.text) + (2 if line.indented else 0)


def _most_common(fills: Sequence[float]) -> float:
    counts = Counter(fills)
    return max(counts, key=lambda fill: (counts[fill], fill))


def _marked_heading(text: str) -> bool:
    """Whether a crosshead shows what it is: an ordinal (``一、``, ``（一）``, ``1.``) or a question."""
    ordinal = (text[:1] in _ORDINALS and text[1:2] == "、") or (text[:1] in "（(" and text[1:2] in _ORDINALS)
    numbered = text[:1].isdigit() and text[1:2] in ".、．"
    return ordinal or numbered or text.rstrip().endswith(("？", "?"))


def _ambiguities(
    lines: Sequence[_Line | None], articles: Sequence[ArticleSpec], layout: Layout
) -> Iterable[Ambiguity]:
    """Where the laid-out page hides a paragraph end, an article start, a caption or its column width."""
    width = float(layout.width)
    body = [line for line in lines if line is not None and line.kind == "body"]
    for index, article in enumerate(articles):
        own = [line for line in body if line.article == index]
        yield from _paragraph_ambiguities(index, own, article, layout)
        whole = [_fill(line) for line in own if not line.holds_dateline and not line.heading]
        if len(whole) >= 4 and _most_common(whole) != width:
            yield Ambiguity(reason="width_not_evident", article=index)
        if index and not (_starts_visibly(article) or _ends_visibly(articles[index - 1], layout)):
            yield Ambiguity(reason="boundary_hidden", article=index)
        for number, caption in enumerate(article.captions):
            if caption.credit is None:
                yield Ambiguity(reason="caption_uncredited", article=index, paragraph=number)
    whole = [_fill(line) for line in body if not line.holds_dateline and not line.heading]
    if whole and _most_common(whole) != width:
        yield Ambiguity(reason="width_not_evident", article=None)


def _paragraph_ambiguities(
    index: int, own: Sequence[_Line], article: ArticleSpec, layout: Layout
) -> Iterable[Ambiguity]:
    width = float(layout.width)
    indent = layout.first_line == "indent"
    for before, after in itertools.pairwise(own):
        if after.first or indent or not ends_sentence(before.text):
            continue
        short_after = width - (1 if before.blank_after else 2)
        if ems(before.text) <= width - 1 or ems(after.text) <= short_after:
            yield Ambiguity(reason="looks_like_end", article=index, paragraph=before.paragraph)
    lasts = [line for line in own if line.last]
    firsts = [line for line in own if line.first]
    gapped = layout.paragraph_gap or layout.crosshead_gap
    for number, (last, first) in enumerate(zip(lasts, firsts[1:], strict=False)):
        if indent:
            continue
        if number in article.crossheads:
            shown = ems(last.text) <= width - 2 and gapped and not layout.column_breaks
            if not shown:
                yield Ambiguity(reason="unpunctuated_end", article=index, paragraph=number)
        elif not ends_sentence(last.text):
            yield Ambiguity(reason="unpunctuated_end", article=index, paragraph=number)
        elif ems(last.text) > width - 1 and (
            ems(first.text) > width - 2 or (not last.blank_after and ends_sentence(first.text))
        ):
            yield Ambiguity(reason="edge", article=index, paragraph=number)
    yield from _display_ambiguities(index, article, layout)


def _display_ambiguities(index: int, article: ArticleSpec, layout: Layout) -> Iterable[Ambiguity]:
    """Paragraphs and crossheads set alone like a headline, with nothing but their wording to tell."""
    alone = layout.paragraph_gap or layout.crosshead_gap
    for number, paragraph in enumerate(article.paragraphs):
        # A slogan-like paragraph (推动群众！) set apart by blank lines is a display line to the eye.
        exclaims = paragraph.endswith(("！", "？", "!", "?")) and len(paragraph) <= DISPLAY_LINE_CHARS
        if layout.paragraph_gap and exclaims and number not in article.crossheads:
            yield Ambiguity(reason="paragraph_like_headline", article=index, paragraph=number)
    for number in article.crossheads:
        if alone and not layout.letter_spaced_headlines and not _marked_heading(article.paragraphs[number]):
            yield Ambiguity(reason="heading_like_headline", article=index, paragraph=number)


def _starts_visibly(article: ArticleSpec) -> bool:
    top = article.byline is not None and article.byline.position == "top"
    return (
        bool(article.headline_blocks)
        or article.dateline is not None
        or top
        or article.continued_from is not None
    )


def _ends_visibly(article: ArticleSpec, layout: Layout) -> bool:
    end = article.byline is not None and article.byline.position in ("end", "end_line")
    after = layout.placement == "after" and bool(article.headline_blocks)
    return end or after or article.continued_to is not None


def encode_pages(pages: Sequence[RenderedPage | str], encoding: str = "utf-8") -> bytes:
    """The bytes of a file holding *pages*, each followed by a form feed, as pdftotext writes them.

    *encoding* is one of :data:`ENCODINGS`: ``utf-8``, ``utf-8-sig`` (with a
    byte order mark) or ``gb18030``.

    >>> data = encode_pages(["拉萨日报", "第二版"], "utf-8-sig")
    >>> data.startswith(codecs.BOM_UTF8), data.decode("utf-8-sig").split("\\f")
    (True, ['拉萨日报', '第二版', ''])
    >>> encode_pages(["拉萨"], "gb18030")
    b'\\xc0\\xad\\xc8\\xf8\\x0c'
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"'encoding' must be one of {ENCODINGS} (got {encoding!r})")
    text = "".join((page if isinstance(page, str) else page.text) + "\f" for page in pages)
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)
