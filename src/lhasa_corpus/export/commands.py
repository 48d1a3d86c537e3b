"""The ``build`` and ``export`` subcommands of ``lhasa-corpus``."""

from __future__ import annotations

import argparse
import functools
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final

from lhasa_corpus.cli import ErrorLog, add_jobs_option, add_max_file_size_option, at_least_one
from lhasa_corpus.errors import printable
from lhasa_corpus.export.build import BuildSummary, build_dataset, export_dataset
from lhasa_corpus.export.parquet import ParquetSettings
from lhasa_corpus.loaders import MAX_FILE_BYTES

#: Where ``build`` reads raw pages when given no path.
DEFAULT_RAW: Final = Path("data/raw")
#: Where ``build`` and ``export`` write the dataset folder by default.
DEFAULT_OUT: Final = Path("dataset")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``build`` and ``export`` subcommands to the command line's subparsers."""
    build = commands.add_parser(
        "build",
        help="parse raw pages and write the dataset folder (Parquet + dataset card)",
        description="Parse the raw pages a corpus folder's manifest.csv lists and write the dataset folder: "
        "articles/, pages/ and issues/ Parquet shards, README.md (the dataset card) and manifest.json. "
        "The new folder is written beside the old one and replaces it in one step.",
    )
    build.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[DEFAULT_RAW],
        metavar="PATH",
        help=f"raw page files or corpus folders (default: {DEFAULT_RAW})",
    )
    _add_output_options(build)
    add_jobs_option(build)
    add_max_file_size_option(build)
    build.set_defaults(run=_run_build)

    export = commands.add_parser(
        "export",
        help="write the dataset folder from `lhasa-corpus parse --pages` JSON Lines",
        description="Read page records (the JSON Lines of `lhasa-corpus parse --pages`) and write the same "
        "dataset folder `build` writes. Use - for stdin.",
    )
    export.add_argument("paths", nargs="+", metavar="JSONL", help="JSON Lines files of page records, or -")
    _add_output_options(export)
    export.set_defaults(run=_run_export, max_file_size=MAX_FILE_BYTES)


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"the dataset folder (default: {DEFAULT_OUT}); it must be new, empty or an earlier build's",
    )
    parser.add_argument(
        "--keep-other-files",
        action="store_true",
        help="build even if DIR holds entries lhasa-corpus did not write (such as .git); they are kept "
        "(only at the top of DIR, not inside articles/, pages/, issues/ or jsonl/)",
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="also write jsonl/articles.jsonl and jsonl/pages.jsonl"
    )
    parser.add_argument(
        "--shard-rows", type=at_least_one, default=None, metavar="N", help="at most N rows per Parquet shard"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")


def _run_build(arguments: argparse.Namespace, errors: ErrorLog) -> int:
    write = functools.partial(build_dataset, jobs=arguments.jobs, max_bytes=arguments.max_file_size)
    return _write(write, "build", arguments, errors)


def _run_export(arguments: argparse.Namespace, errors: ErrorLog) -> int:
    return _write(export_dataset, "export", arguments, errors)


def _write(
    write: Callable[..., BuildSummary], command: str, arguments: argparse.Namespace, errors: ErrorLog
) -> int:
    summary = write(
        arguments.paths,
        arguments.out,
        on_error=errors,
        settings=_settings(arguments),
        jsonl=arguments.jsonl,
        progress=None if arguments.quiet else sys.stderr,
        command=_command(command, arguments),
        keep_other_files=arguments.keep_other_files,
    )
    print(summary.describe(), flush=True)
    return errors.status(done=True)


def _settings(arguments: argparse.Namespace) -> ParquetSettings:
    return ParquetSettings(shard_rows=arguments.shard_rows)


def _command(name: str, arguments: argparse.Namespace) -> str:
    """The command for the dataset card: the options that change the files, not where they went.

    Paths are normalised (``./raw/`` is ``raw``; an absolute path inside the
    current folder is made relative to it), so the same build typed another
    way writes the same card.
    """
    words = ["lhasa-corpus", name, *(card_path(path) for path in arguments.paths)]
    if arguments.shard_rows is not None:
        words += ["--shard-rows", str(arguments.shard_rows)]
    if arguments.max_file_size != MAX_FILE_BYTES:
        words += ["--max-file-size", str(arguments.max_file_size)]
    return shlex.join(words)


def card_path(path: str | Path) -> str:
    """A path from the command line as the dataset card shows it: normalised, relative where it can be.

    >>> card_path("./data/raw/"), card_path("-"), card_path(Path.cwd() / "data" / "raw")
    ('data/raw', '-', 'data/raw')
    """
    text = os.fspath(path)
    if text == "-":
        return text
    normal = Path(os.path.normpath(text))
    if normal.is_absolute():
        with_cwd = Path.cwd()
        if normal.is_relative_to(with_cwd):
            normal = normal.relative_to(with_cwd)
    return printable(normal.as_posix())
