"""The scorer of benchmarks/evaluate.py: full marks where the parse is right, and a table that runs."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from types import ModuleType

from lhasa_corpus import parse_text
from lhasa_corpus.models import Contributor
from lhasa_corpus.testing import (
    ArticleFields,
    ArticleSpec,
    CaptionSpec,
    DatelineSpec,
    Furniture,
    Layout,
    render_page,
)
from tests.conftest import REPO

SCRIPT = REPO / "benchmarks" / "evaluate.py"


def evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_page_the_parser_reads_right_scores_full_marks() -> None:
    articles = [
        ArticleSpec(
            dateline=DatelineSpec.benbao([Contributor(name="张三", role="记者")]),
            headline="市生态环境局开展环保宣传活动",
            paragraphs=("日前，市生态环境局在柳梧新区开展环保宣传活动。", "活动吸引了众多市民参加。"),
            captions=(CaptionSpec.reporter("图为环保宣传活动现场。", "李丛芳", organisation="本报"),),
        ),
        ArticleSpec(
            dateline=DatelineSpec.benbao([Contributor(name="李四", role="通讯员")]),
            headline="拉萨至林芝动车增开班次",
            paragraphs=("记者从拉萨车务段获悉，拉萨至林芝间动车组列车每日增开2对。",),
        ),
    ]
    page = render_page(articles, Layout(placement="after"), header=[Furniture.paper()])
    module = evaluate()
    tally = module.Tally()
    assert tally.score(page, parse_text(page.text)) == []
    rates = tally.rates()
    for name in (
        "articles found (recall)",
        "articles whole",
        "titles",
        "datelines",
        "bylines (people)",
        "captions",
    ):
        assert rates[name]["rate"] == 1.0, name
    assert rates["furniture kept out"]["rate"] == 1.0


def test_articles_are_matched_by_their_bodies_one_to_one() -> None:
    module = evaluate()

    def fields(body: str) -> ArticleFields:
        return ArticleFields(
            kicker=None, headline=None, subheadlines=(), dateline=None, source=None, byline=None,
            contributors=(), paragraphs=(body,), captions=(), continuations=(),
        )  # fmt: skip

    first, second = "拉萨河谷秋收忙，青稞丰收。", "布达拉宫夜游项目开始试运行。"
    assert module.match([fields(first), fields(second)], [fields(second), fields(first)]) == {0: 1, 1: 0}
    assert module.match([fields(first), fields(second)], [fields(first + second)]) == {}


def test_the_script_prints_a_rate_for_every_metric_and_family() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--pages", "1", "--json"], capture_output=True, text=True, check=True
    )
    rates = json.loads(done.stdout)
    assert set(rates) == {"plain", "noisy", "glued", "mixed", "overall"}
    assert rates["overall"]["articles found (recall)"]["of"] > 0
