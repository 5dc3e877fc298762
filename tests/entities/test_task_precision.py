"""Task rules that keep phrases that are not tasks out: a title phrase whose only
modifier says how it is done, a verb in -ing before a title's head, and lists after a
bare `such as`/`including`; each with the phrasings that must still match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def tasks(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "task", title)


@pytest.mark.parametrize(
    "title",
    [
        "Inpainting Depth Maps via Uncertainty-Guided Completion",
        "Grounded Agents with Ranking-Aware Verification",
        "Echo-Based Retrieval: A Memory Store for Agents",
    ],
)
def test_task_title_how_compound_alone_is_not_a_task(extractor: EntityExtractor, title: str) -> None:
    assert not [
        t
        for t in tasks(extractor, "Results are strong.", title)
        if t.endswith(("completion", "verification", "retrieval"))
    ]


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Session-Based Recommendation with Graph Priors", "session-based recommendation"),
        ("Knowledge-Aware Recommendation at Scale", "knowledge-aware recommendation"),
        ("EEG-Based Emotion Recognition in Short Trials", "EEG-based emotion recognition"),
        ("Noise-aware Coreset Selection for Sparse Logs", "coreset selection"),
    ],
)
def test_task_title_compound_that_still_names_a_task(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    "title",
    ["Curriculum Schemes for Training Retrieval Agents", "Rethinking How We Are Evaluating Retrieval at Scale"],
)
def test_task_title_verb_before_head_is_not_a_modifier(extractor: EntityExtractor, title: str) -> None:
    assert not [t for t in tasks(extractor, "Results are strong.", title) if t.endswith("retrieval")]


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Streaming Recommendation under Drift", "streaming recommendation"),
        ("Scalable Clustering Retrieval for Logs", "clustering retrieval"),
    ],
)
def test_task_title_noun_in_ing_still_modifies(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


def test_task_bare_such_as_list_is_not_the_papers_task(extractor: EntityExtractor) -> None:
    text = "Sparse indexes underpin applications such as recipe search and poem generation. We shrink them."
    assert not {"recipe search", "poem generation"} & set(tasks(extractor, text, "A Title"))


@pytest.mark.parametrize(
    "text",
    [
        "We study tasks such as recipe search and poem generation with one model.",
        "The benchmark holds tasks including recipe search and poem generation.",
    ],
)
def test_task_tasks_such_as_list_still_states_tasks(extractor: EntityExtractor, text: str) -> None:
    assert "recipe search" in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("title", "abstract", "task", "not_task"),
    [
        (
            "Attention Tricks for Stable Sequential Recommendation",
            "Sequential recommendation predicts the next item. We add a gate.",
            "sequential recommendation",
            "stable sequential recommendation",
        ),
        (
            "Towards Trustworthy Bundle Recommendation",
            "Bundle recommendation suggests item sets. We calibrate it.",
            "bundle recommendation",
            "trustworthy bundle recommendation",
        ),
    ],
)
def test_task_title_adjective_the_abstract_drops(
    extractor: EntityExtractor, title: str, abstract: str, task: str, not_task: str
) -> None:
    found_tasks = tasks(extractor, abstract, title)
    assert task in found_tasks and not_task not in found_tasks


@pytest.mark.parametrize(
    ("title", "abstract", "task"),
    [
        # the abstract uses the title's long form: it stays
        (
            "Towards Trustworthy Bundle Recommendation",
            "Trustworthy bundle recommendation needs calibrated scores. We calibrate.",
            "trustworthy bundle recommendation",
        ),
        # a word that says which task is kept even where the abstract drops it
        (
            "Prompt Tricks for Biomedical Document Retrieval",
            "Document retrieval finds relevant papers. We expand queries.",
            "biomedical document retrieval",
        ),
        # an acronym's compound names a kind of task
        (
            "Scoring Rules for LLM-Based Essay Evaluation",
            "Essay evaluation grades student texts. We calibrate judges.",
            "LLM-based essay evaluation",
        ),
    ],
)
def test_task_title_long_form_kept(extractor: EntityExtractor, title: str, abstract: str, task: str) -> None:
    assert task.lower() in [t.lower() for t in tasks(extractor, abstract, title)]


def test_task_cold_start_outside_recommendation_is_no_task(extractor: EntityExtractor) -> None:
    text = "A short SFT stage gives the policy cold-start ability before RL. We train on math."
    assert "cold-start" not in tasks(extractor, text, "Staged Training of Reasoning Policies")


def test_task_cold_start_in_a_recommendation_paper(extractor: EntityExtractor) -> None:
    text = "New items suffer from the cold-start problem. We borrow content features."
    assert "cold-start recommendation" in tasks(extractor, text, "Content Priors for Item Recommendation")
