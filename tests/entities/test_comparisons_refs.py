"""Comparisons whose beaten methods are named apart from the cue: after each one's number
(`92% for TreeAct`), each with its own margin (`KiloNet by 4.1 points and VexRank by 2.3`),
in a list of another sentence (`we compare against A and B ... outperforms all baselines`),
and wins told by numbers alone (`0.91 versus 0.87 for ZenoNet`); with the phrasings that
must not be read as wins. All names and numbers are invented."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found, mention, paper


def beaten(extractor: EntityExtractor, abstract: str) -> list[str]:
    return found(extractor, abstract, "outperforms")


def baselines(extractor: EntityExtractor, abstract: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.name, m.value, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"]


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        (
            "Our agent reaches 71.0% accuracy, outperforming a tuned KiloNet baseline (65.0%), LoomRAG (60.2%), "
            "and QuillMem (41.5%).",
            ["KiloNet", "LoomRAG", "QuillMem"],
        ),
        (
            "Our planner reaches a 97% success rate compared to 90% for TreeAct and 61% for FlowPlan.",
            ["TreeAct", "FlowPlan"],
        ),
        ("Our method outperforms KiloNet by 4.1 points and VexRank by 2.3 points.", ["KiloNet", "VexRank"]),
        ("Our method outperforms ZetaGRPO by 5%, KiloPO by 11%, and VexPO by 15%.", ["ZetaGRPO", "KiloPO", "VexPO"]),
        (
            "On Bird, it outperforms plain KiloNet with query rewriting by up to 3.1 pt in accuracy and agentic "
            "retrieval (LoopAct) by up to 9.4 pt.",
            ["KiloNet", "LoopAct"],
        ),
        (
            "The proposed pipeline outperforms approaches relying solely on prompting, such as ChainPrompt and "
            "DeepQuery, in long-term cost.",
            ["ChainPrompt", "DeepQuery"],
        ),
        (
            "We compare our model against QuadNet, TriRank and LoopFormer. Our model outperforms all baselines "
            "on three datasets.",
            ["QuadNet", "TriRank", "LoopFormer"],
        ),
        (
            "We compare two voting schemes against single-model baselines (Orca Nano, DeepSea V3, and Helix-70B). "
            "Voting reaches 83.4% accuracy, outperforming the best individual model by 1.0 points.",
            ["Orca Nano", "DeepSea V3", "Helix-70B"],
        ),
        ("Our model reaches 0.91 AUC versus 0.87 for ZenoNet.", ["ZenoNet"]),
        ("Our model attains an error of 2.1% compared to 3.4% for ZenoNet.", ["ZenoNet"]),
        ("At 50 pages, ZephyrNet reduced errors by 41%, compared to KiloNet.", ["KiloNet"]),
        ("Our model improves recall by 75 percent relative to our existing LambdaRank system.", ["LambdaRank"]),
        (
            "Our chooser improves NDCG by 9.4% over the Single Best Algorithm baseline (0.141).",
            ["Single Best Algorithm"],
        ),
        (
            "We compare Scout Agent against Orca Prime 2.1 and Helix Pro. Scout Agent achieves 79.0% F1 versus "
            "56.0% (Orca Prime 2.1) and 41.5% (Helix Pro).",
            ["Orca Prime 2.1", "Helix Pro"],
        ),
        ("Pretraining on ZenoCorp reduces WER to 11.3%, surpassing the Filterbank baseline.", ["Filterbank"]),
    ],
    ids=[
        "score-in-brackets",
        "number-for-name",
        "each-with-its-margin",
        "margins-in-a-list",
        "margin-after-details",
        "described-generic-head-then-list",
        "all-baselines-listed-before",
        "best-individual-model",
        "higher-number-versus",
        "lower-error-compared",
        "comma-before-compared",
        "our-existing-system",
        "capitalised-head-is-part-of-the-name",
        "what-we-compare-is-ours",
        "a-name-after-a-preposition-is-no-subject",
    ],
)
def test_comparisons_reads_methods_named_apart_from_the_cue(extractor, abstract, names):
    assert beaten(extractor, abstract) == names


@pytest.mark.parametrize(
    "abstract",
    [
        "Our model reaches 0.81 AUC versus 0.87 for ZenoNet.",
        "Our model attains an error of 4.1% compared to 3.4% for ZenoNet.",
        "We compare our model against QuadNet and TriRank. Our model is comparable to all baselines.",
        "We compare our model against QuadNet and TriRank. Our model is competitive with the strongest baseline.",
        "We compare our model against QuadNet and TriRank. Our model outperforms existing methods.",
        "Table retrieval is less explored compared to ZenoRetrieval. Our model outperforms state-of-the-art baselines.",
        "Our ranker outperforms retrieval baselines that take embeddings from large models such as QwenX-8B.",
        "In our study the error exceeds 60% for most models and safety-aware prompting.",
        "Compared with no candidate search, our method improves accuracy by 8%.",
        "ChebyNet's error grows 10.6x, versus 7.9x for vanilla KiloKAN and 1.4x for our ZetaKAN.",
        "Our method outperforms the Brief Baseline on every task.",
        "Our trials show that, compared to existing scraping techniques, learned policies raise harvest rate, "
        "maxScore, and coverage.",
        "Our model outperforms the strongest non-ZenoNet baseline by 3 points.",
        "Unlike ZenoNet, our model needs no labels.",
        "Our model falls short of ZenoNet on long inputs.",
        "Our planner scores 7.15 on average, compared with 5.31 for the Topic-only Setting.",
        "We compare Orca Prime against Helix Pro. Orca Prime reaches 41.0% F1 versus 56.0% (Helix Pro).",
        "Pretrained CNNs from ZenoCorp reach 71.0% accuracy, surpassing the Filterbank baseline.",
    ],
    ids=[
        "lower-number-versus",
        "higher-error-compared",
        "comparable-to-all-baselines",
        "competitive-with-the-strongest",
        "existing-methods-are-more-than-listed",
        "compared-to-as-a-preposition",
        "list-of-another-head",
        "exceeding-a-number",
        "no-candidate-search",
        "our-own-in-the-list",
        "a-setting-named-baseline",
        "compared-object-ends-at-its-comma",
        "non-name",
        "unlike",
        "falls-short-of",
        "a-word-made-a-name-by-its-modifier",
        "what-we-compare-loses",
        "another-name-is-the-subject",
    ],
)
def test_comparisons_reads_no_win(extractor, abstract):
    assert beaten(extractor, abstract) == []


def test_comparisons_result_baseline_is_the_name_before_its_margin(extractor):
    text = "On Bird, our model outperforms KiloNet by 5.2 points in accuracy and LoopAct by up to 15.9 points."
    assert ("accuracy", "5.2 points", "KiloNet") in baselines(extractor, text)


def test_comparisons_result_baseline_referred_to_by_these(extractor):
    text = (
        "Our model outperforms KiloNet and LoopAct on Bird. "
        "On OTT-QA, it achieves 5.5 pt and 19.3 pt higher F1 compared to these approaches."
    )
    assert {("F1", "5.5 pt", "KiloNet"), ("F1", "19.3 pt", "LoopAct")} <= set(baselines(extractor, text))


def test_comparisons_result_baseline_below_a_method(extractor):
    text = "ZephyrNet lowers perplexity from 27.3 to 22.9, below a full-attention Transformer++ (26.9)."
    assert ("perplexity", "22.9", "Transformer++") in baselines(extractor, text)


def test_comparisons_winner_is_the_own_name_written_before_the_cue(extractor):
    text = "We propose ZetaFlow and KiloDraw. On ImageBench, KiloDraw improves PickScore over SASRec by 0.8."
    assert mention(extractor, text, "outperforms", "SASRec").method == "KiloDraw"
