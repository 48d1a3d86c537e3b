"""The datatrove pipelines build the dataset folder a serial ``build_dataset`` builds, byte for byte."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import attrs
import pytest

from lhasa_corpus import distributed
from lhasa_corpus.distributed import parse_pipeline, run_local
from lhasa_corpus.errors import InputError, MissingExtraError
from lhasa_corpus.export.build import build_dataset
from tests.synthetic import write_corpus

needs_datatrove = pytest.mark.skipif(
    importlib.util.find_spec("datatrove") is None,
    reason="datatrove is not installed (pip install 'lhasa-corpus[distributed]')",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five files of two short pages each, and one undecodable file among them."""
    folder = tmp_path_factory.mktemp("corpus")
    return write_corpus(folder, 10, pages_per_file=2, distinct=5, bad_files=1, articles=(2, 3))


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@needs_datatrove
def test_local_run_writes_the_serial_build_byte_for_byte(corpus: Path, tmp_path: Path) -> None:
    serial_errors: list[InputError] = []
    serial = build_dataset(
        [corpus], tmp_path / "serial", on_error=serial_errors.append, command="lhasa-corpus build"
    )
    distributed_errors: list[InputError] = []
    distributed = run_local(
        [corpus],
        tmp_path / "distributed",
        tmp_path / "work",
        tasks=3,
        workers=2,
        on_error=distributed_errors.append,
        command="lhasa-corpus build",
    )
    assert files_of(tmp_path / "distributed") == files_of(tmp_path / "serial")
    assert [str(error) for error in distributed_errors] == [str(error) for error in serial_errors]
    assert len(serial_errors) == 1
    assert distributed == attrs.evolve(serial, folder=tmp_path / "distributed")
    assert sorted(path.name for path in (tmp_path / "work" / "pages").iterdir()) == [
        "00000.jsonl",
        "00001.jsonl",
        "00002.jsonl",
    ]


@needs_datatrove
def test_without_on_error_the_first_bad_file_is_raised_and_nothing_is_built(
    corpus: Path, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"-bad\.txt: "):
        run_local([corpus], tmp_path / "out", tmp_path / "work", tasks=1)
    assert not (tmp_path / "out").exists()


def test_without_datatrove_the_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [*(name for name in sys.modules if name.startswith("datatrove.")), "datatrove"]:
        monkeypatch.setitem(sys.modules, name, None)  # None makes an import fail
    monkeypatch.delitem(sys.modules, "lhasa_corpus.distributed._steps", raising=False)
    monkeypatch.delattr(distributed, "_steps", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'lhasa-corpus\[distributed\]'"):
        parse_pipeline(["data/raw"], "work")
