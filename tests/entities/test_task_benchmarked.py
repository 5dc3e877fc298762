"""Task phrases read before a benchmark noun or in a list after a task word (issue 15); each
with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def tasks(extractor: EntityExtractor, abstract: str) -> list[str]:
    return found(extractor, abstract, "task", "A Title")


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We test the probe on four lichen image classification benchmarks and win.", "lichen image classification"),
        ("Gains hold across two glacier forecasting benchmarks with sparse gauges.", "glacier forecasting"),
        ("On the standard knot diagram segmentation benchmark, errors halve.", "knot diagram segmentation"),
        # a benchmark's name before the task is not a modifier of it
        ("Scores rise on the ZEBRAQ tide prediction benchmark by three points.", "tide prediction"),
        ("We report results on the FooBar-X citation retrieval benchmark suite.", "citation retrieval"),
    ],
)
def test_task_before_a_benchmark_noun(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # `evaluation benchmarks` name the benchmark's kind
        ("We release held-out evaluation benchmarks for quilting agents.", "held-out evaluation"),
        ("Our suite joins the official sandbox evaluation benchmark of the venue.", "sandbox evaluation"),
        # a head alone after a benchmark's name is no task
        ("Results on the KNOTS retrieval benchmark are mixed for every lamp.", "KNOTS retrieval"),
        # evaluative words do not narrow a task
        ("We add realistic glacier forecasting benchmarks for alpine basins.", "realistic glacier forecasting"),
        # the phrase must end right before the noun
        ("The recommendation of glaciers via our benchmark is discussed.", "glaciers recommendation"),
    ],
)
def test_task_before_a_benchmark_noun_not(extractor: EntityExtractor, text: str, wrong: str) -> None:
    assert wrong not in tasks(extractor, text)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        (
            "We test three tasks: kelp canopy segmentation, reef noise classification and more.",
            "kelp canopy segmentation",
        ),
        (
            "We study two problems, namely glacier calving prediction and ice flow estimation.",
            "glacier calving prediction",
        ),
        ("Results span several tasks (e.g., lichen image retrieval) in the field.", "lichen image retrieval"),
    ],
)
def test_task_opening_a_list_after_a_task_word(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the uses of what the paper makes
        ("The embeddings feed downstream tasks, including parcel route prediction.", "parcel route prediction"),
        ("The embeddings feed downstream tasks: parcel route prediction and more.", "parcel route prediction"),
        # a comma after `tasks` that opens no list
        ("We add tasks, and parcel route prediction improves by a lot.", "parcel route prediction"),
    ],
)
def test_task_opening_a_list_after_a_task_word_not(extractor: EntityExtractor, text: str, wrong: str) -> None:
    assert wrong not in tasks(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "We test three tasks: kelp canopy segmentation, reef noise classification, and tide forecasting.",
        "It covers tasks such as kelp canopy segmentation, reef noise classification or tide forecasting.",
    ],
)
def test_task_later_items_of_a_list_after_a_task_word(extractor: EntityExtractor, text: str) -> None:
    assert {"reef noise classification", "tide forecasting"} <= set(tasks(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        # a list that a task word does not open
        "Our kiosks, the reef noise classification and tide forecasting are cheap.",
        # the list ended at a full stop
        "We test three tasks: kelp canopy segmentation. Reef noise classification and tide forecasting vary.",
    ],
)
def test_task_later_items_of_a_list_not(extractor: EntityExtractor, text: str) -> None:
    assert "tide forecasting" not in tasks(extractor, text)
