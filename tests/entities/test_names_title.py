"""Acronyms and the title: the title's head names the paper's own; a long form the
title merely holds is the field the paper works in."""

from __future__ import annotations

import pytest

from extractors.entities.text import greek_as_letters
from tests.entities.helpers import found


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # the title's head is the long form, with or without its acronym
        ("Orbit Tiling Scheduler (OTS) assigns jobs to racks.", "Orbit Tiling Scheduler (OTS): Faster Racks", "OTS"),
        ("Quiet Lantern Index (QLI) ranks lamps.", "Quiet Lantern Index -- Ranking Lamps at Night", "QLI"),
        # the title holds the long form and the defining sentence proposes
        (
            "We design a framework that aligns views by shard mixing (SM) and pebble-aware stone carving (PAC), in turn.",
            "Graph Pebble-Aware Stone Carving for Recommendation",
            "PAC",
        ),
    ],
)
def test_names_title_head_or_proposing_sentence_makes_the_acronym_ours(extractor, text, title, name):
    assert name in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # the field, spelled out in the title, defined in a background sentence
        (
            "Fault detection and lantern fault tracing (LFT) are active research areas.",
            "GlowNet: Agents for Lantern Fault Tracing in Cities",
            "LFT",
        ),
        (
            "Knotted Ribbon Syndrome (KRS) is a rare disorder of the tendons.",
            "Trends in Knotted Ribbon Syndrome Research: A Bibliometric Study",
            "KRS",
        ),
    ],
)
def test_names_long_form_the_title_merely_holds_is_not_proposed(extractor, text, title, name):
    assert name not in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the acronym qualifies a noun: an attribute of what is proposed, not its name
        ("We propose LoomNet, a method that feeds Third-Order Lattice Sound (TOLS) spatial audio to a model.", "TOLS"),
        ("We propose a new sparse glyph representation (SGR) acquisition method called GlyphDA.", "SGR"),
        # used, not proposed: `with the <long form>`
        ("We propose KiteRL, which merges KiteFog with the online kite transformer (OKT), an RL method.", "OKT"),
    ],
)
def test_names_acronym_that_qualifies_or_is_used_is_not_proposed(extractor, text, name):
    assert name not in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We propose a novel Chain Lantern Re-Ranking (CLRR) method for lists.", "CLRR"),
        ("We propose PathKit, which uses Hierarchical Path Pruning (HPP) together with a verifier.", "HPP"),
        ("We propose a Lattice Tile Routing (LTR) trained on sparse logs.", "LTR"),
    ],
)
def test_names_acronym_followed_by_its_head_noun_or_a_verb_is_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We propose FernCoder. The Test Fern Quality Mining (TFQM) module filters faulty cases.", "TFQM"),
        (
            "We introduce FernVAD. In detail, we introduce an Uncertainty-Aware Fern Gating (UFG) policy grounded in logic.",
            "UFG",
        ),
    ],
)
def test_names_title_case_part_named_by_the_noun_after_it_is_proposed(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        # letters of any script belong to the name, not just A-Z
        ("ZÖRN: Ranking Shelves of Old Books", "We propose a ranker of shelves for libraries.", "ZÖRN"),
        ("KelpNet-ω: Tides in a Day", "We propose KelpNet-ω, a tide model for harbours.", "KelpNet-ω"),
        # TeX's Greek letters read as the letters, in the title and in the abstract alike
        ("$\\sigma$-Quill: Scoring Essays by Ink", "We propose $\\sigma$-Quill, a scorer for essays.", "σ-Quill"),
        ("Mosaic: Tiles for Walls", "We propose Mosaic-$\\gamma$, a tiler for walls.", "Mosaic-γ"),
    ],
)
def test_names_title_name_keeps_letters_of_any_script(extractor, title, text, name):
    assert name in found(extractor, text, "proposed", title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We propose Lattice++, a tiler that packs crates faster.", "Lattice++"),
        ("We then build a variant we call Heron+, which also sorts mail.", "Heron+"),
    ],
)
def test_names_pluses_of_a_version_end_the_name(extractor, text, name):
    assert name in found(extractor, text, "proposed")


def test_names_tex_greek_letter_in_dollars_is_a_letter_but_a_variable_is_not():
    assert greek_as_letters("on $\\tau^2$-style tests, $\\beta$ and $\\epsilon$") == "on τ²-style tests, β and ε"
    kept = "the top-$k$ items at $5 each, $\\beta_1$, a $\\Delta$MRR of 0.2"
    assert greek_as_letters(kept) == kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the paper that coined a name the lexicon now knows proposes it
        ("We introduce a new sentence encoder called BERT, trained on books.", "BERT"),
        ("We propose XGBoost, a tree boosting system that scales.", "XGBoost"),
    ],
)
def test_names_known_name_is_ours_by_the_strongest_cues(extractor, text, name):
    assert name in found(extractor, text, "proposed")


@pytest.mark.parametrize(
    "text",
    [
        "We use BERT, a pre-trained encoder, to rank shoes.",
        "We test the tagger on two corpora, namely DocRED and REBEL.",
        "We propose to fine-tune XGBoost on the logs.",
    ],
)
def test_names_known_name_is_not_ours_without_them(extractor, text):
    assert found(extractor, text, "proposed") == []
