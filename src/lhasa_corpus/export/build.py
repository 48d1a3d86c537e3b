"""The main job: raw pages (or parsed JSON Lines) to a finished dataset folder.

:func:`build_dataset` parses the raw pages a corpus folder's manifest lists;
:func:`export_dataset` reads pages from the JSON Lines of ``lhasa-corpus parse
--pages``. Both write the same folder::

    README.md        the dataset card, generated from the data
    manifest.json    tables, shards (rows, bytes, SHA-256), sources, settings, summary
    articles/  pages/  issues/   Parquet shards, named as the Hugging Face Hub names them
    jsonl/           articles.jsonl and pages.jsonl, when asked for

A file that cannot be used is reported to *on_error* and skipped; the others
are still built. The same input gives byte-identical files. The folder is
written beside the old one and switched in as one unit, and only if it holds
nothing the builder did not write (:mod:`._folder`).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from lhasa_corpus.errors import InputError, InputWarning, LhasaCorpusError, printable
from lhasa_corpus.export._files import sha256_of
from lhasa_corpus.export._folder import MANIFEST_JSON, replacing
from lhasa_corpus.export.hf import CARD_NAME, DEFAULT_LICENSE, counted, dataset_card
from lhasa_corpus.export.parquet import (
    PageRows,
    ParquetDataset,
    ParquetSettings,
    page_rows,
    read_parquet,
    tables_manifest,
    write_manifest,
    write_tables,
)
from lhasa_corpus.loaders import MAX_FILE_BYTES, ErrorHandler, file_kind, report_error
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import iter_pages_parallel, map_pages
from lhasa_corpus.records import article_record, page_from_record, page_record

#: The folder of the optional JSON Lines files.
JSONL_FOLDER: Final = "jsonl"
#: Seconds between two progress lines.
PROGRESS_SECONDS: Final = 2.0
#: The longest line of page records ``export`` reads, in characters: four times
#: the largest raw page file, for a record holds the raw text and its articles'.
MAX_RECORD_CHARS: Final = 4 * MAX_FILE_BYTES
#: The date and page number given for a page, at the start of its ID (``20250916-p01-``).
_GIVEN_SLOT: Final = re.compile(r"(\d{4})(\d{2})(\d{2})-p0*([1-9]\d*)-")


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
    #: Odd inputs that were used all the same (two pages given one page number).
    warnings: tuple[str, ...] = ()

    def as_record(self) -> dict[str, Any]:
        """The counts as a record of JSON types (the folder and file list left out)."""
        return {
            "pages": self.pages,
            "articles": self.articles,
            "issues": self.issues,
            "flags": dict(self.flags),
            "pages_with_leftovers": self.pages_with_leftovers,
            "files_with_errors": list(self.files_with_errors),
            "warnings": list(self.warnings),
        }

    def describe(self) -> str:
        """A one-screen summary for a terminal."""
        lines = [
            f"built {printable(self.folder)}: {counted(self.articles, 'article')}"
            f" on {counted(self.pages, 'page')} in {counted(self.issues, 'issue')}",
            f"  pages with leftovers: {self.pages_with_leftovers}",
        ]
        if self.flags:
            lines.append("  flags:")
            lines += [f"    {flag}: {count}" for flag, count in self.flags]
        else:
            lines.append("  flags: none")
        if self.files_with_errors:
            lines.append(f"  skipped {counted(len(self.files_with_errors), 'file')} with errors (see above)")
        if self.warnings:
            lines.append(f"  {counted(len(self.warnings), 'warning')} (see above)")
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
    max_bytes: int = MAX_FILE_BYTES,
    keep_other_files: bool = False,
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
    A raw file larger than *max_bytes* is refused. *keep_other_files* is
    explained at :func:`write_dataset`.
    """

    def read(report: ErrorHandler) -> Iterator[Page | PageRows]:
        if jobs == 1:
            return iter_pages_parallel(paths, jobs=1, on_error=report, max_bytes=max_bytes)
        # The workers also make the Arrow rows; this process only spills and writes them.
        return map_pages(page_rows, paths, jobs=jobs, on_error=report, max_bytes=max_bytes)

    return write_dataset(
        read,
        folder,
        on_error=on_error,
        settings=settings,
        jsonl=jsonl,
        progress=progress,
        license=license,
        command=command,
        keep_other_files=keep_other_files,
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
    keep_other_files: bool = False,
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
        keep_other_files=keep_other_files,
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
    keep_other_files: bool = False,
) -> BuildSummary:
    """Write the dataset folder from the pages that ``read(report)`` yields.

    Pages may come as :class:`~lhasa_corpus.export.parquet.PageRows`, made
    where they were parsed; the files are the same.

    *read* is given the handler to report bad inputs to: the build counts
    them in its summary and passes them to *on_error* (or raises the first
    when there is none). Warnings about inputs that were used all the same
    (:class:`~lhasa_corpus.errors.InputWarning`) go to *on_error* too, but are
    never raised. :func:`build_dataset`, :func:`export_dataset` and the distributed
    build all write through here, so their files are the same.

    The whole dataset is written into a stage folder beside *folder* and
    switched in as one unit; *folder* must not exist, be empty, or hold only
    what an earlier build wrote (as its ``manifest.json`` lists), else
    :class:`~lhasa_corpus.errors.OutputError` is raised before anything is
    read. With *keep_other_files*, other entries at the top of *folder* are
    allowed and kept. A second build of the same folder at the same time
    fails with an :class:`~lhasa_corpus.errors.OutputError`.
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
        keep_other_files=keep_other_files,
    )


def read_jsonl_pages(paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None) -> Iterator[Page]:
    """Pages from JSON Lines of page records (``lhasa-corpus parse --pages``), lazily; ``-`` is stdin.

    Article records (``lhasa-corpus parse`` without ``--pages``) are refused
    with one error per file: they lack the page's raw text, so the ``pages``
    table and the articles' offsets could not be checked. So is a file whose
    first line is not JSON at all (a raw page, say), a FIFO or device, and the
    rest of a file after a line longer than :data:`MAX_RECORD_CHARS`.
    """
    for raw_path in paths:
        name = str(raw_path)
        if name == "-":
            yield from _pages_of_stream(sys.stdin, "<stdin>", on_error)
            continue
        shown = printable(name)
        try:
            kind = file_kind(Path(raw_path).stat().st_mode)
            if kind != "file":
                raise InputError(shown, f"not a regular file (a {kind})")
            stream = Path(raw_path).open(encoding="utf-8")  # noqa: SIM115
        except InputError as error:
            report_error(error, on_error)
            continue
        except FileNotFoundError:
            report_error(InputError(shown, "no such file"), on_error)
            continue
        except OSError as error:
            report_error(InputError(shown, f"cannot be read ({error.strerror or error})"), on_error)
            continue
        with stream:
            yield from _pages_of_stream(stream, shown, on_error)


def _pages_of_stream(stream: TextIO, name: str, on_error: ErrorHandler | None) -> Iterator[Page]:
    number = 0
    records = 0
    try:
        while line := stream.readline(MAX_RECORD_CHARS + 1):
            number += 1
            if len(line) > MAX_RECORD_CHARS:
                problem = f"line {number} is longer than {MAX_RECORD_CHARS:,} characters; skipped the rest"
                report_error(InputError(name, problem), on_error)
                return
            if not line.strip():
                continue
            records += 1
            try:
                record = json.loads(line)
            except ValueError:
                if records == 1:
                    problem = "not JSON Lines of page records (line 1 is not JSON)"
                    report_error(InputError(name, problem), on_error)
                    return
                report_error(InputError(f"{name}:{number}", "not a page record (not JSON)"), on_error)
                continue
            try:
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
    keep_other_files: bool,
) -> BuildSummary:
    tally = _Tally(progress)
    try:
        with replacing(folder, keep_other_files=keep_other_files, report=log.note(folder)) as stage:
            counted = tally.count(_unique(pages, log))
            first = next(counted, None)
            if first is None:
                raise LhasaCorpusError(
                    "no pages to build (every input failed or was empty); nothing was written"
                )
            written = write_tables(_chain(first, counted), stage, settings=settings)
            tally.finish()
            card = dataset_card(stage, license=license, command=command)
            (stage / CARD_NAME).write_text(card, encoding="utf-8", newline="\n")
            if jsonl:
                _write_jsonl(stage)
            summary = BuildSummary(
                folder=folder,
                pages=tally.pages,
                articles=tally.articles,
                issues=written.table("issues").rows,
                flags=tuple(sorted(tally.flags.items())),
                pages_with_leftovers=tally.pages_with_leftovers,
                files_with_errors=tuple(log.messages),
                warnings=tuple(log.warnings),
                files=(),
            )
            files = _write_manifest(stage, written, summary, jsonl=jsonl)
    finally:
        close = getattr(pages, "close", None)
        if close is not None:  # stops the worker processes of a build that failed
            close()
    return attrs.evolve(summary, files=files)


def _write_manifest(
    folder: Path, written: ParquetDataset, summary: BuildSummary, *, jsonl: bool
) -> tuple[str, ...]:
    extra = [CARD_NAME]
    if jsonl:
        extra += [f"{JSONL_FOLDER}/articles.jsonl", f"{JSONL_FOLDER}/pages.jsonl"]
    manifest = tables_manifest(written)
    manifest["files"] = {name: sha256_of(folder / name) for name in extra}
    manifest["summary"] = summary.as_record()
    write_manifest(folder, manifest)
    parquet = [name for table in written.tables for name in table.files]
    return (*extra, MANIFEST_JSON, *parquet)


def _write_jsonl(folder: Path) -> None:
    """Write ``jsonl/articles.jsonl`` and ``jsonl/pages.jsonl`` from the tables in *folder* (a stage)."""
    target = folder / JSONL_FOLDER
    target.mkdir()
    with (
        (target / "articles.jsonl").open("w", encoding="utf-8", newline="\n") as articles,
        (target / "pages.jsonl").open("w", encoding="utf-8", newline="\n") as pages,
    ):
        for page in read_parquet(folder):
            pages.write(json.dumps(page_record(page), ensure_ascii=False) + "\n")
            for article in page.articles:
                articles.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")


class _ErrorList:
    """Keeps the message of every input error and warning, and passes them on (or raises the error)."""

    def __init__(self, on_error: ErrorHandler | None) -> None:
        self.on_error = on_error
        self.messages: list[str] = []
        self.warnings: list[str] = []

    def __call__(self, error: InputError) -> None:
        if isinstance(error, InputWarning):
            self.warnings.append(str(error))
            if self.on_error is not None:
                self.on_error(error)
            return
        self.messages.append(str(error))
        report_error(error, self.on_error)

    def note(self, folder: Path) -> Callable[[str], None]:
        """A handler for what the folder switch leaves alone: passed on as warnings, not counted."""

        def tell(note: str) -> None:
            if self.on_error is not None:
                self.on_error(InputWarning(printable(folder), note))

        return tell


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
    """Skip a page that repeats an earlier one (same text, date and page number), reporting it.

    A page given the date and page number of an earlier page with other text
    is kept, and a warning says so: one of them is probably misnamed in the
    manifest, but which one is for a person to judge.
    """
    first_seen: dict[str, str] = {}
    slots: dict[tuple[str | None, str], str] = {}
    for page in pages:
        where = page.source_file or page.page_id
        if page.page_id in first_seen:
            log(InputError(where, f"repeats page {page.page_id} of {first_seen[page.page_id]}; skipped"))
            continue
        first_seen[page.page_id] = where
        given = _GIVEN_SLOT.match(page.page_id)
        if given is not None:
            year, month, day, number = given.groups()
            earlier = slots.setdefault((page.paper, given[0]), page.page_id)
            if earlier != page.page_id:
                log(
                    InputWarning(
                        where,
                        f"is page {number} of {page.paper or 'an unnamed paper'} of {year}-{month}-{day}, "
                        f"as {first_seen[earlier]} is, with other text; both were kept",
                    )
                )
        yield page


def _chain(first: Page | PageRows, rest: Iterator[Page | PageRows]) -> Iterator[Page | PageRows]:
    yield first
    yield from rest


def _first_line(error: Exception) -> str:
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


def _more(items: tuple[str, ...], shown: int) -> str:
    return f", … (+{len(items) - shown})" if len(items) > shown else ""


__all__ = [
    "JSONL_FOLDER",
    "MANIFEST_JSON",
    "MAX_RECORD_CHARS",
    "PROGRESS_SECONDS",
    "BuildSummary",
    "build_dataset",
    "export_dataset",
    "read_jsonl_pages",
    "write_dataset",
]
