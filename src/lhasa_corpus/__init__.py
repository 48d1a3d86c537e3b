"""lhasa_corpus: turn PDF-extracted 拉萨日报 page text into a clean, faithful, citable corpus.

>>> import lhasa_corpus
>>> page = lhasa_corpus.parse_text("拉萨融媒讯（记者杨璐）为进一步畅通渠道。\\n\\n对接会举行")
>>> [(article.headline, article.contributors[0].name) for article in page.articles]
[('对接会举行', '杨璐')]
"""

from importlib.metadata import PackageNotFoundError, version

from lhasa_corpus.articles import parse_page
from lhasa_corpus.errors import InputError, LhasaCorpusError, ManifestError, MissingExtraError
from lhasa_corpus.loaders import (
    ManifestEntry,
    corpus_entries,
    infer_issue_date,
    iter_issues,
    iter_pages,
    load_file,
    parse_text,
    read_manifest,
)
from lhasa_corpus.models import Article, Caption, Contributor, Issue, Leftover, Page, Span
from lhasa_corpus.records import article_from_record, article_record, page_from_record, page_record

try:
    __version__ = version("lhasa-corpus")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Caption",
    "Contributor",
    "InputError",
    "Issue",
    "Leftover",
    "LhasaCorpusError",
    "ManifestEntry",
    "ManifestError",
    "MissingExtraError",
    "Page",
    "Span",
    "__version__",
    "article_from_record",
    "article_record",
    "corpus_entries",
    "infer_issue_date",
    "iter_issues",
    "iter_pages",
    "load_file",
    "page_from_record",
    "page_record",
    "parse_page",
    "parse_text",
    "read_manifest",
]
