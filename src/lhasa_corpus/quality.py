"""Quality reports: where the parser guessed, what it left over, which names look alike."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from lhasa_corpus.bylines import near_identical_pairs
from lhasa_corpus.chars import squeeze
from lhasa_corpus.models import Article, Page, Span


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
    #: Articles where a part was printed against the text and told apart by its shape or credit alone.
    headline_glued: tuple[int, ...] = ()
    caption_glued: tuple[int, ...] = ()

    def as_record(self) -> dict[str, Any]:
        """The report as a record of JSON types."""
        record = attrs.asdict(self)
        record["flags"] = dict(sorted(self.flags.items()))
        record["near_identical_names"] = [list(pair) for pair in self.near_identical_names]
        return record

    def describe(self) -> str:
        """The report as a few lines of text for a terminal."""
        where = self.source_file or self.page_id
        lines = [f"{where} ({self.page_id}): {counted(self.articles, 'article')}"]
        if self.without_headline:
            lines.append(f"  without headline: articles {_positions(self.without_headline)}")
        if self.captions_guessed:
            lines.append(f"  captions placed by guess: articles {_positions(self.captions_guessed)}")
        if self.headline_glued:
            lines.append(f"  headline printed against the text: articles {_positions(self.headline_glued)}")
        if self.caption_glued:
            lines.append(f"  caption printed against a paragraph: articles {_positions(self.caption_glued)}")
        if self.placement_undecided:
            lines.append("  headline placement undecided (assumed: before the body)")
        for first, second in self.near_identical_names:
            lines.append(f"  near-identical names: {first} / {second}")
        for leftover in self.leftovers:
            lines.append(f"  leftover: {leftover[:40]}{'…' if len(leftover) > 40 else ''}")
        return "\n".join(lines)


def page_report(page: Page) -> PageReport:
    """The quality report of one page."""
    names = {person.name for article in page.articles for person in article.contributors} | {
        c.photographer for article in page.articles for c in article.captions if c.photographer
    }
    guessed = {"caption_placed_by_similarity", "caption_placed_by_position"}
    return PageReport(
        page_id=page.page_id,
        source_file=page.source_file,
        articles=len(page.articles),
        without_headline=tuple(a.position for a in page.articles if a.headline is None),
        captions_guessed=tuple(a.position for a in page.articles if guessed & set(a.flags)),
        leftovers=tuple(leftover.text for leftover in page.leftovers),
        near_identical_names=tuple(near_identical_pairs(names)),
        placement_undecided="headline_placement_undecided" in page.flags,
        flags=Counter(page.all_flags),
        headline_glued=tuple(a.position for a in page.articles if "headline_glued" in a.flags),
        caption_glued=tuple(a.position for a in page.articles if "caption_glued" in a.flags),
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


def counted(number: int, noun: str) -> str:
    """A count with its noun, in the plural unless the count is one, for report lines.

    Summaries read ``1 page`` and ``2 pages``, never ``1 pages``. The noun is
    made plural by an ``s`` on its last word, which holds for every noun the
    reports use (``page``, ``article``, ``near-identical name pair``).

    >>> counted(1, "page"), counted(0, "page"), counted(1_200, "article")
    ('1 page', '0 pages', '1,200 articles')
    >>> counted(2, "near-identical name pair")
    '2 near-identical name pairs'
    """
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _positions(positions: tuple[int, ...]) -> str:
    return ", ".join(str(position) for position in positions)


#: Fields that hold characters of the page; together with the leftovers they
#: hold each non-white-space character once. The other fields (source,
#: contributors, photographer) repeat characters of the dateline, byline or credit.
PRIMARY_FIELD = re.compile(
    r"(?:kicker|headline|subheadlines/\d+|dateline|byline|paragraphs/\d+"
    r"|captions/\d+/(?:text|credit)|continuations/\d+)"
)


def field_value(article: Article, field: str) -> str | None:
    """The value of a field named as in :class:`~lhasa_corpus.models.Span` (``captions/0/credit``).

    >>> from lhasa_corpus import parse_text
    >>> article = parse_text("拉萨融媒讯（记者杨璐）正文。").articles[0]
    >>> field_value(article, "contributors/0/name"), field_value(article, "paragraphs/0")
    ('杨璐', '正文。')
    """
    value: Any = article
    for part in field.split("/"):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return None if value is None else str(value)


def provenance_problems(page: Page) -> list[str]:
    """Every way the page breaks the provenance promises; an empty list when it keeps them.

    1. Each field's spans slice back to it: the non-white-space characters of
       ``raw_text[start:end]`` over the field's spans, in order, are those of
       the field's value.
    2. Nothing lost, nothing invented: the spans of the primary fields and the
       leftovers do not overlap, and their non-white-space characters, in
       order, are those of the raw text.
    """
    problems = []
    raw = page.raw_text
    owned: list[tuple[int, int, str]] = []
    for article in page.articles:
        by_field: dict[str, list[Span]] = {}
        for span in article.spans:
            by_field.setdefault(span.field, []).append(span)
        for field, spans in by_field.items():
            sliced = squeeze("".join(raw[span.start : span.end] for span in spans))
            value = squeeze(field_value(article, field) or "")
            if sliced != value:
                problems.append(
                    f"{article.article_id} {field}: spans hold {sliced[:30]!r}, field {value[:30]!r}"
                )
            if PRIMARY_FIELD.fullmatch(field):
                owned.extend((span.start, span.end, f"{article.article_id} {field}") for span in spans)
    owned.extend((leftover.start, leftover.end, "leftover") for leftover in page.leftovers)
    for leftover in page.leftovers:
        if raw[leftover.start : leftover.end] != leftover.text:
            problems.append(f"leftover at {leftover.start} is not verbatim")
    owned.sort()
    for (_, end, first), (start, _, second) in itertools.pairwise(owned):
        if start < end:
            problems.append(f"{first} and {second} overlap at {start}")
    covered = squeeze("".join(raw[start:end] for start, end, _ in owned))
    if covered != squeeze(raw):
        problems.append(
            f"page {page.page_id}: {len(squeeze(raw)) - len(covered)} characters lost or invented"
        )
    return problems
