"""Check a built dataset folder against its own manifest and the promises of its tables.

:func:`verify_dataset` is what ``lhasa-corpus validate DATASET`` runs. It finds:

- *files*: a file ``manifest.json`` lists that is missing, not a regular file, or
  whose size or SHA-256 is not the one recorded; a file in ``articles/``,
  ``pages/``, ``issues/`` or ``jsonl/`` that the manifest does not list (a
  loader would read a stray shard as data);
- *tables*: a shard that is not Parquet, has another schema than its table's,
  or says it belongs to another table; row counts that differ from the
  manifest's, from the schema metadata's or from the build's summary;
- *rows*: pages out of their sort order or repeated; an article whose page is
  not in ``pages`` (or not where the order puts it); offsets (``char_start``,
  ``char_end``, spans, leftovers) outside the page's raw text or reversed; issue
  counts that do not add up to the pages and articles.

Every table is read a batch at a time, in one pass, so memory stays flat.
Each problem is one line; after :data:`MOST_PROBLEMS` the rest are only counted.
"""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lhasa_corpus.errors import printable
from lhasa_corpus.export._files import sha256_of
from lhasa_corpus.export._folder import MANIFEST_JSON, owned_files, read_own_manifest
from lhasa_corpus.export.hf import counted
from lhasa_corpus.export.parquet import METADATA_PREFIX
from lhasa_corpus.export.schema import TABLES, schema_for

#: Problems shown one per line; the rest are counted in one more line.
MOST_PROBLEMS: Final = 50
_BATCH_ROWS: Final = 4_096
#: The folders whose every file must be listed in the manifest.
_LISTED_FOLDERS: Final = (*TABLES, "jsonl")

_NOUNS: Final = {"articles": "article", "pages": "page", "issues": "issue"}

_PageKey = tuple[bool, dt.date, str]


@attrs.frozen(kw_only=True)
class DatasetReport:
    """What :func:`verify_dataset` found: the rows of each table, the files checked, the problems."""

    folder: str
    rows: dict[str, int]
    files: int
    problems: tuple[str, ...]
    #: Problems found beyond those listed.
    more: int = 0

    @property
    def valid(self) -> bool:
        """Whether nothing is wrong."""
        return not self.problems

    def describe(self) -> str:
        """One line when all is well; otherwise one line per problem, and a count."""
        if self.valid:
            counts = ", ".join(counted(self.rows.get(table, 0), noun) for table, noun in _NOUNS.items())
            files = counted(self.files, "file")
            return f"{self.folder}: valid ({counts}; {files} as manifest.json lists them)"
        lines = [f"{self.folder}: {problem}" for problem in self.problems]
        if self.more:
            lines.append(f"{self.folder}: … and {self.more:,} more problems")
        total = len(self.problems) + self.more
        lines.append(f"{self.folder}: not valid ({total:,} problem{'' if total == 1 else 's'})")
        return "\n".join(lines)

    def as_record(self) -> dict[str, Any]:
        """The report as a record of JSON types."""
        return {
            "dataset": self.folder,
            "valid": self.valid,
            "rows": self.rows,
            "files": self.files,
            "problems": list(self.problems),
            "more_problems": self.more,
        }


def is_dataset_folder(path: str | Path) -> bool:
    """Whether *path* is a folder a build wrote (its ``manifest.json`` is ours), not a corpus of raw pages."""
    path = Path(path)
    return path.is_dir() and not (path / "manifest.csv").exists() and read_own_manifest(path) is not None


def verify_dataset(folder: str | Path) -> DatasetReport:
    """Check the dataset folder *folder*; see the module's docstring for what is checked."""
    root = Path(folder)
    found = _Problems()
    manifest = read_own_manifest(root)
    if manifest is None:
        found.add(f"{MANIFEST_JSON} is missing, unreadable or not written by lhasa_corpus")
        return found.report(printable(folder), {}, 0)
    expected = owned_files(manifest)
    checked = _check_files(root, manifest, expected, found)
    rows, readable = _check_tables(root, manifest, checked, found)
    if readable:
        _check_rows(root, manifest, found)
    return found.report(printable(folder), rows, len(expected))


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.more = 0

    def add(self, problem: str) -> None:
        if len(self.items) < MOST_PROBLEMS:
            self.items.append(problem)
        else:
            self.more += 1

    def report(self, folder: str, rows: dict[str, int], files: int) -> DatasetReport:
        return DatasetReport(
            folder=folder, rows=rows, files=files, problems=tuple(self.items), more=self.more
        )


def _check_files(
    root: Path, manifest: dict[str, Any], expected: dict[str, tuple[int | None, str | None]], found: _Problems
) -> set[str]:
    """Check every listed file's kind, size and SHA-256; returns those that passed."""
    hashes = {
        str(shard["path"]): str(shard.get("sha256"))
        for table in manifest.get("tables", {}).values()
        for shard in table.get("files", ())
    }
    passed = set()
    for name, (size, sha256) in expected.items():
        if name == MANIFEST_JSON:
            continue
        path = root / name
        try:
            status = path.lstat()
        except OSError:
            found.add(f"{name}: missing (manifest.json lists it)")
            continue
        if not stat.S_ISREG(status.st_mode):
            found.add(f"{name}: not a regular file")
        elif size is not None and status.st_size != size:
            found.add(f"{name}: {status.st_size:,} bytes, manifest.json says {size:,}")
        elif sha256_of(path) != (sha256 or hashes.get(name)):
            found.add(f"{name}: its SHA-256 is not the one manifest.json records (changed after the build)")
        else:
            passed.add(name)
    for folder in _LISTED_FOLDERS:
        if (root / folder).is_dir():
            for path in sorted((root / folder).rglob("*")):
                name = path.relative_to(root).as_posix()
                if name not in expected and not path.is_dir():
                    found.add(f"{printable(name)}: not listed in manifest.json (a loader would read it)")
    return passed


def _check_tables(
    root: Path, manifest: dict[str, Any], passed: set[str], found: _Problems
) -> tuple[dict[str, int], bool]:
    """Check each table's shards: Parquet, the table's schema, and row counts that agree.

    Returns the rows of each table, and whether every shard is intact and can be
    read as its table, so that its rows can be checked.
    """
    rows: dict[str, int] = {}
    readable = True
    tables = manifest.get("tables", {})
    for table in TABLES:
        listed = [str(shard["path"]) for shard in tables.get(table, {}).get("files", ())]
        if not listed:
            found.add(f"manifest.json lists no shard of the '{table}' table")
        if not listed or not all(name in passed for name in listed):
            readable = False
            continue
        total = 0
        for name in listed:
            try:
                parquet = pq.ParquetFile(root / name)
                schema = parquet.schema_arrow
            except (OSError, pa.ArrowException) as error:
                found.add(f"{name}: not a readable Parquet file ({_first_line(error)})")
                readable = False
                continue
            if not schema.equals(schema_for(table), check_metadata=False):
                found.add(f"{name}: its schema is not the '{table}' table's")
                readable = False
            metadata = {key.decode(): value.decode() for key, value in (schema.metadata or {}).items()}
            named = metadata.get(f"{METADATA_PREFIX}table")
            if named != table:
                found.add(f"{name}: its metadata names another table ({named!r})")
            recorded = metadata.get(f"{METADATA_PREFIX}rows")
            if recorded != str(tables[table].get("rows")):
                found.add(
                    f"{name}: its metadata says {recorded} rows, manifest.json {tables[table].get('rows')}"
                )
            total += parquet.metadata.num_rows
        rows[table] = total
        if total != tables[table].get("rows"):
            found.add(
                f"{table}: {total:,} rows in the shards, manifest.json says {tables[table].get('rows')}"
            )
        summary = manifest.get("summary", {})
        if table in summary and summary[table] != total:
            found.add(f"{table}: {total:,} rows, the build's summary says {summary[table]}")
    return rows, readable


def _check_rows(root: Path, manifest: dict[str, Any], found: _Problems) -> None:
    """One pass over the rows: page order, every article's page, offsets inside the raw text, issue counts."""
    tables = manifest["tables"]
    pages = _PageCursor(
        _batches(root, tables["pages"], ["page_id", "issue_date", "raw_text", "leftovers"]), found
    )
    columns = ["article_id", "page_id", "issue_date", "char_start", "char_end", "spans"]
    for batch in _batches(root, tables["articles"], columns):
        lengths = []
        for article_id, page_id, date in zip(
            batch["article_id"].to_pylist(),
            batch["page_id"].to_pylist(),
            batch["issue_date"].to_pylist(),
            strict=True,
        ):
            length = pages.length_of((date is None, date or dt.date.min, page_id))
            if length is None:
                found.add(
                    f"article {article_id!r}: its page {page_id!r} is not in 'pages' (or not in its order)"
                )
            lengths.append(length)
        _check_offsets(batch, lengths, found)
    pages.finish()
    page_count = article_count = 0
    for batch in _batches(root, tables["issues"], ["page_count", "article_count"]):
        page_count += int(pc.sum(batch["page_count"]).as_py() or 0)
        article_count += int(pc.sum(batch["article_count"]).as_py() or 0)
    if (page_count, article_count) != (tables["pages"]["rows"], tables["articles"]["rows"]):
        found.add(
            f"issues: count {page_count:,} pages and {article_count:,} articles, "
            f"the tables hold {tables['pages']['rows']:,} and {tables['articles']['rows']:,}"
        )


class _PageCursor:
    """Walks the pages in order, checking it, while the articles (in the same order) ask for their page."""

    def __init__(self, batches: Iterator[pa.RecordBatch], found: _Problems) -> None:
        self.found = found
        self.rows = self._rows(batches)
        self.current: tuple[_PageKey, int] | None = None
        self.previous: _PageKey | None = None
        self._advance()

    def _rows(self, batches: Iterator[pa.RecordBatch]) -> Iterator[tuple[_PageKey, int]]:
        for batch in batches:
            lengths = pc.utf8_length(batch["raw_text"]).to_pylist()
            self._check_leftovers(batch, lengths)
            for page_id, date, length in zip(
                batch["page_id"].to_pylist(), batch["issue_date"].to_pylist(), lengths, strict=True
            ):
                yield (date is None, date or dt.date.min, page_id), length or 0

    def _check_leftovers(self, batch: pa.RecordBatch, lengths: list[int | None]) -> None:
        bad = _bad_spans(batch["leftovers"], lengths)
        for index in bad:
            self.found.add(
                f"page {batch['page_id'][index].as_py()!r}: a leftover's offsets are outside its raw text"
            )

    def _advance(self) -> None:
        self.current = next(self.rows, None)
        if self.current is not None:
            key = self.current[0]
            if self.previous is not None and key <= self.previous:
                what = "repeats a page" if key == self.previous else "is out of the pages' order"
                self.found.add(f"page {key[2]!r} {what}")
            self.previous = key

    def length_of(self, key: _PageKey) -> int | None:
        """The raw text length of the page with *key*, moving on to it; None if it is not next in order."""
        while self.current is not None and self.current[0] < key:
            self._advance()
        if self.current is not None and self.current[0] == key:
            return self.current[1]
        return None

    def finish(self) -> None:
        """Walk the pages no article asked for, to check their order too."""
        while self.current is not None:
            self._advance()


def _check_offsets(batch: pa.RecordBatch, lengths: list[int | None], found: _Problems) -> None:
    starts, ends = batch["char_start"].to_pylist(), batch["char_end"].to_pylist()
    for index, (start, end, length) in enumerate(zip(starts, ends, lengths, strict=True)):
        if length is not None and start is not None and end is not None and not 0 <= start <= end <= length:
            article = batch["article_id"][index].as_py()
            found.add(f"article {article!r}: char_start/char_end outside its page's raw text")
    for index in _bad_spans(batch["spans"], lengths):
        article = batch["article_id"][index].as_py()
        found.add(f"article {article!r}: a span's offsets are outside its page's raw text")


def _bad_spans(column: pa.Array, lengths: list[int | None]) -> list[int]:
    """The rows of a list<struct<start, end>> column with an item not inside ``[0, length]`` or reversed."""
    items = pc.list_flatten(column)
    if not len(items):
        return []
    rows = pc.list_parent_indices(column)
    limits = pc.take(pa.array([-1 if length is None else length for length in lengths], pa.int64()), rows)
    starts, ends = items.field("start"), items.field("end")
    bad = pc.or_kleene(
        pc.or_kleene(pc.less(starts, 0), pc.greater(starts, ends)),
        pc.and_kleene(pc.greater_equal(limits, 0), pc.greater(ends, limits)),
    )
    indices = pc.filter(rows, pc.fill_null(bad, True))
    return sorted(set(indices.to_pylist()))


def _batches(root: Path, table: dict[str, Any], columns: list[str]) -> Iterator[pa.RecordBatch]:
    for shard in table["files"]:
        yield from pq.ParquetFile(root / shard["path"]).iter_batches(batch_size=_BATCH_ROWS, columns=columns)


def _first_line(error: Exception) -> str:
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__
