"""The real page: its hand-checked golden output and the provenance promises."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from lhasa_corpus import Page, load_file
from lhasa_corpus.chars import is_wide
from lhasa_corpus.quality import provenance_problems
from lhasa_corpus.records import article_record
from tests.conftest import SEED_PAGE

GOLDEN = Path(__file__).parent / "golden" / "000_9f77f0cdd81bd34f.json"
GOLDEN_KEYS = (
    "position",
    "kicker",
    "headline",
    "subheadlines",
    "source",
    "dateline",
    "contributors",
    "paragraphs",
    "captions",
    "flags",
)


@pytest.fixture(scope="module")
def page() -> Page:
    return next(load_file(SEED_PAGE, name=SEED_PAGE.name))


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return loaded


def test_page_has_ten_articles(page: Page) -> None:
    assert len(page.articles) == 10


@pytest.mark.parametrize("position", range(1, 11))
def test_article_matches_golden(page: Page, golden: dict[str, Any], position: int) -> None:
    record = article_record(page.articles[position - 1])
    assert {key: record[key] for key in GOLDEN_KEYS} == golden["articles"][position - 1]


def test_page_metadata_matches_golden(page: Page, golden: dict[str, Any]) -> None:
    assert page.headline_placement == golden["page"]["headline_placement"]
    assert list(page.flags) == golden["page"]["flags"]
    assert [leftover.text for leftover in page.leftovers] == golden["page"]["leftovers"]


def test_nothing_lost_and_every_span_slices_back(page: Page) -> None:
    assert provenance_problems(page) == []


def test_no_space_between_two_wide_characters_in_any_paragraph(page: Page) -> None:
    for article in page.articles:
        for paragraph in article.paragraphs:
            for match in re.finditer(r"\s+", paragraph):
                before, after = paragraph[match.start() - 1], paragraph[match.end()]
                assert not (is_wide(before) and is_wide(after)), paragraph


def test_caption_goes_to_the_skills_contest_with_its_photographer(page: Page) -> None:
    with_captions = [article for article in page.articles if article.captions]
    assert [article.headline for article in with_captions] == ["堆龙德庆区第二届职业技能大赛举办"]
    caption = with_captions[0].captions[0]
    assert caption.photographer == "李丛芳"
    assert "caption_placed_by_similarity" in with_captions[0].flags
    assert "near_identical_names" in with_captions[0].flags


def test_column_break_line_is_not_taken_for_a_headline(page: Page) -> None:
    headlines = [article.headline for article in page.articles]
    assert "拉萨纳木措景区保护开发有限" not in headlines
    assert any(
        p.startswith("拉萨纳木措景区保护开发有限公司董事长") for a in page.articles for p in a.paragraphs
    )


def test_first_article_has_no_headline_and_says_so(page: Page) -> None:
    first = page.articles[0]
    assert first.headline is None
    assert "headline_missing" in first.flags


def test_article_span_runs_from_dateline_to_last_headline_block(page: Page) -> None:
    # On this page headlines follow their bodies, so an article's span opens
    # with its dateline and closes with its headline or subheadline.
    for article in page.articles:
        squeezed = "".join(page.raw_text[article.char_start : article.char_end].split())
        assert article.dateline is not None
        assert squeezed.startswith("".join(article.dateline.split()))
        last = (article.subheadlines or (article.headline,))[-1]
        if last is not None:
            assert squeezed.endswith("".join(last.split()))


def test_issue_date_is_inferred_from_printed_dates_and_flagged(page: Page) -> None:
    assert page.issue_date is not None
    assert page.issue_date.isoformat() == "2025-09-16"
    assert "issue_date_inferred" in page.flags
    assert page.page_id.startswith("nodate-p00-")
