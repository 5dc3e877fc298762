"""The entity extraction rules, one behaviour per test, on sentences written here."""

from __future__ import annotations

import json
import shutil

import pytest
import spacy

from extractors.entities import EntityExtractor, Mention, build_nlp, gold_record
from extractors.entities.lexicon import LEXICON_DIR, variants
from extractors.entities.text import initials_match, is_coined, normalise_name
from extractors.entities.tokenizer import FastTokenizer
from kg.model import Paper


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor()


def paper(abstract: str, title: str | None = None) -> Paper:
    return Paper(source="test.txt", family="test", title=title, abstract=abstract)


def found(extractor, abstract: str, kind: str, title: str | None = None) -> list[str]:
    return [m.name for m in extractor(paper(abstract, title)) if m.kind == kind]


def mention(extractor, abstract: str, kind: str, name: str, title: str | None = None) -> Mention:
    hits = [m for m in extractor(paper(abstract, title)) if m.kind == kind and m.name == name]
    assert hits, f"no {kind} {name!r} in {[(m.kind, m.name) for m in extractor(paper(abstract, title))]}"
    return hits[0]


# --- tokenizer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("a gain of 17.8% here", ["a", "gain", "of", "17.8", "%", "here"]),
        ("1.84x faster", ["1.84x", "faster"]),
        ("Qwen2.5 and JD.com", ["Qwen2.5", "and", "JD.com"]),
        ("e.g. LLMs", ["e.g.", "LLMs"]),
        ("NDCG@10", ["NDCG", "@", "10"]),
    ],
)
def test_tokenizer_splits_words_numbers_and_marks(text, tokens):
    nlp = spacy.blank("en")
    assert [t.text for t in FastTokenizer(nlp.vocab)(text)] == tokens


@pytest.mark.parametrize(
    "text", ["  two  spaces\tand a tab \n\n next", "plain text, one space", "\u3000wide\xa0blank", ""]
)
def test_tokenizer_columns_agree_with_the_doc(text):
    doc = build_nlp().make_doc(text)
    assert doc.user_data["kg.text"] == doc.text
    if len(doc):
        words, offsets, starts = doc.user_data["kg.columns"]
        assert list(words) == [t.text for t in doc]
        assert offsets == [t.idx for t in doc]
        assert starts == [t.i for t in doc if t.is_sent_start]


def test_tokenizer_sentences_end_at_stops_not_at_decimals_or_abbreviations():
    nlp = build_nlp()
    doc = nlp("We gain 2.5 points, e.g. on search. Then we stop.\nNext line")
    assert [s.text.strip() for s in doc.sents] == ["We gain 2.5 points, e.g. on search.", "Then we stop.", "Next line"]


# --- lexicon -------------------------------------------------------------------------


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


# --- coined names ----------------------------------------------------------------------


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


# --- metrics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "value", "unit"),
    [
        ("It achieves an overall +13.50% online CTR improvement.", "CTR", "+13.50%", "%"),
        ("It improves online CTR by 2.71% and AUC by 1.195%.", "AUC", "1.195%", "%"),
        ("It outperforms the baseline by +17.8% in Recall@10.", "Recall@10", "+17.8%", "%"),
        ("It improves Recall@200 by over 25% on two benchmarks.", "Recall@200", "25%", "%"),
        ("PLUMB has led to a 0.63% improvement in QAUC.", "QAUC", "0.63%", "%"),
        ("It achieves a 0.37\\% GMV increase in an online A/B test.", "GMV", "0.37%", "%"),
        ("This lifts NDCG@20 by an average of 4.21%.", "NDCG@20", "4.21%", "%"),
        ("It reaches R@5 to 71.4% on the test set.", "Recall@5", "71.4%", "%"),
        ("It yields a 7.25% average improvement in top-1 accuracy.", "top-1 accuracy", "7.25%", "%"),
        ("It brings 1.6times the QPS of the baseline.", "QPS", "1.6times", "x"),
        ("It keeps a 76.3% task success rate.", "task success rate", "76.3%", "%"),
        ("Online tests show a 1.91% sales growth.", "sales", "1.91%", "%"),
        ("The ranker reaches item-level recall 0.418 on held-out shops.", "Recall", "0.418", None),
        ("It lifts basket count (BC) by 4.50% and gross merchandise value (GMV) by 0.75%.", "GMV", "0.75%", "%"),
        ("The pruned model, preserving accuracy 91.2%, halves memory.", "accuracy", "91.2%", "%"),
        ("It reaches a C4-Test perplexity of 12.5 after pruning.", "perplexity", "12.5", None),
        ("The model's accuracy reaches 88.5% on the test split.", "accuracy", "88.5%", "%"),
        ("On the ranking test, HR@10 increased from 0.412 to 0.467.", "HR@10", "0.467", None),
        ("Online CTR rose from 2.1% to 2.5% during the test.", "CTR", "2.5%", "%"),
        ("The screener reached a missed case rate (MCR) of 1.5% on the audit set.", "MCR", "1.5%", "%"),
    ],
)
def test_metrics_values_in_their_phrasings(extractor, text, name, value, unit):
    hit = mention(extractor, text, "metric", name)
    assert (hit.value, hit.unit) == (value, unit)


def test_metrics_a_value_joined_to_another_phrase_is_not_the_next_metrics(extractor):
    text = "It lifts basket count (BC) by 4.50% and gross merchandise value (GMV) by 0.75%."
    assert {m.value for m in extractor(paper(text)) if m.name == "GMV"} == {"0.75%"}


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("It lifts Success@5 by 3.4% over the baseline.", "Success@5", "3.4%"),
        ("Our ranker improves ILD@20 to 0.62 on both sets.", "ILD@20", "0.62"),
        ("We report Pass@3 on the held-out split.", "Pass@3", None),
    ],
)
def test_metrics_any_name_with_a_cutoff_is_a_metric(extractor, text, name, value):
    assert mention(extractor, text, "metric", name).value == value


@pytest.mark.parametrize("text", ["Mail us at help@2024 or team@example.com.", "The top@10 list is fixed."])
def test_metrics_at_signs_that_are_not_cutoffs(extractor, text):
    assert found(extractor, text, "metric") == []


def test_metrics_bracketed_change_and_continued_values(extractor):
    values = {
        m.value for m in extractor(paper("It improves R@5 to 71.4%(+1.8%) over the baseline.")) if m.name == "Recall@5"
    }
    assert values == {"71.4%", "+1.8%"}
    text = "Total Watch Time increased by 0.210% in the main app and 0.185% in the Lite version."
    assert {m.value for m in extractor(paper(text)) if m.kind == "metric"} == {"0.210%", "0.185%"}


def test_metrics_respectively_lists_give_each_value(extractor):
    text = "It reaches the highest win rates on A, B, and C (81.2%, 79.4%, and 80.6% respectively)."
    assert {m.value for m in extractor(paper(text)) if m.kind == "metric"} == {"81.2%", "79.4%", "80.6%"}


@pytest.mark.parametrize(
    "text",
    [
        "The paper has 10 pages and 4 tables, accepted in 2024.",
        "A search system over 70 million pages of government PDFs.",
        "We collected 400 million user interactions in 2023.",
    ],
)
def test_metrics_numbers_that_are_not_metric_values(extractor, text):
    assert [m for m in extractor(paper(text)) if m.kind == "metric" and m.value] == []


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("Online A/B tests show a 2.1% CTR lift.", "online"),
        ("Offline experiments show AUC gains of 0.5%.", "offline"),
        ("On public datasets NDCG@10 improves by 3.2%.", "offline"),
    ],
)
def test_metrics_setting(extractor, text, setting):
    assert next(m for m in extractor(paper(text)) if m.kind == "metric").setting == setting


@pytest.mark.parametrize(
    "text",
    [
        "CTR models are trained on logs.",  # a modifier, not a measure
        "We study the diversity of results.",  # value-only metric without a value
        "Ranking NDCG@10 and NDCG are both reported.",
    ],
)
def test_metrics_not_measures(extractor, text):
    names = found(extractor, text, "metric")
    assert "CTR" not in names and "diversity" not in names and "NDCG" not in names


# --- deployment ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The model is deployed at Kuaishou App, serving 400 million users daily.",
        "Online A/B tests on Meituan confirm the gains.",
        "It has been launched in production on Taobao.",
    ],
)
def test_deployment_marks_deployed_companies(extractor, text):
    assert all(m.deployed for m in extractor(paper(text)) if m.kind == "company")
    assert found(extractor, text, "company")


def test_deployment_company_without_a_cue_is_not_deployed(extractor):
    assert mention(extractor, "We use logs released by Kuaishou.", "company", "Kuaishou").deployed is False


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The system has been deployed at Zalandor, a fashion platform.", "Zalandor"),
        ("Online A/B tests on Quokkashop App show gains.", "Quokkashop"),
    ],
)
def test_deployment_finds_companies_the_lexicon_lacks(extractor, text, company):
    assert mention(extractor, text, "company", company).deployed


def test_deployment_companies_given_as_examples_are_dropped(extractor):
    text = "Short-video platforms such as TikTok, Instagram and YouTube attract users."
    assert found(extractor, text, "company") == []


@pytest.mark.parametrize(
    "text",
    [
        "It enables personalized services on web platforms (e.g., Alipay).",
        "Platforms like TikTok reshape how users discover music.",
        "Short-video apps (TikTok, Kuaishou, etc.) dominate attention.",
    ],
)
def test_deployment_example_cue_before_or_etc_after_makes_an_example(extractor, text):
    assert found(extractor, text, "company") == []


def test_deployment_example_cue_elsewhere_in_the_sentence_is_not_about_the_company(extractor):
    text = "Experiments on the industrial dataset from Meituan show it beats baselines including DIN and DCN."
    assert "Meituan" in found(extractor, text, "company")


def test_deployment_url_is_not_a_company(extractor):
    assert found(extractor, "Code: https://github.com/microsoft/foo.", "company") == []


@pytest.mark.parametrize(
    "text",
    [
        "The quantised network is deployed on FPGAs with little memory.",
        "The planner has been deployed on the traffic platform of Qingshan District, Wuhan.",
        "It was shown through deployment at the Molecular and Cellular Imaging Department of a lab.",
    ],
)
def test_deployment_hardware_places_and_institutions_are_not_companies(extractor, text):
    assert found(extractor, text, "company") == []


# --- task phrases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "task"),
    [
        ("Store Graphs for Local-Life Recommendation", "Results are strong.", "local-life recommendation"),
        (None, "We target the grocery recommendation task.", "grocery recommendation"),
        (None, "It helps tasks such as compatibility prediction.", "compatibility prediction"),
        (None, "Results hold for interactive and explainable recommendation tasks.", "interactive recommendation"),
        (None, "Results hold for interactive and explainable recommendation tasks.", "explainable recommendation"),
        (None, "Gains hold for sequential and conversational recommendation.", "conversational recommendation"),
        ("LLM-based Generative Recommendation", "Results are strong.", "LLM-based recommendation"),
        (
            "Sparse Graphs for Multi-Channel Traffic Allocation",
            "Results are strong.",
            "multi-channel traffic allocation",
        ),
        ("Towards Query Understanding in Voice Shopping", "Results are strong.", "query understanding"),
        ("A Tale of Two Towers for Podcast Episode Ranking", "Results are strong.", "podcast episode ranking"),
        (None, "Prior work on Whole Basket Completion (WBC) is sparse; tasks like WBC need context.", "WBC"),
        ("Partial Overlap", "We study multimodal recommendation unlearning.", "recommendation unlearning"),
    ],
)
def test_tasks_phrases_built_on_a_task_word(extractor, title, text, task):
    assert task in found(extractor, text, "task", title)


@pytest.mark.parametrize(
    "text",
    [
        "We aim at accurate recommendation and effective retrieval.",
        "Improving recommendation is hard.",
        "Shops want more accurate and personalized recommendations.",
    ],
)
def test_tasks_evaluative_phrases_are_not_tasks(extractor, text):
    assert found(extractor, text, "task") == []


@pytest.mark.parametrize(
    ("title", "not_task"),
    [
        ("Hierarchical Store Tokenization for Sequential Recommendation", "hierarchical store tokenization"),
        ("A Graph Retrieval Framework", "graph retrieval"),
        ("Lightweight Adapters for On-Device Assistant Systems", "on-device assistant systems"),
        ("Fast Inference for Recommendation", "fast inference"),
    ],
)
def test_tasks_title_approach_before_for_is_not_the_task(extractor, title, not_task):
    assert not_task not in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    ("title", "not_task", "task"),
    [
        ("Training Search Agents with Step Rewards", "training search", None),
        ("Beyond Classification: Ranking Coughs by Severity", "beyond classification", None),
        ("Streaming Recommendation with Graph Memory", None, "streaming recommendation"),
        ("Benchmarking Table Retrieval for Agents", "benchmarking table retrieval", "table retrieval"),
    ],
)
def test_tasks_title_opening_verb_or_preposition_is_not_part_of_the_task(extractor, title, not_task, task):
    tasks = found(extractor, "Results are strong.", "task", title)
    assert not_task not in tasks
    assert task is None or task in tasks


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Recommending Podcasts Using Listening Graphs", "podcast recommendation"),
        ("Predicting Churn with Session Embeddings", "churn prediction"),
        ("Towards Explainable Recommender Systems", "explainable recommendation"),
        ("Graph Priors for Multi-Stakeholder Recommender Systems", "multi-stakeholder recommendation"),
    ],
)
def test_tasks_title_verb_or_system_names_the_task(extractor, title, task):
    assert task in found(extractor, "Results are strong.", "task", title)


@pytest.mark.parametrize(
    "title",
    [
        "Harnessing LLMs to Overcome Recommender System Failures",
        "How Recommender Systems Shape Taste",
        "On Sequentially Aware Recommender Systems",
        "Co-Designing Recommender Systems with Artists",
        "Efficient Recommender Systems",  # an evaluative word
    ],
)
def test_tasks_title_words_before_the_system_that_do_not_narrow_it(extractor, title):
    assert not [t for t in found(extractor, "Results are strong.", "task", title) if t != "recommendation"]


def test_tasks_acronym_named_as_a_task_is_not_proposed(extractor):
    text = "We study Whole Basket Completion (WBC). Prior methods for the WBC task are slow."
    assert "WBC" in found(extractor, text, "task", "Better Whole Basket Completion via Graphs")
    assert "WBC" not in found(extractor, text, "proposed", "Better Whole Basket Completion via Graphs")


@pytest.mark.parametrize(
    ("title", "text", "acronym", "long_form"),
    [
        (
            "A Survey of Basket-Level Retrieval",
            "Basket-Level Retrieval (BLR) returns whole carts at once.",
            "BLR",
            "basket-level retrieval",
        ),
        (
            None,
            "We study Knowledge-based Visual Question Answering (KB-VQA) over catalogues.",
            "KB-VQA",
            "visual question answering",
        ),
    ],
)
def test_tasks_defined_by_an_acronym_go_by_the_acronym(extractor, title, text, acronym, long_form):
    tasks = found(extractor, text, "task", title)
    assert acronym in tasks and long_form not in tasks


# --- API ---------------------------------------------------------------------------------


def test_extractor_pipe_matches_call(extractor):
    papers = [
        paper("We propose FooRec, a novel model. CTR rises by 1.5% on Taobao.", "FooRec: Ranking"),
        paper("Dense retrieval with BERT on MS MARCO."),
    ]
    assert list(extractor.pipe(papers)) == [extractor(p) for p in papers]


@pytest.mark.slow
def test_extractor_pipe_multiprocess_matches_single(extractor):
    papers = [paper(f"We propose FooRec{i}, a novel model. Online CTR rises by {i}.5% on Taobao.") for i in range(6)]
    assert list(extractor.pipe(papers, batch_size=2, n_process=2)) == list(extractor.pipe(papers))


def test_extractor_evidence_is_the_sentence(extractor):
    hit = mention(extractor, "First sentence. Online CTR rises by 3.5% on Taobao. Last one.", "metric", "CTR")
    assert hit.evidence == "Online CTR rises by 3.5% on Taobao."


def test_gold_record_shape(extractor):
    p = paper("We propose ShopBench, a new benchmark. Deployed on Taobao, CTR rises by 2.5%.", "ShopBench: A Dataset")
    record = gold_record(p, extractor(p))
    assert list(record) == [
        "source",
        "arxiv_id",
        "title",
        "proposed",
        "methods",
        "datasets",
        "companies",
        "metrics",
        "tasks",
        "outperforms",
        "results",
    ]
    assert "ShopBench" in record["proposed"] and "ShopBench" in record["datasets"]
    assert record["companies"] == ["Taobao"]
    assert {"name": "CTR", "value": "2.5%", "setting": "online"} in record["metrics"]
