"""How a value attaches to a metric named before it (metric_pairing.py AFTER, FROM_TO): the
verbs and words between, on sentences written here, with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of change, with an adverb between
        ("Under heavy noise the top-1 accuracy falls from 71 % to 52 % for every probe.", ("top-1 accuracy", "52%")),
        ("On the shifted split, NDCG@10 climbs sharply to 0.512 after the rewrite.", ("NDCG@10", "0.512")),
        # a change in brackets, closed after the value reached
        ("Pruning degrades F1 gradually (from 88.2% to 84.0%) in all the runs.", ("F1", "84.0%")),
        # the condition of the value left before `to`
        ("The probe hit rate drops from 61.5% on short queries to 40.2% on long ones.", ("hit rate", "40.2%")),
    ],
)
def test_value_after_change_verbs(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # `degradation` is no verb: the value after it at `at` is another quantity's
        ("The codec shows +0.05% PPL degradation at 3.2X compression on the mid model.", "PPL", "+0.05%"),
        # `from` in brackets that does not close on the value reached
        ("The tutor raises pass@1 to 58.1% (from 40.3% before tuning; most of the gap).", "pass@1", "58.1%"),
    ],
)
def test_value_after_change_verbs_not_another(extractor, text, name, value):
    assert {v for n, v in metrics(extractor, text) if n == name} == {value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words between the metric and `by`: where, across what, over whom
        ("The ranker lifts CTR at the partner stores by 12% in one week.", ("CTR", "12%")),
        ("Our reranker raises MRR across nine held-out corpora by +4.1pp over the base.", ("MRR", "+4.1pp")),
        # a decimal after `by` is tight
        ("The filter improves AUC by 0.031 on the ward records.", ("AUC", "0.031")),
        # hedged by `only`
        ("Tuning lifts binary AUC by only +0.007 on the noisy split.", ("AUC", "+0.007")),
        ("The best system reaches an accuracy of only 41.2% on the long tail.", ("accuracy", "41.2%")),
        # `that is` before the value
        ("The generator yields an FID that is 31% lower than the plain sampler.", ("FID", "31%")),
        # numbers in TeX
        ("Its decoding throughput is only $1.35\\times$ that of the dense model.", ("decoding throughput", "1.35x")),
        ("The agent raises accuracy over its ablation by $3.12\\pm1.05$ points on the puzzles.", ("accuracy", "3.12")),
        ("The fused kernel gives up to $2.75\\times$ higher throughput on the cluster.", ("throughput", "2.75x")),
    ],
)
def test_value_after_words_between(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # the words between may not join another phrase
        (
            "The pruner gives 12.5% higher accuracy over the dense baselines and cuts the memory by up to 9x.",
            "accuracy",
            "12.5%",
        ),
        # `comparable to` and `falls short of` give no number of their own
        ("The distilled model keeps F1 comparable to the teacher at 4x lower cost.", "F1", None),
        ("The retriever's Recall@5 falls short of the dense baseline on the 2024 split.", "Recall@5", None),
    ],
)
def test_value_after_words_between_not_another(extractor, text, name, value):
    assert {v for n, v in metrics(extractor, text) if n == name} <= {value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value with its metric in brackets after it
        (
            "The reranker brings gains of up to +7.3% (HR@1) and +4.9% (HR@5) on the logs.",
            {("HR@1", "+7.3%"), ("HR@5", "+4.9%")},
        ),
        ("Our probe reaches 88.1% (AUC) on the held-out wards.", {("AUC", "88.1%")}),
    ],
)
def test_value_then_metric_in_brackets(extractor, text, expected):
    assert expected <= metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bare number before the bracket is no value
        ("The sampler draws 12 (MRR) candidates per query in our runs.", "MRR"),
        # a bracket that holds more than the metric
        ("We score 88% of the items (AUC and accuracy) by hand.", "AUC"),
    ],
)
def test_value_then_metric_in_brackets_not(extractor, text, name):
    assert {v for n, v in metrics(extractor, text) if n == name} <= {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of metrics, then as many values in order
        (
            "Our retriever improves MRR, EM, and F1 by 2.14, 4.07, and 3.36 points over the sparse index.",
            {("MRR", "2.14 points"), ("EM", "4.07 points"), ("F1", "3.36 points")},
        ),
        (
            "The planner reaches precision and recall of 0.93 and 0.87 on the dev split.",
            {("Precision", "0.93"), ("Recall", "0.87")},
        ),
        # one value for the list
        ("The tower model lifts AUC and GAUC by over 0.015 on the ad logs.", {("AUC", "0.015"), ("GAUC", "0.015")}),
        # one metric, a list of values whose last gives the unit
        (
            "The forecaster lowers WMAPE by 2.71, 1.40, and 0.38 percentage points on the three store types.",
            {
                ("WMAPE", "2.71 percentage points"),
                ("WMAPE", "1.40 percentage points"),
                ("WMAPE", "0.38 percentage points"),
            },
        ),
        # values in TeX
        ("The planner cuts ADE and FDE by $6.2\\%$ and $4.8\\%$ on the town maps.", {("ADE", "6.2%"), ("FDE", "4.8%")}),
    ],
)
def test_value_lists_after_metrics(extractor, text, expected):
    assert expected <= metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # two values for three metrics: no pairing in order
        ("The reader improves MRR, EM, and F1 by 2.1 and 4.0 points on the two sets.", "MRR", None),
        # numbers that are no metric values follow the list
        ("The model reaches an accuracy of 0.91, 120 tokens per second and 3 GPUs.", "accuracy", "0.91"),
        # a unit after `,` without `and`, or one another measure follows, is not the list's
        ("The probe reaches an AUROC of 0.812, 95% CI 0.75-0.86, on the weak policy.", "AUROC", "0.812"),
        ("Our detector achieves an AUC of 0.91 and 10-fold cross-validated recall of 70% on the set.", "AUC", "0.91"),
    ],
)
def test_value_lists_after_metrics_not(extractor, text, name, value):
    assert {v for n, v in metrics(extractor, text) if n == name} <= {value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the value a clause after the metric's condition reaches
        (
            "On the noisy benchmark, our selector gets the best Recall@5 among the tested controllers, reaching 58.4% on "
            "short questions.",
            ("Recall@5", "58.4%"),
        ),
    ],
)
def test_value_reached_after_condition(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_value_reached_after_condition_not_another_measure(extractor):
    text = "The agent gets the best MRR among the tested planners, reaching 71.5% task success in one step."
    assert {v for n, v in metrics(extractor, text) if n == "MRR"} <= {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range whose upper end is signed too
        ("The reader improves EM by +3.1 to +4.4 points over plain truncation.", ("EM", "+3.1 to +4.4 points")),
        # a spread in TeX
        (
            "The regressor reaches a root mean square error of 12.40 $\\pm$ 3.15 % on the wells.",
            ("root mean square error", "12.40 ± 3.15 %"),
        ),
    ],
)
def test_value_signed_range_and_spread(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # decibels, seconds and gigabytes are units of a value
        ("The denoiser improves PSNR by 0.62 dB over the strongest prior codec.", ("PSNR", "0.62 dB")),
        ("The restorer reaches 31.07 dB PSNR on the foggy street scenes.", ("PSNR", "31.07 dB")),
        ("The index cuts query latency from 0.52s to 0.19s on the phone.", ("query latency", "0.19 s")),
    ],
)
def test_value_units(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_value_units_not_a_count(extractor):
    text = "We warm up for 5s and then measure accuracy on 20 samples of the split."
    assert {v for n, v in metrics(extractor, text) if n == "accuracy"} <= {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative change in brackets after a value is the metric's too
        (
            "The guard lowers the mean privacy leakage rate by 18.2 percentage points (a 2.4x relative improvement) here.",
            {("privacy leakage rate", "18.2 percentage points"), ("privacy leakage rate", "2.4x")},
        ),
        ("The reranker lifts NDCG@10 by 2.9 points (a 6% relative gain) over the sparse base.", {("NDCG@10", "6%")}),
    ],
)
def test_relative_change_in_brackets(extractor, text, expected):
    assert expected <= metrics(extractor, text)


def test_bracket_after_value_that_is_no_change(extractor):
    text = "The reranker lifts NDCG@10 by 2.9 points (a 6-day window) over the sparse base."
    assert {v for n, v in metrics(extractor, text) if n == "NDCG@10"} == {"2.9 points"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decimal the metric is said to be (COPULA)
        ("On the cold-start split the final MRR was 0.377 after two epochs.", ("MRR", "0.377")),
        ("The AUC of our screening model is about 0.861 on the second cohort.", ("AUC", "0.861")),
    ],
)
def test_value_after_copula(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # must not match: a whole number after `is` (a count, not a score), a decimal of another clause
        "The MRR is 3 times higher in the warm split than in the cold one.",
        "We report MRR, and the median query length is 4.5 on this log.",
    ],
)
def test_value_after_copula_not(extractor, text):
    assert not any(name == "MRR" and value in ("3", "4.5") for name, value in metrics(extractor, text))
