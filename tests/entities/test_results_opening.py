"""Baselines named in a clause that opens the sentence (`Compared to the X baseline, ...`,
comparison_cues and comparison_results), and the method a change is told on (`from 73.96%
to 77.84% on BERT`); on sentences written here, with phrasings that must
give no baseline or no win. All names and numbers are invented."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found, paper


def results(extractor: EntityExtractor, abstract: str) -> set[tuple[str, str | None, str | None]]:
    return {(m.name, m.value, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Compared to the KiloNet baseline, ZetaNet achieves an accuracy of 85.2%.",
            ("accuracy", "85.2%", "KiloNet"),
        ),
        ("Compared with KiloNet, ZetaNet reaches 85.2% accuracy.", ("accuracy", "85.2%", "KiloNet")),
        ("Relative to KiloNet, ZetaNet reduces latency by 30%.", ("latency", "30%", "KiloNet")),
    ],
)
def test_results_baseline_in_an_opening_clause(extractor, abstract, expected):
    assert expected in results(extractor, abstract)


def test_results_opening_clause_number_is_the_compared_ones_own(extractor):
    got = results(extractor, "Compared to KiloNet (R@5=0.991), ZetaNet reaches R@5 of 0.995.")
    assert ("Recall@5", "0.995", "KiloNet") in got
    assert ("Recall@5", "0.991", "KiloNet") not in got


def test_results_opening_clause_ends_at_its_comma(extractor):
    # a generic object names nothing; the subject after the comma is not the baseline
    got = results(
        extractor,
        "Compared to the generic baseline, tuning on the domain improves ROUGE-1 from 40.15 to 60.28.",
    )
    assert all(baseline is None for _, _, baseline in got)


@pytest.mark.parametrize(
    "abstract",
    [
        "Unlike KiloNet, ZetaNet reaches 85.2% accuracy.",
        "Compared to prior work, ZetaNet reaches 85.2% accuracy.",
    ],
)
def test_results_no_baseline_without_a_relative_cue_or_a_name(extractor, abstract):
    assert ("accuracy", "85.2%", None) in results(extractor, abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        "Compared to KiloNet, ZetaNet falls short by 2.1% in accuracy.",
        "Compared with KiloNet, ZetaNet is comparable in accuracy (85.2% vs. 85.0%).",
        "Unlike KiloNet, ZetaNet reaches 85.2% accuracy.",
    ],
)
def test_results_opening_comparison_is_no_win(extractor, abstract):
    assert "KiloNet" not in found(extractor, abstract, "outperforms")


def test_results_baseline_is_the_method_a_change_is_told_on(extractor):
    got = results(
        extractor, "Experiments show consistent improvements, boosting NDCG@10 from 73.96% to 77.84% on BERT."
    )
    assert ("NDCG@10", "77.84%", "BERT") in got


def test_results_change_told_on_a_dataset_names_no_baseline(extractor):
    got = results(extractor, "ZetaNet raises accuracy from 61.2% to 70.4% on ImageNet.")
    assert ("accuracy", "70.4%", None) in got
