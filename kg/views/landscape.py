"""`kg view landscape`: the concepts with most papers, each label its share, two linked when
papers name both, each keeping its strongest links."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.schema import CONCEPT_LABELS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.views import load
from kg.views.select import by_shares
from kg.views.view import View, limited

SHARED = "SHARES_PAPERS"  # derived, not stored: two concepts named by the same papers
LANDSCAPE_LIMIT = 150
# Of a landscape's concepts, the share each label gets when it has that many (the rest to
# the concepts with most papers): methods alone would fill it.
LANDSCAPE_SHARES = {"Method": 0.35, "Task": 0.2, "Dataset": 0.15, "Metric": 0.15, "Company": 0.15}
LANDSCAPE_LINKS = 4  # strongest partners kept per concept
LANDSCAPE_MIN_SHARED = 2  # papers two concepts must share to be linked


@limited
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
