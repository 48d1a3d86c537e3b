"""Unit tests of the headline rules (``lhasa_corpus.headlines``), called directly."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from lhasa_corpus.headlines import (
    GroupNeighbours,
    HeadingContext,
    Judgement,
    Placement,
    Roles,
    asks,
    continues_heading,
    crosshead_marked,
    decide_placement,
    heading_shaped,
    headline_roles,
    judge_heading,
    letter_spaced,
)


def han(count: int, first: int = 0x4E00) -> str:
    """*count* different Han characters, none of them punctuation or a crosshead opening."""
    return "".join(chr(first + 0x100 + index) for index in range(count))


# -- the shape of a heading -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("squeezed", "lines", "shaped"),
    [
        ("堆龙德庆区第二届职业技能大赛举办", 1, True),
        (han(64), 3, True),  # 64 characters on three lines at most
        (han(65), 1, False),
        (han(10), 4, False),
        ("拉萨", 1, True),  # two Han characters at least
        ("拉A", 1, False),
        ("A3", 1, False),
        ("会议召开，", 1, False),  # a clause goes on
        ("会议召开、", 1, False),
        ("会议召开。", 1, False),
        ("会议召开。会议结束", 1, False),  # a sentence inside
        ("会议；结束", 1, False),
        ("会议;结束", 1, False),
        ("围绕《关于", 1, False),  # a bracket opened and not closed: cut by the column
        ("（据新华社电）", 1, False),  # a note in brackets
        ("(据新华社电)", 1, False),
        ("（一）强化保障", 1, True),  # opens with a bracket that closes inside
        ("强化保障（一）", 1, True),
        ("拉萨的冬天为何这么暖？", 1, True),  # a question can be a headline
        ("拉萨的冬天为何这么暖?", 1, True),
        ("好样的！", 1, True),
        ("拉萨，冬天为何这么暖？", 1, False),  # but not one with clause punctuation inside
        ("拉萨：冬天为何这么暖？", 1, False),
        ("拉萨;冬天为何这么暖？", 1, False),
        ("补壹刀：别笑！这是真的", 1, True),  # an exclamation inside a headline
        ("别笑！这是真的，好", 1, False),  # but with a comma: sentences
        ("别笑?这是真的、好", 1, False),
        ("别笑!这是真的,好", 1, False),
        ("别笑？这是真的", 1, True),
    ],
)
def test_heading_shaped(squeezed: str, lines: int, shaped: bool) -> None:
    assert heading_shaped(squeezed, lines) is shaped


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("【", "】"), ("「", "」"), ("‘", "’")],
)
def test_a_heading_closes_every_bracket_and_quote_it_opens(opening: str, closing: str) -> None:
    assert heading_shaped(f"围绕{opening}关于{closing}发布", 1)
    assert not heading_shaped(f"围绕{opening}关于发布", 1)
    assert not heading_shaped(f"围绕关于{closing}发布", 1)
    assert not heading_shaped(f"围绕{closing}关于{opening}发布", 1)
    assert heading_shaped(f"围{opening}绕{opening}关{closing}于{closing}发布", 1)


@pytest.mark.parametrize(
    ("squeezed", "asking"),
    [
        ("为何这么暖？", True),
        ("为何这么暖?", True),
        ("好！", True),
        ("好!", True),
        ("为何这么暖？”", True),
        ("举行。", False),
        ("", False),
        ("”", False),
        ("？举行", False),
    ],
)
def test_asks(squeezed: str, asking: bool) -> None:
    assert asks(squeezed) is asking


# -- letter spacing and the parts of a heading ------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "spaced"),
    [
        ("堆 龙 德 庆", True),  # three spaced pairs
        ("堆 龙 德", False),  # two are not enough
        ("一 二 三 四 五 六 七 八九十一", True),  # seven of ten pairs: at least 70 %
        ("一 二 三 四 五 六 七 八九十一二", False),  # seven of eleven
        ("堆 龙 德 A 庆", False),  # pairs of wide characters only
        ("堆 龙\n德\u3000庆", True),  # any white space
        (" 堆龙德庆", False),  # a space before the first character is no gap
        ("业务培训解难题 提升服务强能力", False),
    ],
)
def test_letter_spaced(raw: str, spaced: bool) -> None:
    assert letter_spaced(raw) is spaced


@pytest.mark.parametrize(
    ("upper", "lower", "continues"),
    [
        ("八廓古城管委会与西藏阜康医院签订", "党建共建暨健康管理友好合作协议", True),
        ("青稞地里走出的“新农人”", "——记曲水县才纳乡返乡创业青年边巴", False),  # a dash opens a subheadline
        ("青稞地里走出的“新农人”", "－记曲水县才纳乡返乡创业青年边巴", False),
        ("青稞地里走出的“新农人”", "-记曲水县才纳乡返乡创业青年边巴", False),
        ("【中国稳健前行】", "拉萨河谷秋收忙", False),  # a column tag is a part of its own
        ("拉萨河谷秋收忙", "〖中国稳健前行〗", False),
        ("[中国稳健前行]", "拉萨河谷秋收忙", False),
        ("【中国稳健前行", "拉萨河谷秋收忙", True),
        # a short line over one at least four ems and one and a half times longer: a kicker
        (han(8), han(12, 0x5000), False),
        (han(8), han(11, 0x5000), True),
        (han(10), han(14, 0x5000), True),
        (han(2), han(5, 0x5000), True),
        (han(2), han(6, 0x5000), False),
        # letter-spaced over unspaced, or the reverse, is a part of its own, unless clearly shorter
        ("走进乡村振兴一线", "青 稞 地 里 走 出 的 新 农 人", False),
        ("堆 龙 德 庆 区 第 二 届", "职业技能大赛", True),
        ("堆 龙 德 庆 区 第 二 届", "职业技能大赛举", False),
        ("一二三四五六七八", "一 二 三 四 五 六 七", False),
        ("一二三四五六七八九", "一 二 三 四 五 六 七", True),
    ],
)
def test_continues_heading(upper: str, lower: str, continues: bool) -> None:
    assert continues_heading(upper, lower) is continues


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("一、坚持高质量发展", True),
        ("（二）强化保障", True),
        ("3.强化保障", True),
        ("第一，强化保障", True),
        ("■强化保障", True),
        ("对接会举行", False),
    ],
)
def test_crosshead_marked(text: str, marked: bool) -> None:
    assert crosshead_marked(text) is marked


# -- kicker, headline, subheadline ------------------------------------------------------------


def test_headline_roles_tie_break_takes_the_first_of_equal_parts() -> None:
    """Of two parts equally long, the first is the headline and the second its subheadline, spaced or not."""
    assert headline_roles(["一二三四", "五六七八"]) == Roles(
        kicker=(), headline=0, subheadlines=(1,), guessed=True
    )
    assert headline_roles(["一二三四", "五六七八"], spaced=[True, True]).headline == 0
    assert headline_roles(["一二", "三四五六", "七八九十"]).headline == 1


def test_headline_roles_tie_break_prefers_letter_spaced_display_type() -> None:
    """Of parts about as long (within 20 %), the one in letter-spaced display type is the headline."""
    assert headline_roles([han(7), han(6)], spaced=[False, True]) == Roles(
        kicker=(0,), headline=1, subheadlines=(), guessed=True
    )
    assert headline_roles([han(7), han(6)]).headline == 0


def test_headline_roles_longest_part_is_the_headline() -> None:
    assert headline_roles(["守护雪域净土", "拉萨开展环保宣传活动", "——记拉萨市生态环境局"]) == Roles(
        kicker=(0,), headline=1, subheadlines=(2,), guessed=False
    )
    assert headline_roles([han(5), han(12), han(3)]) == Roles(
        kicker=(0,), headline=1, subheadlines=(2,), guessed=False
    )


def test_headline_roles_guess_within_twenty_percent() -> None:
    assert not headline_roles([han(6), han(5)]).guessed  # 6 is 5 and a fifth: not within
    assert headline_roles([han(11), han(10)]).guessed
    assert not headline_roles([han(6)]).guessed
    # Only parts within 20 % of the longest compete: a spaced part of 10 beside 12 does not.
    assert headline_roles([han(12), han(11), han(10)], spaced=[False, False, True]).headline == 0
    assert headline_roles([han(12), han(11), han(10)], spaced=[False, True, False]).headline == 1


@pytest.mark.parametrize("dash", ["——", "－", "-"])
def test_headline_roles_a_part_opening_with_a_dash_is_never_the_headline(dash: str) -> None:
    assert headline_roles(["拉萨河谷秋收忙", f"{dash}记曲水县才纳乡返乡创业青年边巴"]) == Roles(
        kicker=(), headline=0, subheadlines=(1,), guessed=False
    )


def test_headline_roles_a_column_tag_is_never_the_headline() -> None:
    assert headline_roles(["【中国稳健前行看西藏】", "拉萨河谷秋收忙"]).headline == 1


def test_headline_roles_of_dashes_only_takes_the_longest() -> None:
    assert headline_roles(["——记拉萨", "——记拉萨市生态环境局"]).headline == 1


# -- headline or crosshead --------------------------------------------------------------------


PLAIN = HeadingContext(
    squeezed_blocks=("秋收正当时",),
    raw="秋收正当时",
    widest_fill=5.0,
    width=14.0,
    opener_after=False,
    closer_before=False,
    text_before="",
    text_after="",
)


def judge(placement: Placement = "before", **changes: Any) -> Judgement:
    return judge_heading(attrs.evolve(PLAIN, **changes), placement)


def test_judge_heading_a_cue_beside_the_heading_makes_it_a_headline() -> None:
    assert judge(opener_after=True) == Judgement(headline=True, guessed=False)
    assert judge(closer_before=True) == Judgement(headline=True, guessed=False)
    assert judge(opener_after=True, squeezed_blocks=("一、坚持",)) == Judgement(headline=True, guessed=False)


def test_judge_heading_a_heading_of_several_parts_is_a_headline_unless_indented() -> None:
    assert judge(squeezed_blocks=("秋收", "正当时")) == Judgement(headline=True, guessed=False)
    assert judge(squeezed_blocks=("秋收", "正当时"), indented=True) == Judgement(
        headline=False, guessed=False
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"squeezed_blocks": ("一、坚持高质量发展",)}, Judgement(headline=False, guessed=False)),
        ({"squeezed_blocks": ("秋收为何正当时？",)}, Judgement(headline=False, guessed=False)),
        ({"indented": True}, Judgement(headline=False, guessed=False)),
        (
            {"squeezed_blocks": ("一、坚持",), "raw": "一 、 坚 持 高 质"},
            Judgement(headline=False, guessed=True),
        ),
        ({"squeezed_blocks": ("一、坚持",), "widest_fill": 16.0}, Judgement(headline=False, guessed=True)),
    ],
)
def test_judge_heading_a_marked_heading_is_a_crosshead(changes: dict[str, Any], expected: Judgement) -> None:
    assert judge(**changes) == expected


def test_judge_heading_display_type_makes_a_headline() -> None:
    assert judge(raw="秋 收 正 当 时") == Judgement(headline=True, guessed=False)
    assert judge(widest_fill=16.0) == Judgement(headline=True, guessed=False)  # two ems wider than the column
    assert judge(widest_fill=15.5).guessed


def test_judge_heading_without_word_pairs_is_a_guessed_crosshead() -> None:
    assert judge(squeezed_blocks=("秋A",), raw="秋A") == Judgement(headline=False, guessed=True)


def test_judge_heading_after_bodies_goes_with_the_text_it_shares_more_with() -> None:
    """Where headlines follow their bodies, a heading sharing more with the text before is a headline.

    A heading that shares no more with the text before it than with the text after it (a tie, or
    nothing on either side) is a crosshead: a headline that follows its article is about that article.
    """
    assert judge("after", text_before="秋收正当时", text_after="") == Judgement(headline=True, guessed=True)
    assert judge("after", text_before="", text_after="秋收正当时") == Judgement(headline=False, guessed=True)
    assert judge("after", text_before="秋收", text_after="秋收") == Judgement(headline=False, guessed=True)
    assert judge("after") == Judgement(headline=False, guessed=True)


def test_judge_heading_before_bodies_a_new_topic_opens_an_article() -> None:
    """Before bodies: at least 30 % shared with what follows, and three times less with what came before."""
    # 秋收正当时 has four pairs: 秋收 收正 正当 当时.
    assert judge(text_after="秋收正当时") == Judgement(headline=True, guessed=True)
    assert judge(text_after="秋收正当时", text_before="秋收") == Judgement(
        headline=True, guessed=True
    )  # 1 x 3 <= 4
    assert judge(text_after="秋收", text_before="") == Judgement(headline=False, guessed=True)  # 25 %
    assert judge(text_after="秋收正", text_before="") == Judgement(headline=True, guessed=True)  # 50 %
    assert judge(text_after="秋收正当", text_before="秋收") == Judgement(
        headline=True, guessed=True
    )  # 1 x 3 <= 3
    assert judge(text_after="秋收正", text_before="秋收") == Judgement(
        headline=False, guessed=True
    )  # 1 x 3 > 2
    assert judge(text_after="秋收正当时", text_before="秋收正") == Judgement(headline=False, guessed=True)


def test_judge_heading_before_bodies_at_exactly_the_new_topic_thresholds() -> None:
    blocks = ("甲乙丙丁戊己庚辛壬癸子",)  # ten pairs
    assert judge(squeezed_blocks=blocks, text_after="甲乙丙丁") == Judgement(
        headline=True, guessed=True
    )  # 3 of 10
    assert judge(squeezed_blocks=blocks, text_after="甲乙丙") == Judgement(
        headline=False, guessed=True
    )  # 2 of 10
    assert judge(squeezed_blocks=blocks, text_after="甲乙丙丁戊", text_before="壬癸") == Judgement(
        headline=True, guessed=True
    )


# -- placement --------------------------------------------------------------------------------


def group(squeezed: str, previous: str | None, following: str | None) -> GroupNeighbours:
    return GroupNeighbours(squeezed=squeezed, previous=previous, following=following)


def test_decide_placement_groups_with_a_body_on_one_side_vote_for_it() -> None:
    assert decide_placement([group("秋收", None, "秋收正忙。")]) == ("before", False)
    assert decide_placement([group("秋收", "秋收正忙。", None)]) == ("after", False)


def test_decide_placement_groups_between_bodies_vote_for_the_one_sharing_more() -> None:
    assert decide_placement([group("对接会举行", "对接会举行。", "座谈会召开。")]) == ("after", False)
    assert decide_placement([group("座谈会召开", "对接会举行。", "座谈会召开。")]) == ("before", False)


def test_decide_placement_the_majority_wins() -> None:
    after = group("秋收", "秋收正忙。", None)
    before = group("秋收", None, "秋收正忙。")
    assert decide_placement([after, after, before]) == ("after", False)
    assert decide_placement([before, before, after]) == ("before", False)


def test_decide_placement_a_tie_is_undecided_and_reads_before() -> None:
    assert decide_placement([group("雪山", "秋收正忙。", "会议召开。")]) == ("before", True)
    assert decide_placement([group("秋收", None, None)]) == ("before", True)
    after = group("秋收", "秋收正忙。", None)
    before = group("秋收", None, "秋收正忙。")
    assert decide_placement([after, before]) == ("before", True)
    assert decide_placement([]) == ("before", False)
