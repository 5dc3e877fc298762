"""Values that are conditions, not results (metric_conditions.py): an
operating point after `at` (`TPR at 1% FPR`, `at 0 dB SNR`), and a number glued to a name
(`A100-80GB`); on sentences written here, with phrasings whose value is a result."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # the value after `at` before a metric fixes where the other one is read
        ("Our probe keeps a recall of 91.2% at 95% precision on the held-out split.", ("Precision", "95%")),
        (
            "The audit flags 64.0% of leaks at 2% false positive rate on the synthetic logs.",
            ("false positive rate", "2%"),
        ),
        # a list of conditions: none is the metric's value
        (
            "The codec is tested at +15 dB, +5 dB, and -5 dB SNR with speaker-disjoint folds.",
            ("signal noise ratio", "-5 dB"),
        ),
        (
            "At 3 dB SNR, the enhanced front end lifts accuracy by 0.061 over the plain one.",
            ("signal noise ratio", "3 dB"),
        ),
    ],
)
def test_operating_point_is_no_value(extractor, text, condition):
    found = metrics(extractor, text)
    assert condition not in found
    assert not any(value == condition[1] for _, value in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the result before `at` stays the first metric's
        ("Our probe keeps a recall of 91.2% at 95% precision on the held-out split.", ("Recall", "91.2%")),
        ("At 3 dB SNR, the enhanced front end lifts accuracy by 0.061 over the plain one.", ("accuracy", "0.061")),
        # must not match: a comparative makes the value after `at` a result
        ("The router matches the accuracy of the large model at 35% lower cost overall.", ("cost", "35%")),
        # must not match: a value that closes its phrase after `at` is the metric's
        ("The ensemble reaches accuracy at 84.12%, beating each single model on the test set.", ("accuracy", "84.12%")),
        # must not match: the cost a result is reached at is a result too
        ("The planner reaches a plan quality of 0.774 at 640 ms latency per request.", ("latency", "640 ms")),
        ("It keeps 93.1% of the answer quality at 4.2% memory footprint overall.", ("memory footprint", "4.2%")),
        # must not match: a verb's own level, and a clause that opens with `at` after a comma
        ("The auditor flags forged receipts at 96.4% precision on the bank sample.", ("Precision", "96.4%")),
        (
            "The probe keeps its guesses on one class, at 51.7% balanced accuracy overall.",
            ("balanced accuracy", "51.7%"),
        ),
        # must not match: a metric at its value with an adverb after it
        (
            "Majority voting reaches the best recall at 41.08 percent overall on the forum posts.",
            ("Recall", "41.08 percent"),
        ),
        # must not match: a metric at its value with a participle after it
        ("The drift leaves held-out Recall@5 at 31.4% averaged over five seeds.", ("Recall@5", "31.4%")),
        # must not match: a value after `at` with the condition after it (`at 12.5 ms per query`)
        ("The index answers with a latency at 12.5 ms per query on one core.", ("latency", "12.5 ms")),
    ],
)
def test_operating_point_keeps_results(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_condition_after_metric_is_no_other_metric_value(extractor):
    # `sensitivity at 90% specificity`: 90% is neither's
    found = metrics(extractor, "We report AUROC, sensitivity at 90% specificity, and calibration error on each task.")
    assert not any(value == "90%" for _, value in found)


def test_metric_after_at_value_and_noun_is_not_its_value(extractor):
    # `F1 at 30% sparsity`: the sparsity is a condition, not the F1
    assert not any(
        name == "F1" and value == "30%"
        for name, value in metrics(extractor, "The pruned tagger keeps its F1 at 30% sparsity on the news split.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "The kernels reach 2.7x, 2.1x and 1.4x speedups on H100-80GB cards for short, medium and long inputs, respectively.",
        "We train on 4 A100-40GB GPUs and reach a 3.5x speedup over the dense kernel.",
    ],
)
def test_number_glued_to_a_name_is_no_value(extractor, text):
    assert not any(value and "GB" in value for _, value in metrics(extractor, text))
