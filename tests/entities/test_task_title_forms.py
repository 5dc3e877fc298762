"""A title's task named by the system that does it (`Retrievers`) or by the verb done to
it (`Evaluating Retrieval`), in the noun form the field names the task by (task_title)."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Towards Compact Patent Document Retrievers", "patent document retrieval"),
        ("Teaching Passage Rerankers to Reason", "passage reranking"),
        ("Podcast Recommenders: a Survey", "podcast recommendation"),
        ("A Testbed for Evaluating Retrieval with Human Feedback", "retrieval evaluation"),
        ("Detecting Phishing Emails via Graphs", "phishing email detection"),
        ("Estimating Crawl Coverage from Samples", "crawl coverage estimation"),
    ],
)
def test_title_task_named_by_system_or_verb(extractor, title, task):
    assert task in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    ("title", "not_task"),
    [
        # a noun in -ing after its own modifier, not a verb with an object
        ("Joint Demand Forecasting via Multi-Objective Optimization", "multi-objective optimization forecasting"),
        ("Forecasting with Graphs", "graph forecasting"),
        ("Graph Priors for Evaluating Retrieval", "evaluating retrieval"),  # the verb's form is not the name
        ("Training Retrievers for Math", "retrieval"),  # no modifier: no task named
        ("Evaluating Household Robots When Values Conflict", "household robot evaluation"),  # a thing, not a task
    ],
)
def test_title_task_forms_not_taken(extractor, title, not_task):
    assert not_task not in found(extractor, "Results are strong.", "task", title)
