"""The contract every store keeps: write a batch, run a query, close."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from kg.errors import QueryError
from kg.graph import GraphBatch, Row
from kg.schema import NODES, RELATIONSHIPS


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[Row]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class GraphStore(ABC):
    """A Cypher graph database holding kg's model. Use as a context manager."""

    url: str

    @abstractmethod
    def write(self, batch: GraphBatch, *, commit: bool = True) -> None:
        """Upsert every node of the batch by key (a None property never erases a stored
        value) and every relationship by its two end nodes (and the property its type is
        keyed by, kg.schema.RelType); atomically where the store can. Without `commit`, a
        store may leave its transaction open (seen by this store's reads) until `commit`."""

    def commit(self) -> None:
        """Commit a write left open (a store that commits every write: nothing)."""
        return None

    @abstractmethod
    def query(self, cypher: str, params: Row | None = None, *, write: bool = False) -> QueryResult:
        """Run one Cypher statement with parameters. Without `write`, a statement that
        would change the graph is refused with QueryError."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def find_papers(self, matches: dict[str, list[str]]) -> list[Row]:
        """Stored Paper nodes, as property dicts, whose `key`, `arxiv_id`, `title_key` or
        `fingerprint` is one of the values given for it (`{"title_key": [...], ...}`).
        Here as Cypher over indexed properties; a store may have a faster path."""
        returns = ", ".join(f"p.{name} AS {name}" for name in NODES["Paper"])
        found: dict[str, Row] = {}
        for prop, values in matches.items():
            if values:
                result = self.query(
                    f"UNWIND $values AS v MATCH (p:Paper) WHERE p.{prop} = v RETURN {returns}", {"values": values}
                )
                found.update((row["key"], row) for row in result.records())
        return list(found.values())

    def copy_to_csv(self, match: str, returns: str, path: Path) -> int | None:
        """Write the rows of `{match} RETURN {returns}` as a CSV file (no header, `"` quoting)
        and return how many, where the store can do that itself; None where it cannot (the
        caller then reads the rows)."""
        return None

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, every one of them, zeros included."""
        labels = {label: self._count(f"MATCH (n:{label}) RETURN count(n) AS n") for label in NODES}
        rels = {rel: self._count(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n") for rel in RELATIONSHIPS}
        return {"nodes": labels, "relationships": rels}

    def _count(self, cypher: str) -> int:
        rows = self.query(cypher).rows
        return int(rows[0][0]) if rows else 0


def node_pages(store: GraphStore, label: str, columns: list[str], *, page: int = 50_000) -> Iterator[list[list[Any]]]:
    """The nodes of a label in key order, `page` rows at a time (`columns` first `key`): a
    key range per query, so that no query sorts more than it returns and memory stays flat."""
    returns = ", ".join(f"n.{c}" for c in columns)
    after = None
    while True:
        where = "" if after is None else "WHERE n.key > $after "
        rows = store.query(
            f"MATCH (n:{label}) {where}RETURN {returns} ORDER BY n.key LIMIT $limit",
            {"limit": page, **({} if after is None else {"after": after})},
        ).rows
        if rows:
            yield rows
        if len(rows) < page:
            return
        after = rows[-1][0]


def relationship_pages(
    store: GraphStore, rel: str, from_label: str, to_label: str, props: list[str], *, page: int = 50_000
) -> Iterator[list[list[Any]]]:
    """Rows `[from key, to key, *props]` of a relationship type between two labels, for a
    page of start nodes at a time."""
    returns = ", ".join(["a.key", "b.key", *(f"r.{c}" for c in props)])
    cypher = f"UNWIND $keys AS k MATCH (a:{from_label} {{key: k}})-[r:{rel}]->(b:{to_label}) RETURN {returns}"
    for starts in node_pages(store, from_label, ["key"], page=page):
        rows = store.query(cypher, {"keys": [row[0] for row in starts]}).rows
        if rows:
            yield rows


_WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|COPY|LOAD|INSTALL|ATTACH|IMPORT|EXPORT|CHECKPOINT)\b",
    re.IGNORECASE,
)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def refuse_writes(cypher: str) -> None:
    """Raise QueryError when a statement has a clause that changes the graph."""
    match = _WRITE_CLAUSE.search(_STRINGS_AND_COMMENTS.sub(" ", cypher))
    if match:
        raise QueryError(f"the query writes ({match.group(1).upper()}); pass --write to allow it")
