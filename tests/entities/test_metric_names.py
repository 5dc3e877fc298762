"""How metrics are named (metric_names.py spelled_out and in_definition, metric_phrases.py NAME_LEAD
and widen of cased word metrics) and a change written with `performance` (metric_values.py CHANGE),
on sentences written here, with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


def names(extractor: EntityExtractor, text: str) -> set[str]:
    return {name for name, _ in metrics(extractor, text)}


# --- spelled_out: a long form the paper never abbreviates is named as written -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The screener flags 91.2% of the forged receipts at a 4.1% false positive rate.",
            ("false positive rate", "4.1%"),
        ),
        ("Against the popularity ranker, the walk lifts hit rates by 12% on the ballads.", ("hit rate", "12%")),
        # the field's standard acronyms stay as such
        ("The new ranker lifts the click-through rate by 1.9% in the spring test.", ("CTR", "1.9%")),
    ],
)
def test_metric_names_spelled_out(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a narrower phrase of a plain-word lexicon metric keeps its own name
        ("Results show the cache cuts inference latencies by 30% on the chat logs.", ("inference latency", "30%")),
        ("Results show the pruning cuts training costs by 12% on the chat logs.", ("training cost", "12%")),
    ],
)
def test_metric_names_narrower_phrase_kept(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the paper writes the acronym: the acronym is the name
        ("The screener keeps the false positive rate (FPR) at 4.1% on the forged receipts.", "FPR"),
        # a variant of the acronym is no long form
        ("The auction lifts eCPM by 3.5% over the first-price baseline.", "CPM"),
    ],
)
def test_metric_names_acronym_kept(extractor, text, expected):
    assert expected in names(extractor, text)


# --- in_definition: the words that spell out another metric's acronym -------------------


def test_metric_names_long_form_in_brackets_is_no_metric(extractor):
    found = names(extractor, "Deployed on the shelf feed, the ranker brings a 2.8% RPM (Revenue Per Mille) increase.")
    assert "RPM" in found
    assert "Revenue" not in found and "revenue" not in found


def test_metric_names_bracketed_metric_of_its_own_stays(extractor):
    # the brackets hold another measure, not the acronym's long form
    found = names(extractor, "The ranker lifts GMV (and revenue by 1.1%) by 2.4% in the spring test.")
    assert "GMV" in found and "revenue" in found


# --- NAME_LEAD: `total` and `overall` begin a measure's name -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The planner improves overall score by 7.5% over the greedy agents.", ("overall score", "7.5%")),
        ("The feed gains 0.9% in total listening time and 1.2% in clicks.", ("total listening time", "0.9%")),
    ],
)
def test_metric_names_total_and_overall_lead(extractor, text, expected):
    assert expected in metrics(extractor, text)


# --- widen for cased word metrics: the lower-case qualifier before them -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tagger brings a 6.2% improvement in span boundary precision over the rule baseline.",
            "span boundary precision",
        ),
        ("The reader attains the best passage F1 among the compared pipelines.", "passage F1"),
        ("Experiments show that the cache improves long-context needle recall.", "long-context needle recall"),
    ],
)
def test_metric_names_qualified_word_metric(extractor, text, expected):
    assert expected in names(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # a capitalised name before it is what it is measured on
        ("On Arctic Fjords Recall@5 reaches 71.3% for the dual encoder.", "Recall@5", "Fjords Recall@5"),
        # a sentence word is no qualifier
        ("The final F1 of 0.71 beats the rule baselines on the clinic notes.", "F1", "final F1"),
        ("The small taggers reach only F1 of 0.52 on the clinic notes.", "F1", "only F1"),
        ("The F1 of the tagger is 0.66 on the clinic notes.", "F1", "The F1"),
    ],
)
def test_metric_names_no_qualifier(extractor, text, expected, wrong):
    found = names(extractor, text)
    assert expected in found and wrong not in found


# --- CHANGE: a performance gain in terms of a metric ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tree wins up to a 41.2% performance gain over the best rival in terms of NDCG@10.", ("NDCG@10", "41.2%")),
        ("It yields a 5.3% relative performance improvement in MRR over the bi-encoder.", ("MRR", "5.3%")),
    ],
)
def test_metric_names_performance_change(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_metric_names_performance_drop_without_metric(extractor):
    assert metrics(extractor, "Pruning brings a 12% performance drop on the hard split.") == set()


# --- target: the quantity a model predicts ---------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("In feed ranking, predicting Click-Through Rate (CTR) matters. Offline AUC rises by 0.8%.", "CTR"),
        ("The tower learns to predict CVR from sparse clicks. Offline AUC rises by 0.8%.", "CVR"),
        ("The head estimates the long-term CTR of each slate. Offline AUC rises by 0.8%.", "CTR"),
    ],
)
def test_metric_names_target_is_no_measure(extractor, text, target):
    found = names(extractor, text)
    assert "AUC" in found and target not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with a value it is a finding, whatever the verb before
        ("Our tower, trained to predict CVR, lifts CVR by 1.4% online.", ("CVR", "1.4%")),
        # a verb of another kind before the metric: what a system maximises is its measure
        ("The pool is tuned to maximize Hit Rate on the sports logs.", ("Hit Rate", None)),
        ("Experiments show that optimizing the towers jointly improves recall.", ("Recall", None)),
        ("We report CTR and AUC on the three logs.", ("CTR", None)),
        # a score of the predictor is no predicted quantity
        ("Experiments show that the pruned net preserves forecasting accuracy.", ("forecasting accuracy", None)),
        ("The probe predicts relapse before discharge (AUROC in Table 2).", ("AUROC", None)),
    ],
)
def test_metric_names_not_a_target(extractor, text, expected):
    assert expected in metrics(extractor, text)


# --- HIT_SENSE: `HR` is hit rate where the text recommends or ranks ------------------------


def test_metric_names_hr_without_ranking_is_no_metric(extractor):
    assert "HR" not in names(extractor, "The decoder fuses the HR frames and the coarse output at any HR input size.")


def test_metric_names_hr_in_recommendation(extractor):
    assert "HR" in names(extractor, "We report HR and NDCG on three recommendation logs.")


# --- EVAL_CUE_WORDS: the terms of a win (metric_context.py) ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Experiments show that the walker outperforms strong session recommenders in next-day accuracy.",
            "next-day accuracy",
        ),
        ("Results show that it surpasses every rival on the three logs in fairness and coverage.", "coverage"),
    ],
)
def test_metric_names_terms_of_a_win(extractor, text, expected):
    assert expected in names(extractor, text)


def test_metric_names_win_without_terms(extractor):
    # `accuracy` named apart from the win, as a topic
    assert names(extractor, "It outperforms the rule baselines. Accuracy matters for triage.") == set()


# --- FAMILY_AFTER: a change given in a cut-off metric (metric_context.py) -----------------------


def test_metric_names_change_in_cut_off_metric(extractor):
    text = "Results show that the adapter improves the cold retrieval accuracy by up to 12% points in Recall@20."
    found = metrics(extractor, text)
    assert ("Recall@20", "12 % points") in found
    assert not any(name.endswith("accuracy") for name, _ in found)


def test_metric_names_change_of_its_own(extractor):
    text = "Results show that the adapter improves retrieval accuracy by 4% on the cold split."
    assert ("retrieval accuracy", "4%") in metrics(extractor, text)


# --- tight_decimals: a range after `of` is one value (metric_phrases.py RANGED_DECIMAL) ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The gateway adds a routing overhead of 0.004 to 0.126 ms per call.",
            ("routing overhead", "0.004 to 0.126 ms"),
        ),
        ("The planner keeps a success rate of 0.81 on the hard maps.", ("success rate", "0.81")),
    ],
)
def test_metric_names_decimal_range(extractor, text, expected):
    assert expected in metrics(extractor, text)
