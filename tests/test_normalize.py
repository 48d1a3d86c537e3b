"""Properties of the text rules: each changes white space only, is idempotent,
leaves text without wide characters alone, and keeps its own promise."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lhasa_corpus.chars import is_latin_or_digit, is_wide
from lhasa_corpus.normalize import (
    BODY_RULES,
    BYLINE_RULES,
    HEADLINE_RULES,
    Rule,
    collapse_spaces,
    explain,
    is_normalized,
    join_wrapped_lines,
    normalize_body,
    normalize_headline,
    remove_letter_spacing,
    remove_space_after_hyphen,
    remove_space_between_wide,
    remove_space_between_wide_and_latin,
)

ALL_RULES: list[Rule] = list(dict.fromkeys((*BODY_RULES, *HEADLINE_RULES, *BYLINE_RULES)))
#: Rules that act only next to wide characters.
CJK_RULES: list[Rule] = [
    remove_space_between_wide,
    remove_space_between_wide_and_latin,
    remove_space_after_hyphen,
    remove_letter_spacing,
]
WHITE = [" ", " ", "  ", "\n", "\r\n", "\u3000", "\t", "\u00a0", " \n "]
page_like = st.lists(
    st.one_of(
        st.sampled_from(list("拉萨融媒讯记者次仁卓玛堆龙德庆区业务培训")),
        st.sampled_from(list("，。、“”《》（）：；！？…—·")),
        st.sampled_from(list("PPTCCTV-0123456789.%ab")),
        st.sampled_from(WHITE),
    ),
    max_size=60,
).map("".join)
any_text = st.one_of(page_like, st.text(max_size=60))
no_wide_text = st.text(max_size=60).filter(lambda text: not any(is_wide(char) for char in text))


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.__name__)
@given(text=any_text)
@example(text="在A- 1- 2同")
@example(text="甲 乙丙 丁戊")
def test_rule_changes_white_space_only(rule: Rule, text: str) -> None:
    assert squeeze(rule(text)) == squeeze(text)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.__name__)
@given(text=any_text)
@example(text="在A- 1- 2同")
@example(text="甲 乙丙 丁戊")
def test_rule_is_idempotent(rule: Rule, text: str) -> None:
    once = rule(text)
    assert rule(once) == once


@pytest.mark.parametrize("rule", CJK_RULES, ids=lambda rule: rule.__name__)
@given(text=no_wide_text)
@example(text="well- known")
def test_cjk_rule_leaves_text_without_wide_characters_untouched(rule: Rule, text: str) -> None:
    assert rule(text) == text


@given(text=no_wide_text)
@example(text="12\n34 and 12\n.5 or 7.\n5\n%")
def test_joining_text_without_wide_characters_only_turns_breaks_into_spaces(text: str) -> None:
    """A break becomes one space, except inside a number, where it goes: 2|9, 12|.5, 5|%."""
    joined = join_wrapped_lines(text)
    number_break = (
        r"(?<=\d)\s*[\n\r\v\x1c\x1d\x1e\x85\u2028\u2029\f]\s*(?=\d|%|\.\d)|(?<=\d\.)\s*[\n\r\f]\s*(?=\d)"
    )
    expected = re.sub(number_break, "", text)
    assert re.sub(r"\s+", " ", joined.strip()) == re.sub(r"\s+", " ", expected.strip())


@given(
    before=st.from_regex(r"\A[0-9]{1,4}\Z"),
    after=st.from_regex(r"\A[0-9]{1,4}\Z"),
    pad=st.sampled_from(WHITE),
)
def test_a_number_wrapped_at_the_column_edge_is_one_number(before: str, after: str, pad: str) -> None:
    text = f"共{before}\n{pad}{after}个"
    assert join_wrapped_lines(text) == f"共{before}{after}个"


@given(text=any_text)
def test_join_leaves_no_line_break(text: str) -> None:
    assert not any(char in "\n\r\v\x1c\x1d\x1e\x85\u2028\u2029\f" for char in join_wrapped_lines(text))


def _spaced_pairs(text: str) -> list[tuple[str, str]]:
    return [
        (text[m.start() - 1], text[m.end()])
        for m in re.finditer(r"\s+", text)
        if 0 < m.start() < m.end() < len(text)
    ]


@given(text=any_text)
def test_no_space_left_between_two_wide_characters(text: str) -> None:
    result = remove_space_between_wide(join_wrapped_lines(text))
    assert not [pair for pair in _spaced_pairs(result) if is_wide(pair[0]) and is_wide(pair[1])]


@given(text=any_text)
def test_no_space_left_between_wide_and_latin(text: str) -> None:
    result = remove_space_between_wide_and_latin(join_wrapped_lines(text))
    assert not [
        (a, b)
        for a, b in _spaced_pairs(result)
        if (is_wide(a) and is_latin_or_digit(b)) or (is_latin_or_digit(a) and is_wide(b))
    ]


@given(text=any_text)
def test_body_has_no_space_between_wide_characters_or_wide_and_latin(text: str) -> None:
    body = normalize_body(text)
    for before, after in _spaced_pairs(body):
        assert not (is_wide(before) and (is_wide(after) or is_latin_or_digit(after))), body
        assert not (is_latin_or_digit(before) and is_wide(after)), body
    assert body == body.strip()
    assert is_normalized(body)


phrase = st.text(alphabet="业务培训解难题提升服务强能力", min_size=2, max_size=7)


@given(phrases=st.lists(phrase, min_size=1, max_size=3))
def test_a_space_between_two_phrases_stays_in_a_headline(phrases: list[str]) -> None:
    assert normalize_headline(" ".join(phrases)) == " ".join(phrases)


@given(text=phrase, spaces=st.sampled_from([" ", "  ", "\u3000"]))
def test_letter_spaced_headline_is_closed_up(text: str, spaces: str) -> None:
    assert remove_letter_spacing(spaces.join(text)) == text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("堆 龙 德 庆 区 第 二 届 职 业 技 能 大 赛 举 办", "堆龙德庆区第二届职业技能大赛举办"),
        ("业务培训解难题 提升服务强能力", "业务培训解难题 提升服务强能力"),
        (
            "2025 年“ 送 法 进 校 园 ”系 列\n普 法 宣 传 示 范 活 动 举 行",
            "2025年“送法进校园”系列普法宣传示范活动举行",
        ),
        ("市 生 态 环 境 局 开 展", "市生态环境局开展"),
    ],
)
def test_headlines_from_the_real_page(raw: str, clean: str) -> None:
    assert normalize_headline(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "融资需求白名单》，涵盖 238家企业、融资需求 125.5\n亿元",
            "融资需求白名单》，涵盖238家企业、融资需求125.5亿元",
        ),
        ("在\nCCTV- 1、CCTV- 4 同 步 开 播 发\n\n布", "在CCTV-1、CCTV-4同步开播发布"),
        ("过 PPT 展示", "过PPT展示"),
        ("群众的生态 环 保 意识", "群众的生态环保意识"),
        ("9月\n15日下午，2025 年", "9月15日下午，2025年"),
        ("Lhasa\nDaily 2025", "Lhasa Daily 2025"),
    ],
)
def test_body_lines_from_the_real_page(raw: str, clean: str) -> None:
    assert normalize_body(raw) == clean


def test_explain_names_the_rules_that_changed_a_text() -> None:
    assert explain("涵盖 238家\n企业") == ["join_wrapped_lines", "remove_space_between_wide_and_latin"]
    assert explain("拉萨融媒讯") == []
    assert collapse_spaces(" a  b ") == "a b"
