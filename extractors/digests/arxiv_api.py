"""Answers of the arXiv API: its Atom feeds, and the records `kg fetch` makes of them.

A feed's entries become records of the `arxiv` package's Result fields (`RECORD_FIELDS`,
dates as ISO strings), the shape `kg fetch --out` writes and `kg ingest` reads back as
JSON; a record becomes a `Paper` of family `arxiv-api` the way any JSON record does
(json_records.paper_from_record). As a digest family it reads a saved API answer:
`kg ingest answer.xml`. See https://info.arxiv.org/help/api/user-manual.html."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from extractors.digests import json_records
from kg.errors import DigestError
from kg.model import Paper, clean_text

NAME = "arxiv-api"
SOURCE = "arXiv API"  # the Source node of the papers fetched from the API
RECORD_FIELDS = (
    "entry_id",
    "updated",
    "published",
    "title",
    "authors",
    "summary",
    "comment",
    "journal_ref",
    "doi",
    "primary_category",
    "categories",
    "pdf_url",
)

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
_API_ERROR = "arxiv.org/api/errors"  # the id of the entry an error feed holds
_HEAD = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<feed\b[^>]*http://www\.w3\.org/2005/Atom", re.S)


@dataclass
class Feed:
    """One page of an API answer."""

    total: int = 0  # opensearch:totalResults, what the whole search holds
    entries: int = 0  # <entry> elements on this page
    records: list[dict[str, Any]] = field(default_factory=list)  # the entries arXiv knows (they have dates)
    error: str | None = None  # the API's own error message, when the answer is an error feed


def detect(text: str) -> bool:
    return bool(_HEAD.match(text[:2000])) and "arxiv.org" in text[:4000]


def parse(text: str, source: str) -> list[Paper]:
    feed = read_feed(text.encode("utf-8"))
    if feed.error:
        raise DigestError(f"an error answer of the arXiv API: {feed.error}")
    return papers_from_records(feed.records, source=source)


def read_feed(content: bytes) -> Feed:
    """An Atom answer of the API as records; DigestError when it is no Atom feed at all."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise DigestError(f"malformed feed ({exc})") from exc
    if root.tag != f"{_ATOM}feed":
        raise DigestError(f"the answer is not an Atom feed (root element <{root.tag.rpartition('}')[2]}>)")
    entries = root.findall(f"{_ATOM}entry")
    return Feed(
        total=_int(root.findtext(f"{_OPENSEARCH}totalResults")),
        entries=len(entries),
        records=[record for entry in entries if (record := _record(entry)) is not None],
        error=_error(entries),
    )


def api_error(content: bytes) -> str | None:
    """The message of an API error feed (say in the body of an HTTP 400), else None."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError:
        return None
    return _error(root.findall(f"{_ATOM}entry"))


def paper_from_record(record: dict[str, Any], *, source: str = SOURCE, line: int = 0) -> Paper | None:
    """A record of the API as a Paper of family `arxiv-api`, read as any JSON record is."""
    return json_records.paper_from_record(record, source=source, line=line, family=NAME)


def papers_from_records(records: Iterable[dict[str, Any]], *, source: str = SOURCE) -> list[Paper]:
    return [paper for record in records if (paper := paper_from_record(record, source=source)) is not None]


def _record(entry: ET.Element) -> dict[str, Any] | None:
    """An entry as a record of the Result fields; None without an id or dates (an id
    arXiv does not know comes back as an entry without them)."""
    entry_id = _text(entry, f"{_ATOM}id")
    updated = _iso(_text(entry, f"{_ATOM}updated"))
    published = _iso(_text(entry, f"{_ATOM}published"))
    if not entry_id or updated is None or published is None:
        return None
    primary = entry.find(f"{_ARXIV}primary_category")
    pdf_links = [link.get("href") for link in entry.iterfind(f"{_ATOM}link") if link.get("title") == "pdf"]
    return {
        "entry_id": entry_id,
        "updated": updated,
        "published": published,
        "title": re.sub(r"\s+", " ", _text(entry, f"{_ATOM}title") or ""),
        "authors": [_text(author, f"{_ATOM}name") or "" for author in entry.iterfind(f"{_ATOM}author")],
        "summary": _text(entry, f"{_ATOM}summary") or "",
        "comment": _text(entry, f"{_ARXIV}comment"),
        "journal_ref": _text(entry, f"{_ARXIV}journal_ref"),
        "doi": _text(entry, f"{_ARXIV}doi"),
        "primary_category": (primary.get("term") if primary is not None else None) or None,
        "categories": [term for cat in entry.iterfind(f"{_ATOM}category") if (term := cat.get("term")) is not None],
        "pdf_url": next((href for href in pdf_links if href is not None), None),
    }


def _text(element: ET.Element, path: str) -> str | None:
    """The text of the first `path` below `element`; None when it is absent or empty."""
    found = element.find(path)
    return None if found is None else found.text


def _iso(raw: str | None) -> str | None:
    """An Atom timestamp as ISO 8601 in UTC with a Z: `2025-11-18T17:02:11Z`."""
    if raw is None:
        return None
    moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat().replace("+00:00", "Z")


def _error(entries: list[ET.Element]) -> str | None:
    for entry in entries:
        entry_id = entry.findtext(f"{_ATOM}id") or ""
        if _API_ERROR in entry_id:
            return clean_text(entry.findtext(f"{_ATOM}summary")) or entry_id.rpartition("#")[2]
    return None


def _int(raw: str | None) -> int:
    try:
        return int(raw.strip()) if raw else 0
    except ValueError:
        return 0
