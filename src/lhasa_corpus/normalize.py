"""Text rules: one small pure ``str -> str`` function per extraction artefact.

Every rule changes white space only, never another character, so the
nothing-lost guarantee holds whatever the rules do. Each rule is idempotent
and leaves text without wide (CJK) characters untouched. The rules run in the
order of the registries at the bottom of this module; :func:`explain` says
which of them changed a text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, NewType

from lhasa_corpus.chars import INLINE_SPACE_RUN, LINE_BREAKS, is_han, is_latin_or_digit, is_wide

#: Text that one of the registries below has been applied to.
CleanText = NewType("CleanText", str)

Rule = Callable[[str], str]

_SPACE_RUN = re.compile(INLINE_SPACE_RUN)
_BREAK = re.compile(f"[{LINE_BREAKS}\f]")
#: A whole run of white space that holds a line break: a match starts at the
#: run's first character and the greedy ``\s*`` takes the run to its end.
_BROKEN_RUN = re.compile(rf"\s*{_BREAK.pattern}\s*")
#: A Latin compound's hyphen and the spaces after it. The compound is matched
#: from the start of its run of letters and digits only, so a long run with
#: no hyphen is read once, not once per character.
_DIGITS = frozenset("0123456789")
_HYPHEN_SPACE = re.compile(f"(?<![A-Za-z0-9])([A-Za-z0-9]+-){INLINE_SPACE_RUN}(?=([A-Za-z0-9]+))")


def join_wrapped_lines(text: str) -> str:
    """Join lines that the column width wrapped, as CSS Text 3 does.

    CSS Text Module Level 3, section 4.1.2 (segment break transformation rules):
    a line break between two East Asian wide characters disappears, and a
    line break between two other characters becomes one space. Chinese body
    text has no space next to a wide character at all, so a break with a wide
    character on just one side (``9月`` / ``15日``, ``目标,`` / ``通过``)
    disappears too, and so does a break inside a number: a narrow column
    wraps a number anywhere (``习近平2`` / ``9日``, ``12`` / ``.5``). Spaces next to the break
    go with it: they are the extractor's padding, not the writer's. Text with
    no line break is left alone.

    >>> join_wrapped_lines("为进一步畅通金融机构与\\n企业间沟通")
    '为进一步畅通金融机构与企业间沟通'
    >>> join_wrapped_lines("总投资12\\n.5亿元，共2\\n9个项目，增长7.\\n5\\n%")
    '总投资12.5亿元，共29个项目，增长7.5%'
    >>> join_wrapped_lines("9月\\n15日 net\\nzero")
    '9月15日 net zero'
    >>> join_wrapped_lines("no break here")
    'no break here'
    """
    if _BREAK.search(text) is None:
        return text

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if start == 0 or end == len(text):
            return ""
        before, after = text[start - 1], text[end]
        return "" if is_wide(before) or is_wide(after) or _in_number(text, start, end) else " "

    return _BROKEN_RUN.sub(replace, text)


def _in_number(text: str, start: int, end: int) -> bool:
    """Whether the white space ``text[start:end]`` stands inside a number.

    It does between two digits, before a percent sign, and on either side of
    a decimal point between digits: ``2|9``, ``5|%``, ``12|.5``, ``12.|5``.
    """
    before, after = text[start - 1], text[end]
    if before in _DIGITS:
        return after in _DIGITS or after == "%" or (after == "." and text[end + 1 : end + 2] in _DIGITS)
    return before == "." and after in _DIGITS and start >= 2 and text[start - 2] in _DIGITS


def remove_space_between_wide(text: str) -> str:
    """Remove spaces between two wide characters.

    Chinese body text has no spaces between characters; the ones an extractor
    emits come from justified lines (``意识和法治观`` printed as ``生态 环 保 意识``)
    or letter-spaced type. Spaces next to Latin letters or digits are left to
    the other rules.

    >>> remove_space_between_wide("群众的生态 环 保 意识")
    '群众的生态环保意识'
    >>> remove_space_between_wide("Lhasa Daily 2025")
    'Lhasa Daily 2025'
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if start > 0 and end < len(text) and is_wide(text[start - 1]) and is_wide(text[end]):
            return ""
        return match.group()

    return _SPACE_RUN.sub(replace, text)


def remove_space_between_wide_and_latin(text: str) -> str:
    """Remove a space between a wide character and a Latin letter or digit.

    Extractors put a space where a Chinese character meets a number or an
    acronym (``涵盖 238家``, ``9月 16日``, ``通过 PPT 展示``); the paper prints none.
    Spaces between two Latin words or numbers are kept.

    >>> remove_space_between_wide_and_latin("涵盖 238家企业、融资需求 125.5 亿元")
    '涵盖238家企业、融资需求125.5亿元'
    >>> remove_space_between_wide_and_latin("COVID 19 test")
    'COVID 19 test'
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if start == 0 or end == len(text):
            return match.group()
        before, after = text[start - 1], text[end]
        if (is_wide(before) and is_latin_or_digit(after)) or (is_latin_or_digit(before) and is_wide(after)):
            return ""
        return match.group()

    return _SPACE_RUN.sub(replace, text)


def remove_space_after_hyphen(text: str) -> str:
    """Remove a space after the hyphen of a Latin compound inside Chinese text.

    ``CCTV- 1`` is ``CCTV-1`` torn by a line break or justification. The rule
    acts only where the compound touches a wide character, so free-standing
    Latin text (``well- known``) keeps what it has.

    >>> remove_space_after_hyphen("在CCTV- 1、CCTV- 4同步")
    '在CCTV-1、CCTV-4同步'
    >>> remove_space_after_hyphen("a well- known case")
    'a well- known case'
    """
    if "-" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end() + len(match.group(2))
        touches_wide = (start > 0 and is_wide(text[start - 1])) or (end < len(text) and is_wide(text[end]))
        return match.group(1) if touches_wide else match.group()

    return _HYPHEN_SPACE.sub(replace, text)


def collapse_spaces(text: str) -> str:
    """Turn every run of white space into one space and trim both ends.

    >>> collapse_spaces("  业务培训解难题   提升服务强能力 ")
    '业务培训解难题 提升服务强能力'
    >>> collapse_spaces("already clean")
    'already clean'
    """
    return " ".join(text.split())


def remove_letter_spacing(text: str) -> str:
    """Close up letter-spaced headline type and keep spaces between phrases.

    Large headline type comes out of the extractor with a space after every
    character (``堆 龙 德 庆 区``). A headline may also hold a real space that
    separates two phrases (``业务培训解难题 提升服务强能力``). A space between
    wide characters is kept only where both neighbouring runs hold two or more
    Han characters; next to a single-character run it is letter spacing.

    >>> remove_letter_spacing("堆 龙 德 庆 区 第 二 届")
    '堆龙德庆区第二届'
    >>> remove_letter_spacing("业务培训解难题 提升服务强能力")
    '业务培训解难题 提升服务强能力'
    >>> remove_letter_spacing("Lhasa Daily")
    'Lhasa Daily'
    """
    if not any(is_wide(char) for char in text):
        return text
    runs = _SPACE_RUN.split(text)
    spaces = _SPACE_RUN.findall(text)
    if len(runs) == 1:
        return text
    out = [runs[0]]
    for index, space in enumerate(spaces):
        left, right = runs[index], runs[index + 1]
        between_wide = bool(left) and bool(right) and is_wide(left[-1]) and is_wide(right[0])
        letter_spaced = _han_count(left) < 2 or _han_count(right) < 2
        if between_wide and letter_spaced:
            out.append(right)
        else:
            out.append(space)
            out.append(right)
    return "".join(out)


def _han_count(run: str) -> int:
    return sum(1 for char in run if is_han(char))


#: Rules for body paragraphs, in the order they run.
BODY_RULES: Final[tuple[Rule, ...]] = (
    join_wrapped_lines,
    remove_space_between_wide,
    remove_space_between_wide_and_latin,
    remove_space_after_hyphen,
    collapse_spaces,
)

#: Rules for headlines, kickers and subheadlines: letter spacing is closed
#: up, but a space between two phrases survives.
HEADLINE_RULES: Final[tuple[Rule, ...]] = (
    join_wrapped_lines,
    remove_letter_spacing,
    remove_space_between_wide_and_latin,
    remove_space_after_hyphen,
    collapse_spaces,
)

#: Rules for datelines, bylines and photo credits: line breaks are joined and
#: spaces collapsed, but a space that separates two names stays.
BYLINE_RULES: Final[tuple[Rule, ...]] = (
    join_wrapped_lines,
    remove_space_after_hyphen,
    collapse_spaces,
)


def apply_rules(text: str, rules: Sequence[Rule]) -> CleanText:
    """Run *rules* over *text* in order.

    >>> apply_rules(" 9月 16日,\\n上午 CCTV-\\n1 ", BODY_RULES)
    '9月16日,上午CCTV-1'
    """
    for rule in rules:
        text = rule(text)
    return CleanText(text)


def normalize_body(text: str) -> CleanText:
    """Clean a body paragraph: :data:`BODY_RULES` in order.

    >>> normalize_body("盖 170 家企业，共计金额 57.97 亿元")
    '盖170家企业，共计金额57.97亿元'
    """
    return apply_rules(text, BODY_RULES)


def normalize_headline(text: str) -> CleanText:
    """Clean a headline: :data:`HEADLINE_RULES` in order.

    >>> normalize_headline("2025 年“ 送 法 进 校 园 ”系 列\\n普 法 宣 传")
    '2025年“送法进校园”系列普法宣传'
    """
    return apply_rules(text, HEADLINE_RULES)


def normalize_byline(text: str) -> CleanText:
    """Clean a dateline, byline or credit: :data:`BYLINE_RULES` in order.

    >>> normalize_byline(" 拉萨融媒讯（记者次仁卓玛、次\\n央卓）")
    '拉萨融媒讯（记者次仁卓玛、次央卓）'
    """
    return apply_rules(text, BYLINE_RULES)


def is_normalized(text: str, rules: Sequence[Rule] = BODY_RULES) -> bool:
    """Whether *rules* leave *text* as it is.

    >>> is_normalized("拉萨 融媒"), is_normalized("拉萨融媒")
    (False, True)
    """
    return apply_rules(text, rules) == text


def explain(text: str, rules: Sequence[Rule] = BODY_RULES) -> list[str]:
    """Name the rules that changed *text*, in the order they ran.

    >>> explain("涵盖 238家\\n企业")
    ['join_wrapped_lines', 'remove_space_between_wide_and_latin']
    >>> explain("拉萨")
    []
    """
    changed = []
    for rule in rules:
        result = rule(text)
        if result != text:
            changed.append(rule.__name__)
        text = result
    return changed
