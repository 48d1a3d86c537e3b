"""The renderer of ``lhasa_corpus.testing`` on its own: it lays out what it is given, and nothing else.

These tests check the renderer against facts stated here, apart from its own
tables, and never against the parser: Unicode's East Asian Width, the 避头尾
punctuation of Chinese type, the CSS Text 3 segment-break rule. A deliberate
one-line break in the renderer's width table (say, ``“`` dropped from
``FULL_WIDTH_PUNCTUATION``, or ``("W", "F")`` cut to ``("W",)`` in ``is_wide``)
fails ``test_widths_follow_east_asian_width_and_chinese_type`` and
``test_body_lines_fit_the_column_save_hanging_punctuation``.
"""

from __future__ import annotations

import ast
import codecs
import datetime as dt
import itertools
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lhasa_corpus.models import Caption, Contributor
from lhasa_corpus.testing import (
    LAYOUT_FAMILIES,
    ArticleFields,
    ArticleSpec,
    BylineSpec,
    CaptionSpec,
    Credit,
    DatelineSpec,
    Furniture,
    Layout,
    RenderedPage,
    clean_headline,
    ems,
    encode_pages,
    from_record,
    load_records,
    real_page,
    render_page,
)
from tests.conftest import REPO
from tests.strategies import (
    Phenomena,
    article_lists,
    commentaries,
    furniture_lines,
    headers,
    layouts,
)

TESTING = REPO / "src" / "lhasa_corpus" / "testing"
SAMPLE = Path(__file__).parent / "data" / "realtext_sample.jsonl"
REALTEXT = REPO / "benchmarks" / "realtext" / "articles.jsonl"

# -- the facts these tests hold the renderer to, stated apart from it -------------------------------

#: Ambiguous-width marks Chinese type sets one em wide (GB/T 15834): quotes, dashes, ellipsis, dots.
SET_FULL_WIDTH = "‘’“”—―…‧·⸺⸻"
#: 避头: marks that may not start a line.
MAY_NOT_START = "。，、；：？！…）》」』】〉”’,.;:!?)%"
#: 避尾: marks that may not end a line.
MAY_NOT_END = "（《「『【〈“‘("


def width_of(char: str) -> float:
    """One em for East Asian Width W and F and the marks set full width, half an em otherwise."""
    if char.isspace():
        return 0.0
    wide = unicodedata.east_asian_width(char) in ("W", "F") or char in SET_FULL_WIDTH
    return 1.0 if wide and ord(char) < 0x40000 else 0.5


def solid(text: str) -> str:
    return "".join(text.split())


REPORTER = (Contributor(name="杨璐", role="记者"),)
LONG = "为进一步畅通金融机构与企业间沟通合作渠道，更好调动驻市金融机构服务实体经济，拉萨市金融助力经济高质量发展银保企对接会举行。"


def article(**changes: object) -> ArticleSpec:
    fields: dict[str, object] = {
        "dateline": DatelineSpec.rongmei(REPORTER),
        "headline": "银保企对接会举行",
        "paragraphs": (LONG,),
    }
    fields.update(changes)
    return ArticleSpec(**fields)  # type: ignore[arg-type]


def real_specs() -> list[ArticleSpec]:
    records = load_records(SAMPLE) + (load_records(REALTEXT) if REALTEXT.exists() else [])
    return [real.spec for real in map(from_record, records) if real.spec is not None]


EVERY = Phenomena.every()


# -- independence -----------------------------------------------------------------------------------


def test_the_renderer_imports_no_parser_module() -> None:
    """Every module of lhasa_corpus.testing imports from lhasa_corpus only models and its own package."""
    imported: set[str] = set()
    for path in sorted(TESTING.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.name}: relative import"
                imported.add(node.module or "")
    ours = {name for name in imported if name.split(".")[0] == "lhasa_corpus"}
    assert ours
    assert all(name == "lhasa_corpus.models" or name.startswith("lhasa_corpus.testing") for name in ours), (
        ours
    )


# -- widths and line breaks -------------------------------------------------------------------------

#: Characters of every kind the renderer meets: Han, CJK and fullwidth punctuation, the
#: ambiguous-width marks, Latin, digits, half-width punctuation, kana, Hangul, symbols.
ALPHABET = "拉萨融媒讯，。、；：？！（）《》“”‘’—―…·‧ＡＢ１２３abcXYZ0189,.;:!?()%-+/&@#かカ한℃°±×"


@pytest.mark.parametrize("char", ALPHABET)
def test_widths_follow_east_asian_width_and_chinese_type(char: str) -> None:
    """A character takes one em where Unicode says wide or fullwidth or Chinese type sets it full width."""
    assert ems(char) == width_of(char)


def lines_of(page: RenderedPage) -> list[tuple[str, set[str]]]:
    """Each line of the page with the names of the fields whose characters it holds."""
    out = []
    position = 0
    for line in page.text.split(page.layout.newline):
        start, end = position, position + len(line)
        fields = {span.field.split("/")[0] for span in page.spans if span.start < end and span.end > start}
        out.append((line, fields))
        position = end + len(page.layout.newline)
    return out


BODY_FIELDS = {"paragraphs", "dateline", "byline", "continuations"}


def fits(line: str, width: int) -> bool:
    """Whether a body line takes at most *width* ems, its indent counted and up to three closing marks
    hanging past the edge not, with a stray space among them or not; or holds a narrow run (a URL) too
    long to break."""
    indent = len(line) - len(line.lstrip("\u3000"))
    solid_line = "".join(char for char in line if not char.isspace())
    hanging = len(solid_line) - len(solid_line.rstrip(MAY_NOT_START))
    body = solid_line.rstrip(MAY_NOT_START) if hanging <= 3 else solid_line
    fill = sum(width_of(char) for char in body) + indent
    return fill <= width or longest_narrow_run(line) > width - 2


def test_a_line_fits_with_its_hanging_marks_past_the_edge() -> None:
    """Closing marks hang past the edge even with a stray space between them (found by a CI run)."""
    assert fits("“持 续推动“群众群众”群众 。 ”", 13)
    assert fits("\u3000\u3000一二三四五六七八九十一。”", 13)
    assert not fits("\u3000\u3000一二三四五六七八九十一二。", 13)
    assert not fits("“持 续推动“群众群众”群众众 。 ”", 13)


def check_fits(page: RenderedPage) -> None:
    for line, fields in lines_of(page):
        if not line.strip() or not fields <= BODY_FIELDS or not fields & {"paragraphs"}:
            continue
        assert fits(line, page.layout.width), line


def longest_narrow_run(line: str) -> float:
    """The width of the longest run of narrow characters (a URL, a long number): it never breaks."""
    runs = "".join(char if not char.isspace() and width_of(char) < 1 else " " for char in line).split()
    return max((len(run) * 0.5 for run in runs), default=0.0)


def check_kinsoku(page: RenderedPage) -> None:
    for line, _ in lines_of(page):
        stripped = line.strip(" \u3000")
        if stripped:
            assert stripped[0] not in MAY_NOT_START, line
            assert stripped[-1] not in MAY_NOT_END, line


def check_latin_runs_whole(page: RenderedPage) -> None:
    """Where a line ends and the next begins with narrow characters, the field printed a space there."""
    for span in page.spans:
        value = field_value(page, span.article, span.field)
        pieces = page.text[span.start : span.end].split(page.layout.newline)
        for before, after in itertools.pairwise(piece for piece in pieces if piece.strip()):
            tail, head = before.split()[-1], after.split()[0]
            if width_of(tail[-1]) < 1 and width_of(head[0]) < 1:
                assert f"{tail} {head}" in value, (tail, head)


@given(article_lists(phenomena=EVERY), layouts(new=True))
def test_body_lines_fit_the_column_save_hanging_punctuation(
    articles: list[ArticleSpec], layout: Layout
) -> None:
    """A body line takes at most the column width, indent included, save closing marks hanging past the
    edge; no line starts with 避头 or ends with 避尾 punctuation; no line break falls inside a Latin word
    or a number."""
    page = render_page(articles, layout)
    check_fits(page)
    check_kinsoku(page)
    check_latin_runs_whole(page)


# -- nothing lost, nothing invented -----------------------------------------------------------------


def field_value(page: RenderedPage, article: int | None, field: str) -> str:
    """The value a field's spans must hold: the spec's own text (or the furniture's)."""
    if article is None:
        return page.furniture[int(field.split("/")[1])].text
    spec = page.articles[article]
    parts = field.split("/")
    values: dict[str, object] = {
        "kicker": spec.kicker,
        "headline": spec.headline,
        "dateline": spec.dateline and spec.dateline.text,
        "byline": spec.byline and spec.byline.text,
        "subheadlines": spec.subheadlines,
        "paragraphs": spec.paragraphs,
        "continuations": spec.continuations,
        "captions": spec.captions,
    }
    value = values[parts[0]]
    if len(parts) == 1:
        assert isinstance(value, str)
        return value
    item = value[int(parts[1])]  # type: ignore[index]
    if isinstance(item, CaptionSpec):
        text = getattr(item, parts[2])
        assert isinstance(text, str)
        return text
    assert isinstance(item, str)
    return item


def primary_fields(spec: ArticleSpec) -> list[str]:
    names = ["kicker", "headline", "dateline", "byline"]
    present = [name for name in names if getattr(spec, name) is not None]
    present += [f"subheadlines/{number}" for number in range(len(spec.subheadlines))]
    present += [f"paragraphs/{number}" for number in range(len(spec.paragraphs))]
    present += [f"continuations/{number}" for number in range(len(spec.continuations))]
    for number, caption in enumerate(spec.captions):
        present.append(f"captions/{number}/text")
        if caption.credit is not None:
            present.append(f"captions/{number}/credit")
    return present


def check_nothing_lost(page: RenderedPage) -> None:
    """The spans tile the page's solid text in order, and each field's spans hold exactly its value."""
    assert [span.start for span in page.spans] == sorted(span.start for span in page.spans)
    covered = []
    position = 0
    for span in page.spans:
        assert not page.text[position : span.start].strip(), "text outside every field"
        covered.append(page.text[span.start : span.end])
        position = span.end
    assert not page.text[position:].strip()
    assert solid("".join(covered)) == solid(page.text)
    keys = {(span.article, span.field) for span in page.spans}
    for index, spec in enumerate(page.articles):
        assert {field for article, field in keys if article == index} == set(primary_fields(spec))
    assert {field for article, field in keys if article is None} == {
        f"leftovers/{number}" for number in range(len(page.furniture))
    }
    for article, field in keys:
        sliced = "".join(page.text[span.start : span.end] for span in page.spans_of(article, field))
        assert solid(sliced) == solid(field_value(page, article, field)), (article, field)


def check_reading_order(page: RenderedPage) -> None:
    """Paragraphs stand in order; the dateline opens the body; headlines stand before or after it."""
    for index, spec in enumerate(page.articles):
        starts = [
            page.spans_of(index, f"paragraphs/{number}")[0].start for number in range(len(spec.paragraphs))
        ]
        assert starts == sorted(starts)
        if spec.dateline is not None:
            assert page.spans_of(index, "dateline")[0].start < starts[0]
        if spec.headline is not None:
            headline = page.spans_of(index, "headline")[0].start
            assert (headline < starts[0]) == (page.layout.placement == "before")


@given(article_lists(phenomena=EVERY), layouts(new=True), furniture_lines(), headers())
def test_a_page_holds_its_fields_and_furniture_and_nothing_else(
    articles: list[ArticleSpec], layout: Layout, header: list[tuple[Furniture, ...]], footer: list[Furniture]
) -> None:
    """The non-white-space characters of a page are those of the specs' primary fields and the furniture,
    each field where its spans say, in reading order; the same specs and layout give the same page."""
    page = render_page(articles, layout, header=header, footer=footer)
    check_nothing_lost(page)
    check_reading_order(page)
    assert render_page(articles, layout, header=header, footer=footer) == page


def test_the_seed_changes_where_stray_spaces_go() -> None:
    pages = {
        render_page([article()], Layout(justified_spaces=True, digit_spaces=True, seed=seed)).text
        for seed in range(8)
    }
    assert len(pages) > 1


@given(commentaries(), layouts(new=True))
def test_expectations_are_the_specs_own_text(spec: ArticleSpec, layout: Layout) -> None:
    """What a page says a parse must give back is the spec's text, untouched by any normaliser."""
    (fields,) = render_page([spec], layout).expected()
    assert fields.paragraphs is spec.paragraphs
    assert fields.headline is spec.headline
    assert fields.byline == (spec.byline.text if spec.byline else None)


# -- real text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("family", LAYOUT_FAMILIES)
def test_real_pages_keep_the_promise(family: str) -> None:
    """Pages of real articles hold their fields and nothing else, fit the column and break where type allows."""
    pool = real_specs()
    for seed in range(6):
        page = real_page(pool, seed, family)
        check_nothing_lost(page)
        check_reading_order(page)
        check_fits(page)
        check_kinsoku(page)
        check_latin_runs_whole(page)


def test_real_records_become_specs_in_clean_form_or_say_why_not() -> None:
    by_id = {real.id: real for real in map(from_record, load_records(SAMPLE))}
    assert by_id["sample-09"].skipped == "a character that does not show in 'paragraphs'"
    assert by_id["sample-10"].spec is not None
    assert by_id["sample-10"].spec.dateline is None
    assert any("dateline left out" in note for note in by_id["sample-10"].notes)
    wire = by_id["sample-04"].spec
    assert wire is not None
    assert wire.byline is not None
    assert wire.byline.position == "end"
    assert (
        wire.paragraphs[1] == "据介绍，全市调配各类农机具2000余台（套），组织农机服务队深入田间地头开展作业。"
    )
    assert [person.organisation for person in wire.contributors] == ["本报", "本报", "新华社", "新华社"]
    feature = by_id["sample-03"].spec
    assert feature is not None
    assert feature.crossheads == (1, 4)
    assert feature.contributors == (Contributor(name="李明", role="记者", organisation="本报"),)
    latin = by_id["sample-06"].spec
    assert latin is not None
    assert "称它为the Potala Palace。" in latin.paragraphs[0]
    trailing = by_id["sample-07"].spec
    assert trailing is not None
    assert trailing.byline is not None
    assert trailing.byline.position == "end_line"


def test_real_pages_mix_datelines_and_are_the_same_for_a_seed() -> None:
    pool = real_specs()
    pages = [real_page(pool, seed, "mixed") for seed in range(10)]
    assert pages == [real_page(pool, seed, "mixed") for seed in range(10)]
    mixed = [{spec.dateline is None for spec in page.articles} for page in pages]
    assert sum(kinds == {True, False} for kinds in mixed) >= 8


# -- each layout option does what it says -----------------------------------------------------------


def body_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and line.strip() != "银保企对接会举行"]


def test_a_dropped_first_line_is_two_ems_short() -> None:
    page = render_page([article()], Layout(width=13, first_line="dropped", paragraph_gap=False))
    lines = body_lines(page.text)
    assert "".join(lines) == "拉萨融媒讯（记者杨璐）" + LONG
    assert ems(lines[0]) == 11


def test_indent_layout_starts_each_paragraph_with_two_ideographic_spaces() -> None:
    spec = article(paragraphs=("会议召开。", "会议结束。"))
    lines = body_lines(render_page([spec], Layout(width=24, first_line="indent")).text)
    assert [line[:2] for line in lines] == ["\u3000\u3000"] * 2


def test_letter_spaced_headline_closes_up_again() -> None:
    spec = article(headline="2025年国家统一法律职业资格考试举行")
    page = render_page([spec], Layout(letter_spaced_headlines=True))
    printed = [line for line in page.text.splitlines() if "考 试" in line]
    assert printed == ["2025 年 国 家 统 一 法 律 职 业 资 格 考 试 举 行"]
    assert clean_headline(printed[0]) == spec.headline


def test_a_headline_with_a_phrase_space_is_not_letter_spaced() -> None:
    spec = article(headline="业务培训解难题 提升服务强能力")
    assert "业务培训解难题 提升服务强能力" in render_page([spec], Layout(letter_spaced_headlines=True)).text


def test_glued_dateline_shares_the_headline_line() -> None:
    first = article(headline="拉萨市召开银保企对接会")
    second = article(headline="座谈会召开", paragraphs=("北京拉萨两地艺术家展开深入交流。",))
    glued = [render_page([first, second], Layout(glue_datelines=True, seed=seed)).text for seed in range(6)]
    assert any("拉萨市召开银保企对接会拉萨融媒讯（记者杨璐）" in text for text in glued)


def test_a_split_dateline_breaks_inside_itself() -> None:
    page = render_page([article()], Layout(split_datelines=True))
    first = body_lines(page.text)[0]
    assert "拉萨融媒讯（记者杨璐）".startswith(first)
    assert first != "拉萨融媒讯（记者杨璐）"


def test_captions_go_where_the_layout_says() -> None:
    caption = CaptionSpec.reporter("图为对接会现场。", "李丛芳")
    spec = article(captions=(caption,))
    start = render_page([spec], Layout(caption_position="page_start")).text
    end = render_page(
        [spec], Layout(caption_position="page_end"), footer=[Furniture.editors(("责任编辑", "张三"))]
    ).text
    assert start.startswith(caption.line)
    assert end.splitlines()[-3] == caption.line


def test_a_caption_inside_another_article_stands_between_its_body_lines() -> None:
    caption = CaptionSpec.credited("图为对接会现场。", "supplied", photographer="李丛芳")
    first = article(captions=(caption,))
    second = article(headline="座谈会召开", paragraphs=("北京拉萨两地艺术家展开深入交流。", LONG))
    page = render_page(
        [first, second], Layout(caption_position="other_body", caption_gap=False, paragraph_gap=False)
    )
    (text,) = page.spans_of(0, "captions/0/text")
    body = page.spans_of(1, "paragraphs/0") + page.spans_of(1, "paragraphs/1")
    assert body[0].start < text.start < body[-1].start
    assert f"\n{caption.line}\n" in page.text  # no blank line around it


def test_a_credit_line_stands_under_the_caption_text() -> None:
    caption = CaptionSpec.credited("图为旅客在拉萨站候车。", "spaced", photographer="央宗")
    page = render_page([article(captions=(caption,))], Layout(credit_line=True))
    assert "图为旅客在拉萨站候车。\n央宗 摄\n" in page.text


def test_continuations_stand_alone_or_glued() -> None:
    spec = article(continued_to="（下转第3版）")
    assert "\n（下转第3版）\n" in render_page([spec], Layout()).text
    assert "举行。（下转第3版）" in render_page([spec], Layout(glue_continuations=True)).text
    jump = ArticleSpec(
        headline="银保企对接会举行", continued_from="（上接第一版）", paragraphs=("会议要求各方认真落实。",)
    )
    placed = render_page([jump], Layout(placement="before")).text
    assert placed.index("银保企对接会举行") < placed.index("（上接第一版）") < placed.index("会议要求")
    assert "（上接第一版）会议要求" in render_page([jump], Layout(glue_continuations=True)).text


def test_bylines_stand_where_their_position_says() -> None:
    top = BylineSpec.build([Credit(role="记者", organisation="本报", names=("李明",), gap=" ", spaced=True)])
    end = BylineSpec.build([Credit(role="记者", organisation="本报", names=("王明", "李华"))], position="end")
    line = BylineSpec.build(
        [Credit(role="记者", organisation="本报", names=("张三",), gap=" ", tail="文")], position="end_line"
    )
    layout = Layout(placement="before", width=24)
    assert (
        "银保企对接会举行\n\n本报记者 李 明\n\n"
        in render_page([article(dateline=None, byline=top)], layout).text
    )
    assert "举行。（本报记者王明、李华）\n" in render_page([article(dateline=None, byline=end)], layout).text
    assert "举行。\n本报记者 张三/文\n" in render_page([article(dateline=None, byline=line)], layout).text


def test_crossheads_stand_alone_on_short_lines() -> None:
    spec = article(paragraphs=("会议召开。", "从“打工人”到“带头人”", "会议结束。"), crossheads=[1])
    text = render_page([spec], Layout(paragraph_gap=False, crosshead_gap=True)).text
    assert "\n\n从“打工人”到“带头人”\n\n" in text
    text = render_page([spec], Layout(paragraph_gap=False, crosshead_gap=False)).text
    assert "会议召开。\n从“打工人”到“带头人”\n会议结束。" in text


def test_furniture_lines_hold_several_kinds_and_say_what_they_are() -> None:
    date = Furniture.date(dt.date(2025, 10, 8))
    editors = Furniture.editors(("责任编辑", "扎西"), ("版式", "王五"))
    page = render_page(
        [article()], Layout(), header=[Furniture.paper(), (date, editors)], footer=[Furniture.section("要闻")]
    )
    assert page.text.startswith("拉萨日报\n\n2025年10月8日 星期三 责任编辑：扎西 版式：王五\n")
    expected = page.expected_page()
    assert [(leftover.text, leftover.kind) for leftover in expected.leftovers] == [
        ("拉萨日报", "paper"),
        ("2025年10月8日 星期三", "date"),
        ("责任编辑：扎西 版式：王五", "editors"),
        ("要闻", "section"),
    ]
    assert expected.sections == ("要闻",)
    assert expected.editors == (
        Contributor(name="扎西", role="责任编辑"),
        Contributor(name="王五", role="版式"),
    )
    assert expected.headline_placement == "after"


def test_crlf_layout_ends_every_line_with_crlf() -> None:
    text = render_page([article()], Layout(newline="\r\n")).text
    assert text.count("\n") == text.count("\r\n") > 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encoded_pages_decode_back(encoding: str) -> None:
    pages = [render_page([article()], Layout(seed=seed)) for seed in range(2)]
    data = encode_pages(pages, encoding)
    assert data.startswith(codecs.BOM_UTF8) == (encoding == "utf-8-sig")
    assert data.decode("utf-8-sig" if encoding == "utf-8" else encoding).split("\f") == [
        page.text for page in pages
    ] + [""]


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="'encoding' must be one of"):
        encode_pages(["拉萨"], "latin-1")


# -- specs --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "dateline", "source"),
    [
        ("rongmei", "拉萨融媒讯（记者A、B 实习生C）", "拉萨融媒"),
        ("benbao", "本报讯（记者 A、B 实习生 C）", "本报"),
        ("wire", "新华社拉萨9月16日电 (记者 A、B 实习生 C)", "新华社"),
    ],
)
def test_the_first_renderers_dateline_forms(style: str, dateline: str, source: str) -> None:
    people = [
        Contributor(name=name, role=role) for name, role in (("甲", "记者"), ("乙", "记者"), ("丙", "实习生"))
    ]
    spec = {"rongmei": DatelineSpec.rongmei, "benbao": DatelineSpec.benbao, "wire": DatelineSpec.wire}[style](
        people
    )
    assert spec.text == dateline.replace("A", "甲").replace("B", "乙").replace("C", "丙")
    assert spec.source == source


@pytest.mark.parametrize(
    ("spec", "text", "source"),
    [
        (
            DatelineSpec.build("东方网", credits=[Credit(names=("李四",), gap=" ")], space=True),
            "东方网讯 （记者 李四）",
            "东方网",
        ),
        (
            DatelineSpec.build("人民日报", place="北京", date=(9, 16), ending="电"),
            "人民日报北京9月16日电",
            "人民日报",
        ),
        (
            DatelineSpec.build(
                "本报",
                place="拉萨",
                date=(9, 16),
                credits=[Credit(names=("王磊", "陈静"), gap=" ", separator=" ")],
            ),
            "本报拉萨9月16日讯（记者 王磊 陈静）",
            "本报",
        ),
    ],
)
def test_dateline_forms_of_other_outlets(spec: DatelineSpec, text: str, source: str) -> None:
    assert (spec.text, spec.source) == (text, source)


def test_a_byline_names_people_with_role_and_organisation() -> None:
    spec = BylineSpec.build(
        [
            Credit(role="记者", organisation="本报", names=("王明", "李华")),
            Credit(role="记者", organisation="新华社", names=("赵强",)),
        ],
        position="end",
        joiner="，",
    )
    assert [(person.name, person.organisation) for person in spec.contributors] == [
        ("王明", "本报"),
        ("李华", "本报"),
        ("赵强", "新华社"),
    ]
    slash = BylineSpec.build(
        [Credit(role="文", names=("张三",), slash=True), Credit(role="图", names=("李四",), slash=True)]
    )
    assert slash.text == "文/张三 图/李四"
    assert [(person.name, person.role) for person in slash.contributors] == [("张三", "文"), ("李四", "图")]


@pytest.mark.parametrize(
    ("form", "credit", "photographer"),
    [
        ("reporter", "拉萨融媒记者 刘 洋摄", "刘洋"),
        ("dated", "刘 洋 9月16日摄", "刘洋"),
        ("provided", "图片由刘 洋提供", "刘洋"),
        ("file", "资料图片", None),
        ("wire_release", "新华社发", None),
        ("photography", "摄影：刘 洋", "刘洋"),
    ],
)
def test_caption_credit_forms(form: str, credit: str, photographer: str | None) -> None:
    spec = CaptionSpec.credited("图为现场。", form, photographer="刘洋", spaced=True)
    assert spec.expected() == Caption(text="图为现场。", credit=credit, photographer=photographer)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paragraphs": ("拉萨 融媒",)}, "'paragraphs' must be non-empty clean body text"),
        ({"paragraphs": ()}, "'paragraphs' must hold at least one paragraph"),
        ({"headline": "会议召开。"}, "'headline' must be clean headline text"),
        ({"headline": "A1"}, "'headline' must be clean headline text"),
        ({"continued_to": "（下转 第3版）\n"}, "'continued_to' must be non-empty clean byline text"),
        (
            {"paragraphs": ("会议召开。", "小标题"), "crossheads": [1]},
            "'crossheads' must index paragraphs between",
        ),
    ],
)
def test_specs_refuse_text_that_is_not_clean(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        article(**changes)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Credit(names=("张 三",)), "must be a name of wide characters"),
        (lambda: Credit(names=("李明", "王五"), separator=" ", spaced=True), "'spaced' names need"),
        (
            lambda: DatelineSpec(
                text="本报讯（记者 张三）",
                source="本报",
                contributors=[Contributor(name="李四", role="记者")],
            ),
            "'contributors' must be printed",
        ),
        (lambda: BylineSpec(text="本报记者 张三", position="end"), "must be a bracket"),
        (
            lambda: CaptionSpec(text="图为现场。", credit="资料图片", photographer="张三"),
            "'photographer' must be printed",
        ),
    ],
)
def test_specs_refuse_people_their_text_does_not_print(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_layout_refuses_a_width_out_of_range() -> None:
    with pytest.raises(ValueError, match="width"):
        Layout(width=30)


# -- ambiguities ----------------------------------------------------------------------------------------


def reasons(page: RenderedPage) -> list[str]:
    return [ambiguity.reason for ambiguity in page.ambiguities]


def test_a_paragraph_ending_at_the_column_edge_is_ambiguous_without_an_indent() -> None:
    spec = article(
        paragraphs=(
            "一二三四五六七八九十一二三四五六七八九十一二三四。",
            "一二三四五六七八九十一二三四五六。",
        )
    )
    assert render_page(
        [spec], Layout(width=12, first_line="indent", paragraph_gap=False)
    ).paragraphs_unambiguous
    assert reasons(render_page([spec], Layout(width=12, first_line="full", paragraph_gap=False))) == ["edge"]


def test_a_crosshead_standing_alone_like_a_headline_is_ambiguous() -> None:
    plain = article(paragraphs=("会议召开。", "从“打工人”到“带头人”", "会议结束。"), crossheads=[1])
    assert "heading_like_headline" in reasons(render_page([plain], Layout()))
    assert "heading_like_headline" not in reasons(
        render_page([plain], Layout(paragraph_gap=False, crosshead_gap=False))
    )
    ordinal = article(paragraphs=("会议召开。", "一、加强基层工作", "会议结束。"), crossheads=[1])
    assert "heading_like_headline" not in reasons(render_page([ordinal], Layout()))


def test_a_short_exclamation_alone_between_blank_lines_is_ambiguous() -> None:
    """推动群众！ set apart like a paragraph is set like a display line; the article's start is unclear."""
    spec = article(paragraphs=("会议召开。", "推动群众！", "会议结束。"))
    page = render_page([spec], Layout(paragraph_gap=True))
    assert "paragraph_like_headline" in reasons(page)
    assert not page.articles_unambiguous
    assert "paragraph_like_headline" not in reasons(render_page([spec], Layout(paragraph_gap=False)))
    long = article(paragraphs=("会议召开。", "各单位要推动群众工作再上新台阶！", "会议结束。"))
    assert "paragraph_like_headline" not in reasons(render_page([long], Layout(paragraph_gap=True)))


def test_an_article_with_nothing_to_show_its_start_is_ambiguous() -> None:
    first = article()
    bare = ArticleSpec(paragraphs=("会议要求各方认真落实。",))
    assert "boundary_hidden" in reasons(render_page([first, bare], Layout(placement="before")))
    assert "boundary_hidden" not in reasons(render_page([first, bare], Layout(placement="after")))
    signed = article(dateline=None, byline=BylineSpec.build([Credit(names=("张三",))], position="end"))
    assert "boundary_hidden" not in reasons(render_page([signed, bare], Layout(placement="before")))


def test_an_uncredited_caption_is_ambiguous() -> None:
    spec = article(captions=(CaptionSpec(text="活动现场。"),))
    assert "caption_uncredited" in reasons(render_page([spec], Layout()))


def test_expected_fields_compare_with_parsed_ones_in_one_shape() -> None:
    spec = article(byline=BylineSpec.build([Credit(role="通讯员", names=("李四",), gap=" ")]))
    (fields,) = render_page([spec], Layout()).expected()
    assert fields == ArticleFields.expected(spec)
    assert fields.source == "拉萨融媒"
    assert fields.contributors == (
        Contributor(name="杨璐", role="记者"),
        Contributor(name="李四", role="通讯员"),
    )
    assert fields.body == LONG


@pytest.mark.parametrize("name", [field.name for field in attrs.fields(Phenomena)])
@settings(max_examples=8)
@given(st.data())
def test_each_phenomenon_alone_renders_with_its_promise_kept(name: str, data: st.DataObject) -> None:
    """Each phenomenon switched on alone draws specs the renderer lays out holding exactly their fields."""
    articles = data.draw(article_lists(max_size=2, phenomena=Phenomena(**{name: True})))
    check_nothing_lost(render_page(articles, data.draw(layouts(new=True))))
