"""Pages to articles: assembly only.

The rules live in the modules of their phenomena: :mod:`~lhasa_corpus.segments`
cuts a page into units and groups them into articles, :mod:`~lhasa_corpus.headlines`
tells the parts of a headline group apart, :mod:`~lhasa_corpus.bylines` reads
datelines and bylines, :mod:`~lhasa_corpus.blocks` finds paragraph ends,
:mod:`~lhasa_corpus.captions` reads and places captions,
:mod:`~lhasa_corpus.furniture` finds page furniture, and
:mod:`~lhasa_corpus.normalize` cleans the text of each field. This module
puts their results together into a :class:`~lhasa_corpus.models.Page` and
records where every field stands in the raw text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from lhasa_corpus.blocks import (
    column_width,
    marks_paragraphs_by_indent,
    split_paragraphs,
    starts_indented_line,
)
from lhasa_corpus.bylines import Byline, Dateline, near_identical_pairs, read_people
from lhasa_corpus.captions import ArticleText, CaptionParts, place_captions
from lhasa_corpus.chars import LINE_BREAKS, squeeze
from lhasa_corpus.furniture import Furniture, read_editors
from lhasa_corpus.headlines import headline_roles, letter_spaced
from lhasa_corpus.ids import article_id_for, page_id_for
from lhasa_corpus.lines import Squeezed, split_lines
from lhasa_corpus.models import Article, Caption, Contributor, Leftover, Page, Span
from lhasa_corpus.normalize import Rule, normalize_body, normalize_byline, normalize_headline
from lhasa_corpus.segments import OWN_WIDTH_LINES, Segment, Unit, page_units, segment
from lhasa_corpus.similarity import han_only


def parse_page(
    raw_text: str,
    *,
    paper: str | None = None,
    issue_date: dt.date | None = None,
    page: int | None = None,
    source_file: str | None = None,
    source_sha256: str | None = None,
    page_flags: Sequence[str] = (),
    page_id: str | None = None,
) -> Page:
    """Parse the raw text of one page into a :class:`~lhasa_corpus.models.Page`.

    *page_id* defaults to :func:`~lhasa_corpus.ids.page_id_for` of the text, date and page number.

    >>> page = parse_page("拉萨融媒讯（记者杨璐）为进一步畅通渠道。\\n\\n对接会举行")
    >>> [(a.source, a.headline, a.paragraphs) for a in page.articles]
    [('拉萨融媒', '对接会举行', ('为进一步畅通渠道。',))]
    >>> page = parse_page("秋收正当时\\n\\n本报记者 张三\\n\\n金秋时节，青稞丰收。")
    >>> [(a.headline, a.byline, a.contributors[0].organisation) for a in page.articles]
    [('秋收正当时', '本报记者 张三', '本报')]
    """
    lines = split_lines(raw_text)
    layout = page_units(raw_text, lines, Squeezed.of(raw_text))
    found = segment(layout.units, layout.width)
    indented = [
        fragment.line
        for unit in layout.units
        if unit.kind == "body" and unit.block is not None
        for fragment in unit.block.fragments
        if fragment.line_indented
    ]
    indented += [
        number
        for unit, number in zip(
            (unit for unit in layout.units if unit.kind == "dateline"), layout.dateline_lines, strict=True
        )
        if starts_indented_line(raw_text, unit.start)
    ]
    indent_marked = marks_paragraphs_by_indent(lines, indented)
    drafts = [_draft(raw_text, item, layout.width, indent_marked) for item in found.segments]
    drafts.sort(key=lambda draft: draft.start)
    stray_captions = _place_captions(drafts, found.captions)
    page_id = page_id or page_id_for(raw_text, issue_date, page)
    articles = tuple(
        draft.build(
            article_id=article_id_for(page_id, position),
            page_id=page_id,
            paper=paper,
            issue_date=issue_date,
            page=page,
            position=position,
        )
        for position, draft in enumerate(drafts, start=1)
    )
    flags = set(page_flags)
    if found.placement_undecided:
        flags.add("headline_placement_undecided")
    if not articles:
        flags.add("no_articles")
    unplaced: list[tuple[int, int, str | None]] = [
        (u.start, u.end, None) for u in [*found.orphans, *stray_captions]
    ]
    furniture: list[tuple[int, int, str | None]] = [(p.start, p.end, p.kind) for p in layout.furniture]
    leftovers = _leftovers(raw_text, furniture + unplaced)
    return Page(
        page_id=page_id,
        paper=paper,
        issue_date=issue_date,
        page=page,
        raw_text=raw_text,
        source_file=source_file,
        source_sha256=source_sha256,
        headline_placement=found.placement,
        articles=articles,
        leftovers=leftovers,
        flags=tuple(flags),
        sections=_sections(raw_text, layout.furniture),
        editors=_editors(raw_text, layout.furniture),
    )


def _draft(raw: str, item: Segment, page_width: float, indent_marked: bool) -> _Draft:
    """Assemble one article's fields from its units."""
    draft = _Draft(raw=raw, flags=set(item.flags))
    if item.group:
        draft.set_headlines(item.group)
    else:
        draft.flags.add("headline_missing")
    if item.dateline is not None and item.dateline.dateline is not None:
        draft.set_dateline(item.dateline.dateline)
    else:
        draft.flags.add("dateline_missing")
    if item.bylines:
        draft.set_bylines(item.bylines)
    body_fragments = [
        f for unit in item.body if unit.kind == "body" and unit.block for f in unit.block.fragments
    ]
    own = sum(1 for fragment in body_fragments if fragment.whole_line) >= OWN_WIDTH_LINES
    width = column_width(body_fragments) if own else page_width
    for run in _runs(item.body):
        if run[0].kind != "body":  # a crosshead: a paragraph of its own
            draft.add_field("paragraphs", _unit_spans(run), normalize_body)
            continue
        fragments = [fragment for unit in run if unit.block for fragment in unit.block.fragments]
        for paragraph in split_paragraphs(fragments, width, indent_marked=indent_marked):
            draft.add_field("paragraphs", [(f.start, f.end) for f in paragraph], normalize_body)
    for mark in item.marks:
        draft.add_field("continuations", [(mark.start, mark.end)], normalize_byline)
    return draft


def _runs(units: Sequence[Unit]) -> list[list[Unit]]:
    """Body units in runs of body text, each crosshead a run of its own."""
    runs: list[list[Unit]] = []
    for unit in units:
        if unit.kind == "body" and runs and runs[-1][0].kind == "body":
            runs[-1].append(unit)
        else:
            runs.append([unit])
    return runs


def _unit_spans(units: Iterable[Unit]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for unit in units if unit.block is not None for f in unit.block.fragments]


def _place_captions(drafts: list[_Draft], captions: Sequence[Unit]) -> list[Unit]:
    """Give each caption to its article; the captions of a page without articles are returned."""
    texts = [
        ArticleText(
            han=draft.han(), names=tuple(p.name for p in draft.contributors), start=draft.start, end=draft.end
        )
        for draft in drafts
    ]
    requests = []
    for unit in captions:
        parts = unit.caption
        assert parts is not None
        text = raw_slice(drafts[0].raw, parts.text_span) if drafts and parts.text_span else ""
        requests.append((unit.start, text, tuple(person.name for person in parts.photographers)))
    stray = []
    for unit, placement in zip(captions, place_captions(texts, requests), strict=True):
        if placement is None or unit.caption is None:
            stray.append(unit)
            continue
        draft = drafts[placement.article]
        if placement.flag is not None:
            draft.flags.add(placement.flag)
        if unit.glued:
            draft.flags.add("caption_glued")
        draft.add_caption(unit.caption)
    return stray


def raw_slice(raw: str, span: tuple[int, int]) -> str:
    """``raw[start:end]`` for a span."""
    return raw[span[0] : span[1]]


def _leftovers(raw: str, spans: Iterable[tuple[int, int, str | None]]) -> tuple[Leftover, ...]:
    """What no article took, in page order.

    Unplaced text is merged where only white space lies between; furniture
    keeps one leftover per printed line and kind (the paper's name and the
    date line under it are two).
    """
    merged: list[tuple[int, int, str | None]] = []
    for start, end, kind in sorted(spans, key=lambda item: (item[0], item[1])):
        between = raw[merged[-1][1] : start] if merged else ""
        joins = not between.strip() and (kind is None or not any(char in LINE_BREAKS for char in between))
        if merged and merged[-1][2] == kind and joins:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end), kind)
        else:
            merged.append((start, end, kind))
    return tuple(
        Leftover(text=raw[start:end], start=start, end=end, kind=kind) for start, end, kind in merged
    )


def _sections(raw: str, furniture: Sequence[Furniture]) -> tuple[str, ...]:
    """The section labels of a page, white space taken out (``文 化 · 旅 游`` is ``文化·旅游``)."""
    return tuple(squeeze(raw[p.start : p.end]) for p in furniture if p.kind == "section")


def _editors(raw: str, furniture: Sequence[Furniture]) -> tuple[Contributor, ...]:
    return tuple(
        person
        for piece in furniture
        if piece.kind == "editors"
        for person in read_editors(raw[piece.start : piece.end])
    )


@attrs.define
class _Draft:
    """An article being assembled, with the spans of each field."""

    raw: str
    #: The single-valued text fields: kicker, headline, dateline, source, byline.
    fields: dict[str, str] = attrs.Factory(dict)
    paragraphs: list[str] = attrs.Factory(list)
    captions: list[Caption] = attrs.Factory(list)
    continuations: list[str] = attrs.Factory(list)
    contributors: list[Contributor] = attrs.Factory(list)
    subheadlines: list[str] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    caption_spans: list[Span] = attrs.Factory(list)
    flags: set[str] = attrs.Factory(set)
    photographers: list[str] = attrs.Factory(list)
    #: The smallest start and the largest end of :attr:`spans`, kept as spans are added.
    _bounds: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        """Where the article's own text starts; captions printed elsewhere do not count."""
        return self._bounds[0] if self._bounds else 0

    @property
    def end(self) -> int:
        """Where the article's own text ends; captions printed elsewhere do not count."""
        return self._bounds[1] if self._bounds else 0

    def han(self) -> str:
        """The Han characters of the headline and the body, for comparing captions with."""
        return han_only("".join([self.fields.get("headline", ""), *self.paragraphs]))

    def add_span(self, field: str, start: int, end: int) -> None:
        """Record that part of *field* stands at ``raw[start:end]``."""
        self.spans.append(Span(field=field, start=start, end=end))
        if self._bounds is None:
            self._bounds = (start, end)
        else:
            self._bounds = (min(self._bounds[0], start), max(self._bounds[1], end))

    def add_field(self, name: str, spans: Sequence[tuple[int, int]], rule: Rule) -> None:
        """Clean the raw text of *spans* with *rule* and store it, with its spans, as field *name*.

        The list fields (paragraphs, subheadlines, continuations) get the
        next index: ``paragraphs/3``. Spans with only white space between
        them are stored as one (:func:`_stretches`).
        """
        clean = rule("\n".join(self.raw[start:end] for start, end in spans))
        listed = {
            "paragraphs": self.paragraphs,
            "subheadlines": self.subheadlines,
            "continuations": self.continuations,
        }
        field = f"{name}/{len(listed[name])}" if name in listed else name
        for start, end in _stretches(self.raw, spans):
            self.add_span(field, start, end)
        if name in listed:
            listed[name].append(clean)
        else:
            self.fields[name] = clean

    def add_people(self, people: Iterable[tuple[str, str | None, str | None, int, int]]) -> None:
        for name, role, organisation, start, end in people:
            self.add_span(f"contributors/{len(self.contributors)}/name", start, end)
            self.contributors.append(Contributor(name=name, role=role or "", organisation=organisation))

    def set_dateline(self, dateline: Dateline) -> None:
        self.add_field("dateline", [(dateline.start, dateline.end)], normalize_byline)
        self.fields["source"] = dateline.source
        self.add_span("source", *dateline.source_span)
        if dateline.unclosed:
            self.flags.add("dateline_unclosed")
        if dateline.source_guessed:
            self.flags.add("dateline_source_guessed")
        if dateline.byline_span is not None:
            self._take_people(read_people(self.raw, *dateline.byline_span))

    def set_bylines(self, units: Sequence[Unit]) -> None:
        """Store the bylines printed apart from the dateline as one field, and the people they name."""
        self.add_field("byline", [(unit.start, unit.end) for unit in units], normalize_byline)
        for unit in units:
            if unit.byline is not None:
                self._take_people(unit.byline)

    def _take_people(self, byline: Byline) -> None:
        if byline.guessed:
            self.flags.add("names_guessed")
        self.add_people((p.name, p.role, p.organisation, p.start, p.end) for p in byline.people)

    def set_headlines(self, group: Sequence[Unit]) -> None:
        """Store a headline group's parts (:func:`~lhasa_corpus.headlines.headline_roles`)."""
        raw = [self.raw[unit.start : unit.end] for unit in group]
        roles = headline_roles([unit.squeezed for unit in group], [letter_spaced(text) for text in raw])
        if roles.guessed:
            self.flags.add("headline_roles_guessed")
        if any(unit.glued for unit in group):
            self.flags.add("headline_glued")
        if roles.kicker:
            self.add_field("kicker", _unit_spans(group[index] for index in roles.kicker), normalize_headline)
        self.add_field("headline", _unit_spans([group[roles.headline]]), normalize_headline)
        for index in roles.subheadlines:
            self.add_field("subheadlines", _unit_spans([group[index]]), normalize_headline)

    def add_caption(self, parts: CaptionParts) -> None:
        field = f"captions/{len(self.captions)}"
        text = credit = photographer = None
        if parts.text_span is not None:
            self.caption_spans.append(
                Span(field=f"{field}/text", start=parts.text_span[0], end=parts.text_span[1])
            )
            text = normalize_body(raw_slice(self.raw, parts.text_span))
        if parts.credit_span is not None:
            self.caption_spans.append(
                Span(field=f"{field}/credit", start=parts.credit_span[0], end=parts.credit_span[1])
            )
            credit = normalize_byline(raw_slice(self.raw, parts.credit_span))
        if parts.photographers:
            first = parts.photographers[0]
            photographer = first.name
            self.caption_spans.append(Span(field=f"{field}/photographer", start=first.start, end=first.end))
            self.photographers.append(photographer)
        self.captions.append(Caption(text=text or "", credit=credit, photographer=photographer))

    def build(
        self,
        *,
        article_id: str,
        page_id: str,
        paper: str | None,
        issue_date: dt.date | None,
        page: int | None,
        position: int,
    ) -> Article:
        names = [person.name for person in self.contributors] + self.photographers
        if near_identical_pairs(names):
            self.flags.add("near_identical_names")
        return Article(
            article_id=article_id,
            page_id=page_id,
            paper=paper,
            issue_date=issue_date,
            page=page,
            position=position,
            kicker=self.fields.get("kicker"),
            headline=self.fields.get("headline"),
            subheadlines=tuple(self.subheadlines),
            source=self.fields.get("source"),
            dateline=self.fields.get("dateline"),
            byline=self.fields.get("byline"),
            contributors=tuple(self.contributors),
            paragraphs=tuple(self.paragraphs),
            captions=tuple(self.captions),
            continuations=tuple(self.continuations),
            char_start=self.start,
            char_end=self.end,
            flags=tuple(self.flags),
            spans=tuple(
                sorted(self.spans + self.caption_spans, key=lambda span: (span.start, span.end, span.field))
            ),
        )


def _stretches(raw: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """*spans* (in page order) with those that only white space separates made one.

    A paragraph the column wrapped is one stretch of raw text; a paragraph
    that a column break, another article's headline or page furniture cuts is
    one span per piece.

    >>> _stretches("一二\\n三四|五", [(0, 2), (3, 5), (6, 7)])
    [(0, 5), (6, 7)]
    """
    stretches: list[tuple[int, int]] = []
    for start, end in spans:
        if stretches and stretches[-1][1] <= start and not raw[stretches[-1][1] : start].strip():
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches
