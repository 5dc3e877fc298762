"""A measure changed `from A to B` (metric_changes.py, and metric_pairing.py BASELINE for lexicon
metrics): the value reached, with a baseline between; on sentences written here, with phrasings
that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The watchdog reduces the stall rate from 31.5% to 7.2% on the nightly builds.", ("stall rate", "7.2%")),
        ("With the watchdog, the stall rate drops from 31.5% to 7.2% on nightly builds.", ("stall rate", "7.2%")),
        # hedged values
        ("The watchdog cuts the stall rate from roughly 31% to about 7% on the nightly builds.", ("stall rate", "7%")),
        # a baseline between the measure and `from`
        (
            "The planner raises route completeness over the greedy router from 61% to 84% on the depot maps.",
            ("route completeness", "84%"),
        ),
        # ranges on both sides: the range reached
        (
            "The tuned variant improves harvest rate from 0.21-0.34 to 0.48-0.55 on the farms.",
            ("harvest rate", "0.48-0.55"),
        ),
        # a model's name before the measure is what is measured
        ("The hint lifts Llama-3 answer correctness from 40% to 58% on the quiz.", ("answer correctness", "58%")),
        ("The cache cuts lookup latency from 80 ms to 12 ms on the replay.", ("lookup latency", "12 ms")),
        # a lexicon metric with a baseline before `from`
        (
            "The hint improves accuracy compared to plain prompting from 52.0% to 61.5% on the quiz.",
            ("accuracy", "61.5%"),
        ),
    ],
)
def test_metric_changes_value_reached(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # no change is said: a setting
        "Interest rates from 2% to 5% are simulated in the market model.",
        # years
        "The archive coverage grew from 2019 to 2023 across the regions.",
        # a range, not a change
        "The stall rates ranging from 0.5% to 2.9% are stable across builds.",
        # no metric word ends the phrase
        "The tool increases the share of users from 12% to 30% over a month.",
        # a rate of training, not a measure
        "The schedule lowers the learning rate from 0.1 to 0.01 over training.",
    ],
)
def test_metric_changes_not_a_measure(extractor, text):
    assert not {v for _, v in metrics(extractor, text) if v is not None}


def test_metric_changes_unit_written_as_a_word(extractor):
    text = "The checklist reduces median triage time from 45 to 20 minutes on the ward."
    assert ("median triage time", "20 minutes") in metrics(extractor, text)
