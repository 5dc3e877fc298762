"""The views of the stored graph: overview, paper, concept and authors, what each reads
from the store and which nodes it keeps (the others: landscape.py, query_view.py, method.py).

Each function takes an open GraphStore and keyword options and returns a View (view.py): a
networkx MultiDiGraph of at most `limit` nodes (`Label:key`, attributes `label`, `key`,
`props`, `score`, optionally `hop`, `papers`, `community`; edges keyed by relationship
type with `props`) and what was left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

import networkx as nx

from kg.errors import ViewError
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS
from kg.store.base import GraphStore
from kg.views import load
from kg.views.find import concept_name, find_concept, find_paper
from kg.views.select import by_shares, centrality, coauthor_graph, communities, degree, keep_top, order
from kg.views.summary import concept_summary
from kg.views.view import DEFAULT_LIMIT, View, cut, limited

OVERVIEW_CONCEPT_SHARE = 0.4  # of an overview's limit, the rest papers
# Papers and concepts, linked by what papers say; results and comparisons are drawn by
# `kg view method` (and a paper's own by `kg view paper`).
COMPARISON_RELS = tuple(
    rel
    for rel, rel_type in RELATIONSHIPS.items()
    if rel == "OUTPERFORMS" or any("Result" in pair for pair in rel_type.pairs)
)
CONCEPT_RELS = tuple(
    rel
    for rel, rel_type in RELATIONSHIPS.items()
    if rel not in COMPARISON_RELS and any(a in CONCEPT_LABELS or b in CONCEPT_LABELS for a, b in rel_type.pairs)
)
COAUTHOR = "CO_AUTHOR"  # derived, not stored: two authors of one paper


@limited
def overview(store: GraphStore, *, limit: int = DEFAULT_LIMIT, rank: str = "pagerank") -> View:
    """The most central papers and concepts of the whole graph. A store without concept
    relationships (ingested with --no-extract) gives papers and their authors instead."""
    notes = []
    rel_types: tuple[str, ...] = CONCEPT_RELS
    graph = load.topology(store, rel_types)
    if graph.number_of_edges() == 0:
        rel_types = ("WROTE",)
        graph = load.topology(store, rel_types)
        notes.append("the store holds no concept relationships yet: showing papers and their authors")
    load.add_nodes(store, graph, "Paper")
    scores = centrality(graph, rank)
    ranked = order(graph, scores, lambda n: 0 if graph.degree(n) else 1)
    # Concepts outrank papers (a concept has many papers), but concepts alone have no edges
    # between them: keep the best concepts and the best papers that join them.
    others = "Author" if rel_types == ("WROTE",) else "concept"

    def group(n: Hashable) -> str:  # a node without links has no share: it comes last, if there is room
        return "alone" if not graph.degree(n) else "Paper" if graph.nodes[n]["label"] == "Paper" else others

    ranked = by_shares(ranked, limit, group, {"Paper": 1 - OVERVIEW_CONCEPT_SHARE, others: OVERVIEW_CONCEPT_SHARE})
    return cut(
        "overview",
        "Overview: the most central papers and concepts",
        store,
        graph,
        scores,
        ranked,
        limit=limit,
        rank=rank,
        rel_types=rel_types,
        notes=notes,
    )


@limited
def paper(store: GraphStore, paper_id: str, *, hops: int = 1, limit: int = DEFAULT_LIMIT) -> View:
    """A paper, its authors, sources and every concept it links to; with hops=2 also what
    those link to (other papers of its authors and concepts, their concepts), digests aside."""
    if hops not in (1, 2):
        raise ViewError(f"hops {hops} is not 1 or 2")
    key = find_paper(store, paper_id)
    centre = load.node_id("Paper", key)
    graph = nx.MultiDiGraph()
    graph.add_node(centre, label="Paper", key=key, hop=0)
    frontier = {centre}
    for hop in range(1, hops + 1):
        new = load.expand(store, graph, frontier)
        for node in new:
            graph.nodes[node]["hop"] = hop
        frontier = {n for n in new if graph.nodes[n]["label"] != "Source"}
    scores = degree(graph)
    ranked = order(graph, scores, lambda n: graph.nodes[n]["hop"])
    view = cut("paper", f"Paper {key}", store, graph, scores, ranked, limit=limit, rank="view-degree")
    if view.graph.nodes[centre]["props"].get("title"):
        view.title += f": {view.graph.nodes[centre]['props']['title']}"
    return view


@limited
def concept(store: GraphStore, name: str, *, label: str | None = None, limit: int = DEFAULT_LIMIT) -> View:
    """A concept, its papers, and the concepts those papers share with it."""
    label, key = find_concept(store, name, label=label)
    centre = load.node_id(label, key)
    graph = nx.MultiDiGraph()
    graph.add_node(centre, label=label, key=key, hop=0)
    papers = load.expand(store, graph, {centre}, rel_types=CONCEPT_RELS)
    for node in papers:
        graph.nodes[node]["hop"] = 1
    frontier = {n for n in papers if graph.nodes[n]["label"] == "Paper"}
    for node in load.expand(store, graph, frontier, rel_types=CONCEPT_RELS, labels=CONCEPT_LABELS):
        graph.nodes[node]["hop"] = 2
    name = concept_name(store, label, key) or name
    scores = degree(graph)
    ranked = order(graph, scores, lambda n: 0 if n == centre else 1)
    view = cut("concept", f"{label}: {name}", store, graph, scores, ranked, limit=limit, rank="view-degree")
    view.summary = concept_summary(store, label, key, name)
    return view


@limited
def authors(store: GraphStore, *, limit: int = DEFAULT_LIMIT, rank: str = "pagerank") -> View:
    """The co-author network, the most central authors, in Louvain communities."""
    rows = store.query("MATCH (a:Author)-[:WROTE]->(p:Paper) RETURN a.key AS author, p.key AS paper").rows
    coauthors = coauthor_graph((a, p) for a, p in rows)
    scores = centrality(coauthors, rank)
    ranked = order(coauthors, scores, lambda n: 0 if coauthors.degree(n) else 1)
    kept, left = keep_top(coauthors, ranked, limit)
    groups = communities(kept)
    graph = nx.MultiDiGraph()
    for author, data in kept.nodes(data=True):
        graph.add_node(
            load.node_id("Author", author),
            label="Author",
            key=author,
            score=scores[author],
            papers=data.get("papers", 0),
            community=groups[author],
        )
    for a, b, data in kept.edges(data=True):
        graph.add_edge(
            load.node_id("Author", a),
            load.node_id("Author", b),
            key=COAUTHOR,
            type=COAUTHOR,
            props={"papers": data["weight"]},
        )
    load.fill_props(store, graph)
    view = View(
        "authors",
        "Co-authors",
        graph,
        limit=limit,
        total=coauthors.number_of_nodes(),
        rank=rank,
        left_out=Counter({"Author": len(left)} if left else {}),
    )
    if groups:
        view.notes.append(f"{max(groups.values()) + 1} communities (Louvain) among the authors shown")
    return view
