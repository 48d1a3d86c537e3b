"""Quality reports: where the parser guessed, what it left over, which names look alike."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from lhasa_corpus.articles import near_identical
from lhasa_corpus.models import Page


@attrs.frozen(kw_only=True)
class PageReport:
    """What a reader of one page should check."""

    page_id: str
    source_file: str | None
    articles: int
    without_headline: tuple[int, ...]
    captions_guessed: tuple[int, ...]
    leftovers: tuple[str, ...]
    near_identical_names: tuple[tuple[str, str], ...]
    placement_undecided: bool
    flags: Counter[str]

    def as_record(self) -> dict[str, Any]:
        """The report as a record of JSON types."""
        record = attrs.asdict(self)
        record["flags"] = dict(sorted(self.flags.items()))
        record["near_identical_names"] = [list(pair) for pair in self.near_identical_names]
        return record

    def describe(self) -> str:
        """The report as a few lines of text for a terminal."""
        where = self.source_file or self.page_id
        lines = [f"{where} ({self.page_id}): {self.articles} articles"]
        if self.without_headline:
            lines.append(f"  without headline: articles {_positions(self.without_headline)}")
        if self.captions_guessed:
            lines.append(f"  captions placed by guess: articles {_positions(self.captions_guessed)}")
        if self.placement_undecided:
            lines.append("  headline placement undecided (assumed: before the body)")
        for first, second in self.near_identical_names:
            lines.append(f"  near-identical names: {first} / {second}")
        for leftover in self.leftovers:
            lines.append(f"  leftover: {leftover[:40]}{'…' if len(leftover) > 40 else ''}")
        return "\n".join(lines)


def page_report(page: Page) -> PageReport:
    """The quality report of one page."""
    flags: Counter[str] = Counter(page.flags)
    for article in page.articles:
        flags.update(article.flags)
    names = sorted(
        {person.name for article in page.articles for person in article.contributors}
        | {c.photographer for article in page.articles for c in article.captions if c.photographer}
    )
    guessed = {"caption_placed_by_similarity", "caption_placed_by_position"}
    return PageReport(
        page_id=page.page_id,
        source_file=page.source_file,
        articles=len(page.articles),
        without_headline=tuple(a.position for a in page.articles if a.headline is None),
        captions_guessed=tuple(a.position for a in page.articles if guessed & set(a.flags)),
        leftovers=tuple(leftover.text for leftover in page.leftovers),
        near_identical_names=tuple(
            (first, second) for first, second in itertools.combinations(names, 2) if near_identical(first, second)
        ),
        placement_undecided="headline_placement_undecided" in page.flags,
        flags=flags,
    )


def corpus_summary(reports: Iterable[PageReport]) -> dict[str, Any]:
    """Totals over many page reports."""
    reports = list(reports)
    flags: Counter[str] = Counter()
    for report in reports:
        flags.update(report.flags)
    return {
        "pages": len(reports),
        "articles": sum(report.articles for report in reports),
        "pages_with_leftovers": sum(1 for report in reports if report.leftovers),
        "flags": dict(sorted(flags.items())),
        "near_identical_names": sorted({pair for report in reports for pair in report.near_identical_names}),
    }


def _positions(positions: tuple[int, ...]) -> str:
    return ", ".join(str(position) for position in positions)
