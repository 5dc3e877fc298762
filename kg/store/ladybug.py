"""The embedded store: LadybugDB, one file, no server.

Writes take the fastest path DESIGN.md measured: find which keys exist, COPY the new
nodes and their relationships from Arrow tables, SET / MERGE only what touches existing
nodes. One write is one transaction."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from kg.errors import StoreError
from kg.graph import Ends, GraphBatch, RelKey, Row
from kg.schema import (
    COUNTS,
    INT,
    NODES,
    PAPER_MATCH_PROPS,
    RELATIONSHIPS,
    STRING,
    written_props,
)
from kg.store.base import GraphStore, QueryResult, refuse_writes
from kg.store.ladybug_pool import buffer_pool_bytes, largest_group_bytes, work_pool_bytes
from kg.store.ladybug_values import (
    MATCH_TABLE,
    Columns,
    arrow_table,
    ddl,
    plain,
    query_error,
    quote,
    store_error,
)

# A write of up to SMALL_WRITE nodes+relationships (a daily increment) is logged in the
# write-ahead log with CREATE / MERGE statements and not checkpointed: LadybugDB makes a COPY
# durable only by a checkpoint at its commit, and a checkpoint rewrites every node group a
# write touched -- all the links into concepts sit in one group per relationship type (their
# backward lists, evidence included), so at 1,000,000 papers one checkpoint takes seconds
# whatever the write's size. The log is checkpointed by the next large write (a COPY), or when
# it passes WAL_CHECKPOINT_BYTES, never at close (replaying a few MB on open takes ~0.1 s).
SMALL_WRITE = 20_000
WAL_CHECKPOINT_BYTES = 64 << 20
# A table given fewer new rows in a large write gets them by CREATE: a COPY holds 10-30 MB a
# table until the commit, whatever its rows (bulk: 27 COPYs 580 MB; this 380 MB, no slower).
COPY_ROWS = 12_000


class LadybugStore(GraphStore):
    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False):
        self.path = str(path)
        self.url = self.path
        self.read_only = read_only
        self._log_only = False  # the write under way goes to the write-ahead log only
        self._uncommitted = False  # a write's transaction is open (write(commit=False))
        self._fitted = False  # the pool is the work's (kg.store.ladybug_pool), not the first guess
        if read_only and not Path(self.path).exists():
            raise StoreError(f"store {self.path} does not exist yet; run `kg ingest` first")
        try:
            self._db = self._open(read_only)
        except RuntimeError as exc:
            if not (read_only and "checkpoint recovery is pending" in str(exc)):
                raise store_error(self.path, exc) from exc
            # A write that stopped before its checkpoint ended: a read-write open completes it.
            try:
                self._open(False).close()
                self._db = self._open(True)
            except RuntimeError as again:
                raise store_error(self.path, again) from again
        self._conn = self._connect()
        if read_only and self._missing_tables():
            self._add_missing_tables()
        if not read_only:
            for statement in ddl():
                self._execute(statement)
            self._add_missing_counts()
            self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """A store written before a property joined the schema (concepts' aliases, papers'
        sections) gets the column, empty: CREATE TABLE IF NOT EXISTS leaves old tables as they are."""
        for label, props in NODES.items():
            columns = {row[0] for row in self._execute(f"CALL table_info('{label}') RETURN name").get_all()}
            for name, kind in props.items():
                if name not in columns:
                    self._execute(f"ALTER TABLE {label} ADD {name} {kind}")

    def _missing_tables(self) -> bool:
        """A store written before a label or type of kg.schema existed lacks its table."""
        tables = {row[0] for row in self._execute("CALL show_tables() RETURN name").get_all()}
        return not {*NODES, *RELATIONSHIPS} <= tables

    def _add_missing_tables(self) -> None:
        """A read-only open of a store that lacks tables of the schema: one read-write open
        adds them (empty), as the next write would; where that open fails (another process
        holds the store, the file is read-only) the store stays as it is and queries naming
        those tables fail."""
        self._conn.close()
        self._db.close()
        try:
            LadybugStore(self.path).close()
        except StoreError:  # in use by another process, or a file kg may not write
            pass
        self._db = self._open(True)
        self._conn = self._connect()

    def _add_missing_counts(self) -> None:
        """A store written before a count of kg.schema.COUNTS existed gets it, counted once."""
        for count in COUNTS:
            columns = {row[0] for row in self._execute(f"CALL table_info('{count.label}') RETURN name").get_all()}
            if count.prop not in columns:
                self._execute(f"ALTER TABLE {count.label} ADD {count.prop} {NODES[count.label][count.prop]} DEFAULT 0")
                self._execute(
                    f"MATCH (n:{count.label})-[:{count.rel}]->() WITH n, count(*) AS c SET n.{count.prop} = c"
                )

    def _open(self, read_only: bool, pool: int | None = None) -> Any:
        import ladybug

        self._pool = pool or buffer_pool_bytes(self._size())
        # A process killed while it appended to the log leaves a torn last record, of a
        # transaction that never committed: replay stops there instead of refusing the store.
        return ladybug.Database(
            self.path,
            read_only=read_only,
            buffer_pool_size=self._pool,
            checkpoint_threshold=WAL_CHECKPOINT_BYTES,
            throw_on_wal_replay_failure=False,
        )

    def _size(self) -> int:
        return sum(p.stat().st_size for p in (Path(self.path), Path(self.path + ".wal")) if p.exists())

    def _fit_pool(self) -> None:
        """Reopen with the pool large writes need (kg.store.ladybug_pool), before the first and
        after each: what a write's COPY and checkpoint leave behind (the pages they cached,
        LadybugDB's own bookkeeping of the tables they touched) would otherwise stay until the
        pool is full, so the process grew with the store (2.5 GB at 1,000,000 papers)."""
        pool = work_pool_bytes(largest_group_bytes(self._conn, list(RELATIONSHIPS)))
        self._conn.close()
        self._db.close()
        self._db = self._open(False, pool)
        self._conn = self._connect()
        self._fitted = True

    def _connect(self) -> Any:
        import ladybug

        conn = ladybug.Connection(self._db)
        if not self.read_only:
            conn.execute("CALL force_checkpoint_on_close=false")
        return conn

    # -- the contract -------------------------------------------------------------

    def query(self, cypher: str, params: Row | None = None, *, write: bool = False) -> QueryResult:
        if not write:
            refuse_writes(cypher)
        result = self._execute(cypher, params)
        rows = [[plain(value) for value in row] for row in result.get_all()]
        return QueryResult(columns=result.get_column_names(), rows=rows)

    def write(self, batch: GraphBatch, *, commit: bool = True) -> None:
        """Without `commit`, the transaction stays open: this store's look-ups see the write,
        and `commit` (its checkpoint, seconds for a large COPY, releases the interpreter) can
        run beside the caller's next work. A crash before it loses the whole write."""
        if not len(batch):
            return
        self.commit()  # one open write at a time
        self._log_only = len(batch) <= SMALL_WRITE
        if not (self._log_only or self._fitted):
            self._fit_pool()
        self._execute("BEGIN TRANSACTION")
        try:
            created = {label: self._write_nodes(label, batch) for label in NODES}
            self._write_matches(batch.nodes.get("Paper", {}))
            linked: dict[RelKey, list[Ends]] = {}
            for rel_key in batch.rels:
                linked[rel_key] = self._write_rels(rel_key, batch.rels[rel_key], created)
            self._add_counts(linked, created)
        except BaseException:
            self._rollback()
            self._renew_connection()
            raise
        self._uncommitted = True
        if commit:
            self.commit()

    def commit(self) -> None:
        if not self._uncommitted:
            return
        self._uncommitted = False
        try:
            self._execute("COMMIT")
        except BaseException:
            self._rollback()
            self._renew_connection()
            raise
        if self._log_only:
            self._renew_connection()
        else:
            self._fit_pool()

    def copy_to_csv(self, match: str, returns: str, path: Path) -> int:
        """LadybugDB's own `COPY (query) TO` file: no row crosses into Python."""
        self._execute(
            f"COPY ({match} RETURN {returns}) TO '{quote(str(path))}' (header=false, quote='\"', escape='\"')"
        )
        return int(self._execute(f"{match} RETURN count(*)").get_all()[0][0])

    def find_papers(self, matches: dict[str, list[str]]) -> list[Row]:
        """Primary-key look-ups only: the keys themselves, the rest through MATCH_TABLE."""
        keys = set(matches.get("key", []))
        aliases = [f"{prop}:{value}" for prop in PAPER_MATCH_PROPS for value in matches.get(prop, [])]
        if aliases:
            keys |= set(self._lookup(MATCH_TABLE, "paper", aliases).values())
        return list(self._stored("Paper", sorted(keys)).values())

    def _write_matches(self, papers: dict[str, Row]) -> None:
        """Record each paper's id, title key and fingerprint; the first paper to claim one
        keeps it. An id that is the paper's own key needs no row: the key is looked up too."""
        rows = {
            f"{prop}:{value}": key
            for key, paper in papers.items()
            for prop in PAPER_MATCH_PROPS
            if (value := paper.get(prop)) and value != key
        }
        taken = self._lookup(MATCH_TABLE, "paper", list(rows))
        new = [alias for alias in rows if alias not in taken]
        if new:
            self._copy(MATCH_TABLE, {"key": (STRING, new), "paper": (STRING, [rows[alias] for alias in new])})

    def _lookup(self, table: str, column: str, keys: list[str]) -> dict[str, str]:
        """key -> column for the keys present in a table."""
        if not keys:
            return {}
        result = self._load({"k": (STRING, keys)}, f"MATCH (n:{table} {{key: k}}) RETURN n.key, n.{column}")
        return dict(result.get_all())

    def _renew_connection(self) -> None:
        """A fresh connection after each write: LadybugDB 0.22 keeps memory per connection
        that grows with every row written (~6 KB a node; a 100,000-paper ingest ran out of
        its 1 GB buffer pool) and releases it only when the connection closes."""
        if self._conn is not None:
            self._conn.close()
            self._conn = self._connect()

    def _rollback(self) -> None:
        """LadybugDB has already rolled back when a statement failed; tolerate that."""
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass

    def close(self) -> None:
        try:
            if getattr(self, "_uncommitted", False) and self._conn is not None:
                self.commit()  # a complete write left open
        finally:
            conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
            self._conn = self._db = None
            if conn is not None:
                conn.close()
            if db is not None:
                db.close()

    # -- writing ------------------------------------------------------------------

    def _stored(self, label: str, keys: list[str], columns: list[str] | None = None) -> dict[str, Row]:
        """The stored properties (all, or `columns`) of those keys that exist, by key (a
        primary-key look-up)."""
        if not keys:
            return {}
        columns = ["key", *(columns if columns is not None else [c for c in NODES[label] if c != "key"])]
        returns = ", ".join(f"n.{name}" for name in columns)
        result = self._load({"k": (STRING, keys)}, f"MATCH (n:{label} {{key: k}}) RETURN {returns}")
        return {row[0]: dict(zip(columns, row, strict=True)) for row in result.get_all()}

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
        kinds = NODES[label]
        props = written_props(label)
        stored = self._stored(label, list(rows), props)
        new = [row for key, row in rows.items() if key not in stored]
        if new:
            values = {name: [row.get(name) for row in new] for name in kinds}
            for count in COUNTS:
                if count.label == label:
                    links = batch.links_from(count)
                    values[count.prop] = [links[row["key"]] for row in new]
            self._copy(label, {name: (kind, values[name]) for name, kind in kinds.items()})
        # coalesce semantics: a property this input lacks never erases what another input gave.
        changes: dict[tuple[str, ...], list[Row]] = {}
        for key, before in stored.items():
            row = rows[key]
            changed = tuple(p for p in props if (v := row.get(p)) is not None and v != before[p])
            if changed:
                changes.setdefault(changed, []).append(row)
        for changed, group in changes.items():
            columns: Columns = {"k": (STRING, [row["key"] for row in group])}
            columns |= {f"v_{p}": (kinds[p], [row[p] for row in group]) for p in changed}
            self._load(columns, f"MATCH (n:{label} {{key: k}}) SET " + ", ".join(f"n.{p} = v_{p}" for p in changed))
        return {row["key"] for row in new}

    def _write_rels(self, rel_key: RelKey, pairs: dict[Ends, Row], created: dict[str, set[str]]) -> list[Ends]:
        """COPY the relationships that touch a node created in this write (they cannot exist
        yet), MERGE the others (on their end points, and the property their type is keyed by);
        returns those that were not stored before."""
        rel, from_label, to_label = rel_key
        kinds, keyed = RELATIONSHIPS[rel].props, RELATIONSHIPS[rel].keyed_by
        new_from, new_to = created[from_label], created[to_label]
        fresh = [ends for ends in pairs if ends[0] in new_from or ends[1] in new_to]
        if fresh:
            columns: Columns = {"from": (STRING, [e[0] for e in fresh]), "to": (STRING, [e[1] for e in fresh])}
            columns |= {p: (kind, [pairs[ends].get(p) for ends in fresh]) for p, kind in kinds.items()}
            self._copy(rel, columns, (from_label, to_label))
        if len(fresh) == len(pairs):
            return fresh
        merge = [ends for ends in pairs if not (ends[0] in new_from or ends[1] in new_to)]
        match: Columns = {"src": (STRING, [e[0] for e in merge]), "dst": (STRING, [e[1] for e in merge])}
        where, returned, on = "", "", ""
        if keyed is not None:  # the batch holds one row per value: LadybugDB 0.22 mixes up the
            # SETs of two rows that MERGE the same relationship in one statement
            match["kv"] = (kinds[keyed], [e[2] for e in merge])
            where, returned, on = f" WHERE e.{keyed} = kv", f", e.{keyed}", f" {{{keyed}: kv}}"
        pattern = f"(a:{from_label} {{key: src}})-[e:{rel}]->(b:{to_label} {{key: dst}})"
        stored = set(map(tuple, self._load(match, f"MATCH {pattern}{where} RETURN a.key, b.key{returned}").get_all()))
        # Columns with a value in some row: one None throughout would change nothing.
        given = [p for p in kinds if p != keyed and any(pairs[ends].get(p) is not None for ends in merge)]
        columns = match | {f"v_{p}": (kinds[p], [pairs[ends].get(p) for ends in merge]) for p in given}
        sets = ", ".join(f"e.{p} = coalesce(v_{p}, e.{p})" for p in given)
        self._load(
            columns,
            f"MATCH (a:{from_label} {{key: src}}) MATCH (b:{to_label} {{key: dst}}) "
            f"MERGE (a)-[e:{rel}{on}]->(b)" + (f" SET {sets}" if sets else ""),
        )
        return fresh + [ends for ends in merge if ends not in stored]

    def _add_counts(self, linked: dict[RelKey, list[Ends]], created: dict[str, set[str]]) -> None:
        """Add the links this write created to the counts of stored nodes (new nodes were
        COPYed with theirs)."""
        for count in COUNTS:
            more: Counter[str] = Counter()
            for (rel, from_label, _), pairs in linked.items():
                if rel == count.rel and from_label == count.label:
                    more.update(ends[0] for ends in pairs if ends[0] not in created[count.label])
            if more:
                self._load(
                    {"k": (STRING, list(more)), "c": (INT, list(more.values()))},
                    f"MATCH (n:{count.label} {{key: k}}) SET n.{count.prop} = coalesce(n.{count.prop}, 0) + c",
                )

    def _copy(self, table: str, columns: Columns, ends: tuple[str, str] | None = None) -> None:
        """Add new nodes (or, with their `ends` labels, relationships from `from` to `to`)
        given column by column, (kind, values) by name, in the table's order: COPY, or in a
        small write or for a few rows CREATE statements (see SMALL_WRITE, COPY_ROWS)."""
        if not self._log_only and len(columns["key" if ends is None else "from"][1]) >= COPY_ROWS:
            options = f" (from='{ends[0]}', to='{ends[1]}')" if ends else ""
            self._execute(f"COPY {table} FROM $rows{options}", {"rows": arrow_table(columns)})
            return
        names = [name for name in columns if name not in ("from", "to")]
        props = "{" + ", ".join(f"{name}: v_{name}" for name in names) + "}"
        values = {f"v_{name}": columns[name] for name in names}
        if ends is None:
            self._load(values, f"CREATE (:{table} {props})")
        else:
            self._load(
                {"src": columns["from"], "dst": columns["to"], **values},
                f"MATCH (a:{ends[0]} {{key: src}}) MATCH (b:{ends[1]} {{key: dst}}) CREATE (a)-[:{table} {props}]->(b)",
            )

    def _load(self, columns: Columns, then: str) -> Any:
        """`LOAD FROM` rows given column by column, each column a variable of `then`: an
        Arrow table crosses into LadybugDB whole, where a list parameter (UNWIND) is
        inspected value by value in Python first."""
        return self._execute(f"LOAD FROM $rows {then}", {"rows": arrow_table(columns)})

    def _execute(self, cypher: str, params: Row | None = None) -> Any:
        if self._conn is None:
            raise StoreError(f"store {self.path} is closed")
        try:
            return self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise query_error(exc) from exc
