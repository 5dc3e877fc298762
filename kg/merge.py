"""`kg merge` and `kg unmerge`: one concept, one node, as the analyst decides.

A merge moves every relationship of one concept node to another of the same label (for
every relationship type the schema gives that label, either direction), keeps the merged
name among the target's `aliases`, deletes the merged node and records the decision in
the curation file (kg.curation), which later ingests and re-extractions apply. Where the
other end already had the same relationship with the target, the target's is kept; a
relationship between the two becomes nothing.

An unmerge records that the merge no longer holds, takes the name out of the aliases and
re-extracts the papers of the target (kg.reextract) under the curation without it: their
relationships to the merged name come back as a fresh ingest would make them.

Both run on a store's public interface (`query`, `write`), on either store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kg.curation import Curation, Decision, now
from kg.errors import CurationError
from kg.graph import GraphBatch
from kg.model import concept_key
from kg.reextract import ReextractReport, reextract
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS
from kg.store.base import GraphStore


@dataclass
class MergeReport:
    label: str
    name: str  # as stored
    into: str  # as stored (or as given, for a concept the store did not have)
    moved: dict[str, int] = field(default_factory=dict)  # relationship type -> moved
    kept: int = 0  # relationships the target already had
    dropped: int = 0  # relationships between the two
    aliases: list[str] = field(default_factory=list)  # the target's, after
    curation: str | None = None  # the file the decision went to


@dataclass
class UnmergeReport:
    label: str
    name: str
    into: str
    papers: int = 0  # papers re-extracted
    reextracted: ReextractReport | None = None
    curation: str | None = None


def ends(label: str) -> list[tuple[str, str, str, bool]]:
    """(type, from label, to label, the concept is the start) of every relationship the
    schema gives a label, once per end the label can take."""
    found = []
    for rel, rel_type in RELATIONSHIPS.items():
        for start, end in rel_type.pairs:
            if end == label:
                found.append((rel, start, end, False))
            if start == label:
                found.append((rel, start, end, True))
    return found


def check_label(label: str) -> str:
    for known in CONCEPT_LABELS:
        if known.lower() == label.lower():
            return known
    raise CurationError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")


def concept_node(store: GraphStore, label: str, name: str) -> dict[str, Any] | None:
    """The stored node of a concept by its name (matched by concept key), or None."""
    rows = store.query(f"MATCH (c:{label} {{key: $key}}) RETURN c.key, c.name, c.aliases", {"key": concept_key(name)})
    if not rows.rows:
        return None
    key, stored_name, aliases = rows.rows[0]
    return {"key": key, "name": stored_name, "aliases": list(aliases or [])}


def merge(store: GraphStore, *, label: str, name: str, into: str, curation: Curation) -> MergeReport:
    """Merge the concept `name` into the concept `into` (created if the store lacks it: a
    rename) and record it in `curation`."""
    label = check_label(label)
    source = concept_node(store, label, name)
    if source is None:
        merged = curation.target(label, concept_key(name))
        if merged is not None:
            raise CurationError(f"{label} {name!r} is already merged into {merged[1]!r}")
        raise CurationError(f"no {label} named {name!r} in store {store.url}")
    if concept_key(into) == source["key"]:
        raise CurationError(f"{name!r} and {into!r} are the same {label}")
    target = concept_node(store, label, into)
    if target is None:
        merged = curation.target(label, concept_key(into))
        if merged is not None:  # merging into a name that is itself merged: into its target
            target = concept_node(store, label, merged[1])
    into_name = target["name"] if target else into
    decision = Decision("merge", label, source["name"], into_name, now())
    curation.with_decision(decision)  # refuses a merge that would close a loop, before any change
    into_key = target["key"] if target else concept_key(into)

    report = MergeReport(label=label, name=source["name"], into=into_name)
    batch = GraphBatch()
    aliases = sorted({*(target["aliases"] if target else []), source["name"], *source["aliases"]})
    batch.add_node(label, into_key, name=into_name, aliases=aliases)
    for rel, start, end, outgoing in ends(label):
        props, keyed_by = list(RELATIONSHIPS[rel].props), RELATIONSHIPS[rel].keyed_by
        moving = _links(store, rel, start, end, outgoing, source["key"], props)
        others = sorted({row[0] for row in moving})
        present = _linked(store, rel, start, end, outgoing, into_key, others, keyed_by) if target and others else set()
        for other, *values in moving:
            if start == end and other in (source["key"], into_key):
                report.dropped += 1  # a loop, or a link between the two
                continue
            # a keyed type (OUTPERFORMS, one per paper) is there only with the same key value
            if (other if keyed_by is None else (other, values[props.index(keyed_by)])) in present:
                report.kept += 1
                continue
            pair = (into_key, other) if outgoing else (other, into_key)
            batch.add_rel(rel, start, pair[0], end, pair[1], **dict(zip(props, values, strict=True)))
            report.moved[rel] = report.moved.get(rel, 0) + 1
    store.write(batch)
    store.query(f"MATCH (c:{label} {{key: $key}}) DETACH DELETE c", {"key": source["key"]}, write=True)
    curation.record(decision)
    report.aliases = aliases
    report.curation = str(curation.path) if curation.path else None
    return report


def _links(
    store: GraphStore, rel: str, start: str, end: str, outgoing: bool, key: str, props: list[str]
) -> list[list[Any]]:
    """[other end's key, *props] of one concept's relationships of a type, in one direction."""
    values = "".join(f", r.{p}" for p in props)
    if outgoing:
        cypher = f"MATCH (c:{start} {{key: $key}})-[r:{rel}]->(o:{end}) RETURN o.key{values}"
    else:
        cypher = f"MATCH (o:{start})-[r:{rel}]->(c:{end} {{key: $key}}) RETURN o.key{values}"
    return store.query(cypher, {"key": key}).rows


def _linked(
    store: GraphStore,
    rel: str,
    start: str,
    end: str,
    outgoing: bool,
    key: str,
    others: list[str],
    keyed_by: str | None,
) -> set[Any]:
    """Those of `others` that already have the relationship with the concept `key` (with
    each value of the property a keyed type is keyed by: (other, value) pairs): looked up
    from their side, so that the cost follows the merged concept's size, not the target's."""
    found = "k" if keyed_by is None else f"k, r.{keyed_by}"
    if outgoing:
        cypher = f"UNWIND $others AS k MATCH (c:{start} {{key: $key}})-[r:{rel}]->(o:{end} {{key: k}}) RETURN {found}"
    else:
        cypher = f"UNWIND $others AS k MATCH (o:{start} {{key: k}})-[r:{rel}]->(c:{end} {{key: $key}}) RETURN {found}"
    rows = store.query(cypher, {"key": key, "others": others}).rows
    return {row[0] if keyed_by is None else (row[0], row[1]) for row in rows}


def unmerge(
    store: GraphStore,
    *,
    label: str,
    name: str,
    curation: Curation,
    extractor: Any,
    jobs: int | None = None,
    on_papers: Callable[[int], None] | None = None,
) -> UnmergeReport:
    """Take back the merge of the concept `name`: its relationships come back by
    re-extracting the papers of the concept it went into, under the curation without it."""
    label = check_label(label)
    merged = curation.target(label, concept_key(name))
    direct = next((m for m in curation.merged() if m[0] == label and concept_key(m[1]) == concept_key(name)), None)
    if merged is None or direct is None:
        where = f" in {curation.path}" if curation.path else ""
        raise CurationError(f"{label} {name!r} is not merged into anything{where}")
    decision = Decision("unmerge", label, direct[1], None, now())
    after = curation.with_decision(decision)
    into_key, into_name = merged
    report = UnmergeReport(label=label, name=direct[1], into=into_name)
    aliases = after.aliases(label, into_key)
    store.query(
        f"MATCH (c:{label} {{key: $key}}) SET c.aliases = " + ("$aliases" if aliases else "NULL"),
        {"key": into_key, **({"aliases": aliases} if aliases else {})},
        write=True,
    )
    papers = sorted(
        {
            row[0]
            for path in ("(p:Paper)-->", "(p:Paper)-[:CLAIMS]->(:Result)-->")  # named directly, or by a result
            for row in store.query(
                f"MATCH {path}(c:{label} {{key: $key}}) RETURN DISTINCT p.key", {"key": into_key}
            ).rows
        }
    )
    if papers:
        report.reextracted = reextract(
            store, extractor=extractor, curation=after, papers=papers, jobs=jobs, on_papers=on_papers
        )
    report.papers = len(papers)
    curation.record(decision)
    report.curation = str(curation.path) if curation.path else None
    return report
