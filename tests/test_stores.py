"""Both stores behind one interface: the same graph, the same answers, the same counts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from kg.graph import GraphBatch
from kg.ingest import ingest
from kg.queries import list_queries, load_query
from kg.store import open_store
from tests.conftest import BULK, EXTERNAL, REPO, SEEDS, kg_command, run_kg, wipe_neo4j


def test_stores_write_is_keyed_and_idempotent(graph_store):
    batch = GraphBatch()
    batch.add_node("Paper", "2601.00001", title="T", sources=["a.md"], n_authors=2)
    batch.add_node("Author", "ann lee", name="Ann Lee")
    batch.add_rel("WROTE", "Author", "ann lee", "Paper", "2601.00001", position=1)
    graph_store.write(batch)
    graph_store.write(batch)
    counts = graph_store.counts()
    assert counts["nodes"]["Paper"] == 1 and counts["relationships"]["WROTE"] == 1
    update = GraphBatch()
    update.add_node("Paper", "2601.00001", abstract="An abstract.")  # title None: kept
    graph_store.write(update)
    row = graph_store.query("MATCH (p:Paper) RETURN p.title AS t, p.abstract AS a, p.sources AS s").rows
    assert row == [["T", "An abstract.", ["a.md"]]]


@pytest.fixture(params=["ladybug-log", "ladybug-copy", "ladybug-copy-and-create", "neo4j"])
def each_write_path(request, tmp_path, monkeypatch):
    """A fresh store for each way a write can go: LadybugDB's logged statements (small
    writes), COPY (large ones), COPY beside CREATE for the tables given few rows in one
    large write, and Neo4j."""
    from kg.store import ladybug

    if request.param == "neo4j":
        url = request.getfixturevalue("neo4j_url")
        wipe_neo4j(url)
    else:
        url = str(tmp_path / "any.lbug")
        monkeypatch.setattr(ladybug, "SMALL_WRITE", 10**9 if request.param == "ladybug-log" else 0)
        monkeypatch.setattr(ladybug, "COPY_ROWS", 3 if request.param == "ladybug-copy-and-create" else 0)
    with open_store(url) as store:
        yield store


def test_stores_link_new_and_stored_nodes_once(each_write_path):
    """Relationships between stored nodes, from a new node to a stored one and from a new
    paper to stored nodes are each written once, also when the batch runs twice; a None
    keeps the stored value on nodes and relationships; an end outside the batch is found
    by key."""
    first = GraphBatch()
    first.add_node("Paper", "2601.00003", title="T", sources=["a.md"])
    first.add_node("Author", "ann lee", name="Ann Lee")
    first.add_node("Source", "a.md", name="a.md", family="markdown-table", date="2026-01-01")
    first.add_rel("WROTE", "Author", "ann lee", "Paper", "2601.00003", position=1)
    first.add_rel("LISTED_IN", "Paper", "2601.00003", "Source", "a.md", line=3)
    each_write_path.write(first)

    stored_paper = GraphBatch()  # the paper and Ann are stored, Bo and the method are new
    stored_paper.add_node("Paper", "2601.00003", abstract="A.")
    stored_paper.add_node("Author", "ann lee", name=None)
    stored_paper.add_node("Author", "bo chen", name="Bo Chen")
    stored_paper.add_node("Method", "llm", name="LLM")
    stored_paper.add_rel("WROTE", "Author", "ann lee", "Paper", "2601.00003", position=None)
    stored_paper.add_rel("WROTE", "Author", "bo chen", "Paper", "2601.00003", position=2)
    stored_paper.add_rel("USES", "Paper", "2601.00003", "Method", "llm", evidence="We use an LLM.")
    stored_paper.add_rel("LISTED_IN", "Paper", "2601.00003", "Source", "a.md", line=None)  # Source not in the batch
    new_paper = GraphBatch()  # a new paper by stored authors, using a stored method
    new_paper.add_node("Paper", "2601.00004", title="U")
    new_paper.add_node("Author", "bo chen", name="Bo Chen")
    new_paper.add_node("Method", "llm", name=None)
    new_paper.add_rel("WROTE", "Author", "bo chen", "Paper", "2601.00004", position=1)
    new_paper.add_rel("USES", "Paper", "2601.00004", "Method", "llm", evidence=None)
    graph_store = each_write_path
    for batch in (stored_paper, stored_paper, new_paper, new_paper):
        graph_store.write(batch)

    counts = graph_store.counts()
    assert {k: v for k, v in counts["nodes"].items() if v} == {"Paper": 2, "Author": 2, "Method": 1, "Source": 1}
    assert {k: v for k, v in counts["relationships"].items() if v} == {"WROTE": 3, "USES": 2, "LISTED_IN": 1}
    rows = graph_store.query(
        "MATCH (a:Author)-[w:WROTE]->(p:Paper) "
        "RETURN p.key AS k, a.name AS n, w.position AS pos, p.title AS t, p.abstract AS ab "
        "ORDER BY k, pos"
    ).rows
    assert rows == [
        ["2601.00003", "Ann Lee", 1, "T", "A."],
        ["2601.00003", "Bo Chen", 2, "T", "A."],
        ["2601.00004", "Bo Chen", 1, "U", None],
    ]
    rows = graph_store.query(
        "MATCH (p:Paper)-[u:USES]->(m:Method) RETURN p.key AS k, m.name AS n, u.evidence AS e ORDER BY k"
    ).rows
    assert rows == [["2601.00003", "LLM", "We use an LLM."], ["2601.00004", "LLM", None]]
    rows = graph_store.query(
        "MATCH (p:Paper)-[l:LISTED_IN]->(s:Source) RETURN l.line AS line, s.family AS f, s.date AS d"
    ).rows
    assert rows == [[3, "markdown-table", "2026-01-01"]]


def test_stores_neo4j_paper_created_by_another_writer_after_the_look_up(neo4j_url, monkeypatch):
    """Neo4j CREATEs the papers its look-up did not find: when another writer created one in
    between, the key constraint refuses the CREATE and the write looks again (no duplicate)."""
    from kg.store.neo4j import Neo4jStore

    wipe_neo4j(neo4j_url)
    batch = GraphBatch()
    batch.add_node("Paper", "2601.00005", title="T")
    batch.add_node("Author", "ann lee", name="Ann Lee")
    batch.add_rel("WROTE", "Author", "ann lee", "Paper", "2601.00005", position=1)
    with Neo4jStore(neo4j_url) as store:
        store.write(batch)
        calls = []
        real = Neo4jStore._stored_papers

        def first_misses(tx, keys):  # as if the other writer committed the paper just after it
            calls.append(keys)
            return set() if len(calls) == 1 else real(tx, keys)

        monkeypatch.setattr(Neo4jStore, "_stored_papers", staticmethod(first_misses))
        store.write(batch)
        assert len(calls) == 2
        counts = store.counts()
    assert counts["nodes"]["Paper"] == 1 and counts["relationships"]["WROTE"] == 1


def test_stores_write_a_batch_larger_than_a_transaction(graph_store):
    """A 12,000-paper batch: Neo4j writes it in several transactions (one whole would pass
    the transaction memory limit of a small server), the counts are those of the batch."""
    from kg.store import neo4j as neo4j_store

    batch = GraphBatch()
    papers = 2 * neo4j_store.CHUNK + 2000
    for i in range(papers):
        key = f"2601.{i:05d}"
        batch.add_node("Paper", key, title=f"Paper {i}", abstract="An abstract. " * 20)
        batch.add_node("Author", f"author {i % 3000}", name=f"Author {i % 3000}")
        batch.add_rel("WROTE", "Author", f"author {i % 3000}", "Paper", key, position=1)
        batch.add_node("Method", "llm", name="LLM")
        batch.add_rel("USES", "Paper", key, "Method", "llm", evidence="We use an LLM.")
    graph_store.write(batch)
    graph_store.write(batch)
    counts = graph_store.counts()
    assert (counts["nodes"]["Paper"], counts["nodes"]["Author"], counts["nodes"]["Method"]) == (papers, 3000, 1)
    assert (counts["relationships"]["WROTE"], counts["relationships"]["USES"]) == (papers, papers)


def test_stores_follow_links_from_either_end_in_any_pattern(graph_store):
    """Analysts bind a concept first and walk back to its papers, or ignore direction:
    every such shape must answer on both stores (a link table stored one way only fails
    some of them at run time in LadybugDB)."""
    batch = GraphBatch()
    batch.add_node("Paper", "2601.00002", title="T")
    batch.add_node("Method", "llm", name="LLM")
    batch.add_rel("USES", "Paper", "2601.00002", "Method", "llm", evidence="We use an LLM.")
    graph_store.write(batch)
    for cypher in (
        "MATCH (m:Method {key: 'llm'}) WITH m MATCH (p:Paper)-[:USES]->(m) RETURN p.key",
        "MATCH (m:Method {key: 'llm'})<-[:USES]-(p:Paper) RETURN p.key",
        "MATCH (m:Method {key: 'llm'})-[:USES]-(p:Paper) RETURN p.key",
    ):
        assert graph_store.query(cypher).rows == [["2601.00002"]], cypher


def test_stores_refuse_writes_in_read_queries(graph_store):
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="pass --write"):
        graph_store.query("MATCH (n) DETACH DELETE n")


def test_stores_author_queries_find_the_name_in_any_case_with_or_without_dots(graph_store):
    from kg.model import author_key
    from kg.queries import load_query

    batch = GraphBatch()
    batch.add_node("Paper", "2601.00009", title="T")
    for name, position in (("J. Smith", 1), ("Ann Lee", 2)):
        batch.add_node("Author", author_key(name), name=name)
        batch.add_rel("WROTE", "Author", author_key(name), "Paper", "2601.00009", position=position)
    graph_store.write(batch)
    papers, coauthors = load_query("papers-of-author").cypher, load_query("coauthors").cypher
    for typed in ("J. Smith", "j smith", " J SMITH "):
        assert [row[0] for row in graph_store.query(papers, {"author": typed}).rows] == ["2601.00009"]
        assert graph_store.query(coauthors, {"author": typed}).rows == [["Ann Lee", 1]]


def _papers_by_author(store) -> dict:
    kept = dict(store.query("MATCH (a:Author) RETURN a.key AS k, a.papers AS n").rows)
    counted = dict(store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.key AS k, count(*) AS n").rows)
    return kept, {key: counted.get(key, 0) for key in kept}


def test_stores_author_papers_counts_each_wrote_link_once(each_write_path):
    """Author.papers is kept at write time: new authors, a stored author's new paper, a new
    link between a stored author and a stored paper, an end outside the batch, and the same
    batches again (no change)."""
    first = GraphBatch()
    for key, authors in (("2601.00011", ["ann lee", "bo chen"]), ("2601.00012", ["ann lee"])):
        first.add_node("Paper", key, title=key)
        for position, author in enumerate(authors, start=1):
            first.add_node("Author", author, name=author.title(), papers=99)  # a given count is ignored
            first.add_rel("WROTE", "Author", author, "Paper", key, position=position)
    later = GraphBatch()
    later.add_node("Paper", "2601.00013", title="new")  # a new paper by a stored author
    later.add_node("Author", "bo chen", name="Bo Chen")
    later.add_rel("WROTE", "Author", "bo chen", "Paper", "2601.00013", position=1)
    later.add_node("Paper", "2601.00012", title="2601.00012")  # a stored paper gains a stored author
    later.add_rel("WROTE", "Author", "bo chen", "Paper", "2601.00012", position=2)
    outside = GraphBatch()  # both ends stored, neither in the batch
    outside.add_rel("WROTE", "Author", "cy wu", "Paper", "2601.00011", position=3)
    cy = GraphBatch()
    cy.add_node("Author", "cy wu", name="Cy Wu")
    for batch in (first, first, later, later, cy, outside, outside):
        each_write_path.write(batch)
    kept, counted = _papers_by_author(each_write_path)
    assert kept == counted == {"ann lee": 2, "bo chen": 3, "cy wu": 1}


def test_stores_outperforms_is_one_edge_per_paper(each_write_path):
    """Two papers that say SeqFoo beats SASRec are two edges: written new (COPY / CREATE),
    between stored nodes (MERGE on the paper), again (no change), and with a changed
    evidence (kept on its own edge)."""
    store = each_write_path

    def beats(paper: str, evidence: str | None) -> GraphBatch:
        b = GraphBatch()
        b.add_node("Method", "seqfoo", name="SeqFoo")
        b.add_node("Method", "sasrec", name="SASRec")
        b.add_rel("OUTPERFORMS", "Method", "seqfoo", "Method", "sasrec", paper=paper, evidence=evidence)
        return b

    for batch in (
        beats("2601.1", "first"),
        beats("2601.2", "second"),
        beats("2601.1", None),
        beats("2601.2", "second"),
    ):
        store.write(batch)
    both = GraphBatch()  # one batch with both: two rows, two edges
    both.add_rel("OUTPERFORMS", "Method", "seqfoo", "Method", "sasrec", paper="2601.1", evidence="first")
    both.add_rel("OUTPERFORMS", "Method", "seqfoo", "Method", "sasrec", paper="2601.3", evidence="third")
    store.write(both)
    rows = store.query(
        "MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method) RETURN a.name, b.name, o.paper, o.evidence ORDER BY o.paper"
    ).rows
    assert rows == [
        ["SeqFoo", "SASRec", "2601.1", "first"],
        ["SeqFoo", "SASRec", "2601.2", "second"],
        ["SeqFoo", "SASRec", "2601.3", "third"],
    ]
    with pytest.raises(ValueError, match="OUTPERFORMS needs its paper"):
        GraphBatch().add_rel("OUTPERFORMS", "Method", "seqfoo", "Method", "sasrec", evidence="no paper")


_LOGGED_WRITES_THEN_KILLED = """
import os, sys
from kg.graph import GraphBatch
from kg.store import open_store

store = open_store(sys.argv[1])
for i in range(3):
    batch = GraphBatch()
    batch.add_node("Paper", f"2601.0002{i}", title=f"T{i}", abstract="An abstract. " * 50)
    batch.add_node("Author", "ann lee", name="Ann Lee")
    batch.add_rel("WROTE", "Author", "ann lee", "Paper", f"2601.0002{i}", position=1)
    store.write(batch)
os.kill(os.getpid(), 9)
"""


def test_stores_ladybug_small_writes_survive_a_kill_before_any_checkpoint(tmp_path):
    """Small writes are kept in the write-ahead log only (no checkpoint, not even at close):
    a process killed after three of them leaves all three, read-only and read-write."""
    import sys

    path = str(tmp_path / "killed.lbug")
    killed = subprocess.run([sys.executable, "-c", _LOGGED_WRITES_THEN_KILLED, path], cwd=REPO, capture_output=True)
    assert killed.returncode == -9, killed.stderr
    assert os.path.getsize(path + ".wal") > 0
    for read_only in (True, False):
        with open_store(path, read_only=read_only) as store:
            assert store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.papers, count(p)").rows == [[3, 3]]


def test_stores_ladybug_large_writes_get_the_works_pool_not_the_stores(tmp_path, monkeypatch):
    """A large write reopens the database with the pool its work needs, before it and after
    its commit: 1 GB plus twice the largest node group of a relationship table, whatever the
    first guess was; the links into one concept are one node group, so that part grows with
    them (their evidence included)."""
    from kg.store import ladybug, ladybug_pool

    monkeypatch.delenv("KG_LADYBUG_BUFFER_MB", raising=False)
    monkeypatch.setattr(ladybug, "SMALL_WRITE", 0)
    monkeypatch.setattr(ladybug, "buffer_pool_bytes", lambda size: 3 << 30)  # a store-sized first guess
    batch = GraphBatch()
    batch.add_node("Method", "probe", name="Probe")
    for n in range(2000):
        batch.add_node("Paper", f"2601.{n:05d}", title=f"Paper {n}")
        batch.add_rel("USES", "Paper", f"2601.{n:05d}", "Method", "probe", evidence=f"{n} {'w' * 2000}")
    with open_store(str(tmp_path / "pool.lbug")) as store:
        assert store._pool == 3 << 30
        store.write(batch)
        grown = store._pool - ladybug_pool.WORK_POOL
        assert 2 * 2000 * 2000 <= grown < 64 << 20, grown
        assert store.counts()["relationships"]["USES"] == 2000


_OPEN_WRITE_THEN_KILLED = """
import os, sys
from kg.graph import GraphBatch
from kg.store import ladybug, open_store

ladybug.SMALL_WRITE = 0  # every write a COPY, with SETs on the stored author
store = open_store(sys.argv[1])
for i in range(3):
    batch = GraphBatch()
    batch.add_node("Paper", f"2601.0002{i}", title=f"T{i}")
    batch.add_node("Author", "ann lee", name="Ann Lee")
    batch.add_rel("WROTE", "Author", "ann lee", "Paper", f"2601.0002{i}", position=1)
    store.write(batch, commit=False)
    assert store.query("MATCH (p:Paper) RETURN count(p)").rows == [[i + 1]]  # seen by this store
    if i == 1:
        store.commit()
os.kill(os.getpid(), 9)
"""


def test_stores_ladybug_write_left_open_is_lost_whole_on_a_kill(tmp_path):
    """A write left open (`commit=False`) is seen by the store's own look-ups; a kill before
    its commit loses all of it (its COPYs and its SETs on stored nodes alike), and only it."""
    import sys

    path = str(tmp_path / "killed.lbug")
    killed = subprocess.run([sys.executable, "-c", _OPEN_WRITE_THEN_KILLED, path], cwd=REPO, capture_output=True)
    assert killed.returncode == -9, killed.stderr
    with open_store(path) as store:
        assert store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.papers, count(p)").rows == [[2, 2]]


def test_stores_ladybug_torn_log_tail_loses_only_the_unfinished_write(tmp_path):
    """A kill while a write is appended to the write-ahead log leaves its last record torn:
    the store opens with every write committed before it."""
    import shutil
    import sys

    path = str(tmp_path / "killed.lbug")
    killed = subprocess.run([sys.executable, "-c", _LOGGED_WRITES_THEN_KILLED, path], cwd=REPO, capture_output=True)
    assert killed.returncode == -9, killed.stderr
    torn = str(tmp_path / "torn.lbug")
    shutil.copy(path, torn)
    wal = Path(path + ".wal").read_bytes()
    Path(torn + ".wal").write_bytes(wal[: len(wal) - 200])  # the third write cut short
    with open_store(torn) as store:
        assert store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.papers, count(p)").rows == [[2, 2]]
        again = GraphBatch()  # and the log goes on from there
        again.add_node("Paper", "2601.00029", title="T9")
        again.add_node("Author", "ann lee", name="Ann Lee")
        again.add_rel("WROTE", "Author", "ann lee", "Paper", "2601.00029", position=1)
        store.write(again)
    with open_store(torn, read_only=True) as store:
        assert store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.papers, count(p)").rows == [[3, 3]]


def test_stores_ladybug_store_without_author_papers_gets_them_counted(tmp_path):
    import ladybug

    path = str(tmp_path / "old.lbug")
    db = ladybug.Database(path)
    conn = ladybug.Connection(db)
    for statement in (
        "CREATE NODE TABLE Author(key STRING, name STRING, PRIMARY KEY (key))",
        "CREATE NODE TABLE Paper(key STRING, PRIMARY KEY (key))",
        "CREATE REL TABLE WROTE(FROM Author TO Paper, position INT64)",
        "CREATE (:Author {key: 'a', name: 'A'}), (:Author {key: 'b', name: 'B'}), (:Paper {key: 'p'}), "
        "(:Paper {key: 'q'})",
        "MATCH (a:Author {key: 'a'}), (p:Paper) CREATE (a)-[:WROTE {position: 1}]->(p)",
    ):
        conn.execute(statement)
    conn.close()
    db.close()
    with open_store(path) as store:
        assert _papers_by_author(store)[0] == {"a": 2, "b": 0}


def test_stores_ladybug_store_older_than_the_schema_reads_as_empty_tables(tmp_path):
    """A store written before Result and its relationships existed: a read-only command
    (kg stats, a ready query on them) sees them empty instead of failing."""
    import ladybug

    path = str(tmp_path / "old.lbug")
    db = ladybug.Database(path)
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Paper(key STRING, PRIMARY KEY (key))")
    conn.execute("CREATE (:Paper {key: 'p'})")
    conn.close()
    db.close()
    with open_store(path, read_only=True) as store:
        counts = store.counts()
        assert counts["nodes"]["Paper"] == 1 and counts["nodes"]["Result"] == 0
        assert counts["relationships"]["OUTPERFORMS"] == 0
        assert store.query(load_query("baselines-most-beaten").cypher, {"limit": 5}).rows == []


@pytest.fixture(scope="module")
def both_loaded(tmp_path_factory, neo4j_url):
    """Seeds and external files ingested with extraction into each store."""
    inputs = [str(SEEDS), *(str(p) for p in sorted(EXTERNAL.iterdir()) if p.name != "MANIFEST.md")]
    lbug = str(tmp_path_factory.mktemp("parity") / "parity.lbug")
    wipe_neo4j(neo4j_url)
    reports = {}
    for url in (lbug, neo4j_url):
        with open_store(url) as store:
            reports[url] = ingest(inputs, store=store)
    return lbug, neo4j_url, reports


def test_stores_same_counts_after_the_corpus(both_loaded):
    lbug, neo, reports = both_loaded
    assert [f.error for f in reports[lbug].failed] == []
    with open_store(lbug, read_only=True) as a, open_store(neo, read_only=True) as b:
        assert a.counts() == b.counts()
        kept, counted = _papers_by_author(a)
        assert kept == counted and _papers_by_author(b) == (kept, counted)
    assert json.loads(run_kg("stats", "-f", "json", "-s", lbug).stdout) == json.loads(
        run_kg("stats", "-f", "json", "-s", neo).stdout
    )


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_stores_every_ready_query_gives_the_same_rows(both_loaded, query):
    lbug, neo, _ = both_loaded
    results = []
    for url in (lbug, neo):
        with open_store(url, read_only=True) as store:
            results.append(store.query(query.cypher, query.example_params()))
    (a, b) = results
    assert a.columns == b.columns
    ordered = "ORDER BY" in query.cypher.upper()
    rows_a, rows_b = (a.rows, b.rows) if ordered else (sorted(map(repr, a.rows)), sorted(map(repr, b.rows)))
    assert rows_a == rows_b


def test_stores_neo4j_admin_import_gives_the_bolt_paths_graph(both_loaded, private_neo4j, tmp_path):
    """The embedded store exported for neo4j-admin and imported into a Neo4j server of its
    own (`scripts/neo4j-dev import`) holds the graph of the embedded store, which the parity
    tests above hold equal to the Bolt path's on the same corpus (the shared server itself is
    reused by later tests): counts, Author.papers and every ready query's rows."""
    lbug, _, _ = both_loaded
    export = tmp_path / "export"
    assert run_kg("export", "--neo4j-admin", str(export), "-s", lbug).returncode == 0
    url = private_neo4j("start").splitlines()[-1]
    private_neo4j("import", str(export))
    with open_store(url) as imported, open_store(lbug, read_only=True) as embedded:  # read-write: creates the schema
        assert imported.counts() == embedded.counts()
        assert _papers_by_author(imported) == _papers_by_author(embedded)
        for query in list_queries():
            a, b = (store.query(query.cypher, query.example_params()) for store in (imported, embedded))
            assert a.columns == b.columns, query.name
            if "ORDER BY" in query.cypher.upper():  # as the parity test compares (1 == Decimal(1))
                assert a.rows == b.rows, query.name
            else:
                assert sorted(map(repr, a.rows)) == sorted(map(repr, b.rows)), query.name


def test_stores_copy_round_trip(tmp_path, neo4j_url):
    original = tmp_path / "original.lbug"
    back = tmp_path / "back.lbug"
    assert run_kg("ingest", "-s", str(original), str(SEEDS)).returncode == 0
    wipe_neo4j(neo4j_url)
    to_neo = run_kg("copy", "--from", str(original), "--to", neo4j_url)
    assert to_neo.returncode == 0, to_neo.stderr
    to_file = run_kg("copy", "--from", neo4j_url, "--to", str(back))
    assert to_file.returncode == 0, to_file.stderr
    counts = [
        json.loads(run_kg("stats", "-f", "json", "-s", url).stdout) for url in (str(original), neo4j_url, str(back))
    ]
    assert counts[0] == counts[1] == counts[2]
    kept = []
    for url in (str(original), neo4j_url, str(back)):
        with open_store(url, read_only=True) as store:
            kept.append(_papers_by_author(store))
    assert kept[0][0] == kept[0][1] and kept[0] == kept[1] == kept[2]
    assert counts[0]["nodes"]["Paper"] == 91


def test_stores_neo4j_wrong_password_is_one_line(neo4j_url):
    result = run_kg("stats", "-s", neo4j_url, env={"NEO4J_PASSWORD": "not-the-password"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: store {neo4j_url} refused the credentials of user 'neo4j'; check NEO4J_USER / NEO4J_PASSWORD"
    )
    time.sleep(6)  # Neo4j locks the account for 5 s after repeated failures


def test_stores_neo4j_unreachable_is_one_line():
    url = "bolt://127.0.0.1:9"
    result = run_kg("stats", "-s", url, env={"KG_NEO4J_CONNECT_ATTEMPTS": "2"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: store {url} cannot be reached (")
    assert lines[0].endswith("is the Neo4j server running?")


@pytest.fixture
def private_neo4j(tmp_path, monkeypatch):
    """A Neo4j dev server of this test's own, to stop and start at will."""
    from tests.conftest import _neo4j_env

    for name, value in _neo4j_env().items():
        monkeypatch.setenv(name, value)
    with socket.socket() as probe:  # a free port, so that parallel runs do not collide
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"NEO4J_DEV_DIR": str(tmp_path / "neo4j"), "NEO4J_DEV_PORT": str(port)}
    script = str(REPO / "scripts" / "neo4j-dev")

    def control(command: str, *args: str) -> str:
        done = subprocess.run(
            [script, command, *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=600
        )
        assert done.returncode in (0, 3), done.stderr
        return done.stdout.strip()

    yield control
    control("stop")


def test_stores_neo4j_killed_mid_ingest_then_rerun_completes(private_neo4j, tmp_path):
    inputs = [str(p) for p in sorted(BULK.glob("*csIR_all_part0[12].jsonl"))]
    url = private_neo4j("start").splitlines()[-1]
    # writes of 200 papers: the server dies between two of them, however fast this machine writes
    env = {"KG_NEO4J_RETRY_SECONDS": "2", "KG_NEO4J_CONNECT_ATTEMPTS": "2", "KG_INGEST_BATCH": "200"}
    ingesting = subprocess.Popen(
        [kg_command(), "ingest", "--no-extract", "-s", url, *inputs],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Kill the server once the first write is in, while the next ones are being written.
    deadline = time.time() + 120
    while time.time() < deadline and ingesting.poll() is None:
        with open_store(url, read_only=True) as store:
            if store.counts()["nodes"]["Paper"] > 0:
                break
        time.sleep(0.2)
    private_neo4j("kill")
    _, stderr = ingesting.communicate(timeout=120)
    assert ingesting.returncode == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: store {url}"), stderr

    private_neo4j("start")
    rerun = run_kg("ingest", "--no-extract", "-s", url, *inputs, env=env)
    assert rerun.returncode == 0, rerun.stderr
    reference = tmp_path / "reference.lbug"
    assert run_kg("ingest", "--no-extract", "-s", str(reference), *inputs).returncode == 0
    with open_store(url, read_only=True) as neo, open_store(str(reference), read_only=True) as lbug:
        assert neo.counts() == lbug.counts()
