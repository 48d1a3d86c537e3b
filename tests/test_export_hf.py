"""The Hugging Face dataset folder: card, configs, offline loading, streaming and explicit features."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import datasets
import pytest
from huggingface_hub import metadata_load

from lhasa_corpus import MissingExtraError, iter_pages
from lhasa_corpus.export import TABLES, read_parquet, read_table
from lhasa_corpus.export.build import build_dataset
from lhasa_corpus.export.hf import dataset_card, hf_features, size_category, to_hf_dataset
from lhasa_corpus.models import Page
from tests.conftest import RAW


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hf") / "dataset"
    build_dataset([RAW], out)
    return out


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No network, and every cache in a temporary folder."""
    home = tmp_path / "hf-home"
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True, raising=False)
    return home / "datasets"


def load(folder: Path, cache: Path, *args: Any, **kwargs: Any) -> Any:
    return datasets.load_dataset(str(folder), *args, split="train", cache_dir=str(cache), **kwargs)


def non_space(text: str) -> str:
    return "".join(text.split())


def field_value(row: dict[str, Any], field: str) -> Any:
    value: Any = row
    for part in field.split("/"):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


# -- the card --


def test_card_declares_the_three_configs_and_the_hub_fields(folder: Path) -> None:
    metadata = metadata_load(folder / "README.md")
    assert metadata is not None
    configs = {config["config_name"]: config for config in metadata["configs"]}
    assert list(configs) == list(TABLES)
    assert configs["articles"]["default"] is True
    for table, config in configs.items():
        assert config["data_files"] == [{"split": "train", "path": f"{table}/train-*.parquet"}]
    assert metadata["language"] == ["zh"]
    assert metadata["license"] == "other"
    assert metadata["pretty_name"]
    assert metadata["task_categories"]
    rows = read_table(folder, "articles").num_rows
    assert metadata["size_categories"] == [size_category(rows)]


def test_card_is_generated_from_the_data(folder: Path) -> None:
    card = dataset_card(folder)
    articles = read_table(folder, "articles")
    pages = read_table(folder, "pages")
    assert f"| articles | {articles.num_rows:,} |" in card
    assert f"| pages | {pages.num_rows:,} |" in card
    for flag in {flag for flags in articles["flags"].to_pylist() for flag in flags}:
        count = sum(flags.count(flag) for flags in articles["flags"].to_pylist())
        assert f"| `{flag}` | {count:,} |" in card
    for table, schema in TABLES.items():
        assert f"### `{table}`" in card
        for name in schema.names:
            assert f"| `{name}` |" in card
    for heading in ("## How it was built", "## Known limits", "## Citation", "## Licence"):
        assert heading in card
    assert (folder / "README.md").read_text(encoding="utf-8") == card


def test_card_explains_nodate_p00_and_the_hash_and_that_inferred_dates_stay_out_of_ids(folder: Path) -> None:
    card = dataset_card(folder)
    ids = card.split("## IDs and offsets", 1)[1].split("\n## ", 1)[0]
    page_id = read_table(folder, "pages")["page_id"][0].as_py()
    assert page_id.startswith("nodate-p00-")  # the shipped page: no date, no page number in the manifest
    for term in ("`nodate`", "`p00`", "SHA-256", "`issue_date_inferred`", "never goes into an ID"):
        assert term in ids


# -- load_dataset, offline --


def test_load_dataset_reads_the_articles_by_default(folder: Path, offline: Path) -> None:
    articles = load(folder, offline)
    expected = [article for page in read_parquet(folder) for article in page.articles]
    assert articles.num_rows == len(expected) == 10
    assert articles["article_id"] == [article.article_id for article in expected]
    assert isinstance(articles.features["paragraphs"], datasets.List)
    assert isinstance(articles.features["contributors"], datasets.List)
    assert articles.features["issue_date"] == datasets.Value("date32")
    assert articles.features == hf_features("articles")
    assert offline.is_dir()


def test_offsets_of_loaded_articles_resolve_into_the_loaded_pages(folder: Path, offline: Path) -> None:
    pages = {row["page_id"]: row["raw_text"] for row in load(folder, offline, "pages")}
    checked = 0
    for row in load(folder, offline):
        raw_text = pages[row["page_id"]]
        assert row["char_start"] <= row["char_end"] <= len(raw_text)
        fields: dict[str, list[tuple[int, int]]] = {}
        for span in row["spans"]:
            fields.setdefault(span["field"], []).append((span["start"], span["end"]))
        for field, spans in fields.items():
            printed = "".join(raw_text[start:end] for start, end in sorted(spans))
            assert non_space(printed) == non_space(field_value(row, field)), (row["article_id"], field)
            checked += 1
    assert checked > 10


def test_load_dataset_reads_the_pages_and_issues_configs(folder: Path, offline: Path) -> None:
    pages = load(folder, offline, "pages")
    issues = load(folder, offline, "issues")
    expected: list[Page] = list(iter_pages([RAW]))
    assert pages["raw_text"] == [page.raw_text for page in expected]
    assert pages.features == hf_features("pages")
    assert issues.num_rows == read_table(folder, "issues").num_rows
    assert sum(issues["article_count"]) == sum(len(page.articles) for page in expected)


@pytest.mark.parametrize("table", list(TABLES))
def test_streaming_gives_the_same_rows(folder: Path, offline: Path, table: str) -> None:
    config = () if table == "articles" else (table,)
    streamed = list(load(folder, offline, *config, streaming=True))
    assert streamed == read_table(folder, table).to_pylist()


# -- to_hf_dataset --


def test_to_hf_dataset_has_explicit_features(folder: Path) -> None:
    from_folder = to_hf_dataset(folder)
    from_pages = to_hf_dataset(iter_pages([RAW]))
    assert from_folder.features == from_pages.features == hf_features("articles")
    assert from_folder.to_list() == from_pages.to_list() == read_table(folder, "articles").to_pylist()
    assert isinstance(from_folder.features["spans"], datasets.List)


def test_to_hf_dataset_of_pages_and_issues(folder: Path) -> None:
    for table in ("pages", "issues"):
        dataset = to_hf_dataset(folder, table)
        assert dataset.column_names == TABLES[table].names
        assert dataset.to_list() == read_table(folder, table).to_pylist()
        assert dataset.features == hf_features(table)


def test_a_missing_datasets_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'lhasa-corpus\[hf\]'"):
        to_hf_dataset([])


def test_unknown_table_is_refused(folder: Path) -> None:
    with pytest.raises(
        ValueError, match=r"'table' must be one of \['articles', 'pages', 'issues'\] \(got 'x'\)"
    ):
        to_hf_dataset(folder, "x")
