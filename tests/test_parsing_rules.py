"""One test or property per parsing rule, on small pages written for the rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lhasa_corpus import Page, parse_page
from lhasa_corpus.bylines import ROLES, find_datelines, parse_contributors
from lhasa_corpus.captions import read_caption
from lhasa_corpus.quality import page_report, provenance_problems

BODY_A = "为进一步畅通金融机构与企业间沟通合作渠道，更好调动驻市金融机构服务实体经济。"
BODY_B = "考试期间，自治区司法厅、拉萨市司法局主要负责人前往考点开展巡考工作。"


def wrap(text: str, width: int = 12) -> str:
    return "\n".join(text[index : index + width] for index in range(0, len(text), width))


def parse(text: str) -> Page:
    page = parse_page(text)
    assert provenance_problems(page) == []
    return page


# -- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "source", "people"),
    [
        ("拉萨融媒讯（记者杨璐）", "拉萨融媒", [("杨璐", "记者")]),
        ("本报讯（记者 张三 通讯员 李四）", "本报", [("张三", "记者"), ("李四", "通讯员")]),
        ("新华社拉萨9月16日电 (记者 王五)", "新华社", [("王五", "记者")]),
        ("本报讯", "本报", []),
        (
            "日喀则融媒讯（见习记者 次仁 特约记者 格桑、多吉）",
            "日喀则融媒",
            [("次仁", "见习记者"), ("格桑", "特约记者"), ("多吉", "特约记者")],
        ),
    ],
)
def test_dateline_forms_give_source_and_contributors(
    dateline: str, source: str, people: list[tuple[str, str]]
) -> None:
    page = parse(f"{dateline}{BODY_A}\n\n{BODY_B}")
    article = page.articles[0]
    assert article.source == source
    assert article.dateline == dateline
    assert [(person.name, person.role) for person in article.contributors] == people


@given(
    cut=st.integers(min_value=1, max_value=len("拉萨融媒讯（记者次仁卓玛、次央卓）") - 1),
    pad=st.sampled_from(["", " "]),
)
def test_dateline_split_across_lines_is_joined(cut: int, pad: str) -> None:
    dateline = "拉萨融媒讯（记者次仁卓玛、次央卓）"
    text = f"{BODY_B}\n\n{pad}{dateline[:cut]}\n{dateline[cut:]}近日，{BODY_A}"
    (found,) = find_datelines(text)
    assert "".join(text[found.start : found.end].split()) == dateline
    article = parse(text).articles[-1]
    assert article.dateline == dateline
    assert [person.name for person in article.contributors] == ["次仁卓玛", "次央卓"]


def test_dateline_glued_to_previous_headline_is_cut_off_it() -> None:
    text = f"拉萨融媒讯（记者满文妍）{BODY_B}\n\n座谈会召开拉萨融媒讯（记者莫瑞英）为进\n一步提升干部能力。\n\n培训班开班"
    page = parse(text)
    assert [article.headline for article in page.articles] == ["座谈会召开", "培训班开班"]
    assert page.articles[1].dateline == "拉萨融媒讯（记者莫瑞英）"
    assert page.articles[1].paragraphs == ("为进一步提升干部能力。",)


def test_source_quoted_inside_a_sentence_is_not_a_dateline() -> None:
    assert find_datelines("据新华社拉萨9月16日电，会议召开。") == []


def test_unclosed_dateline_keeps_its_text_in_the_body_and_is_flagged() -> None:
    page = parse(f"拉萨融媒讯（记者杨璐 {BODY_A}{BODY_A}")
    article = page.articles[0]
    assert article.dateline == "拉萨融媒讯"
    assert "dateline_unclosed" in article.flags
    assert article.paragraphs[0].startswith("（记者杨璐")


@pytest.mark.parametrize("printed", sorted(ROLES))
def test_every_role_is_read(printed: str) -> None:
    byline = f"（{printed}张三）" if printed not in {"摄", "摄影"} else f"（张三{printed}）"
    assert [(c.name, c.role) for c in parse_contributors(byline, 0, len(byline))] == [
        ("张三", ROLES[printed])
    ]


# -- captions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "credit", "photographer"),
    [
        (
            "图为在花艺师展区，各选手同台竞技。 拉萨融媒记者 李丛芳摄",
            "图为在花艺师展区，各选手同台竞技。",
            "拉萨融媒记者 李丛芳摄",
            "李丛芳",
        ),
        (
            "选手同台竞技。（拉萨融媒记者 李丛芳 摄）",
            "选手同台竞技。",
            "（拉萨融媒记者 李丛芳 摄）",
            "李丛芳",
        ),
        ("图为选手同台竞技。", "图为选手同台竞技。", None, None),
        ("图为选手同台竞技。（摄影 张三）", "图为选手同台竞技。", "（摄影 张三）", "张三"),
        ("选手同台竞技。 摄影：李丛芳", "选手同台竞技。", "摄影：李丛芳", "李丛芳"),
    ],
)
def test_caption_forms(raw: str, text: str, credit: str | None, photographer: str | None) -> None:
    parts = read_caption(raw, 0, len(raw))
    assert parts is not None
    assert (raw[slice(*parts.text_span)] if parts.text_span else None) == text
    assert (raw[slice(*parts.credit_span)] if parts.credit_span else None) == credit
    assert (parts.photographers[0].name if parts.photographers else None) == photographer


@pytest.mark.parametrize(
    ("raw", "photographer", "organisation"),
    [
        ("雨游黄鹤楼照样开心。 城市摄影队 周斌 摄", "周斌", "城市摄影队"),
        ("学生在为老服务中心实习。 上海工程技术大学供图", None, None),
        ("会场一角。 新华社记者站记者 张三 摄", "张三", None),
        ("共享充电宝。 视觉中国供图", None, None),
    ],
)
def test_a_body_named_in_a_credit_is_no_photographer(
    raw: str, photographer: str | None, organisation: str | None
) -> None:
    parts = read_caption(raw, 0, len(raw))
    assert parts is not None
    people = [(person.name, person.organisation) for person in parts.photographers]
    assert people == ([] if photographer is None else [(photographer, organisation)])


def test_captions_printed_one_under_another_are_cut_at_each_credit() -> None:
    body = "拉萨融媒讯（记者张三）文物保护工作持续推进。各地开展古建筑数字扫描。"
    captions = [
        "2025年8月19日，文物扫描员在一处古建筑内进行数字扫描。 新华社发",
        "1月14日，一名留学生在参观应县木塔模型。 新华社记者 解园 摄",
    ]
    page = parse(body + "\n\n" + "\n".join(captions))
    (article,) = page.articles
    assert [(caption.text, caption.credit) for caption in article.captions] == [
        ("2025年8月19日，文物扫描员在一处古建筑内进行数字扫描。", "新华社发"),
        ("1月14日，一名留学生在参观应县木塔模型。", "新华社记者 解园 摄"),
    ]


def test_a_credit_on_its_own_line_takes_the_sentence_above_it_as_caption() -> None:
    lines = [
        "拉萨融媒讯（记者张三）冬日敦煌游人如织，夜市",
        "热闹非凡。",
        "游客在敦煌夜市体验投掷游戏。",
        "新华社记者 张玉洁 摄",
        "景区推出多项冬季优惠活动，吸引各地游客前来",
        "观光。",
    ]
    (article,) = parse("\n".join(lines)).articles
    assert [(caption.text, caption.photographer) for caption in article.captions] == [
        ("游客在敦煌夜市体验投掷游戏。", "张玉洁")
    ]
    assert "caption_glued" in article.flags
    assert (
        "".join(article.paragraphs)
        == "冬日敦煌游人如织，夜市热闹非凡。景区推出多项冬季优惠活动，吸引各地游客前来观光。"
    )


@pytest.mark.parametrize("raw", ["他们正在拍摄", "会上举行了签约仪式，并组织已达成融资意向的", BODY_A])
def test_body_text_is_not_a_caption(raw: str) -> None:
    assert read_caption(raw, 0, len(raw)) is None


def test_caption_is_attached_by_shared_words_not_position() -> None:
    contest = "拉萨融媒讯（记者李从芳）职业技能大赛在社区举办。各选手同台竞技，花艺师展区人气最旺。"
    study = "拉萨融媒讯（记者张三）集团召开集中学习会，深入学习讲话精神。"
    text = f"{contest}\n\n技能大赛举办\n\n{study}\n\n集中学习会召开\n\n图为花艺师展区，各选手同台竞技。 拉萨融媒记者 李丛芳摄"
    page = parse(text)
    assert [len(article.captions) for article in page.articles] == [1, 0]
    assert "caption_placed_by_similarity" in page.articles[0].flags
    assert "near_identical_names" in page.articles[0].flags


# -- paragraphs and column breaks --------------------------------------------------------------


def test_blank_line_in_mid_sentence_is_a_column_break() -> None:
    text = "拉萨融媒讯（记者杨璐）会上举行了签约仪式，并组织已达成\n融资意向的企业与银行签订相关协议\n\n，拉萨高新控股集团有限公司等企业代\n表发言。"
    assert len(parse(text).articles[0].paragraphs) == 1


def test_short_line_ending_a_sentence_ends_a_paragraph_without_blank_line() -> None:
    text = "\n".join(
        [
            "拉萨融媒讯（记者杨璐）市委常委、常务副市长",
            "占堆，自治区党委金融办副主任、金融工委副书",
            "记出席并致辞。",
            "会上举行了签约仪式，并组织已达成融资意向的企",
            "业与银行签订相关协议，现场增设银行宣介展台。",
        ]
    )
    assert [p[:4] for p in parse(text).articles[0].paragraphs] == ["市委常委", "会上举行"]


def test_ideographic_space_indent_starts_a_paragraph() -> None:
    text = "拉萨融媒讯（记者杨璐）\n\u3000\u3000第一段的文字写满了这一行啊。\n\u3000\u3000第二段的文字也写满了这一行。"
    assert parse(text).articles[0].paragraphs == (
        "第一段的文字写满了这一行啊。",
        "第二段的文字也写满了这一行。",
    )


def test_sentence_end_at_the_column_edge_with_a_full_next_line_does_not_end_the_paragraph() -> None:
    # The next line lacks no indent, so the blank line was a column break.
    lines = [
        "拉萨融媒讯（记者杨璐）与以往相比，本次",
        "活动在形式和内容上均有显著创新。",
        "",
        "城关区人民检察院检察官罗凌结合真",
        "实案例，讲解了预防校园欺凌知识。",
    ]
    assert len(parse("\n".join(lines)).articles[0].paragraphs) == 1


# -- headlines ----------------------------------------------------------------------------------


def test_headlines_before_their_bodies_are_detected() -> None:
    first = "职业技能大赛举办"
    second = "集中学习会召开"
    text = (
        f"{first}\n\n拉萨融媒讯（记者李从芳）{wrap('日前，堆龙德庆区第二届职业技能大赛在桑木社区举办。')}\n\n"
        f"{second}\n\n拉萨融媒讯（记者张三）{wrap('近日，集团党委理论学习中心组召开集中学习会。')}"
    )
    page = parse(text)
    assert page.headline_placement == "before"
    assert [article.headline for article in page.articles] == [first, second]


def test_headlines_after_their_bodies_are_detected() -> None:
    text = (
        f"拉萨融媒讯（记者李从芳）{wrap('日前，堆龙德庆区第二届职业技能大赛在桑木社区举办。')}\n\n职业技能大赛举办\n\n"
        f"拉萨融媒讯（记者张三）{wrap('近日，集团党委理论学习中心组召开集中学习会。')}\n\n集中学习会召开"
    )
    page = parse(text)
    assert page.headline_placement == "after"
    assert [article.headline for article in page.articles] == ["职业技能大赛举办", "集中学习会召开"]


def test_kicker_headline_and_subheadline_by_length() -> None:
    text = f"拉萨融媒讯（记者齐永昌）{wrap(BODY_A)}\n\n市 生 态 环 境 局 开 展\n\n“质量月”环保宣传活动暨普法宣传活动举行\n\n业务培训解难题 提升服务强能力"
    article = parse(text).articles[0]
    assert (article.kicker, article.headline, article.subheadlines) == (
        "市生态环境局开展",
        "“质量月”环保宣传活动暨普法宣传活动举行",
        ("业务培训解难题 提升服务强能力",),
    )


def test_page_without_headlines_flags_each_article() -> None:
    page = parse(f"拉萨融媒讯（记者杨璐）{BODY_A}\n拉萨融媒讯（记者张三）{BODY_B}")
    assert [article.flags for article in page.articles] == [("headline_missing",), ("headline_missing",)]
    assert page.headline_placement is None
    assert "headline_placement_undecided" not in page.flags


def test_headline_with_no_evidence_either_way_is_flagged_undecided() -> None:
    page = parse(f"拉萨融媒讯（记者杨璐）{BODY_A}\n\n座谈会召开\n\n拉萨融媒讯（记者张三）{BODY_B}")
    assert "headline_placement_undecided" in page.flags
    assert [article.headline for article in page.articles] == [None, "座谈会召开"]


# -- furniture, continuations, no dateline ------------------------------------------------------


def test_furniture_goes_to_leftovers_and_continuation_to_its_article() -> None:
    text = f"2025年9月17日 星期三\n拉萨融媒讯（记者杨璐）{wrap(BODY_A)}（下转第3版）\n\n责任编辑：张三"
    page = parse(text)
    assert [leftover.text for leftover in page.leftovers] == ["2025年9月17日 星期三", "责任编辑：张三"]
    assert page.articles[0].continuations == ("（下转第3版）",)
    assert page.articles[0].paragraphs == (BODY_A,)


def test_a_wrapped_paragraph_is_one_span_and_one_cut_by_furniture_is_two() -> None:
    wrapped = parse(f"拉萨融媒讯（记者杨璐）{wrap(BODY_A)}")
    (span,) = wrapped.articles[0].spans_of("paragraphs/0")
    assert (span.start, span.end) == (wrapped.raw_text.index(BODY_A[0]), len(wrapped.raw_text))
    lines = wrap(BODY_A).split("\n")
    cut = parse(f"拉萨融媒讯（记者杨璐）{lines[0]}\n责任编辑：张三\n" + "\n".join(lines[1:]))
    assert cut.articles[0].paragraphs == (BODY_A,)
    pieces = [cut.raw_text[span.start : span.end] for span in cut.articles[0].spans_of("paragraphs/0")]
    assert pieces == [lines[0], "\n".join(lines[1:])]


def test_page_without_dateline_is_one_flagged_article() -> None:
    page = parse(wrap(BODY_A + BODY_B))
    assert len(page.articles) == 1
    assert "dateline_missing" in page.articles[0].flags
    assert page.articles[0].text == BODY_A + BODY_B


def test_crlf_and_stray_spaces_do_not_change_the_result() -> None:
    text = f" 拉萨融媒讯（记者杨璐）{wrap(BODY_A)}\n\n{wrap(BODY_B)}"
    plain = parse(text)
    crlf = parse(text.replace("\n", "\r\n"))
    assert [a.paragraphs for a in plain.articles] == [a.paragraphs for a in crlf.articles]


@pytest.mark.parametrize(
    ("before", "source", "guessed"),
    [
        ("\n", "江苏融媒", False),
        ("\n ", "山南日报", False),
        ("座谈会召开", "江苏融媒", True),
        ("\n", "东方网", False),
    ],
)
def test_unknown_outlet_is_recognised_by_its_ending(before: str, source: str, guessed: bool) -> None:
    text = f"拉萨融媒讯（记者杨璐）{BODY_A}{before}{source}讯（记者王五）{BODY_B}"
    article = parse(text).articles[-1]
    assert article.source == source
    assert [person.name for person in article.contributors] == ["王五"]
    assert ("dateline_source_guessed" in article.flags) is guessed


def test_unknown_outlet_without_byline_is_not_taken_for_a_dateline() -> None:
    assert len(parse(f"拉萨融媒讯（记者杨璐）{BODY_A}据江苏融媒讯，{BODY_B}").articles) == 1


@pytest.mark.parametrize(
    "text",
    [
        "拉萨融媒讯（记者杨璐）图为选手竞技。（下转第3版）（",  # a cut inside a caption's line
        "本报讯（本报讯）",  # a dateline inside another's byline
    ],
)
def test_fuzzing_regressions_keep_every_character_once(text: str) -> None:
    parse(text)


def test_indented_first_line_reaching_the_column_edge_does_not_end_its_paragraph() -> None:
    text = (
        "\u3000\u3000拉萨融媒讯（记者杨璐）会议于\n"
        "今日上午在拉萨市委会议室召开。\n"
        "\u3000\u3000会议说明了今年的各项工作。\n"
        "会议听取了各方意见和建议，并就\n"
        "下一步工作作出了部署和安排。\n"
        "\u3000\u3000会议要求各方认真落实。\n"
    )
    assert parse(text).articles[0].paragraphs == (
        "会议于今日上午在拉萨市委会议室召开。",
        "会议说明了今年的各项工作。会议听取了各方意见和建议，并就下一步工作作出了部署和安排。",
        "会议要求各方认真落实。",
    )


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("（特约\n记者莫建丰、朱瑞英）", [("莫建丰", "特约记者"), ("朱瑞英", "特约记者")]),
        ("（记者 尼玛 见习\n记者 何睿宇）", [("尼玛", "记者"), ("何睿宇", "见习记者")]),
        ("（记者次仁卓玛\n实习生达瓦央宗）", [("次仁卓玛", "记者"), ("达瓦央宗", "实习生")]),
        ("（记者次仁卓玛、次\n央卓）", [("次仁卓玛", "记者"), ("次央卓", "记者")]),
    ],
)
def test_line_break_inside_a_byline_is_the_column_wrap(byline: str, people: list[tuple[str, str]]) -> None:
    assert [(c.name, c.role) for c in parse_contributors(byline, 0, len(byline))] == people


def test_indent_of_the_dateline_line_counts_toward_indent_marked_paragraphs() -> None:
    text = (
        "\u3000\u3000本报讯（特约记者 张晓东、卓玛扎西）\n"
        "近日，堆龙德庆区启动社会救助培训班。\n"
        "\u3000\u3000全面组织通过CCTV-4项目、完善项目，\n"
        "保障技能？认真推动678名考生项目，认\n"
        "真打造通过5G文化，进一步交流农牧民。\n"
        "深入服务“人才生态”选手。\n"
    )
    assert parse(text).articles[0].paragraphs == (
        "近日，堆龙德庆区启动社会救助培训班。",
        "全面组织通过CCTV-4项目、完善项目，保障技能？认真推动678名考生项目，认真打造通过5G文化，进一步交流农牧民。深入服务“人才生态”选手。",
    )


def test_a_stray_space_indent_before_the_dateline_does_not_switch_to_indent_marked_paragraphs() -> None:
    text = f"  拉萨融媒讯（记者杨璐）{wrap(BODY_A)}\n\n{wrap(BODY_B)}"
    assert len(parse(text).articles[0].paragraphs) == 2


def test_one_ideographic_space_indent_marks_the_page_as_indent_marked() -> None:
    # Only the second article's dateline line shows the indent; the first dateline is glued
    # behind its headline. A short line that ends a sentence then ends no paragraph.
    text = (
        "职业技能大赛举办拉萨融媒讯（记者次仁）近日，八廓\n古城管委会举办职业技能大赛。\n\n"
        "\u3000\u3000拉萨融媒讯（记者次仁）近日，堆龙德庆区举\n办社会救助培训班。次仁说：“推动《中\n"
        "华人民共和国环境保护法》群众，进一步\n推动通过PPT群众，推动1家企业群众。”\n次仁说：“推动群众。”\n"
    )
    assert [len(article.paragraphs) for article in parse(text).articles] == [1, 1]


def test_a_block_opening_with_a_dash_is_a_subheadline_however_long() -> None:
    text = f"拉萨融媒讯（记者杨璐）{wrap(BODY_A)}\n\n雪域高原绽放青春之花\n\n——记拉萨市城关区八廓街道优秀共产党员次仁卓玛"
    article = parse(text).articles[0]
    assert (article.kicker, article.headline, article.subheadlines) == (
        None,
        "雪域高原绽放青春之花",
        ("——记拉萨市城关区八廓街道优秀共产党员次仁卓玛",),
    )


def test_short_sentence_after_a_full_sentence_line_without_blank_line_is_the_paragraphs_tail() -> None:
    lines = [
        "拉萨融媒讯（记者杨璐）今年以来，达",
        "孜区举办职业技能大赛。次仁说：“推",
        "动群众，推动企业发展，进一步推动群",
        "众。”推动普法宣传，进一步推动工作。",
        "次仁说：“推动群众。”",
    ]
    assert len(parse("\n".join(lines)).articles[0].paragraphs) == 1


def test_a_headline_under_its_article_filling_the_column_is_not_taken_for_a_cut_line() -> None:
    """A column-wide heading after a sentence end is a headline when its words are the article's before it."""

    def column(text: str) -> str:
        return "\n".join(text[index : index + 13] for index in range(0, len(text), 13))

    meeting = (
        "新华社北京1月29日电（记者邵艺博）国家主席习近平29日在人民大会堂会见英国首相斯塔默。"
        "习近平指出，中英两国都是联合国安理会常任理事国，双方应加强对话，共同维护世界和平稳定。"
    )
    home = "“我的家乡在日喀则，那里有条美丽的河。”次仁普尺说起家乡，眼里满是笑意。这些年，村里修了新路，建了新房。"
    text = f"{column(meeting)}\n\n王毅参加会见。\n\n习近平会见英国首相斯塔默\n\n{column(home)}\n\n次仁普尺的家乡河\n"
    page = parse(text)
    assert [article.headline for article in page.articles] == ["习近平会见英国首相斯塔默", "次仁普尺的家乡河"]
    assert page.articles[0].paragraphs[-1] == "王毅参加会见。"


def test_parts_printed_against_the_text_are_flagged_and_reported() -> None:
    """A headline or a caption the parser cut out of a block of text is flagged, and validate names the articles."""
    text = (
        "拉萨融媒讯（记者杨璐）会议召开，研究部署近期工作。会议要求，\n各部门要抓好落实，确保各项任务按期完成。\n"
        "秋收正当时\n"
        "拉萨融媒讯（记者张三）金秋时节，拉萨河谷青稞成熟，\n农牧民群众抢收抢种，田间地头一片繁忙。\n"
        "图为农牧民在田间抢收青稞。 拉萨融媒记者 李丛芳摄\n"
        "今年全市青稞种植面积稳中有增，丰收在望。\n"
    )
    page = parse(text)
    assert [("headline_glued" in a.flags, "caption_glued" in a.flags) for a in page.articles] == [
        (False, False),
        (True, True),
    ]
    report = page_report(page).describe()
    assert "headline printed against the text: articles 2" in report
    assert "caption printed against a paragraph: articles 2" in report


def test_a_short_headline_printed_against_its_byline_is_split_from_it() -> None:
    page = parse("秋收正当时\n本报记者 张三\n\n金秋时节，拉萨河谷青稞成熟。\n")
    (article,) = page.articles
    assert (article.headline, article.byline) == ("秋收正当时", "本报记者 张三")
    assert [(person.name, person.organisation) for person in article.contributors] == [("张三", "本报")]


def test_a_byline_over_two_lines_stays_one_byline() -> None:
    page = parse("秋收正当时\n\n本报记者 张三\n通讯员 李四\n\n金秋时节，拉萨河谷青稞成熟。\n")
    (article,) = page.articles
    assert article.headline == "秋收正当时"
    assert [(person.name, person.role) for person in article.contributors] == [
        ("张三", "记者"),
        ("李四", "通讯员"),
    ]


@pytest.mark.parametrize("placement", ["before", "after"])
def test_an_ordinal_heading_under_a_headline_opens_its_body(placement: str) -> None:
    """一、… right under a headline is the article's first crosshead, never its headline."""
    body = "\n\n".join(
        [
            "一、提高认识",
            "各部门要提高认识，抓好落实，确保各项任务按期完成。",
            "二、强化保障",
            "各部门要强化保障。",
        ]
    )
    first = "拉萨融媒讯（记者杨璐）金秋时节，青稞成熟。"
    if placement == "before":
        text = f"秋收正当时\n\n{first}\n\n落实会议精神\n\n本报记者 张三\n\n{body}\n"
    else:
        text = f"{first}\n\n秋收正当时\n\n本报记者 张三\n\n{body}\n\n落实会议精神\n"
    page = parse(text)
    assert page.headline_placement == placement
    assert [article.headline for article in page.articles] == ["秋收正当时", "落实会议精神"]
    assert page.articles[1].paragraphs[0] == "一、提高认识"
    assert page.leftovers == ()


def test_a_line_cut_off_after_a_continuation_mark_is_the_continued_text() -> None:
    """After （上接第一版）, a short line before a column break starts the continued text, not a headline."""
    text = (
        "补壹刀：别笑！18人的\n“新八国联军”今天成立了\n\n（上接第一版）\n有一个细节，更清楚地表明它试图\n\n"
        "策动“颜色革命”的野心。它的成立视\n频自带三种语言翻译。\n"
    )
    (article,) = parse(text).articles
    assert article.headline == "补壹刀：别笑！18人的“新八国联军”今天成立了"
    assert article.paragraphs[0].startswith("有一个细节，更清楚地表明它试图策动“颜色革命”的野心。")
