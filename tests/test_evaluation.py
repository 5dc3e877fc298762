"""kg.evaluation: matching as the gold guidelines say, and the extraction floors on the
seed gold files (../shared/gold over ../shared/corpus/seeds) and on the bulk dev gold
(../shared/gold/bulk/dev.jsonl over ../shared/corpus/bulk)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluation import evaluate, match_key, pair_records, score_entities, score_records, value_key

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = sorted((SHARED / "gold").glob("*.jsonl"))
SEEDS = SHARED / "corpus" / "seeds"
DEV_GOLD = SHARED / "gold" / "bulk" / "dev.jsonl"
BULK = SHARED / "corpus" / "bulk"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Recall@10", "recall@10"),
        ("MMQ-v2", "MMQv2"),
        ("MS MARCO", "MS-MARCO"),
        ("FINN.no", "FINNno"),
        ('"One-Epoch"', "one epoch"),
        ("Align³GR", "Align3GR"),
    ],
)
def test_evaluation_match_key_folds_case_spaces_hyphens_dots_quotes(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(("a", "b"), [("+20.00%", "20.00%"), ("1.7 times", "1.7x"), ("0.44 %", "0.44%")])
def test_evaluation_value_key(a, b):
    assert value_key(a) == value_key(b)


def test_evaluation_aliases_count_as_the_gold_entity():
    accepted = {match_key("CF"): {match_key("CF"), match_key("collaborative filtering")}}
    assert score_entities(["CF", "BPR"], ["collaborative filtering", "MF"], accepted) == (1, 1, 1)


def test_evaluation_pairs_by_arxiv_id_then_title():
    gold = [{"arxiv_id": "2511.00001", "title": None}, {"arxiv_id": None, "title": "A Title: Here"}]
    predicted = [{"arxiv_id": None, "title": "a title here"}, {"arxiv_id": "2511.00001", "title": "x"}]
    pairs = pair_records(gold, predicted)
    assert [p[1] for p in pairs] == [predicted[1], predicted[0]]


def test_evaluation_scores_types_overall_and_values():
    gold = [
        {
            "source": "s",
            "arxiv_id": "1",
            "title": "t",
            "proposed": ["FooRec"],
            "methods": ["LLM"],
            "datasets": [],
            "companies": ["Taobao"],
            "metrics": [
                {"name": "CTR", "value": "+2.0%", "setting": "online"},
                {"name": "AUC", "value": "0.3%", "setting": None},
            ],
            "tasks": [],
            "aliases": {"LLM": ["large language model"]},
        }
    ]
    predicted = [
        {
            "source": "s",
            "arxiv_id": "1",
            "title": "t",
            "proposed": ["FooRec", "Bar"],
            "methods": ["large language model"],
            "datasets": [],
            "companies": ["Taobao"],
            "metrics": [{"name": "CTR", "value": "2.0%", "setting": "online"}],
            "tasks": [],
        }
    ]
    result = score_records(gold, predicted)
    assert result["types"]["proposed"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert result["types"]["methods"]["f1"] == 1.0
    assert result["types"]["metrics"]["recall"] == 0.5
    assert result["metric_values"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert result["papers"] == 1


# The floors issue 3 sets (companies 0.90; datasets, metrics, proposed 0.85; methods,
# tasks 0.70; values 0.85), raised to just under what the extractor reaches without
# gold-driven lexicon entries. Raise them when it improves, never lower them.
FLOORS = {"companies": 0.95, "datasets": 0.97, "metrics": 0.91, "proposed": 0.88, "methods": 0.81, "tasks": 0.71}
VALUES_FLOOR = 0.90


@pytest.fixture(scope="module")
def seed_scores():
    if not GOLD or not SEEDS.is_dir():
        pytest.skip(f"gold files or seed corpus missing under {SHARED}")
    return evaluate([str(p) for p in GOLD], str(SEEDS))


def test_evaluation_covers_every_gold_record(seed_scores):
    assert seed_scores["papers"] == sum(1 for p in GOLD for line in open(p, encoding="utf-8") if line.strip()) == 93


@pytest.mark.parametrize(("kind", "floor"), sorted(FLOORS.items()))
def test_evaluation_seed_f1_floors(seed_scores, kind, floor):
    got = seed_scores["types"][kind]
    assert got["f1"] >= floor, f"{kind}: {json.dumps(got)}"


def test_evaluation_seed_metric_values_floor(seed_scores):
    assert seed_scores["metric_values"]["accuracy"] >= VALUES_FLOOR, seed_scores["metric_values"]


# The bulk dev gold: 240 papers the rules were not written for (issue 15). Floors just
# under what the extractor reaches; raise them when it improves, never lower them.
DEV_FLOORS = {"companies": 0.87, "datasets": 0.85, "metrics": 0.81, "proposed": 0.84, "methods": 0.71, "tasks": 0.57}
DEV_VALUES_FLOOR = 0.80
DEV_OUTPERFORMS_FLOOR = 0.80  # F1
DEV_RESULTS_FOUND_FLOOR = 0.82


@pytest.fixture(scope="module")
def dev_scores():
    if not DEV_GOLD.is_file() or not BULK.is_dir():
        pytest.skip(f"bulk dev gold or bulk corpus missing under {SHARED}")
    return evaluate([str(DEV_GOLD)], str(BULK))


@pytest.mark.parametrize(("kind", "floor"), sorted(DEV_FLOORS.items()))
def test_evaluation_dev_f1_floors(dev_scores, kind, floor):
    got = dev_scores["types"][kind]
    assert got["f1"] >= floor, f"{kind}: {json.dumps(got)}"


def test_evaluation_dev_values_comparisons_and_results_floors(dev_scores):
    assert dev_scores["papers"] == 240
    assert dev_scores["metric_values"]["accuracy"] >= DEV_VALUES_FLOOR, dev_scores["metric_values"]
    assert dev_scores["outperforms"]["f1"] >= DEV_OUTPERFORMS_FLOOR, dev_scores["outperforms"]
    assert dev_scores["results"]["recall"] >= DEV_RESULTS_FOUND_FLOOR, dev_scores["results"]


def test_evaluation_scores_comparisons_and_results_as_the_guidelines_say():
    gold = [
        {
            "source": "s",
            "arxiv_id": "1",
            "title": "t",
            "proposed": [],
            "methods": [],
            "datasets": [],
            "companies": [],
            "metrics": [],
            "tasks": [],
            "aliases": {"NDCG@10": ["nDCG@10"]},
            "outperforms": ["SASRec", "BERT4Rec"],
            "results": [
                {
                    "metric": "NDCG@10",
                    "value": "12.3%",
                    "dataset": "MovieLens-1M",
                    "baseline": "SASRec",
                    "setting": None,
                },
                {"metric": "GMV", "value": "+2.1%", "dataset": None, "baseline": None, "setting": "online"},
                {"metric": "AUC", "value": "0.81", "dataset": "Criteo", "baseline": None, "setting": None},
            ],
        },
        {
            "source": "s",
            "arxiv_id": "2",
            "title": "u",
            "proposed": [],
            "methods": [],
            "datasets": [],
            "companies": [],
            "metrics": [],
            "tasks": [],
        },
    ]
    predicted = [
        {
            "source": "s",
            "arxiv_id": "1",
            "title": "t",
            "outperforms": ["SASRec", "GRU4Rec"],
            "results": [
                {"metric": "nDCG@10", "value": "12.3 %", "dataset": "MovieLens-1M", "baseline": "BERT4Rec"},
                {"metric": "GMV", "value": "2.1%", "dataset": None, "baseline": None},
                {"metric": "AUC", "value": "0.80", "dataset": "Criteo", "baseline": None},
            ],
        },
        {"source": "s", "arxiv_id": "2", "title": "u", "outperforms": ["Anything"], "results": []},
    ]
    result = score_records(gold, predicted)
    assert result["comparison_papers"] == 1  # the second record carries no comparison fields
    assert result["outperforms"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["results"]["found"] == 2 and result["results"]["total"] == 3
    assert result["results"]["dataset"] == {"right": 1, "named": 1, "accuracy": 1.0}
    assert result["results"]["baseline"] == {"right": 0, "named": 1, "accuracy": 0.0}
