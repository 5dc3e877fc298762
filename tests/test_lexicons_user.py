"""User lexicons (`--lexicon DIR`, KG_LEXICON_DIR): entries in the package's format add to
or replace the package's; a bad line is one error naming the file and line."""

from __future__ import annotations

import json

import pytest

from kg.errors import LexiconError
from kg.lexicons import combine, read_user_lexicons
from tests.conftest import run_kg

PAPERS = [
    {
        "arxiv_id": "2601.00001",
        "title": "Ranking at Zorblax Mall",
        "authors": ["Ann Lee"],
        "abstract": "We present a ranking model for the Zorblax Mall marketplace. An online A/B test on "
        "Zorblax Mall shows a 3.2% increase in CTR over the production baseline.",
    },
    {
        "arxiv_id": "2601.00002",
        "title": "Short videos at scale",
        "authors": ["Bo Chen"],
        "abstract": "We deploy a retrieval model in Kuaishou, serving hundreds of millions of users, and "
        "improve watch time by 1.2% in an online A/B test.",
    },
]


@pytest.fixture
def digest(tmp_path):
    path = tmp_path / "digest.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    return path


@pytest.fixture
def lexicon(tmp_path):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "companies.jsonl").write_text(
        json.dumps({"name": "Zorblax Mall", "aliases": ["Zorblax"], "parent": "Zorblax Group"})
        + "\n"
        + json.dumps({"name": "Kuaishou", "zh": ["快手"], "parent": "Kwai Group"})
        + "\n"  # replaces the package's
    )
    return folder


def companies(url: str, company: str) -> list[dict]:
    result = run_kg("query", "papers-by-company", "-p", f"company={company}", "-s", url, "-f", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_lexicons_user_company_appears_in_papers_by_company(store_url_any, digest, lexicon):
    assert companies_after(store_url_any, digest, None) == []
    loaded = run_kg("ingest", "-s", store_url_any, str(digest), "--lexicon", str(lexicon))
    assert loaded.returncode == 0, loaded.stderr
    rows = companies(store_url_any, "Zorblax Mall")
    assert rows == [
        {"paper": "2601.00001", "title": "Ranking at Zorblax Mall", "company": "Zorblax Mall", "deployed": True}
    ]
    assert [r["company"] for r in companies(store_url_any, "Zorblax Group")] == ["Zorblax Mall"]  # by its parent
    assert [r["company"] for r in companies(store_url_any, "Kwai Group")] == ["Kuaishou"]  # the override's parent


def companies_after(url: str, digest, lexicon) -> list[dict]:
    args = ["ingest", "-s", url, str(digest)] + (["--lexicon", str(lexicon)] if lexicon else [])
    assert run_kg(*args).returncode == 0
    return companies(url, "Zorblax Mall")


def test_lexicons_user_folder_from_the_environment(tmp_path, digest, lexicon):
    store = str(tmp_path / "kg.lbug")
    loaded = run_kg("ingest", "-s", store, str(digest), env={"KG_LEXICON_DIR": str(lexicon)})
    assert loaded.returncode == 0, loaded.stderr
    assert [r["paper"] for r in companies(store, "Zorblax Mall")] == ["2601.00001"]
    extracted = run_kg("extract", str(digest), "--lexicon", str(lexicon))
    assert json.loads(extracted.stdout.splitlines()[0])["companies"] == ["Zorblax Mall"]


@pytest.mark.parametrize(
    "file, text, message",
    [
        ("companies.jsonl", '{"name": "A"}\n{"name": "B"\n', "companies.jsonl:2: Expecting ',' delimiter"),
        ("datasets.jsonl", '{"name": "A"}\n\n{"aliases": ["x"]}\n', "datasets.jsonl:3: entry without a name"),
        (
            "products.jsonl",
            '{"name": "A"}\n',
            "products.jsonl: not a lexicon file name; use companies.jsonl, "
            "datasets.jsonl, methods.jsonl, metrics.jsonl, tasks.jsonl",
        ),
    ],
    ids=["bad-json", "no-name", "unknown-file"],
)
def test_lexicons_user_bad_line_is_one_error_naming_file_and_line(tmp_path, digest, file, text, message):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / file).write_text(text)
    with pytest.raises(LexiconError) as caught:
        read_user_lexicons(folder)
    assert str(caught.value).startswith(f"{folder / file}")
    result = run_kg("ingest", "-s", str(tmp_path / "kg.lbug"), str(digest), "--lexicon", str(folder))
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"Error: {folder / file}") and message.split(": ", 1)[-1] in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_lexicons_user_missing_folder_is_one_line(tmp_path, digest):
    result = run_kg("ingest", "-s", str(tmp_path / "kg.lbug"), str(digest), "--lexicon", str(tmp_path / "none"))
    assert (result.returncode, result.stderr.strip()) == (1, f"Error: {tmp_path / 'none'}: no such lexicon folder")


def test_lexicons_user_entries_replace_by_name_and_add_the_rest():
    package = [{"name": "Kuaishou", "parent": None}, {"name": "Taobao", "parent": "Alibaba"}, {"name": "KuaiShou"}]
    user = [{"name": "kuaishou", "parent": "Kwai Group"}, {"name": "Zorblax Mall"}]
    assert combine(package, user) == [
        {"name": "kuaishou", "parent": "Kwai Group"},
        {"name": "Taobao", "parent": "Alibaba"},
        {"name": "Zorblax Mall"},
    ]
