"""Papers per concept of a label, read from the store: in the window and the previous one
with the first date of each (one pass over the label's links, kg/cypher/concept-windows),
then per period and the names for the concepts a list shows; a paper linked to a concept
twice counted once."""

from __future__ import annotations

from typing import Any

from kg.errors import TrendsError
from kg.graph import chunks
from kg.schema import RELATIONSHIPS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.timeline import By, period_of
from kg.trends.model import ConceptTrend

MIN_PAPERS = 3  # a concept rises (or fades) only with this many papers in the window (or the one before)
NAME_CHUNK = 2000


def concept_windows(
    store: GraphStore, label: str, bounds: dict[str, Any], doubles: list[tuple[str, str]], *, floor: int
) -> tuple[dict[str, tuple[int, int]], dict[str, str], int]:
    """Per concept with at least `floor` papers in the window, MIN_PAPERS in the previous
    one, or first seen in the window (see kg/cypher/concept-windows.cypher): its papers in
    the window and in the previous window, and its first date; and how many concepts have
    papers in the window."""
    params = {**bounds, "floor": floor, "min_papers": MIN_PAPERS}
    stats: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    concepts = 0
    for key, first_date, now, before, with_papers in store.query(
        statement("concept-windows", label=label), params
    ).rows:
        concepts += int(with_papers)
        if key is not None:
            stats[key] = [int(now), int(before)]
            first[key] = first_date
    for key, date in doubles:
        if key in stats:
            stats[key][0] -= _in(date, bounds["since"], bounds["after"], bounds["days"])
            stats[key][1] -= _in(date, bounds["previous"], bounds["since"], bounds["days"])
    return {k: (now, before) for k, (now, before) in stats.items()}, first, concepts


def double_links(store: GraphStore, label: str) -> list[tuple[str, str]]:
    """(concept key, date) of each dated paper that links to a concept of the label twice
    (kg/cypher/concept-double-links.cypher knows the one way it can)."""
    types = sorted(rel for rel, rel_type in RELATIONSHIPS.items() if ("Paper", label) in rel_type.pairs)
    if len(types) < 2:
        return []
    if len(types) != 2 or "PROPOSES" not in types:
        raise TrendsError(
            f"papers link to {label} by {', '.join(types)}: concept-double-links knows PROPOSES and one other"
        )
    other = next(t for t in types if t != "PROPOSES")
    return [(key, date) for key, date in store.query(statement("concept-double-links", label=label, rel=other)).rows]


def _in(date: str, start: str, after: str, days: bool) -> int:
    """1 when a date lies in [start, after) as the stores compare it (concept-windows.cypher)."""
    return int(start <= date < after and (len(date) == 10 or not days))


def period_counts(
    store: GraphStore,
    label: str,
    by: By,
    keys: list[str],
    periods_: list[str],
    bounds: dict[str, Any],
    doubles: list[tuple[str, str]],
) -> dict[str, list[int]]:
    """Papers per period of the given concepts, for every key given."""
    index = {period: i for i, period in enumerate(periods_)}
    counts = {key: [0] * len(index) for key in keys}
    params = {
        "keys": keys,
        "previous": bounds["previous"],
        "after": bounds["after"],
        "width": 7 if by is By.month else 10,
    }
    for part in chunks(keys, NAME_CHUNK):
        chunk = {**params, "keys": part}
        for key, date, papers in store.query(statement("concept-period-counts", label=label), chunk).rows:
            period = period_of(date, by)
            if period in index:
                counts[key][index[period]] += papers
    for key, date in doubles:
        period = period_of(date, by)
        if key in counts and period in index:
            counts[key][index[period]] -= 1
    return counts


def name_concepts(store: GraphStore, label: str, shown: list[ConceptTrend]) -> None:
    keys = sorted({t.key for t in shown})
    names: dict[str, str] = {}
    for part in chunks(keys, NAME_CHUNK):
        chunk = {"keys": part}
        names.update((k, n) for k, n in store.query(statement("concept-names", label=label), chunk).rows if n)
    for t in shown:
        t.name = names.get(t.key, t.key)
