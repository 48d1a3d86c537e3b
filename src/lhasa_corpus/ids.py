"""Stable IDs of pages and articles.

An ID never depends on what the parser inferred: a page's ID is built from
the date and page number *given* for it and a hash of its text, and an
article's from its page's ID and its position. The same input always gets
the same IDs, and two different pages never share one.
"""

from __future__ import annotations

import datetime as dt
import hashlib


def page_id_for(raw_text: str, issue_date: dt.date | None, page: int | None) -> str:
    """The stable ID of a page: its date, its number and a hash of its text.

    ``YYYYMMDD-pNN-hhhhhhhhhh``; ``nodate`` and ``p00`` stand in for an
    unknown date or page number. The hash is the first ten hex digits of the
    SHA-256 of the page text in UTF-8, so two different pages never share an
    ID and the same page always gets the same one.

    >>> page_id_for("拉萨", dt.date(2025, 9, 17), 3)
    '20250917-p03-11ee20b42e'
    >>> page_id_for("拉萨", None, None)
    'nodate-p00-11ee20b42e'
    """
    digest = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()[:10]
    date = issue_date.strftime("%Y%m%d") if issue_date else "nodate"
    return f"{date}-p{page or 0:02d}-{digest}"


def article_id_for(page_id: str, position: int) -> str:
    """The stable ID of an article: its page's ID and its 1-based position, on two digits.

    >>> article_id_for("20250917-p03-11ee20b42e", 5)
    '20250917-p03-11ee20b42e-05'
    """
    return f"{page_id}-{position:02d}"
