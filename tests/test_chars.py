"""Unit tests of the character classes (``lhasa_corpus.chars``), called directly.

The tables are restated here, character by character, on purpose: a test that
iterated over ``chars.SENTENCE_END`` would not notice a character missing from it.
"""

from __future__ import annotations

import pytest

from lhasa_corpus.chars import (
    ends_clause,
    ends_sentence,
    is_han,
    is_latin_or_digit,
    is_wide,
    line_fill,
    wide_pattern,
)
from lhasa_corpus.lines import split_lines
from lhasa_corpus.normalize import join_wrapped_lines

#: Punctuation that Unicode calls ambiguous or narrow but Chinese type sets full width.
CHINESE_WIDE_PUNCTUATION = "‘’“”—―…‧·⸺⸻"


def test_is_wide_middle_dot_is_wide_in_chinese_text() -> None:
    """阿不都·热合曼: the middle dot of a transliterated name takes a full em (Unicode says ambiguous)."""
    assert is_wide("·")
    assert bool(wide_pattern().fullmatch("·"))


@pytest.mark.parametrize("char", list(CHINESE_WIDE_PUNCTUATION), ids=lambda char: f"U+{ord(char):04X}")
def test_is_wide_sets_quotes_dashes_and_dots_full_width(char: str) -> None:
    assert is_wide(char)
    assert bool(wide_pattern().fullmatch(char))


@pytest.mark.parametrize(
    ("char", "wide"),
    [
        ("拉", True),
        ("，", True),
        ("１", True),  # fullwidth digit: East Asian Width F
        ("\u3000", False),  # the ideographic space is F but white space, which is never wide
        (" ", False),
        ("A", False),
        ("7", False),
        ("\u00e9", False),
        ("\U00030000", True),  # CJK Extension G, plane 3
        ("\U0003ffff", True),  # the last code point of plane 3, which unicodedata calls F
        ("\U00040000", False),  # plane 4 holds no wide character, whatever unicodedata says
    ],
    ids=lambda value: f"U+{ord(value):04X}" if isinstance(value, str) else str(value),
)
def test_is_wide_and_wide_pattern_agree_at_the_edges_of_the_wide_planes(char: str, wide: bool) -> None:
    assert is_wide(char) is wide
    assert bool(wide_pattern().fullmatch(char)) is wide


@pytest.mark.parametrize(
    ("code", "han"),
    [
        (0x4E00, True),
        (0x9FFF, True),
        (0x4DFF, False),  # Yijing hexagram symbols, between Extension A and the main block
        (0xA000, False),  # Yi syllables
        (0x3400, True),
        (0x33FF, False),
        (0x4DBF, True),
        (0x4DC0, False),
        (0xF900, True),
        (0xF8FF, False),
        (0xFAFF, True),
        (0xFB00, False),
        (0x20000, True),
        (0x1FFFF, False),
        (0x2FA1F, True),
        (0x2FA20, False),
    ],
    ids=lambda value: (
        f"U+{value:04X}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
    ),
)
def test_is_han_covers_exactly_the_cjk_ideograph_blocks(code: int, han: bool) -> None:
    assert is_han(chr(code)) is han


@pytest.mark.parametrize(
    ("char", "latin"), [("a", True), ("Z", True), ("0", True), ("拉", False), ("-", False), ("Ａ", False)]
)
def test_is_latin_or_digit_is_ascii_letters_and_digits(char: str, latin: bool) -> None:
    """Only ASCII: ``拉`` is alphanumeric to Python, and a fullwidth ``Ａ`` is wide, not Latin."""
    assert is_latin_or_digit(char) is latin


@pytest.mark.parametrize("mark", list("。！？!?…"))
def test_ends_sentence_at_every_sentence_end(mark: str) -> None:
    assert ends_sentence(f"会议召开{mark}")
    assert ends_sentence(f"他说：“好{mark}”")


@pytest.mark.parametrize("text", ["", "  ", "”", "并就文", "。开始", "会议，", "好。a"])
def test_ends_sentence_not_without_a_sentence_end_at_the_end(text: str) -> None:
    assert not ends_sentence(text)


@pytest.mark.parametrize("mark", list("，、；：,;:"))
def test_ends_clause_at_every_clause_mark(mark: str) -> None:
    assert ends_clause(f"并组织{mark}")
    assert ends_clause(f"并组织{mark}  ")


@pytest.mark.parametrize("text", ["", " ", "开班", "，开班", "好。"])
def test_ends_clause_not_without_a_clause_mark_at_the_end(text: str) -> None:
    assert not ends_clause(text)


@pytest.mark.parametrize(
    "terminator", ["\n", "\r", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"], ids=repr
)
def test_line_breaks_end_lines_and_join_as_wraps(terminator: str) -> None:
    """Every line terminator of LINE_BREAKS ends a line, and vanishes between two wide characters."""
    assert [line.text for line in split_lines(f"拉萨{terminator}日报")] == ["拉萨", "日报"]
    assert join_wrapped_lines(f"拉萨{terminator}日报") == "拉萨日报"


@pytest.mark.parametrize(
    ("text", "ems"),
    [("市委常委、秘书长张春阳主持。", 14.0), ("过 PPT 展示", 4.5), ("PPT", 1.5), ("", 0.0), ("·A", 1.5)],
)
def test_line_fill_counts_wide_characters_one_em_and_narrow_ones_half(text: str, ems: float) -> None:
    assert line_fill(text) == ems
