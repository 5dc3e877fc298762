"""`kg duplicates` on both stores: a candidate for each kind of variant, with its evidence,
most likely first; pairs that are two things are not candidates; a name its papers define
in two senses is reported."""

from __future__ import annotations

import json

import pytest

from kg.duplicates import find_duplicates, parse_definitions, singular, variant_form, variant_kinds
from kg.graph import GraphBatch
from kg.store import open_store
from tests.conftest import run_kg

# (label, key, name, papers linked to it). kg's own keys fold case, hyphens and spaces, so
# the first three pairs are nodes another writer made (Cypher, an older store, kg copy).
CONCEPTS = [
    ("Method", "graphsage", "GraphSAGE", 3),
    ("Method", "graphsage-other", "Graphsage", 1),  # case
    ("Method", "pretraining", "pre-training", 3),
    ("Method", "pretraining-other", "pretraining", 1),  # hyphen
    ("Method", "deepfm", "DeepFM", 3),
    ("Method", "deepfm-other", "Deep FM", 1),  # spacing
    ("Method", "gnn", "GNN", 3),
    ("Method", "gnns", "GNNs", 1),  # plural
    ("Method", "visionlanguagemodel", "vision-language model", 3),
    ("Method", "vlm", "VLM", 2),  # acronym, defined in the evidence below
    ("Task", "personalizedrecommendation", "personalized recommendation", 2),
    ("Task", "personalisedrecommendation", "personalised recommendation", 1),  # near, a spelling alternation
    ("Method", "probescale", "ProbeScale", 1),
    ("Method", "probscale", "ProbScale", 1),  # near, a typo beside the right spelling in one paper
    ("Metric", "recall@5", "Recall@5", 2),
    ("Metric", "recall@1", "Recall@1", 2),  # digits differ: two things, though papers name both
    ("Method", "glide", "GLIDE", 1),
    ("Method", "guide", "GUIDE", 1),  # a capital differs: two things
    ("Method", "mcp", "MCP", 1),
    ("Method", "mcps", "MCPS", 1),  # an upper-case S is no plural
    ("Dataset", "mind", "MIND", 2),
    ("Method", "diffusionmodel", "diffusion model", 3),
    ("Method", "dm", "DM", 1),  # its own paper means another thing
]
EVIDENCE = {
    "vlm": "We adapt Vision-Language Models (VLMs) to ranking.",
    "mind": [
        "Experiments on the MIcrosoft News Dataset (MIND) show gains.",
        "We compare with Multi-Interest Network with Dynamic routing (MIND) on our logs.",
    ],
    "diffusionmodel": ["Diffusion models (DMs) generate images.", "Diffusion models (DMs) denoise.", None],
    "dm": "We combine the Direct Method (DM) with inverse propensity scores.",
}
RELS = {"Method": "USES", "Task": "ADDRESSES", "Metric": "REPORTS", "Dataset": "EVALUATES_ON"}
SHARED = [("probescale", "probscale"), ("recall@5", "recall@1"), ("glide", "guide"), ("mcp", "mcps")]


def graph() -> GraphBatch:
    batch = GraphBatch()
    number = 0
    for label, key, name, papers in CONCEPTS:
        batch.add_node(label, key, name=name)
        for i in range(papers):
            number += 1
            paper = f"2601.{number:05d}"
            batch.add_node("Paper", paper, title=f"Paper {number}")
            evidence = EVIDENCE.get(key)
            if isinstance(evidence, list):
                evidence = evidence[i % len(evidence)]
            batch.add_rel(RELS[label], "Paper", paper, label, key, evidence=evidence or f"About {name}.")
    labels = {key: label for label, key, _, _ in CONCEPTS}
    for a, b in SHARED:  # one more paper names both
        number += 1
        paper = f"2601.{number:05d}"
        batch.add_node("Paper", paper, title=f"Paper {number}")
        for key in (a, b):
            batch.add_rel(RELS[labels[key]], "Paper", paper, labels[key], key, evidence="Both.")
    return batch


@pytest.fixture
def report(store_url_any):
    with open_store(store_url_any) as store:
        store.write(graph())
        return find_duplicates(store)


@pytest.mark.parametrize(
    "name, into, kind",
    [
        ("Graphsage", "GraphSAGE", "case"),
        ("pretraining", "pre-training", "hyphen"),
        ("Deep FM", "DeepFM", "spacing"),
        ("GNNs", "GNN", "plural"),
        ("VLM", "vision-language model", "acronym"),
        ("personalised recommendation", "personalized recommendation", "near-spelling"),
        ("ProbeScale", "ProbScale", "near-spelling"),
    ],
    ids=["case", "hyphen", "spacing", "plural", "acronym", "near-alternation", "near-typo-in-one-paper"],
)
def test_duplicates_finds_each_kind(report, name, into, kind):
    found = {(c.name, c.into): c for c in report.candidates}
    pair = found.get((name, into)) or found.get((into, name))
    assert pair is not None, f"no candidate {name!r} / {into!r}"
    assert pair.kind == kind
    if kind == "acronym":
        assert (pair.defining, pair.evidence) == (2, EVIDENCE["vlm"])
    if name == "ProbeScale":
        assert pair.shared == 1


def test_duplicates_an_acronym_its_own_papers_define_otherwise_is_held_low(report):
    (pair,) = [c for c in report.candidates if {c.name, c.into} == {"DM", "diffusion model"}]
    assert pair.score < 0.5 and "define it as 'Direct Method'" in pair.evidence
    assert report.candidates.index(pair) > max(report.candidates.index(c) for c in report.candidates if c.name == "VLM")


def test_duplicates_two_things_are_no_candidates(report):
    names = {frozenset((c.name, c.into)) for c in report.candidates}
    for pair in (("Recall@5", "Recall@1"), ("GLIDE", "GUIDE"), ("MCP", "MCPS")):
        assert frozenset(pair) not in names


def test_duplicates_most_likely_first(report):
    kinds = [c.kind for c in report.candidates]
    assert kinds.index("near-spelling") > max(i for i, k in enumerate(kinds) if k != "near-spelling" and k != "acronym")
    assert report.candidates == sorted(report.candidates, key=lambda c: -c.score)
    plural = next(c for c in report.candidates if c.name == "GNNs")
    assert (plural.into, plural.papers, plural.into_papers, plural.command) == ("GNN", 1, 3, "kg merge Method GNNs GNN")


def test_duplicates_a_name_defined_in_two_senses(report):
    (mind,) = [s for s in report.senses if s.name == "MIND"]
    assert mind.label == "Dataset"
    assert sorted(s.long_form for s in mind.senses) == [
        "MIcrosoft News Dataset",
        "Multi-Interest Network with Dynamic routing",
    ]
    assert all(s.papers == 1 for s in mind.senses)


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["one-first", "other-first"])
def test_duplicates_evidence_does_not_hang_on_the_order_rows_come_in(store_url_any, order):
    """Two defining sentences of one length: the report names the same one whichever paper
    was written, and so returned, first."""
    sentences = ["Graph Neural Networks (GNNs) pass messages.", "Graph neural networks (GNNs) pass messages."]
    batch = GraphBatch()
    batch.add_node("Method", "gnn", name="GNN")
    batch.add_node("Method", "graphneuralnetwork", name="graph neural network")
    for i in order:
        paper = f"2601.0000{i}"
        batch.add_node("Paper", paper, title=f"Paper {i}")
        for key in ("gnn", "graphneuralnetwork"):
            batch.add_rel("USES", "Paper", paper, "Method", key, evidence=sentences[i])
    with open_store(store_url_any) as store:
        store.write(batch)
        (pair,) = find_duplicates(store).candidates
    assert pair.evidence == min(sentences)


def test_duplicates_cli_json_and_label(tmp_path):
    store = str(tmp_path / "kg.lbug")
    with open_store(store) as graph_store:
        graph_store.write(graph())
    result = run_kg("duplicates", "-s", store, "--label", "task", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(c["name"], c["into"], c["kind"]) for c in data["candidates"]] == [
        ("personalised recommendation", "personalized recommendation", "near-spelling")
    ]
    assert (
        data["candidates"][0]["command"] == "kg merge Task 'personalised recommendation' 'personalized recommendation'"
    )
    table = run_kg("duplicates", "-s", store)
    assert table.returncode == 0 and "kg merge Method GNNs GNN" in table.stdout
    bad = run_kg("duplicates", "-s", store, "--label", "Paper")
    assert (bad.returncode, bad.stderr.strip()) == (
        2,
        "Error: label 'Paper' is not one of: Method, Dataset, Company, Metric, Task",
    )


@pytest.mark.parametrize(
    "word, expected",
    [
        ("models", "model"),
        ("queries", "query"),
        ("LLMs", "LLM"),
        ("GFlowNets", "GFlowNet"),
        ("MCPS", "MCPS"),
        ("loss", "loss"),
        ("focus", "focus"),
        ("analysis", "analysis"),
        ("boxes", "box"),
    ],
)
def test_duplicates_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    "a, b, kinds",
    [
        ("large language models", "Large-Language Model", ["plural", "case", "hyphen"]),
        ("LLM's", "LLM", ["possessive"]),
        ("Deep FM", "DeepFM", ["spacing"]),
    ],
)
def test_duplicates_variant_kinds(a, b, kinds):
    assert variant_form(a) == variant_form(b)
    assert variant_kinds(a, b) == kinds


@pytest.mark.parametrize(
    "sentence, definitions",
    [
        (
            "We introduce Multimodal Mixture-of-Quantization (MMQ), a tokenizer.",
            [("MMQ", "Multimodal Mixture-of-Quantization", True)],
        ),
        ("Large language models (LLMs) are used.", [("LLM", "Large language models", True)]),
        ("We report results (Table 3) on (a) two sets.", []),
        ("The CausalSteward (CAST) tool.", [("CAST", "CausalSteward", False)]),
    ],
    ids=["hyphenated", "plural-acronym", "no-acronym", "letters-inside-words"],
)
def test_duplicates_parse_definitions(sentence, definitions):
    assert parse_definitions(sentence) == definitions
