"""Task phrases without a `task` word: the wider head words, an abstract's opening
phrase, a phrase the abstract names twice; and phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def tasks(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "task", title)


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("HyM-UNet: Hybrid Convolutions for Medical Image Segmentation", "medical image segmentation"),
        ("A Wavelet Network for Short-Term Precipitation Nowcasting", "short-term precipitation nowcasting"),
        ("Graph Adapters for Document Question Answering", "document question answering"),
        ("Topic Mining Based on Sentence Embeddings", "topic mining"),
        ("Prosodic Error Analysis of Neural Speech Vocoders", "prosodic error analysis"),
    ],
)
def test_task_title_phrase_on_a_wider_head_word(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Mechanistic interpretability often relies on ablations. We add a probe.", "mechanistic interpretability"),
        ("Operational hazard analysis of aviation systems is costly. We automate it.", "operational hazard analysis"),
        ("Modern music recommendation is multimodal. We align audio and text.", "music recommendation"),
        ("In legal case retrieval, queries are long. We weight sections.", "legal case retrieval"),
    ],
)
def test_task_abstract_opening_phrase(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


def test_task_phrase_the_abstract_names_twice(extractor: EntityExtractor) -> None:
    text = (
        "We build a corpus of tickets. Our model improves ticket routing accuracy. Ticket routing errors fall by half."
    )
    assert "ticket routing" in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    "text",
    [
        # a phrase named once, past the opening, with no task word: a use, not the problem
        "We build a corpus of tickets. The model learns features for relevance estimation.",
        # the opening phrase must start the sentence: not a verb's object
        "Clinicians need ranking systems that run in real time. We build one.",
        "We propose base sequence analysis, a framework. It works.",
        # learning is not a task head (`deep learning`, `contrastive learning` are methods)
        "Contrastive learning is popular. Contrastive learning helps.",
    ],
)
def test_task_phrases_that_are_not_the_papers_problem(extractor: EntityExtractor, text: str) -> None:
    found = tasks(extractor, text, "A Title")
    assert not [t for t in found if t.endswith(("estimation", "ranking", "analysis", "learning"))], found


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("MedSlice: Fine-Tuned LLMs for Secure Clinical Note Sectioning", "clinical note sectioning"),
        ("Multi-Agent Oracle Systems for Prediction Market Resolution", "prediction market resolution"),
        ("A Benchmark for Disaster Management", "disaster management"),
        ("Modular Agents for Fostering Responsible Learning Assistance", "learning assistance"),
    ],
)
def test_task_title_tail_on_an_activity_word(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    "title",
    [
        "A Hippocampus for Linear Attention",  # a mechanism, not an activity
        "Learning Universal Embeddings for Cross-Domain User Representations",
        "Contrastive Pretraining for Deep Learning",  # a means
        "Agents for Tiered LLM Architectures",  # not an activity word
    ],
)
def test_task_title_tail_that_names_no_activity(extractor: EntityExtractor, title: str) -> None:
    assert tasks(extractor, "Results are strong.", title) == []


@pytest.mark.parametrize(
    ("text", "task", "not_task"),
    [
        ("Modern e-commerce search is multimodal. We align images.", "e-commerce search", "commerce search"),
        ("We study ticket routing. Our ticket routing model is fast.", "ticket routing", "study ticket routing"),
    ],
)
def test_task_modifiers_e_commerce_and_not_a_research_verb(
    extractor: EntityExtractor, text: str, task: str, not_task: str
) -> None:
    found = tasks(extractor, text, "A Title")
    assert task in found and not_task not in found


@pytest.mark.parametrize(
    ("title", "task", "not_task"),
    [
        ("Stringology-Based Motif Discovery in Sensor Streams", "motif discovery", "stringology-based motif discovery"),
        ("Noise-aware Coreset Selection for Training", "coreset selection", "noise-aware coreset selection"),
        ("Text-Guided Image Editing at Scale", "image editing", "text-guided image editing"),
        # a compound on an acronym names a kind of task; and a bare head keeps its compound
        ("EEG-Based Depression Recognition with Transformers", "EEG-based depression recognition", None),
        ("Sentiment-Aware Recommendation in Retail", "sentiment-aware recommendation", None),
    ],
)
def test_task_title_compound_that_says_how_is_not_part_of_the_task(
    extractor: EntityExtractor, title: str, task: str, not_task: str | None
) -> None:
    found = [t.casefold() for t in tasks(extractor, "Results are strong.", title)]
    assert task.casefold() in found and not_task not in found, found


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Effective memory management is essential for agents. We add a store.", "memory management"),
        ("Local-cloud collaboration is a practical way to serve models. We route.", "local-cloud collaboration"),
        ("While post-training quantization is cheap, accuracy drops. We fix it.", "post-training quantization"),
    ],
)
def test_task_abstract_opening_phrase_on_an_activity_word(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    "text",
    [
        "Text-to-image diffusion models are deployed widely. We study them.",  # the phrase goes on
        "The rapid advancement of agents is striking. We study them.",  # no verb right after
        "Vision-language foundation models show zero-shot gains. We adapt them.",
    ],
)
def test_task_abstract_opening_activity_word_that_is_not_the_subject(extractor: EntityExtractor, text: str) -> None:
    assert tasks(extractor, text, "A Title") == []


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("CartMind: A Base Model for Query-to-Basket Completion in Agentic Shopping", "agentic shopping"),
        ("CartMind: A Base Model for Query-to-Basket Completion in Agentic Shopping", "query-to-basket completion"),
        ("Multi-Agent RL for Online Traffic Scheduling in Time-Sensitive Networks", "traffic scheduling"),
    ],
)
def test_task_title_tail_ends_before_the_next_preposition(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We present Lumo, an index for cross-lingual patent search. It is fast.", "cross-lingual patent search"),
        ("This paper builds a pipeline for efficient recipe retrieval on phones.", "recipe retrieval"),
        ("Our agents coordinate tools for wildfire risk prediction. Tests agree.", "wildfire risk prediction"),
    ],
)
def test_task_purpose_of_the_papers_own_work(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    "text",
    [
        # `for X` outside a sentence about the paper's own work is a use
        "Features for recipe retrieval are sparse. Lumo is fast.",
        # a how-compound or a comparative before the head is not a task
        "We train agents for mind-inspired generation. Tests agree.",
        "We add context for richer modeling of users. Tests agree.",
    ],
)
def test_task_purpose_not_matched(extractor: EntityExtractor, text: str) -> None:
    assert not [t for t in tasks(extractor, text, "A Title") if t.endswith(("retrieval", "generation", "modeling"))]


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Sheaf Maps for Patent Representation Learning", "patent representation learning"),
        ("Towards Robust Representation Learning", "representation learning"),
    ],
)
def test_task_representation_learning_is_a_head(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


def test_task_learning_alone_is_no_head(extractor: EntityExtractor) -> None:
    assert not tasks(extractor, "Results are strong.", "Sheaf Maps for Patent Contrastive Learning")
