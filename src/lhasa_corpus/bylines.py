"""Datelines (电头) and the contributors named in their bylines (署名).

A dateline opens an article: ``本报讯``, ``拉萨融媒讯（记者杨璐）``,
``新华社拉萨9月16日电 (记者…)``. Extractors glue it to the previous headline,
split it over two lines or put a stray space before it, so datelines are
matched on the page with its white space taken out (:class:`~lhasa_corpus.lines.Squeezed`)
and mapped back to raw offsets.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from lhasa_corpus.chars import HAN, is_han, is_wide
from lhasa_corpus.lines import Squeezed

#: Papers and agencies whose datelines end in 讯 (本报讯, 西藏日报讯).
NEWS_SOURCES: Final = (
    "本报",
    "拉萨日报",
    "西藏日报",
    "西藏商报",
    "人民日报",
    "光明日报",
    "经济日报",
    "中国日报",
    "工人日报",
    "法治日报",
    "中国青年报",
    "中国西藏网",
    "中国西藏新闻网",
    "人民网",
    "新华网",
    "中新网",
    "央视网",
    "央视新闻",
)
#: Agencies whose datelines end in 电 after a place and date (新华社拉萨9月16日电).
WIRE_SOURCES: Final = ("新华社", "中新社", "中国新闻社", "人民网", "新华网", "中新网", "央视网", "本报")
#: Places whose county- or city-level media centres file as ``<place>融媒讯``:
#: the prefectures of the Tibet Autonomous Region and the districts and
#: counties of Lhasa.
PLACES: Final = (
    "西藏",
    "拉萨",
    "日喀则",
    "昌都",
    "林芝",
    "山南",
    "那曲",
    "阿里",
    "城关",
    "堆龙德庆",
    "达孜",
    "林周",
    "当雄",
    "尼木",
    "曲水",
    "墨竹工卡",
    "柳梧",
    "经开",
)
#: Media-centre suffixes after a place: 拉萨融媒, 城关区融媒体中心.
MEDIA_CENTRE: Final = "(?:市|区|县)?(?:融媒体中心|融媒|新闻中心|广播电视台)"

#: Byline roles, longest first so that 特约记者 is not read as 记者.
ROLES: Final = {
    "特约记者": "特约记者",
    "见习记者": "见习记者",
    "实习记者": "实习记者",
    "首席记者": "首席记者",
    "摄影记者": "摄影记者",
    "记者": "记者",
    "实习生": "实习生",
    "通讯员": "通讯员",
    "摄影": "摄影",
    "摄": "摄影",
}
#: English glosses of the roles, for documentation and reports.
ROLE_GLOSSES: Final = {
    "记者": "reporter",
    "特约记者": "special correspondent",
    "见习记者": "trainee reporter",
    "实习记者": "intern reporter",
    "首席记者": "chief reporter",
    "摄影记者": "photojournalist",
    "实习生": "intern",
    "通讯员": "correspondent",
    "摄影": "photographer",
}
#: Words that end the name of an organisation printed before a role
#: (``拉萨融媒记者``, ``本报记者``); such a word is not a contributor.
_ORGANISATION_END: Final = ("融媒", "融媒体中心", "报", "社", "台", "网", "中心", "站")

_ALTERNATION = "|".join
_PLACE_SOURCE = f"(?:{_ALTERNATION(PLACES)}){MEDIA_CENTRE}"
_DATE = r"\d{1,2}月\d{1,2}日"
_OPEN, _CLOSE = "（(", "）)"
#: A dateline on squeezed text. Preceding 据/自/按 means the source is quoted
#: inside a sentence (据新华社…电), not opening an article.
_DATELINE = re.compile(
    rf"(?<![据自按])(?:"
    rf"(?P<xun_source>{_PLACE_SOURCE}|{_ALTERNATION(NEWS_SOURCES)})(?:[{HAN}]{{1,6}}?{_DATE})?讯"
    rf"|(?P<dian_source>{_ALTERNATION(WIRE_SOURCES)})[{HAN}]{{1,8}}?{_DATE}电"
    rf")"
)
#: Endings of outlets that are not in the tables above (江苏融媒讯, 山南日报讯).
_GENERIC_SOURCE_END = re.compile(r"(?:融媒体中心|融媒|日报|晚报|新闻网|电视台)讯")
#: The most Han characters an unknown outlet's name may have before its ending.
MAX_GENERIC_NAME: Final = 6
#: Longest byline bracket accepted, in characters; longer is not a byline.
MAX_BYLINE: Final = 60
_NAME_SEPARATORS: Final = r"\s、，,/／;；:：（）()"
_ROLE_WORDS = _ALTERNATION(sorted((role for role in ROLES if role != "摄"), key=len, reverse=True))
#: 摄 is a role only where a name or bracket ends: ``李丛芳摄``, ``张三 摄）``.
_ROLE = rf"{_ROLE_WORDS}|摄(?=[{_NAME_SEPARATORS}]|$)"
_BYLINE_TOKEN = re.compile(
    rf"(?P<role>{_ROLE})|(?P<separator>[{_NAME_SEPARATORS}]+)"
    rf"|(?P<word>[^{_NAME_SEPARATORS}]+?(?=(?:{_ROLE})|[{_NAME_SEPARATORS}]|$))"
)


@attrs.frozen(kw_only=True)
class Dateline:
    """A dateline found on a page: its raw span, the source it names, and its byline."""

    start: int
    end: int
    source: str
    source_span: tuple[int, int]
    byline_span: tuple[int, int] | None
    unclosed: bool = False
    source_guessed: bool = False


@attrs.frozen(kw_only=True)
class NamedContributor:
    """A contributor with the raw span of the name."""

    name: str
    role: str | None
    start: int
    end: int


def find_datelines(text: str, squeezed: Squeezed | None = None) -> list[Dateline]:
    """Find every dateline on a page, anywhere in a line, across line breaks.

    Sources in :data:`NEWS_SOURCES`, :data:`WIRE_SOURCES` and :data:`PLACES`
    are known. Another outlet is recognised by its ending (``…融媒讯``,
    ``…日报讯``) when a byline bracket follows; where it starts is where white
    space or punctuation stands before it, and when nothing does (a headline
    glued to it), two characters are taken and the dateline says it guessed.

    >>> text = " 拉萨融媒讯（记者杨璐）为进一步"
    >>> [(d.source, text[d.start:d.end]) for d in find_datelines(text)]
    [('拉萨融媒讯', '拉萨融媒讯（记者杨璐）')]
    >>> text = "座谈会召开拉萨融媒讯（记者次仁卓玛、次\\n央卓）近日"
    >>> [text[d.start:d.end] for d in find_datelines(text)]
    ['拉萨融媒讯（记者次仁卓玛、次\\n央卓）']
    >>> [(d.source, d.source_guessed) for d in find_datelines("正文。\\n江苏融媒讯（记者王五）近日")]
    [('江苏融媒讯', False)]
    >>> find_datelines("据新华社拉萨9月16日电，会议召开。")
    []
    """
    squeezed = squeezed or Squeezed.of(text)
    flat = squeezed.text
    candidates: list[tuple[int, int, int, bool]] = []  # source start, source end, match end, guessed
    for match in _DATELINE.finditer(flat):
        source = match.group("xun_source") or match.group("dian_source")
        source_end = match.end() if source.endswith(("融媒", "融媒体中心")) else match.start() + len(source)
        candidates.append((match.start(), source_end, match.end(), False))
    known = [(start, end) for start, _, end, _ in candidates]
    for match in _GENERIC_SOURCE_END.finditer(flat):
        if match.end() >= len(flat) or flat[match.end()] not in _OPEN:
            continue
        if any(start < match.end() and match.start() < end for start, end in known):
            continue
        start, guessed = _generic_source_start(text, squeezed, match.start())
        if start is not None:
            candidates.append((start, match.end(), match.end(), guessed))
    found = []
    taken = 0  # squeezed end of the last dateline: one inside its byline is no dateline
    for source_start, source_end, match_end, guessed in sorted(candidates):
        if source_start < taken:
            continue
        end = match_end
        byline_span = None
        unclosed = False
        if end < len(flat) and flat[end] in _OPEN:
            close = _find_close(flat, end)
            if close is None:
                unclosed = True
            else:
                byline_span = squeezed.span(end, close + 1)
                end = close + 1
        taken = end
        raw_start, raw_end = squeezed.span(source_start, end)
        found.append(
            Dateline(
                start=raw_start,
                end=raw_end,
                source=flat[source_start:source_end],
                source_span=squeezed.span(source_start, source_end),
                byline_span=byline_span,
                unclosed=unclosed,
                source_guessed=guessed,
            )
        )
    return found


def _generic_source_start(text: str, squeezed: Squeezed, suffix_at: int) -> tuple[int | None, bool]:
    """Where an unknown outlet's name starts before its suffix, and whether that was guessed."""
    flat = squeezed.text
    earliest = suffix_at
    while earliest > 0 and suffix_at - earliest < MAX_GENERIC_NAME and is_han(flat[earliest - 1]):
        earliest -= 1
    if suffix_at - earliest < 2:
        return None, False
    for start in range(earliest, suffix_at - 1):
        raw = squeezed.offset(start)
        if start == 0 or raw == 0 or text[raw - 1].isspace() or not is_han(flat[start - 1]):
            return start, False
    return suffix_at - 2, True


def _find_close(squeezed: str, open_at: int) -> int | None:
    for index in range(open_at + 1, min(len(squeezed), open_at + 1 + MAX_BYLINE)):
        char = squeezed[index]
        if char in _CLOSE:
            return index if index > open_at + 1 else None
        if char in _OPEN or char in "。！？":
            return None
    return None


def parse_contributors(text: str, start: int, end: int) -> list[NamedContributor]:
    """Read the contributors of the byline ``text[start:end]``, brackets included or not.

    A role applies to the names after it until the next role; names are
    separated by 、 or commas or spaces; a line break inside a name is the
    column's wrap, not a separator. A trailing 摄 or 摄影 makes the names before
    it photographers. An organisation before a role (``拉萨融媒记者``) is not a
    contributor.

    >>> t = "（记者次仁卓玛\\n实习生达瓦央宗）"
    >>> [(c.name, c.role) for c in parse_contributors(t, 0, len(t))]
    [('次仁卓玛', '记者'), ('达瓦央宗', '实习生')]
    >>> t = "记者 张三 通讯员 李四、王五"
    >>> [(c.name, c.role) for c in parse_contributors(t, 0, len(t))]
    [('张三', '记者'), ('李四', '通讯员'), ('王五', '通讯员')]
    >>> t = "拉萨融媒记者 李丛芳摄"
    >>> [(c.name, c.role) for c in parse_contributors(t, 0, len(t))]
    [('李丛芳', '摄影')]
    """
    chars, offsets = _byline_view(text, start, end)
    tokens = [
        (match.lastgroup, match.group(), match.start())
        for match in _BYLINE_TOKEN.finditer("".join(chars))
        if match.lastgroup != "separator"
    ]
    contributors: list[NamedContributor] = []
    since_role: list[int] = []
    role: str | None = None
    for index, (kind, token, at) in enumerate(tokens):
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind == "role":
            canonical = ROLES[token]
            if canonical == "摄影" and since_role and following != "word":
                for earlier in since_role:  # 李丛芳摄: the names before it took the photo
                    contributors[earlier] = attrs.evolve(contributors[earlier], role="摄影")
            else:
                role = canonical
            since_role = []
        elif following == "role" and token.endswith(_ORGANISATION_END):
            continue  # 拉萨融媒 before 记者 names the employer, not a person
        else:
            since_role.append(len(contributors))
            contributors.append(
                NamedContributor(
                    name=token, role=role, start=offsets[at], end=offsets[at + len(token) - 1] + 1
                )
            )
    return contributors


def _byline_view(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The byline's characters with wrapped line breaks removed, and their offsets.

    White space holding a line break between two wide characters is the
    column's wrap and vanishes, even where a role follows (``次仁卓玛`` /
    ``实习生``: the role itself separates the names) or the break cuts a role
    (``特约`` / ``记者``); any other white space separates names.
    """
    chars: list[str] = []
    offsets: list[int] = []
    index = start
    while index < end:
        char = text[index]
        if not char.isspace():
            chars.append(char)
            offsets.append(index)
            index += 1
            continue
        run_end = index
        while run_end < end and text[run_end].isspace():
            run_end += 1
        has_break = any(c in "\n\r" for c in text[index:run_end])
        wrapped = (
            has_break
            and chars
            and run_end < end
            and is_wide(chars[-1])
            and is_wide(text[run_end])
        )
        if not wrapped:
            chars.append(" ")
            offsets.append(index)
        index = run_end
    return chars, offsets
