"""Task families of issue 15 (dev gold): a task's systems defined by an acronym, ...;
each with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def tasks(extractor: EntityExtractor, abstract: str, title: str | None = None) -> list[str]:
    return found(extractor, abstract, "task", title)


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Our review covers cross-lingual podcast recommendation systems (CPRS) in depth.", "CPRS"),
        ("Attacks on wireless intrusion detection systems (WIDS) grow. We harden a detector.", "WIDS"),
    ],
)
def test_task_systems_named_by_their_task_go_by_the_acronym(
    extractor: EntityExtractor, text: str, acronym: str
) -> None:
    assert acronym in tasks(extractor, text, "A Title")


def test_task_systems_acronym_names_the_title_task_too(extractor: EntityExtractor) -> None:
    text = "We survey multi-hop recipe recommendation systems (MRRS) and their limits."
    found_tasks = tasks(extractor, text, "Multi-Hop Recipe Recommenders: A Survey")
    assert "MRRS" in found_tasks
    assert "multi-hop recipe recommendation" not in found_tasks


@pytest.mark.parametrize(
    "text",
    [
        # a system the paper builds and names is proposed, not a task
        "We develop the Tabular Claim Retrieval System (TACRES), which reads forms.",
        # a long form with a function word is a paradigm, not a task's systems
        "We set out a Unified design for Cross-modal Ranking systems (UCRS) here.",
        # bare `recommendation systems`: no task is narrowed
        "Recommendation systems (RS) shape what people read online today.",
    ],
)
def test_task_systems_acronym_not_a_task(extractor: EntityExtractor, text: str) -> None:
    found_tasks = tasks(extractor, text, "A Title")
    assert not any(t.isupper() for t in found_tasks), found_tasks


@pytest.mark.parametrize(
    "title",
    [
        "Sparse Embeddings via Offline Synthetic Passage Generation",
        "Faster Rerankers with Learned Candidate Selection",
        "Better Tutors Leveraging Symbolic Proof Reasoning",
    ],
)
def test_task_title_phrase_after_a_means_word_is_no_task(extractor: EntityExtractor, title: str) -> None:
    assert tasks(extractor, "Results are strong.", title) == []


@pytest.mark.parametrize(
    ("title", "task"),
    [
        # the phrase is the task where `for`/`in`/`to` comes between
        ("Adapters via LoRA for Legal Clause Classification", "legal clause classification"),
        ("Graph Priors in Citation Intent Classification", "citation intent classification"),
    ],
)
def test_task_title_phrase_after_a_purpose_word_stays(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We study LLM selection problems under tight memory budgets on phones.", "LLM selection"),
        ("Our toolkit targets cheap RAG evaluation tasks for small clinics.", "RAG evaluation"),
        # in the abstract the words before the acronym are its own, not the task's
        ("We frame sparse LLM reasoning tasks as search over short plans.", "LLM reasoning"),
    ],
)
def test_task_head_acting_on_a_named_acronym(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    "text",
    [
        # what a model does in any paper, not a task acting on it
        "We fix LLM generation problems with a short reranking pass here.",
        # a compound that says how: the acronym is the means
        "We study LLM-based tagging problems for music catalogues at scale.",
        # a metric's acronym: the lexicon task names it
        "We revisit CTR prediction tasks for tiny shops.",
    ],
)
def test_task_head_after_a_named_acronym_not_matched(extractor: EntityExtractor, text: str) -> None:
    found_tasks = tasks(extractor, text, "A Title")
    assert not any(t.startswith(("LLM ", "LLM-")) for t in found_tasks), found_tasks
    assert all(t.lower() != "ctr prediction" or t == "CTR prediction" for t in found_tasks)


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Graph Priors for Out-of-Stock Basket Recommendation", "out-of-stock basket recommendation"),
        ("A Study of Point-of-Sale Fraud Detection", "point-of-sale fraud detection"),
    ],
)
def test_task_three_part_compound_and_a_word_before_the_head(extractor: EntityExtractor, title: str, task: str) -> None:
    assert task in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    ("title", "not_task"),
    [
        # a compound that is a stop word, or says how
        ("A Study of End-to-End Receipt Parsing", "end-to-end receipt parsing"),
        ("A Study of Rule-of-Thumb-Guided Query Ranking", "rule-of-thumb-guided query ranking"),
    ],
)
def test_task_three_part_compound_that_does_not_narrow(extractor: EntityExtractor, title: str, not_task: str) -> None:
    assert not_task not in tasks(extractor, "Results are strong.", title)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We formulate parcel route prediction as sequence labelling over road cells.", "parcel route prediction"),
        ("This work frames the shelf gap detection task as a segmentation problem.", "shelf gap detection"),
        ("We recast lyric snippet retrieval as matching in a joint audio space.", "lyric snippet retrieval"),
    ],
)
def test_task_restated_by_a_formulating_verb(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "not_task"),
    [
        # no `as`: the verb does not restate a problem
        ("We formulate parcel route prediction rules for couriers in big towns.", "parcel route prediction"),
        # the phrase does not follow the verb
        ("We frame it as noisy shelf gap detection for grocery shelves at night.", "noisy shelf gap detection"),
    ],
)
def test_task_formulating_verb_not_matched(extractor: EntityExtractor, text: str, not_task: str) -> None:
    assert not_task not in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("We study ticket triage classification at a small help desk.", "ticket triage classification"),
        ("This paper investigates the sarcasm span detection of short posts.", "sarcasm span detection"),
    ],
)
def test_task_object_of_the_papers_own_verb(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "not_task"),
    [
        # not the paper's own verb
        ("Others study ticket triage classification at a small help desk.", "ticket triage classification"),
        # a question, not a problem named
        ("We study whether ticket triage classification helps agents.", "whether ticket triage classification"),
    ],
)
def test_task_object_of_a_verb_not_matched(extractor: EntityExtractor, text: str, not_task: str) -> None:
    assert not_task not in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Gains hold on lemma retrieval and proof repair tasks alike.", "lemma retrieval"),
        ("Scores rise across chart captioning or map reading tasks today.", "chart captioning"),
    ],
)
def test_task_conjunct_of_a_list_before_tasks(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "not_task"),
    [
        # a verb's object inside a clause, not a list of tasks
        ("We add heads which merge lemma retrieval and proof repair tasks.", "merge lemma retrieval"),
        ("We add heads which merge lemma retrieval and proof repair tasks.", "lemma retrieval"),
        # `which` opens no task
        ("Tools which reasoning and proof repair tasks need are scarce.", "which reasoning"),
    ],
)
def test_task_conjunct_of_a_list_not_matched(extractor: EntityExtractor, text: str, not_task: str) -> None:
    assert not_task not in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Score calibration and pruning are central to fair ad auctions. We add a layer.", "score calibration"),
        ("Seabed segmentation or mapping remains costly for small boats. We add a prior.", "seabed segmentation"),
    ],
)
def test_task_opening_subject_with_a_second_conjunct(extractor: EntityExtractor, text: str, task: str) -> None:
    assert task in tasks(extractor, text, "A Title")


@pytest.mark.parametrize(
    ("text", "not_task"),
    [
        # one term with its acronym, not two conjuncts
        ("Joint sensing and communication (JSC) shares one radio. We add a prior.", "joint sensing"),
        # no verb after the second conjunct
        ("Score calibration and pruning for fair ad auctions. We add a layer.", "score calibration"),
    ],
)
def test_task_opening_second_conjunct_not_matched(extractor: EntityExtractor, text: str, not_task: str) -> None:
    assert not_task not in tasks(extractor, text, "A Title")


def test_task_title_tail_drops_the_company_that_runs_it(extractor: EntityExtractor) -> None:
    found_tasks = tasks(extractor, "We ship it to all users.", "Sparse Towers for Kuaishou Ads Ranking")
    assert "ads ranking" in found_tasks
    assert not any("kuaishou" in t.lower() for t in found_tasks)


def test_task_title_tail_without_a_company_keeps_its_modifiers(extractor: EntityExtractor) -> None:
    assert "mobile ads ranking" in tasks(extractor, "We ship it.", "Sparse Towers for Mobile Ads Ranking")
