"""Corpus-level knowledge (`kg learn`, kg/knowledge.py): a name two papers of the store back
with a strong cue becomes an entry of `kg-learned/` beside the store, which later ingests
and `kg reextract` apply to papers that merely mention it. Real LadybugDB files, the real
`kg` entry point; the papers are invented."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.knowledge import acronym_like, has_dataset_cue, specific
from tests.conftest import run_kg

PAPERS = [
    {  # releases a benchmark: one backing paper
        "arxiv_id": "2601.00011",
        "title": "Zorvex: a benchmark for tabular question answering",
        "abstract": "We introduce Zorvex, a new benchmark of 12,000 questions over spreadsheets.",
    },
    {  # names it beside a dataset word: the second
        "arxiv_id": "2601.00012",
        "title": "Reading tables with small models",
        "abstract": "Experiments on the Zorvex benchmark show that a small model answers 61.2% of the questions.",
    },
    {  # merely mentions it
        "arxiv_id": "2601.00013",
        "title": "Errors of table readers",
        "abstract": "We study the errors table readers make. We find that half of the failures on Zorvex "
        "come from merged cells.",
    },
    {  # proposes a method
        "arxiv_id": "2601.00014",
        "title": "QuillRank: ranking with quills",
        "abstract": "We propose QuillRank, a ranking model for feeds. It improves NDCG@10 by 3.1%.",
    },
    {  # another paper names the method
        "arxiv_id": "2601.00015",
        "title": "Feed ranking revisited",
        "abstract": "We propose a listwise ranker for news feeds. It outperforms QuillRank and DIN on two datasets.",
    },
    {  # merely mentions the method
        "arxiv_id": "2601.00016",
        "title": "A survey of feed ranking",
        "abstract": "We survey feed ranking. Recent rankers such as QuillRank rely on quill features.",
    },
    {  # one paper's own cue alone: never learned
        "arxiv_id": "2601.00017",
        "title": "Learning from Blorfin",
        "abstract": "We evaluate our parser on the Blorfin dataset and reach 88.0% accuracy.",
    },
    {
        "arxiv_id": "2601.00018",
        "title": "Parsing again",
        "abstract": "We test the parser on Blorfin again.",
    },
]

LATER = {
    "arxiv_id": "2602.00021",
    "title": "Spreadsheets in the wild",
    "abstract": "A follow-up on Zorvex: the questions are harder than they look.",
}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def papers_of(store: str, rel: str, label: str, name: str) -> list[str]:
    cypher = f"MATCH (p:Paper)-[:{rel}]->(c:{label} {{name: '{name}'}}) RETURN p.arxiv_id AS id ORDER BY id"
    result = run_kg("query", cypher, "-s", store, "-f", "json")
    assert result.returncode == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


@pytest.fixture
def learned_store(tmp_path) -> tuple[str, Path]:
    store = str(tmp_path / "kg.lbug")
    loaded = run_kg("ingest", "-s", store, str(write_jsonl(tmp_path / "digest.jsonl", PAPERS)))
    assert loaded.returncode == 0, loaded.stderr
    return store, tmp_path / "kg-learned"


def learned_names(folder: Path) -> dict[str, list[str]]:
    return {
        file.stem: [json.loads(line)["name"] for line in file.read_text().splitlines()]
        for file in sorted(folder.glob("*.jsonl"))
    }


def test_knowledge_learns_names_two_papers_back_and_reextract_applies_them(learned_store):
    store, folder = learned_store
    assert papers_of(store, "EVALUATES_ON", "Dataset", "Zorvex") == ["2601.00011", "2601.00012"]
    assert papers_of(store, "USES", "Method", "QuillRank") == ["2601.00015"]

    learned = run_kg("learn", "-s", store)
    assert learned.returncode == 0, learned.stderr
    assert "2 names learned" in learned.stdout and str(folder) in learned.stdout
    # Blorfin: one paper's cue alone
    assert learned_names(folder) == {"datasets": ["Zorvex"], "methods": ["QuillRank"]}
    entry = json.loads((folder / "datasets.jsonl").read_text())
    assert entry["learned"] and entry["case"] and entry["papers"] == ["2601.00011", "2601.00012"]

    assert run_kg("reextract", "-s", store).returncode == 0
    assert papers_of(store, "EVALUATES_ON", "Dataset", "Zorvex") == ["2601.00011", "2601.00012", "2601.00013"]
    assert papers_of(store, "USES", "Method", "QuillRank") == ["2601.00015", "2601.00016"]
    # the paper that proposes the method still proposes it, and does not also use it
    assert papers_of(store, "PROPOSES", "Method", "QuillRank") == ["2601.00014"]
    assert papers_of(store, "EVALUATES_ON", "Dataset", "Blorfin") == ["2601.00017"]

    # learning again from the re-extracted store keeps the names; the survey backs the method now
    assert run_kg("learn", "-s", store).returncode == 0
    assert learned_names(folder) == {"datasets": ["Zorvex"], "methods": ["QuillRank"]}
    method = json.loads((folder / "methods.jsonl").read_text())
    assert method["papers"] == ["2601.00014", "2601.00015", "2601.00016"]
    assert run_kg("reextract", "-s", store).returncode == 0
    assert papers_of(store, "USES", "Method", "QuillRank") == ["2601.00015", "2601.00016"]


def test_knowledge_later_ingest_loads_the_learned_names_beside_the_store(learned_store, tmp_path):
    store, folder = learned_store
    assert run_kg("learn", "-s", store).returncode == 0
    later = write_jsonl(tmp_path / "later.jsonl", [LATER])
    assert run_kg("ingest", "-s", store, str(later)).returncode == 0
    assert "2602.00021" in papers_of(store, "EVALUATES_ON", "Dataset", "Zorvex")

    # without the folder, a fresh store does not know the name; --learned points at one
    other = str(tmp_path / "elsewhere" / "kg.lbug")
    (tmp_path / "elsewhere").mkdir()
    assert run_kg("ingest", "-s", other, str(later)).returncode == 0
    assert papers_of(other, "EVALUATES_ON", "Dataset", "Zorvex") == []
    assert run_kg("reextract", "-s", other, "--learned", str(folder)).returncode == 0
    assert papers_of(other, "EVALUATES_ON", "Dataset", "Zorvex") == ["2602.00021"]

    extracted = run_kg("extract", str(later), "--lexicon", str(folder))
    assert json.loads(extracted.stdout)["datasets"] == ["Zorvex"]


def test_knowledge_missing_learned_folder_is_one_line(tmp_path):
    digest = write_jsonl(tmp_path / "digest.jsonl", [LATER])
    missing = tmp_path / "none"
    result = run_kg("ingest", "-s", str(tmp_path / "kg.lbug"), str(digest), "--learned", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {missing}: no such learned lexicon folder (run `kg learn`)"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Experiments on the Zorvex dataset show gains.", "Zorvex"),
        ("We use the Zorvex-2 benchmark.", "Zorvex-2"),
        ("Results on Quorb, Zorvex and Plimm datasets.", "Zorvex"),
        ("We evaluate on benchmarks such as Quorb and Zorvex.", "Zorvex"),
        ("It draws on the Zorvex corpus.", "Zorvex"),
    ],
)
def test_knowledge_dataset_cue_beside_the_name(text, name):
    assert has_dataset_cue(text, name)


@pytest.mark.parametrize(
    "text, name",
    [
        ("We study Zorvex in detail.", "Zorvex"),  # no dataset word
        ("The Zorvex-2 dataset is larger.", "Zorvex"),  # another name
        ("Zorvex improves results on three datasets of news.", "Zorvex"),  # the word is far, not a list
        ("AZorvex benchmark", "Zorvex"),  # inside a word
    ],
)
def test_knowledge_no_dataset_cue(text, name):
    assert not has_dataset_cue(text, name)


WORDS = Counter({"books": 40, "real": 90, "world": 80, "multi": 30, "Arabic": 25, "Qilin": 3})


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("Zorvex", "dataset", True),
        ("Qilin", "dataset", True),  # a capitalised word, written by few papers beyond its backing
        ("Spider 2.0", "dataset", True),
        ("QuillRank", "method", True),
        ("MMGCN", "method", True),  # five capitals: long enough for a method
        ("Books", "dataset", False),  # the corpus writes it in lower case
        ("Real World", "dataset", False),
        ("Arabic", "dataset", False),  # a capitalised word many papers write
        ("MoM", "method", False),  # short acronyms have several senses
        ("QGpT", "method", False),
        ("TIGER", "dataset", False),
        ("multi-LLM", "method", False),  # a word and an acronym
        ("quill ranking", "method", False),  # a phrase, not a name
        ("MovieLens", "dataset", False),  # known already
        ("Ab", "dataset", False),
    ],
)
def test_knowledge_specific_names(name, kind, expected):
    assert specific(name, kind, known={"movielens"}, words=WORDS, backing=2) is expected


def test_knowledge_acronym_like():
    assert [acronym_like(n) for n in ("MoM", "cNMF", "TIGER", "QuillRank", "SIFT1M")] == [
        True,
        True,
        True,
        False,
        False,
    ]
