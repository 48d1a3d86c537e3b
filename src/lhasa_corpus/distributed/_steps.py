"""The datatrove pipeline steps; importing this module needs the ``distributed`` extra."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.executor.local import LocalPipelineExecutor
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter

from lhasa_corpus.distributed import error_from_record, error_record
from lhasa_corpus.errors import InputError
from lhasa_corpus.export.build import MANIFEST_JSON, BuildSummary, write_dataset
from lhasa_corpus.export.hf import DEFAULT_LICENSE
from lhasa_corpus.export.parquet import ParquetSettings
from lhasa_corpus.loaders import ErrorHandler, iter_entries
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import _rebuild_error, _work_items
from lhasa_corpus.records import page_from_record, page_record

#: The key of a record that stands, in the page-record stream, for a file that could not be used.
ERROR_KEY = "input_error"

__all__ = ["BuildDataset", "LocalPipelineExecutor", "PageRecordWriter", "ParsePages"]


class ParsePages(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Reader: this task's contiguous slice of the manifest entries, parsed, as documents.

    A page becomes a document whose ``metadata["page"]`` is its page record
    (``text`` is its raw text, ``id`` its page ID); a file that cannot be used
    becomes a document whose ``metadata["input_error"]`` describes the error,
    at the file's place, and a line in ``errors_folder/<rank>.jsonl``.
    """

    name = "lhasa-corpus parse"
    type = "📖 - READER"

    def __init__(self, paths: list[str], *, errors_folder: DataFolderLike) -> None:
        super().__init__()
        self.paths = paths
        self.errors_folder = get_datafolder(errors_folder)

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield the documents of this task's slice; the input *data* is passed through first."""
        if data:
            yield from data
        items = list(_work_items(self.paths))
        mine = items[rank * len(items) // world_size : (rank + 1) * len(items) // world_size]
        with self.errors_folder.open(f"{rank:05d}.jsonl", "wt", encoding="utf-8") as errors:
            for item in mine:
                for document in self._documents(item):
                    if ERROR_KEY in document.metadata:
                        errors.write(json.dumps(document.metadata[ERROR_KEY], ensure_ascii=False) + "\n")
                        self.stat_update("input_errors")
                    else:
                        self.stat_update("pages")
                        self.stat_update("articles", value=len(document.metadata["page"]["articles"]))
                        self.update_doc_stats(document)
                    yield document

    def _documents(self, item: Any) -> Iterator[Document]:
        failed: list[InputError] = []
        if isinstance(item, tuple):  # a folder or manifest that could not be read
            failed.append(_rebuild_error(item))
            pages: list[Page] = []
        else:
            with self.track_time():
                pages = list(iter_entries([item], on_error=failed.append))
        for error in failed:
            record = error_record(error)
            yield Document(text="", id=f"error:{error.source}", metadata={ERROR_KEY: record})
        for page in pages:
            yield Document(text=page.raw_text, id=page.page_id, metadata={"page": page_record(page)})


class PageRecordWriter(DiskWriter):  # type: ignore[misc]  # datatrove is untyped
    """Writer: one JSON line per document, its page record (or error record), to ``<rank>.jsonl``.

    The page records are those of ``lhasa-corpus parse --pages``.
    """

    name = "lhasa-corpus page records"
    default_output_filename = "${rank}.jsonl"

    def __init__(self, output_folder: DataFolderLike, *, compression: str | None = None) -> None:
        super().__init__(output_folder, compression=compression, mode="wt")

    def _default_adapter(self, document: Document) -> dict[str, Any]:
        if ERROR_KEY in document.metadata:
            return {ERROR_KEY: document.metadata[ERROR_KEY]}
        record: dict[str, Any] = document.metadata["page"]
        return record

    def _write(self, document: dict[str, Any], file_handler: IO[str], _filename: str) -> None:
        file_handler.write(json.dumps(document, ensure_ascii=False) + "\n")


class BuildDataset(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """The reduce step: all page records, in task order, to the dataset folder (one task only).

    Errors in the stream are counted at their place, so the dataset card and
    ``manifest.json`` match a serial build's byte for byte.
    """

    name = "lhasa-corpus build"
    type = "💽 - WRITER"

    def __init__(
        self,
        records_folder: DataFolderLike,
        out: str,
        *,
        settings: ParquetSettings | None = None,
        jsonl: bool = False,
        command: str | None = None,
    ) -> None:
        super().__init__()
        self.records_folder = get_datafolder(records_folder)
        self.out = out
        self.settings = settings
        self.jsonl = jsonl
        self.command = command

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Write the dataset folder; yields nothing."""
        if world_size != 1:
            raise ValueError(f"'tasks' of the build pipeline must be 1 (got {world_size})")
        if data:
            yield from data
        with self.track_time(unit="dataset"):
            summary = build_from_records(
                self._records(),
                Path(self.out),
                settings=self.settings,
                jsonl=self.jsonl,
                command=self.command,
            )
        self.stat_update("pages", value=summary.pages)
        self.stat_update("articles", value=summary.articles)

    def _records(self) -> Iterator[dict[str, Any]]:
        for name in self.records_folder.list_files(glob_pattern="*.jsonl*"):
            with self.records_folder.open(name, "rt", encoding="utf-8", compression="infer") as stream:
                for line in stream:
                    yield json.loads(line)


def build_from_records(
    records: Iterator[dict[str, Any]],
    out: Path,
    *,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    command: str | None = None,
) -> BuildSummary:
    """The dataset folder from a stream of page and error records, as ``build_dataset`` writes it.

    Goes through the exporter's own build, so the files are the serial build's;
    errors are only counted here (the launcher reports them).
    """

    def pages(report: ErrorHandler) -> Iterator[Page]:
        for record in records:
            if ERROR_KEY in record:
                report(error_from_record(record[ERROR_KEY]))
            else:
                yield page_from_record(record)

    return write_dataset(
        pages,
        out,
        on_error=_ignore,
        settings=settings,
        jsonl=jsonl,
        license=DEFAULT_LICENSE,
        command=command,
    )


def _ignore(error: InputError) -> None:
    """Errors are reported by the launcher, from the parse tasks' error files."""


def read_summary(out: Path) -> BuildSummary:
    """The summary of a build, read back from the ``manifest.json`` it wrote."""
    manifest = json.loads((out / MANIFEST_JSON).read_text(encoding="utf-8"))
    counts = manifest["summary"]
    parquet = [shard["path"] for table in manifest["tables"].values() for shard in table["files"]]
    return BuildSummary(
        folder=out,
        pages=counts["pages"],
        articles=counts["articles"],
        issues=counts["issues"],
        flags=tuple(sorted(counts["flags"].items())),
        pages_with_leftovers=counts["pages_with_leftovers"],
        files_with_errors=tuple(counts["files_with_errors"]),
        files=(*manifest["files"], MANIFEST_JSON, *parquet),
    )
