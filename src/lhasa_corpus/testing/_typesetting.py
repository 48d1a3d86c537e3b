"""The renderer's own facts about Chinese type: character widths, line breaks, clean text.

Nothing here comes from the parser. These are the rules a compositor follows
when a column of 拉萨日报 is set, written down from the typesetting
conventions (GB/T 15834 punctuation, the 避头尾 line-breaking rules, CSS Text 3
segment breaks) and from Unicode's East Asian Width property, so that when the
parser's tables are wrong the renderer is not wrong the same way.

A *unit* is what a line never breaks inside: one wide character, a run of a
doubled dash or ellipsis (``——``, ``……``), or a run of narrow characters with
no space in it (a Latin word, a number with its unit, ``CCTV-1``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final, NamedTuple

#: Ambiguous-width punctuation (East Asian Width ``A``) that Chinese type always sets one
#: em wide: single and double quotes, the em dash and horizontal bar, the ellipsis, the
#: hyphenation and middle dots, the two- and three-em dashes.
FULL_WIDTH_PUNCTUATION: Final = "\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u2027\u00b7\u2e3a\u2e3b"
#: Punctuation that never starts a line (避头): closing marks, pause and stop marks, and
#: their half-width forms. At the column edge it hangs in the margin (标点悬挂).
NO_LINE_START: Final = "。，、；：？！…·）》」』】〉”’,.;:!?)]}%"
#: Punctuation that never ends a line (避尾): opening marks. The character after it comes
#: down with it to the next line.
NO_LINE_END: Final = "（《「『【〈“‘([{"
#: Punctuation that ends a sentence.
SENTENCE_END: Final = "。！？!?…"
#: Closing marks that may stand after a sentence end (``。”``, ``！）``).
CLOSING_MARKS: Final = "”’」』）)】》〉"
#: Marks set doubled as one mark and never split over two lines.
DOUBLED_MARKS: Final = "—…"
#: The ideographic space: two of them indent a paragraph.
IDEOGRAPHIC_SPACE: Final = "\u3000"
#: How much hanging punctuation a line may carry past the column edge, in units (``。”``).
MAX_HANGING: Final = 2
#: Han ideographs, by Unicode block: CJK Unified Ideographs, Extension A, the
#: Compatibility Ideographs, and Extensions B to F in plane 2.
HAN_BLOCKS: Final = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
)
#: Wide characters stand in planes 0 to 3; above, ``unicodedata`` calls unassigned code
#: points ``F``, which no text means.
_WIDE_PLANES_END: Final = 0x40000


@lru_cache(maxsize=8192)
def is_wide(char: str) -> bool:
    """Whether Chinese type sets *char* one em wide.

    East Asian Width ``W`` (wide) and ``F`` (fullwidth) characters -- Han, kana,
    Hangul, CJK and fullwidth punctuation -- and the ambiguous-width marks of
    :data:`FULL_WIDTH_PUNCTUATION`. White space is never wide (the ideographic
    space is an indent, not a character of the text); Latin letters, digits and
    half-width punctuation are narrow.

    >>> [is_wide(char) for char in "拉，“A1,"]
    [True, True, True, False, False, False]
    >>> is_wide("\\u3000"), is_wide("\\U00040000")
    (False, False)
    """
    if char in FULL_WIDTH_PUNCTUATION:
        return True
    if char.isspace() or ord(char) >= _WIDE_PLANES_END:
        return False
    return unicodedata.east_asian_width(char) in ("W", "F")


def is_han(char: str) -> bool:
    """Whether *char* is a Han ideograph (:data:`HAN_BLOCKS`).

    >>> is_han("拉"), is_han("，"), is_han("A")
    (True, False, False)
    """
    code = ord(char)
    return any(start <= code <= end for start, end in HAN_BLOCKS)


def is_alnum(char: str) -> bool:
    """Whether *char* is an ASCII letter or digit: what a space next to a wide character never separates.

    >>> is_alnum("C"), is_alnum("7"), is_alnum("-"), is_alnum("拉")
    (True, True, False, False)
    """
    return char.isascii() and char.isalnum()


def ems(text: str) -> float:
    """How much of a column *text* takes, in ems.

    A wide character takes one em, any other character half an em, and white
    space nothing: spaces are what the extractor adds, and an indent is counted
    by whoever lays the indent out.

    >>> ems("拉萨融媒讯"), ems("CCTV-1"), ems("过 PPT 展示")
    (5.0, 3.0, 4.5)
    """
    return sum(_EMS[char] if char in _EMS else _em(char) for char in text)


_EMS: dict[str, float] = {}


def _em(char: str) -> float:
    width = 0.0 if char.isspace() else 1.0 if is_wide(char) else 0.5
    _EMS[char] = width
    return width


def ends_sentence(text: str) -> bool:
    """Whether *text* ends a sentence, closing quotes and brackets allowed after the stop.

    >>> ends_sentence("会议召开。"), ends_sentence("他说：“好。”"), ends_sentence("会议召开，")
    (True, True, False)
    """
    stripped = text.rstrip().rstrip(CLOSING_MARKS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


# -- clean text: what FIELDS.md says a field's value is -------------------------------------------

#: Characters that end a line (what ``str.splitlines`` splits at).
LINE_TERMINATORS: Final = "\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029"
#: A run of white space (``str.isspace``), line breaks included.
_SPACE_RUN: Final = re.compile(r"\s+")
#: Characters that hold no visible form; text with them has no clean form the page shows.
INVISIBLE_CATEGORIES: Final = frozenset({"Cf", "Cc", "Co", "Cs", "Cn"})


def _between(text: str, start: int, end: int) -> tuple[str, str]:
    return (text[start - 1] if start > 0 else ""), (text[end] if end < len(text) else "")


def _touches_wide_or_meets_alnum(before: str, after: str) -> bool:
    wide_before, wide_after = bool(before) and is_wide(before), bool(after) and is_wide(after)
    if wide_before and wide_after:
        return True
    return (wide_before and bool(after) and is_alnum(after)) or (
        wide_after and bool(before) and is_alnum(before)
    )


def _torn_compound(text: str, start: int, end: int) -> bool:
    """Whether the space at ``text[start:end]`` tears a Latin compound that touches a wide character."""
    if not (start >= 2 and text[start - 1] == "-" and is_alnum(text[start - 2])):
        return False
    if end >= len(text) or not is_alnum(text[end]):
        return False
    left = start - 1
    while left > 0 and (is_alnum(text[left - 1]) or text[left - 1] == "-"):
        left -= 1
    right = end
    while right < len(text) and (is_alnum(text[right]) or text[right] == "-"):
        right += 1
    return (left > 0 and is_wide(text[left - 1])) or (right < len(text) and is_wide(text[right]))


def clean_body(text: str) -> str:
    """Body text (paragraphs, caption text) in its clean form, by FIELDS.md.

    A run of white space disappears between two wide characters, between a wide
    character and a Latin letter or digit, at a line break next to a wide
    character (CSS Text 3, segment breaks), and at both ends; any other run
    becomes one space. Then a space after the hyphen of a Latin compound that
    touches a wide character (``CCTV- 1``) disappears. Nothing but white space
    changes.

    >>> clean_body(" 涵盖 238家\\n企业，在 CCTV- 1 播出 ")
    '涵盖238家企业，在CCTV-1播出'
    >>> clean_body("the Potala  Palace, 2025")
    'the Potala Palace, 2025'
    """

    def first(match: re.Match[str]) -> str:
        start, end = match.span()
        before, after = _between(text, start, end)
        if not before or not after:
            return ""
        breaks = any(char in LINE_TERMINATORS for char in match.group())
        if breaks and (is_wide(before) or is_wide(after)):
            return ""
        return "" if _touches_wide_or_meets_alnum(before, after) else " "

    text = _SPACE_RUN.sub(first, text)

    def second(match: re.Match[str]) -> str:
        return "" if _torn_compound(text, *match.span()) else match.group()

    return _SPACE_RUN.sub(second, text)


def _han_count(run: str) -> int:
    return sum(1 for char in run if is_han(char))


def clean_headline(text: str) -> str:
    """Headline text (kicker, headline, subheadlines) in its clean form, by FIELDS.md.

    As :func:`clean_body`, but one space between two wide characters stays where
    it separates two phrases of two Han characters or more each
    (``业务培训解难题 提升服务强能力``); next to a shorter run it is letter
    spacing and closes up (``堆 龙 德 庆 区``).

    >>> clean_headline("业务培训解难题  提升服务强能力")
    '业务培训解难题 提升服务强能力'
    >>> clean_headline("堆 龙 德 庆 区 第 2 届")
    '堆龙德庆区第2届'
    """
    text = text.strip()
    phrases = []
    start = 0
    for match in _SPACE_RUN.finditer(text):
        left = text[: match.start()].split()[-1]
        right = text[match.end() :].split()[0]
        if is_wide(left[-1]) and is_wide(right[0]) and _han_count(left) >= 2 and _han_count(right) >= 2:
            phrases.append(text[start : match.start()])
            start = match.end()
    phrases.append(text[start:])
    return " ".join(clean_body(phrase) for phrase in phrases)


def clean_byline(text: str) -> str:
    """Byline text (dateline, byline, credit, continuation mark) in its clean form, by FIELDS.md.

    A line break next to a wide character disappears (CSS Text 3), any other
    run of white space becomes one space, and both ends are trimmed: the spaces
    that separate names stay as printed.

    >>> clean_byline(" 本报特约评论员  次仁\\n罗布 ")
    '本报特约评论员 次仁罗布'
    >>> clean_byline("记者 王磊 陈静")
    '记者 王磊 陈静'
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        before, after = _between(text, start, end)
        if not before or not after:
            return ""
        breaks = any(char in LINE_TERMINATORS for char in match.group())
        return "" if breaks and (is_wide(before) or is_wide(after)) else " "

    return _SPACE_RUN.sub(replace, text)


def without_spaces(text: str) -> str:
    """*text* with every white-space character taken out: what a compositor's spacing cannot change.

    The renderer keeps its own copy of this one-liner so that its expectations
    share no code with the parser they judge.

    >>> without_spaces(" 拉 萨\\n融媒\u3000讯 ")
    '拉萨融媒讯'
    """
    return "".join(text.split())


def visible(text: str) -> bool:
    """Whether every character of *text* shows on a page: no control, format or unassigned code point.

    >>> visible("拉萨 2025"), visible("拉\\u200b萨")
    (True, False)
    """
    return not any(
        unicodedata.category(char) in INVISIBLE_CATEGORIES for char in text if char not in " \u3000"
    )


# -- units and line breaking ----------------------------------------------------------------------


#: Which field a piece of text belongs to: (article index, or None for furniture; field name).
FieldKey = tuple[int | None, str]


class Unit(NamedTuple):
    """A piece of text a line never breaks inside, with the field it belongs to.

    *space* says a space stood before it in the text; *field* is the key of the
    field the unit's characters belong to; *protected* units (datelines,
    bylines, marks) get no stray spaces.
    """

    text: str
    space: bool = False
    field: FieldKey | None = None
    protected: bool = False


def units(text: str, field: FieldKey | None = None, *, protected: bool = False) -> list[Unit]:
    """Cut *text* into :class:`Unit`\\ s: wide characters one by one, doubled marks and narrow runs whole.

    >>> [unit.text for unit in units("通过CCTV-1播出——好")]
    ['通', '过', 'CCTV-1', '播', '出', '——', '好']
    >>> [(unit.text, unit.space) for unit in units("net zero")]
    [('net', False), ('zero', True)]
    """
    out: list[Unit] = []
    space = False
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            space = True
            index += 1
            continue
        end = index + 1
        if char in DOUBLED_MARKS:
            while end < len(text) and text[end] == char:
                end += 1
        elif not is_wide(char):
            while end < len(text) and not is_wide(text[end]) and not text[end].isspace():
                end += 1
        out.append(Unit(text[index:end], space, field, protected))
        space = False
        index = end
    return out


def may_break(before: Unit, after: Unit) -> bool:
    """Whether a line may end between two units and join back to the same text.

    Never before :data:`NO_LINE_START` punctuation or after :data:`NO_LINE_END`
    punctuation (避头尾). A break between two wide characters disappears when the
    lines are joined and one between two narrow ones becomes a space (CSS Text 3,
    segment breaks), so a printed space may be broken only between two narrow
    units, and two units with no space between them only where one is wide.

    >>> a, b = units("拉萨")
    >>> may_break(a, b), may_break(*units("好。"))
    (True, False)
    >>> may_break(*units("者 张")), may_break(*units("net zero"))
    (False, True)
    """
    if after.text[0] in NO_LINE_START or before.text[-1] in NO_LINE_END:
        return False
    if after.space:
        return not is_wide(before.text[-1]) and not is_wide(after.text[0])
    return is_wide(before.text[-1]) or is_wide(after.text[0])


def wrap(pieces: Sequence[Unit], first: float, rest: float) -> list[list[Unit]]:
    """Fill lines greedily: *first* ems on the first line, *rest* on the others.

    Where the next unit does not fit and the line may not end before it:
    closing punctuation hangs past the edge (up to :data:`MAX_HANGING` units),
    and otherwise the break moves back to the last place the line may end
    (an opening mark goes down with what it opens). A unit wider than the
    column stands alone on its line. Nothing is added or removed.

    >>> ["".join(u.text for u in line) for line in wrap(units("一二三四。五六七八"), 4, 4)]
    ['一二三四。', '五六七八']
    >>> ["".join(u.text for u in line) for line in wrap(units("一二三“四五"), 4, 4)]
    ['一二三', '“四五']
    >>> ["".join(u.text for u in line) for line in wrap(units("一二三a，5个"), 4, 4)]
    ['一二三a，', '5个']
    """
    lines: list[list[Unit]] = [[]]
    fill = 0.0
    hanging = 0
    capacity = first
    for unit in pieces:
        width = ems(unit.text)
        line = lines[-1]
        if not line or fill + width <= capacity:
            line.append(unit)
            fill += width
            continue
        if may_break(line[-1], unit):
            lines.append([unit])
            fill, hanging, capacity = width, 0, rest
            continue
        if unit.text[0] in NO_LINE_START and hanging < MAX_HANGING:
            line.append(unit)
            hanging += 1
            fill += width  # past the edge: nothing but more hanging punctuation joins this line
            continue
        back = next((at for at in range(len(line) - 1, 0, -1) if may_break(line[at - 1], line[at])), None)
        if back is None:
            line.append(unit)
            fill += width
            continue
        carried = [*line[back:], unit]
        del line[back:]
        lines.append(carried)
        fill, hanging, capacity = sum(ems(piece.text) for piece in carried), 0, rest
    return lines


def join_units(line: Sequence[Unit]) -> str:
    """The text of a line of units, with the spaces the text itself holds.

    >>> join_units(units("net zero 拉萨"))
    'net zero 拉萨'
    """
    return "".join((" " if unit.space and index else "") + unit.text for index, unit in enumerate(line))


def letter_spaced(text: str) -> str:
    """Headline type as an extractor emits it: a space between every two units that touch a wide character.

    Only for text with no space of its own (a phrase space would be lost among
    the letter spacing); :func:`clean_headline` closes it up again.

    >>> letter_spaced("让“节日经济”更有温度")
    '让 “ 节 日 经 济 ” 更 有 温 度'
    >>> letter_spaced("2025年司法")
    '2025 年 司 法'
    """
    pieces = units(text)
    return " ".join(piece.text for piece in pieces)
