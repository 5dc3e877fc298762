"""The Neo4j store: a Neo4j 5 server through the official driver.

Uniqueness constraints on every label's `key` (and indexes for the paper look-ups) are
created once. A write is UNWIND batches of thousands of rows, each paper with its
relationships in one row; papers the store lacks are CREATEd with their relationships, the
rest MERGEd on keys (see `write_plan`). Each chunk of rows is one managed transaction
(a whole batch in one needs more memory than a modest server grants a transaction; a chunk
of 5,000 papers with their relationships is enough to make a commit's cost small), which the
driver retries with backoff on transient errors and lost connections: idempotent, and an
interrupted write completes when run again. Driver errors become kg's own."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

from kg.errors import QueryError, StoreAuthError, StoreError, StoreUnavailable
from kg.graph import Ends, GraphBatch, Row, chunks
from kg.schema import COUNTS, NODES, PAPER_MATCH_PROPS, RELATIONSHIPS, written_props
from kg.store.base import GraphStore, QueryResult, refuse_writes

CHUNK = 5000  # rows per statement and per transaction
LOOKUP_CHUNK = 10000  # keys per existence look-up
CONNECT_ATTEMPTS = int(os.environ.get("KG_NEO4J_CONNECT_ATTEMPTS", "4"))
RETRY_SECONDS = float(os.environ.get("KG_NEO4J_RETRY_SECONDS", "30"))

# The driver logs lost connections itself; kg reports them once, as its own error.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class Neo4jStore(GraphStore):
    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ):
        import neo4j

        self.url = url
        self.read_only = read_only
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        auth = (user or os.environ.get("NEO4J_USER", "neo4j"), password or os.environ.get("NEO4J_PASSWORD", ""))
        try:
            # Notifications off: a query naming a property no node has yet is no warning to print.
            self._driver = neo4j.GraphDatabase.driver(
                url, auth=auth, max_transaction_retry_time=RETRY_SECONDS, notifications_min_severity="OFF"
            )
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreError(f"store {url} is not a usable Neo4j URL: {exc}") from exc
        self._connect()
        if not read_only:
            self._ensure_schema()

    # -- the contract -------------------------------------------------------------

    def query(self, cypher: str, params: Row | None = None, *, write: bool = False) -> QueryResult:
        if not write:
            refuse_writes(cypher)

        def work(tx: Any) -> QueryResult:
            result = tx.run(cypher, params or {})
            columns = list(result.keys())
            return QueryResult(columns=columns, rows=[[_plain(v) for v in record.values()] for record in result])

        result: QueryResult = self._session_call(work, write=write)
        return result

    def write(self, batch: GraphBatch, *, commit: bool = True) -> None:
        if not len(batch):
            return
        plan = write_plan(batch)  # rows built before the transactions
        # One transaction per chunk of rows: a whole 20,000-paper batch in one transaction
        # needs more than the ~600 MiB a server with a 1 GB heap allows a transaction
        # (dbms.memory.transaction.total.max). Each chunk is idempotent, so a write cut
        # off between two of them is completed by running it again.
        for statement in plan.nodes:
            self._write_rows(statement)
        for part in chunks(plan.papers.rows, CHUNK):
            self._write_chunk(partial(self._write_papers, papers=plan.papers, rows=list(part)))
        for statement in plan.rels:
            self._write_rows(statement)

    def _write_rows(self, statement: Statement) -> None:
        for part in chunks(statement.rows, CHUNK):
            self._write_chunk(partial(_run, cypher=statement.cypher, rows=list(part)))

    def _write_papers(self, tx: Any, papers: PaperStatements, rows: list[Row]) -> None:
        """Papers with their relationships: CREATE those the store lacks, MERGE the rest."""
        stored = self._stored_papers(tx, [row["key"] for row in rows])
        for cypher, chosen in (
            (papers.create, [r for r in rows if r["key"] not in stored]),
            (papers.merge, [r for r in rows if r["key"] in stored]),
        ):
            if chosen:
                tx.run(cypher, rows=chosen).consume()

    def _write_chunk(self, work: Callable[[Any], Any]) -> None:
        import neo4j.exceptions as errors

        for attempt in range(3):
            try:
                self._session_call(work, write=True)
                return
            except QueryError as exc:
                # Another writer created one of "our" new papers after the look-up: look again.
                if not isinstance(exc.__cause__, errors.ConstraintError) or attempt == 2:
                    raise

    def close(self) -> None:
        driver, self._driver = getattr(self, "_driver", None), None  # type: ignore[assignment]
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
                raise StoreAuthError(
                    f"store {self.url} refused the credentials of user "
                    f"{os.environ.get('NEO4J_USER', 'neo4j')!r}; check NEO4J_USER / NEO4J_PASSWORD"
                ) from exc
            except (errors.ServiceUnavailable, errors.SessionExpired, OSError) as exc:
                if attempt + 1 == CONNECT_ATTEMPTS:
                    self.close()
                    raise StoreUnavailable(
                        f"store {self.url} cannot be reached ({_first_line(exc)}); is the Neo4j server running?"
                    ) from exc
                time.sleep(0.5 * 2**attempt)

    @staticmethod
    def _stored_papers(tx: Any, keys: list[str]) -> set[str]:
        """The keys of these papers that are in the store (an index seek each, no lock)."""
        stored: set[str] = set()
        for part in chunks(keys, LOOKUP_CHUNK):
            stored.update(
                tx.run("UNWIND $keys AS k MATCH (p:Paper {key: k}) RETURN collect(k) AS keys", keys=part).single()[
                    "keys"
                ]
            )
        return stored

    def _ensure_schema(self) -> None:
        statements = [
            f"CREATE CONSTRAINT kg_{label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"
            for label in NODES
        ]
        statements += [f"CREATE INDEX kg_paper_{p} IF NOT EXISTS FOR (n:Paper) ON (n.{p})" for p in PAPER_MATCH_PROPS]
        # Ranking by a count (prolific-authors) reads the index in order.
        counted = [f"kg_{c.label.lower()}_{c.prop}" for c in COUNTS]
        statements += [
            f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{c.label}) ON (n.{c.prop})"
            for name, c in zip(counted, COUNTS, strict=True)
        ]

        existing = self._session_call(lambda tx: {r["name"] for r in tx.run("SHOW INDEXES YIELD name RETURN name")})
        if not {f"kg_{label.lower()}_key" for label in NODES} | set(counted) <= existing:
            for statement in statements:  # schema changes go one per transaction
                self._session_call(partial(_run, cypher=statement), write=True)
            for count in COUNTS:  # a graph written before the count existed: count once
                cypher = (
                    f"MATCH (n:{count.label}) WHERE n.{count.prop} IS NULL "
                    f"SET n.{count.prop} = COUNT {{ (n)-[:{count.rel}]->() }}"
                )
                self._session_call(partial(_run, cypher=cypher), write=True)

    def _session_call(self, work: Callable[[Any], Any], *, write: bool = False) -> Any:
        import neo4j.exceptions as errors

        if self._driver is None:
            raise StoreError(f"store {self.url} is closed")
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except errors.AuthError as exc:
            raise StoreAuthError(
                f"store {self.url} refused the credentials; check NEO4J_USER / NEO4J_PASSWORD"
            ) from exc
        except (errors.ServiceUnavailable, errors.SessionExpired) as exc:
            raise StoreUnavailable(
                f"store {self.url} became unreachable ({_first_line(exc)}); re-run when the server is back"
            ) from exc
        except errors.Neo4jError as exc:
            raise QueryError(_first_line(exc.message or str(exc))) from exc
        except errors.DriverError as exc:
            raise StoreError(f"store {self.url}: {_first_line(exc)}") from exc


class Statement(NamedTuple):
    """One UNWIND statement and the rows it runs over."""

    cypher: str
    rows: list[Row]


class PaperStatements(NamedTuple):
    """The papers of a write with their relationships, one row each: `create` for papers
    the store lacks (looked up in the transaction that writes them), `merge` for the rest."""

    create: str
    merge: str
    rows: list[Row]


class WritePlan(NamedTuple):
    """The statements of a write, in order: the nodes no paper of the batch links to, the
    papers with their relationships, the other relationships."""

    nodes: list[Statement]
    papers: PaperStatements
    rels: list[Statement]


class _Link(NamedTuple):
    """A relationship type written from the paper's row: the list of its items in the row."""

    rel: str
    label: str  # the other node's label
    from_paper: bool  # the paper is the start node


def write_plan(batch: GraphBatch) -> WritePlan:
    """The statements of a write, with their rows.

    A paper is written in one statement with its relationships and the nodes at their other
    ends (`FOREACH` over lists in its row): a relationship then costs one index seek (its
    other node's MERGE), not three (a MERGE for each node, then MATCH a, MATCH b to link
    them). A paper not stored before this write is CREATEd, and so are its relationships:
    a node this transaction creates has no relationship yet (`write` looks up which papers
    are stored in its transaction; a concurrent writer creating the same paper first makes
    the CREATE fail on the key constraint, and `write` looks again). Everything else is
    MERGEd on its key (a relationship on its end points, and the property its type is
    keyed by). A count of kg.schema.COUNTS starts at 0 on a new node and goes up
    by one with each relationship created.

    Properties are set one by one, a None (null) keeping the stored value: `SET n += map`
    would make the planner add an Eager operator before every later MERGE (such a map could
    write `key`). Two FOREACH clauses still get one between them, which only buffers the
    chunk's rows: measured no slower than a statement per relationship type that finds the
    paper again."""
    papers = batch.nodes.get("Paper", {})
    lists: dict[
        str, dict[str, list[Row]]
    ] = {}  # paper key -> list name -> items (other node's properties, e_<rel prop>)
    links: list[_Link] = []
    linked: dict[str, set[str]] = {}  # label -> keys written with a paper
    flat: list[tuple[str, str, str, list[tuple[Ends, Row]]]] = []
    for (rel, from_label, to_label), pairs in batch.rels.items():
        from_paper = from_label == "Paper"
        if from_paper == (to_label == "Paper"):  # no Paper end (or two)
            flat.append((rel, from_label, to_label, list(pairs.items())))
            continue
        label = to_label if from_paper else from_label
        others, name, rest = batch.nodes.get(label, {}), _list_name(rel, label), []
        columns = [(p, f"e_{p}") for p in RELATIONSHIPS[rel].props]
        keys = linked.setdefault(label, set())
        for ends, props in pairs.items():
            paper, other = (ends[0], ends[1]) if from_paper else (ends[1], ends[0])
            node = others.get(other)
            if node is None or paper not in papers:
                rest.append((ends, props))  # an end outside the batch: matched by key
                continue
            item = dict(node)  # a None is null: sets nothing on a new node, keeps the stored value
            for p, field in columns:
                item[field] = props.get(p)
            lists.setdefault(paper, {}).setdefault(name, []).append(item)
            keys.add(other)
        if len(rest) < len(pairs):
            links.append(_Link(rel, label, from_paper))
        if rest:
            flat.append((rel, from_label, to_label, rest))

    nodes = [
        Statement(
            f"UNWIND $rows AS r MERGE (n:{label} {{key: r.key}}){_upsert_node('n', label, 'r')}",
            [row for key, row in rows.items() if key not in linked.get(label, ())],
        )
        for label, rows in batch.nodes.items()
        if label != "Paper"
    ]

    paper_props = written_props("Paper")
    create = (
        "UNWIND $rows AS r CREATE (p:Paper {key: r.key, "
        + ", ".join(f"{p}: r.{p}" for p in paper_props)
        + "})"
        + "".join(_foreach(link, create=True) for link in links)
    )
    merge = f"UNWIND $rows AS r MERGE (p:Paper {{key: r.key}}){_upsert_node('p', 'Paper', 'r')}" + "".join(
        _foreach(link, create=False) for link in links
    )
    paper_rows = [
        {**{p: v for p, v in row.items() if v is not None}, **lists.get(key, {})} for key, row in papers.items()
    ]

    rels = []
    for rel, from_label, to_label, items in flat:
        rels.append(
            Statement(
                f"UNWIND $rows AS r MATCH (a:{from_label} {{key: r.from}}) MATCH (b:{to_label} {{key: r.to}}) "
                f"MERGE (a)-[e:{rel}{_keyed(rel, 'r')}]->(b){_upsert_link('e', rel, 'r', ('a', from_label))}",
                [{"from": ends[0], "to": ends[1], **props} for ends, props in items],
            )
        )
    return WritePlan(nodes, PaperStatements(create, merge, paper_rows), rels)


def _foreach(link: _Link, *, create: bool) -> str:
    """The FOREACH clause writing a paper's `rel` relationships to `label` nodes (item `a`)."""
    rel, label, from_paper = link
    start = ("p", "Paper") if from_paper else ("n", label)
    if create:
        sets = [f"e.{c} = a.e_{c}" for c in RELATIONSHIPS[rel].props] + _count_up(rel, *start)
        write = f"CREATE {_link_pattern(link)}" + (" SET " + ", ".join(sets) if sets else "")
    else:
        keyed = _keyed(rel, "a", prefix="e_")
        write = f"MERGE {_link_pattern(link, keyed)}" + _upsert_link("e", rel, "a", start, prefix="e_")
    return (
        f" FOREACH (a IN coalesce(r.{_list_name(rel, label)}, []) | "
        f"MERGE (n:{label} {{key: a.key}}){_upsert_node('n', label, 'a')} {write})"
    )


def _link_pattern(link: _Link, keyed: str = "") -> str:
    """The pattern of a paper's relationship `e` to the node `n`, with the map it is keyed by."""
    return f"(p)-[e:{link.rel}{keyed}]->(n)" if link.from_paper else f"(n)-[e:{link.rel}{keyed}]->(p)"


def _keyed(rel: str, row: str, prefix: str = "") -> str:
    """The property map a MERGE of a type keyed by a property matches on (kg.schema.RelType)."""
    keyed = RELATIONSHIPS[rel].keyed_by
    return f" {{{keyed}: {row}.{prefix}{keyed}}}" if keyed else ""


def _list_name(rel: str, label: str) -> str:
    return f"{rel}_{label}".lower()


def _upsert_node(var: str, label: str, row: str) -> str:
    """ON CREATE / ON MATCH SET of a node's properties from the row (a missing, None one
    keeps the stored value); its counts start at 0."""
    counts = [f"{var}.{c.prop} = 0" for c in COUNTS if c.label == label]
    return _upsert(var, written_props(label), row, on_create=counts)


def _upsert_link(var: str, rel: str, row: str, start: tuple[str, str], prefix: str = "") -> str:
    """ON CREATE / ON MATCH SET of a relationship's properties; creating it counts it on
    its start node (variable, label)."""
    return _upsert(var, list(RELATIONSHIPS[rel].props), row, prefix, on_create=_count_up(rel, *start))


def _count_up(rel: str, var: str, label: str) -> list[str]:
    return [f"{var}.{c.prop} = coalesce({var}.{c.prop}, 0) + 1" for c in COUNTS if c.rel == rel and c.label == label]


def _upsert(var: str, props: list[str], row: str, prefix: str = "", on_create: list[str] | None = None) -> str:
    """ON CREATE / ON MATCH SET of each property from the row; a missing (None) one keeps the stored value."""
    created = [f"{var}.{p} = {row}.{prefix}{p}" for p in props] + (on_create or [])
    matched = [f"{var}.{p} = coalesce({row}.{prefix}{p}, {var}.{p})" for p in props]
    return (" ON CREATE SET " + ", ".join(created) if created else "") + (
        " ON MATCH SET " + ", ".join(matched) if matched else ""
    )


def _run(tx: Any, cypher: str, **params: Any) -> None:
    tx.run(cypher, params).consume()


def _first_line(exc: BaseException | str) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _plain(value: Any) -> Any:
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
