"""Parquet tables of pages, articles and issues: sorted, streamed, atomic and reproducible.

:func:`write_parquet` writes a dataset folder laid out as the Hugging Face Hub
names Parquet shards::

    articles/train-00000-of-00001.parquet
    pages/train-00000-of-00001.parquet
    issues/train-00000-of-00001.parquet

- *Sorted.* Pages by issue date (unknown dates last), then page ID; articles
  in their page's order, then by position, which is the order of their
  article IDs (``<page ID>-NN``); issues by date, then paper.
- *Streamed.* Each page is turned into Arrow rows as soon as it is parsed and
  spilled to a temporary Arrow IPC file (in runs of up to
  :data:`SPILL_RUN_PAGES` pages); only a small sort key per page stays in
  memory. The spill is then read back in sorted order, one row group at a
  time, so the peak memory is set by the row-group size, not the page count.
- *Row groups* hold at most :data:`ROW_GROUP_ROWS` rows or about
  :data:`ROW_GROUP_BYTES` of uncompressed data, whichever comes first: large
  enough for DuckDB, Polars or Spark to scan efficiently, small enough to
  skip by statistics and to read in parallel. A shard holds about
  :data:`SHARD_BYTES` of uncompressed data (zstd makes it a third or less).
- *Provenance* is in each file's schema metadata under ``lhasa_corpus.*``
  keys: library and schema version, table, row count, sort order, the
  source files with their SHA-256, and the writer settings.
- *Atomic.* The tables and a ``manifest.json`` listing them are written into
  a stage folder beside the dataset folder, which then replaces it in one
  step (:mod:`._folder`): a crash leaves the old folder or the new one, whole.
- *Reproducible.* No timestamps or random names reach the files, so the same
  pages and settings give byte-identical files.

:func:`read_parquet` gives the pages back, with their articles, as the same
attrs objects; :func:`read_articles` and :func:`read_issues` read the other
tables.
"""

from __future__ import annotations

import array
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from lhasa_corpus import __version__
from lhasa_corpus.errors import InputError
from lhasa_corpus.export._files import TEMP_PREFIX, sha256_of
from lhasa_corpus.export._folder import MANIFEST_JSON, replacing
from lhasa_corpus.export.schema import SCHEMA_VERSION, TABLES, schema_for
from lhasa_corpus.models import Article, Issue, Page
from lhasa_corpus.records import Record, article_from_record, article_record, page_from_record, page_record

#: Most rows in one row group.
ROW_GROUP_ROWS: Final = 50_000
#: A row group is closed once it holds this much uncompressed Arrow data.
ROW_GROUP_BYTES: Final = 32 * 2**20
#: A shard is closed once it holds this much uncompressed Arrow data.
SHARD_BYTES: Final = 512 * 2**20
#: The zstd level: text compresses well and the files are written once, read often.
COMPRESSION_LEVEL: Final = 9
#: The prefix of every key this library puts in the schema metadata.
METADATA_PREFIX: Final = "lhasa_corpus."
#: How a shard is named inside its table's folder, as the Hugging Face Hub names them.
SHARD_NAME: Final = "train-{index:05d}-of-{count:05d}.parquet"

_SORT_ORDER: Final = {
    "articles": ("issue_date", "page_id", "position"),
    "pages": ("issue_date", "page_id"),
    "issues": ("issue_date", "paper"),
}
_READ_BATCH_ROWS: Final = 1_024
#: Most pages whose rows are spilled as one Arrow batch.
SPILL_RUN_PAGES: Final = 64
#: Spilled batches kept decoded while the sorted output is written: runs of
#: this many interleaved sorted inputs are read without reading a batch twice.
_CACHED_RUNS: Final = 8
#: Page slices a row group keeps apart before they are copied into one batch: a
#: slice holds its whole spilled batch, and thousands of small pages' slices
#: would hold every batch of the table.
_COALESCE_SLICES: Final = 64
#: Rows of the blocks a row group is kept in: a multiple of the 1,024 rows the
#: Parquet writer encodes at a time (its write_batch_size), see :class:`_RowGroup`.
_BLOCK_ROWS: Final = 8 * 1_024
#: The folder, inside the stage, of the spill files (removed before the switch).
SPILL_FOLDER: Final = f"{TEMP_PREFIX}spill"

SortKey = tuple[Any, ...]


def _at_least_one(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise ValueError(f"'{attribute.name}' must be >= 1 (got {value})")


def _zstd_level(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 22:
        raise ValueError(f"'{attribute.name}' must be between 1 and 22 (got {value})")


@attrs.frozen(kw_only=True)
class ParquetSettings:
    """How the Parquet files are cut and compressed; recorded in their metadata.

    *shard_rows* caps the rows of a shard as well as its size (None: size only);
    it is there to cut small test data into several shards.
    """

    row_group_rows: int = attrs.field(default=ROW_GROUP_ROWS, validator=_at_least_one)
    row_group_bytes: int = attrs.field(default=ROW_GROUP_BYTES, validator=_at_least_one)
    shard_rows: int | None = attrs.field(default=None, validator=_at_least_one)
    shard_bytes: int = attrs.field(default=SHARD_BYTES, validator=_at_least_one)
    compression_level: int = attrs.field(default=COMPRESSION_LEVEL, validator=_zstd_level)

    def as_record(self) -> Record:
        """The settings as a record of JSON types, compression included."""
        return {"compression": "zstd", **attrs.asdict(self)}


@attrs.frozen(kw_only=True)
class TableFiles:
    """The shards of one table: paths relative to the dataset folder, in order."""

    table: str
    rows: int
    files: tuple[str, ...]


@attrs.frozen(kw_only=True)
class ParquetDataset:
    """What :func:`write_parquet` wrote: the folder, its tables and where the data came from."""

    folder: Path
    tables: tuple[TableFiles, ...]
    sources: tuple[tuple[str | None, str | None], ...]
    settings: ParquetSettings

    def table(self, name: str) -> TableFiles:
        """The files of one table."""
        schema_for(name)
        return next(table for table in self.tables if table.table == name)


def write_parquet(
    pages: Iterable[Page | PageRows],
    folder: str | Path,
    *,
    settings: ParquetSettings | None = None,
    keep_other_files: bool = False,
) -> ParquetDataset:
    """Write the ``articles``, ``pages`` and ``issues`` tables of *pages* and a ``manifest.json`` as *folder*.

    A page may come as a :class:`PageRows` (:func:`page_rows`) made elsewhere;
    the files are the same.

    *pages* is consumed once, lazily; memory stays flat however many there
    are (a small sort key per page is all that is kept). The folder is
    replaced as one unit, and only if it holds nothing but what an earlier
    write put there (or, with *keep_other_files*, other entries at its top,
    which are kept): see :mod:`lhasa_corpus.export._folder`. Raises
    :class:`~lhasa_corpus.errors.OutputError` for a folder that may not be
    replaced, and :class:`ValueError` for two pages with one page ID or an
    article whose page ID or date is not its page's; either way *folder* is
    left as it was.
    """
    with replacing(folder, keep_other_files=keep_other_files) as stage:
        written = write_tables(pages, stage, settings=settings)
        write_manifest(stage, tables_manifest(written))
    return attrs.evolve(written, folder=Path(folder))


def write_tables(
    pages: Iterable[Page | PageRows], folder: Path, *, settings: ParquetSettings | None = None
) -> ParquetDataset:
    """Write the three tables into *folder*, a new folder nobody else sees yet (a stage).

    Nothing is swapped or replaced here: :func:`write_parquet` and the dataset
    builder call this inside a stage that then replaces the dataset folder whole.
    """
    settings = settings or ParquetSettings()
    spill = folder / SPILL_FOLDER
    spill.mkdir()
    writers = {name: _TableWriter(name, spill) for name in TABLES}
    try:
        sources: set[tuple[str | None, str | None]] = set()
        for name, key, rows in _rows(pages, sources):
            writers[name].add(rows, key)
        source_list = tuple(sorted(sources, key=_source_order))
        del sources
        sources_json = _sources_json(source_list)
        written = tuple(
            writer.write(folder / name, _metadata(name, writer.rows, sources_json, settings), settings)
            for name, writer in writers.items()
        )
    finally:
        for writer in writers.values():
            writer.close()
            writer.remove()
    spill.rmdir()
    return ParquetDataset(folder=folder, tables=written, sources=source_list, settings=settings)


def tables_manifest(written: ParquetDataset) -> dict[str, Any]:
    """The ``manifest.json`` of tables just written: every shard with its rows, bytes and SHA-256.

    :func:`~lhasa_corpus.export.build.write_dataset` adds the card, the JSON
    Lines and the build's summary to it. The keys are in the order they are written.
    """
    tables = {}
    for table in written.tables:
        shards = []
        for name in table.files:
            path = written.folder / name
            shards.append({"path": name, "bytes": path.stat().st_size, "sha256": sha256_of(path)})
        tables[table.table] = {"rows": table.rows, "files": shards}
    return {
        "name": "lhasa_corpus",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "tables": tables,
        "files": {},
        "sources": [{"file": file, "sha256": sha256} for file, sha256 in written.sources],
        "settings": written.settings.as_record(),
    }


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write *manifest* as ``manifest.json`` in *folder* (a stage: no temporary file is needed).

    Written as it is encoded, without the whole text in memory at once.
    """
    with (folder / MANIFEST_JSON).open("w", encoding="utf-8", newline="\n") as stream:
        json.dump(manifest, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def to_arrow(pages: Iterable[Page], table: str = "articles") -> pa.Table:
    """One table of *pages* in memory, sorted and typed as :func:`write_parquet` writes it.

    For a few pages; for many, write Parquet and read it with a scanning engine.
    """
    schema = schema_for(table)
    keyed = [
        (key, index, rows) for index, (name, key, rows) in enumerate(_rows(pages, set())) if name == table
    ]
    keyed.sort(key=lambda item: item[:2])
    return pa.Table.from_pylist([row for _, _, rows in keyed for row in rows], schema=schema)


def table_files(folder: str | Path, table: str) -> list[Path]:
    """The shards of one table in a dataset folder, in order.

    Raises :class:`~lhasa_corpus.errors.InputError` when there are none.
    """
    schema_for(table)
    files = sorted((Path(folder) / table).glob("train-*.parquet"))
    if not files:
        raise InputError(str(folder), f"no {table}/train-*.parquet shards (not a dataset folder?)")
    return files


def read_table(folder: str | Path, table: str, *, columns: list[str] | None = None) -> pa.Table:
    """One whole table (or some of its columns) as Arrow, cast to its schema."""
    schema = schema_for(table)
    if columns is not None:
        schema = pa.schema([schema.field(name) for name in columns])
    parts = [pq.read_table(path, columns=columns).cast(schema) for path in table_files(folder, table)]
    return pa.concat_tables(parts)


def read_articles(folder: str | Path) -> Iterator[Article]:
    """The articles of a dataset folder, in order, read a batch at a time."""
    for record in _records(folder, "articles"):
        yield article_from_record(record)


def read_parquet(folder: str | Path) -> Iterator[Page]:
    """The pages of a dataset folder with their articles and leftovers, in order.

    Both tables are read a batch at a time and joined as they stream, which
    works because :func:`write_parquet` writes articles in their pages' order.
    Raises :class:`ValueError` for articles whose page is missing or out of order.
    """
    articles = _records(folder, "articles")
    pending = next(articles, None)
    for record in _records(folder, "pages"):
        own: list[Article] = []
        while pending is not None and pending["page_id"] == record["page_id"]:
            own.append(article_from_record(pending))
            pending = next(articles, None)
        yield page_from_record(record, articles=tuple(own))
    if pending is not None:
        raise ValueError(
            f"'articles' must follow the pages' order (got {pending['article_id']!r} after the last page)"
        )


def read_issues(folder: str | Path) -> Iterator[Issue]:
    """The issues of a dataset folder, built from its pages, one date in memory at a time."""
    batch: list[Page] = []
    for page in read_parquet(folder):
        if batch and batch[0].issue_date != page.issue_date:
            yield from _issues_of_one_date(batch)
            batch = []
        batch.append(page)
    yield from _issues_of_one_date(batch)


def read_metadata(path: str | Path) -> dict[str, str]:
    """The ``lhasa_corpus.*`` keys of a Parquet file's schema metadata, prefix removed."""
    metadata = pq.read_schema(path).metadata or {}
    prefix = METADATA_PREFIX.encode()
    return {
        key[len(prefix) :].decode(): value.decode()
        for key, value in metadata.items()
        if key.startswith(prefix)
    }


def _issues_of_one_date(pages: list[Page]) -> Iterator[Issue]:
    papers: dict[str | None, list[Page]] = {}
    for page in pages:
        papers.setdefault(page.paper, []).append(page)
    for paper in sorted(papers, key=lambda name: (name is None, name or "")):
        yield Issue.from_pages(papers[paper])


def _records(folder: str | Path, table: str) -> Iterator[Record]:
    schema = schema_for(table)
    for path in table_files(folder, table):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_READ_BATCH_ROWS):
            yield from pa.Table.from_batches([batch]).cast(schema).to_pylist()


@attrs.frozen(kw_only=True)
class PageRows:
    """One page as the writer needs it: its rows as Arrow batches, and what a build counts.

    :func:`page_rows` makes it where the page was parsed (the worker processes
    of ``build --jobs``), so that the process writing the files only spills
    batches. It pickles as Arrow data, cheaper than the page's objects.
    """

    page_id: str
    paper: str | None
    issue_date: dt.date | None
    page: int | None
    source_file: str | None
    source_sha256: str | None
    article_count: int
    has_leftovers: bool
    #: :attr:`Page.all_flags <lhasa_corpus.models.Page.all_flags>`.
    flags: tuple[str, ...]
    #: The page's row of the ``pages`` table and its rows of the ``articles`` table.
    pages: pa.RecordBatch
    articles: pa.RecordBatch

    def __reduce__(self) -> tuple[Any, ...]:
        # Arrow pickles a batch with its schema as Python objects; its IPC
        # stream is read back in a quarter of the time.
        counts = {field.name: getattr(self, field.name) for field in attrs.fields(PageRows)}
        batches = (_ipc_bytes(counts.pop("pages")), _ipc_bytes(counts.pop("articles")))
        return _page_rows_from_ipc, (counts, *batches)


def _ipc_bytes(batch: pa.RecordBatch) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return bytes(sink.getvalue().to_pybytes())


def _page_rows_from_ipc(counts: dict[str, Any], pages: bytes, articles: bytes) -> PageRows:
    read = [pa.ipc.open_stream(data).read_next_batch() for data in (pages, articles)]
    return PageRows(**counts, pages=read[0], articles=read[1])


def page_rows(page: Page) -> PageRows:
    """The rows *page* adds to each table, checked as :func:`write_parquet` checks them.

    >>> from lhasa_corpus import parse_text
    >>> rows = page_rows(parse_text("拉萨融媒讯（记者杨璐）对接会举行。"))
    >>> rows.article_count, rows.articles.num_rows, rows.pages.column("paper").to_pylist()
    (1, 1, ['拉萨日报'])
    """
    articles = _in_position(page)
    return PageRows(
        page_id=page.page_id,
        paper=page.paper,
        issue_date=page.issue_date,
        page=page.page,
        source_file=page.source_file,
        source_sha256=page.source_sha256,
        article_count=len(articles),
        has_leftovers=bool(page.leftovers),
        flags=page.all_flags,
        pages=_batch("pages", [_page_row(page)]),
        articles=_batch("articles", [_article_row(article) for article in articles]),
    )


def _batch(table: str, rows: list[Record]) -> pa.RecordBatch:
    """*rows* as a batch of *table*: one conversion to a struct array, the fastest way."""
    return pa.RecordBatch.from_struct_array(pa.array(rows, type=_row_type(table)))


@functools.cache
def _row_type(table: str) -> pa.StructType:
    return pa.struct(list(schema_for(table)))


def _rows(
    pages: Iterable[Page | PageRows], sources: set[tuple[str | None, str | None]]
) -> Iterator[tuple[str, SortKey, list[Record] | pa.RecordBatch]]:
    """The rows of every table with their sort keys; the issues come after the last page."""
    seen: set[str] = set()
    issues: dict[SortKey, list[tuple[int | None, str, int]]] = {}
    for page in pages:
        if page.page_id in seen:
            raise ValueError(f"'page_id' must be unique (got {page.page_id!r} twice)")
        seen.add(page.page_id)
        sources.add((page.source_file, page.source_sha256))
        key = (*_date_key(page.issue_date), page.page_id)
        if isinstance(page, PageRows):
            yield "pages", key, page.pages
            yield "articles", key, page.articles
            article_count = page.article_count
        else:
            yield "pages", key, [_page_row(page)]
            yield "articles", key, [_article_row(article) for article in _in_position(page)]
            article_count = len(page.articles)
        issue_key = (*_date_key(page.issue_date), page.paper is None, page.paper or "")
        issues.setdefault(issue_key, []).append((page.page, page.page_id, article_count))
    for issue_key, members in issues.items():
        yield "issues", issue_key, [_issue_row(issue_key, members)]


def _date_key(date: dt.date | None) -> tuple[bool, dt.date]:
    return (date is None, date or dt.date.min)


def _in_position(page: Page) -> list[Article]:
    for article in page.articles:
        if article.page_id != page.page_id:
            raise ValueError(
                f"'page_id' of article {article.article_id!r} must be its page's "
                f"{page.page_id!r} (got {article.page_id!r})"
            )
        if article.issue_date != page.issue_date:
            raise ValueError(
                f"'issue_date' of article {article.article_id!r} must be its page's "
                f"{page.issue_date} (got {article.issue_date})"
            )
    return sorted(page.articles, key=lambda article: article.position)


def _article_row(article: Article) -> Record:
    return article_record(article) | {"issue_date": article.issue_date}


def _page_row(page: Page) -> Record:
    return page_record(page, with_articles=False) | {"issue_date": page.issue_date}


def _issue_row(key: SortKey, members: list[tuple[int | None, str, int]]) -> Record:
    unknown_date, date, unknown_paper, paper = key
    members.sort(key=lambda member: (member[0] is None, member[0] or 0, member[1]))
    return {
        "paper": None if unknown_paper else paper,
        "issue_date": None if unknown_date else date,
        "page_count": len(members),
        "article_count": sum(member[2] for member in members),
        "page_ids": [member[1] for member in members],
        "page_numbers": [member[0] for member in members],
    }


def _source_order(source: tuple[str | None, str | None]) -> tuple[tuple[bool, str], ...]:
    """Sort key of a (file, sha256) pair.

    None and "" must not tie: on a tie the order would be the set's, which
    varies with the hash seed.
    """
    return tuple((part is not None, part or "") for part in source)


def _sources_json(sources: tuple[tuple[str | None, str | None], ...]) -> str:
    """The source list as compact JSON, made one item at a time (a list of dicts costs far more).

    The same text as ``json.dumps`` of the list of ``{"file", "sha256"}`` objects.

    >>> _sources_json((("p1.txt", "ab"), (None, None)))
    '[{"file":"p1.txt","sha256":"ab"},{"file":null,"sha256":null}]'
    """
    items = (
        json.dumps({"file": file, "sha256": sha256}, ensure_ascii=False, separators=(",", ":"))
        for file, sha256 in sources
    )
    return "[" + ",".join(items) + "]"


def _metadata(table: str, rows: int, sources_json: str, settings: ParquetSettings) -> dict[str, str]:
    values = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "table": table,
        "rows": str(rows),
        "sort": ", ".join(_SORT_ORDER[table]) + " (unknown dates last)",
        "sources": sources_json,
        "sources_sha256": hashlib.sha256(sources_json.encode("utf-8")).hexdigest(),
        "settings": json.dumps(settings.as_record(), sort_keys=True, separators=(",", ":")),
    }
    return {f"{METADATA_PREFIX}{key}": value for key, value in values.items()}


def _write_row_group(writer: pq.ParquetWriter, table: pa.Table) -> None:
    """Write one row group (a seam for tests that inject a failure)."""
    writer.write_table(table, row_group_size=table.num_rows)


class _TableWriter:
    """Spills one table's rows as they come, then writes them sorted into shards.

    Rows are spilled in runs: the rows of consecutive pages whose sort keys
    rise, up to :data:`SPILL_RUN_PAGES` pages, make one Arrow batch (one
    conversion per page costs more); a page's rows that come as a batch are
    spilled as they are. Writing reads the spill back page by page in sorted
    order, as slices of those batches; input that comes sorted, as a manifest
    usually is, reads each batch once.
    """

    def __init__(self, table: str, spill: Path) -> None:
        self.table = table
        self.schema = schema_for(table)
        self.rows = 0
        self._spill = spill / f"{table}.arrow"
        self._sink = pa.OSFile(str(self._spill), "wb")
        self._ipc = pa.ipc.new_file(self._sink, self.schema)
        #: Per page, in the order they came: its sort key (shared with the other
        #: tables' writers), and its batch, first row there and row count, three
        #: numbers a page in a flat array: a tuple per page would cost ten times more.
        self._keys: list[SortKey] = []
        self._places = array.array("q")
        self._run: list[Record] = []
        self._run_pages = 0
        self._batches = 0
        self._open = True

    def add(self, rows: list[Record] | pa.RecordBatch, key: SortKey) -> None:
        """Spill *rows*, to be written at the place of *key* in the sort order.

        Rows already made into a batch (:class:`PageRows`) are spilled as they are.
        """
        count = len(rows)
        if not count:
            return
        if isinstance(rows, pa.RecordBatch):
            if self._run:
                self._spill_run()
            self._keys.append(key)
            self._places.extend((self._batches, 0, count))
            self._write_batch(rows)
        else:
            if self._run and (self._run_pages >= SPILL_RUN_PAGES or key < self._keys[-1]):
                self._spill_run()
            self._keys.append(key)
            self._places.extend((self._batches, len(self._run), count))
            self._run.extend(rows)
            self._run_pages += 1
        self.rows += count

    def _spill_run(self) -> None:
        self._write_batch(_batch(self.table, self._run))
        self._run = []
        self._run_pages = 0

    def _write_batch(self, batch: pa.RecordBatch) -> None:
        self._ipc.write_batch(batch)
        self._batches += 1

    def close(self) -> None:
        """Close the spill file (idempotent)."""
        if self._open:
            self._open = False
            self._ipc.close()
            self._sink.close()

    def remove(self) -> None:
        """Remove the spill file, once closed."""
        self._spill.unlink(missing_ok=True)

    def write(self, folder: Path, metadata: dict[str, str], settings: ParquetSettings) -> TableFiles:
        """Write the spilled rows, sorted, as shards into *folder*."""
        if self._run:
            self._spill_run()
        self.close()
        folder.mkdir(parents=True)
        schema = self.schema.with_metadata(metadata)
        # A stable sort: pages with equal keys keep the order they came in.
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        self._keys = []
        places = self._places
        with pa.OSFile(str(self._spill)) as source:
            batch = functools.lru_cache(maxsize=_CACHED_RUNS)(pa.ipc.open_file(source).get_batch)
            slices = (
                batch(places[3 * page]).slice(places[3 * page + 1], places[3 * page + 2]) for page in order
            )
            shards = _write_shards(folder, schema, slices, settings)
        names = []
        for index, (path, _) in enumerate(shards):
            name = SHARD_NAME.format(index=index, count=len(shards))
            path.rename(folder / name)
            names.append(f"{self.table}/{name}")
        return TableFiles(table=self.table, rows=self.rows, files=tuple(names))


def _write_shards(
    folder: Path, schema: pa.Schema, batches: Iterator[pa.RecordBatch], settings: ParquetSettings
) -> list[tuple[Path, int]]:
    """Cut *batches* into row groups and shards; returns each shard's temporary path and rows."""
    shards: list[tuple[Path, int]] = []
    writer: pq.ParquetWriter | None = None
    shard_rows = shard_bytes = 0
    group = _RowGroup(schema)
    buffered_rows = buffered_bytes = 0

    def group_limit() -> int:
        limit = settings.row_group_rows
        if settings.shard_rows is not None:
            limit = min(limit, settings.shard_rows - shard_rows)
        return limit

    def flush() -> None:
        nonlocal writer, shard_rows, shard_bytes, buffered_rows, buffered_bytes
        if writer is None:
            path = folder / f"shard-{len(shards):05d}.parquet"
            shards.append((path, 0))
            writer = _parquet_writer(path, schema, settings)
        table = group.take()
        if table.num_rows:
            _write_row_group(writer, table)
        shard_rows += table.num_rows
        shard_bytes += buffered_bytes
        shards[-1] = (shards[-1][0], shard_rows)
        buffered_rows = buffered_bytes = 0
        full_by_rows = settings.shard_rows is not None and shard_rows >= settings.shard_rows
        if full_by_rows or shard_bytes >= settings.shard_bytes:
            writer.close()
            writer = None
            shard_rows = shard_bytes = 0

    try:
        for whole in batches:
            batch = whole
            while batch.num_rows:
                take = min(batch.num_rows, group_limit() - buffered_rows)
                part, batch = batch.slice(0, take), batch.slice(take)
                group.add(part)
                # Counted per slice, however they are stored, so that the row groups are
                # cut at the same rows whether a page came in a run or as its own batch.
                buffered_rows += part.num_rows
                buffered_bytes += part.nbytes
                if buffered_rows >= group_limit() or buffered_bytes >= settings.row_group_bytes:
                    flush()
        if group.rows or not shards:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return shards


class _RowGroup:
    """The rows of the row group being filled, kept in a few contiguous batches.

    A page comes as a slice of a spilled batch, and a slice holds its whole
    batch: thousands of small pages' slices would hold every batch of the
    table. So every :data:`_COALESCE_SLICES` slices are copied into one piece,
    and pieces into blocks of :data:`_BLOCK_ROWS` rows. The row group is
    written from the blocks as they are: their rows are a multiple of the
    rows the Parquet writer encodes at a time, so it writes the bytes it would
    write from one contiguous batch, without a copy of the whole row group.
    """

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows = 0
        self._blocks: list[pa.RecordBatch] = []
        self._pieces: list[pa.RecordBatch] = []
        self._piece_rows = 0
        self._recent: list[pa.RecordBatch] = []

    def add(self, part: pa.RecordBatch) -> None:
        """Add the next rows of the row group."""
        self._recent.append(part)
        self.rows += part.num_rows
        if len(self._recent) >= _COALESCE_SLICES:
            self._settle()

    def take(self) -> pa.Table:
        """The rows added so far, as a table; the row group starts empty again."""
        self._settle()
        rest = _coalesced(self._pieces, self.schema) if self._pieces else []
        table = pa.Table.from_batches(self._blocks + rest, schema=self.schema)
        self._blocks, self._pieces, self._piece_rows, self.rows = [], [], 0, 0
        return table

    def _settle(self) -> None:
        if self._recent:
            self._pieces += _coalesced(self._recent, self.schema)
            self._piece_rows += sum(part.num_rows for part in self._recent)
            self._recent = []
        if self._piece_rows >= _BLOCK_ROWS:
            (whole,) = _coalesced(self._pieces, self.schema)
            cut = whole.num_rows - whole.num_rows % _BLOCK_ROWS
            self._blocks += [whole.slice(start, _BLOCK_ROWS) for start in range(0, cut, _BLOCK_ROWS)]
            self._pieces = [whole.slice(cut)] if cut < whole.num_rows else []
            self._piece_rows = whole.num_rows - cut


def _coalesced(slices: list[pa.RecordBatch], schema: pa.Schema) -> list[pa.RecordBatch]:
    """*slices* copied into one batch (none for no rows) that no longer holds what they were cut from."""
    table = pa.Table.from_batches(slices, schema=schema).combine_chunks()
    combined: list[pa.RecordBatch] = table.to_batches()
    return combined


def _parquet_writer(path: Path, schema: pa.Schema, settings: ParquetSettings) -> pq.ParquetWriter:
    table = str(schema.metadata[f"{METADATA_PREFIX}table".encode()].decode())
    return pq.ParquetWriter(
        str(path),
        schema,
        compression="zstd",
        compression_level=settings.compression_level,
        use_dictionary=True,
        write_statistics=True,
        sorting_columns=[
            pq.SortingColumn(schema.get_field_index(name), nulls_first=False) for name in _SORT_ORDER[table]
        ],
    )
