"""A script-free Hugging Face dataset folder: Parquet shards and a generated dataset card.

The folder that :func:`~lhasa_corpus.export.parquet.write_parquet` writes is
already laid out as the Hub lays out Parquet datasets; :func:`write_dataset_card`
adds the ``README.md`` whose YAML ``configs`` tell ``datasets.load_dataset``
which shards make up each table, so no loading script is needed::

    load_dataset("dataset")             # articles, the default config
    load_dataset("dataset", "pages")    # pages, with the raw text offsets point into
    load_dataset("dataset", "issues", streaming=True)

The card is generated from the data (counts, flags, provenance from the
Parquet metadata), so it cannot drift from the files. Only
:func:`to_hf_dataset` needs ``datasets``, and imports it when called.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lhasa_corpus.errors import MissingExtraError
from lhasa_corpus.export._files import write_text_atomic
from lhasa_corpus.export.parquet import read_metadata, read_table, table_files, to_arrow
from lhasa_corpus.export.schema import COLUMN_DESCRIPTIONS, TABLE_DESCRIPTIONS, TABLES, schema_for
from lhasa_corpus.models import FLAG_DESCRIPTIONS, Page

if TYPE_CHECKING:
    import datasets

#: The name of the dataset card in the folder.
CARD_NAME: Final = "README.md"
#: The card's pretty name.
PRETTY_NAME: Final = "拉萨日报 (Lhasa Daily) page text, parsed into articles"
#: Hub task categories the data serves.
TASK_CATEGORIES: Final = ("text-generation", "token-classification")
#: The default licence field: the text is the publisher's, see the card's licence section.
DEFAULT_LICENSE: Final = "other"

#: Rows read at a time for the card's counts.
_STATISTICS_BATCH_ROWS: Final = 4_096
#: ASCII characters with a meaning in Markdown (CommonMark's escapable punctuation).
_MARKDOWN_SPECIAL: Final = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")

_SIZE_CATEGORIES: Final = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
)


def size_category(rows: int) -> str:
    """The Hub's size category for a number of rows.

    >>> size_category(10), size_category(1_000), size_category(250_000)
    ('n<1K', '1K<n<10K', '100K<n<1M')
    """
    return next((name for limit, name in _SIZE_CATEGORIES if rows < limit), "n>100M")


def dataset_card(folder: str | Path, *, license: str = DEFAULT_LICENSE, command: str | None = None) -> str:
    """The dataset card (``README.md``) of a dataset folder, generated from its Parquet files.

    *command* is how the folder was built, shown under "How it was built"
    (without ``--out``, so that the card does not depend on where it was written).
    """
    folder = Path(folder)
    stats = _statistics(folder)
    return "\n".join(
        [
            _front_matter(stats["rows"]["articles"], license),
            *_summary_section(stats),
            *_loading_section(),
            *_tables_section(stats),
            *_ids_section(),
            *_build_section(stats, command),
            *_limits_section(stats),
            *_licence_section(),
            *_citation_section(stats),
        ]
    )


def write_dataset_card(
    folder: str | Path, *, license: str = DEFAULT_LICENSE, command: str | None = None
) -> Path:
    """Write :func:`dataset_card` to ``README.md`` in *folder*, atomically; returns its path."""
    path = Path(folder) / CARD_NAME
    write_text_atomic(path, dataset_card(folder, license=license, command=command))
    return path


def hf_features(table: str = "articles") -> datasets.Features:
    """The ``datasets.Features`` of one table: the Arrow schema of :mod:`.schema`, as ``List`` and ``Value``.

    Derived from the one explicit Arrow schema, so the two cannot disagree.
    """
    schema = schema_for(table)
    return _datasets().Features.from_arrow_schema(schema)


def to_hf_dataset(source: str | Path | Iterable[Page], table: str = "articles") -> datasets.Dataset:
    """One table as an in-memory ``datasets.Dataset`` with explicit ``Features``.

    *source* is a dataset folder or pages. For a large folder prefer
    ``datasets.load_dataset(folder)``, which memory-maps its cache. Raises
    :class:`~lhasa_corpus.errors.MissingExtraError` without the ``hf`` extra.
    """
    hf = _datasets()
    features = hf_features(table)
    arrow = read_table(source, table) if isinstance(source, (str, Path)) else to_arrow(source, table)
    arrow = arrow.cast(features.arrow_schema)
    return hf.Dataset(
        hf.table.InMemoryTable(arrow), info=hf.DatasetInfo(features=features), split=hf.Split.TRAIN
    )


def _datasets() -> ModuleType:
    try:
        import datasets  # noqa: PLC0415 - heavy and optional: imported only when needed
    except ImportError:
        raise MissingExtraError("datasets", "hf") from None
    module: ModuleType = datasets
    return module


def _statistics(folder: Path) -> dict[str, Any]:
    """Counts and provenance read from the Parquet files, a batch of a few columns at a time.

    Memory stays flat however large the tables are: nothing but the counts is kept.
    """
    rows: dict[str, int] = {}
    files: dict[str, list[Path]] = {}
    for table in TABLES:
        files[table] = table_files(folder, table)
        rows[table] = sum(pq.ParquetFile(path).metadata.num_rows for path in files[table])
    flags: Counter[str] = Counter()
    papers: set[str] = set()
    dates: list[Any] = []
    undated = leftovers = contributors = captions = 0
    for batch in _batches(files["pages"], ["paper", "issue_date", "flags", "leftovers"]):
        papers.update(paper for paper in batch["paper"].to_pylist() if paper)
        dates += [pc.min(batch["issue_date"]).as_py(), pc.max(batch["issue_date"]).as_py()]
        undated += batch["issue_date"].null_count
        leftovers += _count_true(pc.greater(pc.list_value_length(batch["leftovers"]), 0))
        _count_flags(flags, batch["flags"])
    for batch in _batches(files["articles"], ["flags", "contributors", "captions"]):
        contributors += _count_items(batch["contributors"])
        captions += _count_items(batch["captions"])
        _count_flags(flags, batch["flags"])
    known = [date for date in dates if date is not None]
    metadata = read_metadata(files["articles"][0])
    return {
        "rows": rows,
        "shards": {table: len(paths) for table, paths in files.items()},
        "bytes": {table: sum(path.stat().st_size for path in paths) for table, paths in files.items()},
        "papers": sorted(papers),
        "first_date": min(known, default=None),
        "last_date": max(known, default=None),
        "undated_pages": undated,
        "flags": dict(sorted(flags.items())),
        "pages_with_leftovers": leftovers,
        "contributors": contributors,
        "captions": captions,
        "version": metadata.get("version", "unknown"),
        "source_count": _count_items_of_json_array(metadata.get("sources", "[]")),
        "sources_sha256": metadata.get("sources_sha256", ""),
        "settings": json.loads(metadata.get("settings", "{}")),
    }


def _batches(paths: list[Path], columns: list[str]) -> Iterator[pa.RecordBatch]:
    for path in paths:
        yield from pq.ParquetFile(path).iter_batches(batch_size=_STATISTICS_BATCH_ROWS, columns=columns)


def _count_items_of_json_array(text: str) -> int:
    """How many items a JSON array holds, read one at a time (the source list of a big corpus is long).

    >>> _count_items_of_json_array('[{"file": "a,b"}, {"file": "[c]"}]'), _count_items_of_json_array("[]")
    (2, 0)
    """
    decoder = json.JSONDecoder()
    count = 0
    position = _after_space(text, text.index("[") + 1)
    while text[position] != "]":
        _, position = decoder.raw_decode(text, position)
        count += 1
        position = _after_space(text, position)
        if text[position] == ",":
            position = _after_space(text, position + 1)
    return count


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n\r":
        position += 1
    return position


def _count_flags(flags: Counter[str], column: pa.Array) -> None:
    for item in pc.value_counts(pc.list_flatten(column)).to_pylist():
        flags[item["values"]] += item["counts"]


def _count_true(mask: pa.Array) -> int:
    return int(pc.sum(mask).as_py() or 0)


def _count_items(column: pa.Array) -> int:
    return int(pc.sum(pc.list_value_length(column)).as_py() or 0)


def markdown_text(text: str) -> str:
    """Text from the input (a paper's name) made safe to stand in a line of Markdown.

    White space runs, line breaks included, become one space, so the text
    cannot start a line of its own (a heading, a ``---`` rule, a fence); the
    ASCII characters Markdown gives a meaning to are escaped with a backslash,
    so they print as themselves. Other text, Chinese included, is left alone.

    >>> markdown_text("拉萨日报")
    '拉萨日报'
    >>> markdown_text("a *b*\\n---\\n```")
    'a \\\\*b\\\\* \\\\-\\\\-\\\\- \\\\`\\\\`\\\\`'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", " ".join(text.split()))


def fenced(code: str, language: str = "") -> list[str]:
    """*code* as the lines of a fenced block that nothing in it can close.

    The fence is one backtick longer than the longest run of backticks in the
    code (and at least three), as CommonMark allows.

    >>> fenced("echo ```")
    ['````', 'echo ```', '````']
    """
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + language, *code.splitlines(), fence]


def counted(number: int, noun: str) -> str:
    """A count with its noun, plural unless the count is one.

    >>> counted(1, "shard"), counted(1_200, "row")
    ('1 shard', '1,200 rows')
    """
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _front_matter(articles: int, license: str) -> str:
    lines = [
        "---",
        "language:",
        "- zh",
        f"license: {_yaml_text(license)}",
    ]
    if license == "other":
        lines.append('license_name: "publisher-copyright"')
    lines += [
        f"pretty_name: {_yaml_text(PRETTY_NAME)}",
        "task_categories:",
        *(f"- {task}" for task in TASK_CATEGORIES),
        "tags:",
        "- newspaper",
        "- tibet",
        "- pdf-extraction",
        "size_categories:",
        f"- {size_category(articles)}",
        "configs:",
    ]
    for table in TABLES:
        lines += [
            f"- config_name: {table}",
            "  data_files:",
            "  - split: train",
            f"    path: {table}/train-*.parquet",
        ]
        if table == "articles":
            lines.append("  default: true")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _summary_section(stats: dict[str, Any]) -> list[str]:
    rows = stats["rows"]
    first, last = stats["first_date"], stats["last_date"]
    span = (
        "of unknown date" if first is None else f"of {first}" if first == last else f"from {first} to {last}"
    )
    papers = "、".join(markdown_text(paper) for paper in stats["papers"]) or "an unnamed paper"
    return [
        f"# {PRETTY_NAME}",
        "",
        f"Pages of {papers}, {span}, as extracted from the PDF edition and parsed into articles by",
        "lhasa_corpus: headlines, datelines, bylines, paragraphs and photo captions, each with the offsets",
        "of its text in the page, so that every field can be checked against the page it came from.",
        "",
        "| | count |",
        "|---|---:|",
        f"| articles | {rows['articles']:,} |",
        f"| pages | {rows['pages']:,} |",
        f"| issues | {rows['issues']:,} |",
        f"| source files | {stats['source_count']:,} |",
        f"| contributors named in bylines | {stats['contributors']:,} |",
        f"| photo captions | {stats['captions']:,} |",
        f"| pages of unknown date | {stats['undated_pages']:,} |",
        f"| pages with leftover text | {stats['pages_with_leftovers']:,} |",
        "",
    ]


def _loading_section() -> list[str]:
    return [
        "## Loading",
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        'articles = load_dataset("path/to/this/folder", split="train")           # default config',
        'pages = load_dataset("path/to/this/folder", "pages", split="train")    # raw text for offsets',
        'issues = load_dataset("path/to/this/folder", "issues", split="train", streaming=True)',
        "```",
        "",
        "The files are plain Parquet, so pandas, Polars and DuckDB read them too:",
        "",
        "```sql",
        "SELECT issue_date, headline, len(paragraphs) AS paragraphs",
        "FROM 'articles/*.parquet' ORDER BY issue_date, article_id;",
        "```",
        "",
    ]


def _tables_section(stats: dict[str, Any]) -> list[str]:
    lines = ["## Tables and fields", ""]
    for table, schema in TABLES.items():
        lines += [
            f"### `{table}` ({counted(stats['rows'][table], 'row')}, "
            f"{counted(stats['shards'][table], 'shard')}, {stats['bytes'][table]:,} bytes)",
            "",
            f"{TABLE_DESCRIPTIONS[table][0].upper()}{TABLE_DESCRIPTIONS[table][1:]}.",
            "",
            "| column | type | description |",
            "|---|---|---|",
        ]
        for field in schema:
            described = COLUMN_DESCRIPTIONS[table][field.name].replace("|", "\\|")
            lines.append(f"| `{field.name}` | `{field.type}` | {described} |")
        lines.append("")
    return lines


def _ids_section() -> list[str]:
    return [
        "## IDs and offsets",
        "",
        "- `page_id` is `YYYYMMDD-pNN-hhhhhhhhhh`: the issue date and page number given for the page",
        "  (`nodate` and `p00` when not given) and the first ten hex digits of the SHA-256 of the page text,",
        "  which tell apart pages of the same date and number. The same page always gets the same ID.",
        "- A date inferred from the page never goes into an ID: such a page (flag `issue_date_inferred`)",
        "  has `nodate` in its ID (`nodate-p00-...` if its page number is not given either) and the",
        "  inferred date in `issue_date`, so its ID does not change when the inference improves.",
        "- `article_id` is the page ID and the article's position on the page: `<page_id>-NN`.",
        "- Offsets (`char_start`, `char_end`, `spans`, `leftovers`) are 0-based code-point offsets into",
        "  `pages.raw_text`, half open `[start, end)`: `raw_text[start:end]` in Python. A field the column",
        "  width wrapped has one span per line; its value is the text of its spans without the line breaks.",
        "- Articles are sorted by issue date, then article ID; pages by issue date, then page ID.",
        "",
    ]


def _build_section(stats: dict[str, Any], command: str | None) -> list[str]:
    settings = stats["settings"]
    lines = ["## How it was built", ""]
    if command:
        lines += [*fenced(f"{command} --out DIR", "sh"), ""]
    lines += [
        f"Built by lhasa_corpus {stats['version']} from {counted(stats['source_count'], 'raw page file')}",
        f"(SHA-256 of the source list: `{stats['sources_sha256']}`).",
        "Each file's name and SHA-256 are in `manifest.json` and in every Parquet file's schema metadata",
        "under `lhasa_corpus.sources`.",
        "",
        f"Parquet: {settings.get('compression', 'zstd')} level {settings.get('compression_level', '?')}, "
        f"row groups of at most {settings.get('row_group_rows', 0):,} rows or "
        f"{settings.get('row_group_bytes', 0) // 2**20} MiB,",
        f"shards of about {settings.get('shard_bytes', 0) // 2**20} MiB before compression"
        + (f" and at most {settings['shard_rows']:,} rows" if settings.get("shard_rows") else "")
        + ". The same input gives byte-identical files.",
        "",
    ]
    return lines


def _limits_section(stats: dict[str, Any]) -> list[str]:
    lines = [
        "## Known limits",
        "",
        "- The text is what the PDF's text layer holds: characters the PDF drew as images are missing,",
        "  and the reading order across columns is the extractor's.",
        "- The parser guesses in places and says so in `flags`. Counts in this dataset:",
        "",
        "| flag | count | meaning |",
        "|---|---:|---|",
    ]
    for flag, description in sorted(FLAG_DESCRIPTIONS.items()):
        lines.append(f"| `{flag}` | {stats['flags'].get(flag, 0):,} | {description} |")
    lines += [
        "",
        "- Text no article took (page furniture, stray lines) is kept in `pages.leftovers`, not dropped.",
        "",
    ]
    return lines


def _licence_section() -> list[str]:
    return [
        "## Licence",
        "",
        "The page text is 拉萨日报's and stays under its publisher's copyright; this dataset does not",
        "relicense it. The lhasa_corpus code that made it is MIT-licensed. Check that your use of the text",
        "is allowed where you are, and cite the paper for what you quote.",
        "",
    ]


def _citation_section(stats: dict[str, Any]) -> list[str]:
    return [
        "## Citation",
        "",
        "Cite an article by the paper, date, page and headline (for example: 拉萨日报, 2025年9月16日,",
        "第1版, followed by the headline), and the dataset as:",
        "",
        "```bibtex",
        "@misc{lhasa_corpus,",
        "  title        = {{lhasa\\_corpus}: 拉萨日报 (Lhasa Daily) page text, parsed into articles},",
        "  author       = {{lhasa\\_corpus developers}},",
        f"  note         = {{Version {stats['version']}; sources SHA-256 {stats['sources_sha256'][:16]}}},",
        "  howpublished = {Python package lhasa-corpus},",
        "}",
        "```",
        "",
    ]
