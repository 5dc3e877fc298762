"""Task rules of the q-tasks4 pass: a lexicon task named once, in passing, as
background is dropped (`task_passing`), with each way it is still kept; a plain-word
metric may modify a task head (`latency prediction`); a title participle the abstract
drops (`Informed Dataset Selection`); a title's narrower task leaves the abstract's
broader one; a kind of study (`comparative analysis`) is not a task."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found

OPENING = "Graph learners are widely studied in many settings today."
CLOSING = "Results on three corpora confirm the gains."


def tasks(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "task", title)


@pytest.mark.parametrize(
    "middle",
    [
        "Current search engines combine candidate generation and ranking approaches.",
        "Such gaps hamper later uses such as summarization and question answering.",
        "It remains far more pronounced than in other widely used dense retrieval baselines.",
        "Traditional pipelines often rely on several Named Entity Recognition models to extract facets.",
    ],
)
def test_task_lexicon_task_named_once_in_passing_is_dropped(extractor: EntityExtractor, middle: str) -> None:
    abstract = f"{OPENING} {middle} {CLOSING}"
    assert not tasks(extractor, abstract, "Spectral Filters for Tabular Logs")


@pytest.mark.parametrize(
    ("title", "middle", "task"),
    [
        # title: the title names it
        ("Spectral Filters for Dense Retrieval", "Baselines use dense retrieval encoders.", "dense retrieval"),
        # repeated: named twice in the abstract
        (
            "Spectral Filters for Tabular Logs",
            "Dense retrieval encoders are strong. Our filters help dense retrieval at scale.",
            "dense retrieval",
        ),
        # own: a sentence about the paper's own work
        ("Spectral Filters for Tabular Logs", "We apply the filters to dense retrieval.", "dense retrieval"),
        # stated: the sentence calls it a task
        ("Spectral Filters for Tabular Logs", "Gains hold on the sentiment analysis task.", "sentiment analysis"),
    ],
)
def test_task_lexicon_task_kept_where_not_in_passing(
    extractor: EntityExtractor, title: str, middle: str, task: str
) -> None:
    assert task in tasks(extractor, f"{OPENING} {middle} {CLOSING}", title)


def test_task_lexicon_task_named_once_without_a_background_cue_is_kept(extractor: EntityExtractor) -> None:
    middle = "Their errors compound in sentiment analysis over long reviews."
    abstract = f"{OPENING} {middle} {CLOSING}"
    assert "sentiment analysis" in tasks(extractor, abstract, "Spectral Filters for Tabular Logs")


def test_task_lexicon_task_in_the_papers_field_is_kept(extractor: EntityExtractor) -> None:
    middle = "Existing dense retrieval methods ignore the dialogue history."
    abstract = f"{OPENING} {middle} {CLOSING}"
    assert "dense retrieval" in tasks(extractor, abstract, "Robust Conversational Retrieval under Query Noise")


def test_task_lexicon_task_kept_in_opening_and_closing_sentence(extractor: EntityExtractor) -> None:
    title = "Spectral Filters for Tabular Logs"
    middle = "Graph learners remain costly."
    opening = "Dense retrieval is a cornerstone of modern search engines."
    closing = "These results point to better question answering systems."
    found_tasks = tasks(extractor, f"{opening} {middle} {closing}", title)
    assert "dense retrieval" in found_tasks
    assert "question answering" in found_tasks


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Latency Prediction on Heterogeneous Edge Devices", "latency prediction"),
        ("Agents for Throughput Prediction in Dense City Cells", "throughput prediction"),
    ],
)
def test_task_plain_metric_word_modifies_a_head(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


def test_task_acronym_metric_keeps_the_lexicon_task(extractor: EntityExtractor) -> None:
    abstract = "Online, the CTR of the ads rises by 2.1% over the baseline."
    found_tasks = tasks(extractor, abstract, "FedMX: Feature Hashing for Multi-Market CTR Prediction")
    assert "CTR prediction" in found_tasks
    assert "multi-market ctr prediction" not in found_tasks


def test_task_title_framework_word_still_marks_the_approach(extractor: EntityExtractor) -> None:
    assert not any(
        t.endswith("retrieval") for t in tasks(extractor, "Results are strong.", "A Graph Retrieval Framework")
    )


def test_task_title_participle_the_abstract_drops(extractor: EntityExtractor) -> None:
    title = "ARC Lens: Charting Score Spaces for Informed Dataset Selection"
    abstract = "Dataset selection is crucial for offline experiments. We build a tool."
    found_tasks = tasks(extractor, abstract, title)
    assert "dataset selection" in found_tasks
    assert "informed dataset selection" not in found_tasks


def test_task_title_participle_kept_where_the_abstract_names_it(extractor: EntityExtractor) -> None:
    title = "Learned Sparse Retrieval at Scale"
    abstract = "Learned sparse retrieval is fast. We study its index."
    assert "learned sparse retrieval" in tasks(extractor, abstract, title)


def test_task_title_narrowing_keeps_the_abstracts_broader_task(extractor: EntityExtractor) -> None:
    title = "Causal Graph Learning for ID-Free Multimodal Recommendation"
    abstract = "Multimodal recommendation has drawn wide interest. We drop item IDs."
    found_tasks = tasks(extractor, abstract, title)
    assert "multimodal recommendation" in found_tasks
    assert any(t.endswith("multimodal recommendation") and t != "multimodal recommendation" for t in found_tasks)


def test_task_title_narrowing_alone_replaces_the_broader_task(extractor: EntityExtractor) -> None:
    title = "Causal Graph Learning for ID-Free Multimodal Recommendation"
    abstract = "Item identifiers are costly to learn. We drop them and use content."
    assert "multimodal recommendation" not in tasks(extractor, abstract, title)


@pytest.mark.parametrize(
    "title",
    [
        "Comparative Analysis of Sentence Embedding Methods for Song Lyrics",
        "A Systematic Evaluation of Prompt Templates",
        "Empirical Analysis of Reviewer Agreement",
    ],
)
def test_task_kind_of_study_is_not_a_task(extractor: EntityExtractor, title: str) -> None:
    assert not any(
        t.startswith(("comparative", "systematic", "empirical")) for t in tasks(extractor, "Results are strong.", title)
    )


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Auxiliary Uncertainty Signals for LLM-Assisted Systematic Review Screening", "systematic review screening"),
        ("XMSE-Aware Adaptive Empirical Bayes Estimation", "empirical bayes estimation"),
    ],
)
def test_task_kind_of_study_in_a_longer_name_stays(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


def test_task_defined_acronym_of_a_means_is_dropped(extractor: EntityExtractor) -> None:
    middle = "Selective feedback relies on Query Performance Prediction (QPP) methods from ranking statistics."
    abstract = f"{OPENING} {middle} {CLOSING}"
    assert "QPP" not in tasks(extractor, abstract, "Explaining When Feedback Fails")


def test_task_defined_acronym_of_a_task_is_kept(extractor: EntityExtractor) -> None:
    middle = "Existing systems offer solutions for Table Detection (TD) but face errors."
    abstract = f"{OPENING} {middle} {CLOSING}"
    assert "TD" in tasks(extractor, abstract, "Refined Post-Processing for Product Tables")
