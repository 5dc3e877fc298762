"""The embedded store: LadybugDB, one file, no server.

Writes take the fastest path DESIGN.md measured: find which keys exist, COPY the new
nodes and their relationships from Arrow tables, SET / MERGE only what touches existing
nodes. One write is one transaction."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

from kg.errors import QueryError, StoreError, StoreInUse
from kg.graph import GraphBatch
from kg.schema import BOOL, INT, NODES, RELATIONSHIPS, STRING, STRINGS
from kg.store.base import GraphStore, QueryResult, refuse_writes

_LOCK = re.compile(r"Could not set lock on file.*?Lock is held by PID (\d+)", re.S)
# LadybugDB's checkpoint needs buffer-pool memory that grows with the store: with 1 GB, a
# load with extraction failed at ~640,000 papers ("buffer pool is full"). A quarter of the
# machine's memory, at least 1 GB; the pool is reserved, not resident until used.
_BUFFER_MB = int(os.environ.get("KG_LADYBUG_BUFFER_MB", "0")) or max(
    1024, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (4 << 20))
# LadybugDB's checkpoint after every commit is most of a write's cost on a large store
# (~1.3 s at 100,000 papers), but it stays on: with auto_checkpoint off, reopening a store
# killed with several transactions in its log crashed LadybugDB 0.22 (SIGSEGV) in our tests.
# kg writes fewer, larger batches instead (kg.ingest.BATCH).


def _arrow_type(kind: str):
    import pyarrow as pa

    return {STRING: pa.string(), INT: pa.int64(), BOOL: pa.bool_(), STRINGS: pa.list_(pa.string())}[kind]


# LadybugDB indexes only primary keys, so the paper look-ups by id, title and abstract
# fingerprint (kg.resolve) go through this table: `<property>:<value>` -> the paper's key.
# It is kg's own bookkeeping, not part of the graph model.
MATCH_TABLE = "PaperMatch"
MATCH_PROPS = ("arxiv_id", "title_key", "fingerprint")


def _ddl() -> list[str]:
    statements = [f"CREATE NODE TABLE IF NOT EXISTS {MATCH_TABLE}(key STRING, paper STRING, PRIMARY KEY (key))"]
    for label, props in NODES.items():
        columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY (key))")
    for rel, (pairs, props) in RELATIONSHIPS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        columns = "".join(f", {name} {kind}" for name, kind in props.items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}{columns})")
    return statements


class LadybugStore(GraphStore):
    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        import ladybug

        self.path = str(path)
        self.url = self.path
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"store {self.path} does not exist yet; run `kg ingest` first")
        try:
            self._db = self._open(read_only)
        except RuntimeError as exc:
            if not (read_only and "checkpoint recovery is pending" in str(exc)):
                raise _store_error(self.path, exc) from exc
            # A write that stopped before its checkpoint ended: a read-write open completes it.
            try:
                self._open(False).close()
                self._db = self._open(True)
            except RuntimeError as again:
                raise _store_error(self.path, again) from again
        self._conn = ladybug.Connection(self._db)
        if not read_only:
            for statement in _ddl():
                self._execute(statement)
            self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """A store written before a property joined the schema (concepts' aliases, papers'
        sections) gets the column, empty: CREATE TABLE IF NOT EXISTS leaves old tables as they are."""
        for label, props in NODES.items():
            columns = {row[0] for row in self._execute(f"CALL table_info('{label}') RETURN name").get_all()}
            for name, kind in props.items():
                if name not in columns:
                    self._execute(f"ALTER TABLE {label} ADD {name} {kind}")

    def _open(self, read_only: bool):
        import ladybug

        return ladybug.Database(self.path, read_only=read_only, buffer_pool_size=_BUFFER_MB * 1024 * 1024)

    # -- the contract -------------------------------------------------------------

    def query(self, cypher: str, params: dict | None = None, *, write: bool = False) -> QueryResult:
        if not write:
            refuse_writes(cypher)
        result = self._execute(cypher, params)
        rows = [[_plain(value) for value in row] for row in result.get_all()]
        return QueryResult(columns=result.get_column_names(), rows=rows)

    def write(self, batch: GraphBatch) -> None:
        if not len(batch):
            return
        self._execute("BEGIN TRANSACTION")
        try:
            created = {label: self._write_nodes(label, batch.node_rows(label)) for label in NODES}
            self._write_matches(batch.node_rows("Paper"))
            for rel_key in batch.rels:
                self._write_rels(rel_key, batch.rel_rows(rel_key), created)
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._renew_connection()

    def find_papers(self, matches: dict[str, list[str]]) -> list[dict]:
        """Primary-key look-ups only: the keys themselves, the rest through MATCH_TABLE."""
        keys = set(matches.get("key", []))
        aliases = [f"{prop}:{value}" for prop in MATCH_PROPS for value in matches.get(prop, [])]
        if aliases:
            keys |= set(self._lookup(MATCH_TABLE, "paper", aliases).values())
        return list(self._stored("Paper", sorted(keys)).values())

    def _write_matches(self, papers: list[dict]) -> None:
        """Record each paper's id, title key and fingerprint; the first paper to claim one keeps it."""
        rows = {f"{prop}:{paper[prop]}": paper["key"] for paper in papers for prop in MATCH_PROPS if paper.get(prop)}
        taken = self._lookup(MATCH_TABLE, "paper", list(rows))
        new = [{"key": alias, "paper": key} for alias, key in rows.items() if alias not in taken]
        if new:
            self._copy(MATCH_TABLE, new, {"key": STRING, "paper": STRING})

    def _lookup(self, table: str, column: str, keys: list[str]) -> dict[str, str]:
        """key -> column for the keys present in a table."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), 5000):
            result = self._execute(f"UNWIND $keys AS k MATCH (n:{table} {{key: k}}) RETURN n.key, n.{column}",
                                   {"keys": keys[start:start + 5000]})
            found.update((key, value) for key, value in result.get_all())
        return found

    def _renew_connection(self) -> None:
        """A fresh connection after each write: LadybugDB 0.22 keeps memory per connection
        that grows with every row written (~6 KB a node; a 100,000-paper ingest ran out of
        its 1 GB buffer pool) and releases it only when the connection closes."""
        import ladybug

        if self._conn is not None:
            self._conn.close()
            self._conn = ladybug.Connection(self._db)

    def _rollback(self) -> None:
        """LadybugDB has already rolled back when a statement failed; tolerate that."""
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    # -- writing ------------------------------------------------------------------

    def _stored(self, label: str, keys: list[str]) -> dict[str, dict]:
        """The stored properties of those keys that exist, by key (a primary-key look-up)."""
        found: dict[str, dict] = {}
        columns = list(NODES[label])
        returns = ", ".join(f"n.{name}" for name in columns)
        for start in range(0, len(keys), 5000):
            chunk = keys[start:start + 5000]
            result = self._execute(f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN {returns}", {"keys": chunk})
            for row in result.get_all():
                found[row[0]] = dict(zip(columns, row))
        return found

    def _write_nodes(self, label: str, rows: list[dict]) -> set[str]:
        """COPY the new rows, SET what changed on the existing ones; returns the keys created.

        Only changed properties are SET: LadybugDB rewrites every node group an update
        touches at its next checkpoint, so SETting unchanged values on nodes spread over
        the table (authors of new papers) made each checkpoint cost (time and buffer pool)
        grow with the table, until a 100,000-paper ingest ran out of its 1 GB pool."""
        if not rows:
            return set()
        stored = self._stored(label, [row["key"] for row in rows])
        new_rows = [row for row in rows if row["key"] not in stored]
        if new_rows:
            self._copy(label, new_rows, NODES[label])
        # coalesce semantics: a property this input lacks never erases what another input gave.
        changes: dict[tuple[str, ...], list[dict]] = {}
        for row in rows:
            before = stored.get(row["key"])
            if before is None:
                continue
            changed = tuple(p for p, v in row.items() if p != "key" and v is not None and v != before.get(p))
            if changed:
                changes.setdefault(changed, []).append({"key": row["key"], **{p: row[p] for p in changed}})
        for changed, group in changes.items():
            sets = ", ".join(f"n.{p} = r.{p}" for p in changed)
            self._execute(f"UNWIND $rows AS r MATCH (n:{label} {{key: r.key}}) SET {sets}", {"rows": group})
        return {row["key"] for row in new_rows}

    def _write_rels(self, rel_key: tuple[str, str, str], rows: list[dict], created: dict[str, set[str]]) -> None:
        rel, from_label, to_label = rel_key
        props = RELATIONSHIPS[rel][1]
        # A relationship touching a node created in this write cannot exist yet: COPY it.
        fresh = [r for r in rows if r["from"] in created[from_label] or r["to"] in created[to_label]]
        merge = [r for r in rows if not (r["from"] in created[from_label] or r["to"] in created[to_label])]
        if fresh:
            columns = {"from": STRING, "to": STRING, **props}
            self._copy(rel, fresh, columns, f"(from='{from_label}', to='{to_label}')")
        if merge:
            sets = ", ".join(f"e.{p} = coalesce(r.{p}, e.{p})" for p in _given(merge, props))
            self._execute(
                f"UNWIND $rows AS r MATCH (a:{from_label} {{key: r.from}}) MATCH (b:{to_label} {{key: r.to}}) "
                f"MERGE (a)-[e:{rel}]->(b)" + (f" SET {sets}" if sets else ""),
                {"rows": merge},
            )

    def _copy(self, table: str, rows: list[dict], columns: dict[str, str], options: str = "") -> None:
        import pyarrow as pa

        # Column by column: several times faster than Table.from_pylist over row dicts.
        arrow = pa.table({name: pa.array([row.get(name) for row in rows], _arrow_type(kind))
                          for name, kind in columns.items()})
        self._execute(f"COPY {table} FROM $rows {options}".strip(), {"rows": arrow})

    def _execute(self, cypher: str, params: dict | None = None):
        if self._conn is None:
            raise StoreError(f"store {self.path} is closed")
        try:
            return self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise _query_error(exc) from exc


def _given(rows: list[dict], columns) -> list[str]:
    """Columns with a value in some row. A column that is None throughout is left out of
    a SET: it would change nothing, and LadybugDB cannot type a parameter of only nulls."""
    return [name for name in columns if any(row.get(name) is not None for row in rows)]


def _plain(value):
    """Nodes and relationships as plain dicts: properties plus `_label`, without internal ids.
    A sum comes back as a Decimal (an INT128): a number, as Neo4j gives it."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict) and "_LABEL" in value:
        plain = {k: v for k, v in value.items() if not k.startswith("_")}
        plain["_label"] = value["_LABEL"]
        return plain
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _store_error(path: str, exc: RuntimeError) -> StoreError:
    message = str(exc)
    lock = _LOCK.search(message)
    if lock:
        return StoreInUse(f"store {path} is in use by another process (PID {lock.group(1)})")
    return StoreError(f"store {path} cannot be opened: {message.splitlines()[0]}")


def _query_error(exc: RuntimeError) -> QueryError:
    return QueryError(str(exc).splitlines()[0])
