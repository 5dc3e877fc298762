"""The four seed families: detection, counts and the fields each input gives."""

from __future__ import annotations

import pytest

from extractors.digests import FAMILIES, detect_family, parse_file, parse_text
from kg.errors import InputError
from tests.conftest import seed


@pytest.mark.parametrize(
    "prefix, family, count",
    [
        ("000", "markdown-table", 8),
        ("001", "ai-enhanced", 6),
        ("002", "arxiv-listing", 10),
        ("003", "daily-papers", 69),
    ],
)
def test_digests_seed_family_and_count(prefix, family, count):
    parsed = parse_file(str(seed(prefix)))
    assert parsed.family == family
    assert len(parsed.papers) == count
    assert all(p.source == seed(prefix).name and p.family == family and p.line > 0 for p in parsed.papers)


def test_digests_markdown_table_fields():
    papers = parse_file(str(seed("000"))).papers
    first = papers[0]
    assert first.arxiv_id == "2511.14182"
    assert first.title.startswith("WebRec: Enhancing LLM-based Recommendations")
    assert first.abstract.startswith("Recommender systems play a vital role")
    assert first.authors == ["Zihuai Zhao", "Yujuan Ding", "Wenqi Fan", "Qing Li"]
    assert first.digest_date == "2025-11-20"
    assert first.url == "https://arxiv.org/abs/2511.14182"
    assert [p.line for p in papers] == sorted(p.line for p in papers)


def test_digests_ai_enhanced_fields():
    papers = parse_file(str(seed("001"))).papers
    lemur = papers[0]
    assert lemur.arxiv_id == "2511.10962"
    assert lemur.title.startswith("LEMUR")
    assert lemur.authors[:3] == ["Xintian Han", "Honggang Chen", "Quan Lin"]
    assert len(lemur.authors) == 17
    assert lemur.category == "cs.IR"
    assert "抖音" in lemur.tldr
    assert set(lemur.sections) == {"motivation", "method", "result", "conclusion"}
    assert lemur.abstract.startswith("Traditional ID-based recommender systems")


def test_digests_arxiv_listing_fields():
    papers = {p.arxiv_id: p for p in parse_file(str(seed("002"))).papers}
    first = papers["2511.18805"]
    assert first.abstract.startswith("Ranking models have become")
    assert first.title is None and first.authors == []
    assert papers["2511.14403"].comments == "4 pages, 4 tables, 1 figure"
    assert papers["2511.14403"].abstract.startswith("Generative models are increasingly")
    last = papers["2508.14485"]
    assert last.venue == "CIKM 2025"
    assert last.doi == "10.1145/3746252.3761367"
    assert last.comments.startswith("Accepted by CIKM 2025")
    assert papers["2508.14493"].doi == "10.1145/3746252.3760866"
    # The id that follows an abstract names it, not the next one.
    assert papers["2508.14485"].abstract.startswith("Traditional recommendation methods")


def test_digests_daily_papers_fields():
    papers = parse_file(str(seed("003"))).papers
    first = papers[0]
    assert first.title.startswith("DAS: Dual-Aligned Semantic IDs")
    assert first.abstract.startswith("Semantic IDs are discrete identifiers")
    assert first.n_authors == 6 and first.published == "2025-08-14" and first.upvotes is None
    by_title = {p.title.split(":")[0]: p for p in papers}
    assert by_title["RecGOAT"].upvotes == 3 and by_title["RecGOAT"].published is None  # "Jan 31 3": no year
    assert by_title["MerRec"].upvotes == 1 and by_title["MerRec"].published == "2024-02-21"
    assert all(p.arxiv_id is None and p.authors == [] for p in papers)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("| Title | Link | abstract | author |\n| --- | --- | --- | --- |\n| A | [u](u) | cut off", "truncated"),
        ("An abstract of a paper.\narXiv:2501.00001An abstract cut in the mid", "truncated"),
        ("just some words\nwith no digest shape\n", "matches no known digest family"),
        ("| Title | Link | abstract | author |\n| --- | --- | --- | --- |\n", "holds no paper"),
    ],
)
def test_digests_bad_text_names_the_problem(text, problem):
    with pytest.raises(InputError) as caught:
        parse_text(text, "bad.md")
    assert problem in str(caught.value) and str(caught.value).startswith("bad.md:")


def test_digests_detection_knows_the_seed_families():
    assert {"markdown-table", "ai-enhanced", "daily-papers", "arxiv-listing"} <= set(FAMILIES)
    assert detect_family("nothing here") is None
