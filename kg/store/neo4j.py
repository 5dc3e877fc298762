"""The Neo4j store: a Neo4j 5 server through the official driver.

Uniqueness constraints on every label's `key` (and indexes for the paper look-ups) are
created once. A write is UNWIND batches of thousands of rows with keyed MERGE, all in one
managed transaction (measured: faster than a commit per chunk, and than concurrent
transactions on this 2-core machine), which the driver retries with backoff on transient
errors and lost connections: atomic and idempotent. Driver errors become kg's own."""

from __future__ import annotations

import logging
import os
import time

from kg.errors import QueryError, StoreAuthError, StoreError, StoreUnavailable
from kg.graph import GraphBatch
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore, QueryResult, refuse_writes

CHUNK = 5000
CONNECT_ATTEMPTS = int(os.environ.get("KG_NEO4J_CONNECT_ATTEMPTS", "4"))
RETRY_SECONDS = float(os.environ.get("KG_NEO4J_RETRY_SECONDS", "30"))
_LOOKUP_PROPS = ("arxiv_id", "title_key", "fingerprint")

# The driver logs lost connections itself; kg reports them once, as its own error.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class Neo4jStore(GraphStore):
    def __init__(self, url: str, *, read_only: bool = False, user: str | None = None,
                 password: str | None = None, database: str | None = None):
        import neo4j

        self.url = url
        self.read_only = read_only
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        auth = (user or os.environ.get("NEO4J_USER", "neo4j"), password or os.environ.get("NEO4J_PASSWORD", ""))
        try:
            # Notifications off: a query naming a property no node has yet is no warning to print.
            self._driver = neo4j.GraphDatabase.driver(url, auth=auth, max_transaction_retry_time=RETRY_SECONDS,
                                                      notifications_min_severity="OFF")
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreError(f"store {url} is not a usable Neo4j URL: {exc}") from exc
        self._connect()
        if not read_only:
            self._ensure_schema()

    # -- the contract -------------------------------------------------------------

    def query(self, cypher: str, params: dict | None = None, *, write: bool = False) -> QueryResult:
        if not write:
            refuse_writes(cypher)

        def work(tx):
            result = tx.run(cypher, params or {})
            columns = list(result.keys())
            return QueryResult(columns=columns, rows=[[_plain(v) for v in record.values()] for record in result])

        return self._session_call(work, write=write)

    def write(self, batch: GraphBatch) -> None:
        statements = [(cypher, rows) for cypher, rows in _write_statements(batch) if rows]
        if not statements:
            return

        def work(tx):
            for cypher, rows in statements:
                for start in range(0, len(rows), CHUNK):
                    tx.run(cypher, rows=rows[start:start + CHUNK]).consume()

        self._session_call(work, write=True)

    def close(self) -> None:
        driver, self._driver = getattr(self, "_driver", None), None
        if driver is not None:
            driver.close()

    # -- plumbing -----------------------------------------------------------------

    def _connect(self) -> None:
        """Verify the server answers, retrying with backoff: it may be starting."""
        import neo4j.exceptions as errors

        for attempt in range(CONNECT_ATTEMPTS):
            try:
                self._driver.verify_connectivity()
                return
            except errors.AuthError as exc:
                self.close()
                raise StoreAuthError(f"store {self.url} refused the credentials of user "
                                     f"{os.environ.get('NEO4J_USER', 'neo4j')!r}; check NEO4J_USER / NEO4J_PASSWORD") from exc
            except (errors.ServiceUnavailable, errors.SessionExpired, OSError) as exc:
                if attempt + 1 == CONNECT_ATTEMPTS:
                    self.close()
                    raise StoreUnavailable(f"store {self.url} cannot be reached ({_first_line(exc)}); is the Neo4j server running?") from exc
                time.sleep(0.5 * 2 ** attempt)

    def _ensure_schema(self) -> None:
        statements = [
            f"CREATE CONSTRAINT kg_{label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"
            for label in NODES
        ]
        statements += [f"CREATE INDEX kg_paper_{p} IF NOT EXISTS FOR (n:Paper) ON (n.{p})" for p in _LOOKUP_PROPS]

        existing = self._session_call(lambda tx: {r["name"] for r in tx.run("SHOW CONSTRAINTS YIELD name RETURN name")})
        if not {f"kg_{label.lower()}_key" for label in NODES} <= existing:
            for statement in statements:  # schema changes go one per transaction
                self._session_call(lambda tx, s=statement: tx.run(s).consume(), write=True)

    def _session_call(self, work, *, write: bool = False):
        import neo4j.exceptions as errors

        if self._driver is None:
            raise StoreError(f"store {self.url} is closed")
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except errors.AuthError as exc:
            raise StoreAuthError(f"store {self.url} refused the credentials; check NEO4J_USER / NEO4J_PASSWORD") from exc
        except (errors.ServiceUnavailable, errors.SessionExpired) as exc:
            raise StoreUnavailable(f"store {self.url} became unreachable ({_first_line(exc)}); re-run when the server is back") from exc
        except errors.Neo4jError as exc:
            raise QueryError(_first_line(exc.message or str(exc))) from exc
        except errors.DriverError as exc:
            raise StoreError(f"store {self.url}: {_first_line(exc)}") from exc


def _write_statements(batch: GraphBatch):
    """(Cypher, rows) per label and per relationship type, nodes first. A node row carries
    its properties as one map without the None ones (a None never erases a stored value),
    set with `+=` in both ON CREATE and ON MATCH: a plain `SET n += r.props` after MERGE
    makes the planner add an Eager operator (every row materialised before the first write).
    A relationship's few properties are set one by one, `coalesce` keeping the stored value
    for a None: `e += r.props` there brings the Eager back (checked with EXPLAIN)."""
    for label, columns in NODES.items():
        props = [p for p in columns if p != "key"]
        rows = [{"key": key, "props": {p: row[p] for p in props if row.get(p) is not None}}
                for key, row in batch.nodes.get(label, {}).items()]
        yield (f"UNWIND $rows AS r MERGE (n:{label} {{key: r.key}}) "
               f"ON CREATE SET n += r.props ON MATCH SET n += r.props", rows)
    for (rel, from_label, to_label), pairs in batch.rels.items():
        columns = list(RELATIONSHIPS[rel][1])
        cypher = (f"UNWIND $rows AS r MATCH (a:{from_label} {{key: r.from}}) MATCH (b:{to_label} {{key: r.to}}) "
                  f"MERGE (a)-[e:{rel}]->(b)")
        if columns:
            cypher += (" ON CREATE SET " + ", ".join(f"e.{p} = r.{p}" for p in columns)
                       + " ON MATCH SET " + ", ".join(f"e.{p} = coalesce(r.{p}, e.{p})" for p in columns))
        yield cypher, [{"from": src, "to": dst, **{p: props.get(p) for p in columns}} for (src, dst), props in pairs.items()]


def _first_line(exc) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _plain(value):
    """Nodes and relationships as plain dicts like the embedded store gives them."""
    import neo4j.graph as graph

    if isinstance(value, graph.Node):
        return {**dict(value), "_label": next(iter(value.labels), None)}
    if isinstance(value, graph.Relationship):
        return {**dict(value), "_label": value.type}
    if isinstance(value, graph.Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
