"""Coined names, acronym definitions and proposal cues."""

from __future__ import annotations

import pytest

from extractors.entities.text import initials_match, is_coined, normalise_name
from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("To this end, we propose TrailRec, a novel trail-based framework.", None, "TrailRec"),
        ("We introduce PLUMB, a unified and lightweight reranking framework.", None, "PLUMB"),
        ("In this paper, we present a model named Recformer for this task.", None, "Recformer"),
        ("We propose a mixture-of-experts framework, GRAIN-v3, to fuse modalities.", None, "GRAIN-v3"),
        ("We develop two solvers BundleVI and BundlePI for this bandit.", None, "BundlePI"),
        ("An insightful MP-Head is designed to pass messages.", None, "MP-Head"),
        ("Results are strong.", "REG4Rec: Reasoning for Generative Recommendation", "REG4Rec"),
        ("Results are strong.", "Fuse$^2$Rec: Two-Level Fusion for Search", "Fuse²Rec"),
        ("We propose Layered Residual Quantization (LRQ), a tokenizer.", None, "LRQ"),
        ("We propose the Dual Sparse Routing Paradigm for CVR estimation (DSRCVR).", None, "DSRCVR"),
        ("Code is at https://github.com/someone/H2Rec.", None, "H2Rec"),
        ("We study basket-aware cache routing (abbreviated as bCaR) for serving.", None, "bCaR"),
        ("Results are strong.", "G^2Rank: Two-Graph Ranking for Search", "G²Rank"),
        ("We propose Dual-Graph Dual-Tower Ranking (D^2TR), a ranker.", None, "D²TR"),
    ],
)
def test_names_finds_what_the_paper_coins(extractor, text, title, name):
    assert name in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("We propose a novel framework that leverages LLMs for ranking.", None),
        ("We propose a simple model and a new approach.", None),
        ("We introduce Multi-Modal signals into a Model-Agnostic pipeline.", None),
        ("Existing methods such as SASRec and BERT4Rec are strong.", None),
        ("We present results on 10 pages of text in 2024.", None),
        ("Results are strong.", "Text Is All You Need: Learning Representations"),
        ("We propose an LLM-assisted topic refinement loop for small corpora.", None),
        ("We design a KG-grounded retriever for legal questions.", None),
    ],
)
def test_names_generic_words_are_not_proposed(extractor, text, title):
    assert found(extractor, text, "proposed", title) == []


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("The discrepancy is measured by Maximum Mean Discrepancy (MMD) between domains.", "method", "MMD"),
        ("Cross-market Sequential Recommendation (CMSR) enriches sparse markets.", "task", "CMSR"),
    ],
)
def test_names_acronym_definitions_without_a_cue_are_methods_or_tasks(extractor, text, kind, name):
    assert name in found(extractor, text, kind)
    assert name not in found(extractor, text, "proposed")


def test_names_title_case_stage_or_module_of_a_proposing_paper_is_proposed(extractor):
    text = (
        "We propose HopRec for bundle suggestions. During the second Basket Pruning Stage (BPS), "
        "unlikely items are dropped, and a Price Gating Module (PGM) weighs the rest."
    )
    assert {"HopRec", "BPS", "PGM"} <= set(found(extractor, text, "proposed"))


def test_names_optimization_long_form_of_a_proposing_paper_is_its_method(extractor):
    text = (
        "We introduce TrailBot, an agent for web tasks. At its core, TrailBot employs "
        "Step Reward Policy Optimization (SRPO), an objective that credits each step."
    )
    assert "SRPO" in found(extractor, text, "proposed") and "SRPO" not in found(extractor, text, "task")


def test_names_lower_case_long_form_is_a_description_not_a_proposal(extractor):
    text = (
        "We propose WeldNet for weld inspection. By adding a wave-aware pooling "
        "network (WPN), WeldNet keeps the seam edges."
    )
    assert "WPN" not in found(extractor, text, "proposed")
    # ... unless the title names it
    title = "Basket Elastic Transport for Bundle Search"
    text = "We design a framework that aligns bundles via basket elastic transport (BET)."
    assert "BET" in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    "text",
    [
        "We propose FlowNet, which outperforms open Large Audio-Language Models (LALMs) on audio tasks.",
        "We propose FlowNet, which outperforms the existing Sparse Mixture Routing (SMR) on audio tasks.",
    ],
    ids=["a-class-of-things", "a-prior-one"],
)
def test_names_title_case_definition_in_a_proposing_sentence_is_not_a_class_or_prior_one(extractor, text):
    assert found(extractor, text, "proposed") == ["FlowNet"]


def test_names_lower_case_long_form_after_a_cue_is_proposed_only_as_its_object(extractor):
    assert found(extractor, "We propose bipartite basket graphs (BBGs) for bundles.", "proposed") == ["BBG"]
    text = "We develop a secure relay integrating unmanned aerial vehicle (UAV) links."
    assert "UAV" not in found(extractor, text, "proposed")


def test_names_task_acronym_before_a_method_word_is_not_proposed(extractor):
    text = (
        "Basket Completion (BC) fills a shopping cart. "
        "This paper proposes a novel BC method with graph retrieval (GRBC)."
    )
    assert "BC" in found(extractor, text, "task") and "BC" not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    "text",
    [
        "A Price Gating Module (PGM) weighs the candidate items.",  # the paper proposes nothing
        "We propose HopRec. It weighs items with a price gating module (PGM).",  # not a name
        "We propose HopRec, built on the Convolutional Block Attention Module (CBAM).",  # a known method
    ],
)
def test_names_modules_that_are_not_the_papers_own(extractor, text):
    proposed = found(extractor, text, "proposed")
    assert "PGM" not in proposed and "CBAM" not in proposed


@pytest.mark.parametrize(
    ("text", "lexicon_name", "kind"),
    [
        # the lexicon's SVD is singular value decomposition, its SFT supervised fine-tuning
        ("Leaf disease detection (LDD) and Stem Vigour Detection (SVD) are hard. SVD matters.", "SVD", "method"),
        ("We study Sensor Fault Triage (SFT) on plant data. SFT is costly.", "supervised fine-tuning", "method"),
        # the lexicon's HR is hit ratio
        ("Questions of human resources (HR) recur. HR teams adopt chatbots.", "HR", "metric"),
    ],
)
def test_names_known_acronym_the_paper_defines_otherwise_is_not_the_lexicons(extractor, text, lexicon_name, kind):
    assert lexicon_name not in found(extractor, text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("We factorise the matrix by singular value decomposition (SVD). SVD is fast.", "method", "SVD"),
        ("Images pass through the vision encoder, visual features (ViT) feed the ranker.", "method", "ViT"),
        ("We report the Hit Ratio (HR) at 10.", "metric", "HR"),
    ],
)
def test_names_known_acronym_defined_as_the_lexicon_has_it_stays(extractor, text, kind, name):
    assert name in found(extractor, text, kind)


def test_names_acronym_long_form_is_one_word_a_letter_where_it_can_be(extractor):
    # `Policy Optimization` alone also spells PPO (P-olicy o-P-timization)
    text = "In this work, the agent is optimized with Proximal Policy Optimization (PPO)."
    assert "PPO" in found(extractor, text, "method") and "PPO" not in found(extractor, text, "task")


def test_names_title_spelling_out_a_task_names_the_task_not_a_proposal(extractor):
    title = "Lip Graphs for Robust Visual Speech Recognition"
    text = "Visual Speech Recognition (VSR) reads speech from lips. We propose LipGraph for it."
    assert "VSR" in found(extractor, text, "task", title)
    assert "VSR" not in found(extractor, text, "proposed", title)


def test_names_title_long_form_before_the_colon_is_proposed(extractor):
    title = "Plan-on-Tree: Iterative Reasoning over Search Trees"
    assert "PoT" in found(extractor, "Plan-on-Tree (PoT) expands a tree of plans.", "proposed", title)


def test_names_released_dataset_is_proposed_and_a_dataset(extractor):
    text = "In addition, we release a large-scale multilingual benchmark CartBench for retail tasks."
    assert "CartBench" in found(extractor, text, "proposed")
    assert "CartBench" in found(extractor, text, "dataset")


@pytest.mark.parametrize(
    ("text", "dataset"),
    [
        ("Gains are shown on Koala, OpenOrca, and the HelpSteer test datasets.", "OpenOrca"),
        ("Our experiments on the ToolBench-X benchmark show gains.", "ToolBench-X"),
        ("We released a dataset collected from Taobao with 100 million clicks.", "Taobao"),
    ],
)
def test_names_datasets_named_by_context(extractor, text, dataset):
    assert dataset in found(extractor, text, "dataset")


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Basket completion (BC) fills a shopping cart. Experiments on three benchmark BC datasets show gains.", "BC"),
        ("Inputs may be out-of-catalogue (OOC). We test on the OOC benchmark of prior work.", "OOC"),
    ],
)
def test_names_task_or_concept_acronym_beside_a_dataset_word_is_not_a_dataset(extractor, text, acronym):
    assert acronym not in found(extractor, text, "dataset")


@pytest.mark.parametrize(
    ("word", "coined"),
    [
        ("WebRec", True),
        ("LGSID", True),
        ("iAgent", True),
        ("G-DPO", True),
        ("H2Rec", True),
        ("Model", False),
        ("AI", False),
        ("Multi-Modal", False),
        ("MLLM-based", False),
        ("2024", False),
    ],
)
def test_names_is_coined(word, coined):
    assert is_coined(word) is coined


def test_names_tex_powers_become_superscripts():
    assert normalise_name("Fuse$^2$Rec") == "Fuse²Rec"
    assert normalise_name("M^2Rank") == "M²Rank"


@pytest.mark.parametrize(
    ("acronym", "words", "start"),
    [
        ("LRQ", "propose Layered Residual-Quantization".split(), 1),
        ("CTR", "the click-through rate".split(), 1),
        ("XYZ", "an unrelated phrase".split(), None),
    ],
)
def test_names_initials_match(acronym, words, start):
    assert initials_match(acronym, words) == start
