"""arXiv as a source: search the arXiv API or look papers up by id, politely, and keep
the answers as JSON lines or load them as papers.

    settings.py  ArxivSettings from KG_ARXIV_* and KG_CACHE_DIR
    client.py    the API over httpx: delay, retries with backoff, cache of good answers
    search.py    the search query from kg's options; fetch, find_by_title
    records.py   records as JSON lines, or loaded into a store

Reading the API's Atom answers into records, and records into papers, is the digest
family `arxiv-api` (extractors/digests/arxiv_api.py). A fetch's records have the `arxiv`
package's Result fields (`RECORD_FIELDS`), so `kg ingest` reads a saved fetch back.
Errors are `SourceError` and `SourceUnavailable` (kg.errors)."""

from extractors.digests.arxiv_api import NAME as FAMILY
from extractors.digests.arxiv_api import RECORD_FIELDS, SOURCE
from kg.arxiv.records import load_records, records_jsonl, write_records
from kg.arxiv.search import SORTS, build_query, fetch, find_by_title, parse_day
from kg.arxiv.settings import DEFAULT_API, ArxivSettings
from kg.errors import SourceError, SourceUnavailable

__all__ = [
    "DEFAULT_API",
    "FAMILY",
    "RECORD_FIELDS",
    "SORTS",
    "SOURCE",
    "ArxivSettings",
    "SourceError",
    "SourceUnavailable",
    "build_query",
    "fetch",
    "find_by_title",
    "load_records",
    "parse_day",
    "records_jsonl",
    "write_records",
]
