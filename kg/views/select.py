"""Which nodes a view keeps: centrality, the cut to a limit, co-authorship, communities.

Pure networkx/numpy on graphs already read from a store; nothing here touches a store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from itertools import combinations
from typing import TypeVar

import networkx as nx

RANKS = ("pagerank", "degree")

Node = TypeVar("Node", bound=Hashable)  # a graph's node: `Label:key` in views, an author key in co-authors


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str = "weight") -> dict[Hashable, float]:
    """PageRank of the graph taken as undirected: a paper and its concepts lend each other
    weight both ways."""
    if len(graph) == 0:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    scores: dict[Hashable, float] = nx.pagerank(undirected, alpha=alpha, weight=weight)
    return scores


def degree(graph: nx.Graph) -> dict[Hashable, float]:
    """Number of distinct neighbours, in either direction."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    return {node: float(len(undirected[node])) for node in graph}


def centrality(graph: nx.Graph, rank: str = "pagerank") -> dict[Hashable, float]:
    if rank not in RANKS:
        raise ValueError(f"rank {rank!r} is not one of: {', '.join(RANKS)}")
    return pagerank(graph) if rank == "pagerank" else degree(graph)


def order(
    nodes: Iterable[Node], scores: dict[Hashable, float], tier: Callable[[Node], int] | None = None
) -> list[Node]:
    """Nodes best first: by tier (lower first, e.g. the hop from a view's centre), then by
    score (higher first), then by id, so that the same graph always gives the same order."""
    return sorted(nodes, key=lambda n: (tier(n) if tier else 0, -scores.get(n, 0.0), str(n)))


def by_shares(ranked: list[Node], limit: int, group: Callable[[Node], str], shares: dict[str, float]) -> list[Node]:
    """Reorder a ranking so that its first `limit` nodes give each group its share of the
    limit (the best of that group), and any share a group cannot fill goes to the best of
    the rest. Nodes keep their ranked order within what is taken."""
    quotas = {g: int(limit * share) for g, share in shares.items()}
    taken: set[Node] = set()
    for node in ranked:
        g = group(node)
        if quotas.get(g, 0) > 0:
            quotas[g] -= 1
            taken.add(node)
    for node in ranked:
        if len(taken) >= limit:
            break
        taken.add(node)
    return [n for n in ranked if n in taken] + [n for n in ranked if n not in taken]


def keep_top(graph: nx.Graph, ranked: list[Node], limit: int) -> tuple[nx.Graph, list[Node]]:
    """The subgraph induced by the first `limit` ranked nodes, and the nodes left out."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    kept, left_out = ranked[:limit], ranked[limit:]
    keep = set(kept)
    # Built by hand, nodes in ranked order: networkx's subgraph() orders them by a set of
    # the nodes, which differs from one process to the next.
    sub = graph.__class__()
    sub.add_nodes_from((n, dict(graph.nodes[n])) for n in kept)
    if graph.is_multigraph():
        sub.add_edges_from(
            (u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep
        )
    else:
        sub.add_edges_from((u, v, dict(d)) for u, v, d in graph.edges(data=True) if u in keep and v in keep)
    return sub, left_out


def coauthor_graph(wrote: Iterable[tuple[str, str]]) -> nx.Graph:
    """Authors joined when they wrote a paper together: edge `weight` is the number of
    papers they share, node `papers` the number each wrote. `wrote` gives (author, paper)."""
    by_paper: dict[str, set[str]] = {}
    for author, paper in wrote:
        by_paper.setdefault(paper, set()).add(author)
    graph = nx.Graph()  # built in sorted order: Louvain's result depends on it
    papers: Counter[str] = Counter()
    for _, authors in sorted(by_paper.items()):
        papers.update(authors)
        for a, b in combinations(sorted(authors), 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
            else:
                graph.add_edge(a, b, weight=1)
    for author in sorted(papers):
        graph.add_node(author, papers=papers[author])
    return graph


def communities(graph: nx.Graph, *, seed: int = 7) -> dict[Hashable, int]:
    """Louvain communities (weighted), numbered by size, largest 0; the same graph and seed
    give the same numbers."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected() if graph.is_directed() else graph
    # Louvain walks sets of nodes; string nodes would make that order differ from one
    # process to the next (hash randomisation), so it runs on integers.
    names = sorted(undirected, key=str)
    index = {name: i for i, name in enumerate(names)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(names)))
    numbered.add_weighted_edges_from(
        sorted((*sorted((index[u], index[v])), float(d.get("weight", 1.0))) for u, v, d in undirected.edges(data=True))
    )
    found = nx.community.louvain_communities(numbered, weight="weight", seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    return {names[node]: i for i, members in enumerate(found) for node in members}
