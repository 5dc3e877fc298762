"""The embedded store: LadybugDB, one file, no server.

Writes take the fastest path DESIGN.md measured: find which keys exist, COPY the new
nodes and their relationships from Arrow tables, SET / MERGE only what touches existing
nodes. One write is one transaction."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from kg.errors import QueryError, StoreError, StoreInUse
from kg.graph import GraphBatch, RelKey, chunks
from kg.schema import BOOL, COUNTS, INT, NODES, PAPER_MATCH_PROPS, RELATIONSHIPS, STRING, STRINGS, written_props
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
LOOKUP_CHUNK = 5000  # keys per look-up statement


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
            self._add_missing_counts()

    def _add_missing_counts(self) -> None:
        """A store written before a count of kg.schema.COUNTS existed gets it, counted once."""
        for count in COUNTS:
            columns = {row[0] for row in self._execute(f"CALL table_info('{count.label}') RETURN name").get_all()}
            if count.prop not in columns:
                self._execute(f"ALTER TABLE {count.label} ADD {count.prop} {NODES[count.label][count.prop]} DEFAULT 0")
                self._execute(f"MATCH (n:{count.label})-[:{count.rel}]->() WITH n, count(*) AS c SET n.{count.prop} = c")

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
            created = {label: self._write_nodes(label, batch) for label in NODES}
            self._write_matches(batch.nodes.get("Paper", {}))
            linked: dict[RelKey, list[tuple[str, str]]] = {}
            for rel_key in batch.rels:
                linked[rel_key] = self._write_rels(rel_key, batch.rel_rows(rel_key), created)
            self._add_counts(linked, created)
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._renew_connection()

    def find_papers(self, matches: dict[str, list[str]]) -> list[dict]:
        """Primary-key look-ups only: the keys themselves, the rest through MATCH_TABLE."""
        keys = set(matches.get("key", []))
        aliases = [f"{prop}:{value}" for prop in PAPER_MATCH_PROPS for value in matches.get(prop, [])]
        if aliases:
            keys |= set(self._lookup(MATCH_TABLE, "paper", aliases).values())
        return list(self._stored("Paper", sorted(keys)).values())

    def _write_matches(self, papers: dict[str, dict]) -> None:
        """Record each paper's id, title key and fingerprint; the first paper to claim one
        keeps it. An id that is the paper's own key needs no row: the key is looked up too."""
        rows = {f"{prop}:{value}": key for key, paper in papers.items() for prop in PAPER_MATCH_PROPS
                if (value := paper.get(prop)) and value != key}
        taken = self._lookup(MATCH_TABLE, "paper", list(rows))
        new = [alias for alias in rows if alias not in taken]
        if new:
            self._copy(MATCH_TABLE, {"key": new, "paper": [rows[alias] for alias in new]}, {"key": STRING, "paper": STRING})

    def _lookup(self, table: str, column: str, keys: list[str]) -> dict[str, str]:
        """key -> column for the keys present in a table."""
        found: dict[str, str] = {}
        for part in chunks(keys, LOOKUP_CHUNK):
            result = self._execute(f"UNWIND $keys AS k MATCH (n:{table} {{key: k}}) RETURN n.key, n.{column}",
                                   {"keys": part})
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

    def _stored(self, label: str, keys: list[str], columns: list[str] | None = None) -> dict[str, dict]:
        """The stored properties (all, or `columns`) of those keys that exist, by key (a
        primary-key look-up)."""
        found: dict[str, dict] = {}
        columns = ["key", *(columns if columns is not None else [c for c in NODES[label] if c != "key"])]
        returns = ", ".join(f"n.{name}" for name in columns)
        for part in chunks(keys, LOOKUP_CHUNK):
            result = self._execute(f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN {returns}", {"keys": part})
            for row in result.get_all():
                found[row[0]] = dict(zip(columns, row))
        return found

    def _write_nodes(self, label: str, batch: GraphBatch) -> set[str]:
        """COPY the new rows, SET what changed on the existing ones; returns the keys created.

        Only changed properties are SET: LadybugDB rewrites every node group an update
        touches at its next checkpoint, so SETting unchanged values on nodes spread over
        the table (authors of new papers) made each checkpoint cost (time and buffer pool)
        grow with the table, until a 100,000-paper ingest ran out of its 1 GB pool. A count
        (kg.schema.COUNTS) of a new node is its links in this batch, all new with it."""
        rows = batch.nodes.get(label)
        if not rows:
            return set()
        props = written_props(label)
        stored = self._stored(label, list(rows), props)
        new = [row for key, row in rows.items() if key not in stored]
        if new:
            columns = {name: [row.get(name) for row in new] for name in NODES[label]}
            for count in COUNTS:
                if count.label == label:
                    links = batch.links_from(count)
                    columns[count.prop] = [links[row["key"]] for row in new]
            self._copy(label, columns, NODES[label])
        # coalesce semantics: a property this input lacks never erases what another input gave.
        changes: dict[tuple[str, ...], list[dict]] = {}
        for key, before in stored.items():
            row = rows[key]
            changed = tuple(p for p in props if (v := row.get(p)) is not None and v != before[p])
            if changed:
                changes.setdefault(changed, []).append({"key": key, **{p: row[p] for p in changed}})
        for changed, group in changes.items():
            sets = ", ".join(f"n.{p} = r.{p}" for p in changed)
            self._execute(f"UNWIND $rows AS r MATCH (n:{label} {{key: r.key}}) SET {sets}", {"rows": group})
        return {row["key"] for row in new}

    def _write_rels(self, rel_key: RelKey, rows: list[dict], created: dict[str, set[str]]) -> list[tuple[str, str]]:
        """COPY the relationships that touch a node created in this write (they cannot exist
        yet), MERGE the others; returns the (from, to) pairs that were not stored before."""
        rel, from_label, to_label = rel_key
        props = RELATIONSHIPS[rel].props
        new_from, new_to = created[from_label], created[to_label]
        fresh = [r for r in rows if r["from"] in new_from or r["to"] in new_to]
        merge = [r for r in rows if not (r["from"] in new_from or r["to"] in new_to)]
        if fresh:
            columns = {"from": STRING, "to": STRING, **props}
            self._copy(rel, {name: [r[name] for r in fresh] for name in columns}, columns,
                       f"(from='{from_label}', to='{to_label}')")
        added = [(r["from"], r["to"]) for r in fresh]
        if merge:
            pairs = [{"from": r["from"], "to": r["to"]} for r in merge]
            stored: set[tuple[str, str]] = set()
            for part in chunks(pairs, LOOKUP_CHUNK):
                stored.update(map(tuple, self._execute(
                    f"UNWIND $rows AS r MATCH (a:{from_label} {{key: r.from}})-[:{rel}]->(b:{to_label} {{key: r.to}}) "
                    "RETURN a.key, b.key", {"rows": part}).get_all()))
            added += [pair for pair in ((r["from"], r["to"]) for r in merge) if pair not in stored]
            sets = ", ".join(f"e.{p} = coalesce(r.{p}, e.{p})" for p in _given(merge, props))
            self._execute(
                f"UNWIND $rows AS r MATCH (a:{from_label} {{key: r.from}}) MATCH (b:{to_label} {{key: r.to}}) "
                f"MERGE (a)-[e:{rel}]->(b)" + (f" SET {sets}" if sets else ""),
                {"rows": merge},
            )
        return added

    def _add_counts(self, linked: dict[RelKey, list[tuple[str, str]]], created: dict[str, set[str]]) -> None:
        """Add the links this write created to the counts of stored nodes (new nodes were
        COPYed with theirs)."""
        for count in COUNTS:
            more: Counter[str] = Counter()
            for (rel, from_label, _), pairs in linked.items():
                if rel == count.rel and from_label == count.label:
                    more.update(src for src, _ in pairs if src not in created[count.label])
            rows = [{"key": key, "n": n} for key, n in more.items()]
            for part in chunks(rows, LOOKUP_CHUNK):
                self._execute(f"UNWIND $rows AS r MATCH (n:{count.label} {{key: r.key}}) "
                              f"SET n.{count.prop} = coalesce(n.{count.prop}, 0) + r.n", {"rows": part})

    def _copy(self, table: str, columns: dict[str, list], kinds: dict[str, str], options: str = "") -> None:
        """COPY rows given column by column (several times faster than from row dicts)."""
        import pyarrow as pa

        arrow = pa.table({name: pa.array(columns[name], _arrow_type(kind)) for name, kind in kinds.items()})
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
    """Nodes and relationships as plain dicts: properties plus `_label`, without internal ids."""
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
