"""Metric rules for names and values in the forms papers write them (metric_phrases.py
TEX_NAME and COMPARED, metric_pairing.py FROM_TO, metric_lists.py), on sentences written
here, with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


# --- TEX_NAME: a lexicon metric written in TeX -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the minutes corpus, the segmenter attains a B-$F_1$ of 0.81.", ("B-F1", "0.81")),
        ("On the wiki corpus, the segmenter attains a B-F$_1$ of 0.62.", ("B-F1", "0.62")),
        ("The tagger reaches a $F_1$ score of 77.4% on the test split.", ("F1", "77.4%")),
        ("The regressor reaches $R^2$ of 0.88 on held-out towns.", ("R^2", "0.88")),
    ],
)
def test_metrics_forms_tex_name(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Let $x_1$ be 0.5 and $L_2$ of 0.3 bound the step.",  # variables, no metric's spelling
        "The weight $w_1$ of 0.4 is tuned on the dev split.",
    ],
)
def test_metrics_forms_tex_variable_is_no_metric(extractor, text):
    assert not metrics(extractor, text)


# --- FROM_TO: a change whose first value is a range -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The adapted tree raises HR@10 from 0.21-0.37 to 0.44-0.58 over the fixed tree.", "0.44-0.58"),
        ("The adapted tree raises HR@10 from 21%-37% to 44%-58% over the fixed tree.", "44%-58%"),
        ("The adapted tree raises HR@10 from 0.21 to 0.44 over the fixed tree.", "0.44"),
    ],
)
def test_metrics_forms_from_a_range_to_a_range(extractor, text, value):
    assert ("HR@10", value) in metrics(extractor, text)


def test_metrics_forms_a_range_stays_whole(extractor):
    text = "Gains in CTR ranging from 0.41% to 1.90% are seen across markets."
    assert ("CTR", "0.41% to 1.90%") in metrics(extractor, text)


# --- COMPARED: a comparative between a value and its measure --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It matches the tuned baseline at roughly 27% lower annotation cost.", ("annotation cost", "27%")),
        ("The cache serves pages with 35% shorter response time than before.", ("response time", "35%")),
    ],
)
def test_metrics_forms_value_compared_before_its_measure(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_metrics_forms_a_comparative_before_no_measure(extractor):
    assert not metrics(extractor, "It trains on 40% larger corpora than the baseline.")


def test_metrics_forms_a_unit_is_not_a_word_of_the_name(extractor):
    text = "The planner reduces 8~m/s path tracking error by about 41% over the tuned baseline."
    assert ("path tracking error", "41%") in metrics(extractor, text)


# --- metric_lists: measures listed with a kept metric ------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "We study the trade-offs between latency, throughput, and ranking accuracy in experiments.",
            {"latency", "throughput", "ranking accuracy"},
        ),
        (
            "Experiments show it improves accuracy, answer faithfulness and citation coverage on two suites.",
            {"accuracy", "answer faithfulness", "citation coverage"},
        ),
    ],
)
def test_metrics_forms_measures_listed_with_a_metric(extractor, text, names):
    assert names <= {name for name, _ in metrics(extractor, text)}


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Experiments show improved accuracy and recurrent refinement in the solver.", "recurrent refinement"),
        ("Results show improved accuracy on MovieLens and Steam.", "Steam"),
        ("Experiments show improved accuracy and efficiency gains in serving.", "efficiency"),
    ],
)
def test_metrics_forms_list_items_that_are_no_measure(extractor, text, not_name):
    assert not_name not in {name for name, _ in metrics(extractor, text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The gateway keeps low lookup latencies, and queueing overhead of 0.3 to 0.9 ms per call.",
            {"lookup latencies", "queueing overhead"},
        ),
        (
            "The tutor earns higher grader scores, and session completion rate of 71.5% in the pilot.",
            {"grader scores", "session completion rate"},
        ),
    ],
)
def test_metrics_forms_measures_listed_with_a_named_value(extractor, text, names):
    assert names <= {name for name, _ in metrics(extractor, text)}


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("It cuts the MAPE of the meter by 1.9 times and the RMSE of the meter by 2.4 times.", "times"),
        (
            "Loads were measured through sensor scores, and a phase error of 0.21 on the bench.",
            "measured through sensor scores",
        ),
        ("The parser gets poor judge scores, and a parse error rate of 12.5% on the forms.", "poor judge scores"),
    ],
)
def test_metrics_forms_listed_with_a_named_value_no_measure(extractor, text, not_name):
    assert not_name not in {name for name, _ in metrics(extractor, text)}


# --- TeX around numbers and cut-offs ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The run ranked first with a primary $F_1$ of $0.6120$ on the hidden split.", ("F1", "0.6120")),
        ("Online tests show a 19\\% NDCG\\@5 lift from the basket ranker.", ("NDCG@5", "19%")),
    ],
)
def test_metrics_forms_tex_number_and_cut_off(extractor, text, expected):
    assert expected in metrics(extractor, text)


def test_metrics_forms_a_dollar_amount_keeps_its_dollar(extractor):
    assert ("revenue", "$4.1") in metrics(extractor, "The shop's revenue rose by $4.1 per visit in the test.")


# --- RELATIVE_CHANGE and tight_decimals: a measure's score and its relative change ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Against the older tool, the assistant reached a helpfulness score of 3.92 (vs. 2.71) on a 5-point "
            "scale, a 44.6% improvement, with gains in tone.",
            {("helpfulness score", "3.92"), ("helpfulness score", "44.6%")},
        ),
        (
            "The tagger reaches 81.7% accuracy on the held-out split, a 2.4% gain over the rule baseline.",
            {("accuracy", "81.7%"), ("accuracy", "2.4%")},
        ),
        ("On the audit set the routing score is 0.74 for the new policy.", {("routing score", "0.74")}),
    ],
)
def test_metrics_forms_score_and_relative_change(extractor, text, expected):
    assert expected <= metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "We train with a mixing ratio of 0.3 and a learning rate of 0.001.",  # settings, not results
        "The corpus grew from 1.5 million pages in the first crawl.",
    ],
)
def test_metrics_forms_a_bare_number_without_its_measure(extractor, text):
    assert not metrics(extractor, text)


# --- MIN_BARE_LIST: a list of measures is an evaluation's ---------------------------------------


def test_metrics_forms_a_list_of_measures(extractor):
    text = "The benchmark scores recommenders on a grid that spans accuracy, fairness, stability and efficiency."
    assert {"accuracy", "fairness", "stability", "efficiency"} <= {n for n, _ in metrics(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "An overemphasis on accuracy ignores other demands of users.",  # one measure alone is a notion
        "Existing methods trade accuracy for efficiency in practice.",  # two are no list of three
    ],
)
def test_metrics_forms_a_measure_without_a_list(extractor, text):
    assert not metrics(extractor, text)


# --- cued_measures: measures a change or measurement cue lists ----------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Results show that the shared planner improves route completion, driver control, and map transparency "
            "across cities.",
            {"route completion", "driver control", "map transparency"},
        ),
        (
            "A field study shows gains in answer completeness and citation fidelity over the old desk.",
            {"answer completeness", "citation fidelity"},
        ),
    ],
)
def test_metrics_forms_measures_a_cue_lists(extractor, text, names):
    assert names <= {n for n, _ in metrics(extractor, text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Results show that the new router lowers packet drop rates in every trial.", "packet drop rates"),
        (
            "Field tests show the triage bot raises the referral acceptance rate for clinics.",
            "referral acceptance rate",
        ),
    ],
)
def test_metrics_forms_a_rate_a_cue_names_alone(extractor, text, name):
    assert (name, None) in metrics(extractor, text)


def test_metrics_forms_a_rate_with_a_value_keeps_it(extractor):
    found = metrics(extractor, "Results show it lowers the parse error rate from 9.1% to 4.0% on forms.")
    assert ("parse error rate", None) not in found


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Experiments show that it improves efficiency.", "efficiency"),  # one alone is as often a goal
        ("We aim to improve route completion and driver control in future work.", "route completion"),  # no finding
        ("We aim to lower the churn rate of new shoppers in later work.", "churn rate"),  # a rate alone, no finding
        ("Experiments show the cart widget raises rates across the shop.", "rates"),  # no word before the rate
    ],
)
def test_metrics_forms_no_measures_a_cue_lists(extractor, text, not_name):
    assert not_name not in {n for n, _ in metrics(extractor, text)}


# --- SIGNED_NAME: a signed change names the phrase right after it -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The planner achieves a +27.4pp first-pass advantage over the reflex agent.",
            ("first-pass advantage", "+27.4pp"),
        ),
        ("It adds +12.9pp route generalization (d=1.2) on unseen maps.", ("route generalization", "+12.9pp")),
    ],
)
def test_metrics_forms_a_signed_change_names_its_measure(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "It brings a +3.1% relative gain over the baseline.",  # a change word, no measure
        "The planner achieves a 27.4% first-pass advantage over the reflex agent.",  # unsigned: too loose
        "Its tuned variant scores +4.2pp over random routing, p=0.01.",  # a preposition's phrase
        "Decoding adds 1310.2 +/- 96.1 ms per approved step.",  # a spread, not a sign
        "At 5--30% noise ratios, training alone helps.",  # the end of a range, not a sign
    ],
)
def test_metrics_forms_no_name_after_a_change(extractor, text):
    names = {n for n, _ in metrics(extractor, text)}
    assert not names & {"relative gain", "gain", "first-pass advantage", "over random routing", "noise ratios"}
    assert not any(n.startswith("per ") for n in names)
