"""The share of a reference's result a method keeps (metric_shares.py), named by the measure it is
a share of; on sentences written here, with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> set[tuple[str, str | None]]:
    return {(m.name, m.value) for m in extractor(paper(text)) if m.kind == "metric"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sparse planner retains 96.4% of the dense planner performance with a third of the memory.",
            ("dense planner performance", "96.4%"),
        ),
        (
            "Trained on a tenth of the logs, the router recovers 88-91% of full-log routing performance.",
            ("full-log routing performance", "88-91%"),
        ),
        (
            "The quantised ranker preserves over 97% of teacher ranking quality on the shop queries.",
            ("teacher ranking quality", "97%"),
        ),
    ],
)
def test_metric_shares_named_by_the_measure(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # no measure: a reference alone
        "The sparse planner retains over 90% of the oracle at a third of the cost.",
        # a bare `performance`, whose owner comes after it
        "The student reaches 92% of the performance of the teacher on the shop queries.",
        # people, not a measure
        "In the poll, 92% of the users said they now understood the tool.",
        # no verb of keeping
        "The logs hold 40% of the routing performance records of the fleet.",
    ],
)
def test_metric_shares_not_a_measure(extractor, text):
    assert not {v for _, v in metrics(extractor, text) if v is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share of a resource the method needs, named by the resource
        ("With only 12-20% of the indexing time, the sketch matches the exact search.", ("indexing time", "12-20%")),
        ("The distilled grader consumes 9% of the labelling budget in each round.", ("labelling budget", "9%")),
        ("The pruned reader keeps its answers while using just 14% of the visual tokens.", ("visual tokens", "14%")),
        # a share of variance a factor explains
        ("Prompt wording explains about 71%-78% of variance in the judge scores.", ("variance explained", "71%-78%")),
        (
            "A single latent axis explaining 58.2% of the rating variance separates the raters.",
            ("variance explained", "58.2%"),
        ),
    ],
)
def test_resource_and_variance_shares(extractor, text, expected):
    assert expected in metrics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # people, not a resource; a resource of something else (`of the time of day`)
        "In the survey, 84% of participants found the hints useful on long pages.",
        "Using 30% of the time of each session for warm-up, the probe stays stable.",
        # variance that no factor explains
        "The seeds differ by 4% of the mean, and their variance is small.",
    ],
)
def test_resource_and_variance_shares_not(extractor, text):
    names = {name for name, _ in metrics(extractor, text)}
    assert not names & {"time", "variance explained"}, names
