"""Results and comparisons in the graph (kg.results): a value's number, the keys, and
papers written for this test ingested with
the real extractor into both stores: exactly the Results and OUTPERFORMS edges the text
states, nothing new on a second ingest, the same after `kg copy` both ways."""

from __future__ import annotations

import json

import pytest

from kg.results import result_key, value_number
from kg.store import open_store
from tests.conftest import run_kg, wipe_neo4j


@pytest.mark.parametrize(
    "value, number",
    [
        ("+12.3%", 12.3),
        ("0.31", 0.31),
        ("1.84x", 1.84),
        ("-0.0375", -0.0375),
        ("\u22125%", -5.0),  # a minus sign
        ("$0.84", 0.84),
        ("1,100x", 1100.0),
        ("15.5 percentage points", 15.5),
        ("+407 bps", 407.0),
        ("10-20%", None),  # a range
        ("0.3 to 0.5", None),
        ("reported", None),
        (None, None),
    ],
)
def test_results_value_number(value, number):
    assert value_number(value) == number


def test_results_key_joins_paper_metric_value_dataset_baseline():
    assert result_key("2601.10001", "NDCG@10", "12.3 %", "MovieLens-1M", "SASRec") == (
        "2601.10001|ndcg@10|12.3 %|movielens1m|sasrec"
    )
    assert result_key("2601.10003", None, None, None, "GRU4Rec") == "2601.10003||||gru4rec"


# Three papers whose comparisons are known (checked against `kg extract`): SeqFoo beats
# SASRec (with a number) and BERT4Rec (the claim alone) in one paper, SASRec again in a
# second one, which also states an online gain at Kuaishou; the third names no method of
# its own and beats GRU4Rec, and is only comparable to SR-GNN (no win).
PAPERS = [
    {
        "arxiv_id": "2601.10001",
        "title": "SeqFoo: Sequential Recommendation with Foo Attention",
        "authors": ["Ann Lee"],
        "abstract": "We propose SeqFoo, a sequential recommender built on foo attention. Experiments on "
        "MovieLens-1M show that SeqFoo outperforms SASRec and BERT4Rec, improving NDCG@10 by 12.3% over SASRec.",
    },
    {
        "arxiv_id": "2601.10002",
        "title": "SeqFoo at Scale",
        "authors": ["Ann Lee", "Bo Chen"],
        "abstract": "We propose SeqFoo, a sequential recommender for large catalogues. SeqFoo outperforms SASRec "
        "by 4.2% in HR@10 on Amazon Beauty. Online A/B tests at Kuaishou show a +2.1% GMV lift.",
    },
    {
        "arxiv_id": "2601.10003",
        "title": "Graph Signals for Session Recommendation",
        "authors": ["Cy Wu"],
        "abstract": "We study graph signals for session-based recommendation. Our method outperforms GRU4Rec on "
        "Yelp, and its results are comparable to SR-GNN.",
    },
]
RESULTS = [  # key, value, number, setting, metric, dataset, method, baseline
    ["2601.10001|ndcg@10|12.3%|movielens|sasrec", "12.3%", 12.3, "offline", "NDCG@10", "MovieLens", "SeqFoo", "SASRec"],
    ["2601.10001||||bert4rec", None, None, None, None, None, "SeqFoo", "BERT4Rec"],
    ["2601.10002|gmv|+2.1%|amazonbeauty|", "+2.1%", 2.1, "online", "GMV", "Amazon Beauty", "SeqFoo", None],
    ["2601.10002|hr@10|4.2%|amazonbeauty|sasrec", "4.2%", 4.2, None, "HR@10", "Amazon Beauty", "SeqFoo", "SASRec"],
    ["2601.10003||||gru4rec", None, None, None, None, None, None, "GRU4Rec"],
]
OUTPERFORMS = [
    ["SeqFoo", "BERT4Rec", "2601.10001"],
    ["SeqFoo", "SASRec", "2601.10001"],
    ["SeqFoo", "SASRec", "2601.10002"],
]
_RESULTS = """
MATCH (p:Paper)-[:CLAIMS]->(r:Result)
OPTIONAL MATCH (r)-[:MEASURES]->(x:Metric)
OPTIONAL MATCH (r)-[:MEASURED_ON]->(d:Dataset)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Method)
OPTIONAL MATCH (r)-[:AGAINST]->(b:Method)
RETURN r.key, r.value, r.number, r.setting, x.name, d.name, m.name, b.name
ORDER BY r.key
"""
_OUTPERFORMS = "MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method) RETURN a.name, b.name, o.paper ORDER BY o.paper, b.name"


def _comparisons(url: str) -> tuple[list, list, dict]:
    with open_store(url, read_only=True) as store:
        return store.query(_RESULTS).rows, store.query(_OUTPERFORMS).rows, store.counts()


def test_results_known_text_on_both_stores_and_copies(tmp_path, neo4j_url):
    digest = tmp_path / "comparisons.jsonl"
    digest.write_text("".join(json.dumps(p) + "\n" for p in PAPERS), encoding="utf-8")
    lbug = str(tmp_path / "results.lbug")
    wipe_neo4j(neo4j_url)
    for url in (lbug, neo4j_url):
        assert run_kg("ingest", "-s", url, str(digest)).returncode == 0
        results, outperforms, counts = _comparisons(url)
        assert results == RESULTS, url
        assert outperforms == OUTPERFORMS, url
        assert run_kg("ingest", "-s", url, str(digest)).returncode == 0
        assert _comparisons(url) == (results, outperforms, counts), url  # a second ingest changes nothing
    assert _comparisons(lbug) == _comparisons(neo4j_url)

    wipe_neo4j(neo4j_url)
    assert run_kg("copy", "--from", lbug, "--to", neo4j_url).returncode == 0
    back = str(tmp_path / "back.lbug")
    assert run_kg("copy", "--from", neo4j_url, "--to", back).returncode == 0
    assert _comparisons(neo4j_url) == _comparisons(back) == _comparisons(lbug)
