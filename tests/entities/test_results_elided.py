"""Results whose metric is named once for several values (comparison_elided): a margin over
another beaten method, a level another system reaches; on sentences written here, with
phrasings that must give no result."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def results(extractor: EntityExtractor, abstract: str) -> set[tuple]:
    return {(m.name, m.value, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a second margin, over the next method the cue beats
        (
            "On Quorra, ZentaQL outperforms plain retrieval with rewriting by up to 4.1 pt in "
            "execution accuracy and iterative agents (ToolLoop) by up to 12.7 pt.",
            ("execution accuracy", "12.7 pt", "ToolLoop"),
        ),
        # the margin of a win after the metric's value, past commas around the name
        (
            "On Brindle it attains a macro F1 of 0.71, outperforming the strongest prior system, "
            "SegMax, by 0.09 absolute points.",
            ("F1", "0.09 absolute points", "SegMax"),
        ),
        # a level another system reaches, in the metric's unit
        (
            "Dense retrieval reaches 61.2% P@1, and keyword retrieval achieves 47.9%.",
            ("P@1", "47.9%", None),
        ),
        (
            "Our agent reaches 73.5% accuracy, while the strongest prompt-only baseline reaches only 58.0%.",
            ("accuracy", "58.0%", None),
        ),
        # a name with digits as the subject, a condition after the value
        (
            "The base Qwen2.5-7B model achieves 61.2% accuracy on Zorbit, while the Quill-R1 teacher achieves 88.0%.",
            ("accuracy", "88.0%", None),
        ),
        (
            "It achieves 80.5% step accuracy on Plinko, exceeding zero-shot Vexa-5 by 9.4 percentage points "
            "under the same input.",
            ("step accuracy", "9.4 percentage points", "Vexa-5"),
        ),
    ],
    ids=["second-margin", "margin-past-commas", "level-after-and", "level-after-while", "digits", "condition"],
)
def test_results_elided_metric(extractor, abstract, expected):
    assert expected in results(extractor, abstract)


def test_results_elided_next_value_over_its_own_baseline(extractor):
    found = results(
        extractor, "On Brindle, PathDrive improves the driving score by 4.6% over SimLane and 2.5% over HopAD."
    )
    assert ("driving score", "2.5%", "HopAD") in found
    # an unnamed baseline: the value is the metric's, relative to nothing named
    found = results(extractor, "It improves CTR by 2.1% over LinRank and 3.0% over the production model.")
    assert ("CTR", "3.0%", None) in found
    # no `over` after it: the value is not read as the metric's next
    found = results(extractor, "It improves CTR by 2.1% over LinRank and 3.0% of sessions end early.")
    assert all(value != "3.0%" for _, value, _ in found)


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # the paper's value set against the one the metric took
        ("It reaches a clean split of 57.6% against 0% Exact Match on Tavro.", ("Exact Match", "57.6%")),
        ("On Quill it scores 46.5% vs. 35.0% recall@100 against the best reranker.", ("Recall@100", "46.5%")),
        # the last of a list of the metric's values
        (
            "On Zorb, CareBot improves the F1 score by 4.15%, 1.93%, and 0.74% over the solo, "
            "paired, and planner baselines, respectively.",
            ("F1", "0.74%"),
        ),
    ],
    ids=["against-before", "vs-before", "last-of-list"],
)
def test_results_elided_listed_values(extractor, abstract, expected):
    assert expected in {(name, value) for name, value, _ in results(extractor, abstract)}


@pytest.mark.parametrize(
    ("abstract", "metric", "value"),
    [
        # a list of measures, the metric last: the values go to the list
        (
            "The controller reduces headway spread, bunching counts, and waiting time by 31.0%, 68.2%, "
            "and 23.0%, respectively.",
            "waiting time",
            "68.2%",
        ),
        # values listed for a list of measures after them
        ("It improves profile quality by up to 12.6% and 13.0% in AC@K and AR@K, respectively.", None, "13.0%"),
        # a list of changes: the first of each pair is where it started
        (
            "On A1, B1, and C1, it improves accuracy from 61.5% to 64.3%, 63.1% to 65.2%, and 75.7% to 78.8%, "
            "respectively.",
            "accuracy",
            "63.1%",
        ),
    ],
    ids=["list-of-measures", "measures-after", "from-to-pairs"],
)
def test_results_elided_listed_values_not_the_metrics(extractor, abstract, metric, value):
    found = results(extractor, abstract)
    assert all(v != value or (metric is not None and name != metric) for name, v, _ in found)


def test_results_elided_margins_respectively_pair_in_order(extractor):
    found = results(
        extractor,
        "TurboDraft achieves up to 5.1x end-to-end speedup over plain decoding, outperforming "
        "FlashTree and DraftMix by 1.22x and 1.48x respectively.",
    )
    assert ("end-to-end speedup", "1.22x", "FlashTree") in found
    assert ("end-to-end speedup", "1.48x", "DraftMix") in found


@pytest.mark.parametrize(
    ("abstract", "metric", "value"),
    [
        # a value followed by a word measures something else, named or not
        ("Our agent reaches 73.5% accuracy, and the baseline achieves 41% of its queries.", "accuracy", "41%"),
        ("Our agent reaches 73.5% accuracy, and the baseline achieves 41% coverage.", "accuracy", "41%"),
        # a measure as the subject of the verb: its own value, not the metric's
        ("Quiz accuracy gains +3.2 pp and recall probing gains +9 pp over Stage 1.", "Quiz accuracy", "+9pp"),
        (
            "Reconstruction improves (mean absolute error improves by 70.1%) and shape fidelity "
            "(mean mean gap improves by 12.5%).",
            "MAE",
            "12.5%",
        ),
        ("It improves CTR by 2.1% over LinRank and dwell span by 3.4%.", "CTR", "3.4%"),
        # a margin over what the sentence does not beat (`comparable to`, `unlike`)
        ("Our model reaches 80.1% accuracy, comparable to GraphSum, and unlike TreeNet by 2.2%.", "accuracy", "2.2%"),
        # a value of another measure comes between: the later level is not the metric's
        (
            "At a 20% false-positive rate, ReStart raises resolution from 60.1% to 70.3%, "
            "whereas cold restart reaches only 61.0%.",
            "false-positive rate",
            "61.0%",
        ),
        # another unit, or a list of values for a list of metrics
        ("Our agent reaches 73.5% accuracy, and the baseline achieves 2.1x.", "accuracy", "2.1x"),
        (
            "Text search achieves 41% Recall@1, 70% Recall@5, and 88% Recall@20, while image search "
            "reaches 39%, 71%, and 90%, respectively.",
            "Recall@20",
            "39%",
        ),
    ],
    ids=[
        "word-after",
        "metric-after",
        "measure-gains",
        "measure-improves",
        "unbeaten-name",
        "not-a-win",
        "value-between",
        "other-unit",
        "list-of-levels",
    ],
)
def test_results_elided_not_the_metrics(extractor, abstract, metric, value):
    assert all((name, found) != (metric, value) for name, found, _ in results(extractor, abstract))
