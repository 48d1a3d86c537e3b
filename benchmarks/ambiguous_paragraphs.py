"""How often the parser still gets a paragraph boundary right where the layout hides it.

Some layouts hide paragraph structure by nature (see ``lhasa_corpus.testing.Ambiguity``):

- ``edge``: a paragraph ends where the column does and the next starts full, with no indent
  (or, with no blank line, the next one's first line ends a sentence);
- ``looks_like_end``: a line inside a paragraph ends a sentence and it, or the line after it, is short.

No rule can be right on all of them, so the property suite does not require it; this script
measures it instead. It renders random pages from the test strategies, parses them, and for every
hidden boundary checks what the parser did: for ``edge``, did it end the paragraph there; for
``looks_like_end``, did it keep the paragraph whole. Run from the repository root:

    .venv/bin/python benchmarks/ambiguous_paragraphs.py [PAGES]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.strategies import article_lists, layouts

from lhasa_corpus.loaders import parse_text
from lhasa_corpus.testing import ArticleFields, ArticleSpec, Layout, render_page


def boundaries(paragraphs: tuple[str, ...]) -> set[int]:
    """Offsets into the run-together body where one paragraph ends and the next begins."""
    ends, position = set(), 0
    for paragraph in paragraphs[:-1]:
        position += len(paragraph)
        ends.add(position)
    return ends


def measure(pages: int) -> dict[str, Counter[str]]:
    results: dict[str, Counter[str]] = {"edge": Counter(), "looks_like_end": Counter(), "pages": Counter()}

    @settings(max_examples=pages, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(article_lists(), layouts(first_line="full"))
    def run(articles: list[ArticleSpec], layout: Layout) -> None:
        page = render_page(articles, layout)
        parsed = [ArticleFields.of(article) for article in parse_text(page.text).articles]
        results["pages"]["rendered"] += 1
        results["pages"]["unambiguous"] += page.unambiguous
        for ambiguity in page.ambiguities:
            if ambiguity.reason not in ("edge", "looks_like_end") or ambiguity.article is None:
                continue
            want = page.articles[ambiguity.article].paragraphs
            if ambiguity.article >= len(parsed) or parsed[ambiguity.article].body != "".join(want):
                results[ambiguity.reason]["body differs"] += 1
                continue
            assert ambiguity.paragraph is not None
            got = boundaries(parsed[ambiguity.article].paragraphs)
            if ambiguity.reason == "edge":
                at = sum(len(paragraph) for paragraph in want[: ambiguity.paragraph + 1])
                results["edge"]["right" if at in got else "wrong"] += 1
            else:
                paragraph_start = sum(len(paragraph) for paragraph in want[: ambiguity.paragraph])
                inside = range(paragraph_start + 1, paragraph_start + len(want[ambiguity.paragraph]))
                results["looks_like_end"]["wrong" if got & set(inside) else "right"] += 1

    run()
    return results


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    results = measure(pages)
    print(f"pages: {results['pages']['rendered']}, unambiguous: {results['pages']['unambiguous']}")
    for reason in ("edge", "looks_like_end"):
        counts = results[reason]
        judged = counts["right"] + counts["wrong"]
        share = f"{counts['right'] / judged:.1%}" if judged else "n/a"
        print(f"{reason}: {judged} hidden boundaries, parser right on {counts['right']} ({share})")


if __name__ == "__main__":
    main()
