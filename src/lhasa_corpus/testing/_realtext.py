"""Real articles as specs, and pages laid out from them.

A record of the real-text set (``benchmarks/realtext/articles.jsonl``: one JSON
object a line with ``id``, ``kicker``, ``headline``, ``subheadlines``,
``dateline``, ``byline``, ``byline_position``, ``contributors``, ``paragraphs``,
``crossheads`` and ``captions``) becomes an :class:`ArticleSpec` by
:func:`from_record`. Real text has what synthetic text lacks -- half-width
commas, Latin words, digits, quotes, the writer's own spaces -- so the record
is first put in its clean form by the renderer's documented rules
(:func:`clean_body`, :func:`clean_headline`, :func:`clean_byline`); what the
renderer cannot express is left out, and the result says so.

:func:`real_page` combines several specs into a page with a layout drawn from a
seed and a *layout family*, captions and furniture placed, some articles cut at
a jump (``（下转第3版）``) or given as a continued half (``（上接第一版）``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from lhasa_corpus.models import Contributor
from lhasa_corpus.testing._layout import Layout
from lhasa_corpus.testing._render import RenderedPage, render_page
from lhasa_corpus.testing._specs import (
    PAGE_NUMBER_FORMS,
    ArticleSpec,
    BylinePosition,
    BylineSpec,
    CaptionSpec,
    DatelineSpec,
    Furniture,
    FurnitureLine,
    check_headline,
    check_name,
    check_printed,
)
from lhasa_corpus.testing._typesetting import (
    clean_body,
    clean_byline,
    clean_headline,
    visible,
    without_spaces,
)
from lhasa_corpus.testing._vocabulary import ROLES, chinese_number

#: Outlets a dateline may open with, longest first when matched: the source FIELDS.md names.
OUTLETS: Final = (
    "本报", "新华社", "人民日报", "中新社", "中新网", "中国新闻网", "东方网", "澎湃新闻", "中国西藏网",
    "中国西藏新闻网", "西藏日报", "拉萨日报", "央视网", "央视新闻", "央广网", "人民网", "新华网",
    "光明日报", "经济日报", "中国日报", "中国青年报", "法治日报", "工人日报", "农民日报", "科技日报",
    "解放军报", "中国经济网", "国际在线", "环球网", "新京报", "天山网", "北京日报", "解放日报",
    "文汇报", "中国妇女报", "中国教育报", "健康报", "中国旅游报", "中国文化报", "青海日报", "四川日报",
    "长江网", "证券日报", "北京青年报", "环球时报", "半月谈",
)  # fmt: skip
#: A local media centre's dateline: ``拉萨融媒讯``, ``城关区融媒体中心讯``.
_MEDIA_CENTRE: Final = re.compile(r"^(\S{1,10}?(?:融媒体中心|融媒))讯")
#: An outlet not in the table, with neither place nor date: ``某某网讯``.
_BARE_OUTLET: Final = re.compile(r"^([^\s\d（(“”]{2,8}?)讯(?:$|\s?[（(])")
#: The layout families of :func:`real_page`.
LAYOUT_FAMILIES: Final = ("plain", "noisy", "glued", "mixed")
#: Section labels, paper names and editors' roles furniture is drawn from.
SECTIONS: Final = ("要闻", "本地新闻", "文化·旅游", "综合新闻", "评论", "社会", "经济", "民生")
PAPERS: Final = ("拉萨日报", "LHASA DAILY")
EDITOR_ROLES: Final = ("责任编辑", "本版编辑", "美编", "版式", "校对", "审核")
EDITOR_NAMES: Final = ("扎西", "央金", "王五", "赵六", "次仁", "卓玛", "李文", "格桑")


def dateline_source(dateline: str) -> str | None:
    """The outlet a real dateline names, by the renderer's rule, or None where it cannot tell.

    The longest outlet of :data:`OUTLETS` the dateline opens with; else a local
    media centre (``<place>融媒讯``); else a bare ``<outlet>讯`` of two to
    eight characters with no place or date. An outlet the table lacks, printed
    with a place or a date, cannot be told from the place.

    >>> dateline_source("新华社拉萨7月21日电（记者张兆基、李键）"), dateline_source("拉萨融媒讯（记者杨璐）")
    ('新华社', '拉萨融媒')
    >>> dateline_source("某某网讯 （记者 李四）"), dateline_source("某某晚报北京9月1日电")
    ('某某网', None)
    """
    for outlet in sorted(OUTLETS, key=len, reverse=True):
        if dateline.startswith(outlet):
            return outlet
    for pattern in (_MEDIA_CENTRE, _BARE_OUTLET):
        match = pattern.match(dateline)
        if match:
            return match.group(1)
    return None


@attrs.frozen(kw_only=True)
class RealArticle:
    """A real article as a spec (or None and why not), and what was left out or normalised on the way."""

    id: str
    spec: ArticleSpec | None
    notes: tuple[str, ...] = ()
    skipped: str | None = None


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file, one dict a line (blank lines ignored)."""
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _strings(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def _optional(value: object) -> str | None:
    return None if value is None or (isinstance(value, str) and not value.strip()) else str(value)


class _SkipError(ValueError):
    """The record cannot become a spec the renderer keeps its promise on."""


def _headline(value: str | None, field: str, notes: list[str]) -> str | None:
    if value is None:
        return None
    clean = clean_headline(value)
    try:
        check_headline(field, clean)
    except ValueError:
        notes.append(f"{field} left out: {clean!r} is not shaped like a headline")
        return None
    if clean != value:
        notes.append(f"{field} white space cleaned")
    return clean


def _people(record: Mapping[str, Any]) -> list[Contributor]:
    people = []
    for entry in record.get("contributors") or []:
        if not isinstance(entry, Mapping) or not entry.get("name"):
            raise _SkipError(f"a contributor without a name: {entry!r}")
        name = without_spaces(str(entry["name"]))
        check_name("contributors", name)
        organisation = _optional(entry.get("organisation"))
        people.append(Contributor(name=name, role=str(entry.get("role") or ""), organisation=organisation))
    return people


def _unknown_roles(people: Iterable[Contributor]) -> list[str]:
    """The roles of *people* that FIELDS.md does not name (``执笔``, ``文/图``)."""
    return sorted({person.role for person in people if person.role not in ROLES.values()})


def _split_people(
    people: list[Contributor], dateline: str | None
) -> tuple[list[Contributor], list[Contributor]]:
    """The people printed in the dateline (the leading ones it holds, in order), and the rest."""
    if dateline is None:
        return [], people
    count = 0
    for count in range(len(people), -1, -1):
        try:
            check_printed("contributors", dateline, people[:count])
        except ValueError:
            continue
        break
    return people[:count], people[count:]


def _captions(record: Mapping[str, Any], notes: list[str]) -> list[CaptionSpec]:
    captions = []
    for entry in record.get("captions") or []:
        if not isinstance(entry, Mapping) or not _optional(entry.get("text")):
            notes.append(f"caption left out: no text in {entry!r}")
            continue
        text = clean_body(str(entry["text"]))
        credit = _optional(entry.get("credit"))
        credit = None if credit is None else clean_byline(credit)
        photographer = _optional(entry.get("photographer"))
        try:
            captions.append(
                CaptionSpec(
                    text=text,
                    credit=credit,
                    photographer=None if photographer is None else without_spaces(photographer),
                )
            )
        except ValueError as error:
            notes.append(f"caption left out: {error}")
    return captions


def from_record(record: Mapping[str, Any]) -> RealArticle:
    """A real article's record as a spec, in clean form by the renderer's rules; or why it cannot be one.

    Paragraphs, caption text and headlines are put in clean form
    (:func:`clean_body`, :func:`clean_headline`), datelines, bylines and credits
    too (:func:`clean_byline`); the notes say which. Left out, and noted: a
    headline part not shaped like a headline, a wire dateline's 题 line, a
    dateline whose outlet :func:`dateline_source` cannot tell (with its people), a crosshead index
    that is not strictly inside the body, a caption whose photographer its
    credit does not print. Skipped, with the reason: a record with no
    paragraph, a character that does not show (a control or format code
    point), a contributor whose name is not printed or whose role FIELDS.md
    does not name.

    >>> real = from_record({"id": "x", "headline": "拉 萨河谷秋收忙",
    ...     "paragraphs": ["金秋时节， 拉萨河谷一派繁忙景象。"],
    ...     "byline": "（记者 张三）", "byline_position": "end",
    ...     "contributors": [{"name": "张三", "role": "记者", "organisation": None}]})
    >>> real.spec.headline, real.spec.paragraphs, real.spec.byline.position
    ('拉萨河谷秋收忙', ('金秋时节，拉萨河谷一派繁忙景象。',), 'end')
    >>> real.notes
    ('paragraphs white space cleaned', 'headline white space cleaned')
    >>> from_record({"id": "y", "paragraphs": ["拉萨\\u200b河谷。"]}).skipped
    "a character that does not show in 'paragraphs'"
    """
    identifier = str(record.get("id", ""))
    notes: list[str] = []
    try:
        spec = _spec(record, notes)
    except (_SkipError, ValueError) as error:
        return RealArticle(id=identifier, spec=None, notes=tuple(notes), skipped=str(error))
    return RealArticle(id=identifier, spec=spec, notes=tuple(notes))


def _visible(field: str, texts: Iterable[str]) -> None:
    for text in texts:
        if not visible(text):
            raise _SkipError(f"a character that does not show in {field!r}")


def _spec(record: Mapping[str, Any], notes: list[str]) -> ArticleSpec:
    raw_paragraphs = _strings(record.get("paragraphs"))
    _visible("paragraphs", raw_paragraphs)
    for field in ("kicker", "headline", "dateline", "byline"):
        _visible(field, _strings(record.get(field)))
    _visible("subheadlines", _strings(record.get("subheadlines")))
    paragraphs = [clean_body(paragraph) for paragraph in raw_paragraphs]
    if paragraphs != raw_paragraphs:
        notes.append("paragraphs white space cleaned")
    kept = [index for index, paragraph in enumerate(paragraphs) if paragraph]
    if not kept:
        raise _SkipError("no paragraph")
    people = _people(record)
    dateline_text = _optional(record.get("dateline"))
    dateline = None
    if dateline_text is not None:
        dateline_text = clean_byline(dateline_text)
        if " 题：" in dateline_text:
            # A wire's 题 line is printed on a line of its own in the wire copy; laid out
            # glued to the body, it would run into the first paragraph with no mark.
            dateline_text = dateline_text.split(" 题：", 1)[0]
            notes.append("the dateline's 题 line left out")
        source = dateline_source(dateline_text)
        in_dateline, people = _split_people(people, dateline_text)
        unknown = _unknown_roles(in_dateline)
        if source is None:
            notes.append(
                f"dateline left out with its people: no outlet the renderer knows opens {dateline_text!r}"
            )
        elif unknown:
            notes.append(f"dateline left out with its people: roles {unknown} are not FIELDS.md roles")
        else:
            dateline = DatelineSpec(text=dateline_text, source=source, contributors=in_dateline)
    byline = _byline(record, people, paragraphs, notes)
    crossheads = []
    renumber = {old: new for new, old in enumerate(kept)}
    for index in record.get("crossheads") or []:
        new = renumber.get(int(index))
        if new is None or not 0 < new < len(kept) - 1:
            notes.append(f"crosshead {index} laid out as a paragraph: not strictly inside the body")
        else:
            crossheads.append(new)
    return ArticleSpec(
        kicker=_headline(_optional(record.get("kicker")), "kicker", notes),
        headline=_headline(_optional(record.get("headline")), "headline", notes),
        subheadlines=[
            clean
            for number, text in enumerate(_strings(record.get("subheadlines")))
            if (clean := _headline(text, f"subheadlines/{number}", notes)) is not None
        ],
        dateline=dateline,
        byline=byline,
        paragraphs=[paragraphs[index] for index in kept],
        crossheads=crossheads,
        captions=_captions(record, notes),
    )


def _byline(
    record: Mapping[str, Any], people: list[Contributor], paragraphs: list[str], notes: list[str]
) -> BylineSpec | None:
    text = _optional(record.get("byline"))
    if text is None:
        if people:
            names = [person.name for person in people]
            raise _SkipError(f"contributors {names} printed in no dateline or byline")
        return None
    text = clean_byline(text)
    position = record.get("byline_position") or "top"
    if position not in ("top", "end"):
        raise _SkipError(f"byline position {position!r} is not 'top' or 'end'")
    bracketed = text[0] in "（(" and text[-1] in "）)"
    placed: BylinePosition = "top"
    if position == "end":
        placed = "end" if bracketed else "end_line"
        if bracketed and paragraphs and paragraphs[-1].endswith(text) and paragraphs[-1] != text:
            paragraphs[-1] = paragraphs[-1][: -len(text)]
            notes.append("the byline bracket taken off the last paragraph")
    unknown = _unknown_roles(people)
    if unknown:
        notes.append(f"byline left out with its people: roles {unknown} are not FIELDS.md roles")
        return None
    try:
        return BylineSpec(text=text, contributors=people, position=placed)
    except ValueError as error:
        notes.append(f"byline left out with its people: {error}")
        return None


# -- pages ------------------------------------------------------------------------------------------


def family_layout(family: str, rng: random.Random) -> Layout:
    """A layout of *family* drawn from *rng*.

    - ``plain``: column width, headline placement, first lines and paragraph
      gaps vary; nothing else;
    - ``noisy``: plain, with stray spaces, digit spaces, column breaks,
      letter-spaced and wrapped headlines, CRLF;
    - ``glued``: plain, with datelines glued behind headlines or split, marks
      glued to the body, captions anywhere, with or without blank lines, credits
      on lines of their own;
    - ``mixed``: every option drawn.
    """
    if family not in LAYOUT_FAMILIES:
        raise ValueError(f"'family' must be one of {LAYOUT_FAMILIES} (got {family!r})")
    chance: Callable[[float], bool] = lambda share: rng.random() < share  # noqa: E731
    plain: dict[str, Any] = {
        "width": rng.randint(12, 24),
        "placement": rng.choice(("before", "before", "after")),
        "first_line": rng.choice(("full", "dropped", "indent")),
        "paragraph_gap": chance(0.5),
        "seed": rng.randrange(2**31),
    }
    noisy: dict[str, Any] = {
        "justified_spaces": chance(0.7),
        "digit_spaces": chance(0.7),
        "column_breaks": chance(0.7),
        "letter_spaced_headlines": chance(0.5),
        "wrap_headlines": chance(0.5),
        "newline": "\r\n" if chance(0.3) else "\n",
    }
    glued: dict[str, Any] = {
        "glue_datelines": chance(0.7),
        "split_datelines": chance(0.5),
        "glue_continuations": chance(0.5),
        "caption_position": rng.choice(
            ("with_article", "page_start", "page_end", "in_body", "other_body", "mixed")
        ),
        "caption_gap": chance(0.5),
        "credit_line": chance(0.3),
        "crosshead_gap": chance(0.5),
    }
    if family == "plain":
        return Layout(**plain)
    if family == "noisy":
        return Layout(**plain, **noisy)
    if family == "glued":
        return Layout(**plain, **glued)
    return Layout(**plain, **{name: value for name, value in {**noisy, **glued}.items() if chance(0.5)})


def furniture(rng: random.Random, page: int) -> tuple[list[FurnitureLine], list[FurnitureLine]]:
    """Header and footer lines of page furniture drawn from *rng* for page number *page*."""
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
    form = rng.choice(PAGE_NUMBER_FORMS)
    pieces = {
        "paper": Furniture.paper(rng.choice(PAPERS)),
        "date": Furniture.date(day),
        "page_number": Furniture.page_number(page, form),
        "section": Furniture.section(rng.choice(SECTIONS)),
        "editors": Furniture.editors(
            *zip(rng.sample(EDITOR_ROLES, rng.randint(1, 2)), rng.sample(EDITOR_NAMES, 2), strict=False)
        ),
    }
    header: list[FurnitureLine] = []
    footer: list[FurnitureLine] = []
    for kind in ("paper", "date", "page_number", "section", "editors"):
        if rng.random() < 0.25:
            continue
        target = footer if kind == "editors" and rng.random() < 0.5 else header
        if target and rng.random() < 0.3:
            target[-1] = (*target[-1], pieces[kind])  # one printed line, several kinds
        else:
            target.append((pieces[kind],))
    return header, footer


def jump_out(spec: ArticleSpec, at: int, page: int) -> ArticleSpec:
    """The first *at* paragraphs of *spec*, ending ``（下转第<page>版）``: the half before a jump."""
    return attrs.evolve(
        spec,
        paragraphs=spec.paragraphs[:at],
        crossheads=[index for index in spec.crossheads if index < at - 1],
        byline=spec.byline if spec.byline is None or spec.byline.position == "top" else None,
        continued_to=f"（下转第{page}版）",
    )


def jump_in(spec: ArticleSpec, at: int, page: int) -> ArticleSpec:
    """The paragraphs of *spec* from *at* on, under its headline as jump head, after ``（上接第N版）``."""
    return ArticleSpec(
        headline=spec.headline,
        byline=spec.byline if spec.byline is not None and spec.byline.position != "top" else None,
        paragraphs=spec.paragraphs[at:],
        crossheads=[
            index - at for index in spec.crossheads if index - at > 0 and index < len(spec.paragraphs) - 1
        ],
        continued_from=f"（上接第{chinese_number(page)}版）",
    )


def real_page(
    pool: Sequence[ArticleSpec], seed: int, family: str = "mixed", *, articles: tuple[int, int] = (3, 8)
) -> RenderedPage:
    """A page of *articles* (at least, at most) specs drawn from *pool*, laid out by a *family* layout.

    The draw mixes articles with and without a dateline when the pool holds
    both; one article in four is cut at a jump (only its first half is on the
    page) and one in eight is a continued half under its jump head. Captions
    and furniture are placed as the layout says. The same arguments always give
    the same page.
    """
    rng = random.Random(seed)
    count = min(len(pool), rng.randint(*articles))
    chosen = rng.sample(list(pool), count)
    with_dateline = [spec for spec in pool if spec.dateline is not None]
    without = [spec for spec in pool if spec.dateline is None]
    if count >= 2 and with_dateline and without and len({spec.dateline is None for spec in chosen}) == 1:
        chosen[-1] = rng.choice(without if chosen[0].dateline is not None else with_dateline)
    number = rng.randint(2, 16)
    laid: list[ArticleSpec] = []
    for spec in chosen:
        cut = rng.random()
        if len(spec.paragraphs) >= 2 and cut < 0.25:
            laid.append(jump_out(spec, rng.randint(1, len(spec.paragraphs) - 1), number + 1))
        elif len(spec.paragraphs) >= 2 and spec.headline is not None and cut > 0.875:
            laid.append(jump_in(spec, rng.randint(1, len(spec.paragraphs) - 1), 1))
        else:
            laid.append(spec)
    layout = family_layout(family, rng)
    header, footer = furniture(rng, number)
    return render_page(laid, layout, header=header, footer=footer)
