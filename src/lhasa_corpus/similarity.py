"""How much two texts share: pairs of consecutive Han characters.

Headlines, captions and bodies of one article share words; those of two
articles share few. Word boundaries are not printed in Chinese, so the unit
is the pair of consecutive Han characters (a character bigram), which catches
most two-character words. Only Han characters count: punctuation, digits and
Latin words say little about what an article is about.
"""

from __future__ import annotations

import operator
import re

from lhasa_corpus.chars import HAN

_HAN_RUN = re.compile(f"[{HAN}]+")


def han_only(text: str) -> str:
    """The Han characters of *text*, in order, other characters skipped.

    >>> han_only("2025年“心连心”艺术周")
    '年心连心艺术周'
    """
    return "".join(_HAN_RUN.findall(text))


def han_pairs(text: str) -> set[str]:
    """The pairs of consecutive Han characters in *text*, other characters skipped.

    >>> sorted(han_pairs("拉萨，日报"))
    ['拉萨', '日报', '萨日']
    >>> han_pairs("A1")
    set()
    """
    han = han_only(text)
    return set(map(operator.add, han, han[1:]))


def shared_pairs(pairs: set[str], han: str) -> int:
    """How many of *pairs* the Han-only text *han* holds.

    The same as ``len(pairs & han_pairs(han))``, without building the long
    text's pairs: a pair is one of them exactly when it is a substring.

    >>> shared_pairs({"拉萨", "日报", "北京"}, "拉萨日报社")
    2
    """
    return sum(1 for pair in pairs if pair in han)


def share_of(text: str, han: str) -> float:
    """The share of *text*'s Han pairs that the Han-only text *han* holds, 0.0 for none.

    >>> share_of("拉萨日报", "拉萨市")
    0.3333333333333333
    >>> share_of("PPT", "拉萨")
    0.0
    """
    pairs = han_pairs(text)
    return shared_pairs(pairs, han) / len(pairs) if pairs else 0.0
