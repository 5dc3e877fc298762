"""The lexicon ruler: companies, datasets, methods and tasks the lexicons name."""

from __future__ import annotations

import json
import shutil

import pytest

from extractors.entities import EntityExtractor
from extractors.entities.lexicon import LEXICON_DIR, variants
from tests.entities.helpers import found, mention, paper


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("We run it on Taobao.", "Taobao", "Alibaba"),
        ("Traffic from Tmall is used.", "Tmall", "Alibaba"),
        ("Users of the Douyin App took part.", "Douyin", "ByteDance"),
        ("We study TikTok videos.", "TikTok", "ByteDance"),
        ("Mini programs in WeChat are ranked.", "WeChat", "Tencent"),
        ("Logs come from Kuaishou.", "Kuaishou", None),
        ("我们在淘宝上进行了实验。", "Taobao", "Alibaba"),
        ("该模型已在抖音和快手上线。", "Douyin", "ByteDance"),
        ("美团外卖的数据", "Meituan", None),
    ],
)
def test_lexicon_finds_companies_with_aliases_chinese_names_and_parent(extractor, text, name, parent):
    assert mention(extractor, text, "company", name).parent == parent


def test_lexicon_chinese_and_english_names_give_one_company(extractor):
    mentions = extractor(paper("We deploy it on Kuaishou.\n模型已在快手上线。"))
    assert [m.name for m in mentions if m.kind == "company"] == ["Kuaishou"]


@pytest.mark.parametrize(
    ("text", "dataset"),
    [
        ("Experiments on Amazon Beauty and MovieLens-1M show gains.", "Amazon Beauty"),
        ("We evaluate on the Amazon-Sports dataset.", "Amazon Sports"),
        ("Results on ML-1M are reported.", "MovieLens"),
        ("We use the MS MARCO passage ranking data.", "MS MARCO"),
        ("On Criteo and Avazu our model wins.", "Avazu"),
        ("We test on KuaiRand.", "KuaiRand"),
    ],
)
def test_lexicon_finds_datasets(extractor, text, dataset):
    assert dataset in found(extractor, text, "dataset")


@pytest.mark.parametrize(
    "text",
    [
        "Experiments on Amazon Beauty and Amazon Toys show gains.",
        "We use the Amazon Reviews 2023 corpus.",
        "Yelp and Netflix Prize data are public.",
    ],
)
def test_lexicon_dataset_named_after_a_company_is_not_the_company(extractor, text):
    assert found(extractor, text, "company") == []


def test_lexicon_company_named_in_a_deployment_cue_is_the_company(extractor):
    text = "We train on Amazon Beauty. The model is deployed at Amazon, serving 10 million users daily."
    assert mention(extractor, text, "company", "Amazon").deployed


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("We fine-tune large language models for ranking.", "LLM"),
        ("Several LLMs are compared.", "LLM"),
        ("We apply retrieval-augmented generation (RAG).", "RAG"),
        ("It is trained with DPO and PPO.", "DPO"),
        ("A sparse mixture-of-experts (MoE) layer is added.", "MoE"),
        ("Baselines include SASRec, BERT4Rec and LightGCN.", "SASRec"),
        ("We rely on collaborative filtering signals.", "collaborative filtering"),
        ("Items are encoded with an RQ-VAE.", "RQ-VAE"),
    ],
)
def test_lexicon_finds_methods(extractor, text, method):
    assert method in found(extractor, text, "method")


@pytest.mark.parametrize(
    "text",
    [
        "Our model and framework use a neural network approach.",
        "The din of the crowd and a rag doll.",  # acronyms match only in capitals
        "We moe the lawn.",
    ],
)
def test_lexicon_generic_words_are_not_methods(extractor, text):
    assert found(extractor, text, "method") == []


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("This paper studies click-through rate prediction.", "CTR prediction"),
        ("Sequential recommendation models user histories.", "sequential recommendation"),
        ("We improve cross-domain recommendation.", "cross-domain recommendation"),
        ("Dense retrieval needs hard negatives.", "dense retrieval"),
    ],
)
def test_lexicon_finds_tasks(extractor, text, task):
    assert task in found(extractor, text, "task")


@pytest.mark.parametrize(
    ("spelling", "variant"),
    [("cross-encoder", "cross encoders"), ("LLM", "LLMs"), ("strategy", "strategies"), ("pre-training", "pretraining")],
)
def test_lexicon_variants_cover_hyphens_and_plurals(spelling, variant):
    assert variant in variants(spelling)


def test_lexicon_adding_a_company_is_a_data_change(tmp_path):
    lexicons = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, lexicons)
    with open(lexicons / "companies.jsonl", "a", encoding="utf-8") as handle:
        handle.write(
            json.dumps({"name": "Zyxo Mart", "aliases": ["Zyxo"], "zh": ["兹克索"], "parent": "Zyxo Group"}) + "\n"
        )
    extractor = EntityExtractor(lexicon_dir=str(lexicons))
    assert mention(extractor, "Logs from Zyxo were used.", "company", "Zyxo Mart").parent == "Zyxo Group"
    assert found(extractor, "兹克索的数据", "company") == ["Zyxo Mart"]
