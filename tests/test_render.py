"""The renderer: line breaking, layout options, encodings, and what it says a parse must find.

Its doctests run with the rest (``--doctest-modules`` on ``src``).
"""

from __future__ import annotations

import codecs

import attrs
import pytest
from hypothesis import given

from lhasa_corpus.chars import IDEOGRAPHIC_SPACE, line_fill
from lhasa_corpus.lines import decode, split_pages
from lhasa_corpus.models import Contributor
from lhasa_corpus.normalize import normalize_body, normalize_headline
from lhasa_corpus.render import (
    NO_LINE_END,
    NO_LINE_START,
    ArticleSpec,
    CaptionSpec,
    Layout,
    encode_pages,
    render_page,
)
from tests.strategies import article_lists, layouts

REPORTER = (Contributor(name="杨璐", role="记者"),)
LONG = "为进一步畅通金融机构与企业间沟通合作渠道，更好调动驻市金融机构服务实体经济，拉萨市金融助力经济高质量发展银保企对接会举行。"


def article(**changes: object) -> ArticleSpec:
    fields: dict[str, object] = {
        "contributors": REPORTER,
        "headline": "银保企对接会举行",
        "paragraphs": (LONG,),
    }
    fields.update(changes)
    return ArticleSpec(**fields)  # type: ignore[arg-type]


def body_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and line.strip() != "银保企对接会举行"]


@given(article_lists(), layouts(justified_spaces=False, digit_spaces=False, letter_spaced_headlines=False))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(
    articles: list[ArticleSpec], layout: Layout
) -> None:
    for line in render_page(articles, layout).text.splitlines():
        stripped = line.strip(" " + IDEOGRAPHIC_SPACE)
        if stripped:
            assert stripped[0] not in NO_LINE_START, line
            assert stripped[-1] not in NO_LINE_END, line


@given(article_lists(), layouts())
def test_body_lines_fit_the_column_save_hanging_punctuation(
    articles: list[ArticleSpec], layout: Layout
) -> None:
    bodies = [
        attrs.evolve(spec, kicker=None, headline=None, subheadlines=(), captions=(), continuation=None)
        for spec in articles
    ]
    lines = [line for line in render_page(bodies, layout).text.splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert line_fill(line) <= layout.width + 2, line


@given(article_lists(), layouts())
def test_rendering_is_deterministic(articles: list[ArticleSpec], layout: Layout) -> None:
    assert render_page(articles, layout) == render_page(articles, layout)


def test_the_seed_changes_where_stray_spaces_go() -> None:
    pages = {
        render_page([article()], Layout(justified_spaces=True, digit_spaces=True, seed=seed)).text
        for seed in range(8)
    }
    assert len(pages) > 1


def test_lines_join_back_to_the_paragraph() -> None:
    page = render_page([article()], Layout(width=13, first_line="dropped", paragraph_gap=False))
    lines = body_lines(page.text)
    assert normalize_body("\n".join(lines)) == "拉萨融媒讯（记者杨璐）" + LONG
    assert line_fill(lines[0]) == 11  # the first line is two ems short


def test_indent_layout_starts_each_paragraph_with_two_ideographic_spaces() -> None:
    spec = article(paragraphs=("会议召开。", "会议结束。"))
    lines = body_lines(render_page([spec], Layout(width=24, first_line="indent")).text)
    assert [line[:2] for line in lines] == [IDEOGRAPHIC_SPACE * 2] * 2


def test_letter_spaced_headline_closes_up_again() -> None:
    spec = article(headline="2025年国家统一法律职业资格考试举行")
    page = render_page([spec], Layout(letter_spaced_headlines=True))
    printed = [line for line in page.text.splitlines() if "考 试" in line]
    assert printed == ["2025 年 国 家 统 一 法 律 职 业 资 格 考 试 举 行"]
    assert normalize_headline(printed[0]) == spec.headline


def test_a_headline_with_a_phrase_space_is_not_letter_spaced() -> None:
    spec = article(headline="业务培训解难题 提升服务强能力")
    assert "业务培训解难题 提升服务强能力" in render_page([spec], Layout(letter_spaced_headlines=True)).text


def test_glued_dateline_shares_the_headline_line() -> None:
    first = article(headline="拉萨市召开银保企对接会")
    second = article(headline="座谈会召开", paragraphs=("北京拉萨两地艺术家展开深入交流。",))
    glued = [render_page([first, second], Layout(glue_datelines=True, seed=seed)).text for seed in range(6)]
    assert any("拉萨市召开银保企对接会拉萨融媒讯（记者杨璐）" in text for text in glued)


def test_captions_go_where_the_layout_says() -> None:
    caption = CaptionSpec(text="图为对接会现场。", photographer="李丛芳")
    spec = article(captions=(caption,))
    start = render_page([spec], Layout(caption_position="page_start")).text
    end = render_page([spec], Layout(caption_position="page_end"), footer=["责任编辑：张三"]).text
    assert start.startswith(caption.line)
    assert end.splitlines()[-3] == caption.line


def test_crlf_layout_ends_every_line_with_crlf() -> None:
    text = render_page([article()], Layout(newline="\r\n")).text
    assert text.count("\n") == text.count("\r\n") > 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encoded_pages_decode_back(encoding: str) -> None:
    pages = [render_page([article()], Layout(seed=seed)) for seed in range(2)]
    data = encode_pages(pages, encoding)
    assert data.startswith(codecs.BOM_UTF8) == (encoding == "utf-8-sig")
    assert split_pages(decode(data, "p.txt")) == [page.text for page in pages]


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="'encoding' must be one of"):
        encode_pages(["拉萨"], "latin-1")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paragraphs": ("拉萨 融媒",)}, "'paragraphs' must be non-empty clean body text"),
        ({"paragraphs": ()}, "'paragraphs' must hold at least one paragraph"),
        ({"headline": "会议召开。"}, "'headline' must be clean headline text"),
        ({"headline": "A1"}, "'headline' must be clean headline text"),
        ({"contributors": ()}, "'contributors' must name at least one person"),
        ({"contributors": (Contributor(name="张三", role="主编"),)}, "'contributors' roles must be one of"),
        ({"contributors": (Contributor(name="张 三", role="记者"),)}, "must be a name of wide characters"),
    ],
)
def test_specs_refuse_text_a_parse_could_not_give_back(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        article(**changes)


def test_layout_refuses_a_width_out_of_range() -> None:
    with pytest.raises(ValueError, match="width"):
        Layout(width=30)


@pytest.mark.parametrize(
    ("style", "dateline", "source"),
    [
        ("rongmei", "拉萨融媒讯（记者A、B 实习生C）", "拉萨融媒"),
        ("benbao", "本报讯（记者 A、B 实习生 C）", "本报"),
        ("wire", "新华社拉萨9月16日电 (记者 A、B 实习生 C)", "新华社"),
    ],
)
def test_dateline_forms(style: str, dateline: str, source: str) -> None:
    people = tuple(
        Contributor(name=name, role=role) for name, role in (("甲", "记者"), ("乙", "记者"), ("丙", "实习生"))
    )
    spec = article(style=style, contributors=people)
    assert spec.dateline == dateline.replace("A", "甲").replace("B", "乙").replace("C", "丙")
    assert spec.source == source


def test_indent_layouts_hide_no_paragraph_end() -> None:
    spec = article(
        paragraphs=(
            "一二三四五六七八九十一二三四五六七八九十一二三四。",
            "一二三四五六七八九十一二三四五六。",
        )
    )
    assert render_page(
        [spec], Layout(width=12, first_line="indent", paragraph_gap=False)
    ).paragraphs_unambiguous
    full = render_page([spec], Layout(width=12, first_line="full", paragraph_gap=False))
    assert [ambiguity.reason for ambiguity in full.ambiguities] == ["edge"]
