"""Score the parser on real articles laid out by the renderer: per-field accuracy per layout family.

    .venv/bin/python benchmarks/evaluate.py                # 50 pages per family, 200 pages
    .venv/bin/python benchmarks/evaluate.py --pages 100 --json
    .venv/bin/python benchmarks/evaluate.py --synthetic    # also synthetic articles, every phenomenon on
    .venv/bin/python benchmarks/evaluate.py --show 5       # the first five failing articles, expected vs got

The real-text set (``benchmarks/realtext/articles.jsonl``, see its SOURCES.md)
becomes specs by ``lhasa_corpus.testing.from_record``; ``real_page`` lays 3 to 8
of them out per page with a layout drawn from a seed in each layout family
(``plain``, ``noisy``, ``glued``, ``mixed``). Each page is parsed with
``lhasa_corpus.parse_text`` and compared with what the renderer says a parse
must give back. Pages are seeded: the same options give the same numbers.

Parsed articles are matched to expected ones by their bodies: a pair matches
when each holds more than half of the other's character pairs (bigrams of the
non-white-space text), best pairs first, one to one. Every rate counts the
expected articles (or captions, furniture, pages) that have the field; an
article the parse did not find counts as wrong. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lhasa_corpus import parse_text
from lhasa_corpus.models import Article, Page
from lhasa_corpus.testing import (
    LAYOUT_FAMILIES,
    ArticleFields,
    ArticleSpec,
    RenderedPage,
    from_record,
    load_records,
    real_page,
)

REPO = Path(__file__).resolve().parent.parent
RECORDS = REPO / "benchmarks" / "realtext" / "articles.jsonl"
#: Share of character pairs each side of a match must hold more than of the other's.
MATCH_SHARE = 0.5
#: The metrics in the order the table prints them, with what each counts.
METRICS: dict[str, str] = {
    "articles found (recall)": "expected articles matched by a parsed one",
    "articles found (precision)": "parsed articles matched to an expected one",
    "articles whole": "titles, dateline, byline, contributors and body exact (the issue's 'whole')",
    "titles": "kicker, headline and subheadlines exact (articles with any)",
    "datelines": "dateline and source exact (articles with a dateline)",
    "byline text": "byline exact (articles with a byline)",
    "bylines (people)": "contributors with name, role and organisation exact (articles with any)",
    "bodies": "paragraphs run together exact",
    "paragraphs exact": "every paragraph exact",
    "paragraph boundary F1": "paragraph ends, on articles whose body is exact",
    "captions": "text, credit and photographer exact, on the right article",
    "continuations": "continuation marks exact (articles with any)",
    "furniture kept out": "pieces of furniture no article field touches",
    "furniture kinds": "pieces of furniture left over whole with their kind",
    "sections and editors": "page sections and editors exact (pages with furniture)",
    "no stray leftovers": "pages whose leftovers hold nothing but furniture",
    "headline placement": "pages whose placement is found",
}


def main() -> None:
    options = _options()
    started = time.perf_counter()
    pools = {"real": _real_pool(Path(options.records), verbose=not options.json)} if options.real else {}
    if options.synthetic:
        pools["synthetic"] = _synthetic_pool(options.synthetic_articles, every=options.phenomena == "every")
    tallies: dict[str, Tally] = {}
    failures: list[str] = []
    for pool_name, pool in pools.items():
        for number, family in enumerate(LAYOUT_FAMILIES):
            group = family if pool_name == "real" else f"synthetic {family}"
            tally = tallies.setdefault(group, Tally())
            for index in range(options.pages):
                seed = options.seed * 1_000_003 + number * 10_007 + index
                page = real_page(pool, seed, family)
                parsed = parse_text(page.text)
                for failure in tally.score(page, parsed):
                    if len(failures) < options.show:
                        failures.append(f"{group} page seed {seed}, {failure}")
    overall = Tally()
    for tally in tallies.values():
        overall.add(tally)
    tallies["overall"] = overall
    seconds = time.perf_counter() - started
    if options.json:
        print(
            json.dumps(
                {group: tally.rates() for group, tally in tallies.items()}, ensure_ascii=False, indent=1
            )
        )
    else:
        print(_table(tallies))
        print(
            f"\n{overall.pages} pages, {overall.counts['articles found (recall)'][1]} articles, "
            f"{seconds:.0f} s"
        )
    for failure in failures:
        print("\n" + failure)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50, help="pages per layout family (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="the seed the pages are drawn from")
    parser.add_argument("--records", default=str(RECORDS), help="the real-text records (JSON Lines)")
    parser.add_argument(
        "--synthetic", action="store_true", help="also score synthetic articles (tests/strategies.py)"
    )
    parser.add_argument(
        "--phenomena",
        choices=("every", "first"),
        default="every",
        help="the synthetic articles' phenomena: every one, or the first renderer's (what the parser reads)",
    )
    parser.add_argument(
        "--real", action=argparse.BooleanOptionalAction, default=True, help="score the real text"
    )
    parser.add_argument("--synthetic-articles", type=int, default=120, help=argparse.SUPPRESS)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print the first N failing articles")
    parser.add_argument("--json", action="store_true", help="print the rates as JSON")
    return parser.parse_args()


def _real_pool(path: Path, *, verbose: bool) -> list[ArticleSpec]:
    reals = [from_record(record) for record in load_records(path)]
    pool = [real.spec for real in reals if real.spec is not None]
    if verbose:
        skipped = [f"{real.id} ({real.skipped})" for real in reals if real.skipped]
        trimmed = sum(
            1 for real in reals if real.spec is not None and any("left out" in n for n in real.notes)
        )
        print(
            f"{len(pool)} of {len(reals)} real articles laid out, {trimmed} with a part left out; "
            f"skipped: {skipped}"
        )
    return pool


def _synthetic_pool(count: int, *, every: bool) -> list[ArticleSpec]:
    """Articles drawn by the test strategies (hypothesis, derandomised): every phenomenon or the first's."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415 - only with --synthetic

    sys.path.insert(0, str(REPO))
    from tests.strategies import FIRST_RENDERER, Phenomena, article_lists  # noqa: PLC0415 - needs the repo root

    pool: list[ArticleSpec] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(article_lists(max_size=3, phenomena=Phenomena.every() if every else FIRST_RENDERER))
    def draw(articles: list[ArticleSpec]) -> None:
        pool.extend(articles)

    draw()
    return pool


# -- scoring ----------------------------------------------------------------------------------------


def _pairs(text: str) -> Counter[str]:
    solid = "".join(text.split())
    return Counter(solid[index : index + 2] for index in range(max(len(solid) - 1, 1)))


def match(expected: Sequence[ArticleFields], got: Sequence[ArticleFields]) -> dict[int, int]:
    """Expected article index -> parsed article index, by shared character pairs of their bodies."""
    want = [_pairs(fields.body) for fields in expected]
    have = [_pairs(fields.body) for fields in got]
    candidates = []
    for left, pairs in enumerate(want):
        for right, other in enumerate(have):
            shared = sum((pairs & other).values())
            low = min(shared / max(sum(pairs.values()), 1), shared / max(sum(other.values()), 1))
            if low > MATCH_SHARE:
                candidates.append((low, shared, left, right))
    matched: dict[int, int] = {}
    for _, _, left, right in sorted(candidates, reverse=True):
        if left not in matched and right not in matched.values():
            matched[left] = right
    return matched


def _boundaries(paragraphs: Sequence[str]) -> set[int]:
    ends, position = set(), 0
    for paragraph in paragraphs[:-1]:
        position += len(paragraph)
        ends.add(position)
    return ends


_DERIVED = ("source", "contributors/")


def _primary_spans(article: Article) -> Iterator[tuple[int, int]]:
    for span in article.spans:
        if not span.field.startswith(_DERIVED) and not span.field.endswith("/photographer"):
            yield span.start, span.end


def _touches(text: str, spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span shares a non-white-space character with ``text[start:end]``."""
    for left, right in spans:
        low, high = max(left, start), min(right, end)
        if low < high and text[low:high].strip():
            return True
    return False


class Tally:
    """Right and counted cases per metric, and the pages and groups they came from."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {name: [0, 0] for name in METRICS}
        self.boundaries = [0, 0, 0]  # true positives, expected, found
        self.pages = 0

    def count(self, metric: str, right: bool) -> None:
        self.counts[metric][0] += int(right)
        self.counts[metric][1] += 1

    def add(self, other: Tally) -> None:
        for name, (right, total) in other.counts.items():
            self.counts[name][0] += right
            self.counts[name][1] += total
        self.boundaries = [
            mine + theirs for mine, theirs in zip(self.boundaries, other.boundaries, strict=True)
        ]
        self.pages += other.pages

    def score(self, page: RenderedPage, parsed: Page) -> list[str]:
        """Count one page; return a description of each expected article that is not whole."""
        self.pages += 1
        expected = page.expected()
        got = [ArticleFields.of(article) for article in parsed.articles]
        matched = match(expected, got)
        failures = []
        for index, want in enumerate(expected):
            have = got[matched[index]] if index in matched else None
            self.count("articles found (recall)", have is not None)
            failures += self._article(index, want, have)
        for right in range(len(got)):
            self.count("articles found (precision)", right in matched.values())
        self._furniture(page, parsed)
        return failures

    def _article(self, index: int, want: ArticleFields, have: ArticleFields | None) -> list[str]:
        def same(*fields: str) -> bool:
            return have is not None and all(getattr(have, field) == getattr(want, field) for field in fields)

        if want.kicker or want.headline or want.subheadlines:
            self.count("titles", same("kicker", "headline", "subheadlines"))
        if want.dateline is not None:
            self.count("datelines", same("dateline", "source"))
        if want.byline is not None:
            self.count("byline text", same("byline"))
        if want.contributors:
            self.count("bylines (people)", same("contributors"))
        if want.continuations:
            self.count("continuations", same("continuations"))
        self.count("bodies", have is not None and have.body == want.body)
        self.count("paragraphs exact", same("paragraphs"))
        if have is not None and have.body == want.body:
            expected, found = _boundaries(want.paragraphs), _boundaries(have.paragraphs)
            self.boundaries[0] += len(expected & found)
            self.boundaries[1] += len(expected)
            self.boundaries[2] += len(found)
        for caption in want.captions:
            self.count("captions", have is not None and caption in have.captions)
        whole = same("kicker", "headline", "subheadlines", "dateline", "byline", "contributors", "body")
        self.count("articles whole", whole)
        if whole:
            return []
        return [f"article {index + 1}:\n{_difference(want, have)}"]

    def _furniture(self, page: RenderedPage, parsed: Page) -> None:
        text = page.text
        owned = [span for article in parsed.articles for span in _primary_spans(article)]
        pieces = [span for span in page.spans if span.article is None]
        for span in pieces:
            self.count("furniture kept out", not _touches(text, owned, span.start, span.end))
            kind = page.furniture[int(span.field.split("/")[1])].kind
            whole = any(
                leftover.kind == kind and leftover.start <= span.start and span.end <= leftover.end
                for leftover in parsed.leftovers
            )
            self.count("furniture kinds", whole)
        if pieces:
            want = page.expected_page()
            self.count(
                "sections and editors", (parsed.sections, parsed.editors) == (want.sections, want.editors)
            )
        furniture = [(piece.start, piece.end) for piece in pieces]
        stray = [
            at
            for leftover in parsed.leftovers
            for at in range(leftover.start, leftover.end)
            if not text[at].isspace() and not any(start <= at < end for start, end in furniture)
        ]
        self.count("no stray leftovers", not stray)
        self.count("headline placement", parsed.headline_placement == page.expected_page().headline_placement)

    def rates(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for name, (right, total) in self.counts.items():
            out[name] = {"right": right, "of": total, "rate": round(right / total, 4) if total else None}
        true, expected, found = self.boundaries
        f1 = 2 * true / (expected + found) if expected + found else None
        out["paragraph boundary F1"] = {
            "right": true,
            "of": expected,
            "found": found,
            "rate": f1 and round(f1, 4),
        }
        return out


def _difference(want: ArticleFields, have: ArticleFields | None) -> str:
    if have is None:
        return f"  not found; expected headline {want.headline!r}, body {want.body[:60]!r}..."
    lines = []
    for field in (
        "kicker",
        "headline",
        "subheadlines",
        "dateline",
        "source",
        "byline",
        "contributors",
        "captions",
    ):
        if getattr(want, field) != getattr(have, field):
            lines.append(
                f"  {field}:\n    expected {getattr(want, field)!r}\n    got      {getattr(have, field)!r}"
            )
    if want.paragraphs != have.paragraphs:
        lines.append(f"  paragraphs: expected {len(want.paragraphs)}, got {len(have.paragraphs)}")
        for number, (left, right) in enumerate(zip(want.paragraphs, have.paragraphs, strict=False)):
            if left != right:
                lines.append(
                    f"    first difference in paragraph {number}:\n"
                    f"      expected {left!r}\n      got      {right!r}"
                )
                break
        else:
            extra = want.paragraphs[len(have.paragraphs) :] or have.paragraphs[len(want.paragraphs) :]
            lines.append(f"    then: {extra[0]!r}")
    return "\n".join(lines)


def _table(tallies: dict[str, Tally]) -> str:
    groups = list(tallies)
    width = max(len(name) for name in METRICS) + 2
    header = f"{'':<{width}}" + "".join(f"{group:>18}" for group in groups)
    rows = [header]
    rates = {group: tally.rates() for group, tally in tallies.items()}
    for name in METRICS:
        cells = []
        for group in groups:
            cell = rates[group][name]
            if cell["rate"] is None:
                cells.append(f"{'-':>18}")
            else:
                cells.append(f"{cell['rate']:>10.1%} ({cell['of']:>4})")
        rows.append(f"{name:<{width}}" + "".join(cells))
    return "\n".join(rows)


if __name__ == "__main__":
    main()
