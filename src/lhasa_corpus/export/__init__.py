"""Exporters: Parquet tables and a script-free Hugging Face dataset folder.

Only this package imports ``pyarrow``; ``datasets`` is imported lazily by
:func:`to_hf_dataset` and needs the ``hf`` extra.
"""

from lhasa_corpus.export.build import (
    BuildSummary,
    build_dataset,
    export_dataset,
    read_jsonl_pages,
    write_dataset,
)
from lhasa_corpus.export.hf import dataset_card, hf_features, to_hf_dataset, write_dataset_card
from lhasa_corpus.export.parquet import (
    PageRows,
    ParquetDataset,
    ParquetSettings,
    TableFiles,
    page_rows,
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
from lhasa_corpus.export.verify import DatasetReport, verify_dataset

__all__ = [
    "ARTICLES",
    "ISSUES",
    "PAGES",
    "TABLES",
    "BuildSummary",
    "DatasetReport",
    "PageRows",
    "ParquetDataset",
    "ParquetSettings",
    "TableFiles",
    "build_dataset",
    "dataset_card",
    "export_dataset",
    "hf_features",
    "page_rows",
    "read_articles",
    "read_issues",
    "read_jsonl_pages",
    "read_metadata",
    "read_parquet",
    "read_table",
    "schema_for",
    "table_files",
    "to_arrow",
    "to_hf_dataset",
    "verify_dataset",
    "write_dataset",
    "write_dataset_card",
    "write_parquet",
]
