"""`kg enrich`: fill in, from the arXiv API, the papers of a store that lack an arXiv id,
a title or authors. A paper is looked up by its id, or else by its exact normalised
title; it is never guessed: no match, or several, and it is listed as unmatched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractors.digests import ParsedFile
from extractors.digests.arxiv_api import NAME, SOURCE, paper_from_record
from kg.arxiv.client import OnRequest
from kg.arxiv.search import Record, fetch, find_by_title
from kg.arxiv.settings import ArxivSettings
from kg.curation import Curation
from kg.ingest import load_parsed
from kg.model import Paper, normalise_arxiv_id
from kg.store.base import GraphStore

NEEDING = """
MATCH (p:Paper)
OPTIONAL MATCH (a:Author)-[:WROTE]->(p)
WITH p, count(a) AS authors
WHERE p.arxiv_id IS NULL OR p.title IS NULL OR authors = 0
RETURN p.key AS key, p.arxiv_id AS arxiv_id, p.title AS title, authors
ORDER BY key
"""
HOLDERS = "UNWIND $ids AS i MATCH (p:Paper) WHERE p.arxiv_id = i RETURN i AS arxiv_id, p.key AS key"


@dataclass
class Filled:
    key: str
    arxiv_id: str | None
    fields: list[str]  # which of arxiv_id, title, authors the API gave
    by: str  # "id" or "title"


@dataclass
class Unmatched:
    key: str
    title: str | None
    reason: str


@dataclass
class EnrichReport:
    checked: int = 0
    filled: list[Filled] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    requests: int = 0


@dataclass
class _Found:
    record: Record
    by: str


def papers_needing(store: GraphStore) -> list[dict[str, Any]]:
    """Papers that lack an arXiv id, a title or authors: key, arxiv_id, title, authors (a count)."""
    return store.query(NEEDING).records()


def enrich(
    *,
    store: GraphStore,
    extractor: Any = None,
    settings: ArxivSettings | None = None,
    on_request: OnRequest | None = None,
    curation: Curation | None = None,
) -> EnrichReport:
    """Look up the papers that lack an id, a title or authors, and fill in only what they
    lack; `extractor` (kg.ingest.entity_extractor()) finds the concepts of what is filled in,
    `curation` (kg.curation) applies the analyst's merges to them."""
    settings = settings or ArxivSettings.from_env()
    needing = papers_needing(store)
    report = EnrichReport(checked=len(needing))

    def counted(url: str, cached: bool) -> None:
        if not cached:
            report.requests += 1
        if on_request:
            on_request(url, cached)

    found = _match_ids([row for row in needing if row["arxiv_id"]], settings, counted, report)
    found |= _match_titles(store, [row for row in needing if not row["arxiv_id"]], settings, counted, report)
    papers = []
    for row in needing:
        if row["key"] not in found:
            continue
        paper = paper_from_record(found[row["key"]].record)
        if paper is None:
            continue
        papers.append(paper)
        report.filled.append(Filled(row["key"], paper.arxiv_id, _fill(row, paper), found[row["key"]].by))
    if papers:
        parsed = ParsedFile(path=SOURCE, family=NAME, papers=papers)
        load_parsed(parsed, store=store, extractor=extractor, curation=curation)
    return report


def _fill(row: dict[str, Any], paper: Paper) -> list[str]:
    """What the paper gives that the node lacks; authors only to a node that has none,
    never a second spelling of names it has."""
    fields = []
    if not row["arxiv_id"]:
        fields.append("arxiv_id")
    if not row["title"] and paper.title:
        fields.append("title")
    if row["authors"]:
        paper.authors = []
    elif paper.authors:
        fields.append("authors")
    return fields


def _match_ids(
    rows: list[dict[str, Any]], settings: ArxivSettings, on_request: OnRequest, report: EnrichReport
) -> dict[str, _Found]:
    if not rows:
        return {}
    fetched = fetch(ids=[row["arxiv_id"] for row in rows], settings=settings, on_request=on_request)
    records = {normalise_arxiv_id(r["entry_id"]): r for r in fetched}
    found = {}
    for row in rows:
        record = records.get(row["arxiv_id"])
        if record is None:
            report.unmatched.append(Unmatched(row["key"], row["title"], f"arXiv has no paper {row['arxiv_id']}"))
        else:
            found[row["key"]] = _Found(record, "id")
    return found


def _match_titles(
    store: GraphStore,
    rows: list[dict[str, Any]],
    settings: ArxivSettings,
    on_request: OnRequest,
    report: EnrichReport,
) -> dict[str, _Found]:
    """Match the papers without an id by exact title; a match whose id another node
    already holds is listed (two nodes of one paper), not merged."""
    candidates: dict[str, Record] = {}
    for row in rows:
        if not row["title"]:
            report.unmatched.append(Unmatched(row["key"], None, "no id and no title to look it up by"))
            continue
        matches = find_by_title(row["title"], settings=settings, on_request=on_request)
        ids = sorted({normalise_arxiv_id(r["entry_id"]) or r["entry_id"] for r in matches})
        if not ids:
            report.unmatched.append(Unmatched(row["key"], row["title"], "no arXiv paper has exactly this title"))
        elif len(ids) > 1:
            reason = f"several arXiv papers have this title ({', '.join(ids)})"
            report.unmatched.append(Unmatched(row["key"], row["title"], reason))
        else:
            candidates[row["key"]] = matches[0]
    if not candidates:
        return {}
    ids = [normalise_arxiv_id(r["entry_id"]) for r in candidates.values()]
    holders = {r["arxiv_id"]: r["key"] for r in store.query(HOLDERS, {"ids": ids}).records()}
    titles = {row["key"]: row["title"] for row in rows}
    found = {}
    for key, record in candidates.items():
        arxiv_id = normalise_arxiv_id(record["entry_id"])
        if arxiv_id in holders:
            reason = f"its title is that of {arxiv_id}, which is already the paper {holders[arxiv_id]}; the two are one paper"
            report.unmatched.append(Unmatched(key, titles[key], reason))
        else:
            found[key] = _Found(record, "title")
    return found
