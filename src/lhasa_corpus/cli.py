"""The ``lhasa-corpus`` command line.

``parse`` writes JSON Lines, ``validate`` prints a quality report (or checks a
built dataset), ``inspect`` writes HTML views of the pages (see
:mod:`lhasa_corpus.view`), and ``build`` / ``export`` write the dataset (see
:mod:`lhasa_corpus.export`). Every error is one line on stderr naming the
file and the problem, never a traceback; a file that cannot be used is
skipped and the others are still processed. The exit status says how it went
(:data:`EXIT_STATUSES`).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import re
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Final, TextIO

from lhasa_corpus import __version__
from lhasa_corpus.errors import InputError, InputWarning, LhasaCorpusError, printable
from lhasa_corpus.loaders import MAX_FILE_BYTES, iter_pages
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import map_pages
from lhasa_corpus.quality import PageReport, corpus_summary, counted, page_report
from lhasa_corpus.records import article_record, page_record

#: Every input was used.
EXIT_OK: Final = 0
#: Nothing was done: no input could be used, the output folder may not be written, the dataset is not valid.
EXIT_FAILED: Final = 1
#: The command line is wrong (argparse's status).
EXIT_USAGE: Final = 2
#: Done, but some inputs were skipped (each named on stderr).
EXIT_PARTIAL: Final = 3
#: Interrupted (Ctrl-C) or terminated (SIGTERM): 128 plus the signal's number.
EXIT_INTERRUPTED: Final = 130
EXIT_TERMINATED: Final = 143
#: The exit statuses and what they mean, as ``docs/cli.md`` lists them.
EXIT_STATUSES: Final = {
    EXIT_OK: "every input was used",
    EXIT_FAILED: "nothing was done or the dataset is not valid (the reason is on stderr)",
    EXIT_USAGE: "the command line was wrong",
    EXIT_PARTIAL: "done, but some inputs were skipped (each named on stderr)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_TERMINATED: "terminated (SIGTERM)",
}
_SIZE: Final = re.compile(r"(?i)\s*(\d+)\s*([kmg]i?b?|b)?\s*")
_UNITS: Final = {"": 1, "b": 1, "k": 2**10, "m": 2**20, "g": 2**30}


class ErrorLog:
    """Collects input errors and prints each as one line on stderr; warnings are printed, not counted."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def __call__(self, error: InputError) -> None:
        """Print *error* (or warning) in one line; count the errors."""
        if isinstance(error, InputWarning):
            print(f"lhasa-corpus: warning: {error}", file=self.stream, flush=True)
            return
        self.count += 1
        print(f"lhasa-corpus: {error}", file=self.stream, flush=True)

    def status(self, *, done: bool) -> int:
        """The exit status: all used, partly (something was *done*), or nothing."""
        if not self.count:
            return EXIT_OK
        return EXIT_PARTIAL if done else EXIT_FAILED


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that temporary files and workers are cleaned up."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="lhasa-corpus",
        description="Turn PDF-extracted 拉萨日报 page text into a clean, citable corpus.",
        epilog="Exit status: "
        + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_STATUSES.items())
        + ".",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="parse raw pages and write JSON Lines to stdout")
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="raw page files or corpus folders")
    parse.add_argument(
        "--pages", action="store_true", help="one line per page (with its articles and leftovers)"
    )
    add_jobs_option(parse)
    add_max_file_size_option(parse)
    parse.set_defaults(run=_run_parse)

    validate = commands.add_parser(
        "validate",
        help="print a quality report per page and for the corpus, or check a built dataset",
        description="Print a quality report of raw pages; given a dataset folder that `build` wrote, "
        "check it instead: every file against manifest.json (SHA-256), row counts, schemas, "
        "that every article's page is in `pages` and that offsets fall inside the raw text.",
    )
    validate.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="raw page files, corpus folders or dataset folders",
    )
    validate.add_argument("--json", action="store_true", help="write the report as JSON Lines instead")
    add_max_file_size_option(validate)
    validate.set_defaults(run=_run_validate)

    inspect = commands.add_parser("inspect", help="write each page as HTML with every field coloured")
    inspect.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="raw page files or corpus folders"
    )
    inspect.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the HTML files")
    add_jobs_option(inspect)
    inspect.set_defaults(run=_run_inspect)

    try:
        from lhasa_corpus.export.commands import register  # noqa: PLC0415 - needs pyarrow
    except ImportError:  # pragma: no cover - pyarrow is a hard dependency
        pass
    else:
        register(commands)
    return parser


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--jobs N``: parse in N worker processes, with output identical to the serial run."""
    parser.add_argument(
        "--jobs",
        type=at_least_one,
        default=1,
        metavar="N",
        help="parse in N processes; the output is the same as with 1 (default: 1)",
    )


def add_max_file_size_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-file-size SIZE``: the largest raw page file read."""
    parser.add_argument(
        "--max-file-size",
        type=file_size,
        default=MAX_FILE_BYTES,
        metavar="SIZE",
        help="refuse raw files larger than SIZE bytes; K, M and G suffixes are KiB, MiB, GiB (default: 64M)",
    )


def at_least_one(text: str) -> int:
    """A whole number >= 1 from the command line (argparse type).

    >>> at_least_one("4")
    4
    >>> at_least_one("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be >= 1 (got 0)
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number (got {text!r})") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1 (got {value})")
    return value


def file_size(text: str) -> int:
    """A size in bytes from the command line: ``1000``, ``500K``, ``64M``, ``1G`` (powers of 1,024).

    >>> file_size("64M"), file_size("500k"), file_size("1GiB"), file_size("12")
    (67108864, 512000, 1073741824, 12)
    >>> file_size("lots")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a size such as 64M (got 'lots')
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"must be a size such as 64M (got {text!r})")
    value = int(match[1]) * _UNITS[(match[2] or "")[:1].lower()]
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte (got {text!r})")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    errors = ErrorLog(sys.stderr)
    try:
        with _terminate_cleanly():
            status: int = arguments.run(arguments, errors)
    except LhasaCorpusError as error:
        print(f"lhasa-corpus: {error}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `lhasa-corpus parse … | head`
        return EXIT_OK
    except _Terminated:
        print("lhasa-corpus: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("lhasa-corpus: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:  # a full disk, a folder that vanished: the system's reason, in one line
        where = f"{printable(error.filename)}: " if error.filename else ""
        print(f"lhasa-corpus: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    return status


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception while the command runs, so that ``finally`` blocks clean up.

    Left alone outside the main thread, where signal handlers cannot be set.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_parse(arguments: argparse.Namespace, errors: ErrorLog) -> int:
    out = sys.stdout
    json_lines = functools.partial(_json_lines, pages=arguments.pages)
    pages = map_pages(
        json_lines, arguments.paths, jobs=arguments.jobs, on_error=errors, max_bytes=arguments.max_file_size
    )
    done = False
    for lines in pages:
        out.write(lines)
        done = True
    out.flush()
    return errors.status(done=done)


def _json_lines(page: Page, *, pages: bool) -> str:
    """The JSON Lines of one page (run in the worker processes with ``--jobs``)."""
    records = [page_record(page)] if pages else [article_record(article) for article in page.articles]
    return "".join(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n" for record in records)


def _run_validate(arguments: argparse.Namespace, errors: ErrorLog) -> int:
    from lhasa_corpus.export.verify import is_dataset_folder  # noqa: PLC0415 - needs pyarrow

    datasets = [path for path in arguments.paths if is_dataset_folder(path)]
    raw = [path for path in arguments.paths if path not in datasets]
    status = _validate_datasets(datasets, as_json=arguments.json) if datasets else EXIT_OK
    if raw:
        checked = _validate_raw(raw, errors, as_json=arguments.json, max_bytes=arguments.max_file_size)
        status = max(status, checked)
    return status


def _validate_datasets(folders: list[Path], *, as_json: bool) -> int:
    from lhasa_corpus.export.verify import verify_dataset  # noqa: PLC0415 - needs pyarrow

    status = EXIT_OK
    for folder in folders:
        report = verify_dataset(folder)
        if as_json:
            print(json.dumps(report.as_record(), ensure_ascii=False), flush=True)
        else:
            print(report.describe(), flush=True)
        if not report.valid:
            status = EXIT_FAILED
    return status


def _validate_raw(paths: list[Path], errors: ErrorLog, *, as_json: bool, max_bytes: int) -> int:
    reports: list[PageReport] = []
    out = sys.stdout
    for page in iter_pages(paths, on_error=errors, max_bytes=max_bytes):
        report = page_report(page)
        reports.append(report)
        if as_json:
            out.write(json.dumps(report.as_record(), ensure_ascii=False) + "\n")
        else:
            out.write(report.describe() + "\n")
    summary = corpus_summary(reports)
    if as_json:
        out.write(json.dumps({"corpus": summary}, ensure_ascii=False) + "\n")
    else:
        flags = Counter(dict(summary["flags"]))
        out.write(
            f"corpus: {counted(summary['pages'], 'page')}, {counted(summary['articles'], 'article')}, "
            f"{counted(summary['pages_with_leftovers'], 'page')} with leftovers, "
            f"{counted(len(summary['near_identical_names']), 'near-identical name pair')}\n"
        )
        for flag, count in sorted(flags.items()):
            out.write(f"  {flag}: {count}\n")
    return errors.status(done=bool(reports))


def _run_inspect(arguments: argparse.Namespace, errors: ErrorLog) -> int:
    from lhasa_corpus.view import view_page, write_inspection  # noqa: PLC0415 - only this command needs it

    views = map_pages(view_page, arguments.paths, jobs=arguments.jobs, on_error=errors)
    summary = write_inspection(views, arguments.out)
    print(f"wrote {counted(summary['pages'], 'page')} and index.html to {arguments.out}")
    return errors.status(done=summary["pages"] > 0)


__all__ = ["EXIT_STATUSES", "ErrorLog", "build_parser", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
