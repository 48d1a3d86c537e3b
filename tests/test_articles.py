"""Unit tests of the assembly stage (``lhasa_corpus.articles``): what a page's units become, on small pages.

Each test names the rule it guards; the pages are written for the rule, not taken from a real page.
"""

from __future__ import annotations

from lhasa_corpus.loaders import parse_text
from lhasa_corpus.models import Page

#: A paragraph wrapped at 17 ems, as a column prints it.
WRAPPED = "会议要求，各单位认真落实各项工作，\n确保取得实效，推动全市经济社会高质\n量发展。各单位认真落实各项工作。\n"


def parse(text: str) -> Page:
    return parse_text(text, infer_date=False)


def test_a_caption_on_a_page_without_articles_is_kept_as_a_leftover() -> None:
    """A caption needs an article to belong to; with none on the page, nothing of it is lost."""
    page = parse("图为会议现场。 记者 李四摄\n")
    assert page.articles == ()
    assert [leftover.text for leftover in page.leftovers] == ["图为会议现场。 记者 李四摄"]


def test_a_credit_alone_under_the_text_is_a_caption_of_the_article_above() -> None:
    """记者 李四 摄 on its own line names the photographer of a photo whose caption text is not printed."""
    (article,) = parse(f"全市开展秋季植树活动\n\n拉萨融媒讯（记者张三）{WRAPPED}\n记者 李四 摄\n").articles
    ((credit, photographer),) = [(caption.credit, caption.photographer) for caption in article.captions]
    assert (credit, photographer) == ("记者 李四 摄", "李四")
    assert "caption_placed_by_position" in article.flags


def test_a_letter_spaced_name_in_a_byline_line_is_one_contributor() -> None:
    (article,) = parse(f"全市开展秋季植树活动\n\n本报记者 李 明\n\n{WRAPPED}").articles
    assert article.byline == "本报记者 李 明"
    assert [(person.name, person.role, person.organisation) for person in article.contributors] == [
        ("李明", "记者", "本报")
    ]
