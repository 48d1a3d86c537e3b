"""Golden pages checked by hand: what a reader finds on each page, field by field.

The expectations in ``tests/golden/*.toml`` were written by reading each page as an editor
would, never by running the parser (each file says so in its first line, and how it was
made). ``000_9f77f0cdd81bd34f.toml`` is the real page of ``data/raw/``; ``pages/hand_*.txt``
are pages laid out by hand with what the real page lacks: articles without datelines,
bylines on their own line or in brackets at the end, crossheads, continued halves, page
furniture, many caption credits, other outlets, headlines before their bodies.

Each field of each article is its own test, so that a rule that breaks shows as the
field it breaks. Where the parser still differs from a reader, the test is a strict
xfail that says why (:data:`KNOWN_DIFFERENCES`): it fails the day the parser gets it
right, so the list only shrinks.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

import pytest

from lhasa_corpus import Page, parse_text
from lhasa_corpus.records import article_record, page_record
from tests.conftest import SEED_PAGE

GOLDEN = Path(__file__).parent / "golden"
#: Each golden page: its raw text and its expectations.
PAGES: dict[str, tuple[Path, Path]] = {
    SEED_PAGE.stem: (SEED_PAGE, GOLDEN / f"{SEED_PAGE.stem}.toml"),
    **{
        path.stem: (path, path.with_suffix(".toml")) for path in sorted((GOLDEN / "pages").glob("hand_*.txt"))
    },
}
#: The article fields a reader can check.
ARTICLE_FIELDS = (
    "kicker",
    "headline",
    "subheadlines",
    "dateline",
    "source",
    "byline",
    "contributors",
    "paragraphs",
    "captions",
    "continuations",
    "flags",
)
#: Flags that state a fact of the page, which a reader can check. The others say how sure the
#: parser was of a decision (``boundary_guessed``, ``headline_roles_guessed``, ...): a reader
#: cannot know them in advance, and the rule tests pin them.
FACT_FLAGS = frozenset(
    {
        "headline_missing",
        "dateline_missing",
        "near_identical_names",
        "caption_placed_by_similarity",
        "caption_placed_by_position",
    }
)
_LISTS = ("subheadlines", "contributors", "paragraphs", "captions", "continuations", "flags")

#: Where the parser differs from the reader, and why. Each is a strict xfail.
KNOWN_DIFFERENCES: dict[tuple[str, int | None, str], str] = {
    (SEED_PAGE.stem, 7, "kicker"): (
        "one headline printed on two lines with a blank line between (市生态环境局开展 / "
        "“质量月”环保宣传活动) reads as kicker + headline: nothing in the text but the grammar "
        "(开展 wants its object) tells the two apart"
    ),
    (SEED_PAGE.stem, 7, "headline"): "see the kicker: the headline's first line is read as a kicker",
    (SEED_PAGE.stem, 7, "paragraphs"): (
        "the slogan's phrase space (加强全面质量管理 促进质量强国建设) is removed like the "
        "justification spaces of the same page; no rule tells the two apart"
    ),
    ("hand_04_wire", 2, "paragraphs"): (
        "on a page without blank lines between paragraphs, a short line that ends a sentence "
        "(“今年雨水好…以上。”) and a blank line after a full stop read as paragraph ends; the reader "
        "joined them by meaning"
    ),
    ("hand_07_lianghui", 1, "kicker"): (
        "two heading lines of equal length, the first letter-spaced (中 外 记 者 点 赞 / 两会“开门办会”): "
        "the reader sees one headline wrapped, the parser a kicker over a headline; only the "
        "wording tells"
    ),
    ("hand_07_lianghui", 1, "headline"): "see the kicker",
    ("hand_07_lianghui", 1, "paragraphs"): (
        "in a 12-em column, a crosshead 11 ems long (“开放日”不避敏感话题) is set like a paragraph's "
        "first line cut off by a column break, which the parser takes it for; it stays in its "
        "article, run into the paragraph after it"
    ),
}


@functools.cache
def expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = tomllib.loads(PAGES[name][1].read_text(encoding="utf-8"))
    return loaded


@functools.cache
def parsed(name: str) -> Page:
    return parse_text(PAGES[name][0].read_text(encoding="utf-8"), source_file=name)


def _article_value(field: str, value: Any) -> Any:
    """A field's value in the records' form, from a golden article (missing keys are empty)."""
    if field == "contributors":
        return [
            {"name": item["name"], "role": item["role"], "organisation": item.get("organisation")}
            for item in value or []
        ]
    if field == "captions":
        return [
            {"text": item["text"], "credit": item.get("credit"), "photographer": item.get("photographer")}
            for item in value or []
        ]
    if field == "flags":
        return sorted(FACT_FLAGS & set(value or []))
    if field in _LISTS:
        return list(value or [])
    return value


def _cases() -> list[Any]:
    cases = []
    for name in PAGES:
        for position in range(1, len(expected(name)["article"]) + 1):
            for field in ARTICLE_FIELDS:
                reason = KNOWN_DIFFERENCES.get((name, position, field))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(
                    pytest.param(name, position, field, id=f"{name}-{position}-{field}", marks=marks)
                )
    return cases


def test_every_golden_file_was_written_by_hand_and_says_how() -> None:
    for name, (_, toml) in PAGES.items():
        first = toml.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# How this file was made: written by reading the page"), name


@pytest.mark.parametrize("name", PAGES)
def test_golden_expectations_hold_every_character_of_their_page(name: str) -> None:
    """The golden file itself keeps the promise: its primary fields and leftovers are the page's characters."""
    page = expected(name)
    pieces = [leftover["text"] for leftover in page["page"].get("leftovers", [])]
    for article in page["article"]:
        pieces += [article.get(key) or "" for key in ("kicker", "headline", "dateline", "byline")]
        pieces += article.get("subheadlines", []) + article.get("paragraphs", [])
        pieces += article.get("continuations", [])
        pieces += [c.get("text", "") + (c.get("credit") or "") for c in article.get("captions", [])]
    raw = PAGES[name][0].read_text(encoding="utf-8")
    assert sorted("".join("".join(pieces).split())) == sorted("".join(raw.split()))


@pytest.mark.parametrize("name", PAGES)
def test_page_has_the_articles_a_reader_counts(name: str) -> None:
    assert len(parsed(name).articles) == len(expected(name)["article"])


@pytest.mark.parametrize(("name", "position", "field"), _cases())
def test_article_field_is_what_a_reader_finds(name: str, position: int, field: str) -> None:
    articles = parsed(name).articles
    assert position <= len(articles), f"the parser found {len(articles)} articles"
    got = article_record(articles[position - 1])[field]
    want = _article_value(field, expected(name)["article"][position - 1].get(field))
    if field == "flags":
        got = sorted(FACT_FLAGS & set(got))
    assert got == want


@pytest.mark.parametrize("name", PAGES)
def test_page_furniture_is_what_a_reader_finds(name: str) -> None:
    record = page_record(parsed(name), with_articles=False)
    want = expected(name)["page"]
    leftovers = [
        {"text": " ".join(item["text"].split()), "kind": item["kind"]} for item in record["leftovers"]
    ]
    assert leftovers == [
        {"text": item["text"], "kind": item.get("kind")} for item in want.get("leftovers", [])
    ]
    assert record["sections"] == want.get("sections", [])
    assert [{"name": e["name"], "role": e["role"]} for e in record["editors"]] == want.get("editors", [])
    assert record["headline_placement"] == want["headline_placement"]
