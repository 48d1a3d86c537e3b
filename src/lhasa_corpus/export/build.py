"""The main job: raw pages (or parsed JSON Lines) to a finished dataset folder.

:func:`build_dataset` parses the raw pages a corpus folder's manifest lists;
:func:`export_dataset` reads pages from the JSON Lines of ``lhasa-corpus parse
--pages``. Both write the same folder::

    README.md        the dataset card, generated from the data
    manifest.json    tables, shards (rows, bytes, SHA-256), sources, settings, summary
    articles/  pages/  issues/   Parquet shards, named as the Hugging Face Hub names them
    jsonl/           articles.jsonl and pages.jsonl, when asked for

A file that cannot be used is reported to *on_error* and skipped; the others
are still built. The same input gives byte-identical files.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from lhasa_corpus import __version__
from lhasa_corpus.errors import InputError, LhasaCorpusError
from lhasa_corpus.export._files import atomic_path, sha256_of, write_text_atomic
from lhasa_corpus.export.hf import DEFAULT_LICENSE, counted, write_dataset_card
from lhasa_corpus.export.parquet import (
    PageRows,
    ParquetDataset,
    ParquetSettings,
    page_rows,
    read_parquet,
    write_parquet,
)
from lhasa_corpus.export.schema import SCHEMA_VERSION
from lhasa_corpus.loaders import ErrorHandler, report_error
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import iter_pages_parallel, map_pages
from lhasa_corpus.records import article_record, page_from_record, page_record

#: The file beside the Parquet tables that lists them, for readers that drop schema metadata.
MANIFEST_JSON: Final = "manifest.json"
#: The folder of the optional JSON Lines files.
JSONL_FOLDER: Final = "jsonl"
#: Seconds between two progress lines.
PROGRESS_SECONDS: Final = 2.0


@attrs.frozen(kw_only=True)
class BuildSummary:
    """What a build wrote and what it met on the way."""

    folder: Path
    pages: int
    articles: int
    issues: int
    flags: tuple[tuple[str, int], ...]
    pages_with_leftovers: int
    files_with_errors: tuple[str, ...]
    files: tuple[str, ...]

    def as_record(self) -> dict[str, Any]:
        """The counts as a record of JSON types (the folder and file list left out)."""
        return {
            "pages": self.pages,
            "articles": self.articles,
            "issues": self.issues,
            "flags": dict(self.flags),
            "pages_with_leftovers": self.pages_with_leftovers,
            "files_with_errors": list(self.files_with_errors),
        }

    def describe(self) -> str:
        """A one-screen summary for a terminal."""
        lines = [
            f"built {self.folder}: {counted(self.articles, 'article')} on {counted(self.pages, 'page')}"
            f" in {counted(self.issues, 'issue')}",
            f"  pages with leftovers: {self.pages_with_leftovers}",
        ]
        if self.flags:
            lines.append("  flags:")
            lines += [f"    {flag}: {count}" for flag, count in self.flags]
        else:
            lines.append("  flags: none")
        if self.files_with_errors:
            lines.append(f"  skipped {counted(len(self.files_with_errors), 'file')} with errors (see above)")
        lines.append(
            f"  wrote {counted(len(self.files), 'file')}: " + ", ".join(self.files[:6]) + _more(self.files, 6)
        )
        return "\n".join(lines)


def build_dataset(
    paths: Iterable[str | Path],
    folder: str | Path,
    *,
    on_error: ErrorHandler | None = None,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    progress: TextIO | None = None,
    license: str = DEFAULT_LICENSE,
    command: str | None = None,
    jobs: int = 1,
) -> BuildSummary:
    """Parse raw page files and corpus folders and write the dataset folder.

    A corpus folder is read through its ``manifest.csv``. Without *on_error*
    the first bad file raises :class:`~lhasa_corpus.errors.InputError`; with
    it, bad files are reported and skipped. *progress* gets a line every few
    seconds on long runs. Raises :class:`~lhasa_corpus.errors.LhasaCorpusError`
    when no page at all could be read, leaving an existing folder as it was.
    With *jobs* above 1 the pages are parsed in that many processes
    (:func:`~lhasa_corpus.parallel.map_pages`), which also make the Arrow
    rows (:func:`~lhasa_corpus.export.parquet.page_rows`); the files are the same.
    """

    def read(report: ErrorHandler) -> Iterator[Page | PageRows]:
        if jobs == 1:
            return iter_pages_parallel(paths, jobs=1, on_error=report)
        # The workers also make the Arrow rows; this process only spills and writes them.
        return map_pages(page_rows, paths, jobs=jobs, on_error=report)

    return write_dataset(
        read,
        folder,
        on_error=on_error,
        settings=settings,
        jsonl=jsonl,
        progress=progress,
        license=license,
        command=command,
    )


def export_dataset(
    paths: Iterable[str | Path],
    folder: str | Path,
    *,
    on_error: ErrorHandler | None = None,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    progress: TextIO | None = None,
    license: str = DEFAULT_LICENSE,
    command: str | None = None,
) -> BuildSummary:
    """Write the dataset folder from JSON Lines of ``lhasa-corpus parse --pages`` (``-`` is stdin).

    Bad lines and unreadable files are handled as :func:`build_dataset` handles bad raw files.
    """
    return write_dataset(
        lambda report: read_jsonl_pages(paths, on_error=report),
        folder,
        on_error=on_error,
        settings=settings,
        jsonl=jsonl,
        progress=progress,
        license=license,
        command=command,
    )


def write_dataset(
    read: Callable[[ErrorHandler], Iterator[Page | PageRows]],
    folder: str | Path,
    *,
    on_error: ErrorHandler | None = None,
    settings: ParquetSettings | None = None,
    jsonl: bool = False,
    progress: TextIO | None = None,
    license: str = DEFAULT_LICENSE,
    command: str | None = None,
) -> BuildSummary:
    """Write the dataset folder from the pages that ``read(report)`` yields.

    Pages may come as :class:`~lhasa_corpus.export.parquet.PageRows`, made
    where they were parsed; the files are the same.

    *read* is given the handler to report bad inputs to: the build counts
    them in its summary and passes them to *on_error* (or raises the first
    when there is none). :func:`build_dataset`, :func:`export_dataset` and the
    distributed build all write through here, so their files are the same.
    """
    log = _ErrorList(on_error)
    return _build(
        read(log),
        Path(folder),
        log,
        settings=settings,
        jsonl=jsonl,
        progress=progress,
        license=license,
        command=command,
    )


def read_jsonl_pages(paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None) -> Iterator[Page]:
    """Pages from JSON Lines of page records (``lhasa-corpus parse --pages``), lazily; ``-`` is stdin.

    Article records (``lhasa-corpus parse`` without ``--pages``) are refused
    with one error per file: they lack the page's raw text, so the ``pages``
    table and the articles' offsets could not be checked.
    """
    for raw_path in paths:
        name = str(raw_path)
        try:
            stream = sys.stdin if name == "-" else Path(raw_path).open(encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            report_error(InputError(name, f"cannot be read ({error.strerror or error})"), on_error)
            continue
        try:
            yield from _pages_of_stream(stream, "<stdin>" if name == "-" else name, on_error)
        finally:
            if stream is not sys.stdin:
                stream.close()


def _pages_of_stream(stream: TextIO, name: str, on_error: ErrorHandler | None) -> Iterator[Page]:
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise TypeError(f"a JSON {type(record).__name__}, not an object")
                if "raw_text" not in record and "article_id" in record:
                    report_error(
                        InputError(
                            name,
                            "holds article records; export needs page records "
                            "(lhasa-corpus parse --pages), which carry the raw text offsets point into",
                        ),
                        on_error,
                    )
                    return
                page = page_from_record(record)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                problem = f"missing key {error}" if isinstance(error, KeyError) else _first_line(error)
                report_error(InputError(f"{name}:{number}", f"not a page record ({problem})"), on_error)
                continue
            yield page
    except UnicodeDecodeError:
        report_error(InputError(name, "not UTF-8 text"), on_error)


def _build(
    pages: Iterator[Page | PageRows],
    folder: Path,
    log: _ErrorList,
    *,
    settings: ParquetSettings | None,
    jsonl: bool,
    progress: TextIO | None,
    license: str,
    command: str | None,
) -> BuildSummary:
    tally = _Tally(progress)
    counted = tally.count(_unique(pages, log))
    first = next(counted, None)
    if first is None:
        raise LhasaCorpusError("no pages to build (every input failed or was empty); nothing was written")
    written = write_parquet(_chain(first, counted), folder, settings=settings)
    tally.finish()
    write_dataset_card(folder, license=license, command=command)
    if jsonl:
        _write_jsonl(folder)
    summary = BuildSummary(
        folder=folder,
        pages=tally.pages,
        articles=tally.articles,
        issues=written.table("issues").rows,
        flags=tuple(sorted(tally.flags.items())),
        pages_with_leftovers=tally.pages_with_leftovers,
        files_with_errors=tuple(log.messages),
        files=(),
    )
    files = _write_manifest(folder, written, summary, jsonl=jsonl)
    return attrs.evolve(summary, files=files)


def _write_manifest(
    folder: Path, written: ParquetDataset, summary: BuildSummary, *, jsonl: bool
) -> tuple[str, ...]:
    tables = {}
    for table in written.tables:
        shards = []
        for name in table.files:
            path = folder / name
            shards.append({"path": name, "bytes": path.stat().st_size, "sha256": sha256_of(path)})
        tables[table.table] = {"rows": table.rows, "files": shards}
    extra = ["README.md"]
    if jsonl:
        extra += [f"{JSONL_FOLDER}/articles.jsonl", f"{JSONL_FOLDER}/pages.jsonl"]
    manifest = {
        "name": "lhasa_corpus",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "tables": tables,
        "files": {name: sha256_of(folder / name) for name in extra},
        "sources": [{"file": file, "sha256": sha256} for file, sha256 in written.sources],
        "settings": written.settings.as_record(),
        "summary": summary.as_record(),
    }
    write_text_atomic(folder / MANIFEST_JSON, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    parquet = [name for table in written.tables for name in table.files]
    return (*extra, MANIFEST_JSON, *parquet)


def _write_jsonl(folder: Path) -> None:
    target = folder / JSONL_FOLDER
    with (
        atomic_path(target / "articles.jsonl") as articles_path,
        atomic_path(target / "pages.jsonl") as pages_path,
        articles_path.open("w", encoding="utf-8", newline="\n") as articles,
        pages_path.open("w", encoding="utf-8", newline="\n") as pages,
    ):
        for page in read_parquet(folder):
            pages.write(json.dumps(page_record(page), ensure_ascii=False) + "\n")
            for article in page.articles:
                articles.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")


class _ErrorList:
    """Keeps the message of every input error and passes the error on (or raises it)."""

    def __init__(self, on_error: ErrorHandler | None) -> None:
        self.on_error = on_error
        self.messages: list[str] = []

    def __call__(self, error: InputError) -> None:
        self.messages.append(str(error))
        report_error(error, self.on_error)


class _Tally:
    """Counts pages, articles and flags as they pass, with a progress line now and then."""

    def __init__(self, progress: TextIO | None) -> None:
        self.progress = progress
        self.pages = self.articles = self.pages_with_leftovers = 0
        self.flags: Counter[str] = Counter()
        self._started = self._shown = time.monotonic()

    def count(self, pages: Iterator[Page | PageRows]) -> Iterator[Page | PageRows]:
        for page in pages:
            self.pages += 1
            if isinstance(page, PageRows):
                self.articles += page.article_count
                self.pages_with_leftovers += page.has_leftovers
                self.flags.update(page.flags)
            else:
                self.articles += len(page.articles)
                self.pages_with_leftovers += bool(page.leftovers)
                self.flags.update(page.all_flags)
            if self.progress is not None and time.monotonic() - self._shown >= PROGRESS_SECONDS:
                self._shown = time.monotonic()
                print(f"lhasa-corpus: {self._line()}", file=self.progress, flush=True)
            yield page

    def finish(self) -> None:
        if self.progress is not None and self._shown != self._started:
            print(f"lhasa-corpus: {self._line()}, done", file=self.progress, flush=True)

    def _line(self) -> str:
        seconds = time.monotonic() - self._started
        return f"{counted(self.pages, 'page')}, {counted(self.articles, 'article')} ({seconds:.0f} s)"


def _unique(pages: Iterator[Page | PageRows], log: _ErrorList) -> Iterator[Page | PageRows]:
    """Skip a page that repeats an earlier one (same text, date and page number), reporting it."""
    first_seen: dict[str, str] = {}
    for page in pages:
        where = page.source_file or page.page_id
        if page.page_id in first_seen:
            log(InputError(where, f"repeats page {page.page_id} of {first_seen[page.page_id]}; skipped"))
            continue
        first_seen[page.page_id] = where
        yield page


def _chain(first: Page | PageRows, rest: Iterator[Page | PageRows]) -> Iterator[Page | PageRows]:
    yield first
    yield from rest


def _first_line(error: Exception) -> str:
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


def _more(items: tuple[str, ...], shown: int) -> str:
    return f", … (+{len(items) - shown})" if len(items) > shown else ""
