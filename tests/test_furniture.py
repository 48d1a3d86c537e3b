"""Unit tests of page furniture and continuation marks (``lhasa_corpus.furniture``), called directly.

The vocabularies are restated here word by word, on purpose: a test that iterated
over ``furniture.EDITOR_ROLES`` would not notice a word missing from it.
"""

from __future__ import annotations

import pytest

from lhasa_corpus.furniture import find_continuations, find_furniture, read_editors
from lhasa_corpus.lines import Squeezed, split_lines
from lhasa_corpus.models import Contributor

EDITOR_ROLES = (
    "本版责任编辑", "责任编辑", "本版编辑", "值班编辑", "值班主任", "图片编辑", "美术编辑", "版式设计",
    "责任校对", "编辑", "责编", "美编", "版式", "组版", "排版", "校对", "审校", "审核", "审读", "终审",
    "二审", "三审", "监制", "制图",
)  # fmt: skip
SECTION_ENDINGS = (
    "新闻", "要闻", "综合", "评论", "时评", "理论", "副刊", "专刊", "专版", "特刊", "周刊", "视点", "聚焦",
    "关注", "观察", "纵深", "人物", "文化", "旅游", "体育", "经济", "财经", "社会", "民生", "法治", "教育",
    "健康", "科技", "生态", "党建", "国内", "国际", "天下", "广告", "服务", "读书", "文艺",
)  # fmt: skip
BODY = "拉萨融媒讯（记者张三）会议召开。\n\n会议要求，各单位认真落实。"


def furniture(text: str) -> list[tuple[str, str]]:
    return [(piece.kind, text[piece.start : piece.end]) for piece in find_furniture(split_lines(text))]


# -- continuation marks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mark", "opens"),
    [
        ("（下转第3版）", False),
        ("（上接第一版）", True),
        ("转A5版", False),
        ("（接第3版）", True),
        ("(下转第１２版)", False),
    ],
)
def test_find_continuations_says_which_marks_tell_where_an_article_came_from(mark: str, opens: bool) -> None:
    text = f"会议召开。{mark}\n"
    assert [(text[c.start : c.end], c.opens) for c in find_continuations(Squeezed.of(text))] == [
        (mark, opens)
    ]


def test_find_continuations_across_white_space() -> None:
    text = "会议召开。（下转\n第 3版）"
    assert [(text[c.start : c.end], c.opens) for c in find_continuations(Squeezed.of(text))] == [
        ("（下转\n第 3版）", False)
    ]


# -- editors' credits -------------------------------------------------------------------------


@pytest.mark.parametrize("role", EDITOR_ROLES)
def test_every_editors_credit_word_is_read_as_the_role(role: str) -> None:
    assert read_editors(f"{role}：扎西") == [Contributor(name="扎西", role=role)]
    assert furniture(f"{BODY}\n{role}：扎西\n{BODY}") == [("editors", f"{role}：扎西")]


def test_read_editors_reads_several_credits_and_names() -> None:
    assert read_editors("（本版编辑：央金、达娃 校对：李四）") == [
        Contributor(name="央金", role="本版编辑"),
        Contributor(name="达娃", role="本版编辑"),
        Contributor(name="李四", role="校对"),
    ]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("责任编辑：张三", [("editors", "责任编辑：张三")]),
        ("  （责任编辑:张三 美编:李四）  ", [("editors", "（责任编辑:张三 美编:李四）")]),
        ("会议要求：各单位落实", []),  # a colon in body text
        ("责任编辑：张三。会议召开", []),  # a sentence, not a credit
    ],
)
def test_an_editors_credit_line_is_furniture_anywhere_on_the_page(
    line: str, found: list[tuple[str, str]]
) -> None:
    assert furniture(f"{BODY}\n{line}\n{BODY}") == found


# -- the page's edges -------------------------------------------------------------------------


@pytest.mark.parametrize("ending", SECTION_ENDINGS)
def test_a_section_label_alone_at_the_top_ends_like_one(ending: str) -> None:
    assert furniture(f"{ending}\n\n{BODY}") == [("section", ending)]


@pytest.mark.parametrize(
    ("top", "found"),
    [
        ("拉萨日报", [("paper", "拉萨日报")]),
        ("西藏日报", [("paper", "西藏日报")]),
        ("西藏商报", [("paper", "西藏商报")]),
        ("LHASA DAILY", [("paper", "LHASA DAILY")]),
        ("总第 12345 期", [("paper", "总第 12345 期")]),
        ("2025年9月17日 星期三", [("date", "2025年9月17日 星期三")]),
        ("农历乙巳年七月廿六", [("date", "农历乙巳年七月廿六")]),
        ("2025-09-17", [("date", "2025-09-17")]),
        ("第3版", [("page_number", "第3版")]),
        ("A3", [("page_number", "A3")]),
        ("03", [("page_number", "03")]),
        ("要闻", [("section", "要闻")]),
        ("文化·旅游", [("section", "文化·旅游")]),
        (
            "拉萨日报 2025年9月17日 第3版",
            [("paper", "拉萨日报"), ("date", "2025年9月17日"), ("page_number", "第3版")],
        ),
        ("周三", [("date", "周三")]),
    ],
)
def test_furniture_pieces_at_the_top_of_the_page(top: str, found: list[tuple[str, str]]) -> None:
    assert furniture(f"{top}\n{BODY}") == found


@pytest.mark.parametrize(
    "top",
    [
        "体育场建成",  # five characters, no ending: a heading
        "本地新闻快讯",  # six characters: longer than a lone label
        "市民生活",  # four characters that do not end like a label
        "2025年9月17日召开",  # a date run into text
        "第3版面设计",
    ],
)
def test_a_line_with_anything_but_furniture_is_no_furniture(top: str) -> None:
    assert furniture(f"{top}\n{BODY}") == []


def test_a_bare_section_label_is_furniture_only_against_other_furniture() -> None:
    """聚焦民生 alone, or apart from the rest by a blank line, may be a kicker; against the date it is a label."""
    assert furniture(f"聚焦民生\n\n{BODY}") == []
    assert furniture(f"2025年9月17日\n聚焦民生\n\n{BODY}") == [
        ("date", "2025年9月17日"),
        ("section", "聚焦民生"),
    ]
    assert furniture(f"聚焦民生\n2025年9月17日\n\n{BODY}") == [
        ("section", "聚焦民生"),
        ("date", "2025年9月17日"),
    ]
    assert furniture(f"2025年9月17日\n\n聚焦民生\n\n{BODY}") == [("date", "2025年9月17日")]
    assert furniture(f"聚焦民生\n乡村振兴\n\n{BODY}") == []  # two bare labels do not vouch for each other
    # A label that ends like a section's name (本地新闻) is furniture alone, and vouches for the one beside it.
    assert furniture(f"本地新闻\n聚焦民生\n\n{BODY}") == [("section", "本地新闻"), ("section", "聚焦民生")]
    assert furniture(f"要闻\n\n{BODY}") == [("section", "要闻")]  # two characters are a label alone
    assert furniture(f"文化·旅游\n\n{BODY}") == [("section", "文化·旅游")]  # so is a dotted label
    assert furniture(f"文化•旅游\n\n{BODY}") == [("section", "文化•旅游")]


def test_furniture_stands_in_a_run_from_each_edge_of_at_most_six_lines() -> None:
    top = "拉萨日报\n2025年9月17日\n第3版\n要闻\n03\n拉萨日报"
    assert len(furniture(f"{top}\n{BODY}")) == 6
    assert len(furniture(f"{top}\n第3版\n{BODY}")) == 6
    assert furniture(f"{BODY}\n第3版\n拉萨日报") == [("page_number", "第3版"), ("paper", "拉萨日报")]
    assert furniture(f"拉萨日报\n{BODY}\n第3版\n{BODY}") == [("paper", "拉萨日报")]  # not in the middle


def test_a_date_on_a_page_of_one_line_is_furniture() -> None:
    assert furniture("2025年9月17日") == [("date", "2025年9月17日")]


def test_furniture_offsets_are_raw_offsets_on_their_line() -> None:
    text = f"{BODY}\n\n   责任编辑：张三  \n"
    (piece,) = find_furniture(split_lines(text))
    assert text[piece.start : piece.end] == "责任编辑：张三"
    text = "  拉萨日报   第3版\n" + BODY
    assert furniture(text) == [("paper", "拉萨日报"), ("page_number", "第3版")]
