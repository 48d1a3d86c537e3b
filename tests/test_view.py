"""The HTML view of a parse (lhasa_corpus.view) and `lhasa-corpus inspect`, read without a browser.

The markup is read back with the standard library's HTML parser, which
decodes character references as a browser does: what a coloured element
holds is its text as a reader sees it. The same promises are checked in a
real browser by test_view_browser.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lhasa_corpus import iter_pages, load_file, parse_text
from lhasa_corpus.cli import EXIT_PARTIAL, main
from lhasa_corpus.models import Article, Leftover, Page, Span
from lhasa_corpus.testing import render_page
from lhasa_corpus.view import (
    article_html,
    escape,
    page_document,
    page_html,
    page_segments,
    view_page,
    write_inspection,
)
from tests.conftest import RAW, REPO, SEED_PAGE
from tests.strategies import article_lists, footers, headers, layouts

#: The view of the shipped page that the docs show (docs/inspect.md); see
#: test_the_docs_hold_the_view_of_the_shipped_page_the_code_writes_now.
DOCS_VIEW = REPO / "docs" / "view"
HOSTILE = (
    "<script>alert(1)</script>\r\n"
    "拉萨融媒讯（记者杨璐）为进一步\u202e畅通渠道。\"'</style><img src=x onerror=alert(2)>&amp;\r\n\r\n"
    "对接会<b>举行</b>\n"
)


@attrs.define
class Element:
    """An element of a parsed document: its tag, attributes and the text inside it."""

    tag: str
    attributes: dict[str, str]
    text: list[str] = attrs.Factory(list)

    @property
    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()


class _Reader(HTMLParser):
    """Every element with its text; void elements hold nothing."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        closed = self.open.pop()
        assert closed.tag == tag, f"</{tag}> closes <{closed.tag}>: elements do not nest"

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text.append(data)


def read(markup: str) -> list[Element]:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert reader.open == [], "elements left open"
    return reader.elements


def text_of(element: Element) -> str:
    return "".join(element.text)


def coloured(elements: list[Element]) -> list[Element]:
    """The coloured stretches of the raw page: elements that carry offsets."""
    return [element for element in elements if "data-start" in element.attributes]


def check_view(page: Page, markup: str) -> list[Element]:
    """The promises of the view that hold for every page; returns the elements."""
    elements = read(markup)
    (raw,) = [element for element in elements if "raw" in element.classes]
    assert text_of(raw) == page.raw_text, "the raw column shows every character of the page once, in order"
    for element in coloured(elements):
        start, end = int(element.attributes["data-start"]), int(element.attributes["data-end"])
        assert text_of(element) == page.raw_text[start:end], element.attributes["data-field"]
    assert not any(element.tag == "script" for element in elements)
    assert not any(name.startswith("on") for element in elements for name in element.attributes)
    cards = [element.attributes["data-article"] for element in elements if element.tag == "article"]
    assert cards == [article.article_id for article in page.articles]
    return elements


# -- pages to view --------------------------------------------------------------------------------


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    """A rendered page with furniture, and now and then markup or arbitrary text spliced in."""
    text = render_page(
        draw(article_lists(max_size=3)), draw(layouts()), header=draw(headers()), footer=draw(footers())
    ).text
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        noise = draw(st.text(max_size=8) | st.sampled_from(("<script>", "</style>", '"&', "\u202e", "\r\n")))
        text = text[:at] + noise + text[at:]
    return text


@settings(max_examples=30)  # each example renders, parses and reads a page: keep the suite fast
@given(page_texts())
@example(HOSTILE)
@example("")
def test_the_view_shows_every_character_once_and_each_stretch_where_its_offsets_say(text: str) -> None:
    """Segments tile the raw text, each inside the marks it carries; the markup nests, the raw
    column's text is the raw text, and each coloured element holds the slice its offsets name."""
    page = parse_text(text)
    position = 0
    for segment in page_segments(page):
        assert segment.start == position < segment.end
        for mark in (segment.primary, segment.derived):
            assert mark is None or mark.start <= segment.start < segment.end <= mark.end
        assert not segment.overlap
        position = segment.end
    assert position == len(page.raw_text)
    check_view(page, page_document(page))


def test_the_shipped_page_shows_its_ten_articles_and_its_derived_fields_inside_primary_ones() -> None:
    page = next(load_file(SEED_PAGE))
    elements = check_view(page, page_document(page))
    stretches = coloured(elements)
    fields = {(element.attributes["data-article"], element.attributes["data-field"]) for element in stretches}
    contest = page.articles[4]
    assert {(contest.article_id, span.field) for span in contest.spans} <= fields
    photographer = next(e for e in stretches if e.attributes["data-field"] == "captions/0/photographer")
    credit = next(e for e in stretches if e.attributes["data-field"] == "captions/0/credit")
    assert "d" in photographer.classes
    assert "p" in credit.classes
    assert text_of(photographer) in text_of(credit)  # nested: the credit holds the photographer
    assert len([e for e in elements if e.tag == "article"]) == 10
    assert "overlap" not in {c for e in stretches for c in e.classes}
    assert "f-uncovered" not in {c for e in stretches for c in e.classes}


def test_a_flag_shows_on_its_article_card_and_in_its_margin_label() -> None:
    page = next(load_file(SEED_PAGE))
    elements = read(page_document(page))
    contest = page.articles[4]
    flags = [e.attributes["data-flag"] for e in elements if e.tag == "li" and "flag" in e.classes]
    assert {"caption_placed_by_similarity", "near_identical_names"} <= set(flags)
    (card,) = [
        e for e in elements if e.tag == "article" and e.attributes["data-article"] == contest.article_id
    ]
    assert "caption_placed_by_similarity" in text_of(card)
    assert "near_identical_names" in text_of(card)
    labels = [e for e in elements if "margin" in e.classes and "first" in e.classes]
    label = next(e for e in labels if e.attributes["data-article"] == contest.article_id)
    assert label.attributes["data-flags"] == "caption_placed_by_similarity near_identical_names"
    assert label.attributes["href"] == f"#{card.attributes['id']}"
    assert [e.attributes["data-article"] for e in labels] == [a.article_id for a in page.articles]


def test_hostile_page_text_is_shown_as_text_and_runs_nothing() -> None:
    page = parse_text(HOSTILE)
    document = page_document(page)
    assert "<script" not in document
    assert "<img" not in document
    assert "</style><img" not in document
    assert document.count("</style>") == 1  # the view's own style sheet, and nothing of the page
    assert "default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;" in document
    check_view(page, document)


def test_a_carriage_return_is_written_as_a_reference_so_the_browser_keeps_it() -> None:
    assert escape("a\r\nb") == "a&#13;\nb"
    page = parse_text("拉萨融媒讯（记者杨璐）为进一步\r\n畅通渠道。\r\n")
    assert "&#13;" in page_document(page)


def broken_page() -> Page:
    """A page whose parse breaks its promises: two fields over the same characters, text no field holds."""
    raw = "标题正文正文\n无主文字\n新字段"
    article = Article(
        article_id="nodate-p00-0000000000-01",
        page_id="nodate-p00-0000000000",
        paper=None,
        issue_date=None,
        page=None,
        position=1,
        headline="标题正文",
        paragraphs=("正文正文",),
        char_start=0,
        char_end=6,
        spans=(
            Span(field="headline", start=0, end=4),
            Span(field="paragraphs/0", start=2, end=6),
            Span(field="paragraphs/0", start=12, end=15),
        ),
    )
    return Page(
        page_id="nodate-p00-0000000000", paper=None, issue_date=None, raw_text=raw, articles=(article,)
    )


@attrs.frozen(kw_only=True)
class FutureArticle(Article):
    """An article with a field the parser may learn one day, which the view has never seen."""

    sidebars: tuple[str, ...] = ()


def test_overlapping_fields_and_uncovered_text_are_shown_as_problems() -> None:
    page = broken_page()
    elements = check_view(page, page_document(page))
    stretches = coloured(elements)
    assert any("overlap" in e.classes for e in stretches)
    (uncovered,) = [e for e in stretches if "f-uncovered" in e.classes]
    assert text_of(uncovered) == "无主文字"
    (resumed,) = [e for e in elements if "margin" in e.classes and "first" not in e.classes]
    assert resumed.attributes["data-article"] == page.articles[0].article_id
    problems = [e for e in elements if e.tag == "ul" and "problems" in e.classes]
    assert problems, "the provenance problems are listed"


def test_a_field_the_view_does_not_know_is_coloured_from_its_name_and_shown_on_the_card() -> None:
    page = parse_text("拉萨融媒讯（记者杨璐）正文。\n侧栏文字")
    (article,) = page.articles
    future = FutureArticle(
        **{**attrs.asdict(article, recurse=False), "char_end": 14},
        sidebars=("侧栏文字",),
    )
    future = attrs.evolve(
        future,
        spans=(
            *(span for span in article.spans if span.end <= 14),
            Span(field="sidebars/0", start=15, end=19),
        ),
    )
    page = attrs.evolve(page, articles=(future,))
    document = page_document(page)
    elements = check_view(page, document)
    (sidebar,) = [e for e in coloured(elements) if e.attributes["data-field"] == "sidebars/0"]
    assert "f-sidebars" in sidebar.classes
    assert re.search(r"\.lhv \.f-sidebars\{--bg:hsl\(", document)
    assert "sidebars" in [text_of(e) for e in elements if "swatch" in e.classes]
    assert "sidebars" in [text_of(e) for e in elements if e.tag == "dt"]
    assert "p" in sidebar.classes  # not inside a primary field, so drawn as one


def test_leftovers_are_coloured_by_their_kind() -> None:
    raw = "拉萨日报\n正文\n"
    page = Page(
        page_id="nodate-p00-0000000000",
        paper=None,
        issue_date=dt.date(2025, 9, 16),
        raw_text=raw,
        leftovers=(
            Leftover(text="拉萨日报", start=0, end=4, kind="paper"),
            Leftover(text="正文", start=5, end=7),
        ),
    )
    stretches = coloured(check_view(page, page_document(page)))
    assert [(e.attributes["data-field"], e.classes[2:]) for e in stretches] == [
        ("furniture/paper", ["f-furniture", "f-paper"]),
        ("leftover", ["f-leftover"]),
    ]


def test_hovering_or_focusing_a_stretch_tells_its_field_article_and_offsets() -> None:
    page = parse_text("拉萨融媒讯（记者杨璐）正文。")
    (dateline,) = [e for e in coloured(read(page_html(page))) if e.attributes["data-field"] == "dateline"]
    assert dateline.attributes["data-tip"] == f"dateline · {page.articles[0].article_id} · 0–11"
    assert dateline.attributes["tabindex"] == "0"


def test_a_notebook_shows_a_page_and_an_article_as_html() -> None:
    page = next(load_file(SEED_PAGE))
    assert page._repr_html_() == page_html(page)
    assert page._repr_html_().startswith('<div class="lhv embedded"')
    contest = page.articles[4]
    card = read(contest._repr_html_())
    assert contest._repr_html_() == article_html(contest)
    assert "李丛芳" in "".join(text_of(e) for e in card if e.tag == "article")
    assert "<html" not in page._repr_html_()  # a fragment: the notebook is the document


def test_the_view_is_the_same_every_time() -> None:
    page = next(load_file(SEED_PAGE))
    assert page_document(page) == page_document(next(load_file(SEED_PAGE)))


# -- lhasa-corpus inspect ---------------------------------------------------------------------------


def test_inspect_writes_a_file_per_page_and_an_index_with_the_report_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "inspect"
    assert main(["inspect", str(RAW), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 1 page and index.html to {out}\n"
    assert sorted(path.name for path in out.iterdir()) == ["index.html", "nodate-p00-e95f46c53f.html"]
    index = read((out / "index.html").read_text(encoding="utf-8"))
    cells = [text_of(e) for e in index if e.tag in {"th", "td"}]
    for name, value in [("pages", "1"), ("articles", "10"), ("leftovers", "0"), ("provenance problems", "0")]:
        assert cells[cells.index(name) + 1] == value
    chart = [text_of(e) for e in index if e.tag == "text"]
    assert chart[:3] == ["⚑ caption_placed_by_similarity", "1", "⚑ headline_missing"]
    links = [e.attributes["href"] for e in index if e.tag == "a"]
    assert links == ["nodate-p00-e95f46c53f.html"]
    (frame,) = [e for e in index if e.tag == "iframe"]
    assert frame.attributes["src"] == "nodate-p00-e95f46c53f.html"


def test_inspect_names_a_repeated_page_apart_and_reports_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "inspect"
    missing = tmp_path / "missing.txt"
    command = ["inspect", str(SEED_PAGE), str(missing), str(SEED_PAGE), "--out", str(out), "--jobs", "2"]
    assert main(command) == EXIT_PARTIAL  # done, but a file was skipped
    printed = capsys.readouterr()
    assert "missing.txt" in printed.err
    assert sorted(path.name for path in out.iterdir()) == [
        "index.html",
        "nodate-p00-e95f46c53f-2.html",
        "nodate-p00-e95f46c53f.html",
    ]


def test_inspect_with_jobs_writes_what_the_serial_run_writes(tmp_path: Path) -> None:
    assert main(["inspect", str(RAW), "--out", str(tmp_path / "one")]) == 0
    assert main(["inspect", str(RAW), "--out", str(tmp_path / "two"), "--jobs", "2"]) == 0
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


def test_the_docs_hold_the_view_of_the_shipped_page_the_code_writes_now(tmp_path: Path) -> None:
    """docs/view/ is what `lhasa-corpus inspect data/raw --out docs/view` writes; it is checked in
    for the docs site. Set LHASA_UPDATE_DOCS=1 to rewrite it after a change to the parser or the view."""
    target = DOCS_VIEW if os.environ.get("LHASA_UPDATE_DOCS") == "1" else tmp_path
    write_inspection((view_page(page) for page in iter_pages([RAW])), target)
    written = {path.name: path.read_text(encoding="utf-8") for path in target.iterdir()}
    shipped = {path.name: path.read_text(encoding="utf-8") for path in DOCS_VIEW.iterdir()}
    assert written == shipped, (
        "docs/view/ is out of date: run `LHASA_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/test_view.py -k docs`"
    )
