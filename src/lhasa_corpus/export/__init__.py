"""Exporters: Parquet tables and a script-free Hugging Face dataset folder.

Only this package imports ``pyarrow``; ``datasets`` is imported lazily by
:func:`to_hf_dataset` and needs the ``hf`` extra.
"""

from lhasa_corpus.export.parquet import (
    ParquetDataset,
    ParquetSettings,
    TableFiles,
    read_articles,
    read_issues,
    read_metadata,
    read_parquet,
    read_table,
    table_files,
    to_arrow,
    write_parquet,
)
from lhasa_corpus.export.schema import ARTICLES, ISSUES, PAGES, TABLES, schema_for

__all__ = [
    "ARTICLES",
    "ISSUES",
    "PAGES",
    "TABLES",
    "ParquetDataset",
    "ParquetSettings",
    "TableFiles",
    "read_articles",
    "read_issues",
    "read_metadata",
    "read_parquet",
    "read_table",
    "schema_for",
    "table_files",
    "to_arrow",
    "write_parquet",
]
