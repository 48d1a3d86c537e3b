"""The data model: issues, pages, articles and their parts.

All classes are frozen, slotted and keyword-only attrs classes. Offsets are
0-based code-point offsets into :attr:`Page.raw_text`, half open ``[start, end)``.
Serialisation lives in :mod:`lhasa_corpus.records`, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

#: What each flag of an article means. A flag says where the parser guessed
#: or what it could not find.
ARTICLE_FLAG_DESCRIPTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "headline_missing": "no headline was found for the article",
        "headline_roles_guessed": "kicker, headline and subheadline were told apart by length alone",
        "dateline_missing": "the article has no dateline (its people, if any, come from a byline)",
        "dateline_source_guessed": "the dateline names an unknown outlet; where its name starts is a guess",
        "dateline_unclosed": "a dateline's byline bracket never closed; the byline was left in the body",
        "caption_placed_by_similarity": "a caption away from the article, attached by shared words",
        "caption_placed_by_position": "a caption no article shares words with, attached to its neighbour",
        "near_identical_names": "two names in the article differ in one character (李从芳 / 李丛芳)",
        "boundary_guessed": "where the article starts or ends was decided on weak evidence",
        "names_guessed": "a space between single characters in a byline was read as letter spacing in a name",
        "headline_glued": "a heading printed against the text with no blank line was told apart by its shape",
        "caption_glued": "a caption printed against the text with no blank line was told apart by its credit",
    }
)
#: What each flag of a page means.
PAGE_FLAG_DESCRIPTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "headline_placement_undecided": "no evidence whether headlines precede or follow their bodies",
        "issue_date_inferred": "the issue date was inferred from the latest date printed on the page",
        "no_articles": "nothing on the page looked like an article",
    }
)
#: Every flag and what it means.
FLAG_DESCRIPTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {**ARTICLE_FLAG_DESCRIPTIONS, **PAGE_FLAG_DESCRIPTIONS}
)
ARTICLE_FLAGS: Final = frozenset(ARTICLE_FLAG_DESCRIPTIONS)
PAGE_FLAGS: Final = frozenset(PAGE_FLAG_DESCRIPTIONS)
#: What each kind of page furniture (版面) is; a leftover of no kind is unclassified text.
FURNITURE_KIND_DESCRIPTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "paper": "the paper's name (拉萨日报, LHASA DAILY)",
        "date": "a date line (2025年10月8日 星期三, 农历乙巳年八月十七)",
        "page_number": "the page or edition number (第3版, A3, 3)",
        "section": "a section label (要闻, 本地新闻, 文化·旅游)",
        "editors": "an editors' credit (责任编辑：扎西, 本版编辑：央金 美编：赵六)",
    }
)
FURNITURE_KINDS: Final = frozenset(FURNITURE_KIND_DESCRIPTIONS)


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"'{attribute.name}' must be >= 0 (got {value})")


def _flags_in(
    allowed: frozenset[str],
) -> Callable[[object, attrs.Attribute[tuple[str, ...]], tuple[str, ...]], None]:
    def check(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise ValueError(f"'{attribute.name}' has unknown flags (got {unknown})")

    return check


def _sorted_unique(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Span:
    """Where one field's text, or a part of it, stands in the page's raw text.

    *field* names the field: ``headline``, ``kicker``, ``subheadlines/0``,
    ``dateline``, ``source``, ``byline``, ``contributors/1/name``, ``paragraphs/2``,
    ``captions/0/text``, ``captions/0/credit``, ``captions/0/photographer``,
    ``continuations/0``. A field has one span per stretch of raw text that
    holds only it: a paragraph the column wrapped is one span, one that page
    furniture or a column break cuts has one span per piece.
    """

    field: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"'end' must be >= start {self.start} (got {value})")


@attrs.frozen(kw_only=True)
class Contributor:
    """A person named in a byline, with the role printed before the name.

    Roles are the printed words: 记者 (reporter), 实习生 (intern), 见习记者
    (trainee reporter), 通讯员 (correspondent), 特约记者 (special
    correspondent), 评论员 (commentator), 摄影 (photographer), 文 (writer,
    ``文/张三``), 图 (photos, ``图/李四``); ``""`` where none is printed.
    *organisation* is the organisation printed with the role (``本报`` in
    ``本报记者``, ``新华社`` in ``新华社记者``), or None where none is printed.
    On a page's editors, the role is the credit's word (责任编辑, 美编, ...).
    """

    name: str
    role: str
    organisation: str | None = None


@attrs.frozen(kw_only=True)
class Caption:
    """A photo caption: its text, the credit line, and the photographer named in it."""

    text: str
    credit: str | None = None
    photographer: str | None = None


def _furniture_kind(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in FURNITURE_KINDS:
        raise ValueError(f"'kind' must be one of {sorted(FURNITURE_KINDS)} or None (got {value!r})")


@attrs.frozen(kw_only=True)
class Leftover:
    """Text on a page that belongs to no article, verbatim from the raw text.

    *kind* says which page furniture it is (:data:`FURNITURE_KINDS`: ``paper``,
    ``date``, ``page_number``, ``section``, ``editors``), or None for text the
    parser could not place (a headline with no body, a caption on a page
    without articles).
    """

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int
    kind: str | None = attrs.field(default=None, validator=_furniture_kind)


def _contributors(value: Iterable[Contributor]) -> tuple[Contributor, ...]:
    return tuple(value)


def _captions(value: Iterable[Caption]) -> tuple[Caption, ...]:
    return tuple(value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _leftovers(value: Iterable[Leftover]) -> tuple[Leftover, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Article:
    """One article on a page.

    The *primary* fields -- kicker, headline, subheadlines, dateline, byline,
    paragraphs, captions (text and credit) and continuations -- together with
    the page's leftovers hold every non-white-space character of the page once.
    *source* is read out of the dateline, *contributors* out of the dateline
    and the byline, and a caption's photographer out of its credit: they
    repeat characters of those fields.

    *dateline* holds the dateline with the byline bracket printed right after
    it (``拉萨融媒讯（记者杨璐）``); *byline* holds a byline printed apart from a
    dateline: a line under the headline (``本报记者 张三``), a bracket after
    the last sentence (``（本报记者王明、李华）``), a trailing ``本报记者 张三/文``.
    """

    article_id: str
    page_id: str
    paper: str | None
    issue_date: dt.date | None
    page: int | None
    position: int = attrs.field(validator=_non_negative)
    kicker: str | None = None
    headline: str | None = None
    subheadlines: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    source: str | None = None
    dateline: str | None = None
    byline: str | None = None
    contributors: tuple[Contributor, ...] = attrs.field(default=(), converter=_contributors)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_captions)
    continuations: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    char_start: int = attrs.field(validator=_non_negative)
    char_end: int
    flags: tuple[str, ...] = attrs.field(
        default=(),
        converter=_sorted_unique,
        validator=_flags_in(ARTICLE_FLAGS),
    )
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by a line break."""
        return "\n".join(self.paragraphs)

    def spans_of(self, field: str) -> tuple[Span, ...]:
        """The spans of one field, such as ``"headline"`` or ``"paragraphs/0"``."""
        return tuple(span for span in self.spans if span.field == field)

    def _repr_html_(self) -> str:
        """The article as a notebook shows it: its fields and flags.

        See :func:`lhasa_corpus.view.article_html`.
        """
        from lhasa_corpus.view import article_html  # noqa: PLC0415 - models is a leaf; the view imports it

        return article_html(self)


def _articles(value: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Page:
    """One page of raw text and what the parser found on it."""

    page_id: str
    paper: str | None
    issue_date: dt.date | None
    page: int | None = attrs.field(default=None)
    raw_text: str
    source_file: str | None = None
    source_sha256: str | None = None
    headline_placement: str | None = attrs.field(default=None)
    articles: tuple[Article, ...] = attrs.field(default=(), converter=_articles)
    leftovers: tuple[Leftover, ...] = attrs.field(default=(), converter=_leftovers)
    flags: tuple[str, ...] = attrs.field(
        default=(),
        converter=_sorted_unique,
        validator=_flags_in(PAGE_FLAGS),
    )
    #: The section labels the page prints (要闻, 本地新闻), read out of its furniture.
    sections: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: The people of the page's editors' credits, with the credit's word as role.
    editors: tuple[Contributor, ...] = attrs.field(default=(), converter=_contributors)

    @page.validator
    def _page_positive(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and value < 1:
            raise ValueError(f"'page' must be >= 1 (got {value})")

    @headline_placement.validator
    def _placement_known(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value not in (None, "before", "after"):
            raise ValueError(f"'headline_placement' must be 'before', 'after' or None (got {value!r})")

    @property
    def furniture(self) -> tuple[Leftover, ...]:
        """The leftovers that are page furniture (those with a kind), in page order."""
        return tuple(leftover for leftover in self.leftovers if leftover.kind is not None)

    @property
    def all_flags(self) -> tuple[str, ...]:
        """The page's flags, then each article's, every occurrence: what flag counts count."""
        return (*self.flags, *(flag for article in self.articles for flag in article.flags))

    def _repr_html_(self) -> str:
        """The page as a notebook shows it: the raw text with every field coloured, beside the articles.

        See :func:`lhasa_corpus.view.page_html`.
        """
        from lhasa_corpus.view import page_html  # noqa: PLC0415 - models is a leaf; the view imports it

        return page_html(self)


def _pages(value: Iterable[Page]) -> tuple[Page, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Issue:
    """One issue of a paper: its pages in page order."""

    paper: str | None
    date: dt.date | None
    pages: tuple[Page, ...] = attrs.field(converter=_pages)

    @classmethod
    def from_pages(cls, pages: tuple[Page, ...] | list[Page]) -> Issue:
        """Group pages of one paper and date into an issue, sorted by page number.

        Raises :class:`ValueError` when the pages are of different papers or dates.
        """
        if not pages:
            raise ValueError("'pages' must not be empty (got 0 pages)")
        keys = {(page.paper, page.issue_date) for page in pages}
        if len(keys) > 1:
            raise ValueError(f"'pages' must share one paper and date (got {sorted(map(str, keys))})")
        paper, date = keys.pop()
        ordered = sorted(pages, key=lambda page: (page.page is None, page.page or 0, page.page_id))
        return cls(paper=paper, date=date, pages=tuple(ordered))

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles of every page, in page order."""
        return tuple(article for page in self.pages for article in page.articles)
