"""`kg reextract`: the current rules over the stored papers give what a fresh ingest with
the same rules gives, from the store's text alone, and a second run changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.ingest import entity_extractor, ingest
from kg.reextract import paper_day, reextract
from kg.store import open_store
from tests.conftest import EXTERNAL, SEEDS, run_kg

# Every family, an AI digest's Motivation/Method/Result/Conclusion sections among them.
INPUTS = [str(SEEDS), *(str(p) for p in sorted(EXTERNAL.iterdir()) if p.name != "MANIFEST.md")]


def links(store) -> set[tuple]:
    rows = store.query("MATCH (a)-[r]->(b) RETURN a.key, b.key, r").rows
    return {(r["_label"], a, b, r.get("evidence"), r.get("value"), r.get("deployed")) for a, b, r in rows}


def test_reextract_gives_what_the_ingest_gave_and_is_idempotent(store_url_any):
    with open_store(store_url_any) as store:
        ingest(INPUTS, store=store)
        ingested, counts = links(store), store.counts()
        extractor = entity_extractor()
        first = reextract(store, extractor=extractor)
        assert first.papers == counts["nodes"]["Paper"]
        assert links(store) == ingested and store.counts() == counts
        reextract(store, extractor=extractor)
        assert links(store) == ingested and store.counts() == counts


def test_reextract_of_some_papers_replaces_their_results_and_comparisons(store_url_any):
    """Re-extracting papers with results and comparisons writes them once again, not twice."""
    with open_store(store_url_any) as store:
        ingest([str(SEEDS)], store=store, jobs=1)
        ingested, counts = links(store), store.counts()
        claimed = store.query("MATCH (p:Paper)-[:CLAIMS]->(:Result) RETURN DISTINCT p.key").rows
        beating = store.query("MATCH ()-[o:OUTPERFORMS]->() RETURN DISTINCT o.paper").rows
        papers = sorted({row[0] for row in claimed + beating})
        assert counts["relationships"]["OUTPERFORMS"] and counts["nodes"]["Result"]
        report = reextract(store, extractor=entity_extractor(), papers=papers, jobs=1)
        assert report.papers == len(papers) and report.removed["CLAIMS"] == counts["relationships"]["CLAIMS"]
        assert links(store) == ingested and store.counts() == counts


def test_reextract_with_a_lexicon_equals_a_fresh_ingest_with_it(tmp_path):
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    # a method every seed paper family names, made a company, and a new method
    (lexicon / "methods.jsonl").write_text(
        json.dumps({"name": "semantic ID", "aliases": ["semantic IDs", "SID"]}) + "\n"
    )
    (lexicon / "companies.jsonl").write_text(json.dumps({"name": "Kuaishou", "parent": "Kwai Group"}) + "\n")
    old, fresh = str(tmp_path / "old.lbug"), str(tmp_path / "fresh.lbug")
    assert run_kg("ingest", "-s", old, str(SEEDS)).returncode == 0
    again = run_kg("reextract", "-s", old, "--lexicon", str(lexicon))
    assert again.returncode == 0, again.stderr
    assert run_kg("ingest", "-s", fresh, str(SEEDS), "--lexicon", str(lexicon)).returncode == 0
    with open_store(old, read_only=True) as a, open_store(fresh, read_only=True) as b:
        assert a.counts() == b.counts()
        assert links(a) == links(b)
        rows = a.query("MATCH (c:Company {key: 'kuaishou'})-[:PART_OF]->(p) RETURN p.name").rows
        assert rows == [["Kwai Group"]]


def test_reextract_since_a_day_reads_only_those_papers(tmp_path):
    store = str(tmp_path / "kg.lbug")
    assert run_kg("ingest", "-s", store, str(SEEDS)).returncode == 0
    with open_store(store, read_only=True) as graph:
        rows = graph.query("MATCH (p:Paper) RETURN p.published, p.arxiv_id, p.digest_date").rows
    days = [paper_day(*row) for row in rows]
    # a day, or a month alone (from the arXiv id), which counts from the month the day falls in
    expected = sum(1 for day in days if day is not None and day >= ("2025-11" if len(day) == 7 else "2025-11-20"))
    assert 0 < expected < len(rows)
    with open_store(store) as graph:
        report = reextract(graph, extractor=entity_extractor(), since=date(2025, 11, 20), jobs=1)
    assert report.papers == expected
    bad = run_kg("reextract", "-s", store, "--since", "last week")
    assert (bad.returncode, bad.stderr.strip()) == (
        1,
        "Error: --since 'last week' is not a date; write it as YYYY-MM-DD",
    )


@pytest.mark.parametrize(
    "published, arxiv_id, digest, day",
    [
        ("2025-11-03T10:00:00", "2511.00001", None, "2025-11-03"),
        (None, "2511.00001", "2025-12-01", "2025-11"),
        (None, None, "2025-12-01", "2025-12-01"),
        (None, None, None, None),
    ],
    ids=["published", "month-of-the-id", "digest-date", "none"],
)
def test_reextract_paper_day(published, arxiv_id, digest, day):
    assert paper_day(published, arxiv_id, digest) == day
