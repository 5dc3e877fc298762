"""A measure named as what a change verb changes, with its amount after `by` (metric_objects.py),
on sentences written here, with objects that are no measure."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb before the measure
        ("In the two-week bucket test the ranker increases Order PV by +2.71% over control.", ("Order PV", "+2.71%")),
        ("The scheduler reduces wasted GPU hours by 38% on the shared cluster.", ("wasted GPU hours", "38%")),
        (
            "Caching the plans cuts redundant tool invocations by up to 2.4x per episode.",
            ("redundant tool invocations", "2.4x"),
        ),
        # the baseline between the measure and its amount
        (
            "The codec improves compression ratio over the ZFP codec by 25-40% on climate fields.",
            ("compression ratio", "25-40%"),
        ),
        # the verb after the measure
        ("After the rollout, checkout page views rose by 12.5% within a week.", ("checkout page views", "12.5%")),
        (
            "With the new prompt, refund tickets fell by 8 points compared with the old flow.",
            ("refund tickets", "8 points"),
        ),
    ],
)
def test_changed_object_is_a_measure(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # what the paper compares with, not a measure
        ("Our tagger improves the strongest baseline by 4.5% on the news split.", "4.5%"),
        ("The student improves over TeacherNet by 3.1 points on every split.", "3.1 points"),
        # a pronoun, a method's name, a generic head
        ("The two tricks raise them by 1.6x when combined with pruning.", "1.6x"),
        ("The patch improves GraphWalker by 7% on long traces.", "7%"),
        ("Our method improved by 5% and the larger models dropped by 3 points.", "5%"),
        # a task, not its measure
        (
            "Adding the stance cue improves fine grained sarcasm detection by 2.9 percentage points.",
            "2.9 percentage points",
        ),
        # an auxiliary before a passive verb, an activity sped up
        ("With our prompts, even the largest model's accuracy could be improved by 6.3%.", "6.3%"),
        ("The cache accelerates listwise reranking by up to 52% on the long queries.", "52%"),
        # a list: no single name
        ("The flow improves setup and hold slack by 11.2% on the large designs.", "11.2%"),
    ],
)
def test_changed_object_not_a_measure(extractor, text, value):
    found = metrics(extractor, text)
    assert not any(v == value and name not in ("accuracy",) for name, v in found), found


def test_lexicon_metric_keeps_its_change(extractor):
    # a lexicon metric's own `by` stays with it
    assert ("F1", "2.2 points") in metrics(extractor, "The reranker improves F1 by 2.2 points on the shared task.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value on a scale after `scores` (metric_objects.py SCORED)
        ("In the blind review the tutor, scoring 7.4/10 against 5.9/10 for the plain one, wins.", ("score", "7.4/10")),
        ("Its summaries scored a mean of 2.61/3.0 across the four raters.", ("score", "2.61/3.0")),
        # whose measure it is between the name and the value (metric_phrases.py OWN_MODEL)
        ("The topic coherence of this model is 0.08 higher than that of the LDA runs.", ("topic coherence", "0.08")),
        # an error rate no lexicon holds (metric_phrases.py, no longer skipped)
        (
            "The variant gets a parse error rate reduction to as low as 4.50% on the hard split.",
            ("parse error rate", "4.50%"),
        ),
    ],
)
def test_scores_and_tight_phrases(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # a count scored, not a score; a scale without `scores`
        "Two annotators scored 31 transcripts for agreement with the guideline.",
        "The rubric runs from 1/5 to 5/5 and the raters used all of it.",
    ],
)
def test_scores_not(extractor, text):
    assert not any(name == "score" for name, _ in metrics(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the measure a system is the lowest or highest on, its value in brackets
        (
            "Of the four agents, Atlas has the lowest tool ASR (9.8%) and Vega the highest (31.0%).",
            ("tool ASR", "9.8%"),
        ),
        ("The tuned reader reaches the highest span recovery (88.1%) on the legal split.", ("span recovery", "88.1%")),
    ],
)
def test_superlative_with_bracketed_value(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # must not match: `best` ranks systems; a generic head; a number that is no value
        ("The router beats the best single model (71.3%) on every split.", "71.3%"),
        ("Our agent overtakes the highest baseline (22%) after three rounds.", "22%"),
        ("The highest layer (12) holds most of the syntax.", "12"),
    ],
)
def test_superlative_with_bracketed_value_not(extractor, text, value):
    assert not any(v == value for _, v in metrics(extractor, text))
