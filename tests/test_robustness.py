"""Bad input never gives a traceback or a hang: a clean result, or one line naming the file.

Also the quality report of ``lhasa-corpus validate``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lhasa_corpus import InputError, ManifestError, iter_pages, load_file
from lhasa_corpus.cli import main
from lhasa_corpus.loaders import parse_text
from lhasa_corpus.models import Contributor
from lhasa_corpus.testing import ArticleSpec, CaptionSpec, DatelineSpec, Layout, render_page
from tests.conftest import SEED_PAGE

GOOD = "拉萨融媒讯（记者杨璐）为进一步畅通金融机构与企业间沟通合作渠道。\n\n对接会举行\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def squeeze(text: str) -> str:
    return "".join(text.split())


def one_line_error(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(load_file(path))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b" \n\t\f\n", "white space"),
        (PNG, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x00\x01\x02\x03binary", "NUL"),
        (b"\x80\x81 not text at all \xff", "GB18030"),
    ],
    ids=["empty", "only-white-space", "png", "pdf", "nul-bytes", "undecodable"],
)
def test_unusable_file_is_one_line_error_naming_it(tmp_path: Path, data: bytes, problem: str) -> None:
    assert problem in one_line_error(tmp_path / "bad.txt", data)


def test_missing_file_is_one_line_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothere\.txt: no such file$"):
        list(load_file(tmp_path / "nothere.txt"))


def test_ten_megabyte_line_finishes_quickly_and_loses_nothing(tmp_path: Path) -> None:
    line = ("拉萨市金融助力经济高质量发展" * 800_000)[: 10 * 1024 * 1024 // 3]
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    started = time.monotonic()
    (page,) = load_file(path)
    assert time.monotonic() - started < 30
    kept = "".join(
        page.raw_text[span.start : span.end] for article in page.articles for span in article.spans
    ) + "".join(leftover.text for leftover in page.leftovers)
    assert len(squeeze(kept)) >= len(line)


def test_unclosed_dateline_is_flagged_and_loses_nothing() -> None:
    page = parse_text("拉萨融媒讯（记者杨璐为进一步畅通金融机构与企业间沟通合作渠道。\n\n对接会举行\n")
    (article,) = page.articles
    assert article.source == "拉萨融媒"
    assert "dateline_unclosed" in article.flags
    assert "杨璐为进一步畅通金融机构" in squeeze(article.text)


def test_page_without_dateline_keeps_every_character() -> None:
    text = "为进一步畅通金融机构与企业间沟通合作渠道。\n\n会上举行了签约仪式。\n"
    page = parse_text(text)
    owned = [page.raw_text[s.start : s.end] for a in page.articles for s in a.spans if s.field != "source"]
    assert squeeze("".join(owned) + "".join(leftover.text for leftover in page.leftovers)) == squeeze(text)
    assert all("dateline_missing" in article.flags for article in page.articles)


def test_manifest_pointing_outside_the_corpus_root_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,paper,issue_date,page\n../secret.txt,拉萨日报,,\n", encoding="utf-8"
    )
    with pytest.raises(
        ManifestError, match=r"manifest\.csv:2: '\.\./secret\.txt' points outside the corpus root"
    ):
        list(iter_pages([corpus]))


def test_cli_reports_each_bad_file_on_one_line_and_parses_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = {"empty.txt": b"", "image.txt": PNG, "garbled.txt": b"\xff\xfe\xfd\x80\x81 \x8f"}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in bad] + [str(good), str(tmp_path / "missing.txt")]
    assert main(["parse", *paths]) == 3
    out, err = capsys.readouterr()
    errors = err.splitlines()
    assert len(errors) == 4
    for name in [*bad, "missing.txt"]:
        assert sum(name in line for line in errors) == 1
    assert "Traceback" not in err
    assert [json.loads(line)["headline"] for line in out.splitlines()] == ["对接会举行"]


def test_cli_bad_manifest_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "manifest.csv").write_text("file,paper,issue_date,page\n../x.txt,,,\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    _, err = capsys.readouterr()
    assert len(err.splitlines()) == 1
    assert "outside the corpus root" in err


# -- the quality report -------------------------------------------------------------------------


def test_validate_reports_the_real_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEED_PAGE)]) == 0
    out = capsys.readouterr().out
    assert "10 articles" in out
    assert "without headline: articles 1" in out
    assert "captions placed by guess: articles 5" in out
    assert "near-identical names: 李丛芳 / 李从芳" in out
    assert "corpus: 1 page, 10 articles" in out


def test_validate_reports_leftovers_and_undecided_placement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One headline between two bodies sharing no words with either: nothing decides its placement.
    text = (
        "拉萨融媒讯（记者杨璐）为进一步畅通金融机构与企业间沟通合作渠道。\n\n"
        "雪域高原风光好\n\n"
        "拉萨融媒讯（记者满文妍）北京拉萨两地艺术家展开深入交流。\n\n"
        "责任编辑：张三\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", "--json", str(path)]) == 0
    page_report, corpus = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert page_report["placement_undecided"] is True
    assert page_report["leftovers"] == ["责任编辑：张三"]
    assert corpus["corpus"]["pages"] == 1
    assert corpus["corpus"]["pages_with_leftovers"] == 1


def test_validate_reports_a_caption_placed_by_guess_on_a_rendered_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="李从芳", role="记者")]),
        headline="堆龙德庆区第二届职业技能大赛举办",
        paragraphs=("日前，堆龙德庆区第二届职业技能大赛在桑木社区举办。",),
        captions=(CaptionSpec.reporter("图为堆龙德庆区职业技能大赛现场。", "李丛芳"),),
    )
    second = ArticleSpec(
        dateline=DatelineSpec.rongmei([Contributor(name="齐永昌", role="记者")]),
        headline="市生态环境局开展环保宣传活动",
        paragraphs=("日前，市生态环境局在柳梧新区开展环保宣传活动。",),
    )
    page = render_page([first, second], Layout(caption_position="page_end"))
    path = tmp_path / "rendered.txt"
    path.write_text(page.text, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "captions placed by guess: articles 1" in out
    assert "near-identical names: 李丛芳 / 李从芳" in out
