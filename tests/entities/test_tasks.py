"""Task phrases built on a task head word."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("title", "text", "task"),
    [
        ("Store Graphs for Local-Life Recommendation", "Results are strong.", "local-life recommendation"),
        (None, "We target the grocery recommendation task.", "grocery recommendation"),
        (None, "It helps tasks such as compatibility prediction.", "compatibility prediction"),
        (None, "Results hold for interactive and explainable recommendation tasks.", "interactive recommendation"),
        (None, "Results hold for interactive and explainable recommendation tasks.", "explainable recommendation"),
        (None, "Gains hold for sequential and conversational recommendation.", "conversational recommendation"),
        ("LLM-based Generative Recommendation", "Results are strong.", "LLM-based recommendation"),
        (
            "Sparse Graphs for Multi-Channel Traffic Allocation",
            "Results are strong.",
            "multi-channel traffic allocation",
        ),
        ("Towards Query Understanding in Voice Shopping", "Results are strong.", "query understanding"),
        ("A Tale of Two Towers for Podcast Episode Ranking", "Results are strong.", "podcast episode ranking"),
        (None, "Prior work on Whole Basket Completion (WBC) is sparse; tasks like WBC need context.", "WBC"),
        ("Partial Overlap", "We study multimodal recommendation unlearning.", "recommendation unlearning"),
    ],
)
def test_tasks_phrases_built_on_a_task_word(extractor, title, text, task):
    assert task in found(extractor, text, "task", title)


@pytest.mark.parametrize(
    "text",
    [
        "We aim at accurate recommendation and effective retrieval.",
        "Improving recommendation is hard.",
        "Shops want more accurate and personalized recommendations.",
    ],
)
def test_tasks_evaluative_phrases_are_not_tasks(extractor, text):
    assert found(extractor, text, "task") == []


@pytest.mark.parametrize(
    ("title", "not_task"),
    [
        ("Hierarchical Store Tokenization for Sequential Recommendation", "hierarchical store tokenization"),
        ("A Graph Retrieval Framework", "graph retrieval"),
        ("Lightweight Adapters for On-Device Assistant Systems", "on-device assistant systems"),
        ("Fast Inference for Recommendation", "fast inference"),
    ],
)
def test_tasks_title_approach_before_for_is_not_the_task(extractor, title, not_task):
    assert not_task not in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    ("title", "not_task", "task"),
    [
        ("Training Search Agents with Step Rewards", "training search", None),
        ("Beyond Classification: Ranking Coughs by Severity", "beyond classification", None),
        ("Streaming Recommendation with Graph Memory", None, "streaming recommendation"),
        ("Benchmarking Table Retrieval for Agents", "benchmarking table retrieval", "table retrieval"),
    ],
)
def test_tasks_title_opening_verb_or_preposition_is_not_part_of_the_task(extractor, title, not_task, task):
    tasks = found(extractor, "Results are strong.", "task", title)
    assert not_task not in tasks
    assert task is None or task in tasks


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Recommending Podcasts Using Listening Graphs", "podcast recommendation"),
        ("Predicting Churn with Session Embeddings", "churn prediction"),
        ("Towards Explainable Recommender Systems", "explainable recommendation"),
        ("Graph Priors for Multi-Stakeholder Recommender Systems", "multi-stakeholder recommendation"),
    ],
)
def test_tasks_title_verb_or_system_names_the_task(extractor, title, task):
    assert task in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    "title",
    [
        "Harnessing LLMs to Overcome Recommender System Failures",
        "How Recommender Systems Shape Taste",
        "On Sequentially Aware Recommender Systems",
        "Co-Designing Recommender Systems with Artists",
        "Efficient Recommender Systems",  # an evaluative word
    ],
)
def test_tasks_title_words_before_the_system_that_do_not_narrow_it(extractor, title):
    assert not [t for t in found(extractor, "Results are strong.", "task", title) if t != "recommendation"]


def test_tasks_acronym_named_as_a_task_is_not_proposed(extractor):
    text = "We study Whole Basket Completion (WBC). Prior methods for the WBC task are slow."
    assert "WBC" in found(extractor, text, "task", "Better Whole Basket Completion via Graphs")
    assert "WBC" not in found(extractor, text, "proposed", "Better Whole Basket Completion via Graphs")


@pytest.mark.parametrize(
    ("title", "text", "acronym", "long_form"),
    [
        (
            "A Survey of Basket-Level Retrieval",
            "Basket-Level Retrieval (BLR) returns whole carts at once.",
            "BLR",
            "basket-level retrieval",
        ),
        (
            None,
            "We study Knowledge-based Visual Question Answering (KB-VQA) over catalogues.",
            "KB-VQA",
            "visual question answering",
        ),
    ],
)
def test_tasks_defined_by_an_acronym_go_by_the_acronym(extractor, title, text, acronym, long_form):
    tasks = found(extractor, text, "task", title)
    assert acronym in tasks and long_form not in tasks
