"""Loaders: encodings, line ends, form feeds, folders, manifests, issues; bounded inputs."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lhasa_corpus import InputError, ManifestError, iter_issues, iter_pages, load_file, loaders, read_manifest
from lhasa_corpus.cli import main
from lhasa_corpus.models import Page
from tests.conftest import RAW, SEED_PAGE

PAGE = "拉萨融媒讯（记者杨璐）为进一步畅通金融机构与企业间沟通合作渠道。\n\n对接会举行\n"


def headlines(path: Path) -> list[str | None]:
    return [article.headline for page in load_file(path) for article in page.articles]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("gb18030"),
        lambda text: text.encode("gbk"),
        lambda text: text.encode("utf-16"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom", "crlf"],
)
def test_every_supported_encoding_gives_the_same_articles(tmp_path: Path, encode: object) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(encode(PAGE))  # type: ignore[operator]
    assert headlines(path) == ["对接会举行"]


def test_form_feeds_split_a_file_into_numbered_pages(tmp_path: Path) -> None:
    path = tmp_path / "issue.txt"
    path.write_text(PAGE + "\f" + PAGE.replace("对接会", "座谈会") + "\f", encoding="utf-8")
    pages = list(load_file(path, page=3))
    assert [page.page for page in pages] == [3, 4]
    assert [page.articles[0].headline for page in pages] == ["对接会举行", "座谈会举行"]
    assert len({page.page_id for page in pages}) == 2


def test_source_file_hash_is_of_the_bytes(tmp_path: Path) -> None:
    page = next(load_file(SEED_PAGE))
    assert page.source_sha256 == "e95f46c53fde257a470c9f3a06e671d4e384547f293d7df824a8f4ecf4065ef1"


def test_manifest_metadata_reaches_the_page(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,paper,issue_date,page\np.txt,西藏日报,2025-09-17,5\n", encoding="utf-8"
    )
    (page,) = iter_pages([tmp_path])
    assert (page.paper, page.issue_date, page.page) == ("西藏日报", dt.date(2025, 9, 17), 5)
    assert page.page_id.startswith("20250917-p05-")
    assert page.flags == ()
    assert page.articles[0].article_id == page.page_id + "-01"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("../outside.txt,拉萨日报,,", "points outside the corpus root"),
        ("p.txt,拉萨日报,2025-13-01,", "'issue_date' must be YYYY-MM-DD"),
        ("p.txt,拉萨日报,,0", "'page' must be a whole number >= 1"),
        (",拉萨日报,,", "empty 'file' cell"),
    ],
)
def test_bad_manifest_row_is_a_one_line_error_naming_the_row(tmp_path: Path, row: str, problem: str) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"file,paper,issue_date,page\n{row}\n", encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        read_manifest(manifest)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{manifest}:2: ")
    assert "\n" not in str(caught.value)


def test_missing_file_is_reported_and_the_rest_still_loads(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    errors: list[InputError] = []
    pages = list(iter_pages([tmp_path / "missing.txt", tmp_path / "p.txt"], on_error=errors.append))
    assert len(pages) == 1
    assert [str(error) for error in errors] == [f"{tmp_path / 'missing.txt'}: no such file"]


def test_pages_are_parsed_lazily(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x80\x81\xfe\xff")
    pages = iter_pages([tmp_path])
    first = next(pages)
    assert first.source_file == "a.txt"
    with pytest.raises(InputError, match=r"b\.txt: not UTF-8 or GB18030 text \(byte 0x80 at offset 0\)"):
        next(pages)


def test_shipped_corpus_is_one_issue_with_an_inferred_date() -> None:
    (issue,) = iter_issues(RAW)
    assert issue.paper == "拉萨日报"
    assert issue.date == dt.date(2025, 9, 16)
    assert len(issue.articles) == 10


def test_cli_parse_writes_one_json_line_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(RAW)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10
    record = json.loads(lines[4])
    assert record["headline"] == "堆龙德庆区第二届职业技能大赛举办"
    assert record["captions"] == [
        {
            "text": "图为在花艺师展区，各选手同台竞技。",
            "credit": "拉萨融媒记者 李丛芳摄",
            "photographer": "李丛芳",
        }
    ]
    expected = {
        "article_id",
        "page_id",
        "paper",
        "issue_date",
        "page",
        "position",
        "headline",
        "subheadlines",
        "source",
        "dateline",
        "contributors",
        "paragraphs",
        "text",
        "captions",
        "char_start",
        "char_end",
        "flags",
    }
    assert expected <= set(record)


def test_cli_parse_pages_writes_one_line_per_page_with_leftovers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--pages", str(SEED_PAGE)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert len(record["articles"]) == 10
    assert record["leftovers"] == []
    assert record["raw_text"] == SEED_PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            "拉萨日报".encode("gb18030") * 10 + b"\xff\xff",
            "not UTF-8 or GB18030 text (as UTF-8: byte 0xc0 at offset 0; as GB18030: byte 0xff at offset 80)",
        ),
        ("拉萨日报".encode() * 10 + b"\xff", "not UTF-8 or GB18030 text (byte 0xff at offset 120)"),
        (codecs.BOM_UTF8 + "拉萨".encode() + b"\xff", "not valid UTF-8 (byte 0xff at offset 9)"),
    ],
    ids=["gb18030-bad-late", "utf8-bad-late", "utf8-bom"],
)
def test_a_decode_error_names_the_offset_in_the_file(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(load_file(path))
    assert str(caught.value) == f"{path}: {problem}"


# -- bounded inputs -------------------------------------------------------------------------------


@contextlib.contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail instead of waiting forever (a FIFO opened for reading waits for a writer)."""

    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def loaded(paths: list[Path | str]) -> tuple[list[str | None], list[str]]:
    """The source files of the pages of *paths*, and the errors met, in one line each."""
    errors: list[InputError] = []
    with no_hang():
        pages = list(iter_pages(paths, on_error=errors.append))
    return [page.source_file for page in pages], [str(error) for error in errors]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_or_a_device_is_refused_in_folders_manifests_and_paths_alike(tmp_path: Path) -> None:
    for folder in ("scan", "listed"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "good.txt").write_text(PAGE, encoding="utf-8")
        os.mkfifo(tmp_path / folder / "fifo.txt")
    (tmp_path / "listed" / "manifest.csv").write_text(
        "file,paper,issue_date,page\nfifo.txt,,,\ngood.txt,,,\n", encoding="utf-8"
    )
    paths: list[Path | str] = [
        tmp_path / "scan",
        tmp_path / "listed",
        tmp_path / "scan" / "fifo.txt",
        "/dev/zero",
    ]
    sources, errors = loaded(paths)
    assert sources == ["good.txt", "good.txt"]
    assert errors == [
        "fifo.txt: not a regular file (a FIFO)",
        "fifo.txt: not a regular file (a FIFO)",
        f"{tmp_path / 'scan' / 'fifo.txt'}: not a regular file (a FIFO)",
        "/dev/zero: not a regular file (a character device)",
    ]


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(PAGE.encode() * 10)
    with pytest.raises(InputError, match=r"big\.txt: is 1\.\d KiB, more than the 1 KiB a file may hold$"):
        list(load_file(path, max_bytes=1024))
    assert len(list(load_file(path, max_bytes=len(PAGE.encode()) * 10))) == 1


def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    with open(os.fsencode(tmp_path) + b"/bad\xffname.txt", "wb") as stream:  # noqa: PTH123 - a bytes path
        stream.write(PAGE.encode())
    sources, errors = loaded([tmp_path])
    assert sources == ["good.txt"]
    assert errors == ["bad\\xffname.txt: the file name is not UTF-8; rename the file to use it"]


def test_links_may_point_inside_the_corpus_only_in_folders_and_manifests_alike(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(PAGE, encoding="utf-8")
    for with_manifest in (False, True):
        corpus = tmp_path / f"corpus-{with_manifest}"
        corpus.mkdir()
        (corpus / "inside.txt").write_text(PAGE.replace("对接会", "座谈会"), encoding="utf-8")
        (corpus / "in-link.txt").symlink_to(corpus / "inside.txt")
        (corpus / "out-link.txt").symlink_to(outside)
        if with_manifest:
            (corpus / "manifest.csv").write_text(
                "file,paper,issue_date,page\nin-link.txt,,,1\nout-link.txt,,,2\n", encoding="utf-8"
            )
        sources, [error] = loaded([corpus])
        assert "in-link.txt" in sources
        assert "out-link.txt" in error
        assert "outside the corpus" in error


def test_a_folder_with_nothing_to_read_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "folder.txt").mkdir()
    sources, errors = loaded([tmp_path / "empty", tmp_path / "folder.txt"])
    assert sources == []
    assert errors == [
        f"{tmp_path / name}: holds no manifest.csv and no page files (*.txt)"
        for name in ("empty", "folder.txt")
    ]


def test_a_bad_manifest_row_is_reported_and_the_other_rows_are_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(PAGE.replace("对接会", name[0] * 3), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,paper,issue_date,page\n"
        "a.txt,拉萨日报,2025-09-16,1\n"
        'b.txt,"拉萨\n日报",2025-09-16,2\n'  # a quoted cell over two lines keeps its line break
        "c.txt,拉萨日报,2025-13-01,3\n",
        encoding="utf-8",
    )
    errors: list[InputError] = []
    pages = list(iter_pages([tmp_path], on_error=errors.append))
    assert [(page.source_file, page.paper) for page in pages] == [
        ("a.txt", "拉萨日报"),
        ("b.txt", "拉萨\n日报"),
    ]
    assert [str(error) for error in errors] == [
        f"{tmp_path / 'manifest.csv'}:5: 'issue_date' must be YYYY-MM-DD (got '2025-13-01')"
    ]


def test_the_pages_of_a_file_are_parsed_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "issue.txt"
    path.write_text("\f".join([PAGE] * 3), encoding="utf-8")
    parsed: list[str] = []
    real_parse = loaders.parse_text

    def counting(text: str, **keywords: Any) -> Page:
        parsed.append(text)
        return real_parse(text, **keywords)

    monkeypatch.setattr(loaders, "parse_text", counting)
    pages = iter_pages([path])
    next(pages)
    assert len(parsed) == 1
    assert len(list(pages)) == 2
    assert len(parsed) == 3
