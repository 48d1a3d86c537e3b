"""Lines to fragments, fragments to blocks, body lines to paragraphs.

A *fragment* is the text of one line between cuts (datelines, continuation
marks, furniture), trimmed of white space. A *block* is a run of fragments
with no blank line between them. Blank lines are either paragraph ends or
column breaks, so paragraphs are decided line by line (:func:`split_paragraphs`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

import attrs

from lhasa_corpus.chars import IDEOGRAPHIC_SPACE, ends_sentence, line_fill, squeeze
from lhasa_corpus.lines import Line

#: A line at least this many ems shorter than its column is short: the last
#: line of a paragraph, or a first line whose indent the extractor dropped.
SHORT_LINE_EMS: Final = 1.0
#: A line this many ems shorter than its column is surely a first line: it
#: lacks the two-em paragraph indent.
INDENT_EMS: Final = 2.0


class Fragment(NamedTuple):
    """Text of one line between cuts, as raw offsets with white space trimmed.

    A named tuple, not an attrs class: a page makes one per line, and a tuple
    is made in half the time.
    """

    start: int
    end: int
    line: int
    text: str
    whole_line: bool
    #: The fragment starts its line and the line is indented.
    indented: bool
    fill: float
    after_cut: bool = False
    #: The fragment's line is indented, whether or not the fragment starts it
    #: (the body after a dateline at the start of an indented line).
    line_indented: bool = False


@attrs.frozen(kw_only=True)
class Block:
    """Fragments with no blank line between them."""

    fragments: tuple[Fragment, ...]
    #: The block's characters with the white space taken out.
    squeezed: str = attrs.field(init=False)

    @squeezed.default
    def _squeezed(self) -> str:
        return "".join(squeeze(fragment.text) for fragment in self.fragments)

    @property
    def start(self) -> int:
        """Raw offset of the block's first character."""
        return self.fragments[0].start

    @property
    def end(self) -> int:
        """Raw offset just after the block's last character."""
        return self.fragments[-1].end


def cut_fragments(lines: Sequence[Line], cuts: Sequence[tuple[int, int]]) -> list[Fragment]:
    """The fragments of *lines* outside the *cuts* (sorted, non-overlapping raw spans).

    A fragment after a cut, with no fragment between, is marked ``after_cut``.

    >>> from lhasa_corpus.lines import split_lines
    >>> text = "标题拉萨融媒讯（记者）正文\\n\\u3000\\u3000下一段"
    >>> [(f.text, f.whole_line, f.indented, f.after_cut) for f in cut_fragments(split_lines(text), [(2, 11)])]
    [('标题', False, False, False), ('正文', False, False, True), ('下一段', True, True, False)]
    """
    fragments: list[Fragment] = []
    cut_count = len(cuts)
    #: The first cut that ends after the current line starts.
    cut_index = 0
    #: The first cut that starts at or after the end of the last fragment.
    mark_index = 0
    previous_end = -1
    for line in lines:
        text = line.text
        stripped = text.strip()
        if not stripped:
            continue
        while cut_index < cut_count and cuts[cut_index][1] <= line.start:
            cut_index += 1
        leading = text[: len(text) - len(text.lstrip())]
        indented = _is_indent(leading)
        # An indent takes room in the column: count it, so that an indented
        # first line that reaches the column edge is a full line.
        fill = line_fill(stripped) + (_indent_ems(leading) if indented else 0.0)
        whole_line = cut_index == cut_count or cuts[cut_index][0] >= line.end
        if whole_line:
            # The common case: no cut touches the line, which is one fragment.
            start = line.start + len(leading)
            pieces = [(start, start + len(stripped), stripped, True)]
        else:
            pieces = _pieces(line, cuts, cut_index)
        for start, end, piece, opens_line in pieces:
            while mark_index < cut_count and cuts[mark_index][0] < previous_end:
                mark_index += 1
            fragments.append(
                Fragment(
                    start=start,
                    end=end,
                    line=line.number,
                    text=piece,
                    whole_line=whole_line,
                    indented=indented and opens_line,
                    fill=fill,
                    after_cut=mark_index < cut_count and cuts[mark_index][0] < start,
                    line_indented=indented,
                )
            )
            previous_end = end
    return fragments


def _pieces(line: Line, cuts: Sequence[tuple[int, int]], first: int) -> list[tuple[int, int, str, bool]]:
    """The trimmed text of *line* between the cuts from index *first* on.

    Each piece comes with its raw offsets and whether it opens the line.
    """
    pieces = []
    position = line.start
    index = first
    bounds = []
    while index < len(cuts) and cuts[index][0] < line.end:
        cut_start, cut_end = cuts[index]
        if cut_start > position:
            bounds.append((position, cut_start))
        position = max(position, cut_end)
        index += 1
    if position < line.end:
        bounds.append((position, line.end))
    for piece_start, piece_end in bounds:
        raw = line.text[piece_start - line.start : piece_end - line.start]
        piece = raw.strip()
        if piece:
            start = piece_start + len(raw) - len(raw.lstrip())
            pieces.append((start, start + len(piece), piece, piece_start == line.start))
    return pieces


def starts_indented_line(text: str, offset: int) -> bool:
    """Whether the character at *offset* is the first of an indented line.

    >>> starts_indented_line("正文\\n\\u3000\\u3000本报讯", 5), starts_indented_line("本报讯", 0)
    (True, False)
    """
    line_start = max(text.rfind(char, 0, offset) for char in "\n\r") + 1
    leading = text[line_start:offset]
    return not leading.strip() and _is_indent(leading)


def opens_paragraph_indent(text: str, offset: int) -> bool:
    """Whether the character at *offset* opens a line indented with the ideographic space U+3000.

    That indent marks a paragraph's first line: centred headings are padded
    with ASCII spaces, if at all.

    >>> opens_paragraph_indent("正文\\n\\u3000\\u3000加强", 5), opens_paragraph_indent("正文\\n  堆龙", 5)
    (True, False)
    """
    line_start = max(text.rfind(char, 0, offset) for char in "\n\r") + 1
    leading = text[line_start:offset]
    return not leading.strip() and IDEOGRAPHIC_SPACE in leading


def _is_indent(leading: str) -> bool:
    """Whether the white space that opens a line is a paragraph indent: U+3000 or two spaces."""
    return IDEOGRAPHIC_SPACE in leading or len(leading) >= 2


def _indent_ems(leading: str) -> float:
    return sum(1.0 if char == IDEOGRAPHIC_SPACE else 0.5 for char in leading)


def group_blocks(fragments: Iterable[Fragment]) -> list[Block]:
    """Group fragments into blocks: a blank line or a cut starts a new block.

    A block must be a run of raw text with nothing but white space between
    its fragments, so that a block's raw range never holds a cut's text.

    >>> from lhasa_corpus.lines import split_lines
    >>> blocks = group_blocks(cut_fragments(split_lines("一\\n二\\n\\n三"), []))
    >>> [block.squeezed for block in blocks]
    ['一二', '三']
    """
    blocks: list[list[Fragment]] = []
    for fragment in fragments:
        if blocks and fragment.line - blocks[-1][-1].line <= 1 and not fragment.after_cut:
            blocks[-1].append(fragment)
        else:
            blocks.append([fragment])
    return [Block(fragments=tuple(block)) for block in blocks]


def column_width(fragments: Sequence[Fragment]) -> float:
    """The width of the column the fragments were set in, in ems.

    The most common fill of a whole line (the larger one on a tie): most lines
    of a body fill their column, while first lines, last lines and lines with
    squeezed punctuation scatter around it.

    >>> from lhasa_corpus.lines import split_lines
    >>> column_width(cut_fragments(split_lines("一二三四五\\n一二三四五\\n一二三\\n一二三四五六"), []))
    5.0
    """
    fills = [fragment.fill for fragment in fragments if fragment.whole_line] or [
        fragment.fill for fragment in fragments
    ]
    if not fills:
        return 0.0
    counts = Counter(fills)
    return max(counts, key=lambda fill: (counts[fill], fill))


def ends_paragraph(before: Fragment, after: Fragment, width: float) -> bool:
    """Whether a paragraph ends between two consecutive body fragments.

    *width* is the column width in ems (:func:`column_width`). In order:

    1. the next line is indented (U+3000 or two spaces): a paragraph starts;
    2. the line does not end a sentence: the line or the column wrapped
       mid-sentence, blank line or not;
    3. the line ends a sentence and is short: the paragraph ended before the
       column did;
    4. a blank line follows: the paragraph ended, unless the next line is
       full -- a first line lacks its indent, so a full next line means the
       blank line was a column break;
    5. no blank line: the paragraph goes on, unless the next line lacks a
       whole two-em indent and goes on past its end -- a short line that
       ends a sentence is more often a paragraph's last line than a
       paragraph of one line.
    """
    if after.indented:
        return True
    if not ends_sentence(before.text):
        return False
    if before.fill <= width - SHORT_LINE_EMS:
        return True
    if after.line - before.line > 1:
        return after.fill <= width - SHORT_LINE_EMS
    return after.fill <= width - INDENT_EMS and not ends_sentence(after.text)


def marks_paragraphs_by_indent(lines: Sequence[Line], indented: Iterable[int]) -> bool:
    """Whether the extractor kept paragraph indents on a page, given its indented body lines.

    An extractor keeps indents for a whole page or for none of it, so the
    page decides, over the numbers of its indented body lines (the lines
    datelines start among them: an article whose first indent was lost to
    a dateline glued behind a headline is still marked). One line indented
    with U+3000 is enough: no extractor leaves an ideographic space astray.
    Indents of ASCII spaces, which can be stray, take two lines.

    >>> from lhasa_corpus.lines import split_lines
    >>> lines = split_lines("\\u3000\\u3000一段\\n二段\\n  三段")
    >>> marks_paragraphs_by_indent(lines, [0]), marks_paragraphs_by_indent(lines, [2])
    (True, False)
    """
    numbers = set(indented)
    ideographic = any(lines[number].text.lstrip(" \t").startswith(IDEOGRAPHIC_SPACE) for number in numbers)
    return ideographic or len(numbers) >= 2


def split_paragraphs(
    fragments: Sequence[Fragment], width: float | None = None, *, indent_marked: bool
) -> list[list[Fragment]]:
    """Split the fragments of one stretch of article body into paragraphs.

    Where the extractor kept paragraph indents (*indent_marked*, which the
    page decides: :func:`marks_paragraphs_by_indent`), a paragraph starts
    exactly at each indented line; otherwise :func:`ends_paragraph` decides
    between each two lines.

    >>> from lhasa_corpus.lines import split_lines
    >>> text = "一二三四五六七八九十\\n一二三四五六七八九十\\n一二。\\n一二三四五六七八九十\\n一二三。"
    >>> [len(p) for p in split_paragraphs(cut_fragments(split_lines(text), []), indent_marked=False)]
    [3, 2]
    """
    if not fragments:
        return []
    width = column_width(fragments) if width is None else width
    paragraphs = [[fragments[0]]]
    for before, after in itertools.pairwise(fragments):
        if after.indented if indent_marked else ends_paragraph(before, after, width):
            paragraphs.append([after])
        else:
            paragraphs[-1].append(after)
    return paragraphs
