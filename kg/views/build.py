"""The five views: what each reads from the store and which nodes it keeps.

Each function takes an open GraphStore and keyword options and returns a View: a
networkx MultiDiGraph of at most `limit` nodes (`Label:key`, attributes `label`, `key`,
`props`, `score`, optionally `hop`, `papers`, `community`; edges keyed by relationship
type with `props`) and what was left out."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import ParamSpec, cast

import networkx as nx

from kg.errors import ViewError
from kg.graph import Row
from kg.model import concept_key, normalise_arxiv_id, title_key
from kg.schema import CONCEPT_LABELS, NODES, RELATIONSHIPS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.views import load
from kg.views.select import by_shares, centrality, coauthor_graph, communities, degree, keep_top, order
from kg.views.summary import ConceptSummary, concept_summary

DEFAULT_LIMIT = 300
OVERVIEW_CONCEPT_SHARE = 0.4  # of an overview's limit, the rest papers
MAX_LIMIT = 1000  # more nodes than this make a page that lays out slowly and reads as a hairball
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
SHARED = "SHARES_PAPERS"  # derived, not stored: two concepts named by the same papers
RANK_NAMES = {
    "pagerank": "PageRank",
    "degree": "degree",
    "view-degree": "links within the view",
    "papers": "papers, each label its share",
}
LANDSCAPE_LIMIT = 150
# Of a landscape's concepts, the share each label gets when it has that many (the rest to
# the concepts with most papers): methods alone would fill it.
LANDSCAPE_SHARES = {"Method": 0.35, "Task": 0.2, "Dataset": 0.15, "Metric": 0.15, "Company": 0.15}
LANDSCAPE_LINKS = 4  # strongest partners kept per concept
LANDSCAPE_MIN_SHARED = 2  # papers two concepts must share to be linked

ViewArgs = ParamSpec("ViewArgs")


@dataclass
class View:
    kind: str
    title: str
    graph: nx.MultiDiGraph
    limit: int
    total: int  # nodes that qualified before the cut
    rank: str  # how nodes were ordered for the cut
    left_out: Counter[str] = field(default_factory=Counter)  # label -> nodes left out
    notes: list[str] = field(default_factory=list)
    summary: ConceptSummary | None = None  # what a concept view says before its graph

    @property
    def shown(self) -> int:
        return len(self.graph)

    @property
    def message(self) -> str | None:
        """What the cut left out, in one sentence; None when nothing was."""
        if not self.left_out:
            return None
        parts = ", ".join(
            f"{n:,} {label}" for label, n in sorted(self.left_out.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        return (
            f"showing {self.shown:,} of {self.total:,} nodes, the most central by "
            f"{RANK_NAMES.get(self.rank, self.rank)} (limit {self.limit:,}); left out: {parts}"
        )


def _limited(build: Callable[ViewArgs, View]) -> Callable[ViewArgs, View]:
    """Check a view's `limit` and hold it to MAX_LIMIT, saying so in the view's notes.
    Every view takes `limit` by keyword only (a ParamSpec keeps each view's own signature
    for its callers, but cannot name one keyword of it: hence the cast)."""

    @functools.wraps(build)
    def wrapper(*args: ViewArgs.args, **kwargs: ViewArgs.kwargs) -> View:
        limit = cast(int, kwargs.get("limit", DEFAULT_LIMIT))
        if limit < 1:
            raise ViewError(f"limit {limit} must be at least 1")
        kwargs["limit"] = min(limit, MAX_LIMIT)
        view = build(*args, **kwargs)
        if limit > MAX_LIMIT:
            view.notes.insert(
                0,
                f"limit {limit:,} is above the most a view draws ({MAX_LIMIT:,}); drawing at most {MAX_LIMIT:,} nodes",
            )
        return view

    return wrapper


@_limited
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
    return _cut(
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


@_limited
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
    view = _cut("paper", f"Paper {key}", store, graph, scores, ranked, limit=limit, rank="view-degree")
    if view.graph.nodes[centre]["props"].get("title"):
        view.title += f": {view.graph.nodes[centre]['props']['title']}"
    return view


@_limited
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
    name = _concept_name(store, label, key) or name
    scores = degree(graph)
    ranked = order(graph, scores, lambda n: 0 if n == centre else 1)
    view = _cut("concept", f"{label}: {name}", store, graph, scores, ranked, limit=limit, rank="view-degree")
    view.summary = concept_summary(store, label, key, name)
    return view


@_limited
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


@_limited
def landscape(store: GraphStore, *, limit: int = LANDSCAPE_LIMIT) -> View:
    """The field as a landscape: the concepts with most papers (each label its share), two
    linked when papers name both, each keeping its strongest links (by cosine of their
    paper sets, at least LANDSCAPE_MIN_SHARED papers shared)."""
    candidates: list[tuple[str, str, str, int]] = []  # label, key, name, papers
    for label in CONCEPT_LABELS:
        rows = store.query(statement("concept-paper-counts", label=label), {"limit": limit}).rows
        candidates += [(label, key, name or key, papers) for key, name, papers in rows]
    ranked = sorted(candidates, key=lambda c: (-c[3], c[0], c[1]))
    ids = [load.node_id(label, key) for label, key, _, _ in ranked]
    chosen = set(by_shares(ids, limit, lambda n: n.partition(":")[0], LANDSCAPE_SHARES)[:limit])
    kept = [c for c, node in zip(ranked, ids, strict=True) if node in chosen]
    papers_of: dict[str, set[str]] = {}
    for label in CONCEPT_LABELS:
        keys = [key for lab, key, _, _ in kept if lab == label]
        if keys:
            for key, paper in store.query(statement("concept-paper-keys", label=label), {"keys": keys}).rows:
                papers_of.setdefault(load.node_id(label, key), set()).add(paper)
    graph = nx.MultiDiGraph()
    for label, key, name, papers in kept:
        graph.add_node(load.node_id(label, key), label=label, key=key, props={"name": name}, score=float(papers),
                       papers=papers)  # fmt: skip
    for a, b, shared in strongest_links(papers_of, LANDSCAPE_LINKS, LANDSCAPE_MIN_SHARED):
        graph.add_edge(a, b, key=SHARED, type=SHARED, props={"papers": shared})
    left = Counter(label for (label, _, _, _), node in zip(ranked, ids, strict=True) if node not in chosen)
    view = View("landscape", "Landscape: concepts linked by the papers they share", graph, limit=limit,
                total=len(ranked), rank="papers", left_out=left)  # fmt: skip
    view.notes.append(f"two concepts are linked when at least {LANDSCAPE_MIN_SHARED} papers name both; each keeps "
                      f"its {LANDSCAPE_LINKS} strongest links")  # fmt: skip
    return view


def strongest_links(papers_of: dict[str, set[str]], per_node: int, min_shared: int) -> list[tuple[str, str, int]]:
    """(a, b, papers shared) for the pairs kept: each node's `per_node` partners of highest
    cosine (shared / sqrt(papers of a x papers of b)), with at least `min_shared` papers."""
    by_paper: dict[str, list[str]] = {}
    for node in sorted(papers_of):
        for paper in papers_of[node]:
            by_paper.setdefault(paper, []).append(node)
    shared: Counter[tuple[str, str]] = Counter()
    for nodes in by_paper.values():
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                shared[(a, b)] += 1
    best: dict[str, list[tuple[float, str, str]]] = {}
    for (a, b), n in shared.items():
        if n >= min_shared:
            cosine = n / (len(papers_of[a]) * len(papers_of[b])) ** 0.5
            best.setdefault(a, []).append((cosine, b, a))
            best.setdefault(b, []).append((cosine, a, b))
    kept: set[tuple[str, str]] = set()
    for partners in best.values():
        for _, x, y in sorted(partners, key=lambda t: (-t[0], t[1]))[:per_node]:
            kept.add((min(x, y), max(x, y)))
    return [(a, b, shared[(a, b)]) for a, b in sorted(kept)]


@_limited
def query(
    store: GraphStore,
    statement: str,
    *,
    params: Row | None = None,
    limit: int = DEFAULT_LIMIT,
    title: str | None = None,
) -> View:
    """The nodes a Cypher statement returns (whole nodes, in any column, also inside lists
    and paths) and the stored relationships between them."""
    result = store.query(statement, params or {})
    graph = nx.MultiDiGraph()
    rel_types: set[str] = set()
    appearance: dict[str, int] = {}
    for row in result.rows:
        for value in row:
            for label, props in _graph_values(value, rel_types):
                node = load.node_id(label, props["key"])
                if node not in graph:
                    shown = {p: props.get(p) for p in load.shown_props(label)}
                    graph.add_node(node, label=label, key=props["key"], props=shown)
                    appearance[node] = len(appearance)
    if graph.number_of_nodes() == 0:
        raise ViewError(
            "the query returns no nodes to draw: return whole nodes (RETURN p, m), not their properties (p.title)"
        )
    load.fill_edges(store, graph, sorted(rel_types) or None)
    scores = degree(graph)
    ranked = sorted(graph, key=lambda n: (-scores[n], appearance[n]))
    kept, left = keep_top(graph, ranked, limit)
    for node in kept:
        kept.nodes[node]["score"] = scores[node]
    return View(
        "query",
        title or "Query",
        kept,
        limit=limit,
        total=graph.number_of_nodes(),
        rank="view-degree",
        left_out=Counter(graph.nodes[n]["label"] for n in left),
    )


# -- finding the centre of a view --------------------------------------------------


def find_paper(store: GraphStore, paper_id: str) -> str:
    """The key of a paper given its arXiv id (any version, or its URL), its key, or its title."""
    text = paper_id.strip()
    candidates = [c for c in (normalise_arxiv_id(text), text) if c]
    for key in dict.fromkeys(candidates):
        if store.query("MATCH (p:Paper {key: $key}) RETURN p.key", {"key": key}).rows:
            return key
    tk = title_key(text.removeprefix("title:"))
    if tk:
        rows = store.query("MATCH (p:Paper) WHERE p.title_key = $tk RETURN p.key", {"tk": tk}).rows
        rows = rows or store.query("MATCH (p:Paper) WHERE toLower(p.title) = $t RETURN p.key", {"t": text.lower()}).rows
        if rows:
            found: str = rows[0][0]
            return found
    raise ViewError(
        f"no paper {paper_id!r} in the store; give an arXiv id, a paper key or a title "
        f'(list some with: kg query "MATCH (p:Paper) RETURN p.key, p.title LIMIT 20")'
    )


def find_concept(store: GraphStore, name: str, *, label: str | None = None) -> tuple[str, str]:
    """(label, key) of the concept named so (names compare as kg keys them); with several
    labels holding the name, `label` picks one."""
    labels: tuple[str, ...] = CONCEPT_LABELS
    if label is not None:
        matched = [known for known in CONCEPT_LABELS if known.lower() == label.lower()]
        if not matched:
            raise ViewError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")
        labels = tuple(matched)
    key = concept_key(name)
    found = [
        lab for lab in labels if key and store.query(f"MATCH (n:{lab} {{key: $key}}) RETURN n.key", {"key": key}).rows
    ]
    if len(found) == 1:
        return found[0], key
    if len(found) > 1:
        raise ViewError(f"{name!r} is a {' and a '.join(found)}; pick one with --label")
    hints = _similar_concepts(store, name, labels)
    hint = f"; did you mean: {', '.join(hints)}?" if hints else "; see kg query datasets-most-used and kg stats"
    kinds = " or ".join(lab.lower() for lab in labels).replace(" or ", ", ", max(len(labels) - 2, 0))
    raise ViewError(f"no {kinds} named {name!r} in the store{hint}")


def _concept_name(store: GraphStore, label: str, key: str) -> str | None:
    rows = store.query(f"MATCH (n:{label} {{key: $key}}) RETURN n.name", {"key": key}).rows
    return rows[0][0] if rows else None


def _similar_concepts(store: GraphStore, name: str, labels: Iterable[str], limit: int = 5) -> list[str]:
    needle = name.strip().lower()
    if not needle:
        return []
    names: list[str] = []
    for label in labels:
        rows = store.query(
            f"MATCH (n:{label}) WHERE toLower(n.name) CONTAINS $needle RETURN n.name LIMIT {limit}", {"needle": needle}
        ).rows
        names.extend(r[0] for r in rows if r[0])
    return sorted(set(names), key=lambda s: (len(s), s))[:limit]


# -- helpers ------------------------------------------------------------------------


def _cut(
    kind: str,
    title: str,
    store: GraphStore,
    graph: nx.MultiDiGraph,
    scores: dict[Hashable, float],
    ranked: list[Hashable],
    *,
    limit: int,
    rank: str,
    rel_types: Iterable[str] | None = None,
    notes: Iterable[str] | None = None,
) -> View:
    """Keep the first `limit` ranked nodes, read their properties and the edges between them."""
    kept, left = keep_top(graph, ranked, limit)
    for node in kept:
        kept.nodes[node]["score"] = scores.get(node, 0.0)
    load.fill_props(store, kept)
    load.fill_edges(store, kept, rel_types)
    return View(
        kind,
        title,
        kept,
        limit=limit,
        total=graph.number_of_nodes(),
        rank=rank,
        left_out=Counter(graph.nodes[n]["label"] for n in left),
        notes=list(notes or []),
    )


def _graph_values(value: object, rel_types: set[str]) -> Iterator[tuple[str, Row]]:
    """(label, properties) of every node inside a result value; relationship types seen
    are added to rel_types. Nodes are dicts with `_label` (or `_labels`) and `key`."""
    if isinstance(value, dict):
        label = value.get("_label") or value.get("_LABEL")
        labels = value.get("_labels")
        if label is None and isinstance(labels, (list, tuple)) and labels:
            label = next((lab for lab in labels if lab in NODES), None)
        if label in NODES and value.get("key") is not None:
            yield label, value
            return
        if label in RELATIONSHIPS:
            rel_types.add(label)
            return
        for inner in value.values():
            yield from _graph_values(inner, rel_types)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _graph_values(inner, rel_types)
