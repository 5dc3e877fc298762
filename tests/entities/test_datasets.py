"""kg_datasets: datasets named by their context (extractors/entities/datasets.py), one
test per rule, with phrasings that must not match."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import found


def datasets(extractor: EntityExtractor, text: str, title: str | None = None) -> list[str]:
    return found(extractor, text, "dataset", title)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On the public Coffee Chain Sales dataset, the model achieves an MAE of 22.87.", "Coffee Chain Sales"),
        ("We evaluate our method on the public DOCILE dataset.", "DOCILE"),
        ("Tested on the large Harborline 3.0 dataset, our encoder ranks first.", "Harborline 3.0"),
        ("It advances the state of the art across the three STaRK benchmarks.", "STaRK"),
    ],
)
def test_datasets_named_before_noun(extractor, text, name):
    assert name in datasets(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "We release an AI-ready dataset of ocean profiles.",
        "Results on SSH-heavy benchmarks improve.",
        "We solve partial differential equations (PDEs). Across nine PDE benchmarks, ESO wins.",
        "Inputs may be out-of-catalogue (OOC). We test on the OOC benchmark of prior work.",
        "We build a 70-case OCR benchmark.",
        "Public datasets show gains.",
        # an acronym of a kind of data, signal or problem, undefined in the paper
        "Our sleep stager wins on four EEG datasets.",
        "We test the agent on a mobile GUI benchmark of shops.",
        "Accuracy rises on RGB datasets with heavy rain noise.",
        "On the ECG dataset of the ward, the detector is fast.",
    ],
)
def test_datasets_named_before_noun_not_a_kind_of_data(extractor, text):
    assert datasets(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We report results on benchmarks, including Quarrel, KITTI, and Meadow, with gains.", {"Quarrel", "Meadow"}),
        ("It wins on two datasets (Immune and Lung), with the best accuracy.", {"Immune", "Lung"}),
        ("We tested FLINT on two datasets, Bird and OTT-QA.", {"Bird", "OTT-QA"}),
        (
            "We use three datasets: CEX (English journal articles, many fields), EXCITE (German documents), "
            "and LinkedBooks (humanities references).",
            {"CEX", "EXCITE", "LinkedBooks"},
        ),
    ],
)
def test_datasets_listed_after_noun(extractor, text, names):
    assert names <= set(datasets(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "We use two datasets, Alpha and three others.",  # the count is not met
        "On three datasets, SegNSP outperforms all baselines.",  # one name, not a list of two
    ],
)
def test_datasets_listed_after_noun_needs_a_list(extractor, text):
    assert datasets(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Experiments on LoCoMo and TideRecall-s give steady gains.", {"TideRecall-s"}),
        ("On ALFWorld and WebShop with a small model, SIRI improves success.", {"ALFWorld", "WebShop"}),
        ("On CitiLink-Minutes, SegNSP achieves a B-F1 of 0.79.", {"CitiLink-Minutes"}),
    ],
)
def test_datasets_evaluated_on(extractor, text, names):
    assert names <= set(datasets(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "We evaluate on Qwen2.5-7B and Llama-3-8B models.",  # models
        "It yields significant gains on LogP, MR, and QED.",  # `gains on` names measures
        "On Monday, we released the code.",  # not coined
    ],
)
def test_datasets_evaluated_on_not_models_or_measures(extractor, text):
    assert datasets(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the cue word opening the sentence
        (
            "We study tables. Experiments on TabLoom, QuillSet, and PaperMint show steady gains.",
            {"TabLoom", "QuillSet", "PaperMint"},
        ),
        ("We study tables. Evaluations on the GlyphRack corpus confirm it.", {"GlyphRack"}),
        # a fronted cue: the list ends at its closing item or, with no conjunction, at its first
        ("We study tables. Evaluated on TabLoom and QuillSet, GrodNet beats every baseline.", {"TabLoom", "QuillSet"}),
        ("We study tables. Evaluated on TabLoom, GrodNet beats every baseline.", {"TabLoom"}),
        # a known dataset written with a glued version is still one
        ("We study reading. Experiments on SQuAD2.0 and QuillSet show gains.", {"SQuAD2.0", "QuillSet"}),
        # `On`/`Across` opening the sentence: the whole closed list
        ("We study tables. On TabLoom, QuillSet, and PaperMint, GrodNet gains.", {"TabLoom", "QuillSet", "PaperMint"}),
        ("We study tables. Across TabLoom and QuillSet, GrodNet gains.", {"TabLoom", "QuillSet"}),
        ("We study tables. Across Europe and Asia, we surveyed users.", set()),  # not coined
        ("We study tables. Across TabLoom and QuillSet models, it fails.", set()),  # models
    ],
)
def test_datasets_evaluated_on_opening_the_sentence(extractor, text, names):
    assert set(datasets(extractor, text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "We speed up video models. Experiments on Zork2.1 and HunyuanMovie show large speedups.",  # models
        "We speed up video models. Experiments on PixelGen-Medium show large speedups.",  # a model's size
        "We speed up kernels. Experiments on NVIDIA A40, A100, and AMD MI250X GPUs show gains.",  # machines
        "We speed up kernels. Evaluated on Alveo U50 and ZCU104, TRINE cuts latency.",  # not the subject
    ],
)
def test_datasets_evaluated_on_not_models_or_machines(extractor, text):
    assert "TRINE" not in datasets(extractor, text)
    assert not {"Zork2.1", "HunyuanMovie", "PixelGen-Medium", "A100", "AMD MI250X GPUs"} & set(
        datasets(extractor, text)
    )


def test_datasets_evaluated_on_in_a_title_not_a_phrase(extractor):
    title = "A Field Report on MCP Servers"
    assert datasets(extractor, "We survey servers of tools.", title) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We compare aggregation methods on questions from KalshiBench.", "KalshiBench"),
        ("Grounding a reader in AskChem yields resolvable DOIs on AskChem-Bench.", "AskChem-Bench"),
        ("It also helps on multi-hop OTT-QA questions.", "OTT-QA"),
    ],
)
def test_datasets_benchmark_suffix(extractor, text, name):
    assert name in datasets(extractor, text)


@pytest.mark.parametrize("text", ["Knowledge-base VQA and KBQA remain hard.", "The Bench is long."])
def test_datasets_benchmark_suffix_not_task_acronyms(extractor, text):
    assert datasets(extractor, text) == []


def test_datasets_listed_with_known(extractor):
    text = "Small agents refine their prompts on GSM8K, SVAMP, and ARC-Challenge with tiny models."
    assert {"GSM8K", "ARC-Challenge"} <= set(datasets(extractor, text))


def test_datasets_listed_with_known_not_a_mixed_list(extractor):
    text = "Detectors are compared: MovieLens, RoBERTa, RADAR and Binoculars."
    assert "RADAR" not in datasets(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The track leverages the MS MARCO V2.1 corpus.", "MS MARCO V2.1"),
        ("Experiments on Yelp and Gowalla-100k show gains.", "Gowalla-100k"),
        ("We conduct experiments on the public benchmark dataset ISIC 2018.", "ISIC 2018"),
        ("It is evaluated on the M-BEIR benchmark.", "M-BEIR"),
    ],
)
def test_datasets_versioned_names_are_named_as_written(extractor, text, name):
    assert name in datasets(extractor, text)


def test_datasets_versioned_names_not_a_modifier(extractor):
    assert "MovieLens" in datasets(extractor, "We run MovieLens-based experiments on the MovieLens dataset.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a Greek letter heads a benchmark's name, as TeX or as the letter
        ("Our planner solves most tasks of the $\\omega^2$-suite benchmark.", "ω²-suite"),
        ("We evaluate the agent on κ-shop, a benchmark of tool calls.", "κ-shop"),
    ],
)
def test_datasets_greek_letter_heads_the_name(extractor, text, name):
    assert name in datasets(extractor, text)
