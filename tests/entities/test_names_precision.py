"""Proposed names that are not the paper's own: a generic word, a measure, an existing thing
named in a sentence about the paper's own, a plural acronym (a class), a name cut short.
Each rule with the phrasings that must still be read as proposed."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a generic word as a placeholder, at a sentence start or as a title head
        ("We present Method, a gradient-boosted framework for pebble risk prediction.", None, "Method"),
        ("Model: a study of lantern sizes.", "Model: Lantern Sizes in Old Towns", "Model"),
        # a measure the paper defines: by the long form's head, the noun after the acronym,
        # the name's ending, a cut-off, or the appositive
        ("We propose the Kite Safety-Aware Landing Score (KSALS), a metric of five dimensions.", None, "KSALS"),
        ("Our agent computes a Quiet Lantern Index (QLI) score for each street.", None, "QLI"),
        (
            "We propose PEBB, Replay Samples with Maximal PebbleScore, an incremental learning framework.",
            None,
            "PebbleScore",
        ),
        ("The proposed approach achieves a Stone_Rate@5 of 94.3 %, compared to 31.4 % for BM25.", None, "Stone_Rate"),
        ("We introduce KiteGap, a novel evaluation metric for kite flight.", None, "KiteGap"),
        # an existing formalism the problem is cast as
        (
            "We formulate kite routing as a cooperative Markov Decision Process (MDP) and train a network.",
            None,
            "MDP",
        ),
        ("We propose PebbleRL, a framework that models sorting as a Partially Observed Game (POG).", None, "POG"),
        # an edition of a recurring thing
        ("We present an approach for the 11th Lantern Behaviour Analysis (LBA) Challenge.", None, "LBA"),
        ("KiteBench holds entries of the 2025 Common Kite Enumeration (CKE) Top 25.", "KiteBench: Kites", "CKE"),
        # the object of a preposition or a list item before an appositive
        (
            "Implemented with Mistral-8B, Milvus and kiteLLM, the system answers most questions, a novel feat.",
            None,
            "kiteLLM",
        ),
        ("We first test on PEBBLE-0, an extremely hard benchmark for agents.", None, "PEBBLE-0"),
        # a plural acronym: a class of existing things
        ("This paper introduces Bifocal dKLMs, a new paradigm that resolves this dilemma.", None, "dKLMs"),
        ("We present Kite Forcing (KForce) for dKLMs, a distillation method for masks.", None, "dKLMs"),
        ("Graph Pebble Models (GPMs) have attracted attention.", "An Evaluation of GPMs for Stones", "GPM"),
        # a coined word that starts a long form: the acronym is the name
        (
            "We propose Multi-LLM Iterative Pebble-Adaptive Summarization (MIPAS), a framework for notes.",
            None,
            "Multi-LLM",
        ),
        # a name cut short: its second coined word belongs to it
        ("We introduce FAIR PebbleRAG, a novel framework over FAIR digital objects.", None, "FAIR"),
    ],
)
def test_names_precision_not_proposed(extractor, text, title, name):
    assert name not in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("We propose the Kite Safety-Aware Landing Score (KSALS), a metric of five dimensions.", "metric", "KSALS"),
        ("Our agent computes a Quiet Lantern Index (QLI) score for each street.", "metric", "QLI"),
        ("We introduce KiteGap, a novel evaluation metric for kite flight.", "metric", "KiteGap"),
    ],
)
def test_names_precision_a_defined_measure_is_a_metric(extractor, text, kind, name):
    assert name in found(extractor, text, kind)


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a coined name that is not generic, not a measure, not used
        ("We present MethodX, a gradient-boosted framework for pebble risk prediction.", None, "MethodX"),
        ("We propose a Chain Pebble Ranking (CPR) method for stones.", None, "CPR"),
        ("We propose Pebble Spectral Range (PSR), which updates stones along the steepest direction.", None, "PSR"),
        # `as` with no casting verb: the paper's own
        ("We propose StoneNet as a Lantern Routing Network (LRN) for towns.", None, "StoneNet"),
        # a list item or a prepositional object that the appositive or the sentence calls new
        ("Evaluating on PebbleQA, a novel dataset of stone questions, we show gains.", None, "PebbleQA"),
        ("We introduce KiteSim, a kite simulator, and KiteBench, a monitoring benchmark.", None, "KiteBench"),
        # a plural acronym the paper defines as its own, singular
        ("We propose bipartite pebble models (BPMs) for stone sorting.", None, "BPM"),
        # the acronym after a coined word that is not its long form
        ("We propose GraphX using Graph Attention (GA) to rank items.", None, "GraphX"),
        # a title head of two words, the second coined: the whole name
        ("It answers questions about stones.", "FAIR PebbleRAG: Retrieval for Stones", "FAIR PebbleRAG"),
        ("We introduce FAIR PebbleRAG, a novel framework over FAIR digital objects.", None, "FAIR PebbleRAG"),
        ("We propose KITE for routing kites.", None, "KITE"),
        ("We propose Bagging-based rObust mOdel Merging (BOMM), which merges models.", None, "BOMM"),
        # ... but an all-capitals second word is what the first is for
        ("It samples stones.", "FLARE MCMC: Layer-Adaptive Proposals for MCMC", "FLARE"),
    ],
)
def test_names_precision_still_proposed(extractor, text, title, name):
    assert name in found(extractor, text, "proposed", title)
