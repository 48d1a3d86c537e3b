"""Build the dataset from data/raw (unless it is there already) and read it three ways.

    python examples/query_dataset.py [DATASET_FOLDER]

The folder defaults to ``dataset/`` at the repository root. Everything runs
offline: ``datasets`` reads the local folder through the card's ``configs``.
Needs the ``examples`` extra (``datasets``, pandas and DuckDB), which ``python3 tasks.py test``
installs into ``.venv``; elsewhere: ``pip install -e '.[examples]'``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

# After the offline switches, which the Hugging Face libraries read on import.
try:
    import duckdb
    import pandas as pd
    from datasets import load_dataset
except ImportError as missing:
    hint = "install the examples extra: pip install -e '.[examples]'"
    sys.exit(f"query_dataset.py: {missing.name} is missing; {hint}")

from lhasa_corpus.export import build_dataset

REPO = Path(__file__).resolve().parent.parent


def main(folder: Path) -> None:
    if not (folder / "README.md").is_file():
        print(build_dataset([REPO / "data" / "raw"], folder).describe())

    # 1. datasets: typed nested columns; the pages config holds the text offsets point into.
    articles = load_dataset(str(folder), split="train")
    pages = load_dataset(str(folder), "pages", split="train")
    raw_text = {row["page_id"]: row["raw_text"] for row in pages}
    features = articles.features["contributors"]
    print(f"\n[datasets] {articles.num_rows} articles; the 'contributors' feature: {features}")
    for row in articles.select(range(min(3, articles.num_rows))):
        text = raw_text[row["page_id"]]
        printed = "".join(text[s["start"] : s["end"]] for s in row["spans"] if s["field"] == "headline")
        print(f"  {row['article_id']}: {row['headline']!r}  <- raw_text: {printed!r}")
    streamed = next(iter(load_dataset(str(folder), "issues", split="train", streaming=True)))
    print(f"  streamed issue: {streamed['issue_date']} with {streamed['article_count']} articles")

    # 2. pandas: one frame per table, nested columns as lists of dicts.
    frame = pd.read_parquet(folder / "articles")
    frame["paragraphs_n"] = frame["paragraphs"].map(len)
    frame["characters"] = frame["text"].str.len()
    print("\n[pandas] the longest articles:")
    print(
        frame.nlargest(3, "characters")[["article_id", "headline", "paragraphs_n", "characters"]].to_string()
    )

    # 3. DuckDB: SQL over the shards, unnesting the contributors.
    shards = str(folder / "articles" / "*.parquet")
    rows = (
        duckdb.connect()
        .execute(
            f"""
        SELECT c.role, count(*) AS people, string_agg(DISTINCT c.name, '、' ORDER BY c.name) AS names
        FROM (SELECT unnest(contributors) AS c FROM read_parquet('{shards}'))
        GROUP BY c.role ORDER BY people DESC, c.role
        """
        )
        .fetchall()
    )
    print("\n[duckdb] contributors by role:")
    for role, people, names in rows:
        print(f"  {role}: {people} ({names})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dataset")
