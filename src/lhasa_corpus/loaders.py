"""Files, folders and manifests to pages and issues, lazily.

A corpus folder holds raw page files and, optionally, a ``manifest.csv``
with the columns ``file, paper, issue_date, page`` (empty cells where
unknown; ``file`` relative to the folder). Pages are parsed one at a time as
the iterator is consumed, the pages of a many-page file too; nothing holds
the whole corpus in memory.

What is read, and what is refused with one :class:`~lhasa_corpus.errors.InputError` each:

- *Regular files only.* A FIFO, device or socket is refused, never opened for
  reading, wherever it is named: on the command line, in a folder, in a manifest.
- *Bounded.* A file larger than :data:`MAX_FILE_BYTES` (or the limit given)
  is refused before it is read.
- *One link rule.* A file of a corpus folder, found in it or named by its
  manifest, may be a symbolic link only to a file inside the folder; a
  folder is walked without entering linked folders. A path given on the
  command line is read as given, links and all.
- *Names.* A file whose name is not UTF-8 is refused (its name could not be
  written to JSON or Parquet); messages show its bad bytes as ``\\xNN``.
- *Bad manifest rows* are reported and skipped; the other rows are read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

import attrs

from lhasa_corpus.articles import parse_page
from lhasa_corpus.chars import squeeze
from lhasa_corpus.errors import InputError, ManifestError, is_utf8, printable
from lhasa_corpus.ids import page_id_for
from lhasa_corpus.lines import decode, split_pages
from lhasa_corpus.models import Issue, Page

#: The manifest file a corpus folder may hold.
MANIFEST_NAME: Final = "manifest.csv"
#: Its columns, in order.
MANIFEST_COLUMNS: Final = ("file", "paper", "issue_date", "page")
#: The paper assumed when nothing names one.
DEFAULT_PAPER: Final = "拉萨日报"
#: Suffixes of raw page files in a folder without a manifest.
PAGE_SUFFIXES: Final = (".txt",)
#: The largest raw page file (or manifest) read, in bytes: far above any real
#: page, whose text is some tens of kilobytes, and low enough to keep a stray
#: disk image or log from filling the memory.
MAX_FILE_BYTES: Final = 64 * 2**20
_FILE_KINDS: Final = (
    (stat.S_ISREG, "file"),
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISLNK, "symbolic link"),
)

_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d{2})年")

ErrorHandler = Callable[[InputError], None]


@attrs.frozen(kw_only=True)
class ManifestEntry:
    """One row of a manifest: a raw page file and what is known about it."""

    path: Path
    name: str
    paper: str | None = None
    issue_date: dt.date | None = None
    page: int | None = None


def parse_text(
    text: str,
    *,
    paper: str | None = DEFAULT_PAPER,
    issue_date: dt.date | None = None,
    page: int | None = None,
    source_file: str | None = None,
    source_sha256: str | None = None,
    infer_date: bool = True,
) -> Page:
    """Parse one page of raw text.

    When *issue_date* is None and *infer_date* is true, the date is inferred
    with :func:`infer_issue_date` and the page is flagged ``issue_date_inferred``.
    The page ID is made from the date given, never from an inferred one, so
    that it does not change when the inference does.

    >>> page = parse_text("拉萨融媒讯（记者杨璐）2025年9月16日，对接会举行。")
    >>> page.issue_date, page.flags
    (datetime.date(2025, 9, 16), ('issue_date_inferred',))
    """
    flags: list[str] = []
    page_id = page_id_for(text, issue_date, page)
    if issue_date is None and infer_date:
        issue_date = infer_issue_date(text)
        if issue_date is not None:
            flags.append("issue_date_inferred")
    return parse_page(
        text,
        paper=paper,
        issue_date=issue_date,
        page=page,
        source_file=source_file,
        source_sha256=source_sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        page_flags=flags,
        page_id=page_id,
    )


def infer_issue_date(text: str) -> dt.date | None:
    """The earliest date the issue can have: the latest full date printed on the page.

    A date without a year (``9月16日``) takes the year printed most often on
    the page; with no year printed, nothing is inferred. A paper reports what
    has happened, so it cannot be older than the newest date it prints.

    >>> infer_issue_date("9月15日下午……2025年……9月 16日上午")
    datetime.date(2025, 9, 16)
    >>> infer_issue_date("9月16日上午") is None
    True
    """
    squeezed = squeeze(text)
    dates = []
    for year, month, day in _FULL_DATE.findall(squeezed):
        dates.append(_date_or_none(int(year), int(month), int(day)))
    years = [int(year) for year in _YEAR.findall(squeezed)]
    if years:
        common = max(set(years), key=lambda year: (years.count(year), year))
        for month, day in _MONTH_DAY.findall(squeezed):
            dates.append(_date_or_none(common, int(month), int(day)))
    found = [date for date in dates if date is not None]
    return max(found) if found else None


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def load_file(
    path: str | Path,
    *,
    paper: str | None = DEFAULT_PAPER,
    issue_date: dt.date | None = None,
    page: int | None = None,
    name: str | None = None,
    infer_date: bool = True,
    max_bytes: int = MAX_FILE_BYTES,
) -> Iterator[Page]:
    """The pages of one raw file: one page, or several separated by form feeds.

    Pages after the first are numbered on from *page*, and parsed one at a
    time as they are asked for. Raises :class:`~lhasa_corpus.errors.InputError`
    for a missing, unreadable, empty, binary or undecodable file, a FIFO,
    device or socket, a file larger than *max_bytes*, or a *name* that is not
    UTF-8 (see the module's docstring). Every such error is raised before the
    first page is yielded: a file gives all its pages or an error.
    """
    path = Path(path)
    name = name or str(path)
    shown = printable(name)
    if not is_utf8(name):
        raise InputError(shown, "the file name is not UTF-8; rename the file to use it")
    data = read_file_bytes(path, shown, max_bytes=max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    texts = split_pages(decode(data, shown))
    del data
    if not texts:
        raise InputError(shown, "the file holds only white space")
    texts.reverse()  # popped from the end, so that a page's text is let go once it is parsed
    number = page
    while texts:
        yield parse_text(
            texts.pop(),
            paper=paper,
            issue_date=issue_date,
            page=number,
            source_file=name,
            source_sha256=digest,
            infer_date=infer_date,
        )
        number = None if number is None else number + 1


def read_file_bytes(path: str | Path, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most *max_bytes*; errors name the file as *name*.

    A FIFO, device or socket is refused without being opened for reading (a
    FIFO would wait for a writer, ``/dev/zero`` never ends).

    >>> read_file_bytes("/dev/null", "/dev/null")
    Traceback (most recent call last):
    ...
    lhasa_corpus.errors.InputError: /dev/null: not a regular file (a character device)
    """
    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except (OSError, ValueError) as error:
        raise InputError(name, f"cannot be read ({_reason(error)})") from None
    _check_regular(status, name, max_bytes)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise InputError(name, f"cannot be read ({_reason(error)})") from None
    with os.fdopen(handle, "rb") as stream:
        _check_regular(os.fstat(handle), name, max_bytes)  # the same file the name named a moment ago
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise InputError(name, f"cannot be read ({_reason(error)})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"holds more than the {_size(max_bytes)} a file may hold")
    return data


def file_kind(mode: int) -> str:
    """What a file's mode says it is: ``file`` (a regular one), ``folder``, ``FIFO``, ``socket``, ….

    >>> file_kind(os.stat(".").st_mode), file_kind(stat.S_IFIFO)
    ('folder', 'FIFO')
    """
    return next((kind for test, kind in _FILE_KINDS if test(mode)), "special file")


def _check_regular(status: os.stat_result, name: str, max_bytes: int) -> None:
    kind = file_kind(status.st_mode)
    if kind == "folder":
        raise InputError(name, "a folder, not a file")
    if kind != "file":
        raise InputError(name, f"not a regular file (a {kind})")
    if status.st_size > max_bytes:
        raise InputError(
            name, f"is {_size(status.st_size)}, more than the {_size(max_bytes)} a file may hold"
        )


def _size(count: int) -> str:
    """A byte count for a message.

    >>> _size(64 * 2**20), _size(1_500), _size(12)
    ('64 MiB', '1.5 KiB', '12 bytes')
    """
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _reason(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def read_manifest(
    path: str | Path, *, on_error: ErrorHandler | None = None, max_bytes: int = MAX_FILE_BYTES
) -> list[ManifestEntry]:
    """Read and check a manifest; file paths are resolved against its folder.

    A row with a missing file name, a bad date or page number, or a file
    outside the folder gets a :class:`~lhasa_corpus.errors.ManifestError`
    naming the row: with *on_error*, it is reported there and the row
    skipped; without, it is raised. A manifest that cannot be read, or lacks
    a column, is raised either way.
    """
    entries = []
    for item in _manifest_items(Path(path), max_bytes):
        if isinstance(item, ManifestEntry):
            entries.append(item)
        else:
            report_error(item, on_error)
    return entries


def _manifest_items(path: Path, max_bytes: int) -> Iterator[ManifestEntry | ManifestError]:
    """The rows of a manifest as entries, and in place of each bad row its error.

    Raises :class:`~lhasa_corpus.errors.ManifestError` for a manifest that
    cannot be read at all. Cells may be quoted and hold line breaks; rows are
    named by the line they start on.
    """
    shown = printable(path)
    root = path.parent.resolve()
    try:
        text = read_file_bytes(path, shown, max_bytes=max_bytes).decode("utf-8-sig")
    except InputError as error:
        problem = "no such manifest" if error.problem == "no such file" else error.problem
        raise ManifestError(shown, problem) from None
    except UnicodeDecodeError as error:
        raise ManifestError(shown, f"not UTF-8 text (byte at offset {error.start})") from None
    rows = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = rows.fieldnames or ()
    except csv.Error as error:
        raise ManifestError(shown, f"not CSV ({error})", line=1) from None
    missing = [column for column in MANIFEST_COLUMNS if column not in columns]
    if missing:
        raise ManifestError(shown, f"missing columns {missing} (need {list(MANIFEST_COLUMNS)})", line=1)
    line = rows.line_num + 1
    while True:
        try:
            row = next(rows, None)
        except csv.Error as error:
            yield ManifestError(shown, f"not CSV ({error}); the rest of the manifest was skipped", line=line)
            return
        if row is None:
            break
        try:
            yield _manifest_entry(shown, root, line, row)
        except ManifestError as error:
            yield error
        line = rows.line_num + 1
    if line == 2:
        yield ManifestError(shown, "lists no page files")


def _manifest_entry(manifest: str, root: Path, line: int, row: dict[str | None, str | None]) -> ManifestEntry:
    def cell(column: str) -> str:
        value = row.get(column)
        return value.strip() if isinstance(value, str) else ""

    name = cell("file")
    if not name:
        raise ManifestError(manifest, "empty 'file' cell", line=line)
    try:
        resolved = (root / name).resolve()
    except (OSError, ValueError) as error:
        raise ManifestError(manifest, f"'file' is not a usable path ({_reason(error)})", line=line) from None
    if not resolved.is_relative_to(root):
        raise ManifestError(manifest, f"'{name}' points outside the corpus root {root}", line=line)
    issue_date = None
    if cell("issue_date"):
        try:
            issue_date = dt.date.fromisoformat(cell("issue_date"))
        except ValueError:
            raise ManifestError(
                manifest, f"'issue_date' must be YYYY-MM-DD (got {cell('issue_date')!r})", line=line
            ) from None
    page = None
    if cell("page"):
        if not cell("page").isdigit() or int(cell("page")) < 1:
            raise ManifestError(
                manifest, f"'page' must be a whole number >= 1 (got {cell('page')!r})", line=line
            )
        page = int(cell("page"))
    return ManifestEntry(
        path=resolved,
        name=Path(name).as_posix(),
        paper=cell("paper") or None,
        issue_date=issue_date,
        page=page,
    )


def corpus_entries(
    folder: str | Path, *, on_error: ErrorHandler | None = None, max_bytes: int = MAX_FILE_BYTES
) -> list[ManifestEntry]:
    """The entries of a corpus folder: its manifest, or else every ``.txt`` file in it, sorted.

    Bad manifest rows, links that lead out of the folder and a folder with
    nothing to read are reported to *on_error* (or raised without it), as
    :func:`read_manifest` does.
    """
    entries = []
    for item in _folder_items(Path(folder), max_bytes):
        if isinstance(item, ManifestEntry):
            entries.append(item)
        else:
            report_error(item, on_error)
    return entries


def _folder_items(folder: Path, max_bytes: int) -> Iterator[ManifestEntry | InputError]:
    """A corpus folder's entries, and in their place the errors of those that cannot be used."""
    manifest = folder / MANIFEST_NAME
    if os.path.lexists(manifest):
        try:
            yield from _manifest_items(manifest, max_bytes)
        except InputError as error:
            yield error
        return
    root = folder.resolve()
    unreadable: list[OSError] = []
    found = []
    for parent, _, names in os.walk(folder, onerror=unreadable.append):
        found += [Path(parent, name) for name in names if Path(name).suffix in PAGE_SUFFIXES]
    for problem in unreadable:
        yield InputError(printable(problem.filename or folder), f"cannot be read ({_reason(problem)})")
    if not found:
        yield InputError(printable(folder), f"holds no {MANIFEST_NAME} and no page files (*.txt)")
    for path in sorted(found):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            yield InputError(printable(name), "a symbolic link to a file outside the corpus folder")
        else:
            yield ManifestEntry(path=path, name=name, paper=DEFAULT_PAPER)


def walk_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[ManifestEntry | InputError]:
    """The manifest entries behind files, folders and manifests, in order; errors in place of bad ones.

    A folder gives its entries (:func:`corpus_entries`), a ``manifest.csv``
    its rows, and a raw file an entry of its own that loads as
    :func:`load_file` loads it. A folder or manifest that cannot be read, a
    bad row, a link out of a folder, a folder with nothing to read: each is
    an :class:`~lhasa_corpus.errors.InputError` at its place.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            yield from _folder_items(path, max_bytes)
        elif path.name == MANIFEST_NAME:
            try:
                yield from _manifest_items(path, max_bytes)
            except InputError as error:
                yield error
        else:
            yield ManifestEntry(path=path, name=str(path), paper=DEFAULT_PAPER)


def iter_pages(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Page]:
    """Pages from files and corpus folders, in the order given, parsed lazily.

    A folder is read through its manifest if it has one, and a path to a
    ``manifest.csv`` is read as one (:func:`walk_inputs`). With *on_error*, a
    file or manifest row that cannot be used is reported to it and skipped;
    without, the :class:`~lhasa_corpus.errors.InputError` is raised.
    """
    for item in walk_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            report_error(item, on_error)
        else:
            yield from iter_entries([item], on_error=on_error, max_bytes=max_bytes)


def iter_entries(
    entries: Iterable[ManifestEntry], *, on_error: ErrorHandler | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Page]:
    """Pages of manifest entries, in order, parsed lazily."""
    for entry in entries:
        pages = load_file(
            entry.path,
            paper=entry.paper or DEFAULT_PAPER,
            issue_date=entry.issue_date,
            page=entry.page,
            name=entry.name,
            max_bytes=max_bytes,
        )
        yield from _pages_or_error(pages, on_error)


def iter_issues(folder: str | Path, *, on_error: ErrorHandler | None = None) -> Iterator[Issue]:
    """The issues of a corpus folder, parsed lazily, one issue in memory at a time.

    Entries are sorted by paper, date and page; consecutive pages of one paper
    and (given or inferred) date form an issue. Bad rows and files are
    reported to *on_error* (or raised without it), as :func:`iter_pages` does.
    """
    entries = sorted(
        corpus_entries(folder, on_error=on_error),
        key=lambda entry: (
            entry.paper or "",
            entry.issue_date or dt.date.max,
            entry.page or 0,
            entry.name,
        ),
    )
    batch: list[Page] = []
    for page in iter_entries(entries, on_error=on_error):
        if batch and (batch[0].paper, batch[0].issue_date) != (page.paper, page.issue_date):
            yield Issue.from_pages(batch)
            batch = []
        batch.append(page)
    if batch:
        yield Issue.from_pages(batch)


def _pages_or_error(pages: Iterator[Page], on_error: ErrorHandler | None) -> Iterator[Page]:
    """The pages of one file as they are parsed, or none and the error reported.

    :func:`load_file` raises every error before its first page, so a file is
    still used whole or not at all, without holding all its pages at once.
    """
    try:
        first = next(pages)
    except StopIteration:
        return
    except InputError as error:
        report_error(error, on_error)
        return
    yield first
    yield from pages


def report_error(error: InputError, on_error: ErrorHandler | None) -> None:
    """Pass *error* to *on_error*, or raise it when there is no handler."""
    if on_error is None:
        raise error
    on_error(error)
