"""Copy a whole graph from one store to another without re-parsing its inputs, e.g. from
the embedded file to a Neo4j server when a corpus outgrows one laptop."""

from __future__ import annotations

from collections.abc import Callable

from kg.graph import GraphBatch
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore, node_pages, relationship_pages

PAGE = 20000


def copy_graph(
    source: GraphStore, target: GraphStore, *, on_batch: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Write every node, then every relationship, of `source` into `target` in pages.
    Returns the numbers copied per label and type. Idempotent: keyed upserts."""
    copied: dict[str, int] = {}
    for label, props in NODES.items():
        copied[label] = 0
        columns = list(props)
        for rows in node_pages(source, label, columns, page=PAGE):
            batch = GraphBatch()
            for row in rows:
                batch.add_node(label, row[0], **dict(zip(columns[1:], row[1:], strict=True)))
            _write(target, batch, label, len(rows), copied, on_batch)
    for rel, rel_type in RELATIONSHIPS.items():
        copied[rel] = 0
        names = list(rel_type.props)
        for from_label, to_label in rel_type.pairs:
            for rows in relationship_pages(source, rel, from_label, to_label, names, page=PAGE):
                batch = GraphBatch()
                for src, dst, *values in rows:
                    batch.add_rel(rel, from_label, src, to_label, dst, **dict(zip(names, values, strict=True)))
                _write(target, batch, rel, len(rows), copied, on_batch)
    return copied


def _write(
    target: GraphStore,
    batch: GraphBatch,
    name: str,
    n: int,
    copied: dict[str, int],
    on_batch: Callable[[str, int], None] | None,
) -> None:
    target.write(batch)
    copied[name] += n
    if on_batch:
        on_batch(name, n)
