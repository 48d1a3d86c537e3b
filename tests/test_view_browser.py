"""The view of a parse in a real browser: Debian's headless Chromium, driven by Playwright.

What a reader sees is checked from the DOM the browser built, not from our
own reading of the markup: each coloured stretch holds the raw slice its
offsets name, every article appears once, a flag shows on its article, the
hover and focus tips say field, article and offsets, and a hostile page runs
nothing and shows its text. The test also takes the screenshot the docs use
(written to docs/images/ with LHASA_UPDATE_DOCS=1, else to a temporary folder).

Chromium is Debian's (``apt-get install chromium chromium-driver``;
``python3 tasks.py test`` installs it as root when it is missing). Playwright
starts it by its path and never downloads a browser. In CI (``CI=true``) a
missing browser fails the test; elsewhere it skips, saying why.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from lhasa_corpus import iter_pages, load_file, parse_text
from lhasa_corpus.models import FLAG_DESCRIPTIONS
from lhasa_corpus.view import page_document, view_page, write_inspection
from tests.conftest import RAW, REPO, SEED_PAGE
from tests.test_view import HOSTILE

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
#: The flags the machine notes give for a closed network: no background traffic, no first-run work.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = REPO / "docs" / "images" / "inspect-page.png"
VIEWPORT: ViewportSize = {"width": 1360, "height": 900}

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, ViewportSize
    from playwright.sync_api import Page as Tab


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser test (python3 tasks.py test installs Chromium)")
    pytest.skip(f"{reason}: run `apt-get install -y chromium chromium-driver` as root to run this test")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 - a dev tool, not needed to import tests
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.is_file():
        _unavailable(f"Chromium is not installed ({CHROMIUM} is missing)")
    with sync_playwright() as playwright:
        # Playwright gives the browser a fresh, empty profile folder of its own.
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    page = browser.new_page(viewport=VIEWPORT)
    yield page
    page.close()


#: Reads the coloured stretches of the raw column as [start, end, text, field, article].
_STRETCHES = """() => [...document.querySelectorAll('.raw [data-start]')].map(e =>
    [Number(e.dataset.start), Number(e.dataset.end), e.textContent, e.dataset.field, e.dataset.article || null])"""


def test_the_real_page_in_chromium_shows_every_field_where_its_offsets_say(
    tab: Tab, tmp_path: Path, browser: Browser
) -> None:
    page = next(load_file(SEED_PAGE))
    write_inspection((view_page(page) for page in iter_pages([RAW])), tmp_path)
    tab.goto((tmp_path / "nodate-p00-e95f46c53f.html").as_uri())

    assert tab.eval_on_selector(".raw", "e => e.textContent") == page.raw_text
    stretches: list[list[Any]] = tab.evaluate(_STRETCHES)
    assert len(stretches) >= sum(len(article.spans) for article in page.articles)
    for start, end, text, field, _ in stretches:
        assert text == page.raw_text[start:end], field
    shown = {(article, field) for *_, field, article in stretches}
    for article in page.articles:
        assert {(article.article_id, span.field) for span in article.spans} <= shown

    cards = tab.eval_on_selector_all("article.card", "cards => cards.map(c => c.dataset.article)")
    assert cards == [article.article_id for article in page.articles]

    contest = page.articles[4]
    card = tab.locator(f'article.card[data-article="{contest.article_id}"]')
    assert card.locator("li.flag").all_inner_texts() == [
        f"{flag} — {FLAG_DESCRIPTIONS[flag]}" for flag in contest.flags
    ]
    label = tab.locator(f'.raw a.margin.first[data-article="{contest.article_id}"]')
    assert label.get_attribute("data-flags") == " ".join(contest.flags)
    assert label.evaluate("e => getComputedStyle(e, '::before').content") == '"05 ⚑2"'

    photographer = tab.locator('.raw [data-field="captions/0/photographer"]')
    assert photographer.evaluate("e => e.parentElement.dataset.field") == "captions/0/credit"
    photographer.hover()
    tip = f"captions/0/photographer · {contest.article_id} · "
    assert photographer.evaluate("e => getComputedStyle(e, '::after').content").startswith(f'"{tip}')
    dateline = tab.locator(f'.raw [data-field="dateline"][data-article="{contest.article_id}"]')
    dateline.focus()
    (span,) = contest.spans_of("dateline")
    expected = f'"dateline · {contest.article_id} · {span.start}–{span.end}"'
    assert dateline.evaluate("e => getComputedStyle(e, '::after').content") == expected

    # The screenshot: the contest article in both columns (focusing its dateline scrolled the page's).
    card.evaluate(
        """e => { const column = e.closest('.column');
                  column.scrollTop += e.getBoundingClientRect().top - column.getBoundingClientRect().top - 8; }"""
    )
    tab.mouse.move(0, 0)
    tab.evaluate("document.activeElement.blur()")
    shot = SCREENSHOT if os.environ.get("LHASA_UPDATE_DOCS") == "1" else tmp_path / SCREENSHOT.name
    shot.parent.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_the_index_shows_the_report_figures_and_the_first_page(tab: Tab, tmp_path: Path) -> None:
    write_inspection((view_page(page) for page in iter_pages([RAW])), tmp_path)
    tab.goto((tmp_path / "index.html").as_uri())
    figures = dict(
        tab.eval_on_selector_all(
            ".figures tr", "rows => rows.map(r => [r.cells[0].innerText, r.cells[1].innerText])"
        )
    )
    assert figures["pages"] == "1"
    assert figures["articles"] == "10"
    assert figures["leftovers"] == "0"
    assert tab.locator("svg.chart rect").count() == 4  # one bar per flag of the shipped page
    frame = tab.frame_locator("iframe[name=page]")
    assert frame.locator("article.card").count() == 10


def test_a_hostile_page_runs_no_script_and_shows_its_text(tab: Tab, tmp_path: Path) -> None:
    page = parse_text(HOSTILE)
    path = tmp_path / "hostile.html"
    path.write_text(page_document(page), encoding="utf-8")
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    assert dialogs == []
    assert tab.evaluate("document.scripts.length") == 0
    assert tab.evaluate("document.images.length") == 0
    assert tab.evaluate("document.styleSheets.length") == 1
    assert tab.eval_on_selector(".raw", "e => e.textContent") == page.raw_text  # CR, RTL mark and all
    shown = tab.inner_text(".raw")
    assert "<script>alert(1)</script>" in shown
    assert "</style><img src=x onerror=alert(2)>&amp;" in shown
    for start, end, text, field, _ in tab.evaluate(_STRETCHES):
        assert text == page.raw_text[start:end], field
