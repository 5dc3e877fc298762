"""`kg view query`: the nodes a Cypher statement returns, wherever they are in its rows,
and the stored relationships between them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import networkx as nx

from kg.errors import ViewError
from kg.graph import Row
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore
from kg.views import load
from kg.views.select import degree, keep_top
from kg.views.view import DEFAULT_LIMIT, View, limited


@limited
def query(
    store: GraphStore,
    statement: str,
    *,
    params: Row | None = None,
    limit: int = DEFAULT_LIMIT,
    title: str | None = None,
) -> View:
    """The nodes a Cypher statement returns (whole nodes, in any column, also inside lists
    and paths) and the stored relationships between them."""
    result = store.query(statement, params or {})
    graph = nx.MultiDiGraph()
    rel_types: set[str] = set()
    appearance: dict[str, int] = {}
    for row in result.rows:
        for value in row:
            for label, props in _graph_values(value, rel_types):
                node = load.node_id(label, props["key"])
                if node not in graph:
                    shown = {p: props.get(p) for p in load.shown_props(label)}
                    graph.add_node(node, label=label, key=props["key"], props=shown)
                    appearance[node] = len(appearance)
    if graph.number_of_nodes() == 0:
        raise ViewError(
            "the query returns no nodes to draw: return whole nodes (RETURN p, m), not their properties (p.title)"
        )
    load.fill_edges(store, graph, sorted(rel_types) or None)
    scores = degree(graph)
    ranked = sorted(graph, key=lambda n: (-scores[n], appearance[n]))
    kept, left = keep_top(graph, ranked, limit)
    for node in kept:
        kept.nodes[node]["score"] = scores[node]
    return View(
        "query",
        title or "Query",
        kept,
        limit=limit,
        total=graph.number_of_nodes(),
        rank="view-degree",
        left_out=Counter(graph.nodes[n]["label"] for n in left),
    )


def _graph_values(value: object, rel_types: set[str]) -> Iterator[tuple[str, Row]]:
    """(label, properties) of every node inside a result value; relationship types seen
    are added to rel_types. Nodes are dicts with `_label` (or `_labels`) and `key`."""
    if isinstance(value, dict):
        label = value.get("_label") or value.get("_LABEL")
        labels = value.get("_labels")
        if label is None and isinstance(labels, (list, tuple)) and labels:
            label = next((lab for lab in labels if lab in NODES), None)
        if label in NODES and value.get("key") is not None:
            yield label, value
            return
        if label in RELATIONSHIPS:
            rel_types.add(label)
            return
        for inner in value.values():
            yield from _graph_values(inner, rel_types)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _graph_values(inner, rel_types)
