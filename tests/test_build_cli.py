"""`lhasa-corpus build` and `lhasa-corpus export`: the dataset folder, errors, determinism, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from lhasa_corpus import iter_pages
from lhasa_corpus.cli import main
from lhasa_corpus.errors import InputError, LhasaCorpusError
from lhasa_corpus.export import TABLES, read_articles, read_parquet, table_files
from lhasa_corpus.export import build as build_module
from lhasa_corpus.export._files import sha256_of
from lhasa_corpus.export.build import build_dataset
from tests.conftest import RAW, SEED_PAGE
from tests.synthetic import write_corpus


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def parquet_bytes(folder: Path) -> dict[str, bytes]:
    return {name: data for name, data in all_bytes(folder).items() if name.endswith(".parquet")}


@pytest.fixture
def corpus_with_a_bad_file(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(SEED_PAGE, folder / SEED_PAGE.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    (folder / "manifest.csv").write_text(
        f"file,paper,issue_date,page\nbroken.txt,拉萨日报,2025-09-16,2\n{SEED_PAGE.name},拉萨日报,2025-09-16,1\n",
        encoding="utf-8",
    )
    return folder


def test_build_on_the_shipped_pages_writes_the_dataset_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset"
    assert main(["build", str(RAW), "--out", str(out), "--quiet"]) == 0
    articles = list(read_articles(out))
    assert len(articles) == 10
    assert len(articles) == sum(len(page.articles) for page in iter_pages([RAW]))
    printed = capsys.readouterr()
    assert printed.err == ""
    assert "10 articles on 1 page in 1 issue" in printed.out
    assert (out / "README.md").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["tables"]) == list(TABLES)
    for table in TABLES:
        for shard, path in zip(manifest["tables"][table]["files"], table_files(out, table), strict=True):
            assert shard["path"] == path.relative_to(out).as_posix()
            assert shard["sha256"] == sha256_of(path)
    assert manifest["summary"]["articles"] == 10
    assert manifest["sources"] == [{"file": SEED_PAGE.name, "sha256": sha256_of(SEED_PAGE)}]
    assert manifest["files"]["README.md"] == sha256_of(out / "README.md")


def test_a_bad_file_is_reported_in_one_line_and_the_good_ones_are_built(
    corpus_with_a_bad_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset"
    assert main(["build", str(corpus_with_a_bad_file), "--out", str(out), "--quiet"]) == 3
    printed = capsys.readouterr()
    [line] = printed.err.splitlines()
    assert line.startswith("lhasa-corpus: broken.txt: ")
    assert len(list(read_articles(out))) == 10
    assert "skipped 1 file with errors" in printed.out
    summary = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert summary["files_with_errors"] == [line.removeprefix("lhasa-corpus: ")]


def test_a_repeated_page_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dataset"
    assert main(["build", str(SEED_PAGE), str(SEED_PAGE), "--out", str(out), "--quiet"]) == 3
    [line] = capsys.readouterr().err.splitlines()
    assert "repeats page" in line
    assert len(list(read_parquet(out))) == 1


def test_building_nothing_leaves_the_old_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dataset"
    assert main(["build", str(RAW), "--out", str(out), "--quiet"]) == 0
    before = all_bytes(out)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["build", str(empty), "--out", str(out), "--quiet"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2
    assert "no pages to build" in errors[1]
    assert all_bytes(out) == before


def test_building_twice_gives_byte_identical_folders(tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert main(["build", str(RAW), "--out", str(tmp_path / name), "--quiet", "--jsonl"]) == 0
    one, two = all_bytes(tmp_path / "one"), all_bytes(tmp_path / "two")
    assert one == two
    assert {"README.md", "manifest.json", "jsonl/articles.jsonl", "jsonl/pages.jsonl"} <= set(one)


def test_build_with_two_jobs_gives_the_serial_files_summary_and_errors(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "raw", 24, distinct=7, bad_files=2, articles=(2, 4))
    manifest = corpus / "manifest.csv"
    first_row = manifest.read_text(encoding="utf-8").splitlines()[1]
    with manifest.open("a", encoding="utf-8") as rows:
        rows.write(first_row + "\n")  # a repeated page, reported and skipped
    builds = {}
    for jobs in (1, 2):
        errors: list[InputError] = []
        out = tmp_path / f"jobs-{jobs}"
        summary = build_dataset([corpus], out, on_error=errors.append, jobs=jobs)
        builds[jobs] = (parquet_bytes(out), summary.as_record(), [str(error) for error in errors])
    assert builds[2] == builds[1]
    assert len(builds[1][2]) == 3
    assert builds[1][1]["pages"] == 24


def test_export_from_parse_pages_gives_the_same_parquet_as_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(RAW), "--pages"]) == 0
    parsed = tmp_path / "pages.jsonl"
    parsed.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["build", str(RAW), "--out", str(tmp_path / "built"), "--quiet"]) == 0
    assert main(["export", str(parsed), "--out", str(tmp_path / "exported"), "--quiet"]) == 0
    assert parquet_bytes(tmp_path / "built") == parquet_bytes(tmp_path / "exported")


def test_jsonl_output_exports_back_to_the_same_parquet(tmp_path: Path) -> None:
    assert main(["build", str(RAW), "--out", str(tmp_path / "built"), "--quiet", "--jsonl"]) == 0
    articles = (tmp_path / "built" / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article_id"] for line in articles] == [
        a.article_id for a in read_articles(tmp_path / "built")
    ]
    pages = tmp_path / "built" / "jsonl" / "pages.jsonl"
    assert main(["export", str(pages), "--out", str(tmp_path / "again"), "--quiet"]) == 0
    assert parquet_bytes(tmp_path / "built") == parquet_bytes(tmp_path / "again")


def test_export_refuses_article_lines_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(RAW)]) == 0
    articles = tmp_path / "articles.jsonl"
    articles.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["export", str(articles), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == (
        f"lhasa-corpus: {articles}: holds article records; export needs page records "
        "(lhasa-corpus parse --pages), which carry the raw text offsets point into"
    )
    assert not (tmp_path / "out").exists()


def test_export_reports_a_bad_line_and_keeps_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(RAW), "--pages"]) == 0
    good = capsys.readouterr().out
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"page_id": 1}\nnot json\n' + good, encoding="utf-8")
    assert main(["export", str(mixed), "--out", str(tmp_path / "out"), "--quiet"]) == 3
    errors = capsys.readouterr().err.splitlines()
    assert [error.split(": ")[1] for error in errors] == [f"{mixed}:1", f"{mixed}:2"]
    assert all("not a page record" in error for error in errors)
    assert len(list(read_articles(tmp_path / "out"))) == 10


def test_shard_rows_cuts_the_tables_into_shards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dataset"
    assert main(["build", str(RAW), "--out", str(out), "--quiet", "--shard-rows", "4"]) == 0
    names = [path.name for path in table_files(out, "articles")]
    assert names == [
        "train-00000-of-00003.parquet",
        "train-00001-of-00003.parquet",
        "train-00002-of-00003.parquet",
    ]
    assert "--shard-rows 4" in (out / "README.md").read_text(encoding="utf-8")


def test_build_without_a_handler_raises_the_first_input_error(
    corpus_with_a_bad_file: Path, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"broken\.txt"):
        build_dataset([corpus_with_a_bad_file], tmp_path / "out")


def test_build_of_nothing_raises(tmp_path: Path) -> None:
    with pytest.raises(LhasaCorpusError, match="no pages to build"):
        build_dataset([], tmp_path / "out")


def test_long_runs_print_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "PROGRESS_SECONDS", 0.0)
    progress = io.StringIO()
    summary = build_dataset(
        [SEED_PAGE, RAW / "manifest.csv"], tmp_path / "out", progress=progress, on_error=print
    )
    lines = progress.getvalue().splitlines()
    assert lines[-1].endswith(", done")
    assert lines[0].startswith("lhasa-corpus: 1 page, 10 articles")
    assert summary.pages == 1
    page_id = next(iter_pages([RAW])).page_id
    assert summary.files_with_errors == (f"{SEED_PAGE.name}: repeats page {page_id} of {SEED_PAGE}; skipped",)


def test_the_summary_fits_one_screen(tmp_path: Path) -> None:
    summary = build_dataset([RAW], tmp_path / "out")
    text = summary.describe()
    assert len(text.splitlines()) <= 24
    for flag, count in summary.flags:
        assert f"{flag}: {count}" in text
    assert summary.articles == 10
    assert summary.pages_with_leftovers == sum(bool(page.leftovers) for page in iter_pages([RAW]))
