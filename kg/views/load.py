"""Reading a view's graph out of a store with plain, portable Cypher: one MATCH per
relationship type and pair of labels of kg.schema, properties returned as columns, the
graph assembled in Python. Nodes are named `Label:key` (keys are unique per label only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from kg.graph import Row, chunks
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore

CHUNK = 2000
# A stored relationship: type, from label, to label, from key, to key, properties (those set).
StoredEdge = tuple[str, str, str, str, str, Row]

# The properties a view shows, per label (the rest, abstracts above all, stay in the store).
_SHOWN = {
    "Paper": ("arxiv_id", "title", "published", "digest_date", "url", "venue", "category", "n_authors", "upvotes"),
    "Source": ("name", "family", "date"),
    "Result": ("value", "setting"),
}


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def rel_pairs(rel_types: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """(type, from label, to label) for every pair the schema allows."""
    types = RELATIONSHIPS if rel_types is None else rel_types
    return [(rel, a, b) for rel in types for a, b in RELATIONSHIPS[rel].pairs]


def shown_props(label: str) -> tuple[str, ...]:
    return tuple(p for p in _SHOWN.get(label, ("name",)) if p in NODES[label])


def topology(store: GraphStore, rel_types: Iterable[str]) -> nx.MultiDiGraph:
    """Every relationship of the given types as an edge (keyed by type), keys only."""
    graph = nx.MultiDiGraph()
    for rel, a, b in rel_pairs(rel_types):
        rows = store.query(f"MATCH (a:{a})-[r:{rel}]->(b:{b}) RETURN a.key AS a, b.key AS b").rows
        for src, dst in sorted(rows):  # stores return rows in any order; views are the same each time
            u, v = node_id(a, src), node_id(b, dst)
            graph.add_node(u, label=a, key=src)
            graph.add_node(v, label=b, key=dst)
            graph.add_edge(u, v, key=rel, type=rel)
    return graph


def add_nodes(store: GraphStore, graph: nx.Graph, label: str, *, keys: Iterable[str] | None = None) -> None:
    """Add the nodes of a label (all of them, or those with the given keys) that are not
    in the graph yet, as isolated nodes."""
    if keys is None:
        found = sorted(row[0] for row in store.query(f"MATCH (n:{label}) RETURN n.key AS key").rows)
    else:
        found = sorted(
            row[0] for row in _unwind(store, f"MATCH (n:{label} {{key: k}}) RETURN n.key AS key", list(keys))
        )
    for key in found:
        graph.add_node(node_id(label, key), label=label, key=key)


def fill_props(store: GraphStore, graph: nx.Graph) -> None:
    """Set the `props` attribute of every node from the store (shown properties only)."""
    by_label: dict[str, list[str]] = {}
    for _, data in graph.nodes(data=True):
        by_label.setdefault(data["label"], []).append(data["key"])
    for label, keys in by_label.items():
        props = shown_props(label)
        columns = ", ".join(f"n.{p} AS {p}" for p in props)
        for row in _unwind(store, f"MATCH (n:{label} {{key: k}}) RETURN n.key AS key, {columns}", keys):
            graph.nodes[node_id(label, row[0])]["props"] = dict(zip(props, row[1:], strict=True))
    for _, data in graph.nodes(data=True):
        data.setdefault("props", {})


def fill_edges(store: GraphStore, graph: nx.MultiDiGraph, rel_types: Iterable[str] | None = None) -> None:
    """Add every stored relationship between two nodes of the graph, with its properties."""
    for rel, a, b, src, dst, props in _edges_from(store, graph, rel_types, outgoing=True):
        v = node_id(b, dst)
        if v in graph:
            graph.add_edge(node_id(a, src), v, key=rel, type=rel, props=props)


def expand(
    store: GraphStore,
    graph: nx.MultiDiGraph,
    frontier: Iterable[str],
    *,
    rel_types: Iterable[str] | None = None,
    labels: Iterable[str] | None = None,
) -> set[str]:
    """Add the neighbours of the frontier nodes (both directions) and the edges to them;
    returns the nodes that were new. `labels` limits which neighbours are taken."""
    wanted = set(labels) if labels is not None else None
    frontier = set(frontier)
    sub = graph.subgraph(frontier)
    new: set[str] = set()
    for outgoing in (True, False):
        for rel, a, b, src, dst, props in _edges_from(store, sub, rel_types, outgoing=outgoing):
            u, v = node_id(a, src), node_id(b, dst)
            other, other_label, other_key = (v, b, dst) if outgoing else (u, a, src)
            if other not in graph:
                if wanted is not None and other_label not in wanted:
                    continue
                graph.add_node(other, label=other_label, key=other_key)
                new.add(other)
            graph.add_edge(u, v, key=rel, type=rel, props=props)
    return new


def _edges_from(
    store: GraphStore, graph: nx.Graph, rel_types: Iterable[str] | None, *, outgoing: bool
) -> Iterator[StoredEdge]:
    """The relationships that leave (or, with outgoing False, enter) the nodes of the graph."""
    keys_by_label: dict[str, list[str]] = {}
    for _, data in graph.nodes(data=True):
        keys_by_label.setdefault(data["label"], []).append(data["key"])
    for rel, a, b in rel_pairs(rel_types):
        keys = keys_by_label.get(a if outgoing else b)
        if not keys:
            continue
        props = list(RELATIONSHIPS[rel].props)
        columns = "".join(f", r.{p} AS {p}" for p in props)
        pattern = f"(a:{a} {{key: k}})-[r:{rel}]->(b:{b})" if outgoing else f"(a:{a})-[r:{rel}]->(b:{b} {{key: k}})"
        rows = sorted(
            _unwind(store, f"MATCH {pattern} RETURN a.key AS a, b.key AS b{columns}", keys), key=lambda r: (r[0], r[1])
        )
        for row in rows:
            yield rel, a, b, row[0], row[1], {p: v for p, v in zip(props, row[2:], strict=True) if v is not None}


def _unwind(store: GraphStore, match_return: str, keys: list[str]) -> Iterator[list[Any]]:
    """Rows of `UNWIND $keys AS k <match_return>`, the keys sent in chunks."""
    for chunk in chunks(keys, CHUNK):
        yield from store.query(f"UNWIND $keys AS k {match_return}", {"keys": chunk}).rows
