"""The ``lhasa-corpus`` command line.

``parse`` writes JSON Lines, ``validate`` prints a quality report,
``inspect`` writes HTML views of the pages (see :mod:`lhasa_corpus.view`), and
``build`` / ``export`` write the dataset (see :mod:`lhasa_corpus.export`).
A file that cannot be used gets one line on stderr naming it and the
problem; the other files are still processed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lhasa_corpus import __version__
from lhasa_corpus.errors import InputError, LhasaCorpusError
from lhasa_corpus.loaders import iter_pages
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import map_pages
from lhasa_corpus.quality import PageReport, corpus_summary, counted, page_report
from lhasa_corpus.records import article_record, page_record


class _ErrorLog:
    """Collects input errors and prints each as one line on stderr."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        print(f"lhasa-corpus: {error}", file=self.stream, flush=True)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="lhasa-corpus",
        description="Turn PDF-extracted 拉萨日报 page text into a clean, citable corpus.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="parse raw pages and write JSON Lines to stdout")
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="raw page files or corpus folders")
    parse.add_argument(
        "--pages", action="store_true", help="one line per page (with its articles and leftovers)"
    )
    add_jobs_option(parse)
    parse.set_defaults(run=_run_parse)

    validate = commands.add_parser("validate", help="print a quality report per page and for the corpus")
    validate.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="raw page files or corpus folders"
    )
    validate.add_argument("--json", action="store_true", help="write the report as JSON Lines instead")
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
        type=_at_least_one,
        default=1,
        metavar="N",
        help="parse in N processes; the output is the same as with 1 (default: 1)",
    )


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number (got {text!r})") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1 (got {value})")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    errors = _ErrorLog(sys.stderr)
    try:
        status: int = arguments.run(arguments, errors)
    except LhasaCorpusError as error:
        print(f"lhasa-corpus: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `lhasa-corpus parse … | head`
        return 0
    except KeyboardInterrupt:
        print("lhasa-corpus: interrupted", file=sys.stderr)
        return 130
    return 1 if errors.count else status


def _run_parse(arguments: argparse.Namespace, errors: _ErrorLog) -> int:
    out = sys.stdout
    json_lines = functools.partial(_json_lines, pages=arguments.pages)
    for lines in map_pages(json_lines, arguments.paths, jobs=arguments.jobs, on_error=errors):
        out.write(lines)
    out.flush()
    return 0


def _json_lines(page: Page, *, pages: bool) -> str:
    """The JSON Lines of one page (run in the worker processes with ``--jobs``)."""
    records = [page_record(page)] if pages else [article_record(article) for article in page.articles]
    return "".join(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n" for record in records)


def _run_validate(arguments: argparse.Namespace, errors: _ErrorLog) -> int:
    reports: list[PageReport] = []
    out = sys.stdout
    for page in iter_pages(arguments.paths, on_error=errors):
        report = page_report(page)
        reports.append(report)
        if arguments.json:
            out.write(json.dumps(report.as_record(), ensure_ascii=False) + "\n")
        else:
            out.write(report.describe() + "\n")
    summary = corpus_summary(reports)
    if arguments.json:
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
    return 0


def _run_inspect(arguments: argparse.Namespace, errors: _ErrorLog) -> int:
    from lhasa_corpus.view import view_page, write_inspection  # noqa: PLC0415 - only this command needs it

    views = map_pages(view_page, arguments.paths, jobs=arguments.jobs, on_error=errors)
    summary = write_inspection(views, arguments.out)
    pages = summary["pages"]
    print(f"wrote {pages} page{'' if pages == 1 else 's'} and index.html to {arguments.out}")
    return 0


__all__ = ["build_parser", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
