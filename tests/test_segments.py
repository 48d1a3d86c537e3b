"""Unit tests of the page stage's segmentation rules (``lhasa_corpus.segments``), on small pages.

Each test names the rule it guards; the pages are written for the rule, not taken from a real page.
"""

from __future__ import annotations

from lhasa_corpus.loaders import parse_text
from lhasa_corpus.models import Page

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
