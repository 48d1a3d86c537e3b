"""Unit tests of lines to fragments, blocks and paragraphs (``lhasa_corpus.blocks``), called directly."""

from __future__ import annotations

import pytest

from lhasa_corpus.blocks import (
    Block,
    Fragment,
    column_width,
    cut_fragments,
    ends_paragraph,
    group_blocks,
    marks_paragraphs_by_indent,
    opens_paragraph_indent,
    split_paragraphs,
    starts_indented_line,
)
from lhasa_corpus.lines import split_lines

FULL = "一二三四五六七八九十"  # ten ems: the column of these tests


def fragments(text: str, cuts: list[tuple[int, int]] | None = None) -> list[Fragment]:
    return cut_fragments(split_lines(text), cuts or [])


def line(text: str, number: int, *, indented: bool = False) -> Fragment:
    """A whole-line fragment of *text* on line *number*, filling as many ems as it has characters."""
    return Fragment(
        start=0,
        end=len(text),
        line=number,
        text=text,
        whole_line=True,
        indented=indented,
        fill=float(len(text)),
    )


# -- fragments --------------------------------------------------------------------------------


def test_cut_fragments_counts_the_indent_in_the_fill() -> None:
    """An indented first line that reaches the column edge is a full line: U+3000 is one em, a space half."""
    assert [f.fill for f in fragments("\u3000\u3000一二三\n  一二三\n一二三")] == [5.0, 4.0, 3.0]
    assert [f.indented for f in fragments("\u3000\u3000一二三\n  一二三\n 一二三")] == [True, True, False]


def test_cut_fragments_of_a_line_cut_in_two_marks_which_piece_opens_the_line() -> None:
    text = "\u3000\u3000标题拉萨融媒讯（记者）正文"
    dateline = (text.index("拉"), text.index("正"))
    first, second = fragments(text, [dateline])
    assert (first.text, first.indented, first.line_indented, first.whole_line) == ("标题", True, True, False)
    assert (second.text, second.indented, second.line_indented, second.after_cut) == (
        "正文",
        False,
        True,
        True,
    )


def test_a_cut_that_takes_its_line_terminator_leaves_the_next_line_whole() -> None:
    text = "标题\n正文"
    (fragment,) = fragments(text, [(0, 3)])
    assert (fragment.text, fragment.whole_line, fragment.after_cut) == ("正文", True, True)


def test_a_cut_that_starts_where_a_line_ends_leaves_the_line_whole() -> None:
    text = "正文\n标题"
    (fragment,) = fragments(text, [(2, 5)])
    assert (fragment.text, fragment.whole_line, fragment.after_cut) == ("正文", True, False)


def test_cut_fragments_marks_only_the_first_fragment_after_a_cut() -> None:
    text = "拉萨融媒讯（记者）正文\n下一行\n\n本报讯再一段"
    cuts = [(0, 9), (text.index("本"), text.index("再"))]
    assert [(f.text, f.after_cut) for f in fragments(text, cuts)] == [
        ("正文", True),
        ("下一行", False),
        ("再一段", True),
    ]


def test_cut_fragments_skips_blank_lines_and_trims_white_space() -> None:
    text = "  一二  \n \t \n三"
    assert [(f.text, f.start, f.end, f.line) for f in fragments(text)] == [
        ("一二", 2, 4, 0),
        ("三", 11, 12, 2),
    ]


def test_a_fragment_is_by_default_not_after_a_cut_and_on_an_unindented_line() -> None:
    fragment = Fragment(start=0, end=2, line=0, text="一二", whole_line=True, indented=False, fill=2.0)
    assert fragment.after_cut is False
    assert fragment.line_indented is False


# -- blocks -----------------------------------------------------------------------------------


def test_group_blocks_starts_a_block_at_a_blank_line_or_a_cut() -> None:
    text = "一\n二\n\n三\n拉萨融媒讯（记者）四\n五"
    cut = (text.index("拉"), text.index("四"))
    blocks = group_blocks(fragments(text, [cut]))
    assert [block.squeezed for block in blocks] == ["一二", "三", "四五"]
    assert [(block.start, block.end) for block in blocks] == [(0, 3), (5, 6), (text.index("四"), len(text))]


def test_block_squeezed_holds_no_white_space() -> None:
    assert Block(fragments=tuple(fragments("一 二\n三"))).squeezed == "一二三"


# -- indents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "indented"),
    [
        ("正文\n\u3000\u3000本报讯", 5, True),
        ("正文\n  本报讯", 5, True),  # two spaces are an indent
        ("正文\n 本报讯", 4, False),  # one is not
        ("\n 本报讯", 2, False),
        ("\u3000本报讯", 1, True),
        ("本报讯", 0, False),
        ("正文\r\u3000\u3000本报讯", 5, True),
        ("正文 本报讯", 3, False),  # not the first of its line
    ],
)
def test_starts_indented_line(text: str, offset: int, indented: bool) -> None:
    assert starts_indented_line(text, offset) is indented


@pytest.mark.parametrize(
    ("text", "offset", "indented"),
    [
        ("正文\n\u3000\u3000加强", 5, True),
        ("正文\n\u3000加强", 4, True),
        ("\u3000加强", 1, True),
        ("正文\n  堆龙", 5, False),  # ASCII spaces pad centred headings
        ("正文\r\n\u3000加强", 5, True),
        ("正文\u3000加强", 3, False),  # not the first of its line
    ],
)
def test_opens_paragraph_indent_only_with_the_ideographic_space(
    text: str, offset: int, indented: bool
) -> None:
    assert opens_paragraph_indent(text, offset) is indented


@pytest.mark.parametrize(
    ("text", "indented", "marked"),
    [
        ("\u3000\u3000一段\n二段", [0], True),  # one ideographic-space indent is enough
        (" \u3000一段\n二段", [0], True),
        ("\t\u3000一段\n二段", [0], True),
        (" \t\u3000一段\n二段", [0], True),
        ("  一段\n  二段", [0, 1], True),  # ASCII-space indents take two lines
        ("  一段\n二段", [0], False),
        ("  一段\n二段", [0, 0], False),  # a line counts once
        ("一段\n二段", [], False),
    ],
)
def test_marks_paragraphs_by_indent(text: str, indented: list[int], marked: bool) -> None:
    assert marks_paragraphs_by_indent(split_lines(text), indented) is marked


# -- column width and paragraph ends --------------------------------------------------------


def test_column_width_is_the_most_common_fill_of_whole_lines_the_larger_on_a_tie() -> None:
    assert column_width(fragments("一二三\n一二三\n一二三四五\n一二三四五")) == 5.0
    assert column_width(fragments("一二三四五\n一二三四五\n一二三")) == 5.0
    assert column_width([]) == 0.0


def test_column_width_falls_back_to_cut_lines_when_no_line_is_whole() -> None:
    text = "标题拉萨融媒讯（记者）正文正文"
    assert column_width(fragments(text, [(2, 11)])) == 15.0  # the fill of the whole printed line
    assert column_width(fragments(f"一二三\n{text}", [(6, 15)])) == 3.0


def test_ends_paragraph_short_line_is_one_em_short_or_more_inclusive() -> None:
    """Rule 3: a sentence-ending line at least one em short of the column ends its paragraph, at exactly one too."""
    assert ends_paragraph(line("一二三四五六七八。", 0), line(FULL, 1), 10.0)  # nine ems of ten
    assert not ends_paragraph(line("一二三四五六七八九。", 0), line(FULL, 1), 10.0)


def test_ends_paragraph_an_indented_next_line_starts_a_paragraph_whatever_the_line_before() -> None:
    assert ends_paragraph(line(FULL, 0), line("一二三", 1, indented=True), 10.0)


def test_ends_paragraph_a_line_that_ends_no_sentence_goes_on() -> None:
    assert not ends_paragraph(line("一二三，", 0), line("四五", 2), 10.0)


def test_ends_paragraph_after_a_blank_line_unless_the_next_line_is_full() -> None:
    """Rule 4: a blank line after a full line that ends a sentence ends the paragraph, unless a full line follows."""
    full_end = line("一二三四五六七八九。", 0)
    assert ends_paragraph(full_end, line("一二三四五六七八九", 2), 10.0)  # one em short: a first line
    assert not ends_paragraph(full_end, line(FULL, 2), 10.0)  # full: the blank line was a column break


def test_ends_paragraph_without_blank_line_only_before_a_line_two_ems_short_that_goes_on() -> None:
    """Rule 5: a full line that ends a sentence, then a line lacking a whole two-em indent that goes on past its end."""
    full_end = line("一二三四五六七八九。", 0)
    assert ends_paragraph(full_end, line("一二三四五六七八", 1), 10.0)  # two ems short, exactly
    assert not ends_paragraph(full_end, line("一二三四五六七八九", 1), 10.0)  # one em short
    assert not ends_paragraph(full_end, line("一二三四五六七。", 1), 10.0)  # a short sentence: the tail


def test_split_paragraphs_follows_the_indents_where_the_page_marks_paragraphs_with_them() -> None:
    text = f"\u3000\u3000{FULL}\n一二三。\n四五六七八九十一二三\n\u3000\u3000四五六。"
    lines = fragments(text)
    by_indent = [[FULL, "一二三。", "四五六七八九十一二三"], ["四五六。"]]
    by_width = [[FULL, "一二三。"], ["四五六七八九十一二三"], ["四五六。"]]
    assert [[f.text for f in p] for p in split_paragraphs(lines, indent_marked=True)] == by_indent
    assert [[f.text for f in p] for p in split_paragraphs(lines, indent_marked=False)] == by_width


def test_split_paragraphs_of_nothing_is_nothing() -> None:
    assert split_paragraphs([], indent_marked=False) == []
