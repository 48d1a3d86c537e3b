"""Hypothesis strategies for realistic articles and page layouts.

Every strategy builds the expected result together with the input: an
:class:`~lhasa_corpus.render.ArticleSpec` *is* what a parse of its rendering
must give back, so nothing is filtered with ``assume``.

The vocabulary is that of 拉萨日报 local news. It leaves out the few
characters that would make body text look like page structure to any reader
(讯 and 电 that end datelines, 摄 and 图 of photo credits, 版 of continuation
marks); those appear only where the structure is meant.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from lhasa_corpus.models import Contributor
from lhasa_corpus.render import BYLINE_ROLES, ArticleSpec, CaptionSpec, Layout

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
HEADER_LINES = ("拉萨日报", "2025年9月17日 星期三", "第3版")
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
    photographer = draw(
        st.one_of(
            st.sampled_from([person.name for person in people]),
            st.sampled_from([lookalike(person.name) for person in people]),
            names(),
        )
    )
    detail = draw(_VERBS) + draw(_NOUNS)
    text = f"图为{topic}{theme}现场" + draw(st.sampled_from(("。", f"，{detail}。")))
    return CaptionSpec(
        text=text,
        photographer=photographer,
        organisation=draw(st.sampled_from(("拉萨融媒", "本报"))),
        bracketed=draw(_BOOL),
    )


@st.composite
def articles(draw: st.DrawFn, topic: str, theme: str) -> ArticleSpec:
    """An article about *topic* and *theme*: dateline, byline, headline group, body, captions."""
    people = draw(contributors())
    verb = draw(_HEADLINE_VERBS)
    headline = f"{topic}{verb}{theme}"
    kicker = subheadline = None
    if draw(_BOOL):
        kicker = draw(st.sampled_from(("聚焦民生", "服务群众", "喜迎盛会", "基层动态")))
    if draw(_BOOL):
        subheadline = draw(st.sampled_from(("解难题 强能力", "凝聚共识", "共建美丽拉萨")))
    has_headline = draw(st.integers(min_value=0, max_value=5)) > 0
    opening = f"{draw(_TIMES)}，{topic}{verb}{theme}。"
    body = [draw(paragraphs(opening)), *draw(st.lists(paragraphs(), min_size=0, max_size=3))]
    photos = draw(st.lists(captions(topic, theme, people), max_size=1))
    continuation = draw(st.sampled_from((None, None, None, "（下转第3版）", "（下转第5版）")))
    return ArticleSpec(
        style=draw(st.sampled_from(("rongmei", "rongmei", "benbao", "wire"))),
        place=draw(_PLACES),
        date=(draw(st.integers(min_value=1, max_value=12)), draw(st.integers(min_value=1, max_value=28))),
        contributors=people,
        kicker=kicker if has_headline else None,
        headline=headline if has_headline else None,
        subheadlines=(subheadline,) if has_headline and subheadline else (),
        paragraphs=tuple(body),
        captions=tuple(photos),
        continuation=continuation,
    )


@st.composite
def article_lists(draw: st.DrawFn, max_size: int = 3) -> list[ArticleSpec]:
    """One to *max_size* articles, each on its own topic and theme."""
    count = draw(st.integers(min_value=1, max_value=max_size))
    topics = draw(st.lists(_TOPICS, min_size=count, max_size=count, unique=True))
    themes = draw(st.lists(_THEMES, min_size=count, max_size=count, unique=True))
    return [draw(articles(topic, theme)) for topic, theme in zip(topics, themes, strict=True)]


def layouts(**fixed: Any) -> st.SearchStrategy[Layout]:
    """Any layout the renderer can make; keyword arguments pin some of its fields."""
    fields: dict[str, st.SearchStrategy[Any]] = {
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
    fields.update({name: st.just(value) for name, value in fixed.items()})
    return st.builds(Layout, **fields)


def headers() -> st.SearchStrategy[list[str]]:
    """Furniture at the top of a page: the paper's name, the date line, the page number."""
    return st.lists(_HEADER_LINES, unique=True, max_size=3)


def footers() -> st.SearchStrategy[list[str]]:
    """Furniture at the bottom of a page: the editors' credits."""
    return st.lists(han_names().map(lambda name: f"责任编辑：{name}"), max_size=1)
