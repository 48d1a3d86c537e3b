"""Parquet export: explicit schemas, lossless round trips, sorting, sharding, determinism, atomic writes."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import tempfile
from pathlib import Path
from unittest import mock

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lhasa_corpus import iter_pages
from lhasa_corpus.export import (
    ARTICLES,
    ISSUES,
    PAGES,
    TABLES,
    ParquetSettings,
    page_rows,
    read_articles,
    read_issues,
    read_metadata,
    read_parquet,
    table_files,
    to_arrow,
    write_parquet,
)
from lhasa_corpus.export import parquet as parquet_module
from lhasa_corpus.export._files import TEMP_PREFIX, atomic_path
from lhasa_corpus.ids import article_id_for
from lhasa_corpus.models import (
    ARTICLE_FLAGS,
    PAGE_FLAGS,
    Article,
    Caption,
    Contributor,
    Issue,
    Leftover,
    Page,
    Span,
)
from lhasa_corpus.records import article_record, page_record
from tests.conftest import RAW

# -- strategies: small pages whose articles agree with their page, as the parser makes them --

TEXT = st.text(max_size=8)
MAYBE_TEXT = st.none() | TEXT
OFFSET = st.integers(min_value=0, max_value=100_000)
DATES = st.none() | st.dates()


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(OFFSET)
    return Span(field=draw(TEXT), start=start, end=start + draw(st.integers(0, 500)))


@st.composite
def leftovers(draw: st.DrawFn) -> Leftover:
    return Leftover(text=draw(TEXT), start=draw(OFFSET), end=draw(OFFSET))


def articles_of(
    page_id: str, paper: str | None, issue_date: dt.date | None, page: int | None
) -> st.SearchStrategy[list[Article]]:
    @st.composite
    def article(draw: st.DrawFn, position: int) -> Article:
        return Article(
            article_id=article_id_for(page_id, position),
            page_id=page_id,
            paper=paper,
            issue_date=issue_date,
            page=page,
            position=position,
            kicker=draw(MAYBE_TEXT),
            headline=draw(MAYBE_TEXT),
            subheadlines=draw(st.lists(TEXT, max_size=2)),
            source=draw(MAYBE_TEXT),
            dateline=draw(MAYBE_TEXT),
            contributors=draw(st.lists(st.builds(Contributor, name=TEXT, role=TEXT), max_size=2)),
            paragraphs=draw(st.lists(TEXT, max_size=3)),
            captions=draw(
                st.lists(
                    st.builds(Caption, text=TEXT, credit=MAYBE_TEXT, photographer=MAYBE_TEXT), max_size=2
                )
            ),
            continuations=draw(st.lists(TEXT, max_size=1)),
            char_start=draw(OFFSET),
            char_end=draw(OFFSET),
            flags=draw(st.lists(st.sampled_from(sorted(ARTICLE_FLAGS)), max_size=3)),
            spans=draw(st.lists(spans(), max_size=3)),
        )

    return st.integers(0, 3).flatmap(
        lambda count: st.tuples(*(article(position) for position in range(count))).map(list)
    )


@st.composite
def pages(draw: st.DrawFn) -> Page:
    page_id = draw(st.text(min_size=1, max_size=12))
    paper = draw(st.none() | st.sampled_from(["拉萨日报", "西藏日报"]))
    issue_date = draw(DATES)
    number = draw(st.none() | st.integers(1, 99))
    return Page(
        page_id=page_id,
        paper=paper,
        issue_date=issue_date,
        page=number,
        raw_text=draw(st.text(max_size=40)),
        source_file=draw(MAYBE_TEXT),
        source_sha256=draw(st.none() | st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
        headline_placement=draw(st.sampled_from([None, "before", "after"])),
        articles=draw(articles_of(page_id, paper, issue_date, number)),
        leftovers=draw(st.lists(leftovers(), max_size=2)),
        flags=draw(st.lists(st.sampled_from(sorted(PAGE_FLAGS)), max_size=2)),
    )


CORPORA = st.lists(pages(), max_size=5, unique_by=lambda page: page.page_id)


def issue_order(issue: Issue) -> tuple[bool, dt.date, bool, str]:
    return (issue.date is None, issue.date or dt.date.min, issue.paper is None, issue.paper or "")


def sorted_pages(items: list[Page]) -> list[Page]:
    return sorted(
        items, key=lambda page: (page.issue_date is None, page.issue_date or dt.date.min, page.page_id)
    )


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.parquet"))
    }


@pytest.fixture(scope="module")
def real_pages() -> list[Page]:
    return list(iter_pages([RAW]))


# -- schemas --


def test_article_columns_are_the_record_keys(real_pages: list[Page]) -> None:
    assert ARTICLES.names == list(article_record(real_pages[0].articles[0]))


def test_page_columns_are_the_record_keys(real_pages: list[Page]) -> None:
    assert PAGES.names == list(page_record(real_pages[0], with_articles=False))


def test_nested_columns_have_explicit_types() -> None:
    assert ARTICLES.field("issue_date").type == pa.date32()
    assert ARTICLES.field("paragraphs").type == pa.list_(pa.string())
    assert ARTICLES.field("contributors").type.value_type.names == ["name", "role", "organisation"]
    assert ARTICLES.field("captions").type.value_type.names == ["text", "credit", "photographer"]
    assert ARTICLES.field("spans").type.value_type.field("start").type == pa.int32()
    assert ISSUES.field("page_numbers").type == pa.list_(pa.int32())


def test_written_files_have_the_declared_schema(real_pages: list[Page], tmp_path: Path) -> None:
    write_parquet(real_pages, tmp_path)
    for table, schema in TABLES.items():
        for path in table_files(tmp_path, table):
            assert pq.read_schema(path).equals(schema)


# -- round trips --


@given(CORPORA)
@example(  # source files '' and None tied in the metadata sort, leaving the order to the hash seed
    [
        Page(page_id="00", paper=None, issue_date=None, raw_text="", source_file=""),
        Page(page_id="0", paper=None, issue_date=None, raw_text="", source_file=None),
    ]
)
def test_round_trip_gives_back_the_same_objects_and_the_same_bytes(corpus: list[Page]) -> None:
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        write_parquet(corpus, first)
        back = list(read_parquet(first))
        articles = list(read_articles(first))
        issues = list(read_issues(first))
        issue_rows = pq.read_table(table_files(first, "issues")[0]).to_pylist()
        write_parquet(back, second)
        assert file_bytes(Path(first)) == file_bytes(Path(second))
    assert back == sorted_pages(corpus)
    assert articles == [article for page in back for article in page.articles]
    groups: dict[tuple[str | None, dt.date | None], list[Page]] = {}
    for page in corpus:
        groups.setdefault((page.paper, page.issue_date), []).append(page)
    assert issues == sorted((Issue.from_pages(group) for group in groups.values()), key=issue_order)
    assert [row["page_ids"] for row in issue_rows] == [
        [page.page_id for page in issue.pages] for issue in issues
    ]
    assert [row["article_count"] for row in issue_rows] == [len(issue.articles) for issue in issues]
    assert issue_rows == to_arrow(corpus, "issues").to_pylist()


@given(CORPORA, st.data())
def test_pages_made_into_rows_elsewhere_give_the_same_files(corpus: list[Page], data: st.DataObject) -> None:
    """Any mix of pages and their :func:`page_rows` (as ``build --jobs`` sends them)
    writes the bytes that the pages themselves write."""
    made = data.draw(st.lists(st.booleans(), min_size=len(corpus), max_size=len(corpus)))
    mixed = [page_rows(page) if as_rows else page for page, as_rows in zip(corpus, made, strict=True)]
    with tempfile.TemporaryDirectory() as pages, tempfile.TemporaryDirectory() as rows:
        write_parquet(corpus, pages)
        write_parquet(mixed, rows)
        assert file_bytes(Path(rows)) == file_bytes(Path(pages))


def test_page_rows_survive_pickling_as_the_workers_send_them(real_pages: list[Page]) -> None:
    rows = page_rows(real_pages[0])
    back = pickle.loads(pickle.dumps(rows))
    assert back == rows
    assert back.articles.schema.equals(ARTICLES)
    assert back.pages.schema.equals(PAGES)
    assert back.article_count == len(real_pages[0].articles) == back.articles.num_rows


def test_real_page_round_trips(real_pages: list[Page], tmp_path: Path) -> None:
    write_parquet(real_pages, tmp_path)
    assert list(read_parquet(tmp_path)) == real_pages


# -- order, row groups, shards --


def test_schema_is_identical_across_shards(real_pages: list[Page], tmp_path: Path) -> None:
    settings = ParquetSettings(row_group_rows=2, shard_rows=3)
    written = write_parquet(real_pages, tmp_path, settings=settings)
    files = table_files(tmp_path, "articles")
    count = len(real_pages[0].articles)
    shards = -(-count // 3)
    assert [path.name for path in files] == [f"train-{i:05d}-of-{shards:05d}.parquet" for i in range(shards)]
    assert written.table("articles").files == tuple(f"articles/{path.name}" for path in files)
    schemas = [pq.read_schema(path) for path in files]
    assert all(schema.equals(schemas[0], check_metadata=True) for schema in schemas)
    for path in files:
        metadata = pq.ParquetFile(path).metadata
        assert metadata.num_rows <= 3
        assert all(metadata.row_group(i).num_rows <= 2 for i in range(metadata.num_row_groups))
    assert list(read_articles(tmp_path)) == list(real_pages[0].articles)


def test_rows_are_sorted_by_issue_date_then_article_id(tmp_path: Path) -> None:
    texts = {"c": dt.date(2025, 9, 17), "a": None, "b": dt.date(2025, 9, 16), "d": dt.date(2025, 9, 16)}
    corpus = [_page_with_articles(text, date) for text, date in texts.items()]
    write_parquet(corpus, tmp_path)
    table = pq.read_table(table_files(tmp_path, "articles")[0])
    keys = list(zip(table["issue_date"].to_pylist(), table["article_id"].to_pylist(), strict=True))
    assert keys == sorted(keys, key=lambda key: (key[0] is None, key[0] or dt.date.min, key[1]))
    assert table["issue_date"].to_pylist()[-1] is None


_MANY_PAGES = [
    _page
    for day in range(12)
    for _page in (
        Page(
            page_id=f"{day:02d}-{side}", paper="拉萨日报", issue_date=dt.date(2025, 9, 1 + day), raw_text=side
        )
        for side in ("a", "b", "c")
    )
]


@given(st.permutations(_MANY_PAGES))
def test_spill_runs_give_the_sorted_bytes_whatever_the_input_order(order: list[Page]) -> None:
    """Pages spilled in runs (here of 4, with 2 runs cached) come out sorted,
    byte-identical to writing them in sorted order."""
    with (
        mock.patch.object(parquet_module, "SPILL_RUN_PAGES", 4),
        mock.patch.object(parquet_module, "_CACHED_RUNS", 2),
        tempfile.TemporaryDirectory() as shuffled,
        tempfile.TemporaryDirectory() as in_order,
    ):
        write_parquet(order, shuffled)
        write_parquet(_MANY_PAGES, in_order)
        assert file_bytes(Path(shuffled)) == file_bytes(Path(in_order))
        assert list(read_parquet(shuffled)) == _MANY_PAGES


def _page_with_articles(text: str, date: dt.date | None) -> Page:
    page_id = f"{date:%Y%m%d}-p01-{text}" if date else f"nodate-p00-{text}"
    return Page(
        page_id=page_id,
        paper="拉萨日报",
        issue_date=date,
        raw_text=text,
        articles=[
            Article(
                article_id=article_id_for(page_id, position),
                page_id=page_id,
                paper="拉萨日报",
                issue_date=date,
                page=None,
                position=position,
                char_start=0,
                char_end=1,
            )
            for position in (1, 0)
        ],
    )


def test_empty_input_writes_empty_tables(tmp_path: Path) -> None:
    write_parquet([], tmp_path)
    for table, schema in TABLES.items():
        [path] = table_files(tmp_path, table)
        assert pq.read_table(path).num_rows == 0
        assert pq.read_schema(path).equals(schema)


# -- provenance, determinism, refusals --


def test_provenance_is_in_the_schema_metadata(real_pages: list[Page], tmp_path: Path) -> None:
    written = write_parquet(real_pages, tmp_path, settings=ParquetSettings(compression_level=3))
    metadata = read_metadata(table_files(tmp_path, "pages")[0])
    page = real_pages[0]
    assert metadata["table"] == "pages"
    assert metadata["rows"] == str(len(real_pages))
    assert json.loads(metadata["sources"]) == [{"file": page.source_file, "sha256": page.source_sha256}]
    assert json.loads(metadata["settings"])["compression_level"] == 3
    assert written.sources == ((page.source_file, page.source_sha256),)
    for path in table_files(tmp_path, "pages"):
        assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"


def test_same_input_gives_byte_identical_files(real_pages: list[Page], tmp_path: Path) -> None:
    write_parquet(real_pages, tmp_path / "one")
    write_parquet(iter_pages([RAW]), tmp_path / "two")
    assert file_bytes(tmp_path / "one") == file_bytes(tmp_path / "two")
    assert len(file_bytes(tmp_path / "one")) == len(TABLES)


def test_two_pages_with_one_id_are_refused(real_pages: list[Page], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'page_id' must be unique"):
        write_parquet([*real_pages, real_pages[0]], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_article_of_another_page_is_refused(real_pages: list[Page], tmp_path: Path) -> None:
    page = real_pages[0]
    broken = attrs.evolve(page, articles=[attrs.evolve(page.articles[0], page_id="elsewhere")])
    with pytest.raises(ValueError, match="'page_id' of article"):
        write_parquet([broken], tmp_path)


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match=r"'row_group_rows' must be >= 1 \(got 0\)"):
        ParquetSettings(row_group_rows=0)
    with pytest.raises(ValueError, match=r"'compression_level' must be between 1 and 22 \(got 30\)"):
        ParquetSettings(compression_level=30)


# -- atomic writes --


def test_a_failed_write_leaves_the_old_tables_intact(
    real_pages: list[Page], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parquet(real_pages, tmp_path, settings=ParquetSettings(row_group_rows=2))
    before = file_bytes(tmp_path)
    calls = iter(range(100))
    original = parquet_module._write_row_group

    def fail_midway(writer: pq.ParquetWriter, table: pa.Table) -> None:
        if next(calls) == 2:
            raise OSError("disk full")
        original(writer, table)

    monkeypatch.setattr(parquet_module, "_write_row_group", fail_midway)
    changed = [
        attrs.evolve(page, articles=[attrs.evolve(article, headline="改") for article in page.articles])
        for page in real_pages
    ]
    with pytest.raises(OSError, match="disk full"):
        write_parquet(changed, tmp_path, settings=ParquetSettings(row_group_rows=2))
    assert file_bytes(tmp_path) == before
    assert not [path for path in tmp_path.rglob("*") if path.name.startswith(TEMP_PREFIX)]


def test_atomic_path_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "card.md"
    target.write_text("old", encoding="utf-8")

    def write_half_then_fail() -> None:
        with atomic_path(target) as temporary:
            temporary.write_text("half", encoding="utf-8")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_half_then_fail()
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["card.md"]


def test_a_row_group_kept_in_blocks_writes_the_bytes_of_one_contiguous_batch(tmp_path: Path) -> None:
    """Pages' slices are kept in blocks, not copied into one batch; the Parquet bytes are the same."""
    from lhasa_corpus import parse_text  # noqa: PLC0415 - only this test parses

    one = page_rows(parse_text("拉萨融媒讯（记者杨璐）对接会举行。\n\n对接会举行\n")).articles
    table = pa.Table.from_batches([one] * 17_000).combine_chunks()  # more rows than two blocks hold
    schema = ARTICLES.with_metadata({b"lhasa_corpus.table": b"articles"})
    settings = ParquetSettings(row_group_bytes=2**40, shard_bytes=2**40, compression_level=1)
    written = {}
    for rows_per_slice in (5, 7):
        folder = tmp_path / f"slices-of-{rows_per_slice}"
        folder.mkdir()
        slices = table.to_batches(max_chunksize=rows_per_slice)
        [(path, rows)] = parquet_module._write_shards(folder, schema, iter(slices), settings)
        assert rows == 17_000
        written[rows_per_slice] = path.read_bytes()
    contiguous = tmp_path / "contiguous.parquet"
    writer = parquet_module._parquet_writer(contiguous, schema, settings)
    writer.write_table(table.cast(schema), row_group_size=table.num_rows)
    writer.close()
    assert written[5] == written[7] == contiguous.read_bytes()
