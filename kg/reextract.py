"""`kg reextract`: run the current extractors, with the user's lexicons and curation, over
papers already in the store, from the text the store keeps (title, abstract, comments,
TL;DR, an AI digest's sections), and replace their concept relationships; no digest file is read.

The relationships replaced are those extraction makes: every type of the schema from a
Paper to a concept label, and the paper's results and comparisons (its Result nodes with
their links, the OUTPERFORMS its `paper` names). When the whole store is re-extracted, the concept nodes and the
relationships between them (a company's PART_OF its parent) are made anew as well; for
some papers, a concept left with no paper and nothing pointing at it is removed, as a
fresh ingest would never have made it. Running it twice changes nothing the second time."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.curation import Curation
from kg.graph import GraphBatch, chunks
from kg.ingest import _add_mentions
from kg.model import Paper
from kg.parallel import ParallelExtractor
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS
from kg.store.base import GraphStore, node_pages

PAGE = 5_000  # papers extracted and written at a time: the next page is extracted while one is written
TEXT = ("key", "title", "abstract", "comments", "tldr", "sections")  # what Paper.text reads, as stored
DATES = ("key", "published", "arxiv_id", "digest_date")
DELETE_SLICE = 100_000  # relationships or nodes deleted per statement


@dataclass
class ReextractReport:
    papers: int = 0
    removed: dict[str, int] = field(default_factory=dict)  # relationship type -> removed
    written: dict[str, int] = field(default_factory=dict)  # relationship type -> written
    concepts_removed: int = 0


def types_to_concepts(starts: Collection[str]) -> list[tuple[str, str, str]]:
    """(type, from label, to label) of every relationship of the schema from one of the
    labels `starts` to a concept label."""
    return [
        (rel, start, end)
        for rel, rel_type in RELATIONSHIPS.items()
        for start, end in rel_type.pairs
        if start in starts and end in CONCEPT_LABELS
    ]


def extracted_types() -> list[tuple[str, str, str]]:
    """The relationships extraction makes from a paper."""
    return types_to_concepts(("Paper",))


def reextract(
    store: GraphStore,
    *,
    extractor: Any,
    curation: Curation | None = None,
    since: date | None = None,
    papers: Sequence[str] | None = None,
    jobs: int | None = None,
    on_papers: Callable[[int], None] | None = None,
) -> ReextractReport:
    """Re-extract every paper of the store, or those dated `since` a day or later, or the
    papers of the keys given. `on_papers(n)` is called as each page of n papers is written."""
    report = ReextractReport()
    whole = since is None and papers is None
    touched: dict[str, set[str]] = {label: set() for label in CONCEPT_LABELS}
    concepts_before = _concepts(store) if whole else 0
    pages = _text_pages(store, since=since, papers=papers)
    with ParallelExtractor(extractor, jobs) as parallel:
        current = next(pages, None)
        pending = parallel.submit([stored_paper(row) for row in current]) if current else None
        if whole:  # while the first page is extracted
            _clear(store, report)
        while current is not None and pending is not None:
            following = next(pages, None)  # the next page is extracted while this one is written
            waiting = parallel.submit([stored_paper(row) for row in following]) if following else None
            keys = [row[0] for row in current]
            if not whole:
                _remove_links(store, keys, touched, report)
            batch = GraphBatch()
            for key, found in zip(keys, pending.result(), strict=True):
                _add_mentions(batch, key, found)
            if curation:
                curation.apply(batch)
            for (rel, _, _), pairs in batch.rels.items():
                _count(report.written, rel, len(pairs))
            store.write(batch)
            report.papers += len(keys)
            if on_papers:
                on_papers(len(keys))
            current, pending = following, waiting
    if whole:
        report.concepts_removed = max(0, concepts_before - _concepts(store))
    else:
        report.concepts_removed = remove_orphans(store, touched)
    return report


def _clear(store: GraphStore, report: ReextractReport) -> None:
    """Delete what extraction made in the whole store: the relationships from papers to
    concepts, those between concepts, and the concept nodes, which the write then creates
    anew (the embedded store loads new nodes and their links in bulk). A stop before the
    end leaves papers without concepts until the next run. In slices, as one transaction
    of millions of deletions outgrows a server's transaction memory."""
    for rel, start, end in [*extracted_types(), *types_to_concepts(CONCEPT_LABELS)]:
        cypher = f"MATCH (:{start})-[r:{rel}]->(:{end}) WITH r LIMIT {DELETE_SLICE} DELETE r RETURN count(r)"
        while n := _delete(store, cypher):
            _count(report.removed, rel, n)
    for label in ("Result", *CONCEPT_LABELS):
        while _delete(store, f"MATCH (c:{label}) WITH c LIMIT {DELETE_SLICE} DETACH DELETE c RETURN count(c)"):
            pass


def _concepts(store: GraphStore) -> int:
    return sum(int(store.query(f"MATCH (c:{label}) RETURN count(c)").rows[0][0]) for label in CONCEPT_LABELS)


def _text_pages(store: GraphStore, *, since: date | None, papers: Sequence[str] | None) -> Iterator[list[list[Any]]]:
    """Pages of [key, title, abstract, comments, tldr] of the papers chosen."""
    if papers is None and since is None:
        yield from node_pages(store, "Paper", list(TEXT), page=PAGE)
        return
    if papers is None:
        assert since is not None
        papers = [row[0] for page in node_pages(store, "Paper", list(DATES)) for row in page if _since(row, since)]
    returns = ", ".join(f"p.{name}" for name in TEXT)
    for page in chunks(papers, PAGE):
        keys = sorted(page)
        rows = store.query(f"UNWIND $keys AS k MATCH (p:Paper {{key: k}}) RETURN {returns}", {"keys": keys}).rows
        if rows:
            yield rows


def paper_day(published: str | None, arxiv_id: str | None, digest_date: str | None) -> str | None:
    """A paper's date as DESIGN.md fixes it: published, else the month its arXiv id implies
    (2511.xxxxx: 2025-11), else its digest's date."""
    if published:
        return published[:10]
    if arxiv_id and len(arxiv_id) >= 4 and arxiv_id[:4].isdigit():
        return f"20{arxiv_id[:2]}-{arxiv_id[2:4]}"
    return digest_date[:10] if digest_date else None


def _since(row: list[Any], since: date) -> bool:
    day = paper_day(row[1], row[2], row[3])
    if day is None:
        return False
    # a month alone (from the id) counts from the month `since` falls in
    return day >= (since.isoformat()[:7] if len(day) == 7 else since.isoformat())


def stored_paper(row: list[Any]) -> Paper:
    """A paper as extraction reads it, from a row of TEXT."""
    _, title, abstract, comments, tldr, sections = row
    return Paper(
        source="",
        family="",
        title=title,
        abstract=abstract,
        comments=comments,
        tldr=tldr,
        sections={str(n): text for n, text in enumerate(sections or [])},
    )


def _remove_links(store: GraphStore, keys: list[str], touched: dict[str, set[str]], report: ReextractReport) -> None:
    """Delete the extracted relationships of these papers, noting the concepts they led to."""
    for rel, start, end in extracted_types():
        rows = store.query(
            f"UNWIND $keys AS k MATCH (p:{start} {{key: k}})-[r:{rel}]->(c:{end}) DELETE r RETURN c.key",
            {"keys": keys},
            write=True,
        ).rows
        touched[end].update(row[0] for row in rows)
        _count(report.removed, rel, len(rows))
    for rel, _, end in types_to_concepts(("Result",)):  # the concepts the paper's results led to
        rows = store.query(
            f"UNWIND $keys AS k MATCH (:Paper {{key: k}})-[:CLAIMS]->(:Result)-[:{rel}]->(c:{end}) RETURN c.key",
            {"keys": keys},
        ).rows
        touched[end].update(row[0] for row in rows)
    claims = "UNWIND $keys AS k MATCH (:Paper {key: k})-[:CLAIMS]->(r:Result) DETACH DELETE r RETURN count(r)"
    _count(report.removed, "CLAIMS", _delete(store, claims, {"keys": keys}))
    rows = store.query(
        "MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method) WHERE o.paper IN $keys DELETE o RETURN a.key, b.key",
        {"keys": keys},
        write=True,
    ).rows
    touched["Method"].update(key for row in rows for key in row)
    _count(report.removed, "OUTPERFORMS", len(rows))


def remove_orphans(store: GraphStore, keys: dict[str, set[str]] | None = None) -> int:
    """Delete concepts (all, or those of `keys` by label) that no paper links to and no
    relationship points at (a parent company stays while a product points at it); again
    until none is left, as removing a product can leave its parent alone."""
    removed = 0
    orphan = "NOT EXISTS { MATCH (c)--(:Paper) } AND NOT EXISTS { MATCH (c)<--() }"
    while True:
        found = 0
        for label in CONCEPT_LABELS:
            if keys is None:
                cypher = f"MATCH (c:{label}) WHERE {orphan} DETACH DELETE c RETURN count(c)"
                found += _delete(store, cypher)
            elif keys[label]:
                cypher = (
                    f"UNWIND $keys AS k MATCH (c:{label} {{key: k}}) WHERE {orphan} DETACH DELETE c RETURN count(c)"
                )
                found += _delete(store, cypher, {"keys": sorted(keys[label])})
        removed += found
        if not found:
            return removed


def _delete(store: GraphStore, cypher: str, params: dict[str, Any] | None = None) -> int:
    rows = store.query(cypher, params, write=True).rows
    return int(rows[0][0]) if rows else 0


def _count(counts: dict[str, int], rel: str, n: int) -> None:
    if n:
        counts[rel] = counts.get(rel, 0) + n
