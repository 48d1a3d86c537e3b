"""Parse raw page files and print their articles, the way a reader checks a page.

    python examples/parse_page.py [PAGE_FILE_OR_FOLDER ...]

Without arguments it parses the page shipped in ``data/raw/``. For each article
it prints the headline group, the dateline with its source and contributors
(roles glossed in English), the paragraphs (shortened), the captions and the
flags; then the page's leftovers, and whether nothing was lost.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from lhasa_corpus import Article, Page, iter_pages
from lhasa_corpus.bylines import ROLE_GLOSSES
from lhasa_corpus.quality import provenance_problems

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = REPO / "data" / "raw" / "000_9f77f0cdd81bd34f.txt"
#: How many characters of each paragraph to show.
PREVIEW = 48


def describe_article(article: Article) -> str:
    lines = [f"[{article.position}] {article.article_id}"]
    if article.kicker:
        lines.append(f"    kicker:      {article.kicker}")
    lines.append(f"    headline:    {article.headline or '(none in the text)'}")
    lines.extend(f"    subheadline: {subheadline}" for subheadline in article.subheadlines)
    if article.dateline:
        lines.append(f"    dateline:    {article.dateline}   (source: {article.source})")
    for person in article.contributors:
        gloss = ROLE_GLOSSES.get(person.role, "role unknown")
        lines.append(f"    contributor: {person.name}, {person.role or '?'} ({gloss})")
    for number, paragraph in enumerate(article.paragraphs, start=1):
        shown = paragraph if len(paragraph) <= PREVIEW else paragraph[:PREVIEW] + "…"
        lines.append(textwrap.indent(f"¶{number} {shown}", "    "))
    for caption in article.captions:
        lines.append(f"    caption:     {caption.text}  [credit: {caption.credit}]")
        if caption.photographer:
            lines.append(f"    photographer: {caption.photographer}")
    for continuation in article.continuations:
        lines.append(f"    continued:   {continuation}")
    if article.flags:
        lines.append(f"    flags:       {', '.join(article.flags)}")
    return "\n".join(lines)


def describe_page(page: Page) -> str:
    header = (
        f"{page.source_file}: {len(page.articles)} articles; issue date {page.issue_date}"
        f"{' (inferred)' if 'issue_date_inferred' in page.flags else ''}; "
        f"headlines {page.headline_placement or 'absent'} their bodies"
    )
    parts = [header, "=" * 60]
    parts.extend(describe_article(article) for article in page.articles)
    parts.extend(f"leftover at {leftover.start}: {leftover.text}" for leftover in page.leftovers)
    problems = provenance_problems(page)
    parts.append("nothing lost: every character is in one field or a leftover" if not problems else "")
    parts.extend(f"PROBLEM: {problem}" for problem in problems)
    return "\n".join(part for part in parts if part)


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or [DEFAULT_PAGE]
    failed = 0

    def report(error: Exception) -> None:
        nonlocal failed
        failed += 1
        print(f"parse_page.py: {error}", file=sys.stderr)

    for page in iter_pages(paths, on_error=report):
        print(describe_page(page))
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
