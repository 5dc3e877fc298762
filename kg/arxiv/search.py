"""Searching arXiv: the `search_query` from kg's options, and the records of a search or
of a list of ids, each paper once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from kg.arxiv.client import Client, OnRequest
from kg.arxiv.settings import ArxivSettings
from kg.errors import SourceError
from kg.graph import chunks
from kg.model import normalise_arxiv_id, title_key

Record = dict[str, Any]

SORTS = {"submitted": "submittedDate", "updated": "lastUpdatedDate", "relevance": "relevance"}
TITLE_CANDIDATES = 10  # results read when looking a paper up by its title
_CATEGORY = re.compile(r"[A-Za-z\-]+(\.[A-Za-z\-]+)?")


def parse_day(text: str | None, name: str) -> date | None:
    """`2025-11-20` -> a date; `name` (the option) is named in the error."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SourceError(f"{name} {text!r} is not a date; write it as YYYY-MM-DD") from None


def build_query(
    query: str = "", *, categories: Sequence[str] = (), since: date | None = None, until: date | None = None
) -> str:
    """The arXiv `search_query`: the query, AND any of the categories, AND the submission
    dates (whole days, GMT, both ends included)."""
    parts = [f"({query.strip()})"] if query.strip() else []
    cats = [c.strip() for c in categories if c.strip()]
    for cat in cats:
        if not _CATEGORY.fullmatch(cat):
            raise SourceError(f"--category {cat!r} is not an arXiv category such as cs.IR")
    if cats:
        parts.append("(" + " OR ".join(f"cat:{c}" for c in cats) + ")")
    if since or until:
        if since and until and since > until:
            raise SourceError(f"--since {since} is after --until {until}")
        start = (since or date(1991, 1, 1)).strftime("%Y%m%d") + "0000"
        end = (until or datetime.now(UTC).date()).strftime("%Y%m%d") + "2359"
        parts.append(f"submittedDate:[{start} TO {end}]")
    if len(parts) == 1 and parts[0].startswith("(") and not cats:
        return parts[0][1:-1]
    return " AND ".join(parts)


def fetch(
    query: str = "",
    *,
    ids: Sequence[str] = (),
    categories: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    max_results: int = 100,
    sort: str = "submitted",
    settings: ArxivSettings | None = None,
    on_request: OnRequest | None = None,
) -> list[Record]:
    """Search the arXiv API (or look up `ids`) and return the results as records, newest
    first by default, each paper once. Nothing is returned unless every page arrived."""
    settings = settings or ArxivSettings.from_env()
    if sort not in SORTS:
        raise SourceError(f"--sort {sort!r} is not one of: {', '.join(SORTS)}")
    wanted = _check_ids(ids)
    search_query = build_query(query, categories=categories, since=since, until=until)
    if not wanted and not search_query:
        raise SourceError("nothing to fetch: give a query, a --category, dates or an --id")
    records: dict[str, Record] = {}
    with Client(settings, on_request=on_request) as client:
        if wanted:
            for chunk in chunks(wanted, settings.page_size):
                found = client.records(query=search_query, ids=chunk, max_results=len(chunk), page_size=len(chunk))
                _collect(found, records)
        else:
            page_size = min(settings.page_size, max_results)
            found = client.records(
                query=search_query, sort_by=SORTS[sort], max_results=max_results, page_size=page_size
            )
            _collect(found, records)
    return list(records.values())


def find_by_title(
    title: str, *, settings: ArxivSettings | None = None, on_request: OnRequest | None = None
) -> list[Record]:
    """Records whose normalised title is exactly the given one's (kg.model.title_key)."""
    settings = settings or ArxivSettings.from_env()
    key = title_key(title)
    words = re.findall(r"\w+", title)
    if not key or not words:
        return []
    found: dict[str, Record] = {}
    with Client(settings, on_request=on_request) as client:
        query = f'ti:"{" ".join(words)}"'
        _collect(client.records(query=query, max_results=TITLE_CANDIDATES, page_size=TITLE_CANDIDATES), found)
    return [r for r in found.values() if title_key(r["title"]) == key]


def _check_ids(ids: Iterable[str]) -> list[str]:
    wanted: list[str] = []
    for raw in ids:
        arxiv_id = normalise_arxiv_id(raw)
        if arxiv_id is None:
            raise SourceError(f"--id {raw!r} is not an arXiv id such as 2511.14403")
        if arxiv_id not in wanted:
            wanted.append(arxiv_id)
    return wanted


def _collect(records: Iterable[Record], into: dict[str, Record]) -> None:
    for record in records:
        into.setdefault(normalise_arxiv_id(record["entry_id"]) or record["entry_id"], record)
