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
        ("EEG-Based Emotion Recognition in Short Trials", "eeg-based emotion recognition"),
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
