"""The dataset folder as one unit: only the builder's files, one build at a time, a crash at any step
leaves the old dataset or the new one, whole; and `validate DATASET` checks what a build wrote."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lhasa_corpus.cli import main
from lhasa_corpus.errors import OutputError
from lhasa_corpus.export import _folder
from lhasa_corpus.export._files import sha256_of
from lhasa_corpus.export.build import build_dataset
from lhasa_corpus.export.verify import verify_dataset
from tests.conftest import REPO, SEED_PAGE
from tests.processes import HAVE_PROC, running_with_workers, wait_until_gone
from tests.synthetic import dated_copies

COMMAND = "lhasa-corpus build corpus"


def parquet_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two corpora and the datasets they build: 'old' and 'new'."""
    root = tmp_path_factory.mktemp("builds")
    made = {}
    for name, date in (("old", "2025-09-16"), ("new", "2025-09-17")):
        corpus = dated_copies(root / f"{name}-corpus", date)
        build_dataset([corpus], root / name, command=COMMAND)
        made[name], made[f"{name}-corpus"] = root / name, corpus
    return made


def siblings(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.iterdir() if path.name.startswith(f".{out.name}."))


# -- only the builder's files -----------------------------------------------------------------


def test_a_build_leaves_nothing_beside_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    build_dataset([SEED_PAGE], out)
    build_dataset([SEED_PAGE], out)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dataset"]
    assert verify_dataset(out).valid


@pytest.mark.parametrize(
    "foreign",
    ["articles/thesis.tex", "pages/sub/photo.jpg", "jsonl/mine.jsonl", "notes.md"],
)
def test_a_file_the_builder_did_not_write_is_refused_and_kept(
    builds: dict[str, Path], tmp_path: Path, foreign: str
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    (out / foreign).parent.mkdir(parents=True, exist_ok=True)
    (out / foreign).write_text("mine", encoding="utf-8")
    before = parquet_bytes(out)
    with pytest.raises(OutputError, match=r"(did not write|dataset's own files go).*nothing was written"):
        build_dataset([builds["new-corpus"]], out)
    assert (out / foreign).read_text(encoding="utf-8") == "mine"
    assert parquet_bytes(out) == before
    assert siblings(out) == []


def test_other_files_at_the_top_are_kept_beside_the_dataset_when_asked(
    builds: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (out / "notes.md").write_text("mine", encoding="utf-8")
    for _ in range(2):
        build_dataset([builds["new-corpus"]], out, keep_other_files=True, command=COMMAND)
        assert parquet_bytes(out) == parquet_bytes(builds["new"])
        assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
        assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert verify_dataset(out).valid
    assert siblings(out) == []


def test_a_card_edited_after_the_build_is_refused(builds: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    with (out / "README.md").open("a", encoding="utf-8") as card:
        card.write("\nMy own description.\n")
    with pytest.raises(OutputError, match=r"README\.md was changed after lhasa-corpus wrote it"):
        build_dataset([builds["new-corpus"]], out, keep_other_files=True)
    assert (out / "README.md").read_text(encoding="utf-8").endswith("My own description.\n")


def test_a_plain_file_or_a_link_where_a_table_goes_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "mydir"
    mine.mkdir()
    (mine / "photo.jpg").write_bytes(b"jpeg")
    makers: dict[str, Callable[[Path], object]] = {
        "articles": lambda path: path.write_text("not a folder", encoding="utf-8"),
        "pages": lambda path: path.symlink_to(mine, target_is_directory=True),
    }
    for name, make in makers.items():
        out = tmp_path / f"with-{name}"
        out.mkdir()
        make(out / name)
        with pytest.raises(OutputError, match=f"{name} is where the dataset's own files go"):
            build_dataset([SEED_PAGE], out, keep_other_files=True)
        assert sorted(path.name for path in out.iterdir()) == [name]
    assert (mine / "photo.jpg").read_bytes() == b"jpeg"


def test_outputs_honour_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        build_dataset([SEED_PAGE], tmp_path / "dataset", jsonl=True)
    finally:
        os.umask(previous)
    modes = {
        path.relative_to(tmp_path).as_posix(): path.stat().st_mode & 0o777
        for path in [tmp_path / "dataset", *(tmp_path / "dataset").rglob("*")]
    }
    assert {mode for name, mode in modes.items() if (tmp_path / name).is_dir()} == {0o750}
    assert {mode for name, mode in modes.items() if (tmp_path / name).is_file()} == {0o640}
    assert "dataset/jsonl/pages.jsonl" in modes


# -- one build at a time --------------------------------------------------------------------------


def test_a_second_build_of_a_folder_being_built_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset"
    with _folder._locked(out, "dataset"):
        assert main(["build", str(SEED_PAGE), "--out", str(out), "--quiet"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        f"lhasa-corpus: {out}: another lhasa-corpus build is writing it (process {os.getpid()}); "
        "try again when it has finished"
    )
    assert not out.exists()
    assert main(["build", str(SEED_PAGE), "--out", str(out), "--quiet"]) == 0
    assert siblings(out) == []


# -- a crash at any step ----------------------------------------------------------------------

_BUILD_AND_DIE = """
import os, signal, sys
from lhasa_corpus.export import _folder
from lhasa_corpus.export.build import build_dataset

step, exchange, corpus, out = sys.argv[1:]
if exchange == "rename":
    _folder._exchange = lambda first, second: False

def die(name):
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)

_folder._after = die
build_dataset([corpus], out, keep_other_files=True, command="lhasa-corpus build corpus")
"""


@pytest.mark.parametrize(
    ("switch", "step", "left"),
    [
        ("exchange", "staged", "old"),
        ("exchange", "switched", "new"),
        ("exchange", "carried", "new"),
        ("exchange", "disposed", "new"),
        ("rename", "moved-aside", "none"),
        ("rename", "switched", "new"),
    ],
)
def test_a_build_killed_at_any_step_leaves_the_old_or_the_new_dataset_whole(
    builds: dict[str, Path], tmp_path: Path, switch: str, step: str, left: str
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", _BUILD_AND_DIE, step, switch, str(builds["new-corpus"]), str(out)],
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    if left == "none":  # the two renames of a system without the exchange: the old dataset is beside
        assert not out.exists()
        [old] = [out.parent / name for name in siblings(out) if "-old-" in name]
        assert parquet_bytes(old) == parquet_bytes(builds["old"])
    else:
        assert parquet_bytes(out) == parquet_bytes(builds[left])
        report = verify_dataset(out)
        assert report.valid, report.describe()
    # The next build clears what the killed one left and puts everything back in its place.
    build_dataset([builds["new-corpus"]], out, keep_other_files=True, command=COMMAND)
    assert parquet_bytes(out) == parquet_bytes(builds["new"])
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert verify_dataset(out).valid
    assert siblings(out) == []


def test_the_debris_of_killed_builds_is_cleared_and_files_not_ours_are_kept(
    builds: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    # What earlier versions left inside the folder when they were killed ...
    spill = out / ".lhasa-corpus-tmp-k1d9x2"
    (spill / "tables" / "articles").mkdir(parents=True)
    (spill / "articles.arrow").write_bytes(b"arrow")
    (spill / "tables" / "articles" / "shard-00000.parquet").write_bytes(b"parquet")
    (out / ".lhasa-corpus-tmp-README.md-x8s7").write_text("half a card", encoding="utf-8")
    old_table = out / ".lhasa-corpus-tmp-articles-old-4242"
    old_table.mkdir()
    (old_table / "train-00000-of-00001.parquet").write_bytes(b"parquet")
    (old_table / "thesis.tex").write_text("mine", encoding="utf-8")
    # ... and a stage of this version, beside it, holding an entry it had carried for the user.
    stage = tmp_path / ".dataset.lhasa-corpus-stage-0123abcd"
    (stage / "articles").mkdir(parents=True)
    (stage / "articles" / "train-00000-of-00001.parquet").write_bytes(b"parquet")
    (stage / "notes.md").write_text("mine too", encoding="utf-8")
    warnings: list[str] = []
    build_dataset(
        [builds["new-corpus"]], out, keep_other_files=True, on_error=lambda e: warnings.append(str(e))
    )
    assert siblings(out) == []
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine too"
    assert [path.name for path in out.iterdir() if path.name.startswith(".lhasa")] == [old_table.name]
    assert [path.name for path in old_table.iterdir()] == ["thesis.tex"]
    assert warnings == [f"{out}: left {old_table / 'thesis.tex'}: not a file lhasa-corpus writes"]
    assert parquet_bytes(out) == parquet_bytes(builds["new"])


@pytest.mark.skipif(not HAVE_PROC, reason="reads the process tree from /proc")
def test_sigterm_ends_a_build_in_one_line_and_cleans_up(tmp_path: Path) -> None:
    dates = [f"2025-{month:02d}-{day:02d}" for month in range(1, 5) for day in range(1, 21)]
    corpus = dated_copies(tmp_path / "corpus", *dates)
    out = tmp_path / "dataset"
    with running_with_workers(["build", str(corpus), "--out", str(out), "--jobs", "2", "--quiet"]) as (
        build,
        workers,
    ):
        assert len(workers) >= 4, "the build ended before its workers were seen"
        build.terminate()
        _, err = build.communicate(timeout=60)
        assert build.returncode == 143
        assert err.decode().splitlines() == ["lhasa-corpus: terminated"]
        assert siblings(out) == []
        assert not out.exists()
        assert wait_until_gone(workers) == set()


# -- validate DATASET -----------------------------------------------------------------------------


def rewrite(folder: Path, table: str, change: object) -> None:
    """Rewrite a table's one shard with ``change(table)``, and make manifest.json agree with it."""
    path = folder / table / "train-00000-of-00001.parquet"
    parquet = pq.ParquetFile(path)
    changed = change(parquet.read())  # type: ignore[operator]
    pq.write_table(changed, path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"][table]["rows"] = changed.num_rows
    manifest["tables"][table]["files"][0].update(bytes=path.stat().st_size, sha256=sha256_of(path))
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_validate_passes_a_built_dataset_in_one_line(
    builds: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(builds["new"])]) == 0
    assert capsys.readouterr().out == (
        f"{builds['new']}: valid (10 articles, 1 page, 1 issue; 5 files as manifest.json lists them)\n"
    )


def test_validate_finds_files_changed_added_or_missing(
    builds: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["new"], out)
    shard = out / "pages" / "train-00000-of-00001.parquet"
    pq.write_table(pq.read_table(shard), shard)  # the same rows, written again by hand
    shutil.copy(
        out / "articles" / "train-00000-of-00001.parquet", out / "articles" / "train-00001-of-00002.parquet"
    )
    (out / "issues" / "train-00000-of-00001.parquet").unlink()
    assert main(["validate", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    recorded = json.loads((out / "manifest.json").read_text())["tables"]["pages"]["files"][0]["bytes"]
    assert lines == [
        f"{out}: pages/train-00000-of-00001.parquet: {shard.stat().st_size:,} bytes, manifest.json says {recorded:,}",
        f"{out}: issues/train-00000-of-00001.parquet: missing (manifest.json lists it)",
        f"{out}: articles/train-00001-of-00002.parquet: not listed in manifest.json (a loader would read it)",
        f"{out}: not valid (3 problems)",
    ]


def test_validate_finds_an_article_without_its_page_and_offsets_outside_the_text(
    builds: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["new"], out)

    def far_span(table: pa.Table) -> pa.Table:
        spans = table["spans"].to_pylist()
        spans[2][0]["end"] = 10**6
        return table.set_column(
            table.schema.get_field_index("spans"), "spans", pa.array(spans, table.schema.field("spans").type)
        )

    rewrite(out, "articles", far_span)
    article = pq.read_table(out / "articles" / "train-00000-of-00001.parquet")["article_id"][2].as_py()
    assert main(["validate", str(out)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{out}: article {article!r}: a span's offsets are outside its page's raw text",
        f"{out}: not valid (1 problem)",
    ]
    rewrite(out, "pages", lambda table: table.slice(0, 0))
    report = verify_dataset(out)
    assert f"article {article!r}: its page" in " ".join(report.problems)
    assert any(problem.startswith("issues: count 1 pages and 10 articles") for problem in report.problems)


def test_validate_reads_a_folder_as_a_dataset_only_if_a_build_wrote_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED_PAGE, tmp_path / "page.txt")
    (tmp_path / "manifest.json").write_text('{"name": "something else"}', encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    assert "corpus: 1 page, 10 articles" in capsys.readouterr().out


def test_a_manifest_naming_paths_outside_its_folder_is_not_trusted(
    builds: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(builds["old"], out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["../elsewhere.txt"] = "0" * 64
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="did not write"):
        build_dataset([builds["new-corpus"]], out)
    assert not verify_dataset(out).valid
    assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "mine"
