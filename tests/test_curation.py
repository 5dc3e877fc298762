"""Merges and unmerges on both stores, the curation file that records them, and later
ingests and re-extractions that apply it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.curation import Curation, Decision, curation_path
from kg.errors import CurationError
from kg.graph import GraphBatch
from kg.ingest import entity_extractor, ingest
from kg.merge import merge, unmerge
from kg.reextract import reextract
from kg.store import open_store
from tests.conftest import SEEDS, run_kg


def links(store) -> set[tuple]:
    """Every relationship as (type, start key, end key)."""
    rows = store.query("MATCH (a)-[r]->(b) RETURN a.key, b.key, r").rows
    return {(r["_label"], a, b) for a, b, r in rows}


def concept(store, label: str, key: str) -> dict | None:
    rows = store.query(f"MATCH (c:{label} {{key: $k}}) RETURN c.name, c.aliases", {"k": key}).rows
    return {"name": rows[0][0], "aliases": rows[0][1]} if rows else None


@pytest.fixture(scope="module")
def extractor():
    return entity_extractor()


@pytest.fixture
def seeded(store_url_any, extractor):
    with open_store(store_url_any) as store:
        ingest([str(SEEDS)], store=store, jobs=1)
    return store_url_any


# -- the file ---------------------------------------------------------------------------


def test_curation_file_replays_merges_chains_and_unmerges(tmp_path):
    path = tmp_path / "kg-curation.jsonl"
    curation = Curation.load(path)
    curation.record(Decision("merge", "Method", "LLMs", "LLM"))
    curation.record(Decision("merge", "Method", "LLM", "large language model"))
    assert curation.target("Method", "llms") == ("largelanguagemodel", "large language model")  # chained
    assert curation.aliases("Method", "largelanguagemodel") == ["LLM", "LLMs"]
    curation.record(Decision("unmerge", "Method", "LLM"))
    again = Curation.load(path)
    assert again.target("Method", "llms") == ("llm", "LLM")
    assert again.target("Method", "llm") is None
    assert [json.loads(line)["action"] for line in path.read_text().splitlines()] == ["merge", "merge", "unmerge"]


def test_curation_refuses_a_merge_that_closes_a_loop():
    curation = Curation([Decision("merge", "Task", "CTR estimation", "CTR prediction")])
    with pytest.raises(CurationError, match="Task 'CTR estimation' is merged into 'CTR prediction'; unmerge it first"):
        curation.record(Decision("merge", "Task", "CTR prediction", "ctr-estimation"))


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "Expecting property name"),
        ('{"action": "split", "label": "Method", "name": "a"}', "action 'split' is not one of: merge, unmerge"),
        ('{"action": "merge", "label": "Paper", "name": "a", "into": "b"}', "label 'Paper' is not one of"),
        ('{"action": "merge", "label": "Method", "name": "a"}', "a merge without `into`"),
    ],
    ids=["not-json", "unknown-action", "not-a-concept-label", "merge-without-into"],
)
def test_curation_bad_line_is_one_error_naming_file_and_line(tmp_path, line, problem):
    path = tmp_path / "kg-curation.jsonl"
    path.write_text('{"action": "merge", "label": "Method", "name": "LLMs", "into": "LLM"}\n' + line + "\n")
    with pytest.raises(CurationError) as caught:
        Curation.load(path)
    assert str(caught.value).startswith(f"{path}:2: ") and problem in str(caught.value)


def test_curation_file_sits_beside_an_embedded_store(tmp_path):
    assert curation_path(str(tmp_path / "x" / "kg.lbug")) == tmp_path / "x" / "kg-curation.jsonl"
    assert curation_path("bolt://localhost:7687") == Path("kg-curation.jsonl")
    assert curation_path("bolt://localhost:7687", "mine.jsonl") == Path("mine.jsonl")


def test_curation_applies_to_any_relationship_type_and_drops_loops():
    """Generic over the schema: both ends of a concept-to-concept type are rewritten."""
    batch = GraphBatch()
    for key, name in (("taobao", "Taobao"), ("alibaba", "Alibaba"), ("tmall", "Tmall")):
        batch.add_node("Company", key, name=name)
    batch.add_rel("PART_OF", "Company", "taobao", "Company", "alibaba")
    batch.add_rel("PART_OF", "Company", "tmall", "Company", "alibaba")
    batch.add_rel("MENTIONS", "Paper", "2601.00001", "Company", "taobao", deployed=True, evidence="e")
    Curation([Decision("merge", "Company", "Taobao", "Alibaba")]).apply(batch)
    assert set(batch.nodes["Company"]) == {"alibaba", "tmall"}
    assert batch.nodes["Company"]["alibaba"]["aliases"] == ["Taobao"]
    assert set(batch.rels[("PART_OF", "Company", "Company")]) == {("tmall", "alibaba")}
    assert set(batch.rels[("MENTIONS", "Paper", "Company")]) == {("2601.00001", "alibaba")}


# -- merge and unmerge on both stores ---------------------------------------------------


def test_curation_merge_then_unmerge_gives_the_graph_back(seeded, tmp_path, extractor):
    curation = Curation.load(tmp_path / "kg-curation.jsonl")
    with open_store(seeded) as store:
        before, counts = links(store), store.counts()
        lm_links = {link for link in before if link[2] == "lm"}
        report = merge(store, label="method", name="lm", into="LLM", curation=curation)
        assert (report.name, report.into, report.aliases) == ("LM", "LLM", ["LM"])
        assert concept(store, "Method", "lm") is None
        assert concept(store, "Method", "llm") == {"name": "LLM", "aliases": ["LM"]}
        merged = links(store)
        assert {(t, a, "llm") for t, a, _ in lm_links} <= merged
        assert sum(report.moved.values()) + report.kept == len(lm_links)
        unmerge(store, label="Method", name="LM", curation=curation, extractor=extractor, jobs=1)
        assert links(store) == before and store.counts() == counts
        assert concept(store, "Method", "llm") == {"name": "LLM", "aliases": None}
    lines = [json.loads(line) for line in (tmp_path / "kg-curation.jsonl").read_text().splitlines()]
    assert [(d["action"], d["name"], d.get("into")) for d in lines] == [("merge", "LM", "LLM"), ("unmerge", "LM", None)]


def test_curation_merge_moves_both_directions_of_a_concept_type(store_url_any, tmp_path):
    batch = GraphBatch()
    for key, name in (("taobao", "Taobao"), ("alibaba", "Alibaba"), ("tmall", "Tmall"), ("alipay", "Alipay")):
        batch.add_node("Company", key, name=name)
    batch.add_node("Paper", "2601.00001", title="T")
    batch.add_rel("PART_OF", "Company", "tmall", "Company", "taobao")  # into Taobao
    batch.add_rel("PART_OF", "Company", "taobao", "Company", "alibaba")  # out of Taobao, to the target
    batch.add_rel("PART_OF", "Company", "alipay", "Company", "alibaba")
    batch.add_rel("MENTIONS", "Paper", "2601.00001", "Company", "taobao", deployed=True, evidence="on Taobao")
    with open_store(store_url_any) as store:
        store.write(batch)
        report = merge(store, label="Company", name="Taobao", into="Alibaba", curation=Curation.load(tmp_path / "c"))
        assert report.dropped == 1 and report.moved == {"PART_OF": 1, "MENTIONS": 1}
        assert links(store) == {
            ("PART_OF", "tmall", "alibaba"),
            ("PART_OF", "alipay", "alibaba"),
            ("MENTIONS", "2601.00001", "alibaba"),
        }
        rows = store.query("MATCH (:Paper)-[m:MENTIONS]->(c:Company) RETURN m.deployed, m.evidence").rows
        assert rows == [[True, "on Taobao"]]


def test_curation_merge_keeps_one_outperforms_per_paper(store_url_any, tmp_path):
    """OUTPERFORMS is keyed by its paper: the target's edge of one paper is kept, the merged
    name's edge of another paper moves beside it, and the results follow."""
    batch = GraphBatch()
    for key, name in (("sasrec", "SASRec"), ("sasrecv2", "SASRec-v2"), ("gru4rec", "GRU4Rec")):
        batch.add_node("Method", key, name=name)
    batch.add_node("Result", "r1", value="+3%")
    batch.add_rel("OUTPERFORMS", "Method", "sasrec", "Method", "gru4rec", paper="p1", evidence="one")
    batch.add_rel("OUTPERFORMS", "Method", "sasrecv2", "Method", "gru4rec", paper="p1", evidence="one again")
    batch.add_rel("OUTPERFORMS", "Method", "sasrecv2", "Method", "gru4rec", paper="p2", evidence="two")
    batch.add_rel("ACHIEVED_BY", "Result", "r1", "Method", "sasrecv2")
    with open_store(store_url_any) as store:
        store.write(batch)
        report = merge(store, label="Method", name="SASRec-v2", into="SASRec", curation=Curation.load(tmp_path / "c"))
        assert report.kept == 1 and report.moved == {"OUTPERFORMS": 1, "ACHIEVED_BY": 1}
        rows = store.query("MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method) RETURN a.key, b.key, o.paper, o.evidence").rows
        assert sorted(rows) == [["sasrec", "gru4rec", "p1", "one"], ["sasrec", "gru4rec", "p2", "two"]]
        assert store.query("MATCH (:Result)-[:ACHIEVED_BY]->(m:Method) RETURN m.key").rows == [["sasrec"]]


def test_curation_merge_into_a_new_name_renames(store_url_any, tmp_path):
    batch = GraphBatch()
    batch.add_node("Task", "ctrestimation", name="CTR estimation")
    batch.add_node("Paper", "2601.00001", title="T")
    batch.add_rel("ADDRESSES", "Paper", "2601.00001", "Task", "ctrestimation", evidence="e")
    with open_store(store_url_any) as store:
        store.write(batch)
        merge(store, label="Task", name="ctr estimation", into="CTR prediction", curation=Curation())
        assert concept(store, "Task", "ctrprediction") == {"name": "CTR prediction", "aliases": ["CTR estimation"]}
        assert links(store) == {("ADDRESSES", "2601.00001", "ctrprediction")}


def test_curation_applied_by_a_later_ingest(store_url_any, tmp_path):
    """A decision made on one store is applied when the corpus is loaded into another."""
    path = tmp_path / "kg-curation.jsonl"
    first = str(tmp_path / "first.lbug")
    assert run_kg("ingest", "-s", first, str(SEEDS)).returncode == 0
    merged = run_kg("merge", "Method", "LM", "LLM", "-s", first, "--curation", str(path))
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith("Method 'LM' merged into 'LLM': ")
    loaded = run_kg("ingest", "-s", store_url_any, str(SEEDS), "--curation", str(path))
    assert loaded.returncode == 0, loaded.stderr
    with open_store(first, read_only=True) as a, open_store(store_url_any, read_only=True) as b:
        assert links(a) == links(b) and a.counts() == b.counts()
        assert concept(b, "Method", "lm") is None
        assert concept(b, "Method", "llm") == {"name": "LLM", "aliases": ["LM"]}


def test_curation_beside_the_store_is_applied_without_naming_it(tmp_path):
    store = tmp_path / "kg.lbug"
    (tmp_path / "kg-curation.jsonl").write_text(
        json.dumps({"action": "merge", "label": "Method", "name": "LM", "into": "LLM"}) + "\n"
    )
    assert run_kg("ingest", "-s", str(store), str(SEEDS)).returncode == 0
    with open_store(str(store), read_only=True) as graph:
        assert concept(graph, "Method", "lm") is None
        assert concept(graph, "Method", "llm")["aliases"] == ["LM"]


def test_curation_applied_by_reextract(seeded, tmp_path):
    path = tmp_path / "decided.jsonl"
    path.write_text(json.dumps({"action": "merge", "label": "Method", "name": "LM", "into": "LLM"}) + "\n")
    with open_store(seeded, read_only=True) as store:
        lm_papers = {a for t, a, b in links(store) if b == "lm"}
    done = run_kg("reextract", "-s", seeded, "--curation", str(path), "-j", "1")
    assert done.returncode == 0, done.stderr
    with open_store(seeded, read_only=True) as store:
        assert concept(store, "Method", "lm") is None
        assert concept(store, "Method", "llm") == {"name": "LLM", "aliases": ["LM"]}
        assert lm_papers <= {a for t, a, b in links(store) if b == "llm"}


def test_curation_merge_and_unmerge_errors_are_one_line(tmp_path):
    store = str(tmp_path / "kg.lbug")
    assert run_kg("ingest", "-s", store, str(SEEDS)).returncode == 0
    cases = [
        (("merge", "Method", "no such method", "LLM"), 1, f"Error: no Method named 'no such method' in store {store}"),
        (("merge", "Paper", "a", "b"), 2, "Error: label 'Paper' is not one of: Method, Dataset, Company, Metric, Task"),
        (("merge", "Method", "LLM", "llm"), 1, "Error: 'LLM' and 'llm' are the same Method"),
        (
            ("unmerge", "Method", "LM"),
            1,
            f"Error: Method 'LM' is not merged into anything in {tmp_path / 'kg-curation.jsonl'}",
        ),
    ]
    for args, code, message in cases:
        result = run_kg(*args, "-s", store)
        assert (result.returncode, result.stderr.strip()) == (code, message)
    assert run_kg("merge", "Method", "LM", "LLM", "-s", store).returncode == 0
    again = run_kg("merge", "Method", "LM", "LLM", "-s", store)
    assert (again.returncode, again.stderr.strip()) == (1, "Error: Method 'LM' is already merged into 'LLM'")
    missing = run_kg("ingest", "-s", store, str(SEEDS), "--curation", str(tmp_path / "none.jsonl"))
    assert missing.stderr.strip() == f"Error: {tmp_path / 'none.jsonl'}: no such curation file"


def test_curation_reextract_after_merge_keeps_the_merge(seeded, tmp_path, extractor):
    """The merge's decision is what re-extraction applies: the graph stays merged."""
    curation = Curation.load(tmp_path / "kg-curation.jsonl")
    with open_store(seeded) as store:
        merge(store, label="Method", name="LM", into="LLM", curation=curation)
        merged, counts = links(store), store.counts()
        reextract(store, extractor=extractor, curation=Curation.load(tmp_path / "kg-curation.jsonl"), jobs=1)
        assert links(store) == merged and store.counts() == counts


def test_curation_store_written_before_aliases_and_sections_gets_the_columns(tmp_path):
    """An embedded store made before concepts had aliases and papers had sections: opening
    it for writing adds the columns (last, where a COPY expects them) and it loads on."""
    import ladybug

    from kg.schema import NODES

    path = tmp_path / "old.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for label, props in NODES.items():
        old = {name: kind for name, kind in props.items() if name not in ("aliases", "sections")}
        columns = ", ".join(f"{name} {kind}" for name, kind in old.items())
        conn.execute(f"CREATE NODE TABLE {label}({columns}, PRIMARY KEY (key))")
    conn.close()
    db.close()
    loaded = run_kg("ingest", "-s", str(path), str(SEEDS))
    assert loaded.returncode == 0, loaded.stderr
    assert run_kg("merge", "Method", "LM", "LLM", "-s", str(path)).returncode == 0
    with open_store(str(path), read_only=True) as store:
        assert concept(store, "Method", "llm") == {"name": "LLM", "aliases": ["LM"]}
        assert store.counts()["nodes"]["Paper"] == 91
