"""Bounded inputs and one-line errors: what a careful user or a hostile input gives the command line.

Every subcommand meets a table of bad arguments and paths and answers each with
one line per problem and a documented exit status, never a traceback or a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from huggingface_hub import metadata_load

from lhasa_corpus.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from lhasa_corpus.export import read_parquet
from lhasa_corpus.export.build import build_dataset
from tests.conftest import SEED_PAGE

GOOD = "拉萨融媒讯（记者杨璐）为进一步畅通金融机构与企业间沟通合作渠道。\n\n对接会举行\n"
NOT_UTF8 = b"bad\xff\xfename.txt".decode("utf-8", "surrogateescape")


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


def write_at(path: Path, text: str) -> None:
    """Write *text* at a path whose name may hold bytes that are not UTF-8."""
    with open(os.fsencode(path), "wb") as stream:  # noqa: PTH123 - pathlib cannot open a bytes path
        stream.write(text.encode("utf-8"))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    """Exit status, stdout and the stderr lines of one command; asserts there is no traceback."""
    try:
        with no_hang():
            status = main(argv)
    except SystemExit as exit_:  # argparse
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err.splitlines()


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder of good and bad things to point the command line at."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    (tmp_path / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    (tmp_path / "raw-page.txt").write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "fifo-corpus").mkdir()
    os.mkfifo(tmp_path / "fifo-corpus" / "p.txt")
    (tmp_path / "fifo-corpus" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "fifo-manifest").mkdir()
    os.mkfifo(tmp_path / "fifo-manifest" / "p.txt")
    (tmp_path / "fifo-manifest" / "manifest.csv").write_text(
        "file,paper,issue_date,page\np.txt,,,\n", encoding="utf-8"
    )
    write_at(tmp_path / NOT_UTF8, GOOD)
    (tmp_path / "home").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "thesis.tex").write_text("mine", encoding="utf-8")
    return tmp_path


# (arguments with {} for the place, expected status, a word each stderr problem line holds)
BAD_ARGUMENTS = [
    (["parse", "{}/missing.txt"], EXIT_FAILED, "no such file"),
    (["parse", "{}/missing.txt", "{}/good.txt"], EXIT_PARTIAL, "no such file"),
    (["parse", "{}/empty-folder"], EXIT_FAILED, "no page files"),
    (["parse", "{}/folder.txt"], EXIT_FAILED, "no page files"),
    (["parse", "{}/fifo.txt"], EXIT_FAILED, "not a regular file (a FIFO)"),
    (["parse", "{}/fifo-corpus"], EXIT_PARTIAL, "not a regular file (a FIFO)"),
    (["parse", "{}/fifo-manifest"], EXIT_FAILED, "not a regular file (a FIFO)"),
    (["parse", "/dev/zero"], EXIT_FAILED, "not a regular file (a character device)"),
    (["parse", "--max-file-size", "1K", "{}/big.txt"], EXIT_FAILED, "more than the 1 KiB a file may hold"),
    (["parse", "{}/" + NOT_UTF8], EXIT_FAILED, "bad\\xff\\xfename.txt: the file name is not UTF-8"),
    (["parse", "--jobs", "0", "{}/good.txt"], EXIT_USAGE, "--jobs: must be >= 1"),
    (["parse", "--max-file-size", "lots", "{}/good.txt"], EXIT_USAGE, "must be a size"),
    (["parse"], EXIT_USAGE, "required"),
    (["validate", "{}/missing.txt"], EXIT_FAILED, "no such file"),
    (["validate", "{}/fifo.txt"], EXIT_FAILED, "not a regular file (a FIFO)"),
    (["validate", "{}/empty-folder"], EXIT_FAILED, "no page files"),
    (["build", "{}/good.txt", "--out", "{}/afile"], EXIT_FAILED, "is not a folder"),
    (["build", "{}/good.txt", "--out", "{}/afile/sub"], EXIT_FAILED, "afile is not a folder"),
    (["build", "{}/good.txt", "--out", "{}/home"], EXIT_FAILED, "your home folder"),
    (["build", "{}/good.txt", "--out", "{}"], EXIT_FAILED, "your home folder"),
    (["build", "{}/good.txt", "--out", "{}/work"], EXIT_FAILED, "the current folder"),
    (["build", "{}/good.txt", "--out", "/"], EXIT_FAILED, "your home folder"),
    (["build", "{}/good.txt", "--out", "{}/foreign"], EXIT_FAILED, "did not write"),
    (
        ["build", "{}/good.txt", "--out", "{}/new", "--shard-rows", "0"],
        EXIT_USAGE,
        "--shard-rows: must be >= 1",
    ),
    (
        ["build", "{}/good.txt", "--out", "{}/new", "--shard-rows", "-5"],
        EXIT_USAGE,
        "--shard-rows: must be >= 1",
    ),
    (["build", "{}/missing.txt", "--out", "{}/new"], EXIT_FAILED, "no such file|no pages to build"),
    (["build", "{}/fifo-corpus", "--out", "{}/new"], EXIT_PARTIAL, "not a regular file (a FIFO)"),
    (["build", "/dev/zero", "--out", "{}/new"], EXIT_FAILED, "character device|no pages to build"),
    (["export", "{}/raw-page.txt", "--out", "{}/new"], EXIT_FAILED, "not JSON Lines|no pages to build"),
    (["export", "{}/fifo.txt", "--out", "{}/new"], EXIT_FAILED, "not a regular file (a FIFO)|no pages"),
    (["export", "/dev/zero", "--out", "{}/new"], EXIT_FAILED, "character device|no pages to build"),
    (["export", "{}/missing.jsonl", "--out", "{}/afile"], EXIT_FAILED, "is not a folder"),
]
if Path("/proc/self").is_dir():
    BAD_ARGUMENTS.append(
        (["build", "{}/good.txt", "--out", "/proc/x"], EXIT_FAILED, "cannot write beside it")
    )


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")
@pytest.mark.parametrize("case", BAD_ARGUMENTS, ids=lambda case: " ".join(case[0])[:60])
def test_every_subcommand_answers_bad_arguments_in_one_line_each(
    place: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[list[str], int, str],
) -> None:
    arguments, status, problem = case
    monkeypatch.setenv("HOME", str(place / "home"))
    monkeypatch.chdir(place / "work")
    got, _, errors = run([argument.replace("{}", str(place)) for argument in arguments], capsys)
    assert got == status, errors
    assert errors
    if status == EXIT_USAGE:
        assert errors[0].startswith("usage: lhasa-corpus")
        assert problem in errors[-1]
        return
    for line in errors:
        assert line.startswith("lhasa-corpus: "), line
        assert any(word in line for word in problem.split("|")), line
    assert sorted(path.name for path in place.parent.iterdir() if ".lhasa-corpus-" in path.name) == []


def test_a_folder_you_may_not_write_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "readonly"
    out.mkdir()
    real_access = os.access
    # As root every folder is writable; answer as the system answers anyone else.
    monkeypatch.setattr(
        os, "access", lambda path, mode: False if Path(path) == out else real_access(path, mode)
    )
    status, _, errors = run(["build", str(SEED_PAGE), "--out", str(out)], capsys)
    assert (status, errors) == (
        EXIT_FAILED,
        [f"lhasa-corpus: {out}: is read-only for you; the dataset folder is replaced whole"],
    )


# -- inputs ----------------------------------------------------------------------------------------


def test_a_bad_manifest_row_is_skipped_and_the_others_are_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(GOOD.replace("对接会", name[0] * 3), encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,paper,issue_date,page\n"
        "a.txt,拉萨日报,2025-09-16,1\n"
        'b.txt,"拉萨\n日报",2025-09-16,2\n'  # a quoted cell over two lines
        "c.txt,拉萨日报,2025-13-01,3\n",
        encoding="utf-8",
    )
    status, out, errors = run(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert status == EXIT_PARTIAL
    assert errors == [
        f"lhasa-corpus: {corpus / 'manifest.csv'}:5: 'issue_date' must be YYYY-MM-DD (got '2025-13-01')"
    ]
    assert "2 pages" in out
    assert [page.paper for page in read_parquet(tmp_path / "out")] == ["拉萨日报", "拉萨\n日报"]


def test_a_file_name_that_is_not_utf8_is_skipped_and_never_reaches_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    write_at(tmp_path / NOT_UTF8, GOOD.replace("对接会", "座谈会"))
    status, out, errors = run(["parse", "--pages", str(tmp_path)], capsys)
    assert status == EXIT_PARTIAL
    assert errors == [
        "lhasa-corpus: bad\\xff\\xfename.txt: the file name is not UTF-8; rename the file to use it"
    ]
    (record,) = [json.loads(line) for line in out.encode("utf-8").decode("utf-8").splitlines()]
    assert record["source_file"] == "good.txt"


def test_two_pages_given_one_date_and_page_number_are_kept_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("对接会", "座谈会"), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,paper,issue_date,page\na.txt,拉萨日报,2025-09-16,1\nb.txt,拉萨日报,2025-09-16,1\n",
        encoding="utf-8",
    )
    status, out, errors = run(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert status == EXIT_OK
    assert errors == [
        "lhasa-corpus: warning: b.txt: is page 1 of 拉萨日报 of 2025-09-16, as a.txt is, with other text; both were kept"
    ]
    assert "2 pages" in out
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["warnings"] == [errors[0].removeprefix("lhasa-corpus: warning: ")]


def test_the_card_escapes_text_from_the_input_and_fences_the_command(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus ```"
    corpus.mkdir()
    (corpus / "p.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        'file,paper,issue_date,page\np.txt,"---\n```\n# <b>报</b>",2025-09-16,1\n', encoding="utf-8"
    )
    build_dataset([corpus], tmp_path / "out", command=f"lhasa-corpus build '{corpus.name}'")
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    metadata = metadata_load(tmp_path / "out" / "README.md")
    assert metadata is not None
    assert metadata["configs"][0]["config_name"] == "articles"
    assert r"Pages of \-\-\- \`\`\` \# \<b\>报\<\/b\>, of 2025-09-16" in card
    assert "\n````sh\nlhasa-corpus build 'corpus ```' --out DIR\n````\n" in card
    body = card.split("\n---\n", 1)[1]
    assert "\n---\n" not in body


def test_the_card_is_the_same_however_the_corpus_path_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SEED_PAGE, corpus / SEED_PAGE.name)
    monkeypatch.chdir(tmp_path)
    cards: set[bytes] = set()
    for typed in ("c", "./c", "c/", str(corpus)):
        out = tmp_path / f"out-{len(cards)}-{typed.count('/')}"
        assert main(["build", typed, "--out", str(out), "--quiet"]) == EXIT_OK
        cards.add((out / "README.md").read_bytes() + (out / "manifest.json").read_bytes())
    capsys.readouterr()
    assert len(cards) == 1
