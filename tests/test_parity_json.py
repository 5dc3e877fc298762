"""Both stores answer every ready query with the same JSON, types included: a sum is a
number on both (LadybugDB returns it as a Decimal, which JSON wrote as a string)."""

from __future__ import annotations

import json

import pytest

from kg.queries import list_queries
from kg.store import open_store
from tests.conftest import EXTERNAL, SEEDS, run_kg, wipe_neo4j


@pytest.fixture(scope="module")
def both(tmp_path_factory, neo4j_url):
    from kg.ingest import ingest

    inputs = [str(SEEDS), *(str(p) for p in sorted(EXTERNAL.iterdir()) if p.name != "MANIFEST.md")]
    lbug = str(tmp_path_factory.mktemp("json") / "json.lbug")
    wipe_neo4j(neo4j_url)
    for url in (lbug, neo4j_url):
        with open_store(url) as store:
            ingest(inputs, store=store)
    return lbug, neo4j_url


def types(value):
    """The JSON shape of a value: its type, recursively."""
    if isinstance(value, list):
        return [types(v) for v in value]
    if isinstance(value, dict):
        return {k: types(v) for k, v in value.items()}
    return type(value).__name__


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_parity_json_every_ready_query_same_json_on_both_stores(both, query):
    answers = []
    for url in both:
        params = [f"{p.name}={p.example}" for p in query.params if p.example is not None]
        result = run_kg("query", query.name, "-s", url, "-f", "json", *(arg for p in params for arg in ("-p", p)))
        assert result.returncode == 0, result.stderr
        answers.append(json.loads(result.stdout))
    embedded, neo4j = answers
    assert embedded, f"{query.name} gave no rows"
    if "ORDER BY" not in query.cypher.upper():
        embedded, neo4j = (sorted(a, key=json.dumps) for a in answers)
    assert types(embedded) == types(neo4j)
    assert embedded == neo4j


def test_parity_json_companies_deployed_counts_are_numbers(both):
    for url in both:
        rows = json.loads(run_kg("query", "companies-deployed", "-s", url, "-f", "json").stdout)
        assert all(isinstance(row["deployed"], int) and isinstance(row["papers"], int) for row in rows)
