"""One explicit Arrow schema per table: ``articles``, ``pages`` and ``issues``.

Every writer casts its rows to these schemas; nothing is inferred. The
columns of ``articles`` and ``pages`` are the keys of the records in
:mod:`lhasa_corpus.records` (the JSON Lines of ``lhasa-corpus parse``), in the
same order, with ``issue_date`` as ``date32`` instead of ISO text. Offsets are
0-based code-point offsets into ``pages.raw_text``, half open ``[start, end)``.

Every column is nullable, as Hugging Face ``Features`` declare them, so the
schema read back by ``datasets`` is this one.
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

#: Bump when a column is added, removed, renamed or changes type.
SCHEMA_VERSION: Final = "2"

_TEXT = pa.string()
_INT = pa.int32()
_TEXTS = pa.list_(_TEXT)

CONTRIBUTOR: Final = pa.struct([("name", _TEXT), ("role", _TEXT), ("organisation", _TEXT)])
CAPTION: Final = pa.struct([("text", _TEXT), ("credit", _TEXT), ("photographer", _TEXT)])
SPAN: Final = pa.struct([("field", _TEXT), ("start", _INT), ("end", _INT)])
LEFTOVER: Final = pa.struct([("text", _TEXT), ("start", _INT), ("end", _INT), ("kind", _TEXT)])

ARTICLES: Final = pa.schema(
    [
        ("article_id", _TEXT),
        ("page_id", _TEXT),
        ("paper", _TEXT),
        ("issue_date", pa.date32()),
        ("page", _INT),
        ("position", _INT),
        ("kicker", _TEXT),
        ("headline", _TEXT),
        ("subheadlines", _TEXTS),
        ("source", _TEXT),
        ("dateline", _TEXT),
        ("byline", _TEXT),
        ("contributors", pa.list_(CONTRIBUTOR)),
        ("paragraphs", _TEXTS),
        ("text", _TEXT),
        ("captions", pa.list_(CAPTION)),
        ("continuations", _TEXTS),
        ("char_start", _INT),
        ("char_end", _INT),
        ("flags", _TEXTS),
        ("spans", pa.list_(SPAN)),
    ]
)

PAGES: Final = pa.schema(
    [
        ("page_id", _TEXT),
        ("paper", _TEXT),
        ("issue_date", pa.date32()),
        ("page", _INT),
        ("source_file", _TEXT),
        ("source_sha256", _TEXT),
        ("headline_placement", _TEXT),
        ("flags", _TEXTS),
        ("raw_text", _TEXT),
        ("leftovers", pa.list_(LEFTOVER)),
        ("sections", _TEXTS),
        ("editors", pa.list_(CONTRIBUTOR)),
    ]
)

ISSUES: Final = pa.schema(
    [
        ("paper", _TEXT),
        ("issue_date", pa.date32()),
        ("page_count", _INT),
        ("article_count", _INT),
        ("page_ids", _TEXTS),
        ("page_numbers", pa.list_(_INT)),
    ]
)

#: The tables in the order they are written and documented; ``articles`` is the default.
TABLES: Final[dict[str, pa.Schema]] = {"articles": ARTICLES, "pages": PAGES, "issues": ISSUES}

#: One line per table, for the dataset card.
TABLE_DESCRIPTIONS: Final = {
    "articles": "one row per article: headline, byline, paragraphs, captions, and where each stands",
    "pages": "one row per page: the raw text every offset points into, and the text no article took",
    "issues": "one row per issue (paper and date): its pages and how many articles they hold",
}

#: What each column holds, for the dataset card and the docs.
COLUMN_DESCRIPTIONS: Final[dict[str, dict[str, str]]] = {
    "articles": {
        "article_id": "page ID + `-NN`, the article's position on the page",
        "page_id": "the page the article is on (`pages.page_id`)",
        "paper": "the newspaper, e.g. 拉萨日报",
        "issue_date": "the issue's date (given in the manifest, or inferred: see the page's flags)",
        "page": "the page number, null when unknown",
        "position": "1-based position of the article on the page, in the order of the raw text",
        "kicker": "the line printed above the headline (引题), if any",
        "headline": "the main headline (主题), null when none was found",
        "subheadlines": "the lines printed below the headline (副题)",
        "source": "the outlet named in the dateline, e.g. 拉萨融媒, 本报, 新华社",
        "dateline": "the dateline with its byline bracket, verbatim but for white space",
        "byline": (
            "a byline printed apart from the dateline (本报记者 张三, （记者 李四）), "
            "verbatim but for white space"
        ),
        "contributors": (
            "people named in the dateline and byline: `name`, printed `role` (记者, 通讯员, 摄影, ...) "
            "and the `organisation` printed with the role (本报, 新华社), null where none is"
        ),
        "paragraphs": "the body, one string per paragraph, wrapped lines joined",
        "text": "the paragraphs joined by a line break",
        "captions": "photo captions: `text`, the `credit` line and the `photographer` named in it",
        "continuations": "jump lines such as （下转第二版）",
        "char_start": "offset of the article's first character in `pages.raw_text`",
        "char_end": "offset after the article's last character in `pages.raw_text`",
        "flags": "where the parser guessed or found nothing (see Known limits)",
        "spans": "where each field stands in `pages.raw_text`: `field`, `start`, `end`; one per wrapped line",
    },
    "pages": {
        "page_id": "`YYYYMMDD-pNN-<10 hex of SHA-256 of the page text>`",
        "paper": "the newspaper, e.g. 拉萨日报",
        "issue_date": "the issue's date (given in the manifest, or inferred when flagged)",
        "page": "the page number, null when unknown",
        "source_file": "the raw file the page came from, relative to the corpus folder",
        "source_sha256": "SHA-256 of the raw file's bytes",
        "headline_placement": "whether headlines stand `before` or `after` their bodies on this page",
        "flags": "page-level flags (see Known limits)",
        "raw_text": "the page text as extracted from the PDF; every offset points into it",
        "leftovers": (
            "text that belongs to no article: `text`, `start`, `end`, and the furniture `kind` "
            "(paper, date, page_number, section, editors; null when unclassified)"
        ),
        "sections": "the section labels the page prints (要闻, 本地新闻)",
        "editors": "the people of the page's editors' credits: `name`, `role` (责任编辑, 美编, ...)",
    },
    "issues": {
        "paper": "the newspaper, e.g. 拉萨日报",
        "issue_date": "the issue's date, null for pages of unknown date",
        "page_count": "how many pages of the issue are in the dataset",
        "article_count": "how many articles those pages hold",
        "page_ids": "the issue's pages (`pages.page_id`) in page order",
        "page_numbers": "their page numbers, null where unknown",
    },
}


def schema_for(table: str) -> pa.Schema:
    """The Arrow schema of one table.

    >>> schema_for("pages").field("issue_date").type
    DataType(date32[day])
    >>> schema_for("authors")
    Traceback (most recent call last):
    ...
    ValueError: 'table' must be one of ['articles', 'pages', 'issues'] (got 'authors')
    """
    try:
        return TABLES[table]
    except KeyError:
        raise ValueError(f"'table' must be one of {list(TABLES)} (got {table!r})") from None
