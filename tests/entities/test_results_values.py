"""Results of issue 16: each value a metric is given, and what it was measured on and
against, on sentences written here (one test per rule, with phrasings that must not match)."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def results(extractor: EntityExtractor, abstract: str) -> set[tuple]:
    return {(m.name, m.value, m.dataset, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"}


def values(extractor: EntityExtractor, abstract: str) -> set[tuple[str, str]]:
    return {(name, value) for name, value, _, _ in results(extractor, abstract)}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "It lifts average nDCG@5 by +2.71 (+9.40%) on short and +3.06 (+11.85%) on long queries.",
            {("NDCG@5", "+2.71"), ("NDCG@5", "+9.40%"), ("NDCG@5", "+3.06"), ("NDCG@5", "+11.85%")},
        ),
        (
            "Our controller reaches an evidence F1 of 62.3% on clean data and 71.2% under noise injection.",
            {("evidence F1", "62.3%"), ("evidence F1", "71.2%")},
        ),
        (
            "It achieves the highest exact-match accuracy (50.78% and 82.97%) with one call.",
            {("exact-match accuracy", "50.78%"), ("exact-match accuracy", "82.97%")},
        ),
        (
            "Table retrieval attains 54.8% P@1 overall (54.6% on citation, 31.3% on inheritance).",
            {("P@1", "54.8%"), ("P@1", "54.6%"), ("P@1", "31.3%")},
        ),
        ("Online, MixNet raises Payment GTV by \\textbf{+2.54\\%}.", {("GTV", "+2.54%")}),
        ("Answers gain in completeness (+100.4%) over the old system.", {("completeness", "+100.4%")}),
        (
            "It achieves 85.2% accuracy, outperforming BERT by 3.1% on SST-2.",
            {("accuracy", "85.2%"), ("accuracy", "3.1%")},
        ),
        # the margin given in another metric is that one's
        (
            "It achieves 85.2% accuracy, outperforming BERT by 3 points in F1.",
            {("accuracy", "85.2%"), ("F1", "3 points")},
        ),
    ],
    ids=[
        "continued-after-bracket",
        "continued-under",
        "bracketed-list",
        "parts-in-brackets",
        "bold",
        "bracketed-change",
        "margin-of-a-win",
        "margin-in-another-metric",
    ],
)
def test_results_several_values_of_one_metric(extractor, abstract, expected):
    assert values(extractor, abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a value followed by another metric's name is that metric's
        ("It improves CTR by 2.71% on Taobao and 1.2% in GMV.", {("CTR", "2.71%"), ("GMV", "1.2%")}),
        # a value before the metric is its own; the bracket after is another measure
        ("Our encoder achieves 00.0% average accuracy (24.2% top-3) across tasks.", {("accuracy", "00.0%")}),
        # a confidence interval, a speed-up and an unsigned bracket are no values of the metric
        ("It reaches 0.81 AUROC (95% CI: 0.76-0.85) on the test split.", {("AUROC", "0.81")}),
        ("It lowers retrieval latency (around 10x faster) in production.", {("speedup", "10x")}),
        ("It keeps the error rate (12%) low.", set()),
        # lists of different lengths are not paired
        ("It improves CTR by 2.71% on Taobao and GMV and CVR by 1.2%.", {("CTR", "2.71%"), ("CVR", "1.2%")}),
        # a value before a verb is not the metric's: those in brackets are (the compared one's too)
        (
            "At 4x it achieved better specificity (433% vs 26.66%).",
            {("specificity", "433%"), ("specificity", "26.66%")},
        ),
    ],
    ids=[
        "next-metric-claims",
        "value-before-wins",
        "confidence-interval",
        "faster",
        "unsigned-bracket",
        "unequal-lists",
        "verb-between",
    ],
)
def test_results_values_that_are_not_the_metrics(extractor, abstract, expected):
    assert values(extractor, abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Online A/B tests show gains of +2.714% and +1.902% in users' active days "
            "and app usage time, respectively.",
            {("active days", "+2.714%"), ("app usage time", "+1.902%")},
        ),
        (
            "Compared to the baselines, precision and accuracy reach levels of 90% and 82% respectively.",
            {("Precision", "90%"), ("accuracy", "82%")},
        ),
        (
            "It raises precision and F1 by 4.26 and 7.81 percentage points, respectively.",
            {("Precision", "4.26 percentage points"), ("F1", "7.81 percentage points")},
        ),
        # lists side by side, without the word: pair in order too
        (
            "It achieves improvements of 6.13%, 5.97%, and 5.40% on R@5, R@10, and R@20 over baselines.",
            {("Recall@5", "6.13%"), ("Recall@10", "5.97%"), ("Recall@20", "5.40%")},
        ),
        (
            "It achieves gains of up to 47.4% and 45.8% in Recall@20 and NDCG@20 on four datasets.",
            {("Recall@20", "47.4%"), ("NDCG@20", "45.8%")},
        ),
        # one metric, values per dataset: each value is the metric's
        (
            "It reaches the highest win rates on A, B, and C (81.2%, 79.4%, and 80.6% respectively).",
            {("win rate", "81.2%"), ("win rate", "79.4%"), ("win rate", "80.6%")},
        ),
    ],
    ids=[
        "values-then-metrics",
        "metrics-then-values",
        "shared-unit",
        "lists-in-order",
        "values-before-a-list",
        "one-metric-many-values",
    ],
)
def test_results_respectively_pairs_in_order(extractor, abstract, expected):
    assert values(extractor, abstract) == expected


def test_results_listed_datasets_take_the_values_in_order(extractor):
    abstract = "MesoNet wins on two datasets, ImageNet and CIFAR-10, with top-1 accuracy (81.5% and 97.2%)."
    got = {(value, dataset) for _, value, dataset, _ in results(extractor, abstract)}
    assert got == {("81.5%", "ImageNet"), ("97.2%", "CIFAR-10")}


def test_results_datasets_not_listed_together_are_not_paired(extractor):
    abstract = (
        "MesoNet lowers Wikitext perplexity from 27.3 to 22.9 (-16.1%), and improves LAMBADA perplexity "
        "from 30.9 to 30.2."
    )
    got = {(value, dataset) for _, value, dataset, _ in results(extractor, abstract)}
    assert ("-16.1%", "Wikitext") in got and ("-16.1%", "LAMBADA") not in got


def test_results_a_dataset_span_is_read_as_marked(extractor):
    # where the dataset rule marks a span (`TREC DL`), its name, not a longer text written elsewhere
    abstract = (
        "Across TREC DL'19, DL'23, and MLDR-zh, EviRerank outperforms RankLLaMA. "
        "On TREC DL'19, EviRerank achieves 0.743 nDCG@10."
    )
    got = {(value, dataset) for _, value, dataset, _ in results(extractor, abstract)}
    assert got == {("0.743", "TREC DL")}


def test_results_a_dataset_named_again_is_the_values(extractor):
    abstract = (
        "We evaluate MesoNet on ImageNet and CIFAR-10. On CIFAR-10, it reaches 97.2% top-1 accuracy. "
        "On ImageNet, it improves top-1 accuracy by 1.5%."
    )
    got = {(value, dataset) for _, value, dataset, _ in results(extractor, abstract)}
    assert got == {("97.2%", "CIFAR-10"), ("1.5%", "ImageNet")}


def test_results_a_dataset_name_inside_a_word_is_not_named(extractor):
    abstract = (
        "We evaluate MesoNet on ImageNet and CIFAR-10. On MiniImageNet-style shifts, top-1 accuracy drops by 1.5%."
    )
    got = {(value, dataset) for _, value, dataset, _ in results(extractor, abstract)}
    assert ("1.5%", "ImageNet") not in got


@pytest.mark.parametrize(
    ("abstract", "value", "baseline"),
    [
        ("Our tuned Mistral 7B beat GPT-4o (F1=0.87).", "0.87", "GPT-4o"),
        ("It improves NDCG@10 by 27% to 47% compared to FuXi-$\\alpha$.", "27% to 47%", "FuXi-α"),
        (
            "On SQuAD it gains 5.2 points in F1 over BERT, while on TriviaQA it gains 3.1 points in F1 over RoBERTa.",
            "3.1 points",
            "RoBERTa",
        ),
    ],
    ids=["score-in-brackets", "latex-greek", "baseline-of-the-clause"],
)
def test_results_baseline(extractor, abstract, value, baseline):
    got = {v: b for _, v, _, b in results(extractor, abstract)}
    assert got.get(value) == baseline


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a value given in a metric named after it is that metric's, not the one before
        (
            "It lifts the cold-start retrieval accuracy by up to 11% points in Recall@10 on every encoder.",
            {("Recall@10", "11 % points")},
        ),
        # the value before a long form is its acronym's
        ("Online A/B tests show a 4.87% improvement in gross transaction volume (GTV).", {("GTV", "4.87%")}),
        # a count the method reduces
        (
            "It needs 65.3% fewer training rounds and 5.6x fewer input tokens than Adaptive-k.",
            {("training rounds", "65.3%"), ("input tokens", "5.6x")},
        ),
        # a business metric in title case
        ("It leads to a 2.78% increase in Notification Open Rate.", {("Notification Open Rate", "2.78%")}),
    ],
    ids=["value-in-the-next-metric", "long-form-then-acronym", "fewer-count", "title-case-rate"],
)
def test_results_metric_named_around_the_value(extractor, abstract, expected):
    assert values(extractor, abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "We use 3 fewer days of data.",  # a count without a unit is no value
        "It has 20% fewer of them.",  # no noun
        "The model raises the Learning Rate by 10% at each step.",  # a setting, not a measure
    ],
)
def test_results_no_metric_around_the_value(extractor, abstract):
    assert values(extractor, abstract) == set()


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("GlowFuse gets up to 2.8$\\times$ speed-up over prior methods.", {("speed-up", "2.8x")}),
        ("QuickHD runs 20--300$\\times$ faster than exact search.", {("speedup", "20--300x")}),
        ("It reduces latency (1.2-6.6$\\times$) on all engines.", {("latency", "1.2-6.6x")}),
    ],
    ids=["times", "times-range", "times-in-brackets"],
)
def test_results_latex_times_is_a_unit(extractor, abstract, expected):
    assert values(extractor, abstract) == expected
