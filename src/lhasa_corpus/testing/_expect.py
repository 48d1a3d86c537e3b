"""What a parse of a rendered page must give back, in one shape for both sides of a comparison.

:class:`ArticleFields` and :class:`PageFields` are built from specs
(:meth:`ArticleFields.expected`) or from a parsed :class:`~lhasa_corpus.models.Page`
(:meth:`ArticleFields.of`, :meth:`PageFields.of`), so a test compares like with like.
:class:`Ambiguity` names a place where the layout hides structure by nature, and
:class:`FieldSpan` says where a field stands in the rendered text.
"""

from __future__ import annotations

from typing import Final

import attrs

from lhasa_corpus.models import Article, Caption, Contributor, Page
from lhasa_corpus.testing._specs import ArticleSpec
from lhasa_corpus.testing._typesetting import clean_byline


def _people(value: tuple[Contributor, ...] | list[Contributor]) -> tuple[Contributor, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ArticleFields:
    """The fields of an article a round trip compares (FIELDS.md), in one shape for both sides."""

    kicker: str | None
    headline: str | None
    subheadlines: tuple[str, ...]
    dateline: str | None
    source: str | None
    byline: str | None
    contributors: tuple[Contributor, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    continuations: tuple[str, ...]

    @classmethod
    def expected(cls, spec: ArticleSpec) -> ArticleFields:
        """The fields a parse of *spec*'s rendering must give back: the spec's own clean text."""
        return cls(
            kicker=spec.kicker,
            headline=spec.headline,
            subheadlines=spec.subheadlines,
            dateline=None if spec.dateline is None else spec.dateline.text,
            source=spec.source,
            byline=None if spec.byline is None else spec.byline.text,
            contributors=spec.contributors,
            paragraphs=spec.paragraphs,
            captions=tuple(caption.expected() for caption in spec.captions),
            continuations=spec.continuations,
        )

    @classmethod
    def of(cls, article: Article) -> ArticleFields:
        """The compared fields of a parsed article."""
        return cls(
            kicker=article.kicker,
            headline=article.headline,
            subheadlines=article.subheadlines,
            dateline=article.dateline,
            source=article.source,
            byline=article.byline,
            contributors=article.contributors,
            paragraphs=article.paragraphs,
            captions=article.captions,
            continuations=article.continuations,
        )

    @property
    def body(self) -> str:
        """The paragraphs run together: the body with paragraph boundaries forgotten."""
        return "".join(self.paragraphs)

    @property
    def titles(self) -> tuple[str | None, str | None, tuple[str, ...]]:
        """Kicker, headline and subheadlines."""
        return (self.kicker, self.headline, self.subheadlines)


@attrs.frozen(kw_only=True)
class LeftoverFields:
    """A leftover a parse must give: its text (white space runs as one space) and its furniture kind."""

    text: str
    kind: str | None


@attrs.frozen(kw_only=True)
class PageFields:
    """What a parse of a whole page must give back (FIELDS.md, "Page")."""

    articles: tuple[ArticleFields, ...]
    leftovers: tuple[LeftoverFields, ...]
    sections: tuple[str, ...]
    editors: tuple[Contributor, ...] = attrs.field(converter=_people)
    headline_placement: str | None

    @classmethod
    def of(cls, page: Page) -> PageFields:
        """The compared fields of a parsed page; leftover text has its white space runs made one space."""
        return cls(
            articles=tuple(ArticleFields.of(article) for article in page.articles),
            leftovers=tuple(
                LeftoverFields(text=clean_byline(leftover.text), kind=leftover.kind)
                for leftover in page.leftovers
            ),
            sections=page.sections,
            editors=page.editors,
            headline_placement=page.headline_placement,
        )


#: What each ambiguity reason means: where a layout hides structure by nature.
AMBIGUITY_REASONS: Final = {
    "edge": "a paragraph ends where the column does and the next starts like a continued line",
    "unpunctuated_end": "a paragraph ends without a sentence end and no indent marks the next one",
    "looks_like_end": "a line inside a paragraph ends a sentence next to a short line, like a paragraph end",
    "width_not_evident": "the most common fill of the body lines is not the column width",
    "heading_like_headline": "a crosshead stands alone like a headline, with no cue that it is not one",
    "paragraph_like_headline": "a short one-sentence exclamation or question stands alone like a headline",
    "boundary_hidden": "nothing marks where the article starts: no headline, dateline, byline or mark",
    "caption_uncredited": "a caption with no credit reads like a paragraph",
}


@attrs.frozen(kw_only=True)
class Ambiguity:
    """A place where the rendered page hides part of its structure by nature.

    *reason* is one of :data:`AMBIGUITY_REASONS`; *article* is the article's
    index on the page (None for the whole page) and *paragraph* the paragraph's
    index in it, where the reason concerns one.
    """

    reason: str = attrs.field(validator=attrs.validators.in_(tuple(AMBIGUITY_REASONS)))
    article: int | None
    paragraph: int | None = None

    @property
    def hides_paragraphs(self) -> bool:
        """Whether the ambiguity is about where a paragraph ends (not the width or an article boundary)."""
        return self.reason in ("edge", "unpunctuated_end", "looks_like_end")


@attrs.frozen(kw_only=True)
class FieldSpan:
    """Where one field, or one stretch of it, stands in the rendered text: ``text[start:end]``.

    *article* is the article's index on the page, or None for furniture;
    *field* names the field as :class:`~lhasa_corpus.models.Span` does
    (``headline``, ``paragraphs/2``, ``captions/0/credit``, ``dateline``,
    ``byline``, ``continuations/0``), or ``leftovers/<n>`` for furniture.
    """

    article: int | None
    field: str
    start: int
    end: int
