"""Specs: articles, datelines, bylines, captions and furniture whose every field is known.

A spec holds the clean text of each field (FIELDS.md) and how it is printed.
Named constructors build the printed forms of the paper (``DatelineSpec.build``,
``BylineSpec.build``, ``CaptionSpec.credited``, ``Furniture.date`` ...); the
plain constructors take printed text as it is, for real articles. Validators
refuse text that is not in its clean form by the renderer's own rules
(:mod:`lhasa_corpus.testing._typesetting`), so what a spec states is what the
page shows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.models import Caption, Contributor
from lhasa_corpus.testing._typesetting import (
    clean_body,
    clean_byline,
    clean_headline,
    is_han,
    is_wide,
    visible,
    without_spaces,
)
from lhasa_corpus.testing._vocabulary import (
    CREDIT_FORMS,
    FURNITURE_KINDS,
    ROLES,
    SLASH_ROLES,
    UNNAMED_ROLES,
    WEEKDAYS,
    chinese_number,
)

#: The most characters a headline, kicker or subheadline may hold.
MAX_HEADLINE: Final = 64
#: Punctuation a Chinese headline never ends with (a question or exclamation mark it may).
HEADLINE_NEVER_ENDS: Final = "。，、；：,;:"

BylinePosition = Literal["top", "end", "end_line"]
#: How a page number prints, as ``str.format`` patterns of the number (``{cn}``: in Chinese numerals).
PAGE_NUMBER_FORMS: Final = ("第{}版", "A{}", "{}", "{:02d}", "第{cn}版")


# -- validators ----------------------------------------------------------------------------------


def check_body(name: str, value: str) -> None:
    """Refuse *value* unless it is non-empty, visible, clean body text.

    >>> check_body("paragraphs", "会议召开。")
    >>> check_body("paragraphs", "拉萨 融媒")
    Traceback (most recent call last):
    ...
    ValueError: 'paragraphs' must be non-empty clean body text (got '拉萨 融媒')
    """
    if not value or not visible(value) or clean_body(value) != value:
        raise ValueError(f"'{name}' must be non-empty clean body text (got {value!r})")


def check_headline(name: str, value: str) -> None:
    """Refuse *value* unless it is clean headline text shaped like a headline.

    Two Han characters or more, at most :data:`MAX_HEADLINE` characters, and no
    stop or clause mark at the end (:data:`HEADLINE_NEVER_ENDS`).

    >>> check_headline("headline", "业务培训解难题 提升服务强能力")
    >>> check_headline("headline", "会议召开。")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'headline' must be clean headline text of at most 64 characters, two Han or more, ...
    """
    shaped = (
        bool(value)
        and visible(value)
        and clean_headline(value) == value
        and len(value) <= MAX_HEADLINE
        and sum(1 for char in value if is_han(char)) >= 2
        and value[-1] not in HEADLINE_NEVER_ENDS
    )
    if not shaped:
        raise ValueError(
            f"'{name}' must be clean headline text of at most {MAX_HEADLINE} characters, "
            f"two Han or more, not ending in a stop or clause mark (got {value!r})"
        )


def check_byline(name: str, value: str) -> None:
    """Refuse *value* unless it is non-empty, visible, clean byline text (one line, single spaces).

    >>> check_byline("credit", "拉萨融媒记者 李丛芳摄")
    >>> check_byline("credit", "记者  张三")
    Traceback (most recent call last):
    ...
    ValueError: 'credit' must be non-empty clean byline text (got '记者  张三')
    """
    if not value or not visible(value) or clean_byline(value) != value or "\u3000" in value:
        raise ValueError(f"'{name}' must be non-empty clean byline text (got {value!r})")


def check_name(name: str, value: str) -> None:
    """Refuse *value* unless it is a person's name: visible, no white space, wide characters.

    A minority name keeps its middle dot (``阿不都·热合曼``).

    >>> check_name("names", "阿不都·热合曼")
    >>> check_name("names", "李 明")
    Traceback (most recent call last):
    ...
    ValueError: 'names' must be a name of wide characters without spaces (got '李 明')
    """
    if not value or not visible(value) or any(char.isspace() or not is_wide(char) for char in value):
        raise ValueError(f"'{name}' must be a name of wide characters without spaces (got {value!r})")


def check_printed(name: str, text: str, people: Iterable[Contributor]) -> None:
    """Refuse people whose names the printed *text* does not hold, in order (letter spacing aside).

    >>> check_printed("contributors", "本报记者 李 明", [Contributor(name="李明", role="记者")])
    >>> check_printed("contributors", "本报记者 李明", [Contributor(name="王五", role="记者")])
    Traceback (most recent call last):
    ...
    ValueError: 'contributors' must be printed in '本报记者 李明' in order (got '王五')
    """
    squeezed = without_spaces(text)
    at = 0
    for person in people:
        found = squeezed.find(without_spaces(person.name), at)
        if found < 0:
            raise ValueError(f"'{name}' must be printed in {text!r} in order (got {person.name!r})")
        at = found + len(without_spaces(person.name))


def _tuple(value: Iterable[object]) -> tuple[object, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _people(value: Iterable[Contributor]) -> tuple[Contributor, ...]:
    return tuple(value)


# -- bylines -------------------------------------------------------------------------------------


def _check_credit_names(
    instance: Credit, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for name in value:
        check_name("names", name)
    if not value and instance.role not in UNNAMED_ROLES:
        raise ValueError(f"'names' must name someone after role {instance.role!r} (got 0 names)")


@attrs.frozen(kw_only=True)
class Credit:
    """One role and the names printed after it, as a byline or dateline bracket prints them.

    - *role*: the printed role word (:data:`ROLES`), ``""`` for none;
    - *organisation*: printed before the role (``本报`` in ``本报记者``), or None;
    - *gap*: a space between the role and the first name (``记者 张三``) or none
      (``记者张三``); *separator*: between two names, ``、`` or a space;
    - *spaced*: two-character names printed letter-spaced (``李 明``), one person each;
    - *slash*: 文 and 图 printed before the name with a slash (``文/张三``);
      *tail*: a slash role printed after the names (``张三/文``, ``本报记者 张三/文``).

    >>> Credit(role="记者", organisation="本报", names=("王明", "李华")).text
    '本报记者王明、李华'
    >>> credit = Credit(role="记者", names=("李明",), gap=" ", spaced=True)
    >>> credit.text, [(p.name, p.role, p.organisation) for p in credit.contributors]
    ('记者 李 明', [('李明', '记者', None)])
    >>> Credit(role="文", names=("张三",), slash=True).text, Credit(role="", names=("张三",), tail="文").text
    ('文/张三', '张三/文')
    """

    names: tuple[str, ...] = attrs.field(converter=_strings, validator=_check_credit_names)
    role: str = attrs.field(default="记者", validator=attrs.validators.in_(tuple(ROLES)))
    organisation: str | None = None
    gap: str = attrs.field(default="", validator=attrs.validators.in_(("", " ")))
    separator: str = attrs.field(default="、", validator=attrs.validators.in_(("、", " ")))
    spaced: bool = False
    slash: bool = False
    tail: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(SLASH_ROLES))
    )

    def __attrs_post_init__(self) -> None:
        if self.organisation is not None:
            check_name("organisation", self.organisation)
            if not self.role:
                raise ValueError(f"'organisation' needs a role word after it (got {self.organisation!r})")
        if self.slash and self.role not in SLASH_ROLES:
            raise ValueError(f"'slash' needs role 文 or 图 (got {self.role!r})")
        if self.spaced and any(len(name) != 2 for name in self.names):
            raise ValueError(f"'spaced' letter-spaces two-character names only (got {self.names})")
        if self.spaced and self.separator == " " and len(self.names) > 1:
            raise ValueError("'spaced' names need '、' between them: spaces would merge them")

    def printed_name(self, name: str) -> str:
        """*name* as the credit prints it: letter-spaced when :attr:`spaced`."""
        return " ".join(name) if self.spaced else name

    @property
    def text(self) -> str:
        """The credit as printed."""
        names = self.separator.join(self.printed_name(name) for name in self.names)
        if self.slash:
            return f"{self.role}/{names}"
        head = f"{self.organisation or ''}{self.role}"
        text = f"{head}{self.gap}{names}" if head and names else head + names
        return f"{text}/{self.tail}" if self.tail else text

    @property
    def contributors(self) -> tuple[Contributor, ...]:
        """The people the credit names, with role and organisation as FIELDS.md states them."""
        role = ROLES[self.role] if self.role else (self.tail or "")
        return tuple(Contributor(name=name, role=role, organisation=self.organisation) for name in self.names)


def credits_text(credits: Sequence[Credit], joiner: str = " ") -> str:
    """Credits printed one after another, *joiner* between them.

    >>> credits_text([Credit(role="记者", names=("张三",), gap=" "),
    ...     Credit(role="通讯员", names=("李四",), gap=" ")])
    '记者 张三 通讯员 李四'
    """
    return joiner.join(credit.text for credit in credits)


def credits_for(
    people: Sequence[Contributor], *, gap: str = "", organisation: str | None = None
) -> tuple[Credit, ...]:
    """Credits for *people*: each run of one role printed once before its names.

    >>> people = [Contributor(name="次仁卓玛", role="记者"), Contributor(name="次央卓", role="记者"),
    ...     Contributor(name="达瓦央宗", role="实习生")]
    >>> credits_text(credits_for(people))
    '记者次仁卓玛、次央卓 实习生达瓦央宗'
    """
    return tuple(
        Credit(role=role, names=tuple(person.name for person in group), gap=gap, organisation=organisation)
        for role, group in itertools.groupby(people, key=lambda person: person.role)
    )


def _bracketed(text: str, brackets: str) -> str:
    return f"{brackets[0]}{text}{brackets[1]}"


@attrs.frozen(kw_only=True)
class DatelineSpec:
    """A dateline (电头) as printed, with the byline bracket right after it, and what it names.

    *text* is the clean printed form; *source* the outlet it names (FIELDS.md:
    no 讯/电, place or date), which *text* starts with; *contributors* the people
    of its bracket. :meth:`build` prints the paper's forms.

    >>> DatelineSpec.build("本报", place="拉萨", date=(9, 16),
    ...     credits=[Credit(role="记者", names=("张三",), gap=" ")]).text
    '本报拉萨9月16日讯（记者 张三）'
    >>> spec = DatelineSpec.build("新华社", place="“雪龙2”号", date=(3, 5), ending="电")
    >>> spec.text, spec.source
    ('新华社“雪龙2”号3月5日电', '新华社')
    """

    text: str
    source: str
    contributors: tuple[Contributor, ...] = attrs.field(default=(), converter=_people)

    def __attrs_post_init__(self) -> None:
        check_byline("dateline", self.text)
        if not self.source or not self.text.startswith(self.source):
            raise ValueError(f"'source' must start the dateline {self.text!r} (got {self.source!r})")
        check_printed("contributors", self.text, self.contributors)

    @classmethod
    def build(
        cls,
        outlet: str,
        *,
        place: str | None = None,
        date: tuple[int, int] | None = None,
        ending: Literal["讯", "电"] = "讯",
        credits: Sequence[Credit] = (),
        joiner: str = " ",
        brackets: Literal["（）", "()"] = "（）",
        space: bool = False,
    ) -> DatelineSpec:
        """A dateline ``<outlet><place><month>月<day>日<ending>`` and its bracket of *credits*.

        *space* prints a space before the bracket (``新华社拉萨9月16日电 (记者 张三)``,
        ``东方网讯 （记者 李四）``).
        """
        when = f"{date[0]}月{date[1]}日" if date else ""
        text = f"{outlet}{place or ''}{when}{ending}"
        people: tuple[Contributor, ...] = ()
        if credits:
            text += (" " if space else "") + _bracketed(credits_text(credits, joiner), brackets)
            people = tuple(person for credit in credits for person in credit.contributors)
        return cls(text=text, source=outlet, contributors=people)

    @classmethod
    def rongmei(cls, people: Sequence[Contributor], place: str = "拉萨") -> DatelineSpec:
        """``<place>融媒讯（记者A、B 实习生C）``: roles glued to names.

        >>> DatelineSpec.rongmei([Contributor(name="杨璐", role="记者")]).text
        '拉萨融媒讯（记者杨璐）'
        """
        return cls.build(f"{place}融媒", credits=credits_for(people))

    @classmethod
    def benbao(cls, people: Sequence[Contributor]) -> DatelineSpec:
        """``本报讯（记者 张三 通讯员 李四）``.

        >>> DatelineSpec.benbao([Contributor(name="张三", role="记者")]).text
        '本报讯（记者 张三）'
        """
        return cls.build("本报", credits=credits_for(people, gap=" "))

    @classmethod
    def wire(
        cls, people: Sequence[Contributor], place: str = "拉萨", date: tuple[int, int] = (9, 16)
    ) -> DatelineSpec:
        """``新华社<place><date>电 (记者 张三)``: half-width brackets after a space.

        >>> DatelineSpec.wire([Contributor(name="张三", role="记者")]).text
        '新华社拉萨9月16日电 (记者 张三)'
        """
        return cls.build(
            "新华社",
            place=place,
            date=date,
            ending="电",
            credits=credits_for(people, gap=" "),
            brackets="()",
            space=True,
        )


@attrs.frozen(kw_only=True)
class BylineSpec:
    """A byline printed apart from a dateline, as printed, and the people it names.

    *position* says where it stands: ``top``, a line of its own between the
    headline group and the body (``本报记者 张三``, ``文/张三 图/李四``,
    ``本报评论员``); ``end``, a bracket glued after the last sentence
    (``……。（本报记者王明、李华）``); ``end_line``, a line of its own after the
    body (``本报记者 张三/文``).

    >>> spec = BylineSpec.build([Credit(role="特约评论员", organisation="本报", names=("张三",), gap=" ")])
    >>> spec.text, [(p.name, p.role, p.organisation) for p in spec.contributors]
    ('本报特约评论员 张三', [('张三', '特约评论员', '本报')])
    >>> BylineSpec.build([Credit(role="评论员", organisation="本报", names=())]).contributors
    ()
    """

    text: str
    contributors: tuple[Contributor, ...] = attrs.field(default=(), converter=_people)
    position: BylinePosition = attrs.field(
        default="top", validator=attrs.validators.in_(("top", "end", "end_line"))
    )

    def __attrs_post_init__(self) -> None:
        check_byline("byline", self.text)
        check_printed("contributors", self.text, self.contributors)
        if self.position == "end" and not (self.text[0] in "（(" and self.text[-1] in "）)"):
            raise ValueError(f"'text' of an end byline must be a bracket (got {self.text!r})")

    @classmethod
    def build(
        cls,
        credits: Sequence[Credit],
        *,
        position: BylinePosition = "top",
        joiner: str = " ",
        brackets: Literal["（）", "()"] | None = None,
    ) -> BylineSpec:
        """A byline of *credits*; an ``end`` byline is bracketed (full width unless *brackets* says).

        >>> BylineSpec.build([Credit(role="记者", organisation="本报", names=("王明", "李华")),
        ...     Credit(role="记者", organisation="新华社", names=("赵强",))],
        ...     position="end", joiner="，").text
        '（本报记者王明、李华，新华社记者赵强）'
        """
        text = credits_text(credits, joiner)
        if brackets is None and position == "end":
            brackets = "（）"
        if brackets is not None:
            text = _bracketed(text, brackets)
        people = tuple(person for credit in credits for person in credit.contributors)
        return cls(text=text, contributors=people, position=position)


# -- captions ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CaptionSpec:
    """A photo caption: its text, its credit as printed, and the photographer the credit names.

    >>> CaptionSpec.reporter("图为选手同台竞技。", "李丛芳").credit
    '拉萨融媒记者 李丛芳摄'
    >>> spec = CaptionSpec.credited("图为游客观赏秋色。", "provided", photographer="扎西顿珠")
    >>> spec.line, spec.expected().photographer
    ('图为游客观赏秋色。 图片由扎西顿珠提供', '扎西顿珠')
    >>> CaptionSpec.credited("才纳乡青稞种植基地一角。", "file").expected()
    Caption(text='才纳乡青稞种植基地一角。', credit='资料图片', photographer=None)
    """

    text: str
    credit: str | None = None
    photographer: str | None = None

    def __attrs_post_init__(self) -> None:
        check_body("text", self.text)
        if self.credit is not None:
            check_byline("credit", self.credit)
        if self.photographer is not None:
            check_name("photographer", self.photographer)
            check_printed(
                "photographer", self.credit or "", [Contributor(name=self.photographer, role="摄影")]
            )

    @classmethod
    def reporter(
        cls, text: str, photographer: str, *, organisation: str = "拉萨融媒", bracketed: bool = False
    ) -> CaptionSpec:
        """``拉萨融媒记者 李丛芳摄``, or bracketed ``（本报记者 张三 摄）``: the forms of the old renderer.

        >>> CaptionSpec.reporter("图为现场。", "张三", organisation="本报", bracketed=True).credit
        '（本报记者 张三 摄）'
        """
        form = "bracketed_organisation" if bracketed else "reporter"
        return cls.credited(text, form, photographer=photographer, organisation=organisation)

    @classmethod
    def credited(
        cls,
        text: str,
        form: str,
        *,
        photographer: str | None = None,
        organisation: str = "拉萨融媒",
        date: tuple[int, int] = (9, 16),
        spaced: bool = False,
    ) -> CaptionSpec:
        """A caption credited in one of the :data:`CREDIT_FORMS`; *spaced* letter-spaces a short name."""
        if form not in CREDIT_FORMS:
            raise ValueError(f"'form' must be one of {sorted(CREDIT_FORMS)} (got {form!r})")
        pattern = CREDIT_FORMS[form]
        names = "{name}" in pattern
        if names and photographer is None:
            raise ValueError(f"'photographer' must be given for credit form {form!r}")
        printed = (" ".join(photographer) if spaced else photographer) if photographer else ""
        credit = pattern.format(name=printed, org=organisation, month=date[0], day=date[1])
        return cls(text=text, credit=credit, photographer=photographer if names else None)

    @property
    def line(self) -> str:
        """Caption text and credit on one line, a space between, as printed under the photo."""
        return self.text if self.credit is None else f"{self.text} {self.credit}"

    def expected(self) -> Caption:
        """The caption a parse must find."""
        return Caption(text=self.text, credit=self.credit, photographer=self.photographer)


# -- articles ------------------------------------------------------------------------------------


def _check_headlines(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for headline in value:
        check_headline(attribute.name, headline)


def _check_optional_headline(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        check_headline(attribute.name, value)


def _check_paragraphs(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ValueError("'paragraphs' must hold at least one paragraph (got 0)")
    for paragraph in value:
        check_body(attribute.name, paragraph)


def _check_mark(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_byline(attribute.name, value)


def _indexes(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(value)))


def _captions(value: Iterable[CaptionSpec]) -> tuple[CaptionSpec, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ArticleSpec:
    """An article whose every field is known, ready to be laid out.

    - *kicker*, *headline*, *subheadlines*: the headline group (a subheadline may
      open with ``——``); a continued half's *headline* is its jump head;
    - *dateline*: a :class:`DatelineSpec`, printed at the start of the first paragraph;
    - *byline*: a :class:`BylineSpec` printed apart from the dateline;
    - *paragraphs*: the body; *crossheads*: indexes of paragraphs that are headings
      inside it (小标题, ``一、…``, an interview question), laid out as short lines of
      their own -- never the first or the last paragraph;
    - *captions*: :class:`CaptionSpec`\\ s;
    - *continued_from*: a jump-in mark printed above the body (``（上接第一版）``);
      *continued_to*: a jump-out mark printed after it (``（下转第3版）``).

    >>> spec = ArticleSpec(
    ...     dateline=DatelineSpec.benbao(
    ...         [Contributor(name="张三", role="记者"), Contributor(name="李四", role="通讯员")]),
    ...     paragraphs=("会议召开。",),
    ... )
    >>> spec.dateline.text, spec.source
    ('本报讯（记者 张三 通讯员 李四）', '本报')
    """

    kicker: str | None = attrs.field(default=None, validator=_check_optional_headline)
    headline: str | None = attrs.field(default=None, validator=_check_optional_headline)
    subheadlines: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_headlines)
    dateline: DatelineSpec | None = None
    byline: BylineSpec | None = None
    paragraphs: tuple[str, ...] = attrs.field(converter=_strings, validator=_check_paragraphs)
    crossheads: tuple[int, ...] = attrs.field(default=(), converter=_indexes)
    captions: tuple[CaptionSpec, ...] = attrs.field(default=(), converter=_captions)
    continued_from: str | None = attrs.field(default=None, validator=_check_mark)
    continued_to: str | None = attrs.field(default=None, validator=_check_mark)

    @crossheads.validator
    def _crossheads_inside(self, attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]) -> None:
        inside = range(1, len(self.paragraphs) - 1)
        outside = [index for index in value if index not in inside]
        if outside:
            raise ValueError(
                f"'crossheads' must index paragraphs between the first and the last (got {outside})"
            )

    @property
    def source(self) -> str | None:
        """The outlet the dateline names, or None without a dateline."""
        return None if self.dateline is None else self.dateline.source

    @property
    def contributors(self) -> tuple[Contributor, ...]:
        """The people of the dateline bracket, then those of the byline."""
        dateline = () if self.dateline is None else self.dateline.contributors
        return dateline + (() if self.byline is None else self.byline.contributors)

    @property
    def headline_blocks(self) -> tuple[str, ...]:
        """Kicker, headline and subheadlines in print order."""
        blocks = [self.kicker, self.headline, *self.subheadlines]
        return tuple(block for block in blocks if block is not None)

    @property
    def continuations(self) -> tuple[str, ...]:
        """The continuation marks in print order."""
        return tuple(mark for mark in (self.continued_from, self.continued_to) if mark is not None)


# -- furniture -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Furniture:
    """One piece of page furniture (版面), its kind, and for an editors' credit its people.

    *kind* is one of :data:`FURNITURE_KINDS` or None for text of no known kind.

    >>> Furniture.date(dt.date(2025, 10, 8)).text
    '2025年10月8日 星期三'
    >>> credit = Furniture.editors(("责任编辑", "扎西"), ("版式", "王五"))
    >>> credit.text, [(p.name, p.role) for p in credit.people]
    ('责任编辑：扎西 版式：王五', [('扎西', '责任编辑'), ('王五', '版式')])
    """

    text: str
    kind: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(FURNITURE_KINDS))
    )
    people: tuple[Contributor, ...] = attrs.field(default=(), converter=_people)

    def __attrs_post_init__(self) -> None:
        check_byline("text", self.text)
        check_printed("people", self.text, self.people)

    @classmethod
    def paper(cls, name: str = "拉萨日报") -> Furniture:
        """The paper's name: ``拉萨日报``, ``LHASA DAILY``."""
        return cls(text=name, kind="paper")

    @classmethod
    def date(cls, day: dt.date, *, weekday: bool = True) -> Furniture:
        """A date line: ``2025年10月8日 星期三``."""
        text = f"{day.year}年{day.month}月{day.day}日"
        return cls(text=f"{text} {WEEKDAYS[day.weekday()]}" if weekday else text, kind="date")

    @classmethod
    def page_number(cls, number: int, form: str = "第{}版") -> Furniture:
        """A page number printed in one of the :data:`PAGE_NUMBER_FORMS`: ``第3版``, ``A3``, ``第三版``.

        >>> [Furniture.page_number(3, form).text for form in PAGE_NUMBER_FORMS]
        ['第3版', 'A3', '3', '03', '第三版']
        """
        if form not in PAGE_NUMBER_FORMS:
            raise ValueError(f"'form' must be one of {PAGE_NUMBER_FORMS} (got {form!r})")
        return cls(text=form.format(number, cn=chinese_number(number)), kind="page_number")

    @classmethod
    def section(cls, label: str) -> Furniture:
        """A section label: ``要闻``, ``本地新闻``, ``文化·旅游``."""
        return cls(text=label, kind="section")

    @classmethod
    def editors(cls, *credits: tuple[str, str], colon: str = "：") -> Furniture:
        """An editors' credit of (role, name) pairs: ``责任编辑：扎西 版式：王五``."""
        if not credits:
            raise ValueError("'credits' must name at least one editor (got 0)")
        text = " ".join(f"{role}{colon}{name}" for role, name in credits)
        return cls(
            text=text, kind="editors", people=[Contributor(name=name, role=role) for role, name in credits]
        )


FurnitureLine = tuple[Furniture, ...]
