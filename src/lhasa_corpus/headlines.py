"""Headlines (标题): their shape, the parts of a headline group, and where they stand.

A headline group is up to three kinds of short lines: the kicker (引题) above
the headline (主题), the headline, and subheadlines (副题) below it. In
extracted text the type size is gone, so a heading is known by its shape:
short, without the punctuation that ends a sentence or a clause. The same
shape is printed inside articles as a crosshead (小标题); :func:`judge_heading`
weighs what the page shows around a heading to tell the two apart. Headlines
precede their bodies on some pages and follow them on others
(:func:`decide_placement`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Literal

import attrs

from lhasa_corpus.chars import HAN, ends_clause, ends_sentence, is_wide, line_fill, squeeze
from lhasa_corpus.similarity import han_only, han_pairs, shared_pairs

Placement = Literal["before", "after"]

#: Headlines are at most this many characters, white space not counted.
MAX_HEADLINE: Final = 64
#: And at most this many lines.
MAX_HEADLINE_LINES: Final = 3
#: Dashes that open a subheadline (——记拉萨市…).
DASHES: Final = ("—", "－", "-")
#: A heading line at least this many ems and this many times longer than the
#: line above it is a part of its own (a kicker over its headline), not the
#: rest of a wrapped line.
KICKER_GAP_EMS: Final = 4.0
KICKER_RATIO: Final = 1.5
#: Two lengths closer than this ratio make the main headline a guess.
HEADLINE_LENGTH_RATIO: Final = 1.2
#: Headings that open an editor's note, an item of its own.
EDITORS_NOTES: Final = ("编者按", "【编者按】", "编者的话", "编后", "编后语")
#: The least share of neighbouring wide characters with a space between in letter-spaced type.
LETTER_SPACED_SHARE: Final = 0.7
#: An ordinal opening: 一、 （二） 3. 第四，
_ORDINAL_TEXT = (
    r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]"
    r"|第[一二三四五六七八九十]{1,3}[，,、:：\s]"
)
_ORDINAL = re.compile(f"(?:{_ORDINAL_TEXT})")
#: What opens a crosshead or an ordinal heading inside an article: an ordinal, ① ■ 【.
_CROSSHEAD_OPENING = re.compile(f"(?:{_ORDINAL_TEXT}|[①②③④⑤⑥⑦⑧⑨⑩]|[■□●○◆◇▲△★☆▶►【〖])")
#: A heading sharing at least :data:`NEW_TOPIC_SHARE` of its character pairs
#: with the text after it, and :data:`OLD_TOPIC_RATIO` times less with the
#: text before it, opens a new topic: a new article, not a crosshead of the
#: one before (pairs such as 我们 or 的不 are found anywhere, so "less", not "none").
NEW_TOPIC_SHARE: Final = 0.3
OLD_TOPIC_RATIO: Final = 3.0
#: A line wider than the body column by this many ems spans columns, as headlines do.
WIDER_THAN_COLUMN_EMS: Final = 2.0


#: Two Han characters, anywhere in a text.
_TWO_HAN = re.compile(f"[{HAN}][^{HAN}]*[{HAN}]")


def heading_shaped(squeezed: str, lines: int) -> bool:
    """Whether text (white space taken out) of *lines* lines can be a headline, kicker or subheadline.

    A headline is short (at most :data:`MAX_HEADLINE` characters on at most
    :data:`MAX_HEADLINE_LINES` lines), holds two or more Han characters, and
    does not end a sentence or a clause: text ending in 。 or ， is body, and
    so is text with a sentence end or a semicolon inside. A
    question or an exclamation (``？``, ``！``) can be a headline too, but it is
    more often a sentence, so :func:`asks` tells it apart for the caller.

    >>> heading_shaped("堆龙德庆区第二届职业技能大赛举办", 1), heading_shaped("正文。", 1)
    (True, False)
    >>> heading_shaped("拉萨的冬天为何这么暖？", 1), heading_shaped("A3", 1)
    (True, False)
    >>> heading_shaped("市委常委、秘书长张春阳主持。会上举行了签约仪式", 2)
    False
    >>> heading_shaped("推动群众，推动发展！", 1), heading_shaped("（据新华社电）", 1)
    (False, False)
    """
    short = lines <= MAX_HEADLINE_LINES and len(squeezed) <= MAX_HEADLINE
    if not short or _TWO_HAN.search(squeezed) is None:
        return False
    if ends_clause(squeezed) or not _balanced(squeezed) or _bracketed_note(squeezed):
        return False
    inner_end = any(char in "！？!?" for char in squeezed[:-2])
    if any(char in "。；;" for char in squeezed) or (inner_end and any(char in "，、," for char in squeezed)):
        return False  # sentences, and a sentence's clauses: body text (补壹刀：别笑！… is a headline)
    # A question or exclamation with clause punctuation inside is a sentence.
    return not ends_sentence(squeezed) or (
        asks(squeezed) and not any(char in "，、；：,;:" for char in squeezed)
    )


def _bracketed_note(squeezed: str) -> bool:
    """Whether text is a note in brackets (（据新华社电）, （原题为…）): it goes with the text around it."""
    return squeezed[0] in "（(" and squeezed[-1] in "）)" and _balanced(squeezed[1:-1])


#: Brackets and quotes a headline closes if it opens them.
_PAIRS: Final = ("《》", "“”", "（）", "()", "【】", "「」", "‘’")
_OPENING_OF: Final = {pair[1]: pair[0] for pair in _PAIRS}
_BRACKET = re.compile(f"[{re.escape(''.join(_PAIRS))}]")


def _balanced(text: str) -> bool:
    """Whether every bracket and quote that *text* opens it also closes, in order.

    A line cut by the column in mid-quote (``授课老师围绕《关于``) is no headline.

    >>> _balanced("《在祖国的怀抱》发布"), _balanced("围绕《关于"), _balanced("开展“质量月”活动")
    (True, False, True)
    """
    depths = dict.fromkeys(_OPENING_OF.values(), 0)
    for match in _BRACKET.finditer(text):
        char = match.group()
        opening = _OPENING_OF.get(char, char)
        depths[opening] += 1 if opening == char else -1
        if depths[opening] < 0:
            return False
    return not any(depths.values())


def asks(squeezed: str) -> bool:
    """Whether text ends in a question or exclamation mark (closing quotes allowed).

    >>> asks("为何这么暖？”"), asks("举行。")
    (True, False)
    """
    stripped = squeezed.rstrip("”’」』）)】》")
    return bool(stripped) and stripped[-1] in "？！?!"


def letter_spaced(raw: str) -> bool:
    """Whether a heading's raw text is letter-spaced display type (``堆 龙 德 庆 区``).

    At least three pairs of wide characters with a space between, and they
    are at least :data:`LETTER_SPACED_SHARE` of all pairs of neighbouring
    wide characters: justified body lines have a few stray spaces, display
    type has one between nearly every two characters.

    >>> letter_spaced("堆 龙 德 庆 区"), letter_spaced("业务培训解难题 提升服务强能力")
    (True, False)
    >>> letter_spaced("2025 年“ 送 法 进 校 园 ”系 列"), letter_spaced("有效宣 传4774名考 生 考")
    (True, False)
    """
    if len(raw.split()) < 4:  # fewer than three gaps between characters: a quick test
        return False
    spaced = adjacent = 0
    previous = ""
    gap = False
    for char in raw:
        if char.isspace():
            gap = gap or bool(previous)
            continue
        if previous and is_wide(previous) and is_wide(char):
            adjacent += 1
            spaced += gap
        previous, gap = char, False
    return spaced >= 3 and spaced >= LETTER_SPACED_SHARE * adjacent


def continues_heading(upper: str, lower: str) -> bool:
    """Whether *lower* is the wrapped rest of the heading line *upper*, not a part of its own.

    Kicker, headline and subheadline are printed one under the other, at
    times with no blank line between them in the extracted text. A new part
    shows where a line opens with a dash (a subheadline), or where it is set
    in another type: letter-spaced where the line above is not, or the
    reverse (only a last line clearly shorter than the line above may be
    spaced out to the width of the box on its own), or where a short line
    stands over a much longer one (:data:`KICKER_GAP_EMS`, :data:`KICKER_RATIO`):
    a wrapped headline fills its first line.

    >>> continues_heading("八廓古城管委会与西藏阜康医院签订", "党建共建暨健康管理友好合作协议")
    True
    >>> continues_heading("走进乡村振兴一线", "青 稞 地 里 走 出 的 “ 新 农 人 ”")
    False
    >>> continues_heading("青稞地里走出的“新农人”", "——记曲水县才纳乡返乡创业青年边巴")
    False
    >>> continues_heading("“心中的北斗星·在祖国的怀抱——从庆祝西藏", "成 立 60 周 年 原 创 主 题 歌 创 作")
    True
    """
    upper_squeezed, lower_squeezed = squeeze(upper), squeeze(lower)
    if lower_squeezed.startswith(DASHES) or _tagged(upper_squeezed) or _tagged(lower_squeezed):
        return False
    upper_fill, lower_fill = line_fill(upper), line_fill(lower)
    if lower_fill >= upper_fill + KICKER_GAP_EMS and lower_fill >= KICKER_RATIO * upper_fill:
        return False  # a short line over a much longer one: a kicker over its headline
    return letter_spaced(upper) == letter_spaced(lower) or lower_fill < upper_fill - 1


def _tagged(squeezed: str) -> bool:
    """Whether a line is a column tag in square brackets (``【中国稳健前行】``), a part of its own."""
    return squeezed.startswith(("【", "〖", "[")) and squeezed.endswith(("】", "〗", "]"))


#: A column's name before a bar (秀我中国丨…, 文旅新探｜…) or in brackets after the title
#: (…（快评）, …（人民时评）): newspapers tag headlines so, never crossheads.
_COLUMN_TAG = re.compile(rf"^[^丨｜|]{{2,12}}[丨｜|]|[（(][{HAN}·]{{2,8}}[）)]$")


def column_tagged(squeezed: str) -> bool:
    """Whether a heading carries a column's tag, as headlines do (``秀我中国丨…``, ``…（快评）``).

    >>> column_tagged("秀我中国丨高原“村超”激战正酣"), column_tagged("我们为何怀有深深的不舍（快评）")
    (True, True)
    >>> column_tagged("出国前后关注点大不同")
    False
    """
    return _COLUMN_TAG.search(squeezed) is not None


def ordinal(squeezed: str) -> bool:
    """Whether a heading opens with an ordinal (一、, （二）, 3.), as a numbered section's heading does.

    >>> ordinal("二、促进学校群众"), ordinal("【编者按】")
    (True, False)
    """
    return _ORDINAL.match(squeezed) is not None


def crosshead_marked(squeezed: str) -> bool:
    """Whether a heading opens the way crossheads and ordinal headings do (一、, （二）, ■, 【).

    >>> [crosshead_marked(text) for text in ("一、坚持高质量发展", "（二）强化保障", "对接会举行")]
    [True, True, False]
    """
    return _CROSSHEAD_OPENING.match(squeezed) is not None


@attrs.frozen(kw_only=True)
class Roles:
    """The parts of a headline group, as indexes into its blocks."""

    kicker: tuple[int, ...]
    headline: int
    subheadlines: tuple[int, ...]
    guessed: bool


def headline_roles(squeezed_blocks: Sequence[str], spaced: Sequence[bool] = ()) -> Roles:
    """Tell the kicker, the headline and the subheadlines of a headline group apart.

    A block that opens with a dash (``——记…``) is a subheadline, as papers
    print them, and a column tag in square brackets (``【中国稳健前行】``) is
    never the headline. Of the others, the longest is the headline: in extracted
    text the type size is gone, and the headline is the block that says the
    most. Blocks before it are the kicker, blocks after it subheadlines. The
    roles are guessed when the two longest candidates are of about the same
    length (within :data:`HEADLINE_LENGTH_RATIO`); then the one in
    letter-spaced display type (*spaced*, one flag per block) is the headline.

    >>> headline_roles(["拉萨市社会救助业务能力提升培训班（第二期）开班", "业务培训解难题提升服务强能力"])
    Roles(kicker=(), headline=0, subheadlines=(1,), guessed=False)
    >>> headline_roles(["守护雪域净土", "拉萨开展环保宣传活动", "——记拉萨市生态环境局"]).kicker
    (0,)
    >>> headline_roles(["金秋时节看西藏", "拉萨河谷秋收忙"], spaced=[False, True])
    Roles(kicker=(0,), headline=1, subheadlines=(), guessed=True)
    """
    candidates = [
        index
        for index, text in enumerate(squeezed_blocks)
        if not text.startswith(DASHES) and not _tagged(text)
    ]
    candidates = candidates or list(range(len(squeezed_blocks)))
    lengths = {index: len(squeezed_blocks[index]) for index in candidates}
    main = max(candidates, key=lambda index: (lengths[index], -index))
    ordered = sorted(lengths.values(), reverse=True)
    guessed = len(ordered) > 1 and ordered[0] < ordered[1] * HEADLINE_LENGTH_RATIO
    if guessed and spaced:
        # Of parts about as long, the one in letter-spaced display type is the headline.
        close = [index for index in candidates if lengths[index] * HEADLINE_LENGTH_RATIO > ordered[0]]
        main = max(close, key=lambda index: (spaced[index], lengths[index], -index))
    return Roles(
        kicker=tuple(range(main)),
        headline=main,
        subheadlines=tuple(range(main + 1, len(squeezed_blocks))),
        guessed=guessed,
    )


@attrs.frozen(kw_only=True)
class HeadingContext:
    """What the page shows around a heading between two stretches of text.

    *opener_after* and *closer_before* are the strong cues: a dateline,
    a byline or a 上接 mark right after the heading on the side of the
    article it would open, a closing byline or 下转 mark right before it.
    *text_before* and *text_after* are the neighbouring text of the same
    stretch (the current article so far, and the text up to the next cue).
    *indented* says that the heading is indented like a paragraph (U+3000).
    """

    squeezed_blocks: tuple[str, ...]
    raw: str
    widest_fill: float
    width: float
    opener_after: bool
    closer_before: bool
    text_before: str
    text_after: str
    indented: bool = False


@attrs.frozen(kw_only=True)
class Judgement:
    """A heading read as a headline (a boundary between articles) or a crosshead; whether that was a guess."""

    headline: bool
    guessed: bool


def judge_heading(context: HeadingContext, placement: Placement) -> Judgement:
    """Decide whether a heading between two stretches of text is a headline or a crosshead.

    A headline is told by the cues next to it: the next article's dateline,
    byline or 上接 mark after it, or the previous article's closing byline or
    下转 mark before it; or by its parts (kicker, headline, subheadline),
    which a crosshead never has. Otherwise a crosshead is told by its opening
    (``一、``, ``（一）``, ``■``, ``【``), by a question mark, or by a paragraph's
    indent, and a headline by its display: letter-spaced type, a line wider
    than the body column, a column's tag (:func:`column_tagged`).

    Without any of these, the words decide, and the result is a guess. On a
    page whose headlines follow their bodies, a headline shares words with the
    text before it; a crosshead, which opens its section, with the text after
    it. On a page whose headlines precede their bodies, a heading that shares
    much with what follows and far less with the article so far opens a new
    topic, and so a new article; any other heading that fits the column is
    taken as a crosshead.

    >>> spaced = HeadingContext(squeezed_blocks=("堆龙德庆区技能大赛举办",), raw="堆 龙 德 庆 区 技 能 大 赛",
    ...     widest_fill=11, width=14, opener_after=False, closer_before=False, text_before="", text_after="")
    >>> judge_heading(spaced, "before")
    Judgement(headline=True, guessed=False)
    >>> ordinal = attrs.evolve(spaced, squeezed_blocks=("一、坚持高质量发展",), raw="一、坚持高质量发展")
    >>> judge_heading(ordinal, "before")
    Judgement(headline=False, guessed=False)
    """
    squeezed = "".join(context.squeezed_blocks)
    cue = context.opener_after or context.closer_before
    display = (
        letter_spaced(context.raw)
        or context.widest_fill >= context.width + WIDER_THAN_COLUMN_EMS
        or column_tagged(squeezed)
    )
    marked = crosshead_marked(squeezed) or asks(squeezed) or context.indented
    if cue or (len(context.squeezed_blocks) > 1 and not context.indented) or squeezed in EDITORS_NOTES:
        return Judgement(headline=True, guessed=False)
    if marked:
        return Judgement(headline=False, guessed=display)
    if display:
        return Judgement(headline=True, guessed=False)
    pairs = han_pairs(squeezed)
    if not pairs:
        return Judgement(headline=False, guessed=True)
    before = shared_pairs(pairs, han_only(context.text_before)) / len(pairs)
    after = shared_pairs(pairs, han_only(context.text_after)) / len(pairs)
    if placement == "after":
        return Judgement(headline=before > after, guessed=True)
    new_topic = after >= NEW_TOPIC_SHARE and before * OLD_TOPIC_RATIO <= after
    return Judgement(headline=new_topic, guessed=True)


@attrs.frozen(kw_only=True)
class GroupNeighbours:
    """A headline group's text and the bodies on either side of it, for the placement vote."""

    squeezed: str
    previous: str | None
    following: str | None


def decide_placement(groups: Sequence[GroupNeighbours]) -> tuple[Placement, bool]:
    """Decide whether headlines precede or follow their bodies on a page.

    Every headline group votes. A group with a body on one side only votes
    for that side (a headline above the first body precedes it; one below
    the last body follows it). A group between two bodies votes for the body
    that shares more of its character pairs. The majority wins. A tie (no
    group found any evidence, say) is undecided and falls back to "before",
    the usual reading order.

    Returns the placement and whether it was undecided.

    >>> group = GroupNeighbours(squeezed="对接会举行", previous="对接会举行。", following="座谈会召开。")
    >>> decide_placement([group])
    ('after', False)
    >>> decide_placement([])
    ('before', False)
    """
    votes = {"before": 0, "after": 0}
    for group in groups:
        if group.previous is None and group.following is None:
            continue
        if group.previous is None:
            votes["before"] += 1
        elif group.following is None:
            votes["after"] += 1
        else:
            pairs = han_pairs(group.squeezed)
            to_previous = shared_pairs(pairs, han_only(group.previous))
            to_following = shared_pairs(pairs, han_only(group.following))
            if to_previous != to_following:
                votes["after" if to_previous > to_following else "before"] += 1
    if votes["before"] == votes["after"]:
        return "before", bool(groups)
    return ("after" if votes["after"] > votes["before"] else "before"), False
