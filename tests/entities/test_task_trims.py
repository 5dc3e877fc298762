"""Words a task phrase drops before its name (issue 15): a possessive's `s`, a method
name that says how, and two-word phrases that are never tasks; and a lexicon task
named only inside a narrower one."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def tasks(extractor: EntityExtractor, abstract: str) -> list[str]:
    return found(extractor, abstract, "task", "A Title")


@pytest.mark.parametrize(
    ("text", "task", "wrong"),
    [
        (
            "We study Huntington's gait classification tasks with wrist sensors.",
            "gait classification",
            "s gait classification",
        ),
        ("Crohn’s flare prediction tasks are hard for small clinics.", "flare prediction", "s flare prediction"),
        (
            "We study deep learning wheat yield estimation tasks in dry regions.",
            "wheat yield estimation",
            "deep learning wheat yield estimation",
        ),
        (
            "We study machine learning-based soil moisture prediction problems.",
            "soil moisture prediction",
            "-based soil moisture prediction",
        ),
    ],
)
def test_task_phrase_drops_leading_words(extractor: EntityExtractor, text: str, task: str, wrong: str) -> None:
    found_tasks = tasks(extractor, text)
    assert task in found_tasks
    assert wrong not in found_tasks


@pytest.mark.parametrize(
    ("text", "task"),
    [
        # `learning` as the phrase's own head stays (`representation learning`)
        ("We study shopper representation learning tasks for kiosks.", "shopper representation learning"),
        # `learning` inside a hyphenated compound is not a method's name
        ("We study multi-learning-path recommendation tasks at schools.", "multi-learning-path recommendation"),
    ],
)
def test_task_phrase_keeps_learning_as_head(extractor: EntityExtractor, text: str, task: str) -> None:
    assert any(t.endswith(task) for t in tasks(extractor, text))


def test_task_next_generation_is_no_task(extractor: EntityExtractor) -> None:
    text = "We study the next generation problem of kiosks and the new generation tasks."
    assert not {"next generation", "new generation"} & set(tasks(extractor, text))


def test_task_named_only_inside_a_narrower_task_goes(extractor: EntityExtractor) -> None:
    found_tasks = found(
        extractor,
        "In long structured document retrieval, kiosks index forms. Our long structured document retrieval tool wins.",
        "task",
        "Faster Long Structured Document Retrieval for Kiosks",
    )
    assert "long structured document retrieval" in found_tasks
    assert "document retrieval" not in found_tasks


def test_task_named_also_alone_stays(extractor: EntityExtractor) -> None:
    found_tasks = found(
        extractor,
        "Document retrieval over forms is slow. We study long structured document retrieval for kiosks.",
        "task",
        "Faster Long Structured Document Retrieval for Kiosks",
    )
    assert {"long structured document retrieval", "document retrieval"} <= set(found_tasks)
