"""Blocks to articles: assembly only, the text rules live in :mod:`lhasa_corpus.normalize`.

The page is cut at its datelines. What follows a dateline up to the next one
is a *segment*: the article's body, then perhaps the headline blocks of a
neighbouring article. Headlines follow their body on some pages and precede
it on others; :func:`decide_placement` lets every headline group vote by the
words it shares with the bodies on either side.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import operator
import re
from collections.abc import Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.blocks import (
    Block,
    Fragment,
    column_width,
    cut_fragments,
    group_blocks,
    looks_like_headline,
    split_paragraphs,
    starts_indented_line,
)
from lhasa_corpus.bylines import Dateline, find_datelines, parse_contributors
from lhasa_corpus.captions import CaptionParts, read_caption
from lhasa_corpus.chars import HAN, IDEOGRAPHIC_SPACE, ends_sentence
from lhasa_corpus.furniture import find_continuations, find_furniture
from lhasa_corpus.lines import Squeezed, split_lines
from lhasa_corpus.models import Article, Caption, Contributor, Leftover, Page, Span
from lhasa_corpus.normalize import Rule, normalize_body, normalize_byline, normalize_headline

Placement = Literal["before", "after"]

_HAN_RUN = re.compile(f"[{HAN}]+")

#: Two names of the same length that differ in this many characters are near-identical.
NAME_DISTANCE: Final = 1
#: A caption whose best article shares less than this share of its character
#: pairs is placed by position, not by content.
MIN_CAPTION_SIMILARITY: Final = 0.05
#: Dashes that open a subheadline (——记拉萨市…).
_DASHES: Final = ("—", "－", "-")
#: Two lengths closer than this ratio make the main headline a guess.
HEADLINE_LENGTH_RATIO: Final = 1.2


@attrs.define
class _Unit:
    """A body (with its dateline, if any) or a group of headline blocks, in page order."""

    kind: Literal["body", "group"]
    blocks: list[Block]
    dateline: Dateline | None = None
    continuations: list[tuple[int, int]] = attrs.Factory(list)
    headline_group: _Unit | None = None

    @property
    def start(self) -> int:
        starts = [block.start for block in self.blocks]
        if self.dateline is not None:
            starts.append(self.dateline.start)
        return min(starts)

    @property
    def flat(self) -> str:
        return "".join(block.flat for block in self.blocks)


@attrs.frozen
class _PlacedCaption:
    block: Block
    parts: CaptionParts


def page_id_for(raw_text: str, issue_date: dt.date | None, page: int | None) -> str:
    """The stable ID of a page: its date, its number and a hash of its text.

    ``YYYYMMDD-pNN-hhhhhhhhhh``; ``nodate`` and ``p00`` stand in for an
    unknown date or page number. The hash is the first ten hex digits of the
    SHA-256 of the page text in UTF-8, so two different pages never share an
    ID and the same page always gets the same one.

    >>> page_id_for("拉萨", dt.date(2025, 9, 17), 3)
    '20250917-p03-11ee20b42e'
    """
    digest = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()[:10]
    date = issue_date.strftime("%Y%m%d") if issue_date else "nodate"
    return f"{date}-p{page or 0:02d}-{digest}"


def article_id_for(page_id: str, position: int) -> str:
    """The stable ID of an article: its page's ID and its 1-based position, on two digits.

    >>> article_id_for("20250917-p03-11ee20b42e", 5)
    '20250917-p03-11ee20b42e-05'
    """
    return f"{page_id}-{position:02d}"


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

    *page_id* defaults to :func:`page_id_for` of the text, date and page number.

    >>> page = parse_page("拉萨融媒讯（记者杨璐）为进一步畅通渠道。\\n\\n对接会举行")
    >>> [(a.source, a.headline, a.paragraphs) for a in page.articles]
    [('拉萨融媒讯', '对接会举行', ('为进一步畅通渠道。',))]
    """
    parsed = _PageParser(raw_text)
    drafts = parsed.drafts()
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
    if parsed.placement_undecided:
        flags.add("headline_placement_undecided")
    if not articles:
        flags.add("no_articles")
    return Page(
        page_id=page_id,
        paper=paper,
        issue_date=issue_date,
        page=page,
        raw_text=raw_text,
        source_file=source_file,
        source_sha256=source_sha256,
        headline_placement=parsed.placement,
        articles=articles,
        leftovers=parsed.leftovers(),
        flags=tuple(flags),
    )


class _PageParser:
    def __init__(self, raw_text: str) -> None:
        self.raw = raw_text
        self.lines = split_lines(raw_text)
        self.squeezed = Squeezed.of(raw_text)
        self.line_starts = [line.start for line in self.lines]
        self.leftover_spans: list[tuple[int, int]] = []
        self.placement: Placement | None = None
        self.placement_undecided = False

    def drafts(self) -> list[_Draft]:
        """The page's articles in page order, not yet numbered; sets the placement."""
        datelines = find_datelines(self.raw, self.squeezed)
        dateline_spans = [(d.start, d.end) for d in datelines]
        continuations = [
            span for span in find_continuations(self.squeezed) if not _overlaps_any(span, dateline_spans)
        ]
        furniture = [
            span
            for span in find_furniture(self.lines)
            if not _overlaps_any(span, dateline_spans + continuations)
        ]
        self.leftover_spans.extend(furniture)
        cuts = sorted(dateline_spans + continuations + furniture)
        fragments = cut_fragments(self.lines, cuts)
        units, captions = self._units(fragments, datelines, continuations)
        placement, self.placement_undecided = decide_placement(units)
        if any(unit.kind == "group" for unit in units):
            self.placement = placement
        self._attach_headlines(units, placement)
        bodies = [unit for unit in units if unit.kind == "body"]
        width = column_width([f for unit in bodies for block in unit.blocks for f in block.fragments])
        indent_marked = self._marks_paragraphs_by_indent(bodies)
        drafts = [self._draft(unit, width, indent_marked=indent_marked) for unit in bodies]
        self._place_captions(drafts, captions)
        return sorted(drafts, key=lambda draft: draft.start)

    # -- segments and units ---------------------------------------------------------------

    def _units(
        self,
        fragments: list[Fragment],
        datelines: list[Dateline],
        continuations: list[tuple[int, int]],
    ) -> tuple[list[_Unit], list[_PlacedCaption]]:
        """Cut the page into body units and headline groups; take out the captions."""
        bounds = [dateline.start for dateline in datelines] + [len(self.raw)]
        segments: list[tuple[Dateline | None, list[Fragment]]] = [(None, [])]
        segments += [(dateline, []) for dateline in datelines]
        segment = 0
        for fragment in fragments:
            while segment < len(datelines) and fragment.start >= bounds[segment]:
                segment += 1
            segments[segment][1].append(fragment)
        units: list[_Unit] = []
        captions: list[_PlacedCaption] = []
        for dateline, segment_fragments in segments:
            blocks = []
            for block in group_blocks(segment_fragments):
                parts = read_caption(self.raw, block.start, block.end)
                if parts is None:
                    blocks.append(block)
                else:
                    captions.append(_PlacedCaption(block, parts))
            if dateline is None:
                units.extend(self._preamble_units(blocks))
            else:
                units.extend(self._segment_units(dateline, blocks))
        for span in continuations:
            owner = _unit_containing(units, span[0])
            if owner is None:
                self.leftover_spans.append(span)
            else:
                owner.continuations.append(span)
        return units, captions

    def _segment_units(self, dateline: Dateline, blocks: list[Block]) -> list[_Unit]:
        body = _Unit("body", blocks, dateline=dateline)
        group = _take_trailing_group(blocks, keep=1)
        return [body] if group is None else [body, group]

    def _preamble_units(self, blocks: list[Block]) -> list[_Unit]:
        if not blocks:
            return []
        if all(looks_like_headline(block) for block in blocks):
            return [_Unit("group", blocks[:3])] + ([_Unit("body", blocks[3:])] if blocks[3:] else [])
        units = []
        lead: list[Block] = []
        while blocks and looks_like_headline(blocks[0]) and len(lead) < 3:
            lead.append(blocks.pop(0))
        if lead:
            units.append(_Unit("group", lead))
        trailing = _take_trailing_group(blocks, keep=1)
        units.append(_Unit("body", blocks))
        if trailing is not None:
            units.append(trailing)
        return units

    def _attach_headlines(self, units: list[_Unit], placement: Placement) -> None:
        step = -1 if placement == "after" else 1
        for index, unit in enumerate(units):
            if unit.kind != "group":
                continue
            neighbour = index + step
            if 0 <= neighbour < len(units) and units[neighbour].kind == "body":
                units[neighbour].headline_group = unit
            else:
                self.leftover_spans.extend(
                    (fragment.start, fragment.end) for block in unit.blocks for fragment in block.fragments
                )

    # -- articles --------------------------------------------------------------------------

    def _marks_paragraphs_by_indent(self, bodies: list[_Unit]) -> bool:
        """Whether the extractor kept paragraph indents on this page.

        An extractor keeps indents for a whole page or for none of it, so the
        page decides, counting the indented body lines and the lines datelines
        start (an article whose first indent was lost to a dateline glued
        behind a headline is still marked). One line indented with U+3000 is
        enough: no extractor leaves an ideographic space astray. Indents of
        ASCII spaces, which can be stray, take two lines.
        """
        lines = {
            fragment.line
            for unit in bodies
            for block in unit.blocks
            for fragment in block.fragments
            if fragment.line_indented
        }
        for unit in bodies:
            if unit.dateline is not None and starts_indented_line(self.raw, unit.dateline.start):
                lines.add(bisect.bisect_right(self.line_starts, unit.dateline.start) - 1)
        ideographic = any(
            self.lines[index].text.lstrip(" \t").startswith(IDEOGRAPHIC_SPACE) for index in lines
        )
        return ideographic or len(lines) >= 2

    def _draft(self, unit: _Unit, width: float, *, indent_marked: bool) -> _Draft:
        draft = _Draft(raw=self.raw)
        if unit.dateline is not None:
            draft.set_dateline(unit.dateline)
        elif unit.blocks:
            draft.flags.add("dateline_missing")
        if unit.headline_group is not None:
            draft.set_headlines(unit.headline_group.blocks)
        else:
            draft.flags.add("headline_missing")
        body = [fragment for block in unit.blocks for fragment in block.fragments]
        own_width = column_width(body)
        use_width = own_width if sum(1 for f in body if f.whole_line) >= 4 else width
        for paragraph in split_paragraphs(body, use_width, indent_marked=indent_marked):
            draft.add_field("paragraphs", [(f.start, f.end) for f in paragraph], normalize_body)
        for start, end in unit.continuations:
            draft.add_field("continuations", [(start, end)], normalize_byline)
        return draft

    def _place_captions(self, drafts: list[_Draft], captions: list[_PlacedCaption]) -> None:
        """Attach each caption to the article it illustrates, by content first.

        An article's score is the share of the caption text's character pairs
        (Han bigrams; the credit's words say nothing of the content) that its
        headline and body contain. The best score wins; on a tie, an article
        whose contributors include the photographer (or a near-identical name)
        wins. A caption placed elsewhere than next to the winner is flagged
        ``caption_placed_by_similarity``. When no article reaches
        :data:`MIN_CAPTION_SIMILARITY`, the caption goes to a neighbour (one
        with the photographer, if there is one) and is flagged
        ``caption_placed_by_position``.
        """
        for caption in captions:
            if not drafts:
                self.leftover_spans.append((caption.block.start, caption.block.end))
                continue
            text_span = caption.parts.text_span
            caption_text = self.raw[text_span[0] : text_span[1]] if text_span else ""
            photographers = [person.name for person in caption.parts.photographers]
            scores = [draft.similarity(caption_text) for draft in drafts]
            credited = [draft.names_any(photographers) for draft in drafts]
            best = max(range(len(drafts)), key=lambda index: (scores[index], credited[index], -index))
            neighbours = _neighbours(drafts, caption.block.start)
            if scores[best] < MIN_CAPTION_SIMILARITY:
                best = max(neighbours, key=lambda index: credited[index])
                drafts[best].flags.add("caption_placed_by_position")
            elif best not in neighbours:
                drafts[best].flags.add("caption_placed_by_similarity")
            drafts[best].add_caption(caption.parts)

    def leftovers(self) -> tuple[Leftover, ...]:
        """What no article took, merged where only white space lies between."""
        merged: list[list[int]] = []
        for start, end in sorted(self.leftover_spans):
            if merged and not self.raw[merged[-1][1] : start].strip():
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return tuple(Leftover(text=self.raw[start:end], start=start, end=end) for start, end in merged)


@attrs.define
class _Draft:
    """An article being assembled, with the spans of each field."""

    raw: str
    #: The single-valued text fields: kicker, headline, dateline, source.
    fields: dict[str, str] = attrs.Factory(dict)
    paragraphs: list[str] = attrs.Factory(list)
    captions: list[Caption] = attrs.Factory(list)
    continuations: list[str] = attrs.Factory(list)
    contributors: list[Contributor] = attrs.Factory(list)
    subheadlines: list[str] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    caption_spans: list[Span] = attrs.Factory(list)
    flags: set[str] = attrs.Factory(set)
    _han: str | None = None
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

    def set_dateline(self, dateline: Dateline) -> None:
        self.add_field("dateline", [(dateline.start, dateline.end)], normalize_byline)
        self.fields["source"] = dateline.source
        self.add_span("source", *dateline.source_span)
        if dateline.unclosed:
            self.flags.add("dateline_unclosed")
        if dateline.source_guessed:
            self.flags.add("dateline_source_guessed")
        if dateline.byline_span is not None:
            for person in parse_contributors(self.raw, *dateline.byline_span):
                field = f"contributors/{len(self.contributors)}/name"
                self.add_span(field, person.start, person.end)
                self.contributors.append(Contributor(name=person.name, role=person.role or ""))

    def set_headlines(self, blocks: list[Block]) -> None:
        """Tell the kicker, the headline and the subheadlines of a headline group apart.

        A block that opens with a dash (``——记…``) is a subheadline, as papers
        print them. Of the others, the longest is the headline: in extracted
        text the type size is gone, and the headline is the block that says the
        most. Blocks before it are the kicker, blocks after it subheadlines.
        The roles are flagged as guessed when the two longest candidates are
        of about the same length.
        """
        candidates = [index for index, block in enumerate(blocks) if not block.flat.startswith(_DASHES)]
        candidates = candidates or list(range(len(blocks)))
        lengths = {index: len(blocks[index].flat) for index in candidates}
        main = max(candidates, key=lambda index: (lengths[index], -index))
        if len(candidates) > 1:
            ordered = sorted(lengths.values(), reverse=True)
            if ordered[0] < ordered[1] * HEADLINE_LENGTH_RATIO:
                self.flags.add("headline_roles_guessed")
        if main > 0:
            self.add_field("kicker", _spans(blocks[:main]), normalize_headline)
        self.add_field("headline", _spans(blocks[main : main + 1]), normalize_headline)
        for block in blocks[main + 1 :]:
            self.add_field("subheadlines", _spans([block]), normalize_headline)

    def add_caption(self, parts: CaptionParts) -> None:
        field = f"captions/{len(self.captions)}"
        text = credit = photographer = None
        if parts.text_span is not None:
            self.caption_spans.append(
                Span(field=f"{field}/text", start=parts.text_span[0], end=parts.text_span[1])
            )
            text = normalize_body(self.raw[slice(*parts.text_span)])
        if parts.credit_span is not None:
            self.caption_spans.append(
                Span(field=f"{field}/credit", start=parts.credit_span[0], end=parts.credit_span[1])
            )
            credit = normalize_byline(self.raw[slice(*parts.credit_span)])
        if parts.photographers:
            first = parts.photographers[0]
            photographer = first.name
            self.caption_spans.append(Span(field=f"{field}/photographer", start=first.start, end=first.end))
            names = [person.name for person in self.contributors]
            if any(near_identical(photographer, name) for name in names):
                self.flags.add("near_identical_names")
        self.captions.append(Caption(text=text or "", credit=credit, photographer=photographer))

    def similarity(self, caption_text: str) -> float:
        """The share of the caption's Han bigrams that the headline and body contain."""
        if self._han is None:
            self._han = _han_only("".join([self.fields.get("headline", ""), *self.paragraphs]))
        wanted = _bigrams(caption_text)
        return _shared(wanted, self._han) / len(wanted) if wanted else 0.0

    def names_any(self, names: list[str]) -> bool:
        """Whether one of *names* is, or nearly is, one of the article's contributors."""
        own = [person.name for person in self.contributors]
        return any(name == other or near_identical(name, other) for name in names for other in own)

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
        names = [person.name for person in self.contributors]
        if any(near_identical(first, second) for first, second in itertools.combinations(names, 2)):
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


def decide_placement(units: list[_Unit]) -> tuple[Placement, bool]:
    """Decide whether headlines precede or follow their bodies on a page.

    Every headline group votes. A group with a body on one side only votes
    for that side (a headline above the first dateline precedes its body; one
    below the last body follows it). A group between two bodies votes for
    the body whose headline and text share more of its character pairs. The
    majority wins. A tie (no group found any evidence, say) is undecided and
    falls back to "before", the usual reading order.

    Returns the placement and whether it was undecided.
    """
    votes = {"before": 0, "after": 0}
    groups = 0

    for index, unit in enumerate(units):
        if unit.kind != "group":
            continue
        groups += 1
        previous = units[index - 1] if index > 0 and units[index - 1].kind == "body" else None
        following = units[index + 1] if index + 1 < len(units) and units[index + 1].kind == "body" else None
        if previous is None and following is None:
            continue
        if previous is None:
            votes["before"] += 1
        elif following is None:
            votes["after"] += 1
        else:
            wanted = _bigrams(unit.flat)
            to_previous = _shared(wanted, _han_only(previous.flat))
            to_following = _shared(wanted, _han_only(following.flat))
            if to_previous != to_following:
                votes["after" if to_previous > to_following else "before"] += 1
    if votes["before"] == votes["after"]:
        return "before", groups > 0
    return ("after" if votes["after"] > votes["before"] else "before"), False


def _take_trailing_group(blocks: list[Block], *, keep: int) -> _Unit | None:
    """Pop the headline blocks that end a segment, if the body before them is complete.

    A body line cut by a column break (``拉萨纳木措景区保护开发有限``) is short
    and has no end punctuation, like a headline; it is never taken, because
    the blocks after it go on with the sentence, and because the block before
    a headline must end a sentence.
    """
    count = 0
    while count < 3 and len(blocks) - count > keep and looks_like_headline(blocks[len(blocks) - count - 1]):
        count += 1
    if count == 0 or not ends_sentence(blocks[len(blocks) - count - 1].flat):
        return None
    group = blocks[len(blocks) - count :]
    del blocks[len(blocks) - count :]
    return _Unit("group", group)


def _unit_containing(units: list[_Unit], offset: int) -> _Unit | None:
    owner = None
    for unit in units:
        if unit.kind == "body" and unit.blocks and unit.start <= offset:
            owner = unit
    return owner


def _neighbours(drafts: list[_Draft], offset: int) -> list[int]:
    """The articles that end right before and start right after a raw offset."""
    before = [index for index, draft in enumerate(drafts) if draft.end <= offset]
    after = [index for index, draft in enumerate(drafts) if draft.start >= offset]
    inside = [index for index, draft in enumerate(drafts) if draft.start < offset < draft.end]
    found = inside[:1]
    if before:
        found.append(max(before, key=lambda index: drafts[index].end))
    if after:
        found.append(min(after, key=lambda index: drafts[index].start))
    return found or [0]


def _spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    return [(fragment.start, fragment.end) for block in blocks for fragment in block.fragments]


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


def _overlaps_any(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _han_only(text: str) -> str:
    """The Han characters of *text*, in order, other characters skipped."""
    return "".join(_HAN_RUN.findall(text))


def _bigrams(text: str) -> set[str]:
    """The pairs of consecutive Han characters in *text*, other characters skipped."""
    han = _han_only(text)
    return set(map(operator.add, han, han[1:]))


def _shared(pairs: set[str], han: str) -> int:
    """How many of *pairs* the Han-only text *han* holds.

    The same as ``len(pairs & _bigrams(text))`` for ``han = _han_only(text)``,
    without building the long text's pairs: a pair is one of them exactly
    when it is a substring of *han*.
    """
    return sum(1 for pair in pairs if pair in han)


def near_identical(first: str, second: str) -> bool:
    """Same length, different in exactly :data:`NAME_DISTANCE` characters (李从芳 / 李丛芳)."""
    if len(first) != len(second) or first == second or len(first) < 2:
        return False
    return sum(1 for a, b in zip(first, second, strict=True) if a != b) <= NAME_DISTANCE
