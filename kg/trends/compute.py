"""`trends`: the window, the concepts' papers in it and before it, and the four lists,
most used, rising, fading and new (see kg.trends for lift)."""

from __future__ import annotations

from kg.errors import TrendsError
from kg.schema import CONCEPT_LABELS
from kg.store.base import GraphStore
from kg.timeline import By, period_end, period_start
from kg.trends.counts import MIN_PAPERS, concept_windows, double_links, name_concepts, period_counts
from kg.trends.dates import paper_dates, window_bounds, window_periods
from kg.trends.model import ConceptTrend, Trends

DEFAULT_TOP = 10


def trends(
    store: GraphStore,
    *,
    label: str = "Method",
    by: By = By.month,
    since: str | None = None,
    until: str | None = None,
    top: int = DEFAULT_TOP,
) -> Trends:
    """Papers per period for the concepts of `label` over the window, and which rise,
    fade and appear; `since`/`until` are days (YYYY-MM-DD) or months, widened to whole periods."""
    if label not in CONCEPT_LABELS:
        raise TrendsError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")
    if top < 1:
        raise TrendsError(f"top {top} must be at least 1")
    dates, per_period, coarse = paper_dates(store, by)
    window, previous = window_periods(dates, by, since=since, until=until)
    window_papers = sum(per_period.get(p, 0) for p in window)
    previous_papers = sum(per_period.get(p, 0) for p in previous)
    start, end = period_start(window[0], by), period_end(window[-1], by)
    bounds = window_bounds(window, previous, by)
    # (papers in the window, in the previous window) and first date of the concepts a list
    # may show (MIN_PAPERS in either window, or new in it); when fewer than `top` have
    # MIN_PAPERS in the window, ask for every one. A paper linked to a concept twice is
    # counted twice by the queries, then once here.
    doubles = double_links(store, label)
    stats, first, concepts = concept_windows(store, label, bounds, doubles, floor=MIN_PAPERS)
    if sum(1 for now, _ in stats.values() if now >= MIN_PAPERS) < top:
        stats, first, concepts = concept_windows(store, label, bounds, doubles, floor=1)
    result = Trends(
        label=label,
        by=by,
        periods=window,
        previous_periods=previous,
        since=start.isoformat(),
        until=end.isoformat(),
        papers_per_period=[per_period.get(p, 0) for p in window],
        previous_papers_per_period=[per_period.get(p, 0) for p in previous],
        window_papers=window_papers,
        previous_papers=previous_papers,
        dates=dates,
        undated_for_periods=coarse,
        concepts=concepts,
    )
    lists: dict[str, list[str]] = {
        "top": [k for _, k in sorted((-now, k) for k, (now, _) in stats.items() if now)[:top]]
    }
    if previous_papers:
        lifts = {k: _lift(now, before, window_papers, previous_papers) for k, (now, before) in stats.items()}
        rising = sorted((-lifts[k], -now, k) for k, (now, _) in stats.items() if lifts[k] > 1 and now >= MIN_PAPERS)
        fading = sorted(
            (lifts[k], -before, k) for k, (_, before) in stats.items() if lifts[k] < 1 and before >= MIN_PAPERS
        )
        lists["rising"] = [k for _, _, k in rising[:top]]
        lists["fading"] = [k for _, _, k in fading[:top]]
    else:
        result.notes.append(f"no dated paper before {result.since}: nothing to compare the window with")
    new = sorted((-now, first[k], k) for k, (now, _) in stats.items() if now and first[k] >= bounds["since"])
    lists["new"] = [k for _, _, k in new[:top]]
    listed = sorted({k for keys in lists.values() for k in keys})
    counts = period_counts(store, label, by, listed, [*previous, *window], bounds, doubles)
    n = len(previous)
    made = {k: _trend(k, counts[k][n:], counts[k][:n], first[k], window_papers, previous_papers) for k in listed}
    name_concepts(store, label, list(made.values()))
    for section, keys in lists.items():
        setattr(result, section, [made[k] for k in keys])
    if coarse:
        result.notes.append(f"{coarse:,} papers dated only to a month (by their arXiv id) are not in weekly counts")
    if dates.none:
        result.notes.append(f"{dates.none:,} of {dates.papers:,} papers have no date and are not counted")
    return result


def _lift(window: int, previous: int, window_papers: int, previous_papers: int) -> float:
    return (window + 1) / (previous * window_papers / previous_papers + 1)


def _trend(
    key: str, counts: list[int], previous_counts: list[int], first: str, window_papers: int, previous_papers: int
) -> ConceptTrend:
    window, previous = sum(counts), sum(previous_counts)
    expected = previous * window_papers / previous_papers if previous_papers else None
    return ConceptTrend(
        key=key,
        name=key,
        first_seen=first,
        counts=counts,
        previous_counts=previous_counts,
        window=window,
        previous=previous,
        expected=expected,
        growth=window / previous - 1 if previous else None,
        lift=_lift(window, previous, window_papers, previous_papers) if previous_papers else None,
    )
