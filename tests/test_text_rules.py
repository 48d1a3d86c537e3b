"""Unit tests of the text rules and their registries (``lhasa_corpus.normalize``), called directly.

``test_normalize.py`` states the rules' properties over many texts; these pin each rule
at the edges of a text, and what each registry holds.
"""

from __future__ import annotations

import pytest

from lhasa_corpus.normalize import (
    join_wrapped_lines,
    normalize_body,
    normalize_byline,
    normalize_headline,
    remove_letter_spacing,
    remove_space_after_hyphen,
    remove_space_between_wide,
    remove_space_between_wide_and_latin,
)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("\nab", "ab"),  # a break at either end of the text goes, whatever stands beside it
        ("ab\n", "ab"),
        ("\n拉萨\n", "拉萨"),
        ("a\nb", "a b"),
        ("拉\nb", "拉b"),
        ("a\n萨", "a萨"),
        ("a \n  b", "a b"),
    ],
)
def test_join_wrapped_lines_at_the_edges_and_between_narrow_and_wide(text: str, joined: str) -> None:
    assert join_wrapped_lines(text) == joined


@pytest.mark.parametrize(
    ("text", "result"), [(" 拉萨", " 拉萨"), ("拉萨 ", "拉萨 "), ("拉 萨", "拉萨"), ("拉 a", "拉 a")]
)
def test_remove_space_between_wide_needs_a_wide_character_on_both_sides(text: str, result: str) -> None:
    assert remove_space_between_wide(text) == result


@pytest.mark.parametrize(
    ("text", "result"),
    [(" 2家", " 2家"), ("2家 ", "2家 "), ("涵盖 2", "涵盖2"), ("2 家", "2家"), ("a 2", "a 2")],
)
def test_remove_space_between_wide_and_latin_needs_a_neighbour_on_both_sides(text: str, result: str) -> None:
    assert remove_space_between_wide_and_latin(text) == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("CCTV- 1同步", "CCTV-1同步"),  # wide after the compound
        ("在A- 1 b", "在A-1 b"),  # wide before it
        ("x在A- 1 b", "x在A-1 b"),
        ("A- 1 拉", "A- 1 拉"),  # a wide character further off does not count
        ("A- 1", "A- 1"),
    ],
)
def test_remove_space_after_hyphen_where_the_compound_touches_a_wide_character(
    text: str, result: str
) -> None:
    assert remove_space_after_hyphen(text) == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        (" 堆 龙", " 堆龙"),  # a space with nothing before it is not letter spacing
        ("龙A 堆", "龙A 堆"),  # letter spacing is between two wide characters
        ("龙 A堆", "龙 A堆"),
        ("堆龙", "堆龙"),
        ("堆 龙德庆", "堆龙德庆"),
        ("业务 培训", "业务 培训"),
    ],
)
def test_remove_letter_spacing_only_between_wide_characters_beside_a_single_one(
    text: str, result: str
) -> None:
    assert remove_letter_spacing(text) == result


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("拉萨\n融媒", "拉萨融媒"),  # join_wrapped_lines
        ("拉萨 融媒", "拉萨融媒"),  # remove_space_between_wide
        ("涵盖 238家", "涵盖238家"),  # remove_space_between_wide_and_latin
        ("在CCTV- 1同步", "在CCTV-1同步"),  # remove_space_after_hyphen
        (" 会议召开。 ", "会议召开。"),  # collapse_spaces
    ],
)
def test_body_rules_do_each_of_their_jobs(raw: str, clean: str) -> None:
    assert normalize_body(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("堆龙德庆区\n举办", "堆龙德庆区举办"),  # join_wrapped_lines
        ("堆 龙 德 庆 区", "堆龙德庆区"),  # remove_letter_spacing
        ("2025 年系列", "2025年系列"),  # remove_space_between_wide_and_latin
        ("CCTV- 1开播", "CCTV-1开播"),  # remove_space_after_hyphen
        (" 业务培训解难题  提升服务强能力 ", "业务培训解难题 提升服务强能力"),  # collapse_spaces
    ],
)
def test_headline_rules_do_each_of_their_jobs(raw: str, clean: str) -> None:
    assert normalize_headline(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("拉萨融媒讯（记者次仁卓玛、次\n央卓）", "拉萨融媒讯（记者次仁卓玛、次央卓）"),  # join_wrapped_lines
        ("央视CCTV- 1记者 张三", "央视CCTV-1记者 张三"),  # remove_space_after_hyphen
        (" 本报记者  张三 ", "本报记者 张三"),  # collapse_spaces
        ("记者 张三 李四", "记者 张三 李四"),  # a space between names stays
    ],
)
def test_byline_rules_do_each_of_their_jobs(raw: str, clean: str) -> None:
    assert normalize_byline(raw) == clean
