"""Copy a whole graph from one store to another without re-parsing its inputs, e.g. from
the embedded file to a Neo4j server when a corpus outgrows one laptop."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.graph import GraphBatch
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore

PAGE = 20000


def copy_graph(source: GraphStore, target: GraphStore, *, on_batch: Callable[[str, int], None] | None = None) -> dict:
    """Write every node, then every relationship, of `source` into `target` in pages.
    Returns the numbers copied per label and type. Idempotent: keyed upserts."""
    copied: dict[str, int] = {}
    for label, props in NODES.items():
        copied[label] = 0
        for rows in _node_pages(source, label, list(props)):
            batch = GraphBatch()
            for row in rows:
                batch.add_node(label, row["key"], **{k: v for k, v in row.items() if k != "key"})
            target.write(batch)
            copied[label] += len(rows)
            if on_batch:
                on_batch(label, len(rows))
    for rel, (pairs, props) in RELATIONSHIPS.items():
        copied[rel] = 0
        for from_label, to_label in pairs:
            for rows in _rel_pages(source, rel, from_label, to_label, list(props)):
                batch = GraphBatch()
                for row in rows:
                    batch.add_rel(rel, from_label, row["src"], to_label, row["dst"],
                                  **{p: row[p] for p in props})
                target.write(batch)
                copied[rel] += len(rows)
                if on_batch:
                    on_batch(rel, len(rows))
    return copied


def _node_pages(store: GraphStore, label: str, props: list[str]) -> Iterator[list[dict]]:
    """Pages in key order, each starting after the last key of the one before."""
    returns = ", ".join(f"n.{p} AS {p}" for p in props)
    after = ""
    while True:
        rows = store.query(
            f"MATCH (n:{label}) WHERE n.key > $after RETURN {returns} ORDER BY n.key LIMIT {PAGE}", {"after": after}
        ).records()
        if not rows:
            return
        yield rows
        after = rows[-1]["key"]


def _rel_pages(store: GraphStore, rel: str, from_label: str, to_label: str, props: list[str]) -> Iterator[list[dict]]:
    """The relationships of a page of start nodes at a time."""
    returns = "".join(f", r.{p} AS {p}" for p in props)
    after = ""
    while True:
        starts = store.query(
            f"MATCH (a:{from_label}) WHERE a.key > $after RETURN a.key AS key ORDER BY a.key LIMIT {PAGE}",
            {"after": after},
        ).rows
        if not starts:
            return
        last = starts[-1][0]
        rows = store.query(
            f"MATCH (a:{from_label})-[r:{rel}]->(b:{to_label}) WHERE a.key > $after AND a.key <= $last "
            f"RETURN a.key AS src, b.key AS dst{returns}",
            {"after": after, "last": last},
        ).records()
        if rows:
            yield rows
        after = last
