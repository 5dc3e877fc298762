"""Ingest into the embedded store: one node per paper across inputs, idempotence."""

from __future__ import annotations

import pytest

from kg.ingest import ingest
from tests.conftest import SEEDS, seed


def paper_count(store) -> int:
    return store.query("MATCH (p:Paper) RETURN count(p) AS n").rows[0][0]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The four seeds ingested once, with extraction, into a store kept for the module."""
    from kg.store import open_store

    path = tmp_path_factory.mktemp("seeded") / "seeds.lbug"
    with open_store(str(path)) as store:
        report = ingest([str(SEEDS)], store=store)
        counts = store.counts()
    return path, report, counts


def test_ingest_seeds_make_91_papers(seeded):
    _, report, counts = seeded
    assert not report.failed
    assert [f.papers for f in report.files] == [8, 6, 10, 69]
    assert counts["nodes"]["Paper"] == 91
    assert counts["nodes"]["Source"] == 4
    assert counts["relationships"]["LISTED_IN"] == 93


def test_ingest_merges_a_paper_seen_twice(seeded):
    from kg.store import open_store

    with open_store(str(seeded[0]), read_only=True) as store:
        rows = store.query(
            "MATCH (a:Author)-[w:WROTE]->(p:Paper {key: '2511.11305'}) RETURN a.name AS name, w.position AS pos ORDER BY pos"
        ).rows
        names = [name for name, _ in rows]
        assert len(names) == len(set(names)) == 11
        sources = store.query(
            "MATCH (p:Paper {key: '2511.14403'}) RETURN p.sources AS s, p.title AS t, p.comments AS c"
        ).rows
        ((srcs, title, comments),) = sources
        assert len(srcs) == 2 and title.startswith("Infer As You Train") and comments == "4 pages, 4 tables, 1 figure"


def test_ingest_twice_changes_no_count(seeded, tmp_path):
    from kg.store import open_store

    path, _, counts = seeded
    with open_store(str(path)) as store:
        report = ingest([str(SEEDS)], store=store)
        assert store.counts() == counts
    assert sum(f.added + f.updated for f in report.files) == 0


def test_ingest_overlapping_files_merge_in_either_order(tmp_path):
    from kg.store import open_store

    with open_store(str(tmp_path / "a.lbug")) as store:
        ingest([str(seed("002")), str(seed("000"))], store=store, extract=False)
        assert paper_count(store) == 8 + 10 - 1
        row = store.query("MATCH (p:Paper {key: '2511.14403'}) RETURN p.title AS t, size(p.sources) AS n").rows[0]
        assert row[0] and row[1] == 2


def test_ingest_title_only_record_meets_its_id_later(ladybug_store):
    from extractors.digests import ParsedFile
    from kg.ingest import load_parsed
    from kg.model import Paper

    titled = Paper(
        source="page.txt", family="daily-papers", line=1, title="A Study of Things: Part One", abstract="word " * 40
    )
    with_id = Paper(
        source="feed.jsonl",
        family="json-records",
        line=1,
        arxiv_id="2601.00001",
        title="A study of things - part one",
        authors=["Ann Lee", "Bo Chen"],
    )
    load_parsed(ParsedFile("page.txt", "daily-papers", [titled]), store=ladybug_store)
    report = load_parsed(ParsedFile("feed.jsonl", "json-records", [with_id]), store=ladybug_store)
    assert (report.added, report.updated) == (0, 1)
    row = ladybug_store.query("MATCH (p:Paper) RETURN p.key AS k, p.arxiv_id AS id, p.n_authors AS n").rows
    assert row == [["title:astudyofthingspartone", "2601.00001", 2]]


def test_ingest_different_ids_never_merge_by_title(ladybug_store):
    from extractors.digests import ParsedFile
    from kg.ingest import load_parsed
    from kg.model import Paper

    papers = [Paper(source="f", family="x", line=i, arxiv_id=f"2601.0000{i}", title="Introduction") for i in (1, 2)]
    load_parsed(ParsedFile("f", "x", papers), store=ladybug_store)
    assert paper_count(ladybug_store) == 2
