"""Synthetic corpus folders for the parallel and distributed tests and the benchmarks.

Pages are laid out by :mod:`lhasa_corpus.testing` from the ten articles of the
real page, drawn and laid out anew for every page (column width, headline
placement, paragraph marks, stray spaces, captions), so a corpus of any size
reads like the real paper without shipping more of it. The same arguments
always write the same files.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from lhasa_corpus.loaders import MANIFEST_NAME, load_file
from lhasa_corpus.testing import (
    ArticleSpec,
    CaptionSpec,
    DatelineSpec,
    Furniture,
    Layout,
    encode_pages,
    render_page,
)
from tests.conftest import SEED_PAGE

#: The first issue date of a synthetic corpus.
FIRST_DATE: Final = dt.date(2016, 1, 1)
#: Pages in one issue: the page numbers run 1..PAGES_PER_ISSUE, then the date moves on.
PAGES_PER_ISSUE: Final = 8
#: Bytes no decoder accepts as text: a file every loader must report and skip.
BAD_BYTES: Final = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@functools.cache
def seed_articles() -> tuple[ArticleSpec, ...]:
    """The articles of the real page as specs the renderer can lay out again."""
    (page,) = load_file(SEED_PAGE)
    specs = []
    for article in page.articles:
        captions = [
            CaptionSpec.reporter(caption.text, caption.photographer)
            for caption in article.captions
            if caption.photographer
        ]
        fields: dict[str, Any] = {
            "dateline": DatelineSpec.rongmei(article.contributors),
            "kicker": article.kicker,
            "headline": article.headline,
            "subheadlines": article.subheadlines,
            "paragraphs": article.paragraphs,
            "captions": captions,
        }
        specs.append(ArticleSpec(**fields))
    return tuple(specs)


def page_text(number: int, articles: tuple[int, int] = (6, 10)) -> str:
    """The raw text of synthetic page *number*: between *articles* articles, a layout drawn from *number*."""
    rng = random.Random(number)
    specs = seed_articles()
    chosen = rng.sample(specs, rng.randint(min(articles[0], len(specs)), min(articles[1], len(specs))))
    layout = Layout(
        width=rng.randint(12, 24),
        placement=rng.choice(("before", "after")),
        first_line=rng.choice(("full", "dropped", "indent")),
        paragraph_gap=rng.random() < 0.7,
        justified_spaces=rng.random() < 0.3,
        digit_spaces=rng.random() < 0.5,
        column_breaks=rng.random() < 0.3,
        caption_position=rng.choice(("with_article", "page_start", "page_end")),
        seed=number,
    )
    header, footer = [Furniture.paper()], [Furniture.editors(("责任编辑", "张三"))]
    return render_page(chosen, layout, header=header, footer=footer).text


def write_corpus(
    folder: Path,
    pages: int,
    *,
    pages_per_file: int = 1,
    distinct: int | None = None,
    bad_files: int = 0,
    articles: tuple[int, int] = (6, 10),
) -> Path:
    """Write a corpus folder of *pages* pages with its ``manifest.csv``; returns *folder*.

    Each file holds *pages_per_file* pages separated by form feeds. Page texts
    repeat after *distinct* pages (rendering is slower than parsing); the
    manifest gives every file its own date and page number, so page IDs stay
    unique. *bad_files* undecodable files are spread through the manifest.
    Small *articles* bounds make small pages for fast tests.
    """
    folder.mkdir(parents=True, exist_ok=True)
    texts: dict[int, str] = {}
    rows = ["file,paper,issue_date,page"]
    bad_every = max(1, pages // pages_per_file // bad_files) if bad_files else 0
    for index, first in enumerate(range(0, pages, pages_per_file)):
        numbers = range(first, min(first + pages_per_file, pages))
        name = f"{index:06d}.txt"
        key = [number % distinct if distinct else number for number in numbers]
        for number in key:
            if number not in texts:
                texts[number] = page_text(number, articles)
        (folder / name).write_bytes(encode_pages([texts[number] for number in key]))
        date = FIRST_DATE + dt.timedelta(days=first // PAGES_PER_ISSUE)
        rows.append(f"{name},拉萨日报,{date.isoformat()},{first % PAGES_PER_ISSUE + 1}")
        if bad_every and index % bad_every == bad_every // 2 and bad_files:
            bad_files -= 1
            bad = f"{index:06d}-bad.txt"
            (folder / bad).write_bytes(BAD_BYTES)
            rows.append(f"{bad},拉萨日报,{date.isoformat()},")
    (folder / MANIFEST_NAME).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def dated_copies(folder: Path, *dates: str) -> Path:
    """A corpus of the real page, once per date, so that each row is a page of its own; returns *folder*."""
    folder.mkdir(parents=True)
    shutil.copy(SEED_PAGE, folder / "page.txt")
    rows = "".join(f"page.txt,拉萨日报,{date},1\n" for date in dates)
    (folder / MANIFEST_NAME).write_text("file,paper,issue_date,page\n" + rows, encoding="utf-8")
    return folder


def raw_files(folder: Path) -> Iterator[Path]:
    """The raw page files of a synthetic corpus, in name order."""
    return iter(sorted(folder.glob("*.txt")))
