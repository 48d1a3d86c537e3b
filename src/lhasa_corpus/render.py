"""Lay known articles out as raw page text, the way a PDF extractor emits a page.

The renderer is the parser's mirror image. It takes articles whose every
field is known (:class:`ArticleSpec`) and a :class:`Layout` -- column width,
headline placement, paragraph marks, stray spaces, column breaks, glued
datelines, captions away from their article, CRLF -- and writes the page a
PDF extractor would have produced. The result (:class:`RenderedPage`) keeps
the articles, so what a parse of the page must give back is known:
:meth:`RenderedPage.expected` and :meth:`ArticleFields.of` put both sides in
one shape for comparison. Docs, benchmarks and users' own tests use it.

Every text field of a spec is in its clean form (what the parser's text
rules make of it), so the clean form is what a parse must return. Lines are
broken the way Chinese typesetting breaks them (closing punctuation never
starts a line, opening punctuation never ends one: the punctuation hangs
into the margin instead), never inside a run of Latin letters or digits, and
never at a space whose loss would change the text.

Some layouts hide a paragraph end by nature: a paragraph whose last line
fills the column, followed by a first line that fills it too, with no indent
to mark it. The renderer says so in :attr:`RenderedPage.ambiguities` rather
than pretend any parser could see it.

>>> from lhasa_corpus.models import Contributor
>>> article = ArticleSpec(
...     contributors=(Contributor(name="杨璐", role="记者"),),
...     headline="银保企对接会举行",
...     paragraphs=("为进一步畅通金融机构与企业间沟通合作渠道，银保企对接会举行。",),
... )
>>> page = render_page([article], Layout(width=12, placement="after"))
>>> print(page.text)
拉萨融媒讯（记者杨璐）为
进一步畅通金融机构与企业
间沟通合作渠道，银保企对
接会举行。
<BLANKLINE>
银保企对接会举行
<BLANKLINE>
"""

from __future__ import annotations

import codecs
import itertools
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.chars import (
    IDEOGRAPHIC_SPACE,
    ends_clause,
    ends_sentence,
    is_han,
    is_latin_or_digit,
    is_wide,
    line_fill,
)
from lhasa_corpus.headlines import MAX_HEADLINE
from lhasa_corpus.models import Article, Caption, Contributor
from lhasa_corpus.normalize import normalize_body, normalize_headline

__all__ = [
    "BYLINE_ROLES",
    "Ambiguity",
    "ArticleFields",
    "ArticleSpec",
    "CaptionSpec",
    "Layout",
    "RenderedPage",
    "encode_pages",
    "render_page",
]

#: The roles a byline can print before names, as :class:`~lhasa_corpus.models.Contributor` holds them.
BYLINE_ROLES: Final = ("记者", "实习生", "见习记者", "通讯员", "特约记者", "摄影")
#: Punctuation that never starts a line (避头): it hangs at the end of the line before.
NO_LINE_START: Final = "。，、；：？！…）》」』】〉”’,.;:!?)%"
#: Punctuation that never ends a line (避尾): the next character comes up with it.
NO_LINE_END: Final = "（《「『【〈“‘("
#: Encodings :func:`encode_pages` writes, as Python codec names.
ENCODINGS: Final = ("utf-8", "utf-8-sig", "gb18030")

Style = Literal["rongmei", "benbao", "wire"]
Placement = Literal["before", "after"]
FirstLine = Literal["full", "dropped", "indent"]
CaptionPosition = Literal["with_article", "page_start", "page_end"]


# -- specs -------------------------------------------------------------------------------------


def _clean_body(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    _check_body(attribute.name, value)


def _check_body(name: str, value: str) -> None:
    if not value or normalize_body(value) != value:
        raise ValueError(f"'{name}' must be non-empty clean body text (got {value!r})")


def _clean_headline(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        _check_headline(attribute.name, value)


def _check_headline(name: str, value: str) -> None:
    """A headline is known by its shape alone: clean, short, two Han or more, no end punctuation."""
    shaped = (
        normalize_headline(value) == value
        and len(value) <= MAX_HEADLINE
        and sum(1 for char in value if is_han(char)) >= 2
        and not ends_sentence(value)
        and not ends_clause(value)
    )
    if not shaped:
        raise ValueError(
            f"'{name}' must be clean headline text of at most {MAX_HEADLINE} characters, "
            f"two Han or more, without end punctuation (got {value!r})"
        )


def _name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    _check_name(attribute.name, value)


def _check_name(name: str, value: str) -> None:
    if not value or any(char.isspace() or not is_wide(char) for char in value):
        raise ValueError(f"'{name}' must be a name of wide characters (got {value!r})")


@attrs.frozen(kw_only=True)
class CaptionSpec:
    """A photo caption: its text and the photographer its credit names.

    >>> CaptionSpec(text="图为选手同台竞技。", photographer="李丛芳").credit
    '拉萨融媒记者 李丛芳摄'
    >>> spec = CaptionSpec(text="图为选手同台竞技。", photographer="张三",
    ...     organisation="本报", bracketed=True)
    >>> spec.credit
    '（本报记者 张三 摄）'
    """

    text: str = attrs.field(validator=_clean_body)
    photographer: str = attrs.field(validator=_name)
    organisation: str = "拉萨融媒"
    bracketed: bool = False

    @property
    def credit(self) -> str:
        """The credit line as printed after the caption text."""
        if self.bracketed:
            return f"（{self.organisation}记者 {self.photographer} 摄）"
        return f"{self.organisation}记者 {self.photographer}摄"

    @property
    def line(self) -> str:
        """Caption text and credit on one line, as printed under the photo."""
        return f"{self.text} {self.credit}"

    def expected(self) -> Caption:
        """The caption a parse must find."""
        return Caption(text=self.text, credit=self.credit, photographer=self.photographer)


def _contributors(value: Iterable[Contributor]) -> tuple[Contributor, ...]:
    return tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _captions(value: Iterable[CaptionSpec]) -> tuple[CaptionSpec, ...]:
    return tuple(value)


def _check_contributors(
    instance: object, attribute: attrs.Attribute[tuple[Contributor, ...]], value: tuple[Contributor, ...]
) -> None:
    if not value:
        raise ValueError("'contributors' must name at least one person (got 0)")
    for person in value:
        if person.role not in BYLINE_ROLES:
            raise ValueError(f"'contributors' roles must be one of {BYLINE_ROLES} (got {person.role!r})")
        _check_name(attribute.name, person.name)


def _check_paragraphs(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ValueError("'paragraphs' must hold at least one paragraph (got 0)")
    for paragraph in value:
        _check_body(attribute.name, paragraph)


def _check_headlines(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for headline in value:
        _check_headline(attribute.name, headline)


@attrs.frozen(kw_only=True)
class ArticleSpec:
    """An article whose every field is known, ready to be laid out.

    *style* chooses the dateline form:

    - ``rongmei``: ``拉萨融媒讯（记者A、B 实习生C）`` (*place* 融媒讯, roles glued to names);
    - ``benbao``: ``本报讯（记者 张三 通讯员 李四）``;
    - ``wire``: ``新华社拉萨9月16日电 (记者 张三)``, half-width brackets, *date* (month, day).

    >>> spec = ArticleSpec(
    ...     style="benbao",
    ...     contributors=(Contributor(name="张三", role="记者"), Contributor(name="李四", role="通讯员")),
    ...     paragraphs=("会议召开。",),
    ... )
    >>> spec.dateline, spec.source
    ('本报讯（记者 张三 通讯员 李四）', '本报')
    """

    style: Style = attrs.field(
        default="rongmei", validator=attrs.validators.in_(("rongmei", "benbao", "wire"))
    )
    place: str = attrs.field(default="拉萨", validator=_name)
    date: tuple[int, int] = (9, 16)
    contributors: tuple[Contributor, ...] = attrs.field(
        converter=_contributors, validator=_check_contributors
    )
    kicker: str | None = attrs.field(default=None, validator=_clean_headline)
    headline: str | None = attrs.field(default=None, validator=_clean_headline)
    subheadlines: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_check_headlines)
    paragraphs: tuple[str, ...] = attrs.field(converter=_texts, validator=_check_paragraphs)
    captions: tuple[CaptionSpec, ...] = attrs.field(default=(), converter=_captions)
    #: A continuation mark printed on its own line after the body, such as ``（下转第3版）``.
    continuation: str | None = None

    @property
    def source(self) -> str:
        """The source a parse must read out of the dateline."""
        return {"rongmei": f"{self.place}融媒", "benbao": "本报", "wire": "新华社"}[self.style]

    @property
    def byline(self) -> str:
        """The names in the dateline's brackets: each role once before its run of names.

        >>> ArticleSpec(contributors=(Contributor(name="次仁卓玛", role="记者"),
        ...     Contributor(name="次央卓", role="记者"), Contributor(name="达瓦央宗", role="实习生")),
        ...     paragraphs=("会议召开。",)).byline
        '记者次仁卓玛、次央卓 实习生达瓦央宗'
        """
        glue = "" if self.style == "rongmei" else " "
        return " ".join(
            role + glue + "、".join(person.name for person in people)
            for role, people in itertools.groupby(self.contributors, key=lambda person: person.role)
        )

    @property
    def dateline(self) -> str:
        """The dateline as printed, in its clean form."""
        if self.style == "rongmei":
            return f"{self.source}讯（{self.byline}）"
        if self.style == "benbao":
            return f"本报讯（{self.byline}）"
        month, day = self.date
        return f"新华社{self.place}{month}月{day}日电 ({self.byline})"

    @property
    def headline_blocks(self) -> tuple[str, ...]:
        """Kicker, headline and subheadlines in print order."""
        blocks = [self.kicker, self.headline, *self.subheadlines]
        return tuple(block for block in blocks if block is not None)

    def expected(self) -> ArticleFields:
        """The fields a parse of this article must give back."""
        return ArticleFields(
            source=self.source,
            dateline=self.dateline,
            contributors=self.contributors,
            kicker=self.kicker,
            headline=self.headline,
            subheadlines=self.subheadlines,
            paragraphs=self.paragraphs,
            captions=tuple(caption.expected() for caption in self.captions),
            continuations=() if self.continuation is None else (self.continuation,),
        )


@attrs.frozen(kw_only=True)
class ArticleFields:
    """The fields of an article that a round trip compares, in one shape for both sides."""

    source: str | None
    dateline: str | None
    contributors: tuple[Contributor, ...]
    kicker: str | None
    headline: str | None
    subheadlines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    continuations: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> ArticleFields:
        """The compared fields of a parsed article."""
        return cls(
            source=article.source,
            dateline=article.dateline,
            contributors=article.contributors,
            kicker=article.kicker,
            headline=article.headline,
            subheadlines=article.subheadlines,
            paragraphs=article.paragraphs,
            captions=article.captions,
            continuations=article.continuations,
        )

    @property
    def body(self) -> str:
        """The paragraphs run together: the body with paragraph boundaries forgotten."""
        return "".join(self.paragraphs)


@attrs.frozen(kw_only=True)
class Layout:
    """How a page is laid out. Choices left to chance draw from ``random.Random(seed)``.

    - *width*: the column width in ems, 12 to 24 (a Han character is one em,
      a Latin letter or digit half an em);
    - *placement*: headlines ``before`` or ``after`` their body;
    - *first_line*: a paragraph's first line fills the column (``full``), is
      two ems shorter (``dropped``: the extractor dropped the indent), or starts
      with two U+3000 (``indent``);
    - *paragraph_gap*: a blank line after each paragraph;
    - *letter_spaced_headlines*: a space between the characters of a headline
      without a phrase space (``堆 龙 德 庆 区``); *wrap_headlines*: headlines
      wrapped over two lines;
    - *justified_spaces*: stray spaces between wide characters of some body
      lines, and one before some datelines; *digit_spaces*: stray spaces
      between Han and digits or Latin letters (``涵盖 238家``, ``CCTV- 1``);
    - *column_breaks*: blank lines inside paragraphs where a column ended;
    - *glue_datelines*: a dateline on the same line as the headline before it;
    - *caption_position*: captions right by their article, or at the start or end of the page;
    - *newline*: ``"\\n"`` or ``"\\r\\n"``.
    """

    width: int = attrs.field(default=16, validator=[attrs.validators.ge(12), attrs.validators.le(24)])
    placement: Placement = attrs.field(default="after", validator=attrs.validators.in_(("before", "after")))
    first_line: FirstLine = attrs.field(
        default="full", validator=attrs.validators.in_(("full", "dropped", "indent"))
    )
    paragraph_gap: bool = True
    letter_spaced_headlines: bool = False
    wrap_headlines: bool = False
    justified_spaces: bool = False
    digit_spaces: bool = False
    column_breaks: bool = False
    glue_datelines: bool = False
    caption_position: CaptionPosition = attrs.field(
        default="with_article", validator=attrs.validators.in_(("with_article", "page_start", "page_end"))
    )
    newline: str = attrs.field(default="\n", validator=attrs.validators.in_(("\n", "\r\n")))
    seed: int = 0


@attrs.frozen(kw_only=True)
class Ambiguity:
    """A place where the rendered page hides part of its structure by nature.

    *reason* is one of:

    - ``edge``: paragraph *paragraph* ends where the column does and the next
      one starts with no indent, so it reads like a column break -- or, with
      no blank line between them, the next one's first line ends a sentence,
      so it reads like the first paragraph's last line;
    - ``unpunctuated_end``: paragraph *paragraph* ends without sentence-final
      punctuation and nothing else marks its end;
    - ``looks_like_end``: inside paragraph *paragraph*, a line ends a sentence
      and is at least one em short (a dropped indent, a long Latin word pushed
      down), or the line after it is two ems short (a short last line), so
      the two read like the end of one paragraph and the start of the next;
    - ``width_not_evident``: in article *article* (or on the page, when
      *article* is None) the most common fill of the body lines is not the
      column width.
    """

    reason: str
    article: int | None
    paragraph: int | None = None


@attrs.frozen(kw_only=True)
class RenderedPage:
    """A rendered page: its text, the articles on it in page order, and what a parse must find."""

    text: str
    articles: tuple[ArticleSpec, ...]
    layout: Layout
    leftovers: tuple[str, ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()

    @property
    def unambiguous(self) -> bool:
        """Whether every paragraph end and the column width can be seen in the text."""
        return not self.ambiguities

    @property
    def paragraphs_unambiguous(self) -> bool:
        """Whether the page hides no paragraph boundary (``width_not_evident`` aside)."""
        return all(ambiguity.reason == "width_not_evident" for ambiguity in self.ambiguities)

    def expected(self) -> tuple[ArticleFields, ...]:
        """The fields a parse must give back, article by article in page order."""
        return tuple(article.expected() for article in self.articles)


# -- laying out ---------------------------------------------------------------------------------


@attrs.frozen
class _Unit:
    """An unbreakable piece of text: one wide character or a run of narrow ones."""

    text: str
    lead_space: bool = False
    protected: bool = False


def _units(text: str, *, protected: bool = False) -> list[_Unit]:
    units = []
    lead = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == " ":
            lead = True
            index += 1
            continue
        end = index + 1
        if not is_wide(char):
            while end < len(text) and not is_wide(text[end]) and text[end] != " ":
                end += 1
        units.append(_Unit(text[index:end], lead, protected))
        lead = False
        index = end
    return units


def _can_break(before: _Unit, after: _Unit) -> bool:
    """Whether a line may end between two units and still join back to the same text.

    A break between two wide characters disappears when lines are joined, and
    a break between two narrow ones becomes a space (CSS Text 3, segment
    breaks); so a space may only be broken between narrow characters, and two
    narrow characters without a space never.
    """
    if after.text[0] in NO_LINE_START or before.text[-1] in NO_LINE_END:
        return False
    if after.lead_space:
        return not is_wide(before.text[-1]) and not is_wide(after.text[0])
    return is_wide(before.text[-1]) or is_wide(after.text[0])


def _wrap(units: Sequence[_Unit], first_capacity: float, capacity: float) -> list[list[_Unit]]:
    """Greedy line filling; a unit that may not start a line hangs at the end of the one before."""
    lines: list[list[_Unit]] = [[]]
    fill = 0.0
    limit = first_capacity
    for unit in units:
        width = line_fill(unit.text)
        if lines[-1] and fill + width > limit and _can_break(lines[-1][-1], unit):
            lines.append([])
            fill = 0.0
            limit = capacity
        lines[-1].append(unit)
        fill += width
    return lines


def _join(units: Sequence[_Unit]) -> str:
    return "".join((" " if unit.lead_space and index else "") + unit.text for index, unit in enumerate(units))


def _spaced(units: Sequence[_Unit], rng: random.Random, *, justified: bool, digits: bool) -> str:
    """Join units, adding the stray spaces an extractor adds to justified lines and around numbers."""
    out = []
    wide_gaps = [
        index
        for index in range(1, len(units))
        if not units[index].lead_space
        and not (units[index - 1].protected or units[index].protected)
        and is_wide(units[index - 1].text[-1])
        and is_wide(units[index].text[0])
    ]
    chosen = (
        set(rng.sample(wide_gaps, min(len(wide_gaps), rng.randint(1, 3))))
        if justified and wide_gaps
        else set()
    )
    for index, unit in enumerate(units):
        if index:
            before = units[index - 1]
            if (
                unit.lead_space
                or index in chosen
                or (
                    digits
                    and not (before.protected or unit.protected)
                    and _wide_meets_alnum(before.text[-1], unit.text[0])
                    and rng.random() < 0.6
                )
            ):
                out.append(" ")
        out.append(unit.text)
    text = "".join(out)
    if digits and "- " not in text and rng.random() < 0.5:
        text = _tear_hyphen(text)
    return text


def _wide_meets_alnum(left: str, right: str) -> bool:
    return (is_wide(left) and is_latin_or_digit(right)) or (is_latin_or_digit(left) and is_wide(right))


def _tear_hyphen(text: str) -> str:
    """``CCTV-1`` as ``CCTV- 1``, where the compound touches a wide character."""
    for index in range(1, len(text) - 1):
        if text[index] == "-" and is_latin_or_digit(text[index - 1]) and is_latin_or_digit(text[index + 1]):
            start = index - 1
            while start > 0 and is_latin_or_digit(text[start - 1]):
                start -= 1
            end = index + 1
            while end < len(text) and is_latin_or_digit(text[end]):
                end += 1
            touches = (start > 0 and is_wide(text[start - 1])) or (end < len(text) and is_wide(text[end]))
            if touches:
                return text[: index + 1] + " " + text[index + 1 :]
    return text


def _letter_spaced(text: str) -> str:
    """Headline type as extractors emit it: a space between wide characters, and between Han and digits."""
    units = _units(text)
    out = [units[0].text] if units else []
    for before, unit in itertools.pairwise(units):
        wide_pair = is_wide(before.text[-1]) and is_wide(unit.text[0])
        if unit.lead_space or wide_pair or _wide_meets_alnum(before.text[-1], unit.text[0]):
            out.append(" ")
        out.append(unit.text)
    return "".join(out)


@attrs.define
class _Line:
    text: str
    kind: Literal["body", "headline", "caption", "furniture", "continuation"]
    article: int | None = None
    paragraph: int | None = None
    first: bool = False
    last: bool = False
    indented: bool = False
    holds_dateline: bool = False
    blank_after: bool = False


@attrs.define
class _Page:
    layout: Layout
    rng: random.Random
    lines: list[_Line | None] = attrs.Factory(list)

    def blank(self) -> None:
        if self.lines and self.lines[-1] is not None:
            self.lines.append(None)

    def add(self, line: _Line) -> None:
        self.lines.append(line)

    def headlines(self, article: ArticleSpec) -> None:
        for block in article.headline_blocks:
            self.blank()
            for text in self._headline_lines(block):
                self.add(_Line(text, "headline"))
            self.blank()

    def _headline_lines(self, headline: str) -> list[str]:
        units = _units(headline)
        pieces = [headline]
        if self.layout.wrap_headlines and len(units) >= 6:
            breaks = [
                index for index in range(2, len(units) - 1) if _can_break(units[index - 1], units[index])
            ]
            if breaks:
                middle = len(units) / 2
                at = min(breaks, key=lambda index: (abs(index - middle), index))
                pieces = [_join(units[:at]), _join(units[at:])]
        if self.layout.letter_spaced_headlines and " " not in headline:
            pieces = [_letter_spaced(piece) for piece in pieces]
        return pieces

    def body(self, index: int, article: ArticleSpec) -> None:
        layout = self.layout
        width = float(layout.width)
        short = layout.first_line in ("dropped", "indent")
        glue = layout.glue_datelines and self._ends_in_headline() and self.rng.random() < 0.7
        for number, paragraph in enumerate(article.paragraphs):
            units = _units(paragraph)
            if number == 0:
                units = _units(article.dateline, protected=True) + units
            lines = self._paragraph_lines(index, number, _wrap(units, width - 2 if short else width, width))
            if layout.column_breaks:
                for before, after in itertools.pairwise(lines):
                    safe = not ends_sentence(before.text) or line_fill(after.text) > width - 1
                    if safe and self.rng.random() < 0.2:
                        before.blank_after = True
            if number == 0 and glue:
                self._glue(lines[0])
                if lines[0].blank_after:
                    self.blank()
                lines = lines[1:]
            for line in lines:
                self.add(line)
                if line.blank_after:
                    self.blank()
            if layout.paragraph_gap:
                self.blank()
        if article.continuation is not None:
            if self.lines and self.lines[-1] is None:
                self.lines.pop()
            self.add(_Line(article.continuation, "continuation", article=index))
            self.blank()

    def _paragraph_lines(self, index: int, number: int, wrapped: list[list[_Unit]]) -> list[_Line]:
        layout = self.layout
        lines = []
        for line_number, line_units in enumerate(wrapped):
            justified = layout.justified_spaces and self.rng.random() < 0.3
            lines.append(
                _Line(
                    _spaced(line_units, self.rng, justified=justified, digits=layout.digit_spaces),
                    "body",
                    article=index,
                    paragraph=number,
                    first=line_number == 0,
                    last=line_number == len(wrapped) - 1,
                    holds_dateline=any(unit.protected for unit in line_units),
                )
            )
        if layout.first_line == "indent":
            lines[0].text = IDEOGRAPHIC_SPACE * 2 + lines[0].text
            lines[0].indented = True
        elif number == 0 and layout.justified_spaces and self.rng.random() < 0.5:
            lines[0].text = " " + lines[0].text  # the stray space before a dateline
        return lines

    def _ends_in_headline(self) -> bool:
        filled = [line for line in self.lines if line is not None]
        return bool(filled) and filled[-1].kind == "headline" and filled[-1].article is None

    def _glue(self, line: _Line) -> None:
        while self.lines and self.lines[-1] is None:
            self.lines.pop()
        headline = self.lines.pop()
        if headline is None:  # pragma: no cover - _ends_in_headline checked it
            raise AssertionError("no headline to glue to")
        line.text = headline.text + line.text.lstrip(IDEOGRAPHIC_SPACE + " ")
        line.indented = False
        line.kind = "body"
        line.holds_dateline = True
        self.add(line)

    def captions(self, captions: Iterable[CaptionSpec]) -> None:
        for caption in captions:
            self.blank()
            self.add(_Line(caption.line, "caption"))
            self.blank()

    def furniture(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.blank()
            self.add(_Line(text, "furniture"))
            self.blank()

    def text(self) -> str:
        while self.lines and self.lines[-1] is None:
            self.lines.pop()
        newline = self.layout.newline
        return "".join(("" if line is None else line.text) + newline for line in self.lines)


def render_page(
    articles: Sequence[ArticleSpec],
    layout: Layout | None = None,
    *,
    header: Sequence[str] = (),
    footer: Sequence[str] = (),
) -> RenderedPage:
    """Lay *articles* out as one page of raw text, in the order given.

    *header* and *footer* are page furniture (``拉萨日报``, ``2025年9月17日 星期三``,
    ``责任编辑：张三``), printed one a line at the top and bottom; they are what
    the parse must leave over. The same articles and layout always give the
    same page.

    >>> from lhasa_corpus.models import Contributor
    >>> article = ArticleSpec(
    ...     style="wire",
    ...     contributors=(Contributor(name="张三", role="记者"),),
    ...     kicker="2025年司法",
    ...     headline="法律职业资格考试举行",
    ...     paragraphs=("考试在拉萨两个考点同时开考。", "“考试发挥得还可以。”考生说。"),
    ...     continuation="（下转第3版）",
    ... )
    >>> layout = Layout(width=12, placement="before", first_line="indent", paragraph_gap=False,
    ...                 letter_spaced_headlines=True)
    >>> page = render_page([article], layout, header=["拉萨日报"])
    >>> print(page.text.replace("\\u3000", "□"))
    拉萨日报
    <BLANKLINE>
    2025 年 司 法
    <BLANKLINE>
    法 律 职 业 资 格 考 试 举 行
    <BLANKLINE>
    □□新华社拉萨9月16日电 (记
    者 张三)考试在拉萨两个考
    点同时开考。
    □□“考试发挥得还可以。”
    考生说。
    （下转第3版）
    <BLANKLINE>
    >>> page.leftovers, page.paragraphs_unambiguous
    (('拉萨日报',), True)

    A paragraph that ends exactly at the column edge, followed by a full
    first line and no indent, is ambiguous by nature:

    >>> edge = ArticleSpec(contributors=(Contributor(name="杨璐", role="记者"),),
    ...     paragraphs=("会议于今日上午在市委会议室召开，听取了各方工作汇报。",
    ...                 "一二三四五六七八九十一二三四五六。"))
    >>> [a.reason for a in render_page([edge], Layout(width=12, paragraph_gap=False)).ambiguities]
    ['edge']
    """
    layout = layout or Layout()
    page = _Page(layout=layout, rng=random.Random(layout.seed))
    page.furniture(header)
    away = [caption for article in articles for caption in article.captions]
    if layout.caption_position == "page_start":
        page.captions(away)
    for index, article in enumerate(articles):
        if layout.placement == "before":
            page.headlines(article)
            page.blank()
        page.body(index, article)
        if layout.placement == "after":
            page.blank()
            page.headlines(article)
        if layout.caption_position == "with_article":
            page.captions(article.captions)
        page.blank()
    if layout.caption_position == "page_end":
        page.captions(away)
    page.furniture(footer)
    text = page.text()
    return RenderedPage(
        text=text,
        articles=tuple(articles),
        layout=layout,
        leftovers=tuple(header) + tuple(footer),
        ambiguities=tuple(_ambiguities(page.lines, articles, layout)),
    )


def _ambiguities(
    lines: Sequence[_Line | None], articles: Sequence[ArticleSpec], layout: Layout
) -> Iterable[Ambiguity]:
    """Where the laid-out page hides a paragraph end or its column width."""
    width = float(layout.width)
    body = [line for line in lines if line is not None and line.kind == "body"]
    for index in range(len(articles)):
        own = [line for line in body if line.article == index]
        for before, after in itertools.pairwise(own):
            if after.first or layout.first_line == "indent" or not ends_sentence(before.text):
                continue
            short_after = width - (1 if before.blank_after else 2)
            if line_fill(before.text) <= width - 1 or line_fill(after.text) <= short_after:
                yield Ambiguity(reason="looks_like_end", article=index, paragraph=before.paragraph)
        lasts = [line for line in own if line.last]
        firsts = [line for line in own if line.first]
        for number, (last, first) in enumerate(zip(lasts, firsts[1:], strict=False)):
            if layout.first_line == "indent":
                continue
            if not ends_sentence(last.text):
                yield Ambiguity(reason="unpunctuated_end", article=index, paragraph=number)
            elif line_fill(last.text) > width - 1 and (
                line_fill(first.text) > width - 2 or (not last.blank_after and ends_sentence(first.text))
            ):
                yield Ambiguity(reason="edge", article=index, paragraph=number)
        whole = [_fill(line) for line in own if not line.holds_dateline]
        if len(whole) >= 4 and _most_common(whole) != width:
            yield Ambiguity(reason="width_not_evident", article=index)
    whole = [_fill(line) for line in body if not line.holds_dateline]
    if whole and _most_common(whole) != width:
        yield Ambiguity(reason="width_not_evident", article=None)


def _fill(line: _Line) -> float:
    """How much of the column a line takes: its characters, and an indent's two ems."""
    return line_fill(line.text) + (2 if line.indented else 0)


def _most_common(fills: Sequence[float]) -> float:
    counts = Counter(fills)
    return max(counts, key=lambda fill: (counts[fill], fill))


def encode_pages(pages: Sequence[RenderedPage | str], encoding: str = "utf-8") -> bytes:
    """The bytes of a file holding *pages*, each followed by a form feed, as pdftotext writes them.

    *encoding* is one of :data:`ENCODINGS`: ``utf-8``, ``utf-8-sig`` (with a
    byte order mark) or ``gb18030``.

    >>> data = encode_pages(["拉萨日报", "第二版"], "utf-8-sig")
    >>> data.startswith(codecs.BOM_UTF8), data.decode("utf-8-sig").split("\\f")
    (True, ['拉萨日报', '第二版', ''])
    >>> encode_pages(["拉萨"], "gb18030")
    b'\\xc0\\xad\\xc8\\xf8\\x0c'
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"'encoding' must be one of {ENCODINGS} (got {encoding!r})")
    text = "".join((page if isinstance(page, str) else page.text) + "\f" for page in pages)
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)
