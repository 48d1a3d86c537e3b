"""Page furniture (版面) and continuation lines (转版).

Furniture is what the page prints around the articles: the paper's name,
the date line, the page number, the editors' credits (责任编辑). It belongs to
no article and stays on the page as leftovers. A continuation line
(``下转第3版``, ``（上接第1版）``) belongs to the article it sits in.
"""

from __future__ import annotations

import re
from typing import Final

from lhasa_corpus.lines import Line, Squeezed

#: ``下转第3版``, ``（上接第一版）``, ``转第5版``.
_CONTINUATION = re.compile(r"[（(]?(?:下转|上接|转|接)第?[0-9一二三四五六七八九十]{1,3}版[）)]?")
#: Lines that are furniture wherever they stand: the editors' credits.
_CREDIT_LINE = re.compile(
    r"(?:责任编辑|责编|编辑|校对|审校|美编|版式|版式设计|组版|终审|二审|三审|值班编辑|值班主任)[:：].{0,40}"
)
#: Lines that are furniture at the top or bottom of a page: date lines, page
#: numbers, section titles with a page number, the paper's name.
_EDGE_LINE = re.compile(
    r"(?:\d{4}年\d{1,2}月\d{1,2}日(?:星期[一二三四五六日天])?(?:农历.{2,12})?"
    r"|星期[一二三四五六日天]"
    r"|第?\d{1,2}版|第[一二三四五六七八九十]{1,3}版"
    r"|[0-9]{1,2}"
    r"|(?:拉萨日报|西藏日报|LHASADAILY|LhasaDaily)"
    r"|.{1,8}[·•]?第?\d{1,2}版"
    r")"
)
#: How many non-blank lines at each end of a page count as its edge.
EDGE_LINES: Final = 3


def find_continuations(squeezed: Squeezed) -> list[tuple[int, int]]:
    """Raw spans of continuation marks on a page.

    >>> text = "发展。（下转第3版）"
    >>> [text[s:e] for s, e in find_continuations(Squeezed.of(text))]
    ['（下转第3版）']
    """
    return [squeezed.span(*match.span()) for match in _CONTINUATION.finditer(squeezed.text)]


def find_furniture(lines: list[Line]) -> list[tuple[int, int]]:
    """Raw spans of lines that are page furniture.

    >>> from lhasa_corpus.lines import split_lines
    >>> text = "2025年9月17日 星期三\\n拉萨融媒讯正文。\\n责任编辑：张三\\n5"
    >>> [text[s:e] for s, e in find_furniture(split_lines(text))]
    ['2025年9月17日 星期三', '责任编辑：张三', '5']
    """
    filled = [line for line in lines if not line.is_blank]
    edges = {id(line) for line in filled[:EDGE_LINES] + filled[-EDGE_LINES:]}
    spans = []
    for line in filled:
        at_edge = id(line) in edges
        if not at_edge and ":" not in line.text and "：" not in line.text:
            continue  # an editors' credit holds a colon; other furniture stands at an edge
        flat = "".join(line.text.split())
        if _CREDIT_LINE.fullmatch(flat) or (at_edge and _EDGE_LINE.fullmatch(flat)):
            stripped_start = line.start + (len(line.text) - len(line.text.lstrip()))
            stripped_end = line.start + len(line.text.rstrip())
            spans.append((stripped_start, stripped_end))
    return spans
