"""Plain records (dicts of JSON types) for articles and pages, and back.

The JSON Lines output of ``lhasa-corpus parse`` and the rows of the Parquet
tables share these records, so their keys are documented once here.

Article keys: ``article_id, page_id, paper, issue_date, page, position,
kicker, headline, subheadlines, source, dateline, byline, contributors [{name,
role, organisation}], paragraphs, text, captions [{text, credit, photographer}],
continuations, char_start, char_end, flags, spans [{field, start, end}]``.

Page keys: ``page_id, paper, issue_date, page, source_file, source_sha256,
headline_placement, flags, raw_text, leftovers [{text, start, end, kind}],
sections, editors [{name, role, organisation}]``, and ``articles`` where asked.

Records written before a key existed still read back: a missing ``byline``,
``organisation``, ``kind``, ``sections`` or ``editors`` reads as empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from lhasa_corpus.models import Article, Caption, Contributor, Leftover, Page, Span

Record = dict[str, Any]


def article_record(article: Article) -> Record:
    """An article as a record of JSON types; ``text`` is included for readers."""
    return {
        "article_id": article.article_id,
        "page_id": article.page_id,
        "paper": article.paper,
        "issue_date": _date_text(article.issue_date),
        "page": article.page,
        "position": article.position,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadlines": list(article.subheadlines),
        "source": article.source,
        "dateline": article.dateline,
        "byline": article.byline,
        "contributors": [_person_record(person) for person in article.contributors],
        "paragraphs": list(article.paragraphs),
        "text": article.text,
        "captions": [
            {"text": caption.text, "credit": caption.credit, "photographer": caption.photographer}
            for caption in article.captions
        ],
        "continuations": list(article.continuations),
        "char_start": article.char_start,
        "char_end": article.char_end,
        "flags": list(article.flags),
        "spans": [{"field": span.field, "start": span.start, "end": span.end} for span in article.spans],
    }


def article_from_record(record: Mapping[str, Any]) -> Article:
    """The article a record describes (``text`` is derived, so it is ignored)."""
    return Article(
        article_id=record["article_id"],
        page_id=record["page_id"],
        paper=record["paper"],
        issue_date=_date_value(record["issue_date"]),
        page=record["page"],
        position=record["position"],
        kicker=record.get("kicker"),
        headline=record["headline"],
        subheadlines=tuple(record["subheadlines"]),
        source=record["source"],
        dateline=record["dateline"],
        byline=record.get("byline"),
        contributors=tuple(_person(item) for item in record["contributors"]),
        paragraphs=tuple(record["paragraphs"]),
        captions=tuple(
            Caption(text=c["text"], credit=c["credit"], photographer=c["photographer"])
            for c in record["captions"]
        ),
        continuations=tuple(record.get("continuations") or ()),
        char_start=record["char_start"],
        char_end=record["char_end"],
        flags=tuple(record["flags"]),
        spans=tuple(
            Span(field=s["field"], start=s["start"], end=s["end"]) for s in record.get("spans") or ()
        ),
    )


def page_record(page: Page, *, with_articles: bool = True) -> Record:
    """A page as a record: its metadata, raw text, leftovers and (optionally) articles."""
    record: Record = {
        "page_id": page.page_id,
        "paper": page.paper,
        "issue_date": _date_text(page.issue_date),
        "page": page.page,
        "source_file": page.source_file,
        "source_sha256": page.source_sha256,
        "headline_placement": page.headline_placement,
        "flags": list(page.flags),
        "raw_text": page.raw_text,
        "leftovers": [
            {"text": leftover.text, "start": leftover.start, "end": leftover.end, "kind": leftover.kind}
            for leftover in page.leftovers
        ],
        "sections": list(page.sections),
        "editors": [_person_record(person) for person in page.editors],
    }
    if with_articles:
        record["articles"] = [article_record(article) for article in page.articles]
    return record


def page_from_record(record: Mapping[str, Any], articles: tuple[Article, ...] | None = None) -> Page:
    """The page a record describes; *articles* overrides the record's own list."""
    if articles is None:
        articles = tuple(article_from_record(item) for item in record.get("articles") or ())
    return Page(
        page_id=record["page_id"],
        paper=record["paper"],
        issue_date=_date_value(record["issue_date"]),
        page=record["page"],
        raw_text=record["raw_text"],
        source_file=record["source_file"],
        source_sha256=record["source_sha256"],
        headline_placement=record["headline_placement"],
        articles=articles,
        leftovers=tuple(
            Leftover(text=item["text"], start=item["start"], end=item["end"], kind=item.get("kind"))
            for item in record["leftovers"]
        ),
        flags=tuple(record["flags"]),
        sections=tuple(record.get("sections") or ()),
        editors=tuple(_person(item) for item in record.get("editors") or ()),
    )


def _person_record(person: Contributor) -> Record:
    return {"name": person.name, "role": person.role, "organisation": person.organisation}


def _person(item: Mapping[str, Any]) -> Contributor:
    return Contributor(name=item["name"], role=item["role"], organisation=item.get("organisation"))


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_value(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
