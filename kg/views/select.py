"""Which nodes a view keeps: centrality, the cut to a limit, co-authorship, communities.

Pure networkx/numpy on graphs already read from a store; nothing here touches a store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from itertools import combinations

import networkx as nx

RANKS = ("pagerank", "degree")


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str = "weight", tol: float = 1.0e-9,
             max_iter: int = 100) -> dict[Hashable, float]:
    """PageRank of the graph taken as undirected (a paper and its concepts lend each other
    weight both ways), by power iteration in numpy: networkx's own needs scipy."""
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs: Counter = Counter()
    for u, v, data in graph.edges(data=True):
        if u != v:
            pairs[(index[u], index[v])] += float(data.get(weight, 1.0) or 1.0)
    if pairs:
        src, dst = np.array(list(pairs), dtype=np.int64).T
        w = np.array(list(pairs.values()))
        src, dst, w = np.concatenate([src, dst]), np.concatenate([dst, src]), np.concatenate([w, w])
    else:
        src = dst = np.zeros(0, dtype=np.int64)
        w = np.zeros(0)
    out = np.bincount(src, weights=w, minlength=n)
    dangling = out == 0
    share = np.divide(w, out[src], out=np.zeros_like(w), where=out[src] > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = np.bincount(dst, weights=rank[src] * share, minlength=n)
        new = alpha * (spread + rank[dangling].sum() / n) + (1.0 - alpha) / n
        done = np.abs(new - rank).sum() < n * tol
        rank = new
        if done:
            break
    return {node: float(rank[i]) for node, i in index.items()}


def degree(graph: nx.Graph) -> dict[Hashable, float]:
    """Number of distinct neighbours, in either direction."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    return {node: float(len(undirected[node])) for node in graph}


def centrality(graph: nx.Graph, rank: str = "pagerank") -> dict[Hashable, float]:
    if rank not in RANKS:
        raise ValueError(f"rank {rank!r} is not one of: {', '.join(RANKS)}")
    return pagerank(graph) if rank == "pagerank" else degree(graph)


def order(nodes: Iterable[Hashable], scores: dict[Hashable, float],
          tier: Callable[[Hashable], int] | None = None) -> list[Hashable]:
    """Nodes best first: by tier (lower first, e.g. the hop from a view's centre), then by
    score (higher first), then by id, so that the same graph always gives the same order."""
    return sorted(nodes, key=lambda n: (tier(n) if tier else 0, -scores.get(n, 0.0), str(n)))


def keep_top(graph: nx.Graph, ranked: list[Hashable], limit: int) -> tuple[nx.Graph, list[Hashable]]:
    """The subgraph induced by the first `limit` ranked nodes, and the nodes left out."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    kept, left_out = ranked[:limit], ranked[limit:]
    return graph.subgraph(kept).copy(), left_out


def coauthor_graph(wrote: Iterable[tuple[str, str]]) -> nx.Graph:
    """Authors joined when they wrote a paper together: edge `weight` is the number of
    papers they share, node `papers` the number each wrote. `wrote` gives (author, paper)."""
    by_paper: dict[str, set[str]] = {}
    for author, paper in wrote:
        by_paper.setdefault(paper, set()).add(author)
    graph = nx.Graph()
    papers: Counter = Counter()
    for authors in by_paper.values():
        papers.update(authors)
        for a, b in combinations(sorted(authors), 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
            else:
                graph.add_edge(a, b, weight=1)
    for author, count in papers.items():
        graph.add_node(author, papers=count)
    return graph


def communities(graph: nx.Graph, *, seed: int = 7) -> dict[Hashable, int]:
    """Louvain communities (weighted), numbered by size, largest 0; the same graph and seed
    give the same numbers."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected() if graph.is_directed() else graph
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, members in enumerate(found) for node in members}
