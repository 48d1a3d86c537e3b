"""Datelines (电头), bylines (署名) and the contributors they name.

A dateline opens a news article: ``本报讯``, ``拉萨融媒讯（记者杨璐）``,
``新华社拉萨9月16日电（记者…）``. Extractors glue it to the previous headline,
split it over two lines or put a stray space before it, so datelines are
matched on the page with its white space taken out (:class:`~lhasa_corpus.lines.Squeezed`)
and mapped back to raw offsets.

A byline may also stand apart from any dateline: on a line of its own under
the headline (``本报记者 张三``, ``文/张三 图/李四``, ``本报评论员``), or in brackets
after the last sentence (``（本报记者王明、李华，新华社记者赵强）``).
:func:`read_byline` tells whether a piece of text is such a byline, and
:func:`parse_contributors` reads the people any byline names, with their
role and the organisation printed with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from lhasa_corpus.chars import HAN, SENTENCE_END, is_han, is_wide, squeeze
from lhasa_corpus.lines import Squeezed

#: Papers, agencies and news sites whose datelines end in 讯 or 电.
KNOWN_OUTLETS: Final = (
    "本报",
    "拉萨日报",
    "西藏日报",
    "西藏商报",
    "人民日报",
    "人民日报海外版",
    "光明日报",
    "经济日报",
    "中国日报",
    "工人日报",
    "农民日报",
    "科技日报",
    "法治日报",
    "解放军报",
    "中国青年报",
    "新华社",
    "中新社",
    "中国新闻社",
    "新华网",
    "人民网",
    "中新网",
    "央视网",
    "央视新闻",
    "央广网",
    "光明网",
    "中国网",
    "中国经济网",
    "中国西藏网",
    "中国西藏新闻网",
    "中国日报网",
    "国际在线",
    "环球网",
    "澎湃新闻",
    "东方网",
)
#: Places whose city-, district- or county-level media centres file as
#: ``<place>融媒讯``: the prefectures of the Tibet Autonomous Region and the
#: districts and counties of Lhasa.
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
#: How the name of an outlet the tables above do not hold ends (山南日报, 江苏融媒, 东方网).
OUTLET_ENDINGS: Final = (
    "融媒体中心",
    "新闻中心",
    "广播电视台",
    "电视台",
    "融媒",
    "日报",
    "晚报",
    "早报",
    "商报",
    "时报",
    "新闻网",
    "新闻",
    "客户端",
    "网",
    "报",
    "社",
)

#: Byline roles as printed, longest first, and the role each stands for.
ROLES: Final = {
    "特约评论员": "特约评论员",
    "评论员": "评论员",
    "特约记者": "特约记者",
    "见习记者": "见习记者",
    "实习记者": "实习记者",
    "首席记者": "首席记者",
    "摄影记者": "摄影记者",
    "全媒体记者": "全媒体记者",
    "记者": "记者",
    "实习生": "实习生",
    "通讯员": "通讯员",
    "摄影": "摄影",
    "摄": "摄影",
}
#: Roles printed with a slash before or after the name: ``文/张三``, ``图/李四``, ``张三/文``.
SLASH_ROLES: Final = {"文": "文", "图": "图", "摄影": "摄影", "摄": "摄影"}
#: English glosses of the roles, for documentation and reports.
ROLE_GLOSSES: Final = {
    "记者": "reporter",
    "特约记者": "special correspondent",
    "见习记者": "trainee reporter",
    "实习记者": "intern reporter",
    "首席记者": "chief reporter",
    "摄影记者": "photojournalist",
    "全媒体记者": "multimedia reporter",
    "实习生": "intern",
    "通讯员": "correspondent",
    "评论员": "commentator",
    "特约评论员": "guest commentator",
    "摄影": "photographer",
    "文": "writer",
    "图": "photos",
}
#: Words that end the name of an organisation printed before a role
#: (``拉萨融媒记者``, ``本报记者``, ``新华社记者``).
ORGANISATION_ENDS: Final = ("融媒体中心", "融媒", "中心", "报", "社", "台", "网", "站", "新闻", "客户端")
#: Words that end the name of a body credited on its own (``城市摄影队 周斌 摄``,
#: ``山东女子学院供图``): a team, a school, a company. Such a word names no person.
INSTITUTION_ENDS: Final = (
    "队",
    "部",
    "协会",
    "学会",
    "大学",
    "学院",
    "学校",
    "医院",
    "公司",
    "集团",
    "研究院",
    "研究所",
    "博物馆",
    "委员会",
)
#: Characters that, printed right after a role word, make it part of a body's
#: name instead: 摄影队, 摄影部, 记者站, 通讯组.
ROLE_IN_NAME: Final = "队部组站处科室协"
#: Words in a byline that name no person: what the contributors did (``记者 张三 摄影报道``,
#: ``曾亦辰参与采写``), or a note on the author (``（作者系西藏大学教授）``).
BYLINE_VERBS: Final = (
    "参与采写",
    "采访整理",
    "摄影报道",
    "联合报道",
    "报道",
    "整理",
    "整合",
    "采访",
    "编译",
    "综合",
    "采写",
    "撰文",
    "供稿",
    "发自",
    "作者",
    "资料来源",
    "来源",
)
#: Words after which a byline names where its text came from, not people
#: (``记者 魏其濛 来源：中国青年报``, ``（资料来源：参考消息、海外网等）``).
SOURCE_WORDS: Final = ("资料来源", "来源")
#: How an editor's note is signed: a byline that names nobody.
EDITORS_SIGNATURES: Final = ("——编者", "—编者", "——本报编辑部", "——编辑部")
#: Marks some papers print before a byline line (``■本报记者 张三``).
BYLINE_MARKS: Final = "■□●○◆◇▲△★☆※▶►"
#: The most characters a byline bracket or a byline line holds, white space not counted.
MAX_BYLINE: Final = 60
#: The most characters of one name: Han names have two to four, Tibetan names
#: four to six (旦增尼玛曲珠); names transliterated with a middle dot (阿不都·热合曼) may be
#: longer.
MAX_NAME: Final = 6
MAX_DOTTED_NAME: Final = 12
#: The most Han characters an unknown outlet's name may have before its ending.
MAX_GENERIC_NAME: Final = 6
#: An unknown outlet's name found longer than this before its ending (长江 in 长江网)
#: holds the end of a headline glued to it: two characters are taken, as a guess...
MAX_PLAIN_NAME: Final = 4
#: ...unless the name ends in an administrative unit (江苏省南京市 in 江苏省南京市融媒讯):
#: a place's full name is long, and a headline seldom ends in one.
ADMINISTRATIVE_UNITS: Final = "省市县区州盟旗镇乡"

_ALTERNATION = "|".join
_OPEN, _CLOSE = "（(", "）)"
_DATE = r"\d{1,2}月\d{1,2}日"
_KNOWN = _ALTERNATION(sorted(KNOWN_OUTLETS, key=len, reverse=True))
#: A known outlet, or a word that ends an outlet's name, cannot stand in a dateline's place: in
#: ``拉萨日报`` / ``本报讯`` (the paper's name, then a dateline) the place of
#: 拉萨日报 is not 本报.
_NOT_OUTLET = f"(?!{_KNOWN}|融媒|日报|晚报|新闻|报|网)"
#: A dateline's place before its date: Han characters, quotes and digits (新华社“雪龙2”号3月5日电).
_PLACE = f'(?:{_NOT_OUTLET}[{HAN}“”‘’"「」·A-Za-z0-9]){{1,10}}?'
#: A place with no date after it (本报拉萨讯) is a short name of Han characters.
_BARE_PLACE = f"(?:{_NOT_OUTLET}[{HAN}]){{1,4}}?"
_PLACE_OUTLET = f"(?:{_ALTERNATION(PLACES)}){MEDIA_CENTRE}"
#: The tail of a dateline after its outlet: 讯 or 电, after a place and a
#: date (新华社拉萨9月16日电, 本报拉萨9月16日讯), a date, a short place (本报拉萨讯), or
#: nothing. The 讯 of 通讯员 (本报通讯员 李萍) ends no dateline.
_DATELINE_TAIL = rf"(?:(?:{_PLACE})?{_DATE}|{_BARE_PLACE})?(?:讯(?!员)|电)"
#: A dateline of a known outlet, on squeezed text. Preceding 据/自/按 means
#: the outlet is quoted inside a sentence (据新华社…电), not opening an article;
#: an opening bracket, that it is a note after the text (（新华社北京1月31日电）).
_DATELINE = re.compile(rf"(?<![据自按另（(])(?P<outlet>{_PLACE_OUTLET}|{_KNOWN}){_DATELINE_TAIL}")
#: A dateline in a note after a wire reprint's text: （新华社北京1月31日电）, （据新华社电）.
_SOURCE_NOTE = re.compile(rf"据?(?:{_PLACE_OUTLET}|{_KNOWN}){_DATELINE_TAIL}")
#: The ending of an outlet the tables do not hold, and the rest of its dateline.
_GENERIC_DATELINE = re.compile(
    rf"(?P<ending>{_ALTERNATION(OUTLET_ENDINGS)})(?P<tail>(?:{_PLACE})?{_DATE}电|(?:(?:{_PLACE})?{_DATE})?讯(?!员))"
)

_SEPARATORS = r"\s、，,；;：:"
_SLASHES = "/／|｜丨"
_ROLE_WORDS = f"(?:{_ALTERNATION(role for role in ROLES if role != '摄')})(?![{ROLE_IN_NAME}])"
_VERB_WORDS = _ALTERNATION(BYLINE_VERBS)
_TOKEN = re.compile(
    rf"(?P<lead>(?:{_ALTERNATION(SLASH_ROLES)})[{_SLASHES}])"
    rf"|(?P<tail>[{_SLASHES}](?:{_ALTERNATION(SLASH_ROLES)}))(?=[{_SEPARATORS}（）()]|$)"
    rf"|(?P<verb>(?:{_VERB_WORDS})[{HAN}]*)"
    rf"|(?P<role>{_ROLE_WORDS}|摄(?=[{_SEPARATORS}（）()]|$))"
    rf"|(?P<separator>[{_SEPARATORS}（）()]+)"
    rf"|(?P<word>[^{_SEPARATORS}（）(){_SLASHES}]+?(?=(?:{_ROLE_WORDS}|摄)(?:[{_SEPARATORS}（）()]|$)"
    rf"|(?:{_ROLE_WORDS}|{_VERB_WORDS})|[{_SEPARATORS}（）(){_SLASHES}]|$))"
)
_NAME = re.compile(f"[{HAN}·•]+")
#: Any word a role, a lead or a tail is made of: a byline without one, a mark or a bracket is none.
_ANY_ROLE = re.compile(_ALTERNATION(sorted({*ROLES, *SLASH_ROLES}, key=len, reverse=True)))


@attrs.frozen(kw_only=True)
class Dateline:
    """A dateline found on a page: its raw span, the outlet it names, and its byline bracket."""

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
    organisation: str | None = None


@attrs.frozen(kw_only=True)
class Byline:
    """The people a byline names, and how it stands.

    *trailing* says that the byline closes an article: it is bracketed or
    names the writer after the name (``张三/文``). *guessed* says that a space
    between single characters was read as letter spacing inside a name.
    """

    people: tuple[NamedContributor, ...]
    trailing: bool = False
    guessed: bool = False


def find_datelines(text: str, squeezed: Squeezed | None = None) -> list[Dateline]:
    """Find every dateline on a page, anywhere in a line, across line breaks.

    Outlets in :data:`KNOWN_OUTLETS` and media centres of :data:`PLACES` are
    known. Another outlet is recognised by its ending (:data:`OUTLET_ENDINGS`:
    ``…融媒讯``, ``…日报讯``, ``…网讯``) when a byline bracket follows its 讯, or
    by a date before its 电; where its name starts is where white space or
    punctuation stands before it, and when nothing does (a headline glued to
    it), two characters are taken and the dateline says it guessed.

    >>> text = " 拉萨融媒讯（记者杨璐）为进一步"
    >>> [(d.source, text[d.start:d.end]) for d in find_datelines(text)]
    [('拉萨融媒', '拉萨融媒讯（记者杨璐）')]
    >>> text = "座谈会召开拉萨融媒讯（记者次仁卓玛、次\\n央卓）近日"
    >>> [text[d.start:d.end] for d in find_datelines(text)]
    ['拉萨融媒讯（记者次仁卓玛、次\\n央卓）']
    >>> [(d.source, d.source_guessed) for d in find_datelines("正文。\\n东方网讯 （记者 李四）近日")]
    [('东方网', False)]
    >>> [d.source for d in find_datelines("新华社“雪龙2”号3月5日电（记者张三）")]
    ['新华社']
    >>> find_datelines("据新华社拉萨9月16日电，会议召开。")
    []
    >>> [d.source for d in find_datelines("拉萨日报\\n\\n本报讯（记者 张三）")]
    ['本报']
    """
    squeezed = squeezed or Squeezed.of(text)
    squeezed_text = squeezed.text
    # (start, outlet end, match end, guessed)
    known = [(m.start(), m.end("outlet"), m.end(), False) for m in _DATELINE.finditer(squeezed_text)]
    candidates = list(known)
    known_index = 0
    for match in _GENERIC_DATELINE.finditer(squeezed_text):
        end = match.end()
        if match.group("tail").endswith("讯") and (
            end >= len(squeezed_text) or squeezed_text[end] not in _OPEN
        ):
            continue
        while known_index < len(known) and known[known_index][2] <= match.start():
            known_index += 1
        if known_index < len(known) and known[known_index][0] < end:
            continue  # part of a known outlet's dateline
        if squeezed_text.endswith(KNOWN_OUTLETS, 0, match.end("ending")):
            continue  # a known outlet the known pattern refused: quoted (据新华社…电)
        if match.start() > 0 and squeezed_text[match.start() - 1] in _OPEN:
            continue  # a note in brackets, not a dateline
        start, guessed = _generic_source_start(text, squeezed, match.start())
        if start is not None and match.start() - start + len(match.group("ending")) >= 2:
            candidates.append((start, match.end("ending"), end, guessed))
    found = []
    taken = 0  # squeezed end of the last dateline: one inside its byline is no dateline
    for start, outlet_end, match_end, guessed in sorted(candidates):
        if start < taken:
            continue
        end = match_end
        byline_span = None
        unclosed = False
        if end < len(squeezed_text) and squeezed_text[end] in _OPEN:
            close = _find_close(squeezed_text, end)
            if close is None:
                unclosed = True
            else:
                byline_span = squeezed.span(end, close + 1)
                end = close + 1
        taken = end
        raw_start, raw_end = squeezed.span(start, end)
        found.append(
            Dateline(
                start=raw_start,
                end=raw_end,
                source=squeezed_text[start:outlet_end],
                source_span=squeezed.span(start, outlet_end),
                byline_span=byline_span,
                unclosed=unclosed,
                source_guessed=guessed,
            )
        )
    return found


def _generic_source_start(text: str, squeezed: Squeezed, ending_at: int) -> tuple[int | None, bool]:
    """Where an unknown outlet's name starts before its ending, and whether that was guessed."""
    squeezed_text = squeezed.text
    earliest = ending_at
    while earliest > 0 and ending_at - earliest < MAX_GENERIC_NAME and is_han(squeezed_text[earliest - 1]):
        earliest -= 1
    if earliest == ending_at:
        return None, False
    for start in range(earliest, ending_at):
        raw = squeezed.offset(start)
        if start == 0 or raw == 0 or text[raw - 1].isspace() or not is_han(squeezed_text[start - 1]):
            if ending_at - start <= MAX_PLAIN_NAME or squeezed_text[ending_at - 1] in ADMINISTRATIVE_UNITS:
                return start, False
            break  # a headline glued to the outlet: 欢声笑语长江网讯
    return max(earliest, ending_at - 2), True


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
    separated by 、, commas or spaces; a line break inside a name is the
    column's wrap, not a separator. A trailing 摄 or 摄影 makes the names
    before it photographers, a slash role (``文/``, ``/文``) names the writer
    or the photographer. A word printed against a role that ends like an
    organisation (``拉萨融媒记者``, ``本报记者``, ``新华社记者``), or against the
    byline's first role (``政能亮特约评论员``), is the organisation of the people
    after that role, not a person. Single characters that only
    spaces separate are one letter-spaced name (``李 明``).

    >>> t = "（记者次仁卓玛\\n实习生达瓦央宗）"
    >>> [(c.name, c.role) for c in parse_contributors(t, 0, len(t))]
    [('次仁卓玛', '记者'), ('达瓦央宗', '实习生')]
    >>> t = "本报记者 张三 通讯员 李四、王五"
    >>> [(c.name, c.role, c.organisation) for c in parse_contributors(t, 0, len(t))]
    [('张三', '记者', '本报'), ('李四', '通讯员', None), ('王五', '通讯员', None)]
    >>> t = "拉萨融媒记者 李丛芳摄"
    >>> [(c.name, c.role, c.organisation) for c in parse_contributors(t, 0, len(t))]
    [('李丛芳', '摄影', '拉萨融媒')]
    >>> t = "记者 李 明 张三"
    >>> [c.name for c in parse_contributors(t, 0, len(t))]
    ['李明', '张三']
    """
    return list(read_people(text, start, end).people)


def read_people(text: str, start: int, end: int) -> Byline:
    """The people ``text[start:end]`` names, as :func:`parse_contributors` reads them.

    >>> t = "文/张三 图/李四"
    >>> [(c.name, c.role) for c in read_people(t, 0, len(t)).people]
    [('张三', '文'), ('李四', '图')]
    >>> t = "本报记者 张三/文"
    >>> [(c.name, c.role, c.organisation) for c in read_people(t, 0, len(t)).people]
    [('张三', '记者', '本报')]
    >>> t = "文丨政能亮特约评论员 韩涵"
    >>> [(c.name, c.role, c.organisation) for c in read_people(t, 0, len(t)).people]
    [('韩涵', '特约评论员', '政能亮')]
    >>> t = "中青报·中青网记者 魏其濛 来源：中国青年报"
    >>> [(c.name, c.organisation) for c in read_people(t, 0, len(t)).people]
    [('魏其濛', '中青报·中青网')]
    >>> t = "城市摄影队 周斌 摄"
    >>> [(c.name, c.role, c.organisation) for c in read_people(t, 0, len(t)).people]
    [('周斌', '摄影', '城市摄影队')]
    """
    tokens, guessed = _tokens(text, start, end)
    people: list[NamedContributor] = []
    since_role: list[int] = []
    role: str | None = None
    organisation: str | None = None
    pending: str | None = None  # an organisation printed against the next role
    led = False  # whether the role in force came from a lead (文丨, 图/)
    for index, (kind, token, token_start, token_end) in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if kind == "verb" and token.startswith(SOURCE_WORDS):
            break  # what follows names sources, not people
        if kind == "word":
            first_role = (role is None or led) and not since_role
            if _organisation_before(tokens, index, first_role=first_role):
                pending = token
                continue
            if token.startswith(BYLINE_VERBS) or not _is_name(token):
                continue
            if token.endswith(INSTITUTION_ENDS):  # 城市摄影队 周斌 摄: the team the people after it are in
                organisation = token
                continue
            since_role.append(len(people))
            people.append(
                NamedContributor(
                    name=token, role=role, start=token_start, end=token_end, organisation=organisation
                )
            )
        elif (
            kind == "role"
            and ROLES[token] == "摄影"
            and since_role
            and (following is None or following[0] != "word")
        ):
            _give_role(
                people, since_role, "摄影", only_unset=False
            )  # 李丛芳摄: the names before it took the photo
            pending, since_role = None, []
        elif kind == "role":
            role, organisation, pending, since_role = ROLES[token], pending, None, []
            led = False
        elif kind == "lead":  # 文丨: a lead names no organisation, so a word glued to the next role still may
            role, organisation, pending, since_role = SLASH_ROLES[token[:-1]], None, None, []
            led = True
        elif kind == "tail":  # 张三/文 names the writer of a name printed without a role
            _give_role(people, since_role, SLASH_ROLES[token[1:]], only_unset=True)
            since_role = []
        # verbs (报道, 参与采写) say what they did, not who
    return Byline(people=tuple(people), guessed=guessed)


def _give_role(people: list[NamedContributor], indexes: list[int], role: str, *, only_unset: bool) -> None:
    """Give the people at *indexes* the role printed after their names (李丛芳摄, 张三/文)."""
    for index in indexes:
        if not only_unset or people[index].role is None:
            people[index] = attrs.evolve(people[index], role=role)


def _organisation_before(
    tokens: Sequence[tuple[str, str, int, int]], index: int, *, first_role: bool
) -> bool:
    """Whether word *index* is an organisation printed against the role after it.

    It is when it ends like an organisation (本报, 新华社, 拉萨融媒) or, before
    the byline's first role, when it could be a name (政能亮特约评论员): a
    person's name comes after the role, not before it.
    """
    _, word, _, end = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following[0] != "role":
        return False
    if following[2] != end:  # 本报 评论员: a stray space between an organisation and its role
        return _is_organisation(word) and ROLES[following[1]] != "摄影"
    # 张三摄: a name before the photographer's 摄 is the photographer's.
    return _is_organisation(word) or (first_role and _is_name(word) and ROLES[following[1]] != "摄影")


def _is_organisation(word: str) -> bool:
    return word.endswith(ORGANISATION_ENDS + INSTITUTION_ENDS) or word in KNOWN_OUTLETS


def _is_name(word: str) -> bool:
    longest = MAX_DOTTED_NAME if "·" in word or "•" in word else MAX_NAME
    return 2 <= len(word) <= longest and _NAME.fullmatch(word) is not None


def _tokens(text: str, start: int, end: int) -> tuple[list[tuple[str, str, int, int]], bool]:
    """The byline's tokens (kind, text, raw start, raw end), separators left out.

    Single-character words that only spaces separate are merged into one
    word: a letter-spaced name. A single character next to a longer word is
    merged with its neighbour too, which is a guess (returned as True).
    """
    chars, offsets = _byline_view(text, start, end)
    view = "".join(chars)
    raw: list[tuple[str, str, int, int, str]] = []  # kind, token, start, end, separator after
    for match in _TOKEN.finditer(view):
        kind = match.lastgroup or "word"
        if kind == "separator":
            if raw:
                kind_, token, first, last, _ = raw[-1]
                raw[-1] = (kind_, token, first, last, match.group())
            continue
        token = match.group()
        raw.append((kind, token, offsets[match.start()], offsets[match.end() - 1] + 1, ""))
    merged: list[tuple[str, str, int, int]] = []
    guessed = False
    index = 0
    while index < len(raw):
        kind, token, first, last, separator = raw[index]
        if kind == "word" and len(token) == 1 and is_han(token):
            run = [raw[index]]
            while (
                run[-1][4].isspace()
                and index + len(run) < len(raw)
                and raw[index + len(run)][0] == "word"
                and len(raw[index + len(run)][1]) == 1
            ):
                run.append(raw[index + len(run)])
            if len(run) == 1:
                # A lone character is no name: join the word it is spaced from.
                after = raw[index + 1] if index + 1 < len(raw) else None
                if separator.isspace() and after is not None and after[0] == "word" and len(after[1]) <= 3:
                    run.append(after)
                    guessed = True
                elif merged and merged[-1][0] == "word" and _spaced(text, merged[-1][3], first):
                    previous = merged.pop()
                    merged.append(("word", previous[1] + token, previous[2], last))
                    guessed = True
                    index += 1
                    continue
            merged.append(("word", "".join(part[1] for part in run), first, run[-1][3]))
            index += len(run)
            continue
        merged.append((kind, token, first, last))
        index += 1
    return merged, guessed


def _spaced(text: str, left_end: int, right_start: int) -> bool:
    between = text[left_end:right_start]
    return bool(between) and between.isspace()


def _byline_view(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The byline's characters with wrapped line breaks removed, and their offsets.

    White space holding a line break between two wide characters is the
    column's wrap and vanishes, even where a role follows (``次仁卓玛`` /
    ``实习生``: the role itself separates the names) or the break cuts a role
    (``特约`` / ``记者``); any other white space separates names and becomes
    one space.
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
        wrapped = has_break and chars and run_end < end and is_wide(chars[-1]) and is_wide(text[run_end])
        if not wrapped:
            chars.append(" ")
            offsets.append(index)
        index = run_end
    return chars, offsets


def read_byline(text: str, start: int, end: int) -> Byline | None:
    """Read ``text[start:end]`` as a byline that stands on its own, or return None.

    A byline names people with a role (``本报记者 张三``, ``记者 张三 通讯员 李四``,
    ``文/张三 图/李四``, ``本报记者 张三/文``), or is a commentator's byline
    without a name (``本报评论员``), or is a bracket of names alone
    (``（张三）``). It holds no sentence punctuation and nothing that is not a
    role, an organisation, a name or a word such as 报道. A bracketed byline
    or one that ends in a slash role is *trailing*: it closes its article.

    >>> [p.name for p in read_byline("本报记者 张三", 0, 7).people]
    ['张三']
    >>> read_byline("本报评论员", 0, 5).people
    ()
    >>> read_byline("（本报记者王明、李华，新华社记者赵强）", 0, 19).trailing
    True
    >>> read_byline("市委常委、秘书长张春阳主持。", 0, 14) is None
    True
    >>> read_byline("业务培训解难题 提升服务强能力", 0, 15) is None
    True
    >>> read_byline("新华社记者 刘 洋摄", 0, 10) is None
    True
    >>> [p.name for p in read_byline("■ 李 文", 0, 5).people], read_byline("——编  者", 0, 6).people
    (['李文'], ())
    >>> read_byline("三维激光扫描、航空摄影测量、", 0, 14) is None
    True
    """
    whole = squeeze(text[start:end])
    squeezed = whole.lstrip(BYLINE_MARKS)
    if squeezed in EDITORS_SIGNATURES:
        return Byline(people=(), trailing=True)  # ——编者: who signs an editor's note
    shaped = _byline_shaped(squeezed)
    bracketed = shaped and squeezed[0] in _OPEN and squeezed[-1] in _CLOSE
    # No mark, no bracket, no role: no form of byline is left (a quick test before the tokens).
    formless = not shaped or (whole == squeezed and not bracketed and _ANY_ROLE.search(squeezed) is None)
    tokens, guessed = ([], False) if formless else _tokens(text, start, end)
    if formless or not _byline_words_only(tokens):
        return None
    people = read_people(text, start, end).people
    kinds = [kind for kind, *_ in tokens]
    if whole != squeezed and set(kinds) == {"word"}:
        people = people if len(people) <= 4 else ()  # ■ 李 文: a mark before names
        return Byline(people=people, guessed=guessed) if people else None
    photo_credit = bool(people) and all(person.role == "摄影" for person in people)
    if photo_credit and (bracketed or (kinds[-1] == "role" and ROLES[tokens[-1][1]] == "摄影")):
        return None  # …记者 刘 洋摄, （摄影 莫从芳）: a photo credit, which a caption ends in
    commentator = any(
        kind == "role" and ROLES[token] in ("评论员", "特约评论员") for kind, token, *_ in tokens
    )
    if any(kind in ("role", "lead", "tail") for kind in kinds) and (people or commentator):
        return Byline(people=people, trailing=bracketed or kinds[-1] == "tail", guessed=guessed)
    names_alone = bracketed and 0 < len(people) <= 4 and all(len(person.name) <= 4 for person in people)
    return Byline(people=people, trailing=True, guessed=guessed) if names_alone else None


def _byline_shaped(squeezed: str) -> bool:
    """Whether text may be a byline at all: short, no sentence end, no clause mark at its end.

    A bracket inside it, not around it, holds nothing but a note on the author:
    ``…三重启示（评论员观察）`` is a headline with a column's tag.
    """
    if not 2 <= len(squeezed) <= MAX_BYLINE or any(char in SENTENCE_END for char in squeezed):
        return False
    bracketed = squeezed[0] in _OPEN and squeezed[-1] in _CLOSE
    return squeezed[-1] not in "，、；：,;:" and (bracketed or not _inner_bracket(squeezed))


def _inner_bracket(squeezed: str) -> bool:
    """Whether a bracket inside a byline holds anything but a note on the author (（作者系…）)."""
    at = max(squeezed.find("（"), squeezed.find("("))
    return at >= 0 and not squeezed.startswith("作者", at + 1)


def _byline_words_only(tokens: Sequence[tuple[str, str, int, int]]) -> bool:
    """Whether every word of a byline is a name, an organisation before a role, or a word such as 报道."""
    first_role = next((index for index, token in enumerate(tokens) if token[0] != "word"), len(tokens))
    for index, (kind, token, _, _) in enumerate(tokens):
        if kind != "word":
            continue  # roles, and verbs such as 报道
        if not (
            _is_name(token)
            or token.startswith(BYLINE_VERBS)
            or not token.strip(BYLINE_MARKS)
            or _organisation_before(tokens, index, first_role=index + 1 == first_role)
        ):
            return False
    return bool(tokens)


#: An opening bracket right after a sentence end (perhaps closed by a quote):
#: where a closing byline may start. A quote alone ends no sentence: a
#: headline such as ``必须遏制日本推进“新型军国主义”（钟声）`` keeps its bracket.
_AFTER_SENTENCE_BRACKET = re.compile("(?:(?<=[。！？!?])|(?<=[。！？!?][”’」』]))[（(]")


def find_end_bylines(text: str, squeezed: Squeezed) -> list[tuple[int, int, Byline]]:
    """Bracketed bylines printed after an article's last sentence, with their raw spans.

    ``……孙丽说。（本报记者王明、李华，新华社记者赵强）``: a bracket that opens
    right after a sentence end, closes at the end of a line, and reads as a
    byline (:func:`read_byline`), or holds a dateline that says where a wire
    reprint came from (``（新华社北京1月31日电）``), or both, or a note on the
    author (``（作者为本报安徽分社记者）``). A bracket inside a line is left alone:
    it is part of a sentence; so is a photo credit (``（记者 张三 摄）``),
    which belongs to a caption.

    >>> t = "发展贡献力量。（本报记者 王明）\\n\\n下一篇"
    >>> [(t[s:e], [p.name for p in b.people]) for s, e, b in find_end_bylines(t, Squeezed.of(t))]
    [('（本报记者 王明）', ['王明'])]
    >>> find_end_bylines("他说。（记者 王明）还说", Squeezed.of("他说。（记者 王明）还说"))
    []
    >>> t = "续写新篇章。（作者：周信）\\n\\n他说。（作者系西藏大学教授）\\n"
    >>> [(t[s:e], [p.name for p in b.people]) for s, e, b in find_end_bylines(t, Squeezed.of(t))]
    [('（作者：周信）', ['周信']), ('（作者系西藏大学教授）', [])]
    >>> t = "3月1日就职。（新华社北京1月31日电）\\n"
    >>> [t[s:e] for s, e, _ in find_end_bylines(t, Squeezed.of(t))]
    ['（新华社北京1月31日电）']
    >>> t = "他说。（本报库尔勒1月2日电 记者赵明昊、黄小异）\\n"
    >>> [[p.name for p in b.people] for _, _, b in find_end_bylines(t, Squeezed.of(t))]
    [['赵明昊', '黄小异']]
    """
    squeezed_text = squeezed.text
    found = []
    for match in _AFTER_SENTENCE_BRACKET.finditer(squeezed_text):
        close = _find_close(squeezed_text, match.start())
        if close is None:
            continue
        start, end = squeezed.span(match.start(), close + 1)
        line_end = end
        while line_end < len(text) and text[line_end] in " \t\u3000":
            line_end += 1
        if line_end < len(text) and text[line_end] not in "\n\r\f\v\x85\u2028\u2029":
            continue
        if squeezed_text[close - 1] in "摄图" or squeezed_text[match.start() : close].endswith(
            ("摄影", "供图", "提供")
        ):
            continue  # a photo credit: the caption's, not the article's
        byline = _closing_bracket(text, squeezed, match.start(), close)
        if byline is not None:
            found.append((start, end, byline))
    return found


def _closing_bracket(text: str, squeezed: Squeezed, open_at: int, close: int) -> Byline | None:
    """What a bracket after an article's last sentence says of its authors, or None.

    A byline (``（本报记者王明、李华）``), a note on the author (``（作者为本报
    安徽分社记者）``) or the editor (``（编辑：严玉洁）``), a wire
    reprint's source (``（新华社北京1月31日电）``), or a
    source and a byline (``（本报库尔勒1月2日电 记者赵明昊、黄小异）``).
    """
    squeezed_text = squeezed.text
    if squeezed_text.startswith(("作者", "编辑", "责任编辑"), open_at + 1):
        # A note on the author or the editor; （作者：周信） names the author.
        named = (
            read_byline(text, *squeezed.span(open_at, close + 1))
            if squeezed_text[open_at + 3] in "：:"
            else None
        )
        return Byline(people=(), trailing=True) if named is None else named
    note = _SOURCE_NOTE.match(squeezed_text, open_at + 1, close)
    if note is None:
        return read_byline(text, *squeezed.span(open_at, close + 1))
    if note.end() == close:
        return Byline(people=(), trailing=True)
    rest = read_byline(text, *squeezed.span(note.end(), close))
    return None if rest is None else Byline(people=rest.people, trailing=True, guessed=rest.guessed)


def near_identical(first: str, second: str) -> bool:
    """Same length, different in exactly one character (李从芳 / 李丛芳).

    >>> near_identical("李从芳", "李丛芳"), near_identical("李从芳", "李从芳"), near_identical("张三", "李四")
    (True, False, False)
    """
    if len(first) != len(second) or first == second or len(first) < 2:
        return False
    return sum(1 for a, b in zip(first, second, strict=True) if a != b) == 1


def near_identical_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    """Every pair of distinct names that differ in one character, sorted, in time linear in the names.

    Each name of length *n* is filed under its *n* masks (the name with one
    character blanked out); two names are near-identical exactly when they
    share a mask, so no pair of names is compared that does not.

    >>> near_identical_pairs(["李丛芳", "杨璐", "李从芳", "李丛芳"])
    [('李丛芳', '李从芳')]
    """
    buckets: defaultdict[str, set[str]] = defaultdict(set)
    for name in set(names):
        if len(name) < 2:
            continue
        for index in range(len(name)):
            buckets[name[:index] + "\0" + name[index + 1 :]].add(name)
    pairs: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        if len(bucket) > 1:
            ordered = sorted(bucket)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return sorted(pairs)
