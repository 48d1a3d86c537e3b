"""See a parse: a page's raw text with every field coloured, beside the clean articles, as HTML.

The view is for a reader checking the parser's work. It shows the page as
printed -- every character of :attr:`~lhasa_corpus.models.Page.raw_text`, in
order -- with each field's spans coloured by their kind, article numbers in
the margin where an article's text begins or resumes, and beside it the
articles as the dataset holds them, with their flags. Hovering or focusing a
coloured stretch shows its field, article ID and offsets.

- *Generic.* A span's colour comes from its field name's path components
  (``captions/0/credit`` is a caption, a credit), a leftover's from its kind,
  so a field the parser learns later is coloured without a change here.
- *Nested, not overlapped.* Derived fields (source, contributor names,
  photographer) lie inside primary ones (dateline, byline, credit); they are
  drawn as an underline inside the primary colour. The markup is built from
  non-overlapping :class:`Segment` s found in one pass over the sorted span
  boundaries, so elements always nest. Where the parse breaks its own
  promises -- two primary fields over one character, text no field holds --
  the view shows it (hatched red, wavy red underline) rather than hide it.
- *Escaped.* Page text reaches the markup only through :func:`escape`, which
  returns :data:`Markup`; the builders take and return :data:`Markup`, so
  mypy rejects page text added to HTML unescaped. A page holding
  ``<script>`` shows it as text.
- *Self-contained.* One file per page, inline CSS, no script and no network
  (the document's content security policy forbids both); readable without a
  CJK font, since colours and borders carry the structure.

:func:`page_html` is what a notebook shows for a page
(:meth:`~lhasa_corpus.models.Page._repr_html_`), :func:`page_document` the
same as a file, and :func:`write_inspection` what ``lhasa-corpus inspect``
writes: one file per page and an ``index.html`` with the quality report's
figures.

>>> from lhasa_corpus import parse_text
>>> page = parse_text("拉萨融媒讯（记者杨璐）正文<b>。\\n\\n对接会举行")
>>> [(s.start, s.end, s.primary and s.primary.field) for s in page_segments(page)][-3:]
[(11, 17, 'paragraphs/0'), (17, 19, None), (19, 24, 'headline')]
>>> "正文&lt;b&gt;。" in page_html(page)
True
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, NewType, cast

import attrs

from lhasa_corpus.models import FLAG_DESCRIPTIONS, Article, Page
from lhasa_corpus.quality import PRIMARY_FIELD, PageReport, corpus_summary, page_report, provenance_problems

__all__ = [
    "FIELD_KINDS",
    "Mark",
    "Markup",
    "PageView",
    "Segment",
    "article_html",
    "escape",
    "page_document",
    "page_html",
    "page_marks",
    "page_segments",
    "view_page",
    "write_inspection",
]

#: HTML that is safe to write as it is: built by this module, page text escaped.
Markup = NewType("Markup", str)

#: The kinds the legend explains, in reading order, and what each is. A kind
#: is a field name's first path component (``paragraphs`` for
#: ``paragraphs/2``), ``furniture`` or ``leftover``; sub-kinds such as a
#: caption's ``credit`` and ``photographer`` shade their kind's colour.
FIELD_KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "kicker": "引题, the line above the headline",
        "headline": "主题, the headline",
        "subheadlines": "副题, a line below the headline",
        "dateline": "电头, the dateline with its byline bracket",
        "source": "the outlet the dateline names (inside the dateline)",
        "byline": "署名, a byline printed apart from the dateline",
        "contributors": "a contributor's name (inside the dateline or byline)",
        "paragraphs": "a paragraph of the body (every other one a shade darker)",
        "captions": "图片说明, a photo caption's text",
        "credit": "a caption's credit line",
        "photographer": "the photographer named in a credit (inside it)",
        "continuations": "转版, a continuation mark",
        "furniture": "版面, page furniture: paper, date, page number, section, editors",
        "leftover": "text that belongs to no article",
        "overlap": "a problem: two primary fields hold the same characters",
        "uncovered": "a problem: text that no field and no leftover holds",
    }
)

#: Background (primary) and underline (derived) colours of the known kinds.
_COLOURS: Final[Mapping[str, tuple[str, str]]] = {
    "kicker": ("#fde68a", "#b45309"),
    "headline": ("#fca5a5", "#b91c1c"),
    "subheadlines": ("#fdba74", "#c2410c"),
    "dateline": ("#93c5fd", "#1d4ed8"),
    "source": ("#60a5fa", "#1e3a8a"),
    "byline": ("#c4b5fd", "#6d28d9"),
    "contributors": ("#a78bfa", "#5b21b6"),
    "paragraphs": ("#d9f99d", "#4d7c0f"),
    "captions": ("#f5d0fe", "#a21caf"),
    "credit": ("#e9a8f5", "#86198f"),
    "photographer": ("#e879f9", "#701a75"),
    "continuations": ("#99f6e4", "#0f766e"),
    "furniture": ("#e5e7eb", "#4b5563"),
    "leftover": ("#fecaca", "#991b1b"),
    "uncovered": ("#fee2e2", "#dc2626"),
}
#: The kinds of the derived fields, which the legend draws as they are drawn inside primary ones.
_DERIVED_KINDS: Final = frozenset({"source", "contributors", "photographer"})
#: Sub-kinds: their rules come after the kinds' so that they win.
_SUB_KINDS: Final = ("credit", "photographer")
_NOT_A_CLASS = re.compile(r"[^a-z0-9_-]")
#: What :func:`escape` replaces.
_SPECIAL = re.compile("[&<>\"'\r]")
#: A document may load nothing and run nothing: its own style sheet only (the index also frames pages).
_CSP: Final = "default-src 'none'; style-src 'unsafe-inline'"
_INDEX_CSP: Final = f"{_CSP}; frame-src 'self' file:"


# -- escaping ----------------------------------------------------------------------------------------


def escape(text: str) -> Markup:
    """*text* as HTML text or as an attribute value in double quotes.

    Escapes ``& < > " '`` (:func:`html.escape`), so no page text can open an
    element, end the style sheet or leave an attribute; writes a carriage
    return as ``&#13;``, because an HTML parser turns a raw CR (and CR LF)
    into LF and the view shows the raw text as it is. Everything else --
    Chinese text, bidi marks, white space -- is left alone.

    >>> escape('<script>alert("1")</script>')
    '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;'
    >>> escape("拉萨融媒讯（记者杨璐）\\r\\n")
    '拉萨融媒讯（记者杨璐）&#13;\\n'
    >>> escape("堆 龙 德 庆 区")
    '堆 龙 德 庆 区'
    """
    if _SPECIAL.search(text) is None:  # most stretches of a page: nothing to do
        return Markup(text)
    escaped = html.escape(text, quote=True)
    if "\r" in escaped:
        escaped = escaped.replace("\r", "&#13;")
    return Markup(escaped)


def _join(parts: Iterable[Markup]) -> Markup:
    return Markup("".join(parts))


def _start_tag(tag: str, attributes: Mapping[str, str | int | None]) -> Markup:
    """``<tag a="v">`` with every value escaped; None leaves the attribute out."""
    written = "".join(
        f' {name}="{value if isinstance(value, int) else escape(value)}"'
        for name, value in attributes.items()
        if value is not None
    )
    return Markup(f"<{tag}{written}>")


def _element(tag: str, attributes: Mapping[str, str | int | None], *children: Markup) -> Markup:
    return Markup(f"{_start_tag(tag, attributes)}{_join(children)}</{tag}>")


def _text(tag: str, text: str, **attributes: str | int | None) -> Markup:
    """An element holding *text*, escaped; ``class_`` stands for ``class``."""
    named = {name.rstrip("_"): value for name, value in attributes.items()}
    return _element(tag, named, escape(text))


# -- marks and segments --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Mark:
    """A stretch of the page the view colours: one span of an article's field, or a leftover.

    *field* is the span's field name, ``furniture/<kind>`` for page furniture
    and ``leftover`` for other leftovers. *primary* marks hold characters of
    the page once (see :data:`lhasa_corpus.quality.PRIMARY_FIELD`); the others
    are derived and lie inside primary ones.
    """

    field: str
    start: int
    end: int
    primary: bool
    article: Article | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def kind(self) -> str:
        """The field name's first path component: the colour.

        >>> Mark(field="captions/0/credit", start=0, end=3, primary=True).kind
        'captions'
        """
        return self.field.split("/", 1)[0]

    @property
    def classes(self) -> str:
        """CSS classes: one per path component that is not an index, ``alt`` for odd indices.

        >>> Mark(field="paragraphs/3", start=0, end=3, primary=True).classes
        'f-paragraphs alt'
        >>> Mark(field="captions/0/photographer", start=0, end=3, primary=False).classes
        'f-captions f-photographer'
        """
        return _field_classes(self.field)

    @property
    def tip(self) -> str:
        """What hovering or focusing the mark shows: field, article (or page) ID, offsets."""
        owner = self.article.article_id if self.article is not None else "no article"
        return f"{self.field} · {owner} · {self.start}–{self.end}"


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch of raw text over which the marks covering it do not change.

    *primary* is the innermost primary mark covering it (the one that started
    last), *derived* the innermost derived mark; *overlap* says two primary
    marks cover it, which a sound parse never does. A derived mark outside
    every primary one stands in for the primary mark (a field this module
    does not know as primary is still coloured as one).
    """

    start: int
    end: int
    primary: Mark | None
    derived: Mark | None
    overlap: bool = False


def page_marks(page: Page) -> list[Mark]:
    """Every span of every article and every leftover of *page*, as marks in page order.

    Marks that start together are ordered outer first (the longer one), a
    primary before a derived one of the same extent. Empty spans are left
    out (there is nothing to colour); offsets past the end of the raw text
    are cut to it.

    >>> from lhasa_corpus import parse_text
    >>> [(mark.field, mark.primary) for mark in page_marks(parse_text("拉萨融媒讯（记者杨璐）正文。"))]
    [('dateline', True), ('source', False), ('contributors/0/name', False), ('paragraphs/0', True)]
    """
    size = len(page.raw_text)
    marks = [
        Mark(
            field=span.field,
            start=min(span.start, size),
            end=min(span.end, size),
            primary=PRIMARY_FIELD.fullmatch(span.field) is not None,
            article=article,
        )
        for article in page.articles
        for span in article.spans
        if span.start < span.end
    ]
    marks.extend(
        Mark(
            field=_leftover_field(leftover.kind),
            start=min(leftover.start, size),
            end=min(leftover.end, size),
            primary=True,
        )
        for leftover in page.leftovers
        if leftover.start < leftover.end
    )
    marks.sort(key=lambda mark: (mark.start, -mark.end, not mark.primary))
    return marks


def page_segments(page: Page) -> list[Segment]:
    """The raw text of *page* cut where any mark starts or ends, with the marks over each piece.

    The segments tile the raw text: they are in order, do not overlap, and
    run from 0 to its length, so every character is shown once. One pass
    over the sorted boundaries, keeping the few marks that are open: linear
    in the size of the page (and its number of spans, sorted once).

    >>> from lhasa_corpus import parse_text
    >>> page = parse_text("拉萨融媒讯（记者杨璐）正文。")
    >>> [(s.start, s.end, s.primary.field if s.primary else None, s.derived.field if s.derived else None)
    ...  for s in page_segments(page)]  # doctest: +NORMALIZE_WHITESPACE
    [(0, 4, 'dateline', 'source'), (4, 8, 'dateline', None), (8, 10, 'dateline', 'contributors/0/name'),
     (10, 11, 'dateline', None), (11, 14, 'paragraphs/0', None)]
    >>> page_segments(parse_text(""))
    []
    """
    marks = page_marks(page)
    size = len(page.raw_text)
    boundaries = sorted({0, size, *(mark.start for mark in marks), *(mark.end for mark in marks)})
    segments: list[Segment] = []
    open_marks: list[Mark] = []
    waiting = iter(marks)
    upcoming = next(waiting, None)
    for start, end in itertools.pairwise(boundaries):
        open_marks = [mark for mark in open_marks if mark.end > start]
        while upcoming is not None and upcoming.start <= start:
            open_marks.append(upcoming)
            upcoming = next(waiting, None)
        primaries = [mark for mark in open_marks if mark.primary]
        derived = [mark for mark in open_marks if not mark.primary]
        if derived and not primaries:  # not inside a primary field: coloured as one
            primaries, derived = derived[:1], derived[1:]
        segments.append(
            Segment(
                start=start,
                end=end,
                primary=primaries[-1] if primaries else None,
                derived=derived[-1] if derived else None,
                overlap=len(primaries) > 1,
            )
        )
    return segments


# -- the raw page ------------------------------------------------------------------------------------


def _primary_key(segment: Segment) -> tuple[int, bool]:
    """Segments with the same primary mark (the same object) and overlap state are one element."""
    return id(segment.primary), segment.overlap


def _derived_key(segment: Segment) -> int:
    return id(segment.derived)


def _mark_element(mark: Mark, inner: Markup, *, start: int, end: int, role: str, extra: str = "") -> Markup:
    """One coloured stretch: *role* ``p`` (primary) or ``d`` (derived), offsets of the stretch itself."""
    return _element(
        "span",
        {
            "class": f"s {role} {mark.classes}{extra}",
            "data-field": mark.field,
            "data-article": mark.article.article_id if mark.article is not None else None,
            "data-start": start,
            "data-end": end,
            "data-tip": mark.tip if (start, end) == (mark.start, mark.end) else f"{mark.tip} (piece)",
            "tabindex": 0,
        },
        inner,
    )


def _raw_markup(page: Page, segments: list[Segment]) -> Markup:
    """The raw text, marks as nested ``span`` elements, margin labels where the article changes."""
    raw = page.raw_text
    parts: list[Markup] = []
    seen: set[str] = set()
    last_article: str | None = None
    for _, grouped in itertools.groupby(segments, key=_primary_key):
        run = list(grouped)
        start, end = run[0].start, run[-1].end
        mark = run[0].primary
        if mark is None:
            parts.append(_uncovered_markup(raw, start, end))
            if raw[start:end].strip():
                last_article = None
            continue
        article = mark.article.article_id if mark.article is not None else None
        if mark.article is not None and article != last_article:
            parts.append(_margin_label(mark.article, first=article not in seen))
            seen.add(mark.article.article_id)
        last_article = article
        inner = _join(
            _derived_markup(raw, list(piece)) for _, piece in itertools.groupby(run, key=_derived_key)
        )
        overlap = " overlap" if run[0].overlap else ""
        parts.append(_mark_element(mark, inner, start=start, end=end, role="p", extra=overlap))
    return _join(parts)


def _uncovered_markup(raw: str, start: int, end: int) -> Markup:
    """Text no mark covers: white space as it is, anything else marked as a problem."""
    text = raw[start:end]
    core = text.strip()
    if not core:
        return escape(text)
    first = start + text.index(core)
    last = first + len(core)
    uncovered = Mark(field="uncovered", start=first, end=last, primary=True)
    return _join(
        [
            escape(raw[start:first]),
            _mark_element(uncovered, escape(core), start=first, end=last, role="p"),
            escape(raw[last:end]),
        ]
    )


def _derived_markup(raw: str, run: list[Segment]) -> Markup:
    start, end = run[0].start, run[-1].end
    text = escape(raw[start:end])
    mark = run[0].derived
    return text if mark is None else _mark_element(mark, text, start=start, end=end, role="d")


def _margin_label(article: Article, *, first: bool) -> Markup:
    """A link in the margin to the article's card: its number, and a flag sign where it has flags.

    The label is drawn by CSS from ``data-label``, so the raw text's
    ``textContent`` stays exactly the page's raw text.
    """
    label = f"{article.position:02d}"
    if first and article.flags:
        label += f" ⚑{len(article.flags)}"
    tip = article.article_id + "".join(f"\n⚑ {flag}" for flag in article.flags)
    return _element(
        "a",
        {
            "class": "margin first" if first else "margin",
            "href": f"#{_card_id(article)}",
            "data-label": label if first else f"{label} …",
            "data-article": article.article_id,
            "data-flags": " ".join(article.flags) or None,
            "title": tip if first else f"{article.article_id} (resumed)",
        },
    )


# -- the clean articles -----------------------------------------------------------------------------

#: Article attributes the card shows in its heading or not at all; every other attribute is a field.
_CARD_HEADING: Final = frozenset(
    {
        "article_id",
        "page_id",
        "paper",
        "issue_date",
        "page",
        "position",
        "char_start",
        "char_end",
        "flags",
        "spans",
    }
)


def _card_id(article: Article) -> str:
    return f"lhv-{_class_name(article.article_id)}"


def _flag_list(flags: Iterable[str]) -> Markup:
    items = [
        _element(
            "li",
            {"class": "flag", "data-flag": flag},
            _text("code", flag),
            escape(f" — {FLAG_DESCRIPTIONS.get(flag, '')}"),
        )
        for flag in flags
    ]
    return _element("ul", {"class": "flags"}, *items) if items else Markup("")


def _value_markup(field: str, value: object) -> Markup:
    """A field's value as the dataset holds it: text, a list of texts, or a list of records."""
    if isinstance(value, str):
        return _text("span", value, class_=f"v {_field_classes(field)}", data_field=field)
    if attrs.has(type(value)):
        pairs = [
            _element(
                "span",
                {"class": "pair"},
                _text("span", attribute.name, class_="k"),
                _value_markup(f"{field}/{attribute.name}", getattr(value, attribute.name)),
            )
            for attribute in attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
            if getattr(value, attribute.name) is not None
        ]
        return _join(pairs)
    if isinstance(value, tuple):
        items = [
            _element("li", {}, _value_markup(f"{field}/{index}", item)) for index, item in enumerate(value)
        ]
        return _element("ol", {"start": 0}, *items)
    return _text("span", str(value), class_="v")


@functools.lru_cache(maxsize=1024)
def _field_classes(field: str) -> str:
    """The classes of :attr:`Mark.classes`, made once per field name (names repeat on every page)."""
    parts = field.split("/")
    names = [f"f-{_class_name(part)}" for part in parts if not part.isdigit()]
    if any(part.isdigit() and int(part) % 2 for part in parts):
        names.append("alt")
    return " ".join(names)


def article_card(article: Article) -> Markup:
    """One article as the dataset holds it: heading with ID and offsets, flags, then each field.

    Fields are read from the :class:`~lhasa_corpus.models.Article` class, so a
    new field shows without a change here; empty fields are left out.
    """
    rows = []
    for attribute in attrs.fields(type(article)):
        value = getattr(article, attribute.name)
        if attribute.name in _CARD_HEADING or value in (None, ()):
            continue
        rows.append(_text("dt", attribute.name, class_=f"s p {_field_classes(attribute.name)}"))
        rows.append(_element("dd", {}, _value_markup(attribute.name, value)))
    heading = _element(
        "h3",
        {},
        _text("span", f"{article.position:02d}", class_="position"),
        escape(" "),
        _text("span", article.headline or "(no headline)", class_="headline"),
    )
    where = _text(
        "p", f"{article.article_id} · characters {article.char_start}–{article.char_end}", class_="where"
    )
    return _element(
        "article",
        {"class": "card", "id": _card_id(article), "data-article": article.article_id},
        heading,
        where,
        _flag_list(article.flags),
        _element("dl", {}, *rows),
    )


def _leftover_field(kind: str | None) -> str:
    """The field name the view gives a leftover: ``furniture/<kind>``, or ``leftover`` when it has none."""
    return "leftover" if kind is None else f"furniture/{kind}"


def _leftover_classes(kind: str | None) -> str:
    return _field_classes(_leftover_field(kind))


def _leftover_card(page: Page) -> Markup:
    if not page.leftovers:
        return Markup("")
    items = [
        _element(
            "li",
            {},
            _text("code", leftover.kind or "leftover", class_=f"s p {_leftover_classes(leftover.kind)}"),
            escape(f" {leftover.start}–{leftover.end} "),
            _text("span", leftover.text, class_="v"),
        )
        for leftover in page.leftovers
    ]
    return _element(
        "section", {"class": "card leftovers"}, _text("h3", "Leftovers"), _element("ul", {}, *items)
    )


# -- the page ----------------------------------------------------------------------------------------


def _page_facts(page: Page, problems: list[str]) -> Markup:
    """The page's metadata, counts and provenance check, then its flags.

    Metadata is read off the :class:`~lhasa_corpus.models.Page` class, so a
    new attribute shows without a change here.
    """
    facts: list[tuple[str, Markup]] = []
    for attribute in attrs.fields(type(page)):
        value = getattr(page, attribute.name)
        if attribute.name in {"raw_text", "articles", "leftovers", "flags"} or value in (None, ()):
            continue
        shown = _value_markup(attribute.name, value) if isinstance(value, tuple) else escape(str(value))
        facts.append((attribute.name, shown))
    counts = (
        f"{len(page.articles)} articles, {len(page.leftovers)} leftovers "
        f"({len(page.furniture)} furniture), {len(page.raw_text)} characters"
    )
    facts.append(("counts", escape(counts)))
    if problems:
        facts.append(
            ("provenance", _element("ul", {"class": "problems"}, *(_text("li", p) for p in problems)))
        )
    else:
        facts.append(("provenance", escape("kept (every character in one field or leftover)")))
    pairs = [_element("div", {}, _text("dt", name), _element("dd", {}, shown)) for name, shown in facts]
    return _join([_element("dl", {"class": "facts"}, *pairs), _flag_list(page.flags)])


def _legend(kinds: Iterable[str]) -> Markup:
    items = []
    for kind in kinds:
        role = "d" if kind in _DERIVED_KINDS else "p"
        classes = {"credit": "f-captions f-credit", "photographer": "f-captions f-photographer"}.get(
            kind, f"f-{_class_name(kind)}"
        )
        extra = " overlap" if kind == "overlap" else ""
        items.append(
            _element(
                "li",
                {},
                _text("span", kind, class_=f"swatch {role} {classes}{extra}"),
                escape(f" {FIELD_KINDS.get(kind, 'a field of the parse')}"),
            )
        )
    return _element("ul", {"class": "legend"}, *items)


def _stylesheet(kinds: Iterable[str]) -> Markup:
    """The CSS of the view, scoped under ``.lhv`` so a notebook's own styles are left alone.

    Known kinds have fixed colours; a kind the parser adds later gets one
    from its name, so it is coloured without a change here.
    """
    rules = [_BASE_CSS]
    known = [kind for kind in _COLOURS if kind not in _SUB_KINDS]
    extra = sorted(set(kinds) - set(_COLOURS) - {"overlap"})
    for kind in [*known, *extra, *_SUB_KINDS]:
        background, line = _COLOURS.get(kind) or _colour_of(kind)
        rules.append(f".lhv .f-{_class_name(kind)}{{--bg:{background};--line:{line}}}")
    return Markup("\n".join(rules))


def _colour_of(kind: str) -> tuple[str, str]:
    """A stable colour for a kind this module does not know, from its name."""
    hue = zlib.crc32(kind.encode("utf-8")) % 360
    return f"hsl({hue} 80% 82%)", f"hsl({hue} 70% 32%)"


def _class_name(name: str) -> str:
    """*name* made safe as a CSS class or id: lower case, characters other than ``a-z0-9_-`` as ``_``.

    >>> _class_name("captions"), _class_name("</style>")
    ('captions', '__style_')
    """
    return _NOT_A_CLASS.sub("_", name.lower())


def _page_markup(page: Page, problems: list[str], *, embedded: bool) -> Markup:
    segments = page_segments(page)
    present = {segment.primary.kind for segment in segments if segment.primary is not None}
    present |= {segment.derived.kind for segment in segments if segment.derived is not None}
    legend_kinds = [*FIELD_KINDS, *sorted(present - set(FIELD_KINDS))]
    title = page.source_file or page.page_id
    return _element(
        "div",
        {"class": "lhv embedded" if embedded else "lhv", "data-page": page.page_id},
        _element("style", {}, _stylesheet(present)),
        _element(
            "header",
            {},
            _text("h2", f"{title} — {page.page_id}"),
            _page_facts(page, problems),
            _legend(legend_kinds),
        ),
        _element(
            "div",
            {"class": "columns"},
            _element(
                "section",
                {"class": "column"},
                _text("h3", "The page as printed"),
                _element(
                    "pre",
                    {"class": "raw", "lang": "zh", "data-length": len(page.raw_text)},
                    _raw_markup(page, segments),
                ),
            ),
            _element(
                "section",
                {"class": "column"},
                _text("h3", f"The articles ({len(page.articles)})"),
                *(article_card(article) for article in page.articles),
                _leftover_card(page),
            ),
        ),
    )


def page_html(page: Page) -> str:
    """*page* as an HTML fragment with its own style sheet: what a notebook shows for a page.

    The columns scroll inside the output cell. Nothing of the page reaches
    the markup unescaped.

    >>> from lhasa_corpus import parse_text
    >>> fragment = page_html(parse_text("<script>alert(1)</script>"))
    >>> "<script>" in fragment, "&lt;script&gt;alert(1)&lt;/script&gt;" in fragment
    (False, True)
    """
    return str(_page_markup(page, provenance_problems(page), embedded=True))


def page_document(page: Page) -> str:
    """*page* as a complete HTML document: one self-contained file, no script, no network."""
    return _document(
        f"{page.source_file or page.page_id} — lhasa_corpus",
        _page_markup(page, provenance_problems(page), embedded=False),
    )


def article_html(article: Article) -> str:
    """*article* as an HTML fragment: its card, as a notebook shows it.

    An article does not hold the page's raw text; evaluate its page to see
    the fields in place.
    """
    return str(
        _element(
            "div", {"class": "lhv embedded"}, _element("style", {}, _stylesheet(())), article_card(article)
        )
    )


def _document(title: str, body: Markup, *, policy: str = _CSP) -> str:
    return (
        "<!DOCTYPE html>\n"
        + _start_tag("html", {"lang": "en"})
        + '<head><meta charset="utf-8">'
        + _start_tag("meta", {"http-equiv": "Content-Security-Policy", "content": policy})
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + _text("title", title)
        + "</head><body>"
        + body
        + "</body></html>\n"
    )


# -- inspecting many pages -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PageView:
    """One inspected page: its document and the figures the index shows (made in a worker with --jobs)."""

    page_id: str
    source_file: str | None
    document: str
    report: PageReport
    leftovers: Counter[str]
    problems: int


def view_page(page: Page) -> PageView:
    """The view of one page and its quality report figures (a picklable, module-level function)."""
    problems = provenance_problems(page)
    return PageView(
        page_id=page.page_id,
        source_file=page.source_file,
        document=_document(
            f"{page.source_file or page.page_id} — lhasa_corpus", _page_markup(page, problems, embedded=False)
        ),
        report=page_report(page),
        leftovers=Counter(leftover.kind or "leftover" for leftover in page.leftovers),
        problems=len(problems),
    )


def write_inspection(views: Iterable[PageView], out: Path) -> dict[str, Any]:
    """Write one HTML file per page view into *out* and an ``index.html`` of them all.

    The index holds the validate report's figures (pages, articles, flags by
    kind, leftovers by kind) as a table and bars, a table of the pages linking
    to their files, and the first page shown beside it. Page files are named
    by page ID (``-2``, ``-3`` … for a repeated page). Returns the corpus
    summary (:func:`lhasa_corpus.quality.corpus_summary`) with the leftover
    and provenance-problem counts added.
    """
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, PageView]] = []
    names: Counter[str] = Counter()
    leftovers: Counter[str] = Counter()
    problems = 0
    for view in views:
        stem = _class_name(view.page_id)
        names[stem] += 1
        name = f"{stem}.html" if names[stem] == 1 else f"{stem}-{names[stem]}.html"
        (out / name).write_text(view.document, encoding="utf-8")
        rows.append((name, attrs.evolve(view, document="")))
        leftovers.update(view.leftovers)
        problems += view.problems
    summary = corpus_summary(view.report for _, view in rows)
    summary["leftovers"] = dict(sorted(leftovers.items()))
    summary["provenance_problems"] = problems
    (out / "index.html").write_text(_index_document(rows, summary), encoding="utf-8")
    return summary


def _index_document(rows: list[tuple[str, PageView]], summary: Mapping[str, Any]) -> str:
    flags: dict[str, int] = summary["flags"]
    leftovers: dict[str, int] = summary["leftovers"]
    figures = [
        ("pages", summary["pages"]),
        ("articles", summary["articles"]),
        ("pages with leftovers", summary["pages_with_leftovers"]),
        ("leftovers", sum(leftovers.values())),
        ("near-identical name pairs", len(summary["near_identical_names"])),
        ("provenance problems", summary["provenance_problems"]),
    ]
    figure_table = _element(
        "table",
        {"class": "figures"},
        *(_element("tr", {}, _text("th", name), _text("td", str(value))) for name, value in figures),
    )
    counts = [(f"⚑ {flag}", count) for flag, count in flags.items()]
    counts += [(f"leftover: {kind}", count) for kind, count in leftovers.items()]
    page_rows = [
        _element(
            "tr",
            {},
            _element(
                "td",
                {},
                _element("a", {"href": name, "target": "page"}, escape(view.page_id)),
                _text("small", view.source_file or ""),
            ),
            _text("td", str(view.report.articles)),
            _text(
                "td",
                str(sum(view.report.flags.values())),
                title="\n".join(f"{flag} ×{n}" for flag, n in sorted(view.report.flags.items())) or None,
            ),
            _text("td", str(sum(view.leftovers.values()))),
            _text("td", str(view.problems), class_="problems" if view.problems else None),
        )
        for name, view in rows
    ]
    head = _element(
        "tr", {}, *(_text("th", name) for name in ("page", "articles", "flags", "leftovers", "problems"))
    )
    body = _element(
        "div",
        {"class": "lhv index"},
        _element("style", {}, _stylesheet(())),
        _element(
            "header",
            {},
            _text("h1", "lhasa_corpus — inspected pages"),
            _element("div", {"class": "summary"}, figure_table, _bar_chart(counts)),
        ),
        _element(
            "div",
            {"class": "columns"},
            _element("section", {"class": "column"}, _element("table", {"class": "pages"}, head, *page_rows)),
            _element(
                "section",
                {"class": "column"},
                _element(
                    "iframe",
                    {"name": "page", "title": "the selected page", "src": rows[0][0] if rows else None},
                ),
            ),
        ),
    )
    return _document("lhasa_corpus — inspected pages", body, policy=_INDEX_CSP)


def _bar_chart(counts: list[tuple[str, int]]) -> Markup:
    """Counts as horizontal bars in inline SVG: one row each, a label, a bar, the number."""
    if not counts:
        return _text("p", "No flags and no leftovers.", class_="chart")
    top = max(count for _, count in counts) or 1
    row, label_width, bar_width = 22, 260, 240
    bars = []
    for index, (label, count) in enumerate(counts):
        y = index * row
        width = max(1, round(bar_width * count / top))
        bars.append(_text("text", label, x=0, y=y + 15, class_="label"))
        bars.append(
            _element("rect", {"x": label_width, "y": y + 4, "width": width, "height": 14, "class": "bar"})
        )
        bars.append(_text("text", str(count), x=label_width + width + 6, y=y + 15))
    height = row * len(counts)
    return _element(
        "svg",
        {
            "class": "chart",
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {label_width + bar_width + 60} {height}",
            "width": label_width + bar_width + 60,
            "height": height,
            "role": "img",
            "aria-label": "flags and leftovers by kind",
        },
        *bars,
    )


_BASE_CSS: Final = """
.lhv{font:14px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#111;background:#fff}
.lhv h2{font-size:1.2em;margin:.2em 0}
.lhv h3{font-size:1em;margin:.4em 0}
.lhv .facts{display:flex;flex-wrap:wrap;gap:0 1.4em;margin:.3em 0;font-size:.9em}
.lhv .facts div{display:flex;gap:.4em}
.lhv .facts dt{color:#6b7280}
.lhv .facts dd{margin:0}
.lhv .facts ol{margin:0;padding:0;list-style:none;display:inline}
.lhv .facts ul{margin:0;padding-left:1em}
.lhv .problems{color:#b91c1c}
.lhv .legend{display:flex;flex-wrap:wrap;gap:.2em 1.2em;list-style:none;padding:0;margin:.4em 0;
  font-size:.85em}
.lhv .legend li{color:#444}
.lhv .swatch{padding:0 .3em}
.lhv .columns{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:1em;align-items:start}
.lhv .column{max-height:94vh;overflow:auto}
.lhv.embedded .column{max-height:80vh}
.lhv .raw{position:relative;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;direction:ltr;
  font:15px/1.9 "Noto Sans Mono CJK SC","Noto Sans CJK SC","WenQuanYi Micro Hei",monospace;
  margin:0;padding:.3em .5em .3em 4.6em;border:1px solid #d1d5db;background:#fafafa}
.lhv .s{position:relative;unicode-bidi:isolate}
.lhv .p{background:var(--bg);border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.lhv .p.alt{background-image:linear-gradient(rgba(0,0,0,.14),rgba(0,0,0,.14))}
.lhv .d{outline:1px solid var(--line);outline-offset:-1px;background:rgba(255,255,255,.5);
  text-decoration:underline 2px var(--line);text-underline-offset:.25em}
.lhv .p.f-leftover{outline:1px dashed var(--line)}
.lhv .p.f-uncovered{text-decoration:underline wavy var(--line)}
.lhv .overlap{background-image:repeating-linear-gradient(45deg,transparent 0 4px,rgba(220,38,38,.55) 4px 6px)}
.lhv .raw .s:focus{outline:2px solid #111}
.lhv .raw .s:hover:not(:has(.s:hover))::after,.lhv .raw .s:focus:not(:has(.s:focus))::after{
  content:attr(data-tip);position:absolute;left:0;top:100%;z-index:3;white-space:pre;
  font:12px/1.4 system-ui,sans-serif;background:#111;color:#fff;padding:.15em .4em;border-radius:3px}
.lhv .margin{position:absolute;left:.2em;width:4em;border-top:2px solid #374151;
  color:#374151;text-decoration:none;font:bold 12px/1.6 system-ui,sans-serif}
.lhv .margin::before{content:attr(data-label)}
.lhv .margin:not(.first){border-top-style:dotted;font-weight:normal;color:#6b7280}
.lhv .margin[data-flags]{color:#b91c1c}
.lhv .card{border:1px solid #d1d5db;border-left:4px solid #374151;border-radius:4px;padding:.3em .7em;
  margin:0 0 .7em}
.lhv .card:target{box-shadow:0 0 0 3px #f59e0b}
.lhv .card .position{font-weight:bold;color:#374151}
.lhv .card .where{margin:0;color:#555;font-size:.85em}
.lhv .card dl{display:grid;grid-template-columns:max-content 1fr;gap:.25em .6em;margin:.4em 0}
.lhv .card dt{font-size:.8em;padding:0 .3em;align-self:start}
.lhv .card dd{margin:0}
.lhv .card ol{margin:0;padding-left:1.6em}
.lhv .pair{margin-right:.8em}
.lhv .pair .k{color:#6b7280;font-size:.8em;margin-right:.3em}
.lhv .flags{list-style:none;padding:0;margin:.3em 0}
.lhv .flag{color:#991b1b;font-size:.9em}
.lhv .flag code{background:#fee2e2;padding:0 .3em;border-radius:3px}
.lhv .leftovers ul{padding-left:1em}
.lhv.index .summary{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
.lhv.index table{border-collapse:collapse;font-size:.9em}
.lhv.index th,.lhv.index td{border-bottom:1px solid #e5e7eb;padding:.15em .6em;text-align:left;
  vertical-align:top}
.lhv.index .figures td{text-align:right;font-variant-numeric:tabular-nums}
.lhv.index .chart .bar{fill:#b91c1c}
.lhv.index .chart text{font:12px system-ui,sans-serif}
.lhv.index .columns{grid-template-columns:minmax(18em,1fr) minmax(0,3fr)}
.lhv.index small{display:block;color:#6b7280}
.lhv.index .columns>.column:first-child{max-height:85vh;overflow:auto}
.lhv.index iframe{width:100%;height:85vh;border:1px solid #d1d5db}
@media (max-width:900px){.lhv .columns,.lhv.index .columns{grid-template-columns:1fr}}
"""
