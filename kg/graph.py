"""A batch of nodes and relationships to write, deduplicated by key: what a store's
`write` takes. Building it is pure Python; no store is touched here."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kg.schema import NODES, RELATIONSHIPS, Count

RelKey = tuple[str, str, str]  # (type, from label, to label)
# A relationship within its type: (from key, to key), and for a type keyed by a property
# (kg.schema.RelType.keyed_by) that property's value third.
Ends = tuple[str, ...]
Row = dict[str, Any]  # a node's or a relationship's properties by name
T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class GraphBatch:
    # label -> key -> properties (the key included)
    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    # (type, from label, to label) -> (from key, to key[, keyed_by value]) -> properties
    rels: dict[RelKey, dict[Ends, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))

    def add_node(self, label: str, key: str, **props: Any) -> None:
        """Add or complete a node: a property already set in this batch is kept."""
        if label not in NODES:
            raise ValueError(f"unknown node label {label!r}")
        row = self.nodes[label].setdefault(key, {"key": key})
        for name, value in props.items():
            if row.get(name) is None:
                row[name] = value

    def add_rel(self, rel_type: str, from_label: str, from_key: str, to_label: str, to_key: str, **props: Any) -> None:
        """Add a relationship; the first one seen between two nodes (with the same value of
        the property its type is keyed by) keeps its properties."""
        rel = RELATIONSHIPS[rel_type]
        if (from_label, to_label) not in rel.pairs:
            raise ValueError(f"{rel_type} does not join {from_label} to {to_label}")
        ends: Ends = (from_key, to_key)
        if rel.keyed_by is not None:
            value = props.get(rel.keyed_by)
            if value is None:
                raise ValueError(f"{rel_type} needs its {rel.keyed_by}")
            ends = (from_key, to_key, value)
        self.rels[(rel_type, from_label, to_label)].setdefault(ends, props)

    def node_rows(self, label: str) -> list[dict[str, Any]]:
        """Rows with every property of the label, None where unset."""
        columns = NODES[label]
        return [{name: row.get(name) for name in columns} for row in self.nodes.get(label, {}).values()]

    def rel_rows(self, rel_key: RelKey) -> list[dict[str, Any]]:
        """Rows `{"from", "to", <properties>}` with every property of the type."""
        columns = RELATIONSHIPS[rel_key[0]].props
        return [
            {"from": ends[0], "to": ends[1], **{name: props.get(name) for name in columns}}
            for ends, props in self.rels.get(rel_key, {}).items()
        ]

    def links_from(self, count: Count) -> Counter[str]:
        """Per start node of `count.label`, the number of its `count.rel` relationships here."""
        links: Counter[str] = Counter()
        for (rel, from_label, _), pairs in self.rels.items():
            if rel == count.rel and from_label == count.label:
                links.update(ends[0] for ends in pairs)
        return links

    def __len__(self) -> int:
        return sum(len(v) for v in self.nodes.values()) + sum(len(v) for v in self.rels.values())
