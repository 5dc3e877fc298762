"""`kg view method NAME`: a method with what it beats and what beats it.

Read from the Results papers claim (kg/cypher/method-results.cypher): every comparison is a
Result of its paper, ACHIEVED_BY the paper's method and AGAINST the method it beats (see
kg.results), so one query each way finds them all, also where the winning paper names no
method of its own (its Paper node is then the winner). One edge per paper and pair of
nodes, from the winner to the beaten, labelled with the first metric and value the paper
states (all of them, its title and the evidence on hover)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import ViewError
from kg.statements import statement
from kg.store.base import GraphStore
from kg.views import load
from kg.views.find import find_concept
from kg.views.select import keep_top
from kg.views.view import DEFAULT_LIMIT, View, limited

BEATS = "OUTPERFORMS"  # the type an edge of this view is drawn as


@dataclass
class Comparison:
    """One paper's claim that `winner` beats `beaten` (node ids), with what it states."""

    winner: str
    beaten: str
    paper: str
    title: str | None
    evidence: str | None
    results: list[str] = field(default_factory=list)  # "NDCG@10 +12.3% on MovieLens-1M"
    gain: str | None = None  # the first metric and value: the edge's label

    def add(self, row: dict[str, Any]) -> None:
        if row["metric"] is None:
            return
        gain = f"{row['metric']} {row['value']}" if row["value"] else row["metric"]
        text = f"{gain} on {row['dataset']}" if row["dataset"] else gain
        if text not in self.results:
            self.results.append(text)
        self.gain = self.gain or gain


def comparisons(store: GraphStore, key: str) -> list[Comparison]:
    """Every claim that the method `key` beats another, or is beaten, by paper."""
    found: dict[tuple[str, str, str], Comparison] = {}
    for rel in ("ACHIEVED_BY", "AGAINST"):
        for row in store.query(statement("method-results", rel=rel), {"key": key}).records():
            if row["beaten_key"] is None:
                continue  # a number the paper states against nothing
            winner = (
                load.node_id("Method", row["winner_key"]) if row["winner_key"] else load.node_id("Paper", row["paper"])
            )
            beaten = load.node_id("Method", row["beaten_key"])
            claim = found.setdefault(
                (winner, beaten, row["paper"]),
                Comparison(winner, beaten, row["paper"], row["title"], row["evidence"]),
            )
            claim.add(row)
    return list(found.values())


@limited
def method(store: GraphStore, name: str, *, limit: int = DEFAULT_LIMIT) -> View:
    """A method, the methods it beats and those that beat it (or the papers, where a paper
    names no method of its own), the most compared kept."""
    _, key = find_concept(store, name, label="Method")
    centre = load.node_id("Method", key)
    claims = comparisons(store, key)
    if not claims:
        raise ViewError(
            f"no paper in the store states a result of or against the method {name!r}; "
            "see kg query baselines-most-beaten"
        )
    graph = nx.MultiDiGraph()
    graph.add_node(centre, label="Method", key=key, hop=0)
    for claim in claims:
        for node in (claim.winner, claim.beaten):
            if node not in graph:
                label, _, node_key = node.partition(":")
                graph.add_node(node, label=label, key=node_key, hop=1)
        props = {"paper": claim.paper, "title": claim.title, "gain": claim.gain, "evidence": claim.evidence}
        if len(claim.results) > 1:
            props["results"] = "; ".join(claim.results)
        graph.add_edge(claim.winner, claim.beaten, key=f"{BEATS}:{claim.paper}", type=BEATS,
                       props={k: v for k, v in props.items() if v is not None})  # fmt: skip
    scores = {node: float(graph.degree(node)) for node in graph}
    ranked = [centre, *sorted((n for n in graph if n != centre), key=lambda n: (-scores[n], n))]
    kept, left = keep_top(graph, ranked, limit)
    for node in kept:
        kept.nodes[node]["score"] = scores[node]
    load.fill_props(store, kept)
    title = kept.nodes[centre]["props"].get("name") or name
    view = View("method", f"Method: {title}, what it beats and what beats it", kept, limit=limit,
                total=graph.number_of_nodes(), rank="view-degree",
                left_out=Counter(graph.nodes[n]["label"] for n in left))  # fmt: skip
    view.notes.append(_tally(claims, centre, title))
    return view


def _tally(claims: list[Comparison], centre: str, name: str) -> str:
    """`X beats 3 methods in 2 papers; 4 methods beat it in 5 papers; 1 paper without a
    method of its own beats it`."""
    beats = [c for c in claims if c.winner == centre]
    by_method = [c for c in claims if c.beaten == centre and c.winner.startswith("Method:")]
    by_paper = {c.paper for c in claims if c.beaten == centre and c.winner.startswith("Paper:")}
    text = (
        f"{name} beats {_count({c.beaten for c in beats}, 'method')} in {_count({c.paper for c in beats}, 'paper')}; "
        f"{_count({c.winner for c in by_method}, 'method')} beat it in {_count({c.paper for c in by_method}, 'paper')}"
    )
    if by_paper:
        text += f"; {_count(by_paper, 'paper')} without a method of its own beat{'s' * (len(by_paper) == 1)} it"
    return text


def _count(items: set[str], one: str, many: str | None = None) -> str:
    return f"{len(items):,} {one if len(items) == 1 else many or one + 's'}"
