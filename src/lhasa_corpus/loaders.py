"""Files, folders and manifests to pages and issues, lazily.

A corpus folder holds raw page files and, optionally, a ``manifest.csv``
with the columns ``file, paper, issue_date, page`` (empty cells where
unknown; ``file`` relative to the folder). Pages are parsed one at a time as
the iterator is consumed; nothing holds the whole corpus in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

import attrs

from lhasa_corpus.articles import parse_page
from lhasa_corpus.errors import InputError, ManifestError
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
    flat = "".join(text.split())
    dates = []
    for year, month, day in _FULL_DATE.findall(flat):
        dates.append(_date_or_none(int(year), int(month), int(day)))
    years = [int(year) for year in _YEAR.findall(flat)]
    if years:
        common = max(set(years), key=lambda year: (years.count(year), year))
        for month, day in _MONTH_DAY.findall(flat):
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
) -> Iterator[Page]:
    """The pages of one raw file: one page, or several separated by form feeds.

    Pages after the first are numbered on from *page*. Raises
    :class:`~lhasa_corpus.errors.InputError` for a missing, unreadable, empty,
    binary or undecodable file.
    """
    path = Path(path)
    name = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "a folder, not a file") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    digest = hashlib.sha256(data).hexdigest()
    texts = split_pages(decode(data, name))
    if not texts:
        raise InputError(name, "the file holds only white space")
    for index, text in enumerate(texts):
        yield parse_text(
            text,
            paper=paper,
            issue_date=issue_date,
            page=None if page is None else page + index,
            source_file=name,
            source_sha256=digest,
            infer_date=infer_date,
        )


def read_manifest(path: str | Path) -> list[ManifestEntry]:
    """Read and check a manifest; file paths are resolved against its folder.

    Raises :class:`~lhasa_corpus.errors.ManifestError` naming the row for a
    missing column, a bad date or page number, or a file outside the folder.
    """
    path = Path(path)
    root = path.parent.resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(str(path), "no such manifest") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(str(path), f"cannot be read ({error})") from None
    rows = csv.DictReader(text.splitlines())
    missing = [column for column in MANIFEST_COLUMNS if column not in (rows.fieldnames or ())]
    if missing:
        raise ManifestError(str(path), f"missing columns {missing} (need {list(MANIFEST_COLUMNS)})", line=1)
    entries = []
    for line, row in enumerate(rows, start=2):
        entries.append(_manifest_entry(path, root, line, row))
    return entries


def _manifest_entry(manifest: Path, root: Path, line: int, row: dict[str, str | None]) -> ManifestEntry:
    def cell(column: str) -> str:
        return (row.get(column) or "").strip()

    name = cell("file")
    if not name:
        raise ManifestError(str(manifest), "empty 'file' cell", line=line)
    resolved = (root / name).resolve()
    if not resolved.is_relative_to(root):
        raise ManifestError(str(manifest), f"'{name}' points outside the corpus root {root}", line=line)
    issue_date = None
    if cell("issue_date"):
        try:
            issue_date = dt.date.fromisoformat(cell("issue_date"))
        except ValueError:
            raise ManifestError(
                str(manifest), f"'issue_date' must be YYYY-MM-DD (got {cell('issue_date')!r})", line=line
            ) from None
    page = None
    if cell("page"):
        if not cell("page").isdigit() or int(cell("page")) < 1:
            raise ManifestError(
                str(manifest), f"'page' must be a whole number >= 1 (got {cell('page')!r})", line=line
            )
        page = int(cell("page"))
    return ManifestEntry(
        path=resolved,
        name=Path(name).as_posix(),
        paper=cell("paper") or None,
        issue_date=issue_date,
        page=page,
    )


def corpus_entries(folder: str | Path) -> list[ManifestEntry]:
    """The entries of a corpus folder: its manifest, or else every ``.txt`` file in it, sorted."""
    folder = Path(folder)
    manifest = folder / MANIFEST_NAME
    if manifest.is_file():
        return read_manifest(manifest)
    files = sorted(path for path in folder.rglob("*") if path.suffix in PAGE_SUFFIXES and path.is_file())
    return [
        ManifestEntry(path=path, name=path.relative_to(folder).as_posix(), paper=DEFAULT_PAPER)
        for path in files
    ]


def iter_pages(paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None) -> Iterator[Page]:
    """Pages from files and corpus folders, in the order given, parsed lazily.

    A folder is read through its manifest if it has one, and a path to a
    ``manifest.csv`` is read as one. With *on_error*, a
    file that cannot be used is reported to it and skipped; without, the
    :class:`~lhasa_corpus.errors.InputError` is raised.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir() or path.name == MANIFEST_NAME:
            try:
                entries = corpus_entries(path) if path.is_dir() else read_manifest(path)
            except InputError as error:
                report_error(error, on_error)
                continue
            yield from iter_entries(entries, on_error=on_error)
        else:
            yield from _pages_or_error(load_file(path), on_error)


def iter_entries(entries: Iterable[ManifestEntry], *, on_error: ErrorHandler | None = None) -> Iterator[Page]:
    """Pages of manifest entries, in order, parsed lazily."""
    for entry in entries:
        pages = load_file(
            entry.path,
            paper=entry.paper or DEFAULT_PAPER,
            issue_date=entry.issue_date,
            page=entry.page,
            name=entry.name,
        )
        yield from _pages_or_error(pages, on_error)


def iter_issues(folder: str | Path, *, on_error: ErrorHandler | None = None) -> Iterator[Issue]:
    """The issues of a corpus folder, parsed lazily, one issue in memory at a time.

    Entries are sorted by paper, date and page; consecutive pages of one paper
    and (given or inferred) date form an issue.
    """
    entries = sorted(
        corpus_entries(folder),
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
    """The pages of one file, or none and the error reported: a file is used whole or not at all."""
    try:
        loaded = list(pages)
    except InputError as error:
        report_error(error, on_error)
        return
    yield from loaded


def report_error(error: InputError, on_error: ErrorHandler | None) -> None:
    """Pass *error* to *on_error*, or raise it when there is no handler."""
    if on_error is None:
        raise error
    on_error(error)
