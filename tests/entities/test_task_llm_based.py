"""A title's recommendation done by LLMs is LLM-based recommendation (task_derived.TITLE_LLM)."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found

NAME = "LLM-based recommendation"


@pytest.mark.parametrize(
    "title",
    [
        "A Benchmark for Session Recommendation with Large Language Models",
        "Do Ratings Still Matter for Recommenders in the Era of LLMs?",
        "Bridging Tags via LLM-Enhanced Sparse Recommendation",
        "Large Language Models for Session Recommendation",
        "Process-Supervised LLM Recommenders",
    ],
)
def test_title_recommendation_by_llms(extractor, title):
    assert NAME in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    "title",
    [
        "Point-of-Interest Recommendation with Multimodal LLMs",  # another kind of model
        "Policy Recommendations from Reports: a Dataset and LLM Evaluation",  # LLMs are the object
        "Large Language Models for Code Generation",  # no recommendation
        "LLM-Aligned Item Tokenization for Local-Life Recommendation",  # LLMs named otherwise
        "An LLM Agent as a Shield between Users and Recommender Systems",
        "Distilling LLM Signals for Keyphrase Recommendations",
        "A Recommender of Hiking Routes",  # no LLM
    ],
)
def test_title_llms_not_recommendation_by_llms(extractor, title):
    assert NAME not in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    ("title", "text", "kept", "dropped"),
    [
        ("Cold-Start CTR Prediction for Ads", "Results are strong.", "CTR prediction", "cold-start"),
        # the problem named alone in the title stays
        ("Short Video Recommendation: Addressing Cold-Start and Bias", "Results are strong.", "cold-start", None),
    ],
)
def test_problem_narrowing_a_task_is_not_one_more_task(extractor, title, text, kept, dropped):
    tasks = found(extractor, text, "task", title)
    assert kept in tasks
    assert dropped is None or dropped not in tasks
