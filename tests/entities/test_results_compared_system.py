"""A name the dataset rules read that stands where the compared system does is the results'
baseline, not their dataset (comparison_results.py `_compared_system`): after a margin (`by 2.1 pp
over X`, `8x lower drift than X`) or opening the sentence (`Compared to the X benchmark, ...`);
on sentences written here, with uses of a dataset that must not become a baseline."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def results(extractor: EntityExtractor, abstract: str) -> set[tuple[str, str | None, str | None]]:
    return {(m.name, m.value, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "We introduce FarmBot, a voice advisory line. Compared to the CropQA benchmark, the "
            "line achieved a composite score of 4.21 (vs. 3.02) on a 5-point scale.",
            ("composite score", "4.21", "CropQA"),
        ),
    ],
)
def test_dataset_read_name_as_compared_system(extractor, abstract, expected):
    found = results(extractor, abstract)
    assert expected in found
    assert all(m.dataset != "CropQA" for m in extractor(paper(abstract)) if m.kind == "result")


@pytest.mark.parametrize(
    "abstract",
    [
        # a corpus the method runs over, a dataset the numbers are measured on
        "We run retrieval over MedMCQA explanations and reach 61.2% accuracy with the small reader.",
        "On the MedMCQA benchmark, the tuned reader reaches 64.8% accuracy, 3.1 points above the base one.",
    ],
)
def test_dataset_used_is_no_baseline(extractor, abstract):
    assert all(baseline != "MedMCQA" for _, _, baseline in results(extractor, abstract))


def test_margin_of_another_claim_is_not_this_metrics(extractor):
    # `coverage by 12x over MedMCQA and F1 by 4.2% over prior taggers`: MedMCQA is the coverage's baseline only
    found = results(
        extractor, "Our tagger improves label coverage by 12x over MedMCQA and F1 by 4.2% over prior taggers."
    )
    assert ("label coverage", "12x", "MedMCQA") in found
    assert all(baseline != "MedMCQA" for name, _, baseline in found if name == "F1")
