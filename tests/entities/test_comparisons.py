"""Who beats whom (`outperforms`) and what each number was measured on (`results`),
on sentences written here, including comparisons that must not be read as wins."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found, paper


def beaten(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "outperforms", title)


def results(extractor: EntityExtractor, abstract: str) -> list[tuple]:
    return [(m.name, m.value, m.dataset, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"]


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        ("We propose ZetaRec. ZetaRec outperforms SASRec and BERT4Rec by 12.3% in NDCG@10.", ["SASRec", "BERT4Rec"]),
        (
            "Our model consistently surpasses strong baselines such as GRU4Rec, Caser and LightGCN.",
            ["GRU4Rec", "Caser", "LightGCN"],
        ),
        ("Our method beats KG-RAG baselines (ToGo, PoGo) on two datasets.", ["ToGo", "PoGo"]),
        ("Experiments show consistent gains over QuadNet and TriRank.", ["QuadNet", "TriRank"]),
        ("It reduces latency by 40% relative to a fine-tuned DeepLane baseline.", ["DeepLane"]),
        ("Compared to Mixtral-8x7B, our approach improves accuracy by 4 points.", ["Mixtral-8x7B"]),
        (
            "Our agent reaches 71.2% accuracy versus 56.0% (Orca Prime 2.1) and 50.6% (Helix Pro).",
            ["Orca Prime 2.1", "Helix Pro"],
        ),
        ("The proposed model performs better than zero-shot prompting.", ["zero-shot prompting"]),
        ("Our model exceeds StormNet's published score.", ["StormNet"]),
    ],
    ids=[
        "verb-and-list",
        "such-as-list",
        "bracketed-list",
        "gains-over",
        "relative-to",
        "compared-to-clause",
        "versus-bracketed",
        "technique-phrase",
        "possessive",
    ],
)
def test_comparisons_reads_the_methods_the_paper_beats(extractor, abstract, names):
    assert beaten(extractor, abstract) == names


@pytest.mark.parametrize(
    "abstract",
    [
        "Our model outperforms state-of-the-art baselines on three datasets.",
        "Our method performs comparable to SASRec on sparse data.",
        "Our model falls short of GPT-4 on long inputs.",
        "Unlike BERT4Rec, our model reads the whole session.",
        "Our model does not outperform LightGCN on dense graphs.",
        "Recent work shows that GRU4Rec outperforms matrix factorization on sessions.",
        "We compare our method against SASRec and BERT4Rec.",
        "Our framework outperforms LLM baselines by a wide margin.",
        "Our model outperforms RL-based and heuristic methods.",
        "Our model outperforms all other methods, including ours without pretraining.",
        "Today the volume of logs is far exceeding what traditional MDR methods can serve.",
        "Our model achieves competitive accuracy compared to SASRec, while offering large efficiency gains.",
        "Our method matches or outperforms GRU4Rec on every dataset.",
        "Our model performs better than joint training.",
        "Our model reaches 3.8x higher recall than a GAT + DeepWalk model.",
        "Our model sacrifices about 1.8% accuracy versus SOTA DeepLane classifiers but achieves a 5x reduction in memory.",
        "Our encoder is on par with GPSE without surpassing it, and a sweep over ZINC finds no order.",
        "Compared with the online base, our model increases Query Exposure by 16.9%.",
        "In all settings, this model improves over task-loss-only fine-tuning.",
        "Our models outperform other (Fin)BERT variants by 0.4%.",
    ],
    ids=[
        "generic-baselines",
        "comparable-to",
        "falls-short",
        "unlike",
        "negated",
        "another-subject",
        "compared-without-claim",
        "family",
        "modifiers-of-generic-head",
        "quantified",
        "a-limit-not-a-rival",
        "claim-in-another-clause",
        "matches-or-outperforms",
        "a-description-not-a-name",
        "a-combination-is-not-each-method",
        "a-loss-versus",
        "without-surpassing",
        "the-object-ends-at-its-verb",
        "a-described-technique",
        "quantified-before-brackets",
    ],
)
def test_comparisons_does_not_read_a_win(extractor, abstract):
    assert beaten(extractor, abstract) == []


def test_comparisons_own_names_are_not_beaten(extractor):
    abstract = "We present FlowRank. Across four benchmarks, FlowRank outperforms FlowRank-lite and DeepRank."
    assert beaten(extractor, abstract) == ["FlowRank-lite", "DeepRank"]


def test_comparisons_results_carry_dataset_and_baseline(extractor):
    found = results(extractor, "On MovieLens-1M, our model improves NDCG@10 by 12.3% over SASRec.")
    assert found == [("NDCG@10", "12.3%", "MovieLens", "SASRec")]


def test_comparisons_results_take_the_only_dataset_of_the_paper(extractor):
    found = results(extractor, "We evaluate on MovieLens-1M. Our model reaches a Recall@20 of 0.31.")
    assert found == [("Recall@20", "0.31", "MovieLens", None)]
