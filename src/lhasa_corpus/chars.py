"""Character classes for Chinese newspaper text.

Ranges are named after their Unicode block. Every test the parser makes on a
single character lives here, so a reader can check one table instead of a
dozen regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

#: CJK Unified Ideographs and their extensions, plus the compatibility block.
CJK_UNIFIED_IDEOGRAPHS: Final = "\u4e00-\u9fff"
CJK_EXTENSION_A: Final = "\u3400-\u4dbf"
CJK_COMPATIBILITY_IDEOGRAPHS: Final = "\uf900-\ufaff"
CJK_EXTENSIONS_B_TO_F: Final = "\U00020000-\U0002fa1f"
#: A regex character class body matching one Han character.
HAN: Final = CJK_UNIFIED_IDEOGRAPHS + CJK_EXTENSION_A + CJK_COMPATIBILITY_IDEOGRAPHS + CJK_EXTENSIONS_B_TO_F

#: Quotes, dashes and dots that Unicode calls "ambiguous" width but that
#: Chinese typesetting always sets full width (General Punctuation, Latin-1).
CJK_CONTEXT_PUNCTUATION: Final = "\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u2027\u00b7\u2e3a\u2e3b"

#: Punctuation that ends a sentence.
SENTENCE_END: Final = "。！？!?…"
#: Closing marks that may follow a sentence end: `。”`, `！）`.
CLOSING: Final = "”’」』）)】》〉"
#: Punctuation after which a clause goes on; a line ending in one is mid-sentence.
CLAUSE_PUNCTUATION: Final = "，、；：,;:"
#: Characters that end a line (the ones `str.splitlines` knows, less the form
#: feed, which separates pages).
LINE_BREAKS: Final = "\n\r\v\x1c\x1d\x1e\x85\u2028\u2029"
#: A regex matching a run of white space inside one line: spaces, tabs, the
#: no-break space, and the ideographic space U+3000 that some extractors use
#: to indent paragraphs. "White space" is what `str.isspace` says it is; the
#: nothing-lost guarantee is stated over the other characters.
INLINE_SPACE_RUN: Final = r"[^\S\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]+"
#: The ideographic space, which marks a paragraph indent.
IDEOGRAPHIC_SPACE: Final = "\u3000"


#: Wide characters stand in the BMP and in planes 1-3 (emoji, CJK extensions).
_WIDE_PLANES_END: Final = 0x40000


@lru_cache(maxsize=4096)
def squeeze(text: str) -> str:
    """*text* with its white space taken out: *squeezed* text, what the nothing-lost promise counts.

    Comparing texts squeezed tells whether they hold the same characters in
    the same order, whatever white space the extractor or the parser put
    between them. It leaves every other character alone.

    >>> squeeze(" 拉 萨\\n融媒\u3000讯 ")
    '拉萨融媒讯'
    >>> squeeze("net zero")
    'netzero'
    """
    return "".join(text.split())


@lru_cache(maxsize=4096)
def is_wide(char: str) -> bool:
    """Whether *char* is set full width in Chinese text.

    East Asian Width ``W`` and ``F`` characters (Han, kana, Hangul, CJK and
    fullwidth punctuation) and the ambiguous-width quotes and dashes that
    Chinese typesetting sets full width. Only planes 0 to 3 hold wide
    characters; ``unicodedata`` calls the unassigned code points above them
    ``F``, which no text means, so they count as narrow.

    >>> is_wide("拉"), is_wide("，"), is_wide("“"), is_wide("A"), is_wide("1"), is_wide("\U00040000")
    (True, True, True, False, False, False)
    """
    if char in CJK_CONTEXT_PUNCTUATION:
        return True
    return (
        ord(char) < _WIDE_PLANES_END
        and unicodedata.east_asian_width(char) in ("W", "F")
        and not char.isspace()
    )


@lru_cache(maxsize=4096)
def is_han(char: str) -> bool:
    """Whether *char* is a Han ideograph.

    >>> is_han("拉"), is_han("，"), is_han("ཀ")
    (True, False, False)
    """
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


def is_latin_or_digit(char: str) -> bool:
    """Whether *char* is an ASCII letter or digit, or a fullwidth one.

    >>> is_latin_or_digit("P"), is_latin_or_digit("7"), is_latin_or_digit("拉")
    (True, True, False)
    """
    return char.isascii() and char.isalnum()


def ends_sentence(text: str) -> bool:
    """Whether *text* ends a sentence, allowing closing quotes and brackets after it.

    >>> ends_sentence("这是一句话。"), ends_sentence("他说：“好。”"), ends_sentence("并就文")
    (True, True, False)
    """
    stripped = text.rstrip().rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def ends_clause(text: str) -> bool:
    """Whether *text* ends in clause punctuation, so that the sentence goes on.

    >>> ends_clause("并组织，"), ends_clause("开班")
    (True, False)
    """
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in CLAUSE_PUNCTUATION


@lru_cache(maxsize=1)
def wide_pattern() -> re.Pattern[str]:
    """A regex matching one wide character, derived from :func:`is_wide`.

    Built on first use (in a few hundredths of a second) from the same test
    as :func:`is_wide`, run over every code point of the planes that hold
    wide characters, so the two never disagree.

    >>> bool(wide_pattern().fullmatch("拉")), bool(wide_pattern().fullmatch("a"))
    (True, False)
    """
    ranges = []
    start = None
    width = unicodedata.east_asian_width
    for code in range(_WIDE_PLANES_END + 1):
        char = chr(code)
        wide = code < _WIDE_PLANES_END and (
            char in CJK_CONTEXT_PUNCTUATION or (width(char) in ("W", "F") and not char.isspace())
        )
        if wide and start is None:
            start = code
        elif not wide and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return re.compile(f"[{''.join(ranges)}]")


def line_fill(text: str) -> float:
    """How much of a column a line fills, in ems (a Han character is one em).

    Wide characters (Han, Chinese punctuation) count one em, narrow ones
    (Latin letters, digits) half an em, and spaces nothing: they are what the
    extractor added or what justified the line.

    >>> line_fill("市委常委、秘书长张春阳主持。")
    14.0
    >>> line_fill("过 PPT 展示")
    4.5
    """
    squeezed = squeeze(text)
    narrow = len(wide_pattern().sub("", squeezed))
    return (len(squeezed) - narrow) + 0.5 * narrow
