"""kg.views without a browser: the selection logic (limit, centrality order, communities),
each view on a small hand-made graph in a real LadybugDB store, the offline page, and
the `kg view` commands."""

from __future__ import annotations

import random
import re

import networkx as nx
import pytest

from extractors.entities import Mention
from kg import views
from kg.graph import GraphBatch
from kg.results import add_comparisons
from kg.views import load, select
from tests.conftest import run_kg

# -- graphs the tests write ------------------------------------------------------


def small_batch() -> GraphBatch:
    """Four papers: three share MMQ, a task and a digest; one stands alone."""
    b = GraphBatch()
    papers = {
        "2501.00001": ("MMQ: Mixture of Quantization for Recommendation", "2025-01-02"),
        "2501.00002": ("Semantic IDs at Taobao", "2025-01-03"),
        "2501.00003": ("Ranking with Transformers", "2025-01-04"),
        "title:isolatedpaper": ("Isolated paper", None),
    }
    for key, (title, published) in papers.items():
        arxiv_id = None if key.startswith("title:") else key
        b.add_node(
            "Paper",
            key,
            arxiv_id=arxiv_id,
            title=title,
            published=published,
            url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        )
    for key, name in [("alice", "Alice"), ("bob", "Bob"), ("carol", "Carol"), ("dave", "Dave")]:
        b.add_node("Author", key, name=name)
    for author, paper, position in [
        ("alice", "2501.00001", 1),
        ("bob", "2501.00001", 2),
        ("alice", "2501.00002", 2),
        ("carol", "2501.00002", 1),
        ("carol", "2501.00003", 1),
        ("dave", "2501.00003", 2),
    ]:
        b.add_rel("WROTE", "Author", author, "Paper", paper, position=position)
    concepts = [
        ("Method", "mmq", "MMQ"),
        ("Method", "transformer", "Transformer"),
        ("Dataset", "movielens", "MovieLens"),
        ("Company", "kuaishou", "Kuaishou"),
        ("Company", "taobao", "Taobao"),
        ("Company", "alibaba", "Alibaba"),
        ("Metric", "ctr", "CTR"),
        ("Task", "ctrprediction", "CTR prediction"),
        ("Method", "ranking", "Ranking"),
        ("Task", "ranking", "ranking"),
    ]
    for label, key, name in concepts:
        b.add_node(label, key, name=name)
    b.add_rel("PROPOSES", "Paper", "2501.00001", "Method", "mmq", evidence="we propose MMQ, a mixture of quantization")
    b.add_rel("USES", "Paper", "2501.00002", "Method", "mmq", evidence="built on MMQ")
    b.add_rel("USES", "Paper", "2501.00003", "Method", "mmq", evidence="MMQ codes")
    b.add_rel("USES", "Paper", "2501.00001", "Method", "transformer", evidence="a Transformer encoder")
    b.add_rel("USES", "Paper", "2501.00003", "Method", "transformer", evidence="Transformers rank")
    b.add_rel("USES", "Paper", "2501.00003", "Method", "ranking", evidence="ranking")
    b.add_rel("EVALUATES_ON", "Paper", "2501.00001", "Dataset", "movielens", evidence="on MovieLens")
    b.add_rel("EVALUATES_ON", "Paper", "2501.00002", "Dataset", "movielens", evidence="on MovieLens-1M")
    b.add_rel(
        "MENTIONS",
        "Paper",
        "2501.00001",
        "Company",
        "kuaishou",
        deployed=True,
        evidence="deployed at Kuaishou with +20.00% online CTR",
    )
    b.add_rel("MENTIONS", "Paper", "2501.00002", "Company", "taobao", deployed=False, evidence="Taobao search logs")
    b.add_rel("PART_OF", "Company", "taobao", "Company", "alibaba")
    b.add_rel(
        "REPORTS",
        "Paper",
        "2501.00001",
        "Metric",
        "ctr",
        value="+20.00%",
        unit="%",
        setting="online",
        evidence="+20.00% online CTR",
    )
    # Results, as ingest adds them (kg.results): MMQ's online CTR gain and its win over
    # Transformer on MovieLens; 2501.00003, which names no method of its own, beats MMQ.
    beat = "MMQ beats Transformer by +3.1% NDCG@10 on MovieLens."
    add_comparisons(
        b,
        "2501.00001",
        [
            Mention("result", "CTR", "+20.00% online CTR", value="+20.00%", unit="%", setting="online", method="MMQ"),
            Mention(
                "result",
                "NDCG@10",
                beat,
                value="+3.1%",
                unit="%",
                dataset="MovieLens",
                baseline="Transformer",
                method="MMQ",
            ),
            Mention("outperforms", "Transformer", beat, method="MMQ"),
        ],
        datasets={"movielens"},
    )
    add_comparisons(b, "2501.00003", [Mention("outperforms", "MMQ", "It outperforms MMQ.")], datasets=set())
    for paper in ("2501.00001", "2501.00002", "2501.00003"):
        b.add_rel("ADDRESSES", "Paper", paper, "Task", "ctrprediction", evidence="CTR prediction")
    b.add_rel("ADDRESSES", "Paper", "2501.00003", "Task", "ranking", evidence="ranking")
    b.add_node("Source", "digest.md", name="digest.md", family="ai-digest", date="2025-01-05")
    for line, paper in enumerate(("2501.00001", "2501.00002", "2501.00003"), start=1):
        b.add_rel("LISTED_IN", "Paper", paper, "Source", "digest.md", line=line)
    return b


def synthetic_batch(papers: int, *, seed: int = 7) -> GraphBatch:
    """A random corpus of the model's shape: popular concepts and prolific authors are
    few (Zipf-like), so that centrality has something to find."""
    rng = random.Random(seed)
    b = GraphBatch()
    pools = {
        label: [f"{label.lower()}{i}" for i in range(max(papers // 10, 5))]
        for label in ("Method", "Dataset", "Company", "Metric", "Task")
    }
    rels = {
        "Method": "USES",
        "Dataset": "EVALUATES_ON",
        "Company": "MENTIONS",
        "Metric": "REPORTS",
        "Task": "ADDRESSES",
    }
    authors = [f"author{i}" for i in range(int(papers * 1.5))]
    weights = [1.0 / (i + 1) for i in range(len(authors))]
    concept_weights = {label: [1.0 / (i + 1) ** 1.1 for i in range(len(pool))] for label, pool in pools.items()}
    for label, pool in pools.items():
        for key in pool:
            b.add_node(label, key, name=key.title())
    for n in range(papers):
        key = f"2{n // 100000:03d}.{n % 100000:05d}"
        b.add_node("Paper", key, arxiv_id=key, title=f"Synthetic paper {n}", published="2025-11-01")
        for position, author in enumerate(dict.fromkeys(rng.choices(authors, weights, k=rng.randint(1, 5))), 1):
            b.add_node("Author", author, name=author.title())
            b.add_rel("WROTE", "Author", author, "Paper", key, position=position)
        for label, pool in pools.items():
            for concept in set(rng.choices(pool, concept_weights[label], k=rng.randint(0, 2))):
                b.add_rel(rels[label], "Paper", key, label, concept, evidence=f"paper {n} uses {concept}")
    return b


@pytest.fixture
def small_store(ladybug_store):
    ladybug_store.write(small_batch())
    return ladybug_store


# -- selection -------------------------------------------------------------------------


def test_select_pagerank_star_centre_first():
    graph = nx.star_graph(6)
    scores = select.centrality(graph, "pagerank")
    assert select.order(graph, scores)[0] == 0
    assert select.pagerank(nx.Graph()) == {}


def test_select_order_tier_then_score_then_id():
    scores = {"a": 1.0, "b": 3.0, "c": 3.0, "d": 9.0}
    assert select.order(scores, scores) == ["d", "b", "c", "a"]
    assert select.order(scores, scores, tier=lambda n: 0 if n in "ac" else 1) == ["c", "a", "d", "b"]


def test_select_keep_top_limits_and_reports_left_out():
    graph = nx.path_graph(10)
    kept, left = select.keep_top(graph, list(range(10)), 4)
    assert sorted(kept) == [0, 1, 2, 3] and left == list(range(4, 10))
    assert kept.number_of_edges() == 3
    with pytest.raises(ValueError):
        select.keep_top(graph, list(graph), 0)


def test_select_coauthor_graph_counts_shared_papers():
    graph = select.coauthor_graph([("a", "p1"), ("b", "p1"), ("a", "p2"), ("b", "p2"), ("c", "p2"), ("d", "p3")])
    assert graph["a"]["b"]["weight"] == 2
    assert graph["a"]["c"]["weight"] == 1
    assert graph.nodes["a"]["papers"] == 2 and graph.nodes["d"]["papers"] == 1
    assert graph.degree("d") == 0


def test_select_communities_split_two_cliques():
    graph = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(4))
    graph.add_edge(0, 6)
    groups = select.communities(graph)
    assert len({groups[n] for n in range(6)}) == 1 and len({groups[n] for n in range(6, 10)}) == 1
    assert groups[0] == 0 and groups[6] == 1  # numbered by size, largest first
    assert select.communities(graph) == groups


# -- views on a real store ---------------------------------------------------------------


def test_views_overview_keeps_most_central(small_store):
    view = views.overview(small_store, limit=5)
    assert set(view.graph) == {
        "Paper:2501.00001",
        "Paper:2501.00002",
        "Paper:2501.00003",
        "Method:mmq",
        "Task:ctrprediction",
    }
    assert view.total == 14  # papers and concepts; authors and sources are not in the overview
    assert view.message == (
        "showing 5 of 14 nodes, the most central by PageRank (limit 5); left out: "
        "3 Company, 2 Method, 1 Dataset, 1 Metric, 1 Paper, 1 Task"
    )
    assert views.overview(small_store, limit=13).left_out == {"Paper": 1}  # a paper without links goes first
    full = views.overview(small_store)
    assert full.message is None and full.shown == 14
    edge = full.graph.edges["Paper:2501.00001", "Metric:ctr", "REPORTS"]
    assert edge["props"]["value"] == "+20.00%" and edge["props"]["evidence"] == "+20.00% online CTR"
    assert full.graph.nodes["Paper:2501.00001"]["props"]["published"] == "2025-01-02"


def test_views_overview_without_concepts_shows_authors(ladybug_store):
    b = GraphBatch()
    b.add_node("Paper", "2501.00009", title="Only a paper")
    b.add_node("Author", "zoe", name="Zoe")
    b.add_rel("WROTE", "Author", "zoe", "Paper", "2501.00009", position=1)
    ladybug_store.write(b)
    view = views.overview(ladybug_store)
    assert set(view.graph) == {"Paper:2501.00009", "Author:zoe"}
    assert view.notes == ["the store holds no concept relationships yet: showing papers and their authors"]


def test_views_paper_one_and_two_hops(small_store):
    one = views.paper(small_store, "arXiv:2501.00001v2")
    assert one.title == "Paper 2501.00001: MMQ: Mixture of Quantization for Recommendation"
    assert set(one.graph) == {
        "Paper:2501.00001",
        "Author:alice",
        "Author:bob",
        "Method:mmq",
        "Method:transformer",
        "Dataset:movielens",
        "Company:kuaishou",
        "Metric:ctr",
        "Task:ctrprediction",
        "Source:digest.md",
        "Result:2501.00001|ctr|+20.00%||",
        "Result:2501.00001|ndcg@10|+3.1%|movielens|transformer",
    }
    assert {k for _, _, k in one.graph.in_edges("Result:2501.00001|ctr|+20.00%||", keys=True)} == {"CLAIMS"}
    assert one.graph.edges["Paper:2501.00001", "Company:kuaishou", "MENTIONS"]["props"]["deployed"] is True
    two = views.paper(small_store, "2501.00001", hops=2)
    assert {"Paper:2501.00002", "Paper:2501.00003"} <= set(two.graph)
    assert two.graph.nodes["Paper:2501.00003"]["hop"] == 2
    cut = views.paper(small_store, "2501.00001", hops=2, limit=5)
    assert cut.shown == 5 and "Paper:2501.00001" in cut.graph
    assert all(cut.graph.nodes[n]["hop"] <= 1 for n in cut.graph)  # nearer nodes first


def test_views_paper_by_title_and_unknown(small_store):
    assert views.find_paper(small_store, "Isolated Paper") == "title:isolatedpaper"
    with pytest.raises(views.ViewError) as caught:
        views.paper(small_store, "2509.99999")
    assert str(caught.value).startswith("no paper '2509.99999' in the store; give an arXiv id, a paper key or a title")
    with pytest.raises(views.ViewError, match="hops 3 is not 1 or 2"):
        views.paper(small_store, "2501.00001", hops=3)


def test_views_concept_papers_and_shared_concepts(small_store):
    view = views.concept(small_store, "mmq")
    assert view.title == "Method: MMQ"
    papers = {n for n in view.graph if n.startswith("Paper:")}
    assert papers == {"Paper:2501.00001", "Paper:2501.00002", "Paper:2501.00003"}
    assert {"Task:ctrprediction", "Dataset:movielens", "Method:transformer"} <= set(view.graph)
    assert not any(n.startswith(("Author:", "Source:")) for n in view.graph)
    company = views.concept(small_store, "Taobao")
    assert "Company:alibaba" in company.graph  # PART_OF


def test_views_concept_errors_name_what_to_do(small_store):
    with pytest.raises(views.ViewError) as caught:
        views.concept(small_store, "ranking")
    assert str(caught.value) == "'ranking' is a Method and a Task; pick one with --label"
    assert views.concept(small_store, "ranking", label="task").graph.nodes["Task:ranking"]["hop"] == 0
    with pytest.raises(views.ViewError) as caught:
        views.concept(small_store, "Movie")
    assert (
        str(caught.value)
        == "no method, dataset, company, metric or task named 'Movie' in the store; did you mean: MovieLens?"
    )
    with pytest.raises(views.ViewError, match="label 'Venue' is not one of: Method, Dataset, Company, Metric, Task"):
        views.concept(small_store, "mmq", label="Venue")


def test_views_authors_communities_and_sizes(small_store):
    view = views.authors(small_store)
    assert set(view.graph) == {"Author:alice", "Author:bob", "Author:carol", "Author:dave"}
    assert view.graph.nodes["Author:alice"]["papers"] == 2
    assert view.graph.edges["Author:alice", "Author:bob", "CO_AUTHOR"]["props"] == {"papers": 1}
    assert {d["community"] for _, d in view.graph.nodes(data=True)} <= {0, 1}
    assert view.graph.nodes["Author:alice"]["props"]["name"] == "Alice"
    top = views.authors(small_store, limit=2)
    assert top.shown == 2 and top.left_out == {"Author": 2}
    assert {"Author:alice", "Author:carol"} == set(top.graph)  # the two who join the others


def test_views_query_draws_returned_nodes(small_store):
    view = views.query(
        small_store, "MATCH (p:Paper)-[r:USES]->(m:Method {key: $m}) RETURN p, r, m", params={"m": "mmq"}
    )
    assert set(view.graph) == {"Method:mmq", "Paper:2501.00002", "Paper:2501.00003"}
    assert {rel for _, _, rel in view.graph.edges(keys=True)} == {"USES"}
    paths = views.query(small_store, "MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN collect(a) AS authors, p")
    assert "Author:alice" in paths.graph
    assert ("Author:alice", "Paper:2501.00001", "WROTE") in paths.graph.edges(keys=True)
    with pytest.raises(views.ViewError, match="the query returns no nodes to draw"):
        views.query(small_store, "MATCH (p:Paper) RETURN p.title")


def test_views_limit_is_held_to_the_maximum(ladybug_store):
    ladybug_store.write(synthetic_batch(1200))
    view = views.overview(ladybug_store, limit=5000)
    assert view.shown == views.view.MAX_LIMIT
    assert view.notes[0] == "limit 5,000 is above the most a view draws (1,000); drawing at most 1,000 nodes"
    assert view.message.startswith(f"showing 1,000 of {view.total:,} nodes")
    # the kept nodes are the most central of the whole graph
    whole = load.topology(ladybug_store, views.build.CONCEPT_RELS)
    scores = select.pagerank(whole)
    papers = {n for n in whole if n.startswith("Paper:")}
    for group in (papers, set(whole) - papers):  # the best papers and the best concepts
        worst_kept = min(scores[n] for n in group if n in view.graph)
        assert all(scores[n] <= worst_kept for n in group if n not in view.graph)
    kept_papers = sum(1 for n in view.graph if n.startswith("Paper:"))
    assert kept_papers == 1000 * (1 - views.build.OVERVIEW_CONCEPT_SHARE)
    with pytest.raises(views.ViewError, match="limit 0 must be at least 1"):
        views.overview(ladybug_store, limit=0)


# -- the page ------------------------------------------------------------------------------


def test_views_page_is_offline_and_escaped(small_store):
    small_store.write(_hostile_batch())
    view = views.overview(small_store)
    html = views.to_html(view)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis.Network" in html and "stabilizationIterationsDone" in html
    assert "</script><script>alert(1)" not in html  # a title cannot end the script
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in html
    assert '"iterations": 400' in html or '"iterations":400' in html


def _hostile_batch() -> GraphBatch:
    b = GraphBatch()
    b.add_node("Paper", "2501.00666", title="</script><script>alert(1)</script> & <b>bold</b>")
    b.add_node("Method", "mmq", name="MMQ")
    b.add_rel("USES", "Paper", "2501.00666", "Method", "mmq", evidence="<img src=x onerror=alert(1)>")
    return b


# -- the commands --------------------------------------------------------------------------


@pytest.fixture
def small_store_file(store_path):
    from kg.store import open_store

    with open_store(str(store_path)) as store:
        store.write(small_batch())
    return store_path


def test_cli_view_overview_writes_page_and_reports_cut(small_store_file, tmp_path):
    page = tmp_path / "out" / "overview.html"
    result = run_kg("view", "overview", "--limit", "5", "-o", str(page), "--store", str(small_store_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{page}: 5 nodes, 6 relationships"
    assert result.stderr.strip().startswith("showing 5 of 14 nodes, the most central by PageRank (limit 5); left out: ")
    assert result.stderr.strip().endswith("; raise --limit to see more")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_view_default_file_name(small_store_file, tmp_path):
    result = run_kg("view", "paper", "2501.00001", "--store", str(small_store_file), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kg-view-paper-2501.00001.html").is_file()
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args, message, code",
    [
        (
            ["paper", "2509.99999"],
            "Error: no paper '2509.99999' in the store; give an arXiv id, a paper key or a title "
            '(list some with: kg query "MATCH (p:Paper) RETURN p.key, p.title LIMIT 20")',
            1,
        ),
        (
            ["concept", "Movie"],
            "Error: no method, dataset, company, metric or task named 'Movie' in the store; did you mean: MovieLens?",
            1,
        ),
        (["overview", "--rank", "fame"], "Error: --rank 'fame' is not one of: pagerank, degree", 2),
        (["paper", "2501.00001", "--hops", "3"], "Error: --hops '3' is not one of: 1, 2", 2),
        (
            ["concept", "MovieLens", "--label", "Venue"],
            "Error: label 'Venue' is not one of: Method, Dataset, Company, Metric, Task",
            2,
        ),
        (
            ["query", "MATCH (p:Paper) RETURN p.title"],
            "Error: the query returns no nodes to draw: return whole nodes "
            "(RETURN p, m), not their properties (p.title)",
            1,
        ),
        (["query", "MATCH (p:Paper) RETURN p", "-p", "oops"], "Error: --param 'oops' is not name=value", 1),
    ],
)
def test_cli_view_errors_are_one_line(small_store_file, tmp_path, args, message, code):
    result = run_kg("view", *args, "--store", str(small_store_file), cwd=tmp_path)
    assert result.returncode == code
    assert result.stderr.strip() == message
    assert not list(tmp_path.glob("*.html"))


def test_cli_view_query_with_params(small_store_file, tmp_path):
    page = tmp_path / "q.html"
    result = run_kg(
        "view",
        "query",
        "MATCH (p:Paper)-[:MENTIONS]->(c:Company {name: $c}) RETURN p, c",
        "-p",
        "c=Kuaishou",
        "-o",
        str(page),
        "--store",
        str(small_store_file),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{page}: 2 nodes, 1 relationship"


def test_select_by_shares_gives_each_group_its_part():
    ranked = ["c1", "c2", "c3", "c4", "p1", "p2", "p3", "x"]
    group = lambda n: {"c": "concept", "p": "paper"}.get(n[0], "alone")  # noqa: E731
    assert select.by_shares(ranked, 4, group, {"concept": 0.5, "paper": 0.5})[:4] == ["c1", "c2", "p1", "p2"]
    # a share a group cannot fill goes to the best of the rest, in ranked order
    assert select.by_shares(ranked, 6, group, {"concept": 0.2, "paper": 0.8})[:6] == [
        "c1",
        "c2",
        "c3",
        "p1",
        "p2",
        "p3",
    ]
    assert sorted(select.by_shares(ranked, 3, group, {"paper": 1.0})) == sorted(ranked)


def _signature(store) -> dict:
    """Every view of the small graph as sorted nodes and edges (with their properties)."""
    built = {
        "overview": views.overview(store, limit=9),
        "paper": views.paper(store, "2501.00001", hops=2),
        "concept": views.concept(store, "MMQ"),
        "authors": views.authors(store),
        "query": views.query(store, "MATCH (p:Paper)-[r:ADDRESSES]->(t:Task) RETURN p, r, t"),
        "method": views.method(store, "MMQ"),
    }
    return {
        name: (
            sorted(v.graph.nodes),
            sorted(
                (a, b, k, sorted((d.get("props") or {}).items())) for a, b, k, d in v.graph.edges(keys=True, data=True)
            ),
            sorted((n, sorted(d.get("props", {}).items())) for n, d in v.graph.nodes(data=True)),
            v.message,
        )
        for name, v in built.items()
    }


def test_views_same_on_both_stores(graph_store, tmp_path):
    from kg.store import open_store

    graph_store.write(small_batch())
    with open_store(str(tmp_path / "reference.lbug")) as reference:
        reference.write(small_batch())
        expected = _signature(reference)
    assert _signature(graph_store) == expected


# -- kg view method ------------------------------------------------------------------------


def test_views_method_what_it_beats_and_what_beats_it(small_store):
    view = views.method(small_store, "mmq")
    assert view.title == "Method: MMQ, what it beats and what beats it"
    assert set(view.graph) == {"Method:mmq", "Method:transformer", "Paper:2501.00003"}
    edges = {(a, b, k): d for a, b, k, d in view.graph.edges(keys=True, data=True)}
    assert set(edges) == {
        ("Method:mmq", "Method:transformer", "OUTPERFORMS:2501.00001"),
        ("Paper:2501.00003", "Method:mmq", "OUTPERFORMS:2501.00003"),  # the paper names no method of its own
    }
    won = edges[("Method:mmq", "Method:transformer", "OUTPERFORMS:2501.00001")]
    assert won["type"] == "OUTPERFORMS"
    assert won["props"] == {
        "paper": "2501.00001",
        "title": "MMQ: Mixture of Quantization for Recommendation",
        "gain": "NDCG@10 +3.1%",
        "evidence": "MMQ beats Transformer by +3.1% NDCG@10 on MovieLens.",
    }
    claim = edges[("Paper:2501.00003", "Method:mmq", "OUTPERFORMS:2501.00003")]  # no number: no gain
    assert claim["props"] == {
        "paper": "2501.00003",
        "title": "Ranking with Transformers",
        "evidence": "It outperforms MMQ.",
    }
    assert view.notes == [
        "MMQ beats 1 method in 1 paper; 0 methods beat it in 0 papers; 1 paper without a method of its own beats it"
    ]
    page = views.to_html(view)
    assert '"label": "NDCG@10 +3.1%"' in page and "in: MMQ: Mixture of Quantization for Recommendation" in page
    assert views.method(small_store, "Transformer", limit=1).left_out == {"Method": 1}


def test_views_method_errors_name_what_to_do(small_store):
    with pytest.raises(views.ViewError) as caught:
        views.method(small_store, "Ranking")
    assert str(caught.value) == (
        "no paper in the store states a result of or against the method 'Ranking'; see kg query baselines-most-beaten"
    )
    with pytest.raises(views.ViewError, match="no method named 'Kuaishou' in the store"):
        views.method(small_store, "Kuaishou")
