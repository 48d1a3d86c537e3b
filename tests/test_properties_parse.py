"""Properties that prove the parser on pages it has never seen.

Pages come from :mod:`lhasa_corpus.testing`, which lays out articles whose every
field is known, or from arbitrary text and bytes. Each test states the clause
it enforces. Shrunk failures found by the deep profile are kept as ``@example``.

The round trip draws the phenomena of :data:`PARSER_READS` and the first
renderer's layout options with the new ones of :data:`PARSER_READS_LAYOUT`: add
a phenomenon or a layout option there when the parser reads it.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from lhasa_corpus.chars import LINE_BREAKS
from lhasa_corpus.errors import InputError
from lhasa_corpus.lines import decode, split_lines, split_pages
from lhasa_corpus.loaders import load_file, parse_text
from lhasa_corpus.models import Contributor, Page
from lhasa_corpus.normalize import BODY_RULES, BYLINE_RULES, HEADLINE_RULES, apply_rules
from lhasa_corpus.quality import field_value, provenance_problems
from lhasa_corpus.testing import (
    ArticleFields,
    ArticleSpec,
    CaptionSpec,
    DatelineSpec,
    Layout,
    encode_pages,
    render_page,
)
from tests.strategies import FIRST_RENDERER, Phenomena, article_lists, footers, headers, layouts

#: The phenomena of real pages the round trip draws: those today's parser reads. Switch one on
#: (``Phenomena(crossheads=True)``) when the parser gains it.
PARSER_READS: Phenomena = FIRST_RENDERER
#: The layout options added since the first renderer that the round trip draws (``"split_datelines"``,
#: ``"caption_gap"``, ... of ``tests.strategies.NEW_LAYOUT_OPTIONS``): none yet.
PARSER_READS_LAYOUT: frozenset[str] = frozenset()


def solid(text: str) -> str:
    """The non-white-space characters of *text*."""
    return "".join(text.split())


# -- regressions: pages the suite once got wrong ------------------------------------------------

_REPORTER = (Contributor(name="莫建丰", role="特约记者"), Contributor(name="朱瑞英", role="特约记者"))
#: 特约记者 wrapped as 特约 / 记者 gave a contributor named 特约 (fixed in the byline reader).
ROLE_CUT_BY_WRAP = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei(_REPORTER, place="堆龙德庆"),
        headline="尼木县召开法律职业资格考试",
        paragraphs=("2025年，尼木县召开法律职业资格考试。",),
    )
]
#: An indented first line that fills the column and ends a sentence was taken for a whole
#: paragraph (fixed: the indent counts in the line's fill). The layout is unambiguous.
INDENTED_FIRST_LINE_ENDS_SENTENCE = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="杨璐", role="记者")]),
        headline="市委会议召开",
        paragraphs=(
            "会议于今日上午在拉萨市委会议室召开。",
            "会议说明了今年的各项工作。会议听取了各方意见和建议，并就下一步工作作出了部署和安排，"
            "要求各单位结合实际抓好贯彻落实，确保各项工作取得实效。",
            "会议要求各方认真落实。",
        ),
    )
]


#: An indent-marked article of two paragraphs counted one indent (the dateline's line was not
#: seen as indented), so a short last line after a full one split off as a paragraph.
TWO_PARAGRAPHS_MARKED_BY_INDENT = [
    ArticleSpec(
        dateline=DatelineSpec.benbao(
            [Contributor(name="张晓东", role="特约记者"), Contributor(name="卓玛扎西", role="特约记者")]
        ),
        headline="堆龙德庆区启动社会救助培训班",
        paragraphs=(
            "近日，堆龙德庆区启动社会救助培训班。",
            "全面组织通过CCTV-4项目、完善项目，保障技能？认真推动678名考生项目，"
            "认真打造通过5G文化，进一步交流农牧民。深入服务“人才生态”选手。",
        ),
    )
]


#: On a page that marks paragraphs by indents, a dateline glued behind the previous headline
#: loses its line's indent, so its article counted one indent and fell back to the width
#: rules (fixed: the page, not the article, decides that indents mark paragraphs).
DATELINE_GLUED_ON_INDENTED_PAGE = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁", role="记者")]),
        headline="拉萨高新控股集团举办青稞种植技术培训",
        subheadlines=("解难题 强能力",),
        paragraphs=("近日，拉萨高新控股集团举办青稞种植技术培训。",),
    ),
    ArticleSpec(
        dateline=DatelineSpec.benbao([Contributor(name="次仁", role="特约记者")]),
        paragraphs=(
            "近日，堆龙德庆区举办社会救助培训班。",
            "进一步推动通过PPT群众，推动群众，推动技能。认真推动678家企业群众，"
            "认真打造通过5G群众，进一步推动农牧民。进一步推动“群众群众”群众。",
        ),
    ),
]


#: A caption about the second article credited a photographer who reports for the first: the
#: credit's words and a bonus for the name outweighed the shared content (fixed: the credit is
#: left out of the comparison and the name only breaks ties).
PHOTOGRAPHER_REPORTS_FOR_ANOTHER_ARTICLE = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei(
            [Contributor(name="次仁", role="记者"), Contributor(name="张从芳", role="记者")], place="日喀则"
        ),
        paragraphs=("近日，八廓古城管委会举办职业技能大赛。次仁说：“推动群众。”", "次仁说：“加强群众。”"),
    ),
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁", role="记者")]),
        paragraphs=("近日，林周县举办银企对接会。次仁说：“推动群众。”",),
        captions=(CaptionSpec.reporter("图为林周县银企对接会现场，加强群众。", "张从芳"),),
    ),
]


#: Only one line of the page showed its U+3000 indent (the other dateline was glued behind a
#: headline), so two indented lines were not found and the width rules split a short last
#: line off (fixed: one ideographic-space indent marks the page).
ONE_VISIBLE_INDENT = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁", role="记者")]),
        headline="八廓古城管委会举办职业技能大赛",
        paragraphs=("近日，八廓古城管委会举办职业技能大赛。",),
    ),
    ArticleSpec(
        dateline=DatelineSpec.rongmei(
            [Contributor(name="次仁", role="记者"), Contributor(name="次仁次仁", role="实习生")]
        ),
        paragraphs=(
            "近日，堆龙德庆区举办社会救助培训班。次仁说：“推动《中华人民共和国环境保护法》群众，"
            "进一步推动通过PPT群众，推动1家企业群众。”次仁说：“推动群众。”",
        ),
    ),
]


#: A paragraph cut by two column breaks, each after a line that holds a comma and stops in
#: mid-word (``深入推动通过PPT群众，持`` / ``续推动通过PPT志愿者，推``), reads as a headline group
#: (headline and subheadline) that opens an article of the paragraph's rest. Found by the ``ci``
#: profile at 300 examples on a three-article page without headlines, shrunk by hand to this one;
#: not fixed yet, so the example is an expected failure (strict: it fails the day the parser reads
#: the page right).
CLAUSES_CUT_BY_COLUMN_BREAKS = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁", role="记者")]),
        paragraphs=("近日，会议召开。", "深入推动通过PPT群众，持续推动通过PPT志愿者，推动群众。"),
    )
]


#: A paragraph's first two lines cut off by a column break (``进一步推动《中华人民共和`` /
#: ``国环境保护法》群众！次仁``), in a 12-em column with blank lines between paragraphs: an
#: exclamation inside and no sentence end make them heading-shaped, so they are read as the
#: headline of the article above and the paragraph's last line as an article of its own. Found
#: by the ``ci`` profile (seed 1792072830); an expected failure until the parser reads it.
QUOTES_CUT_BY_COLUMN_BREAKS = [
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁", role="记者")]),
        paragraphs=("近日，八廓古城管委会举办职业技能大赛。次仁说：“推动群众。”次仁说：“推动群众。”",),
    ),
    ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="次仁次仁", role="记者")]),
        paragraphs=(
            "近日，堆龙德庆区举办社会救助培训班。次仁说：“推动群众。”推动群众，推动1家企业群众，"
            "推动《中华人民共和国环境保护法》群众。次仁说：“推动群众，推动群众，推动1家企业群众。”",
            "次仁说：“推动群众。”",
            "进一步推动《中华人民共和国环境保护法》群众！次仁说：“推动群众。”",
        ),
    ),
]

#: The exact-reading properties try the same pages on every run. They measure what the parser
#: reads, and it does not read every page the renderer makes yet (about 999 of 1,000: the
#: shapes kept as expected-failure examples here and in ``docs/property-report.md``); with a seed
#: that changes per run, CI would fail one run in a few for a page unrelated to the change it
#: tests. The invariants below (nothing lost, spans, determinism, bytes) hold on every page and
#: search afresh on every run; ``HYPOTHESIS_PROFILE=deep`` searches the exact reading afresh.
reads_exactly = settings(derandomize=True)


@reads_exactly
@given(article_lists(phenomena=PARSER_READS), layouts(new=PARSER_READS_LAYOUT), headers(), footers())
@example(
    QUOTES_CUT_BY_COLUMN_BREAKS,
    Layout(width=12, placement="before", first_line="full", paragraph_gap=True, column_breaks=True, seed=1),
    [],
    [],
).xfail(
    reason="parser bug: a column-break line before a blank line ends a body; the next line opens an article",
    raises=AssertionError,
)
@example(
    CLAUSES_CUT_BY_COLUMN_BREAKS, Layout(width=12, paragraph_gap=True, column_breaks=True, seed=22), [], []
).xfail(
    reason="parser bug: two column-break lines with a comma inside and no sentence end read as a headline group",
    raises=AssertionError,
)
@example(
    ONE_VISIBLE_INDENT,
    Layout(
        width=18, placement="before", first_line="indent", paragraph_gap=False, glue_datelines=True, seed=1
    ),
    [],
    [],
)
@example(PHOTOGRAPHER_REPORTS_FOR_ANOTHER_ARTICLE, Layout(width=12, paragraph_gap=False, seed=0), [], [])
@example(
    DATELINE_GLUED_ON_INDENTED_PAGE,
    Layout(
        width=18, placement="after", first_line="indent", paragraph_gap=False, glue_datelines=True, seed=147
    ),
    [],
    [],
)
@example(TWO_PARAGRAPHS_MARKED_BY_INDENT, Layout(width=18, first_line="indent", paragraph_gap=False), [], [])
@example(ROLE_CUT_BY_WRAP, Layout(width=12), [], [])
@example(
    INDENTED_FIRST_LINE_ENDS_SENTENCE, Layout(width=15, first_line="indent", paragraph_gap=False), [], []
)
def test_round_trip_gives_back_every_article(
    articles: list[ArticleSpec], layout: Layout, header: list[str], footer: list[str]
) -> None:
    """Parsing a rendered page gives back its articles.

    Sources, datelines, bylines, contributors (name, role, organisation), kickers,
    headlines, subheadlines, captions, continuations and bodies are exact on every
    page the renderer makes with the phenomena of :data:`PARSER_READS` whose
    article boundaries show (``RenderedPage.articles_unambiguous``; where a
    one-line exclamation stands alone like a headline, only the wording tells,
    and only nothing lost is checked there). The paragraph boundaries are exact where the page shows them: a page whose
    ambiguities are not empty hides some by nature (a paragraph ending at the
    column edge with no other mark), so for it only the body is compared;
    ``benchmarks/ambiguous_paragraphs.py`` measures how often the parser still
    gets those right.
    """
    page = render_page(articles, layout, header=header, footer=footer)
    parsed = parse_text(page.text)
    for ambiguity in page.ambiguities:
        event(f"ambiguity: {ambiguity.reason}")
    if not page.articles_unambiguous:  # where an article starts only the wording tells
        check_nothing_lost(parsed)
        return
    got = [ArticleFields.of(article) for article in parsed.articles]
    expected = list(page.expected())
    assert [field.headline for field in got] == [field.headline for field in expected]
    for have, want in zip(got, expected, strict=True):
        assert have.source == want.source
        assert have.dateline == want.dateline
        assert have.byline == want.byline
        assert have.contributors == want.contributors
        assert (have.kicker, have.headline, have.subheadlines) == (
            want.kicker,
            want.headline,
            want.subheadlines,
        )
        assert have.captions == want.captions
        assert have.continuations == want.continuations
        assert have.body == want.body
        if page.unambiguous:
            assert have.paragraphs == want.paragraphs
    assert solid("".join(leftover.text for leftover in parsed.leftovers)) == solid("".join(page.leftovers))


@given(
    st.lists(st.tuples(article_lists(max_size=2), layouts()), min_size=1, max_size=3),
    st.sampled_from(("utf-8", "utf-8-sig", "gb18030")),
)
def test_a_file_of_pages_parses_like_its_pages(
    pages: list[tuple[list[ArticleSpec], Layout]], encoding: str
) -> None:
    """A file of pages separated by form feeds, in any supported encoding, decodes to
    the same pages, and ``load_file`` gives each page as its text parses alone."""
    rendered = [render_page(articles, layout) for articles, layout in pages]
    data = encode_pages(rendered, encoding)
    assert split_pages(decode(data, "pages.txt")) == [page.text for page in rendered]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.txt"
        path.write_bytes(data)
        loaded = list(load_file(path, infer_date=False))
    assert len(loaded) == len(rendered)
    for page, alone in zip(loaded, rendered, strict=True):
        assert page.raw_text == alone.text
        expected = parse_text(alone.text, infer_date=False)
        assert [ArticleFields.of(article) for article in page.articles] == [
            ArticleFields.of(article) for article in expected.articles
        ]
        assert page.leftovers == expected.leftovers


# -- any text at all ----------------------------------------------------------------------------


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    """Arbitrary Unicode, or a rendered page with arbitrary text spliced in."""
    if draw(st.booleans()):
        return draw(st.text())
    text = render_page(draw(article_lists(max_size=2)), draw(layouts())).text
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        noise = draw(
            st.text(max_size=12)
            | st.sampled_from(("拉萨融媒讯（", "）", "\n\n", "\u3000\u3000", "\f", "下转第"))
        )
        text = text[:at] + noise + text[at:]
    return text


_BREAK_PIECES = st.sampled_from(["\r\n", "\r", "\n", "\f", "\v", "\x85", "\u2028", "\u3000", " ", "拉"])


@given(st.lists(_BREAK_PIECES | st.text(max_size=4)).map("".join) | page_texts())
@example("a\r\r\nb\n")
@example("")
def test_lines_tile_the_page_between_line_terminators(text: str) -> None:
    """Each line is ``text[start:end]`` and holds no line terminator; one terminator
    (CRLF, or one of LINE_BREAKS) separates each line from the next and may end the
    page. A form feed is not a line terminator."""
    lines = split_lines(text)
    assert [line.number for line in lines] == list(range(len(lines)))
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert not any(char in LINE_BREAKS for line in lines for char in line.text)
    position = 0
    for line in lines:
        terminator = text[position : line.start]
        assert terminator in ("", "\r\n") or (len(terminator) == 1 and terminator in LINE_BREAKS)
        assert (terminator == "") == (line.number == 0)
        position = line.end
    assert text[position:] in ("", "\r\n") or text[position:] in LINE_BREAKS


#: The fields that hold characters of the page, stated here apart from ``quality.PRIMARY_FIELD``:
#: the derived fields (source, contributors' names, photographer) repeat characters of these.
PRIMARY_FIELDS = re.compile(
    r"kicker|headline|subheadlines/\d+|dateline|byline|paragraphs/\d+|captions/\d+/(?:text|credit)|continuations/\d+"
)


def check_nothing_lost(page: Page) -> None:
    """Nothing lost, nothing invented: checked twice, by the library and by this test on its own.

    ``quality.provenance_problems`` is the check users run (``lhasa-corpus validate`` reports it),
    so it must find nothing. But a test that only called it would share its mistakes: a field
    left out of ``quality.PRIMARY_FIELD`` would be skipped by both the code and the test. So the
    invariant is also stated here, from the field values rather than from the library's check:

    1. as a multiset, the non-white-space characters of the primary fields' values and of the
       leftovers are those of the raw text (this needs no span at all);
    2. in order: each non-white-space character of the raw text is owned by exactly one primary
       field or leftover (through its spans), and the characters a field owns, read in page
       order, are its value.
    """
    assert provenance_problems(page) == []
    raw = page.raw_text
    pieces = [leftover.text for leftover in page.leftovers]
    owner: dict[int, str] = {}
    for article in page.articles:
        fields = {span.field for span in article.spans if PRIMARY_FIELDS.fullmatch(span.field)}
        for field in fields:
            value = field_value(article, field) or ""
            pieces.append(value)
            owned = []
            for span in article.spans_of(field):
                for offset in range(span.start, span.end):
                    if raw[offset].isspace():
                        continue
                    assert owner.setdefault(offset, field) == field, (
                        f"{field} and {owner[offset]} share {offset}"
                    )
                    owned.append(raw[offset])
            assert "".join(owned) == solid(value), field
    for leftover in page.leftovers:
        assert raw[leftover.start : leftover.end] == leftover.text
        for offset in range(leftover.start, leftover.end):
            if not raw[offset].isspace():
                assert owner.setdefault(offset, "leftover") == "leftover", (
                    f"a leftover and {owner[offset]} share {offset}"
                )
    assert Counter(solid("".join(pieces))) == Counter(solid(raw)), "characters lost or invented"
    assert sorted(owner) == [offset for offset, char in enumerate(raw) if not char.isspace()]


@given(page_texts())
@example("拉萨融媒讯（记者杨璐\n为进一步畅通渠道。")
@example("\u3000\u3000图为\n\n本报讯（）")
def test_nothing_is_lost_for_any_text(text: str) -> None:
    """The non-white-space characters of a page are those of its articles' primary
    fields and its leftovers, in order, each once."""
    check_nothing_lost(parse_text(text))


@given(page_texts())
def test_every_span_slices_back_to_its_field(text: str) -> None:
    """The non-white-space characters of ``raw_text[start:end]`` over a field's spans
    are those of the field's value."""
    page = parse_text(text)
    for article in page.articles:
        fields = {span.field for span in article.spans}
        for field in fields:
            sliced = "".join(page.raw_text[span.start : span.end] for span in article.spans_of(field))
            assert solid(sliced) == solid(field_value(article, field) or ""), field
        assert 0 <= article.char_start <= article.char_end <= len(page.raw_text)


@given(page_texts())
def test_a_field_has_one_span_per_stretch_of_raw_text(text: str) -> None:
    """Between two spans of one field stands a character that is not white space
    (another field's, a cut's): spans separated by white space only are one span."""
    page = parse_text(text)
    for article in page.articles:
        for field in {span.field for span in article.spans}:
            for before, after in itertools.pairwise(article.spans_of(field)):
                assert page.raw_text[before.end : after.start].strip(), field


@given(page_texts())
def test_parsing_is_deterministic(text: str) -> None:
    """The same text always gives the same page, IDs included."""
    assert parse_text(text) == parse_text(text)


@given(st.binary(max_size=400) | page_texts().map(lambda text: text.encode("utf-8", "surrogatepass")))
@example(b"\xef\xbb\xbf")
@example(b"\x00")
@example(b"\xff\xfe")
def test_arbitrary_bytes_give_pages_or_an_input_error(data: bytes) -> None:
    """Any bytes decode and parse into pages, or raise one InputError naming the file."""
    message = ""
    try:
        text = decode(data, "fuzz.txt")
    except InputError as error:
        message = str(error)
    if message:
        assert message.startswith("fuzz.txt: ")
        assert "\n" not in message
        return
    for page_text in split_pages(text):
        check_nothing_lost(parse_text(page_text))


@given(article_lists(max_size=2), layouts())
def test_text_rules_are_idempotent_on_rendered_lines(articles: list[ArticleSpec], layout: Layout) -> None:
    """Every rule registry, run twice over a rendered page's lines, changes nothing the second time."""
    for line in render_page(articles, layout).text.splitlines():
        for rules in (BODY_RULES, HEADLINE_RULES, BYLINE_RULES):
            once = apply_rules(line, rules)
            assert apply_rules(once, rules) == once


def test_caption_spec_round_trips_alone() -> None:
    """A caption printed far from a one-article page still comes back whole, with its photographer."""
    article = ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="李从芳", role="记者")]),
        headline="堆龙德庆区第二届职业技能大赛举办",
        paragraphs=("日前，堆龙德庆区第二届职业技能大赛在桑木社区举办。",),
        captions=(CaptionSpec.reporter("图为在花艺师展区，各选手同台竞技。", "李丛芳"),),
    )
    page = render_page([article], Layout(caption_position="page_start"))
    (parsed,) = parse_text(page.text).articles
    assert parsed.captions == page.expected()[0].captions
    assert "near_identical_names" in parsed.flags
