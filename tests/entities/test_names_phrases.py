"""Proposed names of several words, after their description, in the title, as parts, and
named in the present tense (name_phrases.py, proposal_cues.py). Invented names throughout."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Title Case words right after the cue (and `the`), then an apposition or `which`
        ("We introduce Lantern Queue Folding, a protocol that bounds retries.", "Lantern Queue Folding"),
        ("Here we introduce the Pebble Layer, a novel, differentiable framework for ranking.", "Pebble Layer"),
        (
            "On one hand, we introduce Folded Relative Tile Bias, which avoids costly lookups.",
            "Folded Relative Tile Bias",
        ),
        ("We present the GLOW Explorer, a web-based tool for browsing runs.", "GLOW Explorer"),
        # LaTeX markup around the name stands for nothing
        ("We introduce \\textbf{Quillby}, an asynchronous caching policy.", "Quillby"),
        ("We present \\textbf{Agentic QuillRank}, a multi-agent framework for surveys.", "Agentic QuillRank"),
    ],
)
def test_names_title_case_run_after_a_cue_is_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We propose FernRec Framework, a new approach to ranking.", "FernRec Framework"),  # a generic noun ends it
        ("We propose Graph Neural Networks, which are strong.", "Graph Neural Networks"),  # known
        ("We propose Lantern Queue Folding for retries and compare it to baselines.", "Lantern Queue Folding"),
    ],
)
def test_names_title_case_run_needs_an_apposition_and_no_known_or_generic_word(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We evaluate on a cleaned forum dataset (which we name Forum-v3) and on one more.", "Forum-v3"),
        ("We call this approach ShadowRank and show that it works.", "ShadowRank"),
        (
            "We propose a new class of algorithms, which we call Predictive Pebble Learning.",
            "Predictive Pebble Learning",
        ),
    ],
)
def test_names_named_in_the_present_tense_is_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Safety signals stay high -- a phenomenon we term Sticky Lantern Features. We test it.",
            "Sticky Lantern Features",
        ),
        ("We term this effect ShadowDrift and study it.", "ShadowDrift"),
        ("We name a few failure cases below.", "We"),
        ("We call for more work on Lantern Queues.", "Lantern Queues"),
    ],
)
def test_names_present_tense_naming_of_an_observation_is_not_proposed(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This work develops: (1) A new algorithmic framework, PEBBLO, which builds classifiers.", "PEBBLO"),
        ("(2) A new algorithm, QUILLA, which is a simple instance of the framework.", "QUILLA"),
        ("Our implementation, LanternDB, scales to millions of patterns.", "LanternDB"),
        (
            "We also introduce a framework to evaluate review-aware recommenders, FernEval, to assess reviews.",
            "FernEval",
        ),
    ],
)
def test_names_after_the_phrase_that_describes_the_papers_own_are_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We compare with a strong graph model, HSTUQ, and others.", "HSTUQ"),
        ("We use a popular retrieval model, ColFernz, for ranking.", "ColFernz"),
    ],
)
def test_names_after_a_description_of_someone_elses_are_not_proposed(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We propose PebbleMix. The \\textbf{AutoPebble} module clusters features into tokens.", "AutoPebble"),
        (
            "We propose FERN. Furthermore, the Task-Attentive Pebble module enhances interactions.",
            "Task-Attentive Pebble",
        ),
        ("We propose LoomKit. We design a new Attention-Free Pebble Mixer module.", "Attention-Free Pebble Mixer"),
        ("We develop FernBot, a dual-agent system where a Parser Agent turns text into preferences.", "Parser Agent"),
        (
            "We propose LOOM. LOOM has two components: a Query-Aligned Pebble Encoder that builds views.",
            "Query-Aligned Pebble Encoder",
        ),
    ],
)
def test_names_named_parts_of_a_proposing_papers_system_are_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the paper proposes nothing
        ("The Task-Attentive Pebble module enhances interactions in prior work.", "Task-Attentive Pebble"),
        # the task the part serves, a known thing's part, generic words
        ("We propose FernRec, which uses a Sequential Recommendation framework.", "Sequential Recommendation"),
        ("We propose FernRec, which uses the Transformer Encoder.", "Transformer Encoder"),
        ("We propose FernRec, which feeds a BERT Encoder.", "BERT Encoder"),
    ],
)
def test_names_parts_without_a_proposal_or_of_known_things_are_not_proposed(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        (
            "Pebble Layer: A Universal Framework for Debiasing",
            "Calibration matters. We introduce the Pebble Layer, a differentiable framework.",
            "Pebble Layer",
        ),
        (
            "Lantern Timelines: Visualizing Search History",
            "Methods: Lantern Timelines shows past queries.",
            "Lantern Timelines",
        ),
        (
            "Fern-Token-Pack-600M Technical Report",
            "This report presents the open-source Fern-Token-Pack-600M model.",
            "Fern-Token-Pack-600M",
        ),
    ],
)
def test_names_title_case_title_head_used_as_a_name_is_proposed(extractor, title, text, name):
    assert name in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("title", "text", "absent"),
    [
        # a task, a kind of thing, written in lower case in the abstract, never repeated
        (
            "Sequential Recommendation: A Survey",
            "Sequential Recommendation is a task we review.",
            "Sequential Recommendation",
        ),
        ("Trust Lantern Methods: A New Look", "We revisit Trust Lantern Methods for control.", "Trust Lantern Methods"),
        ("Pebble Routing: Faster Queues", "We study pebble routing. Pebble Routing is fast.", "Pebble Routing"),
        ("Pebble Routing: Faster Queues", "We study queues in depth.", "Pebble Routing"),
    ],
)
def test_names_title_head_that_is_a_task_kind_or_phrase_is_not_proposed(extractor, title, text, absent):
    assert absent not in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a built thing's noun after the acronym: not the task its long form spells
        ("We propose FernRec. Then we develop a Listwise Pebble Prediction (LPP) objective to train it.", "LPP"),
        # `(LF) network is designed`: proposed like `(LF) is designed`
        ("We propose LOOM. Then a Multi-Pebble Cross-Attention (MPCA) network is designed to mix views.", "MPCA"),
    ],
)
def test_names_acronym_with_a_thing_noun_after_it_is_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


def test_names_acronym_of_a_task_without_a_thing_noun_stays_a_task(extractor):
    text = "We develop a model for Pebble Session Prediction (PSP) and test it."
    assert "PSP" not in found(extractor, text, "proposed")
    assert "PSP" in found(extractor, text, "task")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a coined word inside a longer Title Case name is not the name alone
        ("We then introduce Lantern Adaptive GQ with Pebble Attention to rebuild scenes.", "GQ"),
        # an abbreviation spelled out in lower case right after it
        ("In this paper, we propose an P2P (peer to peer) lantern summarization model.", "P2P"),
        # a long form after `the standard` or `grounded in the` is someone else's
        ("We propose FernNeXt, an efficient alternative to the standard Dense Pebble Transformer (DPT).", "DPT"),
        (
            "We introduce FernBench, the first benchmark, grounded in the Contextual Pebble Integrity (CPI) framework.",
            "CPI",
        ),
        # a part named by the long form of the paper's acronym
        (
            "To this end, we propose a Text-Conditioned Pebble-Grained Contrast framework, dubbed TC-PGC.",
            "Text-Conditioned Pebble-Grained Contrast",
        ),
    ],
)
def test_names_words_of_a_longer_name_expansions_and_others_long_forms_are_not_proposed(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the description apposed to the paper's name is not a second name
        (
            "We propose FernWrite, a novel Personal Lantern Query Rewriting framework.",
            "Personal Lantern Query Rewriting",
        ),
        # `the X framework`: as often someone else's
        ("The rule established the Open Lantern framework, and we propose FernBank, a classifier.", "Open Lantern"),
        # a present-tense naming of an observation: the noun after the name says so
        ("Scripts are lost. We call this disconnect the \\textit{Fern2Loom gap}. We bridge it.", "Fern2Loom"),
        ("We propose a tool. We call this limitation the PEB theorem for rankers.", "PEB"),
    ],
)
def test_names_apposed_descriptions_others_frameworks_and_named_gaps_are_not_proposed(extractor, text, absent):
    assert absent not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # LaTeX markup before a long form stands for nothing
        ("We introduce \\textbf{Drop-Then-Mend (DTM)}, an analysis protocol that removes blocks.", "DTM"),
        # a lower-case expansion after the name, then `which`: the name stays
        ("We design a simple intervention PSCX (private spec-contract induction) which extracts specs.", "PSCX"),
    ],
)
def test_names_markup_before_a_long_form_and_expansions_before_a_clause_keep_the_name(extractor, text, name):
    assert name in found(extractor, text, "proposed")
