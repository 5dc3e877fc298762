"""`kg export --format graphml|gexf|csv|jsonl -o PATH` on both stores: each file read back
(networkx for GraphML and GEXF, the csv module, json) holds every node and relationship."""

from __future__ import annotations

import csv
import json
from collections import Counter

import networkx as nx
import pytest

from kg.store import open_store
from tests.conftest import SEEDS, run_kg


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in counts.items() if n}


def read_back(format: str, path) -> tuple[Counter, Counter]:
    """Nodes per label and relationships per type, as the file holds them."""
    if format in ("graphml", "gexf"):
        graph = nx.read_graphml(path) if format == "graphml" else nx.read_gexf(path)
        nodes = Counter(data["kind"] for _, data in graph.nodes(data=True))
        rels = Counter(data["kind"] for _, _, data in graph.edges(data=True))
        return nodes, rels
    if format == "csv":
        with open(path / "nodes.csv", newline="", encoding="utf-8") as handle:
            nodes = Counter(row["kind"] for row in csv.DictReader(handle))
        with open(path / "edges.csv", newline="", encoding="utf-8") as handle:
            rels = Counter(row["kind"] for row in csv.DictReader(handle))
        return nodes, rels
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    nodes = Counter(line["labels"][0] for line in lines if line["type"] == "node")
    rels = Counter(line["label"] for line in lines if line["type"] == "relationship")
    return nodes, rels


@pytest.mark.parametrize("format", ["graphml", "gexf", "csv", "jsonl"])
def test_export_graph_round_trip(store_url_any, tmp_path, format):
    assert run_kg("ingest", "-s", store_url_any, str(SEEDS)).returncode == 0
    target = tmp_path / ("csv" if format == "csv" else f"graph.{format}")
    result = run_kg("export", "-s", store_url_any, "--format", format, "-o", str(target))
    assert result.returncode == 0, result.stderr
    with open_store(store_url_any, read_only=True) as store:
        counts = store.counts()
    nodes, rels = read_back(format, target)
    assert dict(nodes) == nonzero(counts["nodes"])
    assert dict(rels) == nonzero(counts["relationships"])
    total = sum(counts["nodes"].values()), sum(counts["relationships"].values())
    assert f"{total[0]:,} nodes, {total[1]:,} relationships ({format})" in result.stdout


def test_export_graph_keeps_properties_and_ids(tmp_path):
    store = str(tmp_path / "kg.lbug")
    assert run_kg("ingest", "-s", store, str(SEEDS)).returncode == 0
    assert run_kg("export", "-s", store, "-f", "graphml", "-o", str(tmp_path / "g.graphml")).returncode == 0
    graph = nx.read_graphml(tmp_path / "g.graphml")
    kuaishou = graph.nodes["Company:kuaishou"]
    assert (kuaishou["kind"], kuaishou["label"], kuaishou["name"]) == ("Company", "Kuaishou", "Kuaishou")
    deployed = [data["deployed"] for _, target, data in graph.in_edges("Company:kuaishou", data=True)]
    assert True in deployed and all(isinstance(d, bool) for d in deployed)
    paper = graph.nodes["Paper:2511.14403"]
    assert paper["kind"] == "Paper" and paper["label"] == paper["title"]


def test_export_graph_errors_are_one_line(tmp_path):
    store = str(tmp_path / "kg.lbug")
    assert run_kg("ingest", "-s", store, str(SEEDS)).returncode == 0
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    cases = [
        (
            ("-f", "csv", "-o", str(tmp_path / "full")),
            1,
            f"Error: {tmp_path / 'full'}: not an empty folder; choose a new one for the CSV files",
        ),
        (("-f", "graphml"), 2, "Error: --format graphml needs -o PATH, the file (a folder for csv) to write"),
        (("-f", "dot", "-o", "x"), 2, "Error: --format 'dot' is not one of: graphml, gexf, csv, jsonl"),
        ((), 2, "Error: give either --neo4j-admin DIR or --format FORMAT -o PATH"),
    ]
    for args, code, message in cases:
        result = run_kg("export", "-s", store, *args)
        assert (result.returncode, result.stderr.strip()) == (code, message)
