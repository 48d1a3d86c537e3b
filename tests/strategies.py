"""Hypothesis strategies for realistic articles and page layouts.

Every strategy builds the expected result together with the input: an
:class:`~lhasa_corpus.testing.ArticleSpec` *is* what a parse of its rendering
must give back, so nothing is filtered with ``assume``.

The vocabulary is that of 拉萨日报 local news. It leaves out the few
characters that would make body text look like page structure to any reader
(讯 and 电 that end datelines, 摄 and 图 of photo credits, 版 of continuation
marks); those appear only where the structure is meant.

Phenomena of real pages that today's parser does not read yet are separate,
named strategies and :class:`Phenomena` switches, all off by default: with
them off, :func:`article_lists` and :func:`layouts` draw exactly what the first
renderer drew. The round trip in ``test_properties_parse.py`` turns them on one
by one (``PARSER_READS``) as the parser gains them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

import attrs
from hypothesis import strategies as st

from lhasa_corpus.models import Contributor
from lhasa_corpus.testing import (
    BYLINE_ROLES,
    CREDIT_FORMS,
    ArticleSpec,
    BylineSpec,
    CaptionSpec,
    Credit,
    DatelineSpec,
    Furniture,
    FurnitureLine,
    Layout,
)

TOPICS = (
    "八廓古城管委会", "堆龙德庆区", "市生态环境局", "城关区民政局", "柳梧新区", "达孜区",
    "林周县", "当雄县", "尼木县", "曲水县", "墨竹工卡县", "市司法局", "市文联", "市教育局",
    "纳木措景区", "布达拉文化旅游集团", "市实验小学", "拉萨高新控股集团", "市农业农村局", "市卫生健康委",
)  # fmt: skip
THEMES = (
    "职业技能大赛", "社会救助培训班", "法律职业资格考试", "普法宣传活动", "党建共建协议",
    "环保宣传活动", "文化艺术周", "银企对接会", "理论学习会", "健康义诊活动", "消费帮扶集市",
    "青稞种植技术培训", "冬季运动会", "非遗传承展示", "安全生产检查", "民族团结进步宣讲",
)  # fmt: skip
HEADLINE_VERBS = ("举办", "举行", "召开", "开展", "启动", "签订")
NOUNS = (
    "群众", "干部", "企业", "社区", "学校", "项目", "工作", "政策", "服务", "文化", "旅游",
    "生态", "经济", "产业", "民生", "技能", "法律知识", "资源", "人才", "合作机制", "质量",
    "基层", "乡村", "农牧民", "游客", "居民", "考生", "选手", "老师", "学生", "志愿者",
)  # fmt: skip
VERBS = (
    "推动", "提升", "加强", "落实", "促进", "完善", "保障", "组织", "参加", "学习", "交流",
    "建设", "宣传", "打造", "深化", "围绕", "聚焦", "服务",
)  # fmt: skip
ADVERBS = ("进一步", "持续", "全面", "深入", "积极", "认真", "有效")
TIMES = ("近日", "日前", "今年以来", "15日下午", "9月16日上午", "2025年")
BOOKS = (
    "《中华人民共和国环境保护法》",
    "《关于推进乡村振兴的意见》",
    "《拉萨市企业融资需求白名单》",
    "《心中的北斗星》",
)
ACRONYMS = ("PPT", "APP", "GDP", "5G", "AI", "CCTV-1", "CCTV-4", "Wi-Fi")
UNITS = ("家企业", "名考生", "亿元", "个考点", "余人", "万元", "天", "%")
TIBETAN_NAME_PARTS = (
    "次仁", "卓玛", "达瓦", "央宗", "扎西", "拉姆", "格桑", "尼玛", "旦增", "索朗", "平措",
    "多吉", "白玛", "德吉", "普布", "洛桑", "央金", "卓嘎", "边巴", "巴桑", "顿珠", "曲珍",
)  # fmt: skip
SURNAMES = (
    "张",
    "王",
    "李",
    "刘",
    "陈",
    "杨",
    "赵",
    "黄",
    "周",
    "吴",
    "孙",
    "胡",
    "朱",
    "高",
    "何",
    "齐",
    "莫",
    "满",
)
GIVEN_NAMES = (
    "璐", "文妍", "瑞英", "从芳", "丛芳", "永昌", "春阳", "建丰", "亮", "雪梅", "龙泉", "勇",
    "曦云", "睿宇", "新明", "庆安", "凯", "人杰", "晓东", "海燕",
)  # fmt: skip
#: Characters that differ in one stroke or sound and make near-identical names.
LOOKALIKES = {"从": "丛", "丛": "从", "文": "雯", "明": "铭", "云": "芸", "亮": "靓"}
HEADER_LINES = (
    Furniture.paper("拉萨日报"),
    Furniture.date(dt.date(2025, 9, 17)),
    Furniture.page_number(3),
)
PLACES = ("拉萨", "日喀则", "山南", "林芝", "城关", "堆龙德庆")


# Strategies built once: building them inside composites costs more than drawing from them.
_ACRONYMS = st.sampled_from(ACRONYMS)
_ADVERBS = st.sampled_from(ADVERBS)
_BOOKS = st.sampled_from(BOOKS)
_BYLINE_ROLES = st.sampled_from(BYLINE_ROLES)
_GIVEN_NAMES = st.sampled_from(GIVEN_NAMES)
_HEADER_LINES = st.sampled_from(HEADER_LINES)
_HEADLINE_VERBS = st.sampled_from(HEADLINE_VERBS)
_NOUNS = st.sampled_from(NOUNS)
_PLACES = st.sampled_from(PLACES)
_SURNAMES = st.sampled_from(SURNAMES)
_THEMES = st.sampled_from(THEMES)
_TIBETAN_NAME_PARTS = st.sampled_from(TIBETAN_NAME_PARTS)
_TIMES = st.sampled_from(TIMES)
_TOPICS = st.sampled_from(TOPICS)
_UNITS = st.sampled_from(UNITS)
_VERBS = st.sampled_from(VERBS)
_BOOL = st.booleans()


def tibetan_names() -> st.SearchStrategy[str]:
    """Tibetan personal names in Han transliteration: one or two parts (格桑, 次仁卓玛)."""
    return st.lists(_TIBETAN_NAME_PARTS, min_size=1, max_size=2).map("".join)


def han_names() -> st.SearchStrategy[str]:
    """Han personal names: a surname and a given name (张春阳, 李从芳)."""
    return st.builds(lambda surname, given: surname + given, _SURNAMES, _GIVEN_NAMES)


def names() -> st.SearchStrategy[str]:
    return st.one_of(tibetan_names(), han_names())


def lookalike(name: str) -> str:
    """The name with its first look-alike character swapped (李从芳 -> 李丛芳), or the name itself."""
    for index, char in enumerate(name):
        if char in LOOKALIKES:
            return name[:index] + LOOKALIKES[char] + name[index + 1 :]
    return name


def contributors() -> st.SearchStrategy[tuple[Contributor, ...]]:
    """One to four people, each with any of the byline roles."""
    person = st.builds(lambda name, role: Contributor(name=name, role=role), names(), _BYLINE_ROLES)
    return st.lists(person, min_size=1, max_size=4).map(tuple)


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number with its unit: 238家企业, 125.5亿元, 6%, 2个考点."""
    whole = draw(st.integers(min_value=1, max_value=9999))
    decimal = draw(_BOOL)
    value = f"{whole}.{draw(st.integers(min_value=1, max_value=99))}" if decimal else str(whole)
    return value + draw(_UNITS)


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A clause: verb and object, with an adverb, a number, an acronym or a book title now and then."""
    parts = []
    if draw(_BOOL):
        parts.append(draw(_ADVERBS))
    parts.append(draw(_VERBS))
    kind = draw(st.integers(min_value=0, max_value=5))
    if kind == 1:
        parts.append(draw(numbers()))
    elif kind == 2:
        parts.append("通过" + draw(_ACRONYMS))
    elif kind == 3:
        parts.append(draw(_BOOKS))
    elif kind == 4:
        parts.append("“" + draw(_NOUNS) + draw(_NOUNS) + "”")
    parts.append(draw(_NOUNS))
    return "".join(parts)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence of one to four clauses with Chinese punctuation, sometimes a quotation."""
    clauses = draw(st.lists(phrases(), min_size=1, max_size=3))
    separators = draw(
        st.lists(st.sampled_from("，，、；"), min_size=len(clauses) - 1, max_size=len(clauses) - 1)
    )
    body = clauses[0] + "".join(sep + clause for sep, clause in zip(separators, clauses[1:], strict=True))
    end = draw(st.sampled_from("。。。！？"))
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        speaker = draw(names())
        return f"{speaker}说：“{body}{end}”"
    return body + end


@st.composite
def paragraphs(draw: st.DrawFn, opening: str | None = None) -> str:
    """A paragraph of sentences; *opening* starts it when given."""
    parts = [opening] if opening else []
    parts += draw(st.lists(sentences(), min_size=0 if opening else 1, max_size=3))
    return "".join(parts)


@st.composite
def captions(draw: st.DrawFn, topic: str, theme: str, people: tuple[Contributor, ...]) -> CaptionSpec:
    """A caption about the article's topic; its photographer is often one of the byline (or nearly)."""
    photographer = draw(_photographers(people))
    return CaptionSpec.reporter(
        draw(_caption_texts(topic, theme)),
        photographer,
        organisation=draw(st.sampled_from(("拉萨融媒", "本报"))),
        bracketed=draw(_BOOL),
    )


def _photographers(people: tuple[Contributor, ...]) -> st.SearchStrategy[str]:
    if not people:
        return names()
    return st.one_of(
        st.sampled_from([person.name for person in people]),
        st.sampled_from([lookalike(person.name) for person in people]),
        names(),
    )


@st.composite
def _caption_texts(draw: st.DrawFn, topic: str, theme: str) -> str:
    detail = draw(_VERBS) + draw(_NOUNS)
    return f"图为{topic}{theme}现场" + draw(st.sampled_from(("。", f"，{detail}。")))


@attrs.frozen(kw_only=True)
class Phenomena:
    """Which phenomena of real pages the article strategies draw, beyond what the first renderer drew.

    Each switch is one phenomenon the parser may or may not read yet:

    - *dateline_free*: articles with no dateline -- commentaries (``本报评论员``),
      features with a byline line under the headline, wire reprints with a
      byline bracket after the last sentence, trailing ``本报记者 张三/文``
      lines, and articles with no byline at all;
    - *dateline_forms*: datelines of many outlets and forms (``本报拉萨9月16日讯``,
      ``东方网讯 （记者 李四）``, ``新华社“雪龙2”号3月5日电``, full- and
      half-width brackets), roles printed with an organisation;
    - *dash_subheadlines*: subheadlines that open with ``——``;
    - *jumps*: continued halves under a jump head opening ``（上接第一版）``;
    - *crossheads*: crossheads, ordinal headings and interview questions inside bodies;
    - *caption_credits*: every credit form, letter-spaced photographers,
      several captions per article;
    - *spaced_names*: letter-spaced two-character names in bylines, next to
      lists with a space between names.
    """

    dateline_free: bool = False
    dateline_forms: bool = False
    dash_subheadlines: bool = False
    jumps: bool = False
    crossheads: bool = False
    caption_credits: bool = False
    spaced_names: bool = False

    @classmethod
    def every(cls) -> Phenomena:
        """Every phenomenon on."""
        return cls(**{field.name: True for field in attrs.fields(cls)})


#: What the first renderer drew: the phenomena today's parser reads.
FIRST_RENDERER = Phenomena()
#: Roles of the new byline forms.
NEW_ROLES = ("记者", "特约记者", "见习记者", "实习记者", "首席记者", "实习生", "通讯员", "摄影记者")
#: Outlets printed as ``<outlet>讯 （记者…）``, a space before the bracket.
WEB_OUTLETS = ("东方网", "中新网", "澎湃新闻", "中国西藏网")
#: Organisations printed before a role in bylines.
ORGANISATIONS = ("本报", "新华社", "人民日报", "拉萨融媒")
_NEW_ROLES = st.sampled_from(NEW_ROLES)


def two_character_names() -> st.SearchStrategy[str]:
    """Han names of two characters (李明): the ones a byline may print letter-spaced (``李 明``)."""
    return st.builds(lambda surname, given: surname + given, _SURNAMES, st.sampled_from("明亮勇凯璐华强丽"))


@st.composite
def credits(
    draw: st.DrawFn, *, spaced_names: bool = False, organisation: bool = False, gap: str | None = None
) -> Credit:
    """One role and its names as a byline prints them: ``记者 张三``, ``本报记者王明、李华``, ``记者 李 明``."""
    spaced = spaced_names and draw(_BOOL)
    if spaced:
        people = draw(st.lists(two_character_names(), min_size=1, max_size=2, unique=True))
    else:
        people = draw(st.lists(names(), min_size=1, max_size=3, unique=True))
    separator = "、" if spaced or not spaced_names else draw(st.sampled_from(("、", " ")))
    return Credit(
        role=draw(_NEW_ROLES),
        names=tuple(people),
        organisation=draw(st.sampled_from(ORGANISATIONS)) if organisation and draw(_BOOL) else None,
        gap=" "
        if separator == " " or spaced
        else (gap if gap is not None else draw(st.sampled_from(("", " ")))),
        separator=separator,
        spaced=spaced,
    )


@st.composite
def datelines(draw: st.DrawFn, *, spaced_names: bool = False) -> DatelineSpec:
    """A dateline in one of the paper's forms, its bracket naming one or two roles' people."""
    place = draw(_PLACES)
    date = (draw(st.integers(min_value=1, max_value=12)), draw(st.integers(min_value=1, max_value=28)))
    bracket = draw(st.lists(credits(spaced_names=spaced_names), min_size=1, max_size=2))
    form = draw(st.sampled_from(("benbao", "benbao_dated", "rongmei", "xinhua", "ship", "web", "renmin")))
    if form == "benbao":
        return DatelineSpec.build("本报", credits=bracket)
    if form == "benbao_dated":
        return DatelineSpec.build("本报", place=place, date=date, credits=bracket)
    if form == "rongmei":
        return DatelineSpec.build(f"{place}融媒", credits=bracket)
    if form == "ship":
        return DatelineSpec.build("新华社", place="“雪龙2”号", date=date, ending="电")
    if form == "web":
        return DatelineSpec.build(draw(st.sampled_from(WEB_OUTLETS)), credits=bracket, space=True)
    outlet = "新华社" if form == "xinhua" else "人民日报"
    half = draw(_BOOL)
    return DatelineSpec.build(
        outlet,
        place=place,
        date=date,
        ending="电",
        credits=bracket,
        brackets="()" if half else "（）",
        space=draw(_BOOL),
    )


@st.composite
def bylines(draw: st.DrawFn, *, spaced_names: bool = False) -> BylineSpec:
    """A byline printed apart from a dateline, in one of the paper's forms and positions."""
    form = draw(st.sampled_from(("commentary", "top", "slash", "end", "end_line")))
    if form == "commentary":
        named = draw(_BOOL)
        role = "特约评论员" if named else "评论员"
        people = (draw(names()),) if named else ()
        return BylineSpec.build([Credit(role=role, organisation="本报", names=people, gap=" ")])
    if form == "top":
        groups = draw(
            st.lists(credits(spaced_names=spaced_names, organisation=True, gap=" "), min_size=1, max_size=2)
        )
        return BylineSpec.build(groups)
    if form == "slash":
        writer, photographer = draw(names()), draw(names())
        return BylineSpec.build(
            [
                Credit(role="文", names=(writer,), slash=True),
                Credit(role="图", names=(photographer,), slash=True),
            ]
        )
    if form == "end":
        groups = draw(st.lists(credits(spaced_names=spaced_names, organisation=True), min_size=1, max_size=2))
        unsigned = draw(st.integers(min_value=0, max_value=3)) == 0
        if unsigned:  # （张三）: a name and no role
            groups = [Credit(role="", names=(draw(names()),))]
        return BylineSpec.build(groups, position="end", joiner=draw(st.sampled_from(("，", " "))))
    return BylineSpec.build(
        [Credit(role="记者", organisation="本报", names=(draw(names()),), gap=" ", tail="文")],
        position="end_line",
    )


CROSSHEAD_OPENINGS = ("一、", "二、", "三、", "（一）", "（二）")


@st.composite
def crossheads(draw: st.DrawFn) -> str:
    """A crosshead (小标题), an ordinal heading or an interview question: one short line, no stop at the end."""
    kind = draw(st.sampled_from(("plain", "ordinal", "question")))
    phrase = draw(_VERBS) + draw(_NOUNS) + draw(_NOUNS)
    if kind == "ordinal":
        return draw(st.sampled_from(CROSSHEAD_OPENINGS)) + phrase
    if kind == "question":
        return f"问：如何{phrase}？"
    return f"从“{draw(_NOUNS)}”到“{draw(_NOUNS)}”" if draw(_BOOL) else phrase


@st.composite
def new_captions(draw: st.DrawFn, topic: str, theme: str, people: tuple[Contributor, ...]) -> CaptionSpec:
    """A caption with any credit form of the paper (``X供图``, ``图片由X提供``, ``资料图片``, ``摄影：X`` ...)."""
    form = draw(st.sampled_from(sorted(CREDIT_FORMS)))
    text = draw(_caption_texts(topic, theme))
    spaced = draw(_BOOL)
    photographer = draw(two_character_names() if spaced else _photographers(people))
    return CaptionSpec.credited(
        text,
        form,
        photographer=photographer,
        organisation=draw(st.sampled_from(("拉萨融媒", "本报"))),
        date=(draw(st.integers(min_value=1, max_value=12)), draw(st.integers(min_value=1, max_value=28))),
        spaced=spaced,
    )


@st.composite
def articles(draw: st.DrawFn, topic: str, theme: str, phenomena: Phenomena = FIRST_RENDERER) -> ArticleSpec:
    """An article about *topic* and *theme*: dateline, byline, headline group, body, captions.

    With :data:`FIRST_RENDERER` it is what the first renderer drew: a dateline
    of one of three styles, one headline in six missing, one caption at most.
    """
    people = draw(contributors())
    verb = draw(_HEADLINE_VERBS)
    headline = f"{topic}{verb}{theme}"
    kicker = subheadline = None
    if draw(_BOOL):
        kicker = draw(st.sampled_from(("聚焦民生", "服务群众", "喜迎盛会", "基层动态")))
    if draw(_BOOL):
        subheadline = draw(st.sampled_from(("解难题 强能力", "凝聚共识", "共建美丽拉萨")))
        if phenomena.dash_subheadlines and draw(_BOOL):
            subheadline = f"——记{topic}{draw(_NOUNS)}{draw(_NOUNS)}"
    has_headline = draw(st.integers(min_value=0, max_value=5)) > 0
    opening = f"{draw(_TIMES)}，{topic}{verb}{theme}。"
    body = [draw(paragraphs(opening)), *draw(st.lists(paragraphs(), min_size=0, max_size=3))]
    heads: list[int] = []
    if phenomena.crossheads and draw(_BOOL):
        body += draw(st.lists(paragraphs(), min_size=1, max_size=3))
        places = draw(st.sets(st.integers(min_value=1, max_value=len(body) - 1), min_size=1, max_size=2))
        for at in sorted(places, reverse=True):  # a heading before paragraph `at`, never first or last
            body.insert(at, draw(crossheads()))
        heads = [at + rank for rank, at in enumerate(sorted(places))]
    style = draw(st.sampled_from(("rongmei", "rongmei", "benbao", "wire")))
    place = draw(_PLACES)
    date = (draw(st.integers(min_value=1, max_value=12)), draw(st.integers(min_value=1, max_value=28)))
    dateline: DatelineSpec | None
    if style == "rongmei":
        dateline = DatelineSpec.rongmei(people, place)
    elif style == "benbao":
        dateline = DatelineSpec.benbao(people)
    else:
        dateline = DatelineSpec.wire(people, place, date)
    if phenomena.dateline_forms and draw(_BOOL):
        dateline = draw(datelines(spaced_names=phenomena.spaced_names))
    byline = None
    if phenomena.dateline_free and draw(_BOOL):
        dateline, has_headline = None, True  # an article with nothing else to show its start has a headline
        byline = draw(st.none() | bylines(spaced_names=phenomena.spaced_names))
    people = () if dateline is None else dateline.contributors
    people += () if byline is None else byline.contributors
    photo = (
        new_captions(topic, theme, people) if phenomena.caption_credits else captions(topic, theme, people)
    )
    photos = draw(st.lists(photo, max_size=3 if phenomena.caption_credits else 1))
    continuation = draw(st.sampled_from((None, None, None, "（下转第3版）", "（下转第5版）")))
    continued_from = None
    if phenomena.jumps and has_headline and draw(st.integers(min_value=0, max_value=3)) == 0:
        continued_from = draw(st.sampled_from(("（上接第一版）", "（上接第1版）", "（上接第2版）")))
        kicker = subheadline = dateline = None  # a continued half: its jump head, the mark, the body
        if byline is not None and byline.position == "top":
            byline = None
    return ArticleSpec(
        dateline=dateline,
        byline=byline,
        kicker=kicker if has_headline else None,
        headline=headline if has_headline else None,
        subheadlines=(subheadline,) if has_headline and subheadline else (),
        paragraphs=tuple(body),
        crossheads=[index for index in heads if 0 < index < len(body) - 1],
        captions=tuple(photos),
        continued_from=continued_from,
        continued_to=continuation,
    )


@st.composite
def article_lists(
    draw: st.DrawFn, max_size: int = 3, phenomena: Phenomena = FIRST_RENDERER
) -> list[ArticleSpec]:
    """One to *max_size* articles, each on its own topic and theme."""
    count = draw(st.integers(min_value=1, max_value=max_size))
    topics = draw(st.lists(_TOPICS, min_size=count, max_size=count, unique=True))
    themes = draw(st.lists(_THEMES, min_size=count, max_size=count, unique=True))
    return [draw(articles(topic, theme, phenomena)) for topic, theme in zip(topics, themes, strict=True)]


def commentaries() -> st.SearchStrategy[ArticleSpec]:
    """Commentaries: a headline, a byline line ``本报评论员`` or ``本报特约评论员 张三``, the body."""
    return st.builds(
        lambda headline, named, body: ArticleSpec(
            headline=headline,
            byline=BylineSpec.build(
                [
                    Credit(
                        role="特约评论员" if named else "评论员",
                        organisation="本报",
                        names=(named,) if named else (),
                        gap=" ",
                    )
                ]
            ),
            paragraphs=body,
        ),
        st.builds(lambda topic, theme: f"让{topic}{theme}更有温度", _TOPICS, _THEMES),
        st.none() | names(),
        st.lists(paragraphs(), min_size=1, max_size=4).map(tuple),
    )


#: The layout options of the first renderer and the values it drew them from.
FIRST_LAYOUT_OPTIONS: dict[str, st.SearchStrategy[Any]] = {
    "width": st.integers(min_value=12, max_value=24),
    "placement": st.sampled_from(("before", "after")),
    "first_line": st.sampled_from(("full", "dropped", "indent")),
    "paragraph_gap": st.booleans(),
    "letter_spaced_headlines": st.booleans(),
    "wrap_headlines": st.booleans(),
    "justified_spaces": st.booleans(),
    "digit_spaces": st.booleans(),
    "column_breaks": st.booleans(),
    "glue_datelines": st.booleans(),
    "caption_position": st.sampled_from(("with_article", "page_start", "page_end")),
    "newline": st.sampled_from(("\n", "\r\n")),
    "seed": st.integers(min_value=0, max_value=2**16),
}
#: The layout options added since, drawn only when asked for (``layouts(new=True)``).
NEW_LAYOUT_OPTIONS: dict[str, st.SearchStrategy[Any]] = {
    "split_datelines": st.booleans(),
    "caption_position": st.sampled_from(
        ("with_article", "page_start", "page_end", "in_body", "other_body", "mixed")
    ),
    "caption_gap": st.booleans(),
    "credit_line": st.booleans(),
    "crosshead_gap": st.booleans(),
    "glue_continuations": st.booleans(),
}


def layouts(*, new: bool | Collection[str] = False, **fixed: Any) -> st.SearchStrategy[Layout]:
    """Any layout the first renderer made; keywords pin fields.

    *new* draws the options added since as well: all of them (``True``) or
    those named (``new={"split_datelines", "caption_gap"}``), so the round trip
    can turn them on one by one.
    """
    fields = dict(FIRST_LAYOUT_OPTIONS)
    chosen = set(NEW_LAYOUT_OPTIONS) if new is True else {new} if isinstance(new, str) else set(new or ())
    unknown = chosen - set(NEW_LAYOUT_OPTIONS)
    if unknown:
        raise ValueError(f"'new' names options that are not new layout options (got {sorted(unknown)})")
    fields.update({name: NEW_LAYOUT_OPTIONS[name] for name in chosen})
    fields.update({name: st.just(value) for name, value in fixed.items()})
    return st.builds(Layout, **fields)


def headers() -> st.SearchStrategy[list[Furniture]]:
    """Furniture at the top of a page: the paper's name, the date line, the page number."""
    return st.lists(_HEADER_LINES, unique=True, max_size=3)


def footers() -> st.SearchStrategy[list[Furniture]]:
    """Furniture at the bottom of a page: the editors' credits."""
    return st.lists(han_names().map(lambda name: Furniture.editors(("责任编辑", name))), max_size=1)


SECTION_LABELS = ("要闻", "本地新闻", "文化·旅游", "综合新闻")
EDITOR_ROLES = ("责任编辑", "本版编辑", "美编", "版式", "校对")


@st.composite
def furniture_lines(draw: st.DrawFn) -> list[FurnitureLine]:
    """Furniture lines of every kind, several kinds on one printed line now and then.

    ``拉萨日报``, ``2025年10月8日 星期三 责任编辑：扎西 版式：王五``, ``A3``,
    ``文化·旅游``, ``本版编辑：央金 美编：赵六``.
    """
    day = dt.date(2025, 1, 1) + dt.timedelta(days=draw(st.integers(min_value=0, max_value=364)))
    roles = draw(st.lists(st.sampled_from(EDITOR_ROLES), min_size=1, max_size=2, unique=True))
    editors = Furniture.editors(*((role, draw(han_names())) for role in roles))
    pieces = [
        Furniture.paper(draw(st.sampled_from(("拉萨日报", "LHASA DAILY")))),
        Furniture.date(day),
        Furniture.page_number(
            draw(st.integers(min_value=1, max_value=16)),
            draw(st.sampled_from(("第{}版", "A{}", "{}", "{:02d}"))),
        ),
        Furniture.section(draw(st.sampled_from(SECTION_LABELS))),
        editors,
    ]
    kept = [piece for piece in pieces if draw(_BOOL)]
    lines: list[FurnitureLine] = []
    for piece in kept:
        together = draw(_BOOL)
        if together and lines:
            lines[-1] = (*lines[-1], piece)
        else:
            lines.append((piece,))
    return lines
