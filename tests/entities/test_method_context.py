"""`kg_compared` (extractors/entities/method_context.py): methods named by their context,
one test per rule, with sentences that must and must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from extractors.entities.method_context import list_start
from tests.entities.helpers import found


def methods(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "method", title)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We review LLM-driven architectures like QuillRec and Nexus4Rec in detail.", ["QuillRec", "Nexus4Rec"]),
        ("Early multi-agent systems such as MOBRF coordinate bidding.", ["MOBRF"]),
        ("Classic approaches, e.g. TreeMatchX, scale poorly.", ["TreeMatchX"]),
        ("We include baselines (KaleNet, StarGNN) in every table.", ["KaleNet", "StarGNN"]),
    ],
)
def test_method_context_examples_of_a_method_noun_are_methods(extractor, text, names):
    got = methods(extractor, text)
    assert all(name in got for name in names), got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a bracket after a noun other than `baselines` defines its acronym
        ("Conversational recommender systems (CRSs) talk with users.", "CRSs"),
        # plain words are not coined names
        ("Older methods such as Winnowing are cheap.", "Winnowing"),
        # the paper's own name is proposed, not an existing method
        ("We propose OrbitRec. Unlike models such as OrbitRec, others fail.", "OrbitRec"),
    ],
)
def test_method_context_examples_not_methods(extractor, text, wrong):
    assert wrong not in methods(extractor, text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "It evaluates hashing approaches (MinHash, SimHash, QuartzHash, FernHash) on code.",
            ["QuartzHash", "FernHash"],
        ),
        ("We encode the graph with GCN, GAT and HexaConv layers.", ["HexaConv"]),
        ("The ranking uses BM25 or DeepImpactX for the first stage.", ["DeepImpactX"]),
    ],
)
def test_method_context_listed_with_a_method_are_methods(extractor, text, names):
    got = methods(extractor, text)
    assert all(name in got for name in names), got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # no method in the list
        ("We test on QuartzBench, FernSet and OakQA.", "FernSet"),
        # an open list (no `and`/`or`, no brackets) may be anything
        ("Then we keep GCN, HexaConv, the rest is plain.", "HexaConv"),
        # a list that would cut a longer name: `GPT-5.2 Pro, Perplexity Deep Research`
        ("We use GPT-4, Gemini 3 Pro, LumenX Deep Search and ExaSets.", "LumenX"),
        # the paper's own name
        ("We propose HexaConv. It stacks GCN, GAT and HexaConv layers.", "HexaConv"),
    ],
)
def test_method_context_listed_with_a_method_not_methods(extractor, text, wrong):
    assert wrong not in methods(extractor, text)


@pytest.mark.parametrize(
    ("before", "starts"),
    [
        ("", True),
        ("We use (", True),
        ("the methods:", True),
        ("hashing approaches", True),
        ("Deep", False),  # inside a longer name: `Perplexity Deep Research`
        ("SimHash,", False),  # inside a list
        ("A and", False),
    ],
)
def test_method_context_list_start(before, starts):
    assert list_start(before) is starts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The texts are encoded with ZephBERT embeddings.", "ZephBERT"),
        ("We train a LinearSVCX classifier on TF-IDF features.", "LinearSVCX"),
        ("We use KiteGCF as the base model of the transfer.", "KiteGCF"),
    ],
)
def test_method_context_named_before_head_is_a_method(extractor, text, name):
    assert name in methods(extractor, text)


@pytest.mark.parametrize(
    ("text", "wrong", "title"),
    [
        ("Our KiteGCF model transfers across domains.", "KiteGCF", None),
        ("We present a novel FernNet architecture.", "FernNet", None),
        ("The KiteGCF model transfers across domains.", "KiteGCF", "KiteGCF: Transfer by Kites"),
        ("A README-only model flags malware.", "README-only", None),  # a kind of model
        ("An OCR model reads the scans.", "OCR", None),  # a task's acronym
    ],
)
def test_method_context_named_before_head_not_methods(extractor, text, wrong, title):
    assert wrong not in methods(extractor, text, title)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Our approach utilizes CRANE-SLAM and KITE-FLOW to measure drift.", ["CRANE-SLAM", "KITE-FLOW"]),
        ("We present an agent grounded in MNE-Pyx for EEG analysis.", ["MNE-Pyx"]),
        ("The ranker is built on SpladeX.", ["SpladeX"]),
    ],
)
def test_method_context_used_names_are_methods(extractor, text, names):
    got = methods(extractor, text)
    assert all(name in got for name in names), got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("We use English and German text.", "English"),  # not coined
        ("Using MovieLens-1M, we test the model.", "MovieLens-1M"),  # a dataset
        ("We propose KiteRec. Using KiteRec, shops sell more.", "KiteRec"),  # the paper's own
    ],
)
def test_method_context_used_not_methods(extractor, text, wrong):
    assert wrong not in methods(extractor, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Super-resolution SR models restore details.", "SR"),  # two letters: many senses
        ("We compare the FP32 model with the INT8 model.", "FP32"),  # a number format
        # an acronym the paper defines by a task's words
        ("Text classification (TC) matters. Existing TC models are weak.", "TC"),
    ],
)
def test_method_context_never_a_method(extractor, text, wrong):
    assert wrong not in methods(extractor, text)
