"""Photo captions (图片说明) and their credits.

A caption is a short block that opens like one (``图为…``, ``上图：``) or ends in a
photo credit (``拉萨融媒记者 李丛芳摄``, ``（记者 张三 摄）``). Captions are printed
under their photo, which the layout may put far from the article the photo
illustrates; :mod:`lhasa_corpus.articles` attaches them by content.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from lhasa_corpus.bylines import ROLES, NamedContributor, parse_contributors
from lhasa_corpus.chars import CLOSING, HAN, SENTENCE_END
from lhasa_corpus.lines import Squeezed

_CAPTION_OPENING = re.compile(
    r"(?:图为|图：|图:|上图|下图|左图|右图|中图|图片为|照片为|图[①②③④⑤⑥⑦⑧⑨]|[①②③④⑤⑥⑦⑧⑨]图)"
)
_CREDIT_ROLES = "|".join(sorted((role for role in ROLES if len(role) > 1), key=len, reverse=True))
#: A credit, on text with the white space taken out: an optional organisation
#: and role, a name, and 摄 / 摄影 / 供图, perhaps in brackets; or 摄影 / 图 and
#: the names after it (``摄影：张三``, ``（摄影 张三）``).
_CREDIT = re.compile(
    rf"[（(]?(?:[{HAN}]{{0,8}}?(?:{_CREDIT_ROLES}))?[{HAN}·]{{2,12}}?(?:摄影|摄|供图)[）)]?"
    rf"|(?:摄影|图)[:：][{HAN}·、，,]{{2,20}}"
    rf"|[（(](?:摄影|图)[:：]?[{HAN}·、，,]{{2,20}}[）)]"
)
#: A quick test that rules out most blocks before the credit search: a credit
#: ends in 摄, 摄影, 供图 (perhaps bracketed), or names the photographer after 摄影：/图：.
_MAY_END_IN_CREDIT = re.compile(r"(?:摄|摄影|供图)[）)]?$|(?:摄影|图)[:：]|[（(](?:摄影|图)")
#: The longest caption accepted, in characters without white space.
MAX_CAPTION: Final = 160


@attrs.frozen(kw_only=True)
class CaptionParts:
    """Where a caption's text and credit stand in the raw text, and who took the photo."""

    text_span: tuple[int, int] | None
    credit_span: tuple[int, int] | None
    photographers: tuple[NamedContributor, ...] = ()


def read_caption(text: str, start: int, end: int) -> CaptionParts | None:
    """Read ``text[start:end]`` as a photo caption, or return None if it is not one.

    >>> raw = "图为在花艺师展区，各选手同台竞技。 拉萨融媒记者 李丛芳摄"
    >>> parts = read_caption(raw, 0, len(raw))
    >>> raw[slice(*parts.text_span)], raw[slice(*parts.credit_span)], parts.photographers[0].name
    ('图为在花艺师展区，各选手同台竞技。', '拉萨融媒记者 李丛芳摄', '李丛芳')
    >>> read_caption("他们正在拍摄", 0, 6) is None
    True
    """
    if end - start > 4 * MAX_CAPTION:
        return None
    flat = "".join(text[start:end].split())
    if not flat or len(flat) > MAX_CAPTION:
        return None
    opens_like_caption = _CAPTION_OPENING.match(flat) is not None
    if not opens_like_caption and not _MAY_END_IN_CREDIT.search(flat):
        return None
    squeezed = Squeezed.of(text[start:end], base=start)
    credit_at = _credit_start(text, squeezed, opens_like_caption)
    if credit_at is None:
        if not opens_like_caption:
            return None
        return CaptionParts(text_span=squeezed.span(0, len(flat)), credit_span=None)
    credit_span = squeezed.span(credit_at, len(flat))
    text_span = squeezed.span(0, credit_at) if credit_at > 0 else None
    named = parse_contributors(text, *credit_span)
    return CaptionParts(text_span=text_span, credit_span=credit_span, photographers=tuple(named))


def _credit_start(text: str, squeezed: Squeezed, opens_like_caption: bool) -> int | None:
    """The squeezed index where the credit begins, or None.

    The credit is the longest tail that is a credit and starts at a boundary:
    the start of the block, after a sentence end or closing bracket, at an
    opening bracket, or after white space in the raw text. Without a role word
    or brackets it must follow a caption opening (``他们正在拍摄`` is no credit).
    """
    flat = squeezed.text
    for index in range(len(flat)):
        match = _CREDIT.fullmatch(flat, index)
        if match is None:
            continue
        at_boundary = (
            index == 0
            or flat[index - 1] in SENTENCE_END + CLOSING
            or flat[index] in "（("
            or text[squeezed.offset(index) - 1].isspace()
        )
        marked = (
            opens_like_caption
            or flat[index] in "摄图"
            or flat[index] in "（("
            or re.search(_CREDIT_ROLES, match.group()) is not None
        )
        if at_boundary and marked:
            return index
    return None
