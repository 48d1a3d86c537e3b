"""The renderer's own tables of newspaper words: roles, credit forms, furniture kinds, weekdays.

These say what a printed word *means* (which role ``本报记者`` names, which
furniture kind ``第3版`` is), so that a spec can state what a parse must give
back. They are written from FIELDS.md and the paper, not copied from the parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

#: The role words a byline prints before (or, for 文 and 图, beside) names, and the role a
#: contributor holds for each: 摄 is printed for 摄影. ``""`` is no role (``（张三）``).
ROLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "记者": "记者",
        "特约记者": "特约记者",
        "见习记者": "见习记者",
        "实习记者": "实习记者",
        "首席记者": "首席记者",
        "摄影记者": "摄影记者",
        "实习生": "实习生",
        "通讯员": "通讯员",
        "评论员": "评论员",
        "特约评论员": "特约评论员",
        "摄影": "摄影",
        "摄": "摄影",
        "文": "文",
        "图": "图",
        "": "",
    }
)
#: Roles printed with a slash: ``文/张三``, ``图/李四``, ``张三/文``.
SLASH_ROLES: Final = frozenset({"文", "图"})
#: Roles a byline may print with no name after them (``本报评论员``): they name no person.
UNNAMED_ROLES: Final = frozenset({"评论员", "特约评论员"})
#: The roles the old renderer printed in dateline brackets; what today's parser reads.
DATELINE_ROLES: Final = ("记者", "实习生", "见习记者", "通讯员", "特约记者", "摄影")
#: Furniture kinds, as FIELDS.md names them.
FURNITURE_KINDS: Final = ("paper", "date", "page_number", "section", "editors")
#: Printed weekday names, Monday first (``datetime.date.weekday`` order).
WEEKDAYS: Final = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
#: Chinese numerals for page numbers printed in words (``第一版``).
NUMERALS: Final = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
#: Forms of a photo credit: how each prints, given the photographer ``{name}``, the
#: organisation ``{org}`` and the date ``{month}``/``{day}``. Forms without ``{name}``
#: name no photographer.
CREDIT_FORMS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "reporter": "{org}记者 {name}摄",
        "glued": "{name}摄",
        "spaced": "{name} 摄",
        "bracketed": "（记者 {name} 摄）",
        "bracketed_organisation": "（{org}记者 {name} 摄）",
        "wire": "新华社记者 {name} 摄",
        "dated": "{name} {month}月{day}日摄",
        "supplied": "{name}供图",
        "supplied_spaced": "{name} 供图",
        "provided": "图片由{name}提供",
        "file": "资料图片",
        "wire_release": "新华社发",
        "photography": "摄影：{name}",
        "photography_bracketed": "（摄影 {name}）",
    }
)


def chinese_number(number: int) -> str:
    """*number* (1 to 99) in Chinese numerals, as page numbers print it: 一, 十二, 二十.

    >>> chinese_number(1), chinese_number(12), chinese_number(20)
    ('一', '十二', '二十')
    """
    if not 1 <= number <= 99:
        raise ValueError(f"'number' must be between 1 and 99 (got {number})")
    tens, ones = divmod(number, 10)
    if tens == 0:
        return NUMERALS[ones]
    return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[ones] if ones else "")
