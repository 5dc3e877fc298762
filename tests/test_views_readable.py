"""Views a reader can read: names on concepts, titles on hover for papers, the concept
view's summary before its graph, the landscape of concepts linked by shared papers."""

from __future__ import annotations

import json
import re

from kg import views
from kg.views.landscape import strongest_links
from tests.conftest import run_kg
from tests.test_views import small_batch, synthetic_batch


def _nodes(page: str) -> list[dict]:
    return json.loads(re.search(r"var nodes = new vis\.DataSet\((.*?)\);\n", page).group(1))


def test_views_concepts_named_papers_titled_on_hover(ladybug_store):
    ladybug_store.write(synthetic_batch(300))
    nodes = _nodes(views.to_html(views.overview(ladybug_store, limit=200)))
    papers = [n for n in nodes if n["id"].startswith("Paper:")]
    concepts = [n for n in nodes if not n["id"].startswith(("Paper:", "Author:", "Source:"))]
    assert len(papers) > 25 and concepts
    assert all("label" not in n and n["title"].startswith("Paper: Synthetic paper") for n in papers)
    assert all(n["label"] and 18 <= n["font"]["size"] <= 40 for n in concepts)
    assert max(n["font"]["size"] for n in concepts) == 40


def test_views_small_view_keeps_paper_titles(ladybug_store):
    ladybug_store.write(small_batch())
    nodes = _nodes(views.to_html(views.concept(ladybug_store, "MMQ")))
    assert {n["label"] for n in nodes if n["id"].startswith("Paper:")} == {
        "MMQ: Mixture of Quantization for Re…",
        "Semantic IDs at Taobao",
        "Ranking with Transformers",
    }


def test_views_concept_summary_of_a_company(graph_store):
    """The same summary from both stores."""
    graph_store.write(small_batch())
    view = views.concept(graph_store, "Kuaishou")
    s = view.summary
    assert (s.label, s.name, s.papers, s.first_seen, s.last_seen) == (
        "Company",
        "Kuaishou",
        1,
        "2025-01-02",
        "2025-01-02",
    )
    assert (s.months, s.per_month, s.undated, s.deployed_papers) == (["2025-01"], [1], 0, 1)
    [deployed] = s.deployments
    assert deployed.paper.url == "https://arxiv.org/abs/2501.00001"
    assert deployed.gains == [("CTR", "+20.00%", "+20.00% online CTR", "MMQ")]
    assert s.related["Method"] == [("MMQ", 1), ("Transformer", 1)]
    assert s.related["Company"] == [] and s.related["Task"] == [("CTR prediction", 1)]
    page = views.to_html(view)
    assert page.index('id="kg-summary"') < page.index('id="mynetwork"')
    assert '<span title="+20.00% online CTR">CTR +20.00% (MMQ)</span>' in page
    method = views.concept(graph_store, "MMQ").summary
    assert (method.papers, method.deployments, method.related["Method"]) == (
        3,
        [],
        [("Transformer", 2), ("Ranking", 1)],
    )
    assert [p.title for p in method.newest][0] == "Ranking with Transformers"


def test_views_landscape_links_concepts_by_shared_papers(graph_store):
    """The same landscape from both stores."""
    graph_store.write(small_batch())
    view = views.landscape(graph_store)
    assert view.kind == "landscape" and view.message is None
    names = {n: d["props"]["name"] for n, d in view.graph.nodes(data=True)}
    assert sorted(names.values()) == ["CTR", "CTR prediction", "Kuaishou", "MMQ", "MovieLens", "Ranking", "Taobao",
                                      "Transformer", "ranking"]  # Alibaba: no paper names it  # fmt: skip
    edges = sorted((*sorted((names[a], names[b])), d["props"]["papers"]) for a, b, d in view.graph.edges(data=True))
    assert edges == [("CTR prediction", "MMQ", 3), ("CTR prediction", "MovieLens", 2), ("CTR prediction", "Transformer", 2),
                     ("MMQ", "MovieLens", 2), ("MMQ", "Transformer", 2)]  # fmt: skip
    cut = views.landscape(graph_store, limit=3)
    assert cut.shown == 3 and cut.message.startswith("showing 3 of 9 nodes")


def test_views_strongest_links_keep_each_nodes_best():
    papers = {"a": {"1", "2", "3"}, "b": {"1", "2", "3"}, "c": {"1", "2"}, "d": {"3", "4"}}
    assert strongest_links(papers, 1, 2) == [("a", "b", 3), ("a", "c", 2)]
    assert strongest_links(papers, 5, 1) == [("a", "b", 3), ("a", "c", 2), ("a", "d", 1), ("b", "c", 2), ("b", "d", 1)]


def test_views_landscape_command(tmp_path):
    from kg.store import open_store

    store = tmp_path / "small.lbug"
    with open_store(str(store)) as graph:
        graph.write(small_batch())
    html = tmp_path / "landscape.html"
    result = run_kg("view", "landscape", "--store", str(store), "-o", str(html))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{html}: 9 nodes, 5 relationships"
    assert "shared papers" in html.read_text()
