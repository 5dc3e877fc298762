"""`kg_methods` (extractors/entities/methods.py): methods named as the paper writes them."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from extractors.entities.methods import is_acronym, singular
from tests.entities.helpers import found


def methods(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "method", title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the acronym where the paper writes it
        ("Large vision-language models (VLMs) are strong. VLMs see.", "VLM"),
        ("We train the policy with RL.", "RL"),
        ("The ranker is trained with supervised fine-tuning (SFT) first.", "SFT"),
        # the words where it never does
        ("The agent is trained with reinforcement learning.", "reinforcement learning"),
        ("We use graph neural networks for the user graph.", "graph neural network"),
        ("Vision-Language Models are evaluated.", "vision-language model"),
        # an entry named by its words keeps its name
        ("We study LLM agents in the wild.", "LLM agents"),
        ("A lightweight two-tower retrieval model is used.", "two-tower model"),
        # the field's name for it whatever the paper spells
        ("We prompt large language models.", "LLM"),
    ],
)
def test_methods_written_names_the_method_as_the_paper_does(extractor, text, name):
    assert name in methods(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Multi-agent systems (MAS) coordinate well.", "MAS"),
        ("We apply singular value decomposition (SVD) to the matrix.", "SVD"),
    ],
)
def test_methods_defined_acronym_names_the_method(extractor, text, name):
    assert name in methods(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Our method adapts to new domains without fine-tuning.",
        "The approach does not require fine-tuning of the encoder.",
        "It transfers without task-specific fine-tuning.",
        "It needs no fine-tuning.",
    ],
)
def test_methods_negated_method_is_not_used(extractor, text):
    assert "fine-tuning" not in methods(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "We compare fine-tuning with prompting.",
        "It works without labels, and fine-tuning improves it further.",  # the clause ends before
        "We apply not only fine-tuning but also distillation.",
        "Without labels we cannot rank. We then use fine-tuning.",  # one mention used
    ],
)
def test_methods_used_method_is_kept(extractor, text):
    assert "fine-tuning" in methods(extractor, text)


def test_methods_versioned_alias_is_named_with_its_version(extractor):
    assert "Qwen2.5" in methods(extractor, "On Qwen2.5 agents (0.5B-3B) we see gains.")


@pytest.mark.parametrize(
    ("spelling", "acronym"),
    [
        ("RL", True),
        ("VLMs", True),
        ("MoE", True),
        ("RQ-VAE", True),
        ("CoT", True),
        ("Two-Tower", False),
        ("two-tower", False),
        ("Transformer", False),
        ("graph neural network", False),
    ],
)
def test_methods_is_acronym(spelling, acronym):
    assert is_acronym(spelling) is acronym


@pytest.mark.parametrize(("surface", "one"), [("VLMs", "VLM"), ("networks", "network"), ("loss", "loss")])
def test_methods_singular(surface, one):
    assert singular(surface) == one


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We evaluate GPT-4, Claude 3, LLaMA 4, Qwen2, and Qwen2-72B.", ["LLaMA 4", "Qwen2", "Qwen2-72B"]),
        ("Baselines are GPT-5 Nano, DeepSeek V3, and Llama-3.3-70B.", ["DeepSeek V3", "Llama-3.3-70B"]),
        ("We test three chat models (GPT-5.1, Claude~4, Grok-4) here.", ["Claude 4", "Grok-4"]),
        ("Seven LLMs: Qwen, Kimi, Grok, GPT-5, Claude, DeepSeek, and Gemini.", ["Grok", "Kimi"]),
    ],
)
def test_methods_each_model_version_is_its_own_name(extractor, text, names):
    found = methods(extractor, text)
    assert all(name in found for name in names), found


def test_methods_plus_after_a_version_is_the_word(extractor):
    found = methods(extractor, "It gains under GPT-4o-mini plus 6.91 F1 over the baseline.")
    assert "GPT-4o-mini" in found and not any("plus" in name for name in found)


def test_methods_the_methods_a_paper_beats_are_methods(extractor):
    text = "SF-AMS shows consistent gains over strong baselines including LightMem, MemO and A-Mem."
    assert {"LightMem", "MemO", "A-Mem"} <= set(methods(extractor, text, title="SF-AMS: Strategic Forgetting"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Our model is compared with standard WaveNetX, GlimmerNet, and TorchNet baselines.",
            ["WaveNetX", "GlimmerNet", "TorchNet"],
        ),
        ("SAPO is evaluated against strong APO baselines including APE, OPRO, and GEPA.", ["OPRO", "GEPA"]),
        ("MALTopic improves topic coherence compared to LDA and BERTopic.", ["LDA", "BERTopic"]),
    ],
)
def test_compared_methods_a_paper_compares_with_are_methods(extractor, text, names):
    found = methods(extractor, text)
    assert all(name in found for name in names), found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Five Radiologists versus Artificial Intelligence for Report Writing.",
            "Artificial Intelligence",
        ),
        ("The premium is measured compared with English text.", "English"),
        ("Our results are compared with those of human annotators.", "human annotators"),
    ],
)
def test_compared_plain_words_after_a_comparison_are_not_methods(extractor, text, wrong):
    assert wrong not in methods(extractor, text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("We train a CNN-LSTM model to forecast power load.", ["CNN-LSTM"], ["CNN", "LSTM"]),
        ("We propose PCA-GAT, which formulates plan recommendation.", [], ["PCA", "GAT", "PCA-GAT"]),
        ("We then introduce a novel G-DPO algorithm.", ["DPO"], ["G-DPO"]),  # the head of a longer name
        ("A one-pass Discrete Diffusion-Based Generative CTR model.", ["discrete diffusion"], []),
        ("It is compared with WuKong, HiFormer, MLP-Mixer, and RankMixer.", ["MLP-Mixer"], ["MLP"]),
        ("We use ResNet-50 and T5-Small encoders.", ["ResNet-50", "T5-Small"], ["ResNet", "T5"]),
        ("We build LLM-based agents with LLM-RAG pipelines.", ["LLM"], []),  # the field's words stay
        # a lower-case name after a capitalised part ends a longer name
        ("Unlike Quest-o1 and MedQwen-o3, our agent is light.", [], ["o1", "o3"]),
        ("We tune a Tiny-word2vec encoder and a plain word2vec one.", ["word2vec"], []),
    ],
)
def test_methods_glued_names_are_longer_names(extractor, text, present, absent):
    found = methods(extractor, text)
    assert all(name in found for name in present) and not any(name in found for name in absent), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Evaluating SE-CNN, ResNet-50 and VGG-16 on micrographs.", "VGG-16"),
        ("We post-train GPT-OSS-20B with reinforcement learning.", "GPT-OSS-20B"),
        ("Embeddings come from BGE-M3 and FAISS indexing.", "BGE-M3"),
        ("We test a Pythia-160M to Pythia-410M setting.", "Pythia-160M"),
        ("Knowledge graph embeddings such as TransE and ComplEx are used.", "ComplEx"),
    ],
)
def test_lexicon_classic_model_names(extractor, text, name):
    assert name in methods(extractor, text)


def test_lexicon_classic_model_names_that_are_words_need_their_case(extractor):
    text = "Since its inception, a complex flamingo is opt-in."
    assert methods(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("We apply Isolated Direct Preference Optimization (IDPO) for credit.", ["IDPO"], ["DPO"]),
        ("It combines Personal Knowledge Graphs (PKGs) and SBERT.", ["PKG"], ["knowledge graph", "KG"]),
        ("Post-training relies on reinforcement learning with verifiable rewards (RLVR).", ["RLVR"], ["RL"]),
        ("Diffusion Transformers (DiTs) generate images.", ["DiT"], ["Transformer"]),
        ("We use Bayesian Personalized Ranking (BPR) loss.", ["BPR"], []),  # the method's own acronym
    ],
)
def test_methods_inside_a_longer_defined_name(extractor, text, present, absent):
    found = methods(extractor, text)
    assert all(name in found for name in present) and not any(name in found for name in absent), found


@pytest.mark.parametrize(
    ("text", "cf"),
    [
        ("We combine CF signals with item text for recommendation.", True),
        ("When a model answers about a counterfactual CF image, it errs.", False),
        ("Data follow a common CF metadata convention.", False),
    ],
)
def test_methods_cf_is_collaborative_filtering_only_in_a_recommender_paper(extractor, text, cf):
    assert ("CF" in methods(extractor, text)) is cf


def test_methods_inside_a_proper_name_is_no_method(extractor):
    found = methods(extractor, "Questions come from HIV Online Learning Australia (HOLA) pages.")
    assert "HOLA" not in found and "online learning" not in found, found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # OpenAI's reasoning models and embedders, each named as written
        ("We compare o3-mini, o1 and OpenAI o3 on proofs.", ["o3-mini", "o1", "o3"], []),
        ("Chunks are embedded with text-embedding-3-small before search.", ["text-embedding-3-small"], []),
        # not the models: a capital O, a longer word
        ("The O1 antigen and the co1 gene are kept in vitro.", [], ["o1", "O1", "co1"]),
    ],
)
def test_methods_openai_model_names(extractor, text, present, absent):
    found = methods(extractor, text)
    assert all(name in found for name in present) and not any(name in found for name in absent), found
