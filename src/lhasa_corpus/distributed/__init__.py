"""Parse and build on datatrove, Hugging Face's corpus pipeline engine (the ``distributed`` extra).

Two pipelines do what ``lhasa-corpus build`` does, spread over many tasks:

1. *parse* (:func:`parse_pipeline`, any number of tasks): task *r* of *n*
   takes the *r*-th contiguous slice of the manifest entries, parses them and
   writes their page records (``lhasa-corpus parse --pages`` JSON Lines) to
   ``WORK/pages/0000r.jsonl`` and the files it could not use to
   ``WORK/errors/0000r.jsonl``;
2. *build* (:func:`build_pipeline`, one task): reads those records in task
   order and writes the dataset folder with
   :func:`~lhasa_corpus.export.build.export_dataset`, the project's own
   exporter, so the files are byte-identical to a serial build's.

:func:`run_local` runs both on this machine with datatrove's
``LocalPipelineExecutor``; on a cluster hand the same pipelines to its
``SlurmPipelineExecutor`` or ``RayPipelineExecutor`` (see ``docs/distributed.md``).

datatrove is imported only when a pipeline is made; without it these
functions raise :class:`~lhasa_corpus.errors.MissingExtraError` naming the
``distributed`` extra.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from lhasa_corpus.errors import InputError, ManifestError, MissingExtraError
from lhasa_corpus.export.build import BuildSummary
from lhasa_corpus.export.parquet import ParquetSettings
from lhasa_corpus.loaders import ErrorHandler

#: The extra that installs the engine.
EXTRA: Final = "distributed"
#: Where, inside the work folder, the parse tasks write page records, errors and logs.
PAGES_FOLDER: Final = "pages"
ERRORS_FOLDER: Final = "errors"
LOGS_FOLDER: Final = "logs"


def parse_pipeline(
    paths: Sequence[str | Path], work: str | Path, *, compression: str | None = None
) -> list[Any]:
    """The parse steps: read and parse the raw pages of *paths*, write page records into *work*.

    *paths* are raw files, corpus folders or manifests, as ``lhasa-corpus
    build`` takes them; every task reads the manifests itself and keeps its
    own slice, so only the paths travel to the cluster. Raw files must be
    readable by every task (a shared file system); *work* may be any
    fsspec URL datatrove accepts (``s3://…``, ``hf://…``). The page records
    are about four times the raw text; *compression* ``"gzip"`` or ``"zstd"``
    shrinks them for remote storage at some cost in time.
    """
    steps = _load_steps()
    work = str(work)
    return [
        steps.ParsePages([str(path) for path in paths], errors_folder=f"{work}/{ERRORS_FOLDER}"),
        steps.PageRecordWriter(f"{work}/{PAGES_FOLDER}", compression=compression),
    ]


def build_pipeline(
    work: str | Path,
    out: str | Path,
    *,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    command: str | None = None,
) -> list[Any]:
    """The build step: the page records in *work* to the dataset folder *out* (run it as one task)."""
    steps = _load_steps()
    return [
        steps.BuildDataset(
            f"{work}/{PAGES_FOLDER}", str(out), settings=settings, jsonl=jsonl, command=command
        )
    ]


def run_local(
    paths: Sequence[str | Path],
    out: str | Path,
    work: str | Path,
    *,
    tasks: int = 2,
    workers: int | None = None,
    on_error: ErrorHandler | None = None,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    command: str | None = None,
) -> BuildSummary:
    """Build the dataset folder *out* from *paths* with datatrove on this machine.

    The parse pipeline runs as *tasks* tasks, *workers* at a time (default:
    all of them), then the build pipeline as one. *work* keeps the page
    records, errors and datatrove's logs; a task that finished is skipped
    when the same *work* is used again. Files that could not be used are then
    reported to *on_error* in the serial order (or the first is raised) and
    counted in the summary, as :func:`~lhasa_corpus.export.build.build_dataset`
    does.
    """
    steps = _load_steps()
    work = Path(work)
    parse = steps.LocalPipelineExecutor(
        parse_pipeline(paths, work),
        tasks=tasks,
        workers=workers or tasks,
        logging_dir=str(work / LOGS_FOLDER / "parse"),
    )
    parse.run()
    problems = list(read_errors(work, tasks))
    for problem in problems:
        if on_error is None:
            raise problem
        on_error(problem)
    build = steps.LocalPipelineExecutor(
        build_pipeline(work, out, settings=settings, jsonl=jsonl, command=command),
        tasks=1,
        logging_dir=str(work / LOGS_FOLDER / "build"),
        skip_completed=False,
    )
    build.run()
    summary: BuildSummary = steps.read_summary(Path(out))
    return summary


def read_errors(work: str | Path, tasks: int) -> list[InputError]:
    """The input errors the parse tasks recorded, in task order, then file order.

    Raises :class:`FileNotFoundError` when a task has not finished.
    """
    found: list[InputError] = []
    for rank in range(tasks):
        path = Path(work) / ERRORS_FOLDER / f"{rank:05d}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            found.append(error_from_record(json.loads(line)))
    return found


def error_record(error: InputError) -> dict[str, Any]:
    """An input error as a record of JSON types, to cross a process or machine boundary."""
    return {
        "kind": type(error).__name__,
        "source": error.source,
        "problem": error.problem,
        "line": getattr(error, "line", None),
    }


def error_from_record(record: dict[str, Any]) -> InputError:
    """The input error a record describes.

    >>> from lhasa_corpus.errors import ManifestError
    >>> str(error_from_record(error_record(ManifestError("m.csv", "bad date", line=3))))
    'm.csv:3: bad date'
    """
    source, problem, line = str(record["source"]), str(record["problem"]), record.get("line")
    if record["kind"] == ManifestError.__name__:
        if line is not None:
            source = source.removesuffix(f":{line}")
        return ManifestError(source, problem, line=line)
    return InputError(source, problem)


def _load_steps() -> Any:
    try:
        from lhasa_corpus.distributed import _steps  # noqa: PLC0415 - the extra is optional
    except ImportError as error:
        if error.name is not None and error.name.split(".")[0] == "datatrove":
            raise MissingExtraError("datatrove", EXTRA) from None
        raise
    return _steps


__all__ = [
    "EXTRA",
    "build_pipeline",
    "error_from_record",
    "error_record",
    "parse_pipeline",
    "read_errors",
    "run_local",
]
