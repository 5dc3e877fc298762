"""What every view returns, a View, and what every view does with it: its `limit` checked
and held to MAX_LIMIT (`limited`), and the cut to the most central nodes (`cut`)."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import ParamSpec, cast

import networkx as nx

from kg.errors import ViewError
from kg.store.base import GraphStore
from kg.views import load
from kg.views.select import keep_top
from kg.views.summary import ConceptSummary

DEFAULT_LIMIT = 300
MAX_LIMIT = 1000  # more nodes than this make a page that lays out slowly and reads as a hairball
RANK_NAMES = {
    "pagerank": "PageRank",
    "degree": "degree",
    "view-degree": "links within the view",
    "papers": "papers, each label its share",
}

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


def limited(build: Callable[ViewArgs, View]) -> Callable[ViewArgs, View]:
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


def cut(
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
