"""Unit tests of the page stage's segmentation rules (``lhasa_corpus.segments``), on small pages.

Each test names the rule it guards; the pages are written for the rule, not taken from a real page.
"""

from __future__ import annotations

from lhasa_corpus.blocks import cut_fragments, group_blocks
from lhasa_corpus.lines import Squeezed, split_lines
from lhasa_corpus.loaders import parse_text
from lhasa_corpus.models import Page
from lhasa_corpus.segments import page_units, split_block

#: A paragraph wrapped at 17 ems, as a column prints it.
WRAPPED = "会议要求，各单位认真落实各项工作，\n确保取得实效，推动全市经济社会高质\n量发展。各单位认真落实各项工作。\n"
TEXT = "会议要求，各单位认真落实各项工作，确保取得实效，推动全市经济社会高质量发展。各单位认真落实各项工作。"


def parse(text: str) -> Page:
    return parse_text(text, infer_date=False)


def test_a_byline_line_right_under_the_headline_is_the_byline_not_text() -> None:
    """A headline is no sentence for the line under it to go on with: 本报记者 张三 there is a byline."""
    for indent in ("", "\u3000\u3000"):
        (article,) = parse(f"全市开展秋季植树活动\n\n本报记者 张三\n{indent}{WRAPPED}").articles
        assert article.headline == "全市开展秋季植树活动"
        assert article.byline == "本报记者 张三"
        assert [(person.name, person.role) for person in article.contributors] == [("张三", "记者")]
        assert article.paragraphs == (TEXT,)


def test_a_line_under_a_paragraph_cut_by_a_column_break_goes_on_with_it() -> None:
    """Under a full line that stops in mid-sentence the next block's first line is the sentence's rest."""
    page = parse(
        f"全市开展秋季植树活动\n\n拉萨融媒讯（记者张三）{WRAPPED}各单位认真落实各项工作，确保\n\n取得实效。\n"
    )
    (article,) = page.articles
    assert article.paragraphs[-1].endswith("各单位认真落实各项工作，确保取得实效。")


def test_a_continuation_mark_before_any_text_is_a_leftover() -> None:
    """下转 ends the text of the article being read; with none yet, it is kept as a leftover."""
    page = parse(f"（下转第3版）\n\n拉萨融媒讯（记者张三）{WRAPPED}")
    assert [leftover.text for leftover in page.leftovers] == ["（下转第3版）"]
    (article,) = page.articles
    assert article.continuations == ()
    assert article.paragraphs == (TEXT,)


def test_a_headline_at_the_end_of_a_page_whose_headlines_stand_first_is_a_leftover() -> None:
    """Its text is on another page: the headline is kept as a leftover, not made an empty article."""
    page = parse(f"市政府召开常务会议\n\n拉萨融媒讯（记者张三）{WRAPPED}\n全市开展秋季植树活动\n")
    (article,) = page.articles
    assert article.headline == "市政府召开常务会议"
    assert [leftover.text for leftover in page.leftovers] == ["全市开展秋季植树活动"]


def test_a_wire_end_mark_closes_its_article() -> None:
    """（完） ends a wire story: the text after it is another article, flagged without headline."""
    first, second = parse(f"拉萨融媒讯（记者张三）{TEXT}（完）\n\n{WRAPPED}").articles
    assert first.paragraphs == (f"{TEXT}（完）",)
    assert second.paragraphs == (TEXT,)
    assert "headline_missing" in second.flags


def kinds(text: str, width: float = 17.0) -> list[tuple[str, str]]:
    """The units ``split_block`` makes of *text*, one block, as (kind, squeezed text)."""
    (block,) = group_blocks(cut_fragments(split_lines(text), []))
    return [(unit.kind, unit.squeezed) for unit in split_block(text, block, width)]


def test_a_byline_line_after_a_sentence_end_inside_a_block_is_split_off() -> None:
    """A byline printed against the text, on a line after a sentence end, is a unit of its own."""
    text = f"{WRAPPED}本报记者 张三\n{WRAPPED}"
    assert kinds(text) == [("body", TEXT), ("byline", "本报记者张三"), ("body", TEXT)]


def test_a_byline_like_line_inside_a_sentence_stays_text() -> None:
    """After a line that stops in mid-sentence, the next line goes on with the sentence."""
    text = "会议要求，各单位认真落实各项工作，\n本报记者 张三\n确保取得实效。\n"
    assert [kind for kind, _ in kinds(text)] == ["body"]


def test_a_headline_with_no_text_of_its_own_is_a_leftover() -> None:
    """On a page whose headlines stand first, a headline followed by another group before any text
    has no text of its own: it is kept as a leftover, and the later headline heads the text."""
    page = parse(f"标题甲\n\n本报记者 张三\n\n全市开展秋季植树活动\n\n{WRAPPED}")
    (article,) = page.articles
    assert article.headline == "全市开展秋季植树活动"
    assert article.byline == "本报记者 张三"
    assert [leftover.text for leftover in page.leftovers] == ["标题甲"]


def test_a_line_that_opens_like_a_caption_without_a_credit_stays_text() -> None:
    """图为… opens a caption only when a credit ends it a few lines on; otherwise it is a sentence."""
    text = f"{WRAPPED}图为会议现场，各单位认真落实各项工\n作，确保取得实效。\n"
    assert kinds(text) == [("body", f"{TEXT}图为会议现场，各单位认真落实各项工作，确保取得实效。")]


#: A second paragraph, of another article when a byline stands between.
OTHER = "各单位要认真落实，确保各项工作取得\n实效，推动全市经济社会高质量发展。\n"


def test_a_byline_after_text_closes_the_article_when_no_text_follows_it() -> None:
    """Rule 4 of the walk: a byline after the text, with nothing after it, signs that text."""
    for opening in ("拉萨融媒讯（记者张三）", ""):
        page = parse(f"市政府召开常务会议\n\n{opening}{WRAPPED}\n本报记者 李四\n")
        (article,) = page.articles
        assert article.headline == "市政府召开常务会议"
        assert article.byline == "本报记者 李四"


def test_a_byline_after_text_opens_the_next_article_when_text_follows_it() -> None:
    """Rule 4 of the walk: a byline between two stretches of text heads the second (a feature's byline)."""
    first, second = parse(f"市政府召开常务会议\n\n{WRAPPED}\n本报记者 李四\n\n{OTHER}").articles
    assert (first.headline, first.byline) == ("市政府召开常务会议", None)
    assert second.byline == "本报记者 李四"
    assert second.paragraphs == ("各单位要认真落实，确保各项工作取得实效，推动全市经济社会高质量发展。",)
    assert "headline_missing" in second.flags


#: Three articles of three topics; on a page whose headlines follow their text, each headline
#: shares words with the text above it.
HARVEST = "拉萨河谷的青稞已经成熟，农民们忙着\n收割，田间地头一片繁忙景象。\n"
CLINIC = "市人民医院开设夜间门诊，方便上班族\n就医，每晚接诊患者三百余人次。\n"
FLAG = "布达拉宫广场举行升旗仪式，数千名群\n众前来观看，现场气氛庄严热烈。\n"
AFTER = f"{HARVEST}\n拉萨河谷青稞成熟\n\n{CLINIC}\n夜间门诊方便就医\n\n{FLAG}\n升旗仪式庄严热烈\n"


def test_headlines_after_their_text_head_the_text_above_them() -> None:
    page = parse(AFTER)
    assert page.headline_placement == "after"
    assert [(article.headline, article.paragraphs[0][:4]) for article in page.articles] == [
        ("拉萨河谷青稞成熟", "拉萨河谷"),
        ("夜间门诊方便就医", "市人民医"),
        ("升旗仪式庄严热烈", "布达拉宫"),
    ]


def test_a_headline_before_any_text_on_a_page_whose_headlines_follow_is_a_leftover() -> None:
    """Its article is on another page (the page opens with the end of a column): kept as a leftover."""
    page = parse(f"雪域新貌\n\n{AFTER}")
    assert page.headline_placement == "after"
    assert [article.headline for article in page.articles] == [
        "拉萨河谷青稞成熟",
        "夜间门诊方便就医",
        "升旗仪式庄严热烈",
    ]
    assert [leftover.text for leftover in page.leftovers] == ["雪域新貌"]


def test_a_wrapped_line_a_dateline_cuts_counts_whole_in_the_page_width() -> None:
    """The line 拉萨融媒讯（记者张璐）近日，堆 fills its column; a short line under it ends its paragraph."""
    text = (
        "拉萨融媒讯（记者张璐、次仁、次\n仁次仁 实习生张璐）近日，八廓古\n城管委会举办青稞种植技术培训。\n\n"
        "拉萨融媒讯（记者张璐）近日，堆\n龙德庆区举办职业技能大赛。\n次仁说：“推动群众。”\n"
    )
    assert page_units(text, split_lines(text), Squeezed.of(text)).width == 15.0
    assert parse(text).articles[1].paragraphs == (
        "近日，堆龙德庆区举办职业技能大赛。",
        "次仁说：“推动群众。”",
    )


def test_a_byline_with_neither_headline_nor_text_is_a_leftover() -> None:
    """A byline alone on a page signs text printed elsewhere: it is kept as a leftover, not an empty article."""
    page = parse("本报记者 张三\n")
    assert page.articles == ()
    assert [leftover.text for leftover in page.leftovers] == ["本报记者 张三"]


def test_a_jump_head_under_a_continuation_mark_with_a_dateline_after_it_heads_that_article() -> None:
    """上接 opens the continued half; a heading right under it, then a dateline, is that half's jump head."""
    (article,) = parse(f"（上接第1版）\n全市开展秋季植树活动\n\n拉萨融媒讯（记者张三）{WRAPPED}").articles
    assert article.continuations == ("（上接第1版）",)
    assert article.headline == "全市开展秋季植树活动"
    assert article.dateline == "拉萨融媒讯（记者张三）"
