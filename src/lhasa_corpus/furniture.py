"""Page furniture (版面) and continuation marks (转版).

Furniture is what the page prints around the articles: the paper's name, the
date line, the page number, the section label, the editors' credits
(责任编辑). It belongs to no article: it stays on the page as leftovers, each
with its kind, and the page's section labels and editors are read out of it.
A continuation mark (``下转第3版``, ``（上接第1版）``) belongs to the article it
sits in: it says where the article goes on or came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from lhasa_corpus.chars import HAN, squeeze
from lhasa_corpus.lines import Line, Squeezed
from lhasa_corpus.models import Contributor

_NUMERAL = "0-9０-９一二三四五六七八九十"
#: ``下转第3版``, ``（上接第一版）``, ``转A5版``: where an article goes on, or came from.
_CONTINUATION = re.compile(rf"[（(]?(?P<way>下转|上接|转|接)第?[A-Za-z]?[{_NUMERAL}]{{1,3}}版[）)]?")

#: The words of an editors' credit, longest first (本版编辑 before 编辑).
EDITOR_ROLES: Final = (
    "本版责任编辑",
    "责任编辑",
    "本版编辑",
    "值班编辑",
    "值班主任",
    "图片编辑",
    "美术编辑",
    "版式设计",
    "责任校对",
    "编辑",
    "责编",
    "美编",
    "版式",
    "组版",
    "排版",
    "校对",
    "审校",
    "审核",
    "审读",
    "终审",
    "二审",
    "三审",
    "监制",
    "制图",
)
#: Words that end a section label: 要闻, 本地新闻, 综合新闻, 理论, 时评.
SECTION_ENDINGS: Final = (
    "新闻",
    "要闻",
    "综合",
    "评论",
    "时评",
    "理论",
    "副刊",
    "专刊",
    "专版",
    "特刊",
    "周刊",
    "视点",
    "聚焦",
    "关注",
    "观察",
    "纵深",
    "人物",
    "文化",
    "旅游",
    "体育",
    "经济",
    "财经",
    "社会",
    "民生",
    "法治",
    "教育",
    "健康",
    "科技",
    "生态",
    "党建",
    "国内",
    "国际",
    "天下",
    "广告",
    "服务",
    "读书",
    "文艺",
)
#: Endings only a section's name has (本地新闻, 综合新闻, 文体副刊): such a label needs no
#: other furniture beside it, where 聚焦民生 might be a kicker.
SECTION_NAMES: Final = ("新闻", "要闻", "综合", "副刊", "专刊", "专版", "特刊", "周刊", "时评", "理论")
#: Papers whose name may stand at a page's edge.
PAPER_NAMES: Final = ("拉萨日报", "西藏日报", "西藏商报")
#: The most lines from each end of a page that furniture may take.
EDGE_LINES: Final = 6
#: The longest section label that stands alone on a line without a middle
#: dot (本地新闻); a longer short line is more likely a headline.
MAX_LONE_SECTION: Final = 4
#: The longest section label that is furniture with no other furniture beside
#: it (要闻, 评论); a longer one alone may be a kicker.
MAX_BARE_SECTION: Final = 2

_EDITOR_ROLE = "|".join(EDITOR_ROLES)
#: A name in an editors' credit: anything but the next credit's word.
_CREDITED = rf"(?!(?:{_EDITOR_ROLE})\s*[:：])[{HAN}·A-Za-z]{{1,12}}"
#: One editors' credit: its word, a colon and the names up to the next word.
_EDITORS = rf"(?:{_EDITOR_ROLE})\s*[:：]\s*{_CREDITED}(?:[\s、，,]+{_CREDITED})*"
_WEEKDAY = "(?:星期|周)[一二三四五六日天]"
_GAN_ZHI = "[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
#: One piece of furniture, as printed on a line; pieces are separated by white space.
_PIECES: Final = (
    (
        "date",
        re.compile(
            rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:\s*{_WEEKDAY})?"
            rf"|{_WEEKDAY}"
            rf"|农历\s*(?:{_GAN_ZHI})?\S{{2,8}}"
            rf"|{_GAN_ZHI}\S{{2,6}}"
            rf"|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}"
        ),
    ),
    (
        "paper",
        re.compile(
            rf"(?:{'|'.join(PAPER_NAMES)}|LHASA\s*DAILY|Lhasa\s*Daily|[{HAN}]{{2,6}}日报)"
            rf"|总第\s*\d{{2,6}}\s*期|第\s*\d{{2,6}}\s*期|今日\s*\d{{1,2}}\s*版|CN\s*\d{{2}}\s*-\s*\d{{4}}"
        ),
    ),
    (
        "page_number",
        re.compile(rf"第\s*[A-Za-z]?[{_NUMERAL}]{{1,3}}\s*版|[A-Za-z]\d{{1,2}}|\d{{1,2}}"),
    ),
    ("editors", re.compile(rf"[（(]?{_EDITORS}[）)]?")),
    ("section", re.compile(rf"[{HAN}]{{2,6}}(?:[·•][{HAN}]{{2,6}})?")),
)
_WHITE = re.compile(r"\s+")
_EDITORS_LINE = re.compile(rf"[（(]?{_EDITORS}(?:\s*{_EDITORS})*[）)]?")
_EDITOR_CREDIT = re.compile(
    rf"(?P<role>{_EDITOR_ROLE})\s*[:：]\s*(?P<names>[^（()）:：]+?)\s*(?=(?:{_EDITOR_ROLE})\s*[:：]|[）)]|$)"
)
_EDITOR_NAME = re.compile(f"[{HAN}·]{{2,12}}")


class Furniture(NamedTuple):
    """A piece of page furniture: its raw span and its kind (see ``models.FURNITURE_KINDS``)."""

    start: int
    end: int
    kind: str


class Continuation(NamedTuple):
    """A continuation mark: its raw span and whether it says where the article came from (上接)."""

    start: int
    end: int
    opens: bool


def find_continuations(squeezed: Squeezed) -> list[Continuation]:
    """Continuation marks on a page, with their raw spans.

    >>> text = "发展。（下转第3版）\\n（上接第一版）"
    >>> [(text[c.start:c.end], c.opens) for c in find_continuations(Squeezed.of(text))]
    [('（下转第3版）', False), ('（上接第一版）', True)]
    """
    return [
        Continuation(*squeezed.span(*match.span()), opens=match.group("way") in ("上接", "接"))
        for match in _CONTINUATION.finditer(squeezed.text)
    ]


def find_furniture(lines: Sequence[Line]) -> list[Furniture]:
    """The page furniture on *lines*, each piece with its kind, in page order.

    A line is furniture when it is made of furniture pieces alone, white
    space between them: dates, the paper's name, page numbers, section labels
    and editors' credits. Such lines stand in a run at the top or the bottom
    of the page (at most :data:`EDGE_LINES` from each end); only an editors'
    credit (``（责任编辑：张三）``) is furniture anywhere on the page. A section
    label stands at an edge either beside other furniture or alone, and then
    it must end like one (:data:`SECTION_ENDINGS`); a short heading elsewhere is
    left to the headline rules.

    >>> from lhasa_corpus.lines import split_lines
    >>> text = "2025年9月17日 星期三 责任编辑：张三\\n要闻\\n拉萨融媒讯正文。\\n本版编辑：央金 美编：赵六"
    >>> for piece in find_furniture(split_lines(text)):
    ...     print(piece.kind, text[piece.start:piece.end])
    date 2025年9月17日 星期三
    editors 责任编辑：张三
    section 要闻
    editors 本版编辑：央金 美编：赵六
    >>> find_furniture(split_lines("体育场建成\\n正文。"))
    []
    >>> [f.kind for f in find_furniture(split_lines("责任编辑：张三 李四\\n正文。"))]
    ['editors']
    >>> find_furniture(split_lines("聚焦民生\\n\\n八廓古城管委会举办职业技能大赛"))
    []
    """
    filled = [line for line in lines if line.text.strip()]
    found: list[Furniture] = []
    top = _edge_run(filled[:EDGE_LINES])
    bottom = _edge_run(filled[::-1][:EDGE_LINES])
    edge = {id(line) for line in top + bottom}
    for line in filled:
        if id(line) in edge:
            found.extend(_line_pieces(line, at_edge=True) or ())
        elif ":" in line.text or "：" in line.text:
            stripped = line.text.strip()
            if _EDITORS_LINE.fullmatch(stripped):
                start = line.start + line.text.index(stripped[0])
                found.append(Furniture(start, start + len(stripped), "editors"))
    return found


def _edge_run(lines: Sequence[Line]) -> list[Line]:
    """The lines from a page's edge inward that are furniture, up to the first that is not.

    A section label alone on its line, of more than :data:`MAX_BARE_SECTION`
    characters and with no middle dot, is furniture only printed against
    other furniture, with no blank line between (the paper's name, the date,
    the page number), or with more furniture further from the edge (the
    editors' credit under the section label): the last line of a page's
    top, with nothing but a headline under it (``聚焦民生``), is as likely a
    kicker over the first headline.
    """
    found: list[tuple[Line, bool]] = []  # each line, and whether it is a bare label
    for line in lines:
        pieces = _line_pieces(line, at_edge=True)
        if pieces is None:
            break
        label = squeeze(line.text)
        lone = len(pieces) == 1 and pieces[0].kind == "section"
        named = label.endswith(SECTION_NAMES) or "·" in label or "•" in label
        found.append((line, lone and len(label) > MAX_BARE_SECTION and not named))
    run: list[Line] = []
    for index, (line, bare) in enumerate(found):
        beside = [found[i] for i in (index - 1, index + 1) if 0 <= i < len(found)]
        against = any(not other_bare and abs(other.number - line.number) == 1 for other, other_bare in beside)
        inside = any(not other_bare for _, other_bare in found[index + 1 :])
        if bare and not (against or inside):
            break  # a label with no furniture against it or further in: perhaps a kicker
        run.append(line)
    return run


def _line_pieces(line: Line, *, at_edge: bool) -> list[Furniture] | None:
    """The furniture pieces that make up *line*, or None when anything else is on it.

    Pieces of one kind next to each other (a date and its weekday) are one.
    A line of one section label alone counts only when it ends like one.
    """
    text = line.text
    pieces: list[Furniture] = []
    position = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    while position < end:
        for kind, pattern in _PIECES:
            match = pattern.match(text, position)
            if match is None or not (match.end() == end or text[match.end()].isspace()):
                continue
            start = line.start + match.start()
            if pieces and pieces[-1].kind == kind:
                pieces[-1] = Furniture(pieces[-1].start, line.start + match.end(), kind)
            else:
                pieces.append(Furniture(start, line.start + match.end(), kind))
            position = match.end()
            break
        else:
            return None
        white = _WHITE.match(text, position)
        if white is not None:
            position = white.end()
    if not pieces or not at_edge:
        return None
    if len(pieces) == 1 and pieces[0].kind == "section":
        label = squeeze(text)
        dotted = "·" in label or "•" in label
        if not dotted and (len(label) > MAX_LONE_SECTION or not label.endswith(SECTION_ENDINGS)):
            return None
    return pieces


def read_editors(text: str) -> list[Contributor]:
    """The people an editors' credit names, with the credit's word as their role.

    >>> [(c.name, c.role) for c in read_editors("责任编辑：扎西 版式：王五")]
    [('扎西', '责任编辑'), ('王五', '版式')]
    >>> [(c.name, c.role) for c in read_editors("（本版编辑：央金、达娃 校对：李四）")]
    [('央金', '本版编辑'), ('达娃', '本版编辑'), ('李四', '校对')]
    """
    people = []
    for credit in _EDITOR_CREDIT.finditer(text.strip().strip("（()）")):
        for name in _EDITOR_NAME.findall(credit.group("names")):
            people.append(Contributor(name=name, role=credit.group("role")))
    return people
