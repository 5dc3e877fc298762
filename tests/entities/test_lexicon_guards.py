"""How entries of the curated lists match: on sight where the name is distinctive, with
a cue or a pattern of their kind where it is also an ordinary word or comes from a noisy
list; named as the text writes them. One behaviour per test, on sentences written here
and a lexicon folder written here (the shipped lexicons change with every rebuild)."""

from __future__ import annotations

import json

import pytest

from extractors.entities import EntityExtractor
from extractors.entities.lexicon import FILES, KnownNames
from tests.entities.helpers import found

LISTED = "curated:test"
ENTRIES = {
    "dataset": [
        {"name": "Gorpus", "aliases": [], "needs_cue": ["Gorpus"]},
        {"name": "RGBX", "aliases": [], "needs_cue": ["RGBX"]},
        {"name": "Steam", "aliases": [], "needs_pattern": ["Steam"]},
        {"name": "ZQA-Bench", "aliases": ["ZQA"]},
        {"name": "MovieLens-1M", "aliases": ["ML-1M"]},
        {"name": "FooSet", "aliases": [], "needs_pattern": ["FooSet"]},
        {"name": "BarSet", "aliases": [], "needs_pattern": ["BarSet"]},
        {"name": "Librispeech Corpus", "aliases": ["LibriSpeech", "librispeech"]},
        {"name": "MMLU", "aliases": []},
        {"name": "Yelpo", "aliases": []},
    ],
    "company": [
        {"name": "Zalando", "aliases": ["Zalando SE"], "needs_cue": ["Zalando"]},
        {"name": "Yelpo", "aliases": []},
        {"name": "NVIDIA", "aliases": []},
        {"name": "GitHub", "aliases": []},
    ],
    "metric": [
        {"name": "Dice", "aliases": [], "needs_cue": ["Dice"]},
        {"name": "WER", "aliases": ["word error rate"], "needs_cue": ["WER"]},
    ],
    "task": [{"name": "node classification", "aliases": []}],
    "method": [
        {"name": "Reciprocal Rank", "aliases": []},
        {"name": "ToolNet", "aliases": []},
        {"name": "Qwen", "aliases": ["Qwen2.5", "Qwen3"], "versioned": True},
        {"name": "Llama", "aliases": [], "versioned": True},
        {"name": "GPT-4o", "aliases": [], "versioned": True},
        {"name": "Claude", "aliases": [], "versioned": True},
    ],
}


@pytest.fixture(scope="module")
def extractor(tmp_path_factory) -> EntityExtractor:
    folder = tmp_path_factory.mktemp("lexicons")
    for kind, stem in FILES.items():
        with open(folder / f"{stem}.jsonl", "w", encoding="utf-8") as handle:
            for entry in ENTRIES.get(kind, []):
                handle.write(json.dumps({**entry, "verbatim": True, "source": [LISTED]}) + "\n")
    return EntityExtractor(lexicon_dir=str(folder))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We evaluate on the Gorpus dataset.", ["Gorpus"]),
        # (Qux, in no lexicon, is named by the list after `two benchmarks`: datasets.py)
        ("Experiments on two benchmarks, Gorpus and Qux, follow.", ["Gorpus", "Qux"]),
    ],
)
def test_lexicon_guard_cue_word_near_a_dataset_name_confirms_it(extractor, text, names):
    assert found(extractor, text, "dataset") == names


@pytest.mark.parametrize("text", ["Gorpus is what we call it.", "The model was trained by Gorpus and others."])
def test_lexicon_guard_dataset_name_without_a_cue_is_not_one(extractor, text):
    assert found(extractor, text, "dataset") == []


@pytest.mark.parametrize(("text", "kind"), [("We use the Steam dataset.", "dataset"), ("Data of Steam users.", None)])
def test_lexicon_guard_pattern_is_the_kind_word_right_beside_the_name(extractor, text, kind):
    assert found(extractor, text, "dataset") == (["Steam"] if kind else [])


def test_lexicon_guard_a_name_listed_with_a_confirmed_one_is_confirmed(extractor):
    assert found(extractor, "Results on ZQA-Bench, Steam and FooSet improve.", "dataset") == [
        "ZQA-Bench",
        "Steam",
        "FooSet",
    ]


def test_lexicon_guard_a_guarded_word_of_a_longer_capitalised_name_is_not_the_name(extractor):
    # the longer name is the dataset (`the X dataset`, datasets.py), never `Steam`
    assert found(extractor, "We release the Steam Game Reviews dataset.", "dataset") == ["Steam Game Reviews"]


@pytest.mark.parametrize(
    ("text", "names"), [("We test on MMLU-Redux.", ["MMLU-Redux"]), ("Our RGB-ZQA model is small.", [])]
)
def test_lexicon_listed_name_run_on_by_a_hyphen_is_a_longer_name(extractor, text, names):
    # never the list's `MMLU` or `ZQA`; `MMLU-Redux` is the longer name (datasets.py)
    assert found(extractor, text, "dataset") == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We evaluate on ZQA.", "ZQA"),  # an alias keeps its own spelling
        ("Results on Librispeech improve.", "Librispeech"),  # a lower-case alias matches in any case
        ("Node classification accuracy rises.", "Node classification"),
    ],
)
def test_lexicon_listed_name_is_named_as_the_text_writes_it(extractor, text, name):
    kind = "task" if "classification" in name else "dataset"
    assert found(extractor, text, kind) == [name]


def test_lexicon_listed_name_with_a_capital_matches_exactly(extractor):
    assert found(extractor, "We evaluate on zqa-bench and mmlu.", "dataset") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [("Gains are measured by a Dice of 0.91.", ["Dice"]), ("We roll a Dice twice.", [])],
)
def test_lexicon_guard_metric_name_needs_its_value(extractor, text, names):
    assert found(extractor, text, "metric") == names


@pytest.mark.parametrize(
    ("text", "names"),
    [("The model runs on Zalando's app.", ["Zalando"]), ("Zalando is a word here.", [])],
)
def test_lexicon_guard_company_name_needs_a_company_cue(extractor, text, names):
    assert found(extractor, text, "company") == names


def test_lexicon_known_names_hold_only_names_matched_on_sight(extractor):
    known = KnownNames(extractor.entries.values())
    assert "ZQA-Bench" in known and "ML-1M" in known
    assert "Gorpus" not in known and "Steam" not in known and "Dice" not in known


@pytest.mark.parametrize(
    "text",
    [
        "Images in red-green-blue (RGBX) form are in the dataset.",
        "Across two datasets the RGBX (Red Green Blue X) values vary.",
    ],
)
def test_lexicon_guard_name_the_paper_spells_out_is_the_papers_own(extractor, text):
    assert found(extractor, text, "dataset") == []


def test_lexicon_guard_long_name_with_its_acronym_after_it_stays(extractor):
    assert found(extractor, "We use the Librispeech Corpus (LSC) for the speech dataset.", "dataset") == [
        "Librispeech Corpus"
    ]


def test_lexicon_guard_metric_value_may_come_first(extractor):
    assert found(extractor, "It reaches an 18.3% Dice gain.", "metric") == ["Dice"]


def test_lexicon_guard_acronym_among_the_capitals_of_a_title_is_a_name(extractor):
    assert found(extractor, "We study speech.", "metric", title="Rethinking WER Scores for Speech") == ["WER"]


def test_lexicon_listed_long_form_then_its_acronym_go_by_the_acronym(extractor):
    text = "Our model lowers the word error rate (WER) to 5.1%, and WER falls further."
    assert found(extractor, text, "metric") == ["WER"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Results are fused by Reciprocal Rank Fusion.", []),  # a longer Title Case name
        ("On ToolNet F1 rises while BEIR ToolNet scores fall.", ["ToolNet"]),  # beside acronyms it stands
        ("Across ToolNet and others, gains hold.", ["ToolNet"]),  # a sentence's first word is capitalised anyway
    ],
)
def test_lexicon_listed_name_inside_a_longer_capitalised_name_is_not_the_name(extractor, text, names):
    assert found(extractor, text, "method") == names


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We use the Yelpo dataset for training.", "dataset"),
        ("Experiments on Yelpo show gains.", "dataset"),
        ("The ranker was launched at Yelpo last year.", "company"),
        ("Yelpo's users rate restaurants.", "company"),
        ("The model is deployed online for Yelpo, serving shoppers.", "company"),
        ("Yelpo is a name here.", "dataset"),
    ],
)
def test_lexicon_name_both_company_and_dataset_is_decided_by_its_context(extractor, text, kind):
    other = "company" if kind == "dataset" else "dataset"
    assert found(extractor, text, kind) == ["Yelpo"]
    assert found(extractor, text, other) == []


@pytest.mark.parametrize(
    "text",
    [
        "We train on NVIDIA A100 GPUs.",
        "Latency is measured on an NVIDIA edge GPU.",
        "Our code is available on GitHub.",
        "The implementation is released at https://x.org and GitHub.",
        "See our GitHub repository for details.",
        "Code is on \\href{this https URL}{GitHub}.",
        "We release the model weights on GitHub.",
    ],
)
def test_lexicon_company_named_for_its_hardware_or_as_code_host_is_not_one(extractor, text):
    assert found(extractor, text, "company") == []


def test_lexicon_company_whose_platform_is_studied_stays(extractor):
    assert found(extractor, "We analyse 2,000 GitHub issues and NVIDIA's forum posts.", "company") == [
        "GitHub",
        "NVIDIA",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We use two public benchmarks, including FooSet and BarSet.",
        "Experiments on FooSet and BarSet show gains.",
        "On FooSet, BarSet and others the model wins.",
    ],
)
def test_lexicon_guard_dataset_pattern_includes_lists_a_dataset_word_opens_and_results_on(extractor, text):
    assert found(extractor, text, "dataset") == ["FooSet", "BarSet"]


def test_lexicon_guard_dataset_pattern_is_not_any_mention(extractor):
    assert found(extractor, "FooSet and BarSet are two words we made up.", "dataset") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We fine-tune Qwen2.5-7B-Instruct and Llama 3.1 8B.", ["Qwen2.5-7B-Instruct", "Llama 3.1 8B"]),
        ("Judges were GPT-4o mini and Claude Opus 4.6.", ["GPT-4o mini", "Claude Opus 4.6"]),
        ("On Qwen3-1.7B the gain holds.", ["Qwen3-1.7B"]),
        ("We ask Llama 3.", ["Llama 3"]),
        ("Claude and Llama in 2024 were tried.", ["Claude", "Llama"]),  # no version: the family
    ],
)
def test_lexicon_model_family_is_read_with_its_version(extractor, text, names):
    assert found(extractor, text, "method") == names


def test_lexicon_metric_with_a_letter_cut_off_keeps_it(tmp_path):
    metrics = tmp_path / "metrics.jsonl"
    metrics.write_text(json.dumps({"name": "NDCG", "aliases": [], "at_k": True, "source": ["kg"]}) + "\n")
    extractor = EntityExtractor(lexicon_dir=str(tmp_path))
    assert found(extractor, "We report NDCG@K and NDCG@10.", "metric") == ["NDCG@K", "NDCG@10"]


@pytest.mark.parametrize("text", ["The framework is fast.", "Deployed at Zalando, it serves Zalando's users."])
def test_lexicon_company_naming_the_paper_in_its_title_is_the_papers_own(extractor, text):
    assert found(extractor, text, "company", title="Zalando: A Framework for Ranking") == []
    assert found(extractor, text, "proposed", title="Zalando: A Framework for Ranking") == ["Zalando"]
