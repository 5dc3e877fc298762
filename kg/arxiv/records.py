"""Fetched records kept as JSON lines, or loaded into a store as papers of the `arXiv API`
source (family `arxiv-api`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractors.digests import ParsedFile
from extractors.digests.arxiv_api import NAME, SOURCE, papers_from_records
from kg.arxiv.client import write_atomically
from kg.curation import Curation
from kg.errors import SourceError
from kg.ingest import FileReport, load_parsed
from kg.store.base import GraphStore


def records_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def write_records(records: Sequence[dict[str, Any]], path: str | Path) -> None:
    """Write records as JSON lines, all or nothing (a temporary file renamed into place)."""
    path = Path(path)
    try:
        write_atomically(path, records_jsonl(records).encode("utf-8"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def load_records(
    records: Sequence[dict[str, Any]], *, store: GraphStore, extractor: Any = None, curation: Curation | None = None
) -> FileReport:
    """Write fetched records to the store as papers of the `arXiv API` source; `extractor`
    (kg.ingest.entity_extractor()) finds their concepts, None loads papers and authors only;
    `curation`: the analyst's merges (kg.curation)."""
    papers = papers_from_records(records)
    if not papers:
        return FileReport(path=SOURCE, family=NAME)
    parsed = ParsedFile(path=SOURCE, family=NAME, papers=papers)
    return load_parsed(parsed, store=store, extractor=extractor, curation=curation)
