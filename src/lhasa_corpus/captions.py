"""Photo captions (图片说明): reading them, and placing them with their article.

A caption is a short text that opens like one (``图为…``, ``上图：``, ``图①``) or
ends in a photo credit: ``拉萨融媒记者 李丛芳摄``, ``（记者 张三 摄）``,
``新华社记者 刘 洋摄``, ``达瓦次仁5月8日摄``, ``仁青 供图``, ``图片由扎西提供``,
``资料图片``, ``摄影：张三``. Captions are printed under their photo, which the
layout may put far from the article the photo illustrates, so
:func:`place_captions` attaches each by what it says.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from lhasa_corpus.bylines import ROLE_IN_NAME, NamedContributor, near_identical, read_people
from lhasa_corpus.chars import CLOSING, HAN, SENTENCE_END, squeeze
from lhasa_corpus.lines import Squeezed
from lhasa_corpus.similarity import han_pairs, shared_pairs

_CAPTION_OPENING = re.compile(
    r"(?:图为|图：|图:|上图|下图|左图|右图|中图|组图|图片为|照片为|资料图[：:]|资料照片[：:]|▲"
    r"|图[①②③④⑤⑥⑦⑧⑨⑩]|[①②③④⑤⑥⑦⑧⑨⑩]图)"
)
_ROLE = f"(?:特约记者|见习记者|实习记者|首席记者|摄影记者|全媒体记者|记者|通讯员|实习生)(?![{ROLE_IN_NAME}])"
_NAMES = f"[{HAN}·、]{{2,24}}?"
_DATE = r"\d{1,2}月\d{1,2}日"
#: A credit, on text with the white space taken out. Each form names the
#: photographers in the group ``names``:
#:
#: - an optional organisation and role, names, an optional date, and 摄, 摄影
#:   or 供图, perhaps in brackets (``新华社记者刘洋摄``, ``（记者张三摄）``,
#:   ``达瓦次仁5月8日摄``, ``仁青供图``);
#: - 摄影 or 图 and a colon or slash before the names (``摄影：张三``, ``图/李四``),
#:   perhaps in brackets, or in brackets without the colon (``（摄影 张三）``);
#: - ``图片由…提供``;
#: - credits that name nobody: ``资料图片``, ``新华社发``, perhaps with a bracketed credit.
_CREDIT = re.compile(
    rf"(?P<bracket>[（(])?(?:[{HAN}]{{0,8}}?(?P<role>{_ROLE}))?(?P<names>{_NAMES})(?:{_DATE})?"
    rf"(?P<verb>摄影|摄|供图)(?(bracket)[）)])"
    rf"|[（(]?(?:摄影|图片|图)[:：/／](?P<names2>[{HAN}·、，,]{{2,24}})[）)]?"
    rf"|[（(](?:摄影|图)(?P<names5>[{HAN}·、，,]{{2,24}})[）)]"
    rf"|图片由(?P<names3>[{HAN}·、]{{2,24}}?)提供"
    rf"|(?:资料图片|资料图|新华社发|中新社发|视觉中国(?:资料|供图)?)(?:[（(](?P<names4>{_NAMES})摄[）)])?"
)
#: A quick test that rules out most texts before the credit search: what a credit ends with.
_MAY_END_IN_CREDIT = re.compile(r"(?:摄|摄影|供图|提供|资料(?:图片?)?|[发社]|[:：/／][^，。]{2,24})[）)]?$")
#: Who may provide a photo without being named: ``（受访者供图）`` and an agency's
#: ``视觉中国供图`` credit no photographer.
PROVIDERS: Final = (
    *("受访者", "受访单位", "主办方", "网友", "读者", "资料", "本报", "作者"),
    *("视觉中国", "新华社", "中新社"),
)
#: The longest caption accepted, in characters without white space.
MAX_CAPTION: Final = 160
#: A caption whose best article shares less than this share of its character
#: pairs is placed by position, not by content.
MIN_CAPTION_SIMILARITY: Final = 0.05
#: How many articles on each side of a caption its content is compared with:
#: a page holds a dozen articles; a larger one is no page, and the bound keeps
#: placing linear in its size.
CAPTION_REACH: Final = 12


@attrs.frozen(kw_only=True)
class CaptionParts:
    """Where a caption's text and credit stand in the raw text, and who took the photo."""

    text_span: tuple[int, int] | None
    credit_span: tuple[int, int] | None
    photographers: tuple[NamedContributor, ...] = ()


def opens_like_caption(squeezed: str) -> bool:
    """Whether a text (white space taken out) opens the way captions do: 图为, 上图, 图①.

    >>> opens_like_caption("图为在花艺师展区"), opens_like_caption("为助力解决企业融资难")
    (True, False)
    """
    return _CAPTION_OPENING.match(squeezed) is not None


def read_caption(text: str, start: int, end: int) -> CaptionParts | None:
    """Read ``text[start:end]`` as a photo caption, or return None if it is not one.

    >>> raw = "图为在花艺师展区，各选手同台竞技。 拉萨融媒记者 李丛芳摄"
    >>> parts = read_caption(raw, 0, len(raw))
    >>> raw[slice(*parts.text_span)], raw[slice(*parts.credit_span)], parts.photographers[0].name
    ('图为在花艺师展区，各选手同台竞技。', '拉萨融媒记者 李丛芳摄', '李丛芳')
    >>> raw = "游客在广场拍照留念。达瓦次仁5月8日摄"
    >>> parts = read_caption(raw, 0, len(raw))
    >>> raw[slice(*parts.credit_span)], parts.photographers[0].name
    ('达瓦次仁5月8日摄', '达瓦次仁')
    >>> raw = "牧民在转场途中。新华社记者 刘 洋摄"
    >>> read_caption(raw, 0, len(raw)).photographers[0].name
    '刘洋'
    >>> read_caption("他们正在拍摄", 0, 6) is None
    True
    """
    if end - start > 4 * MAX_CAPTION:
        return None
    squeezed_text = squeeze(text[start:end])
    if not squeezed_text or len(squeezed_text) > MAX_CAPTION:
        return None
    opening = opens_like_caption(squeezed_text)
    if not opening and not _MAY_END_IN_CREDIT.search(squeezed_text):
        return None
    squeezed = Squeezed.of(text[start:end], base=start)
    credit = _credit(text, squeezed, opening)
    if credit is None:
        if not opening:
            return None
        return CaptionParts(text_span=squeezed.span(0, len(squeezed_text)), credit_span=None)
    credit_at, names = credit
    credit_span = squeezed.span(credit_at, len(squeezed_text))
    text_span = squeezed.span(0, credit_at) if credit_at > 0 else None
    photographers: tuple[NamedContributor, ...] = ()
    if names is not None:
        people = read_people(text, *squeezed.span(*names)).people
        photographers = tuple(person for person in people if person.name not in PROVIDERS)
    return CaptionParts(text_span=text_span, credit_span=credit_span, photographers=photographers)


def _credit(text: str, squeezed: Squeezed, opening: bool) -> tuple[int, tuple[int, int] | None] | None:
    """Where the credit begins (squeezed index) and where its names stand, or None.

    The credit is the longest tail that is a credit and starts at a boundary:
    the start of the text, after a sentence end or a closing bracket, at an
    opening bracket, or after white space in the raw text. A credit of names
    and 摄 with no role, bracket or date (``张三摄``) must follow a caption
    opening or a sentence end: ``他们正在拍摄`` is no credit.
    """
    squeezed_text = squeezed.text
    for index in range(len(squeezed_text)):
        match = _CREDIT.fullmatch(squeezed_text, index)
        if match is None:
            continue
        after_sentence = index > 0 and squeezed_text[index - 1] in SENTENCE_END + CLOSING
        at_boundary = (
            index == 0
            or after_sentence
            or squeezed_text[index] in "（("
            or text[squeezed.offset(index) - 1].isspace()
        )
        plain = (
            match.group("names") is not None
            and match.group("role") is None
            and match.group("bracket") is None
            and match.group("verb") == "摄"
            and not re.search(_DATE, match.group())
        )
        if not at_boundary or (plain and not (opening or after_sentence)):
            continue
        for group in ("names", "names2", "names3", "names4", "names5"):
            if match.group(group) is not None:
                return index, match.span(group)
        return index, None
    return None


@attrs.frozen(kw_only=True)
class ArticleText:
    """What a caption is compared with: an article's headline and body (Han only), its people, its extent."""

    han: str
    names: tuple[str, ...]
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Placement:
    """Where a caption goes: the index of its article and the flag that says how, if it was a guess."""

    article: int
    flag: str | None = None


def place_captions(
    articles: Sequence[ArticleText], captions: Sequence[tuple[int, str, tuple[str, ...]]]
) -> list[Placement | None]:
    """Attach each caption to the article it illustrates, by content first.

    *captions* are ``(raw offset, caption text, photographers)``; *articles*
    are in page order. An article's score is the share of the caption text's
    character pairs (the credit's words say nothing of the content) that its
    headline and body contain; only the :data:`CAPTION_REACH` articles on
    each side of the caption are compared. The best score wins; on a tie, an
    article whose contributors include the photographer (or a near-identical
    name) wins, then the nearer one. A caption placed elsewhere than next to
    the winner is flagged ``caption_placed_by_similarity``. When no article
    reaches :data:`MIN_CAPTION_SIMILARITY`, the caption goes to a neighbour
    (one with the photographer, if there is one) and is flagged
    ``caption_placed_by_position``. None where the page has no article.

    >>> arts = [ArticleText(han="会议召开", names=("杨璐",), start=0, end=10),
    ...         ArticleText(han="座谈会举行", names=(), start=10, end=20),
    ...         ArticleText(han="选手同台竞技技能大赛", names=("李从芳",), start=20, end=30)]
    >>> place_captions(arts, [(35, "图为选手同台竞技。", ("李丛芳",))])
    [Placement(article=2, flag=None)]
    >>> place_captions(arts, [(5, "图为选手同台竞技。", ())])
    [Placement(article=2, flag='caption_placed_by_similarity')]
    >>> place_captions(arts, [(15, "图为雪山。", ())])
    [Placement(article=1, flag='caption_placed_by_position')]
    >>> place_captions([], [(5, "图为选手。", ())])
    [None]
    """
    starts = [article.start for article in articles]
    placed: list[Placement | None] = []
    for offset, caption_text, photographers in captions:
        if not articles:
            placed.append(None)
            continue
        middle = _first_at_or_after(starts, offset)
        reach = range(max(0, middle - CAPTION_REACH), min(len(articles), middle + CAPTION_REACH))
        pairs = han_pairs(caption_text)

        def credited(index: int, names: tuple[str, ...] = photographers) -> bool:
            own = articles[index].names
            return any(name == other or near_identical(name, other) for name in names for other in own)

        scores = {
            index: shared_pairs(pairs, articles[index].han) / len(pairs) if pairs else 0.0 for index in reach
        }
        neighbours = _neighbours(articles, starts, offset)
        best = max(reach, key=lambda index: (scores[index], credited(index), -abs(index - middle)))
        if scores[best] < MIN_CAPTION_SIMILARITY:
            best = max(neighbours, key=credited)
            placed.append(Placement(article=best, flag="caption_placed_by_position"))
        elif best not in neighbours:
            placed.append(Placement(article=best, flag="caption_placed_by_similarity"))
        else:
            placed.append(Placement(article=best))
    return placed


def _first_at_or_after(starts: Sequence[int], offset: int) -> int:
    return min(bisect.bisect_left(starts, offset), len(starts) - 1)


def _neighbours(articles: Sequence[ArticleText], starts: Sequence[int], offset: int) -> list[int]:
    """The articles a caption at a raw offset stands by.

    A caption printed inside an article's text stands by that article alone;
    one printed between articles stands by the article that ends right before
    it and the one that starts right after it.
    """
    after = bisect.bisect_left(starts, offset)
    if after > 0 and articles[after - 1].start < offset < articles[after - 1].end:
        return [after - 1]
    found = []
    before = [index for index in range(max(0, after - CAPTION_REACH), after) if articles[index].end <= offset]
    if before:
        found.append(max(before, key=lambda index: articles[index].end))
    if after < len(articles):
        found.append(after)
    return found or [0]
