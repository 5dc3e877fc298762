"""What is new and what is rising: papers per period per concept, first seen, growth
against the previous window, the rising and the fading.

    from kg.trends import trends
    with open_store("kg.lbug", read_only=True) as store:
        found = trends(store, label="Method", by=By.month)

The window is a run of whole periods (the last six months, or eight weeks, of the store
unless --since/--until say otherwise); the previous window is as many periods just before
it. A concept's *lift* compares its papers in the window with what its share of the
previous window predicts for the window's papers, +1 smoothed, so that a corpus that grew
does not make everything rise: lift = (window + 1) / (previous x window papers / previous
papers + 1). Rising: lift above 1, at least MIN_PAPERS papers in the window; fading: lift
below 1, at least MIN_PAPERS papers in the previous window.

On a large store the cost is one pass over the label's links (kg/cypher/concept-windows),
which returns only the concepts a list can show, then papers per period for those alone."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from kg.errors import TrendsError
from kg.graph import chunks
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.timeline import (
    By,
    as_day,
    month_of,
    parse_day,
    period_end,
    period_of,
    period_of_day,
    period_start,
    periods,
    shift,
)

DEFAULT_PERIODS = {By.month: 6, By.week: 8}
DEFAULT_TOP = 10
MIN_PAPERS = 3  # a concept rises (or fades) only with this many papers in the window (or the one before)
NAME_CHUNK = 2000


class ConceptLabel(StrEnum):
    """The concept labels trends count (kg.schema.CONCEPT_LABELS)."""

    Method = "Method"
    Dataset = "Dataset"
    Task = "Task"
    Company = "Company"
    Metric = "Metric"


@dataclass
class DateCounts:
    """How the store's papers are dated (see kg/cypher/_paper-date.cypher)."""

    papers: int = 0
    published: int = 0  # by their published date
    arxiv_day: int = 0  # by the month of their arXiv id, the day from the digest in that month
    arxiv_month: int = 0  # by the month of their arXiv id alone
    digest: int = 0  # by their digest's date
    none: int = 0  # no date at all
    earliest: str | None = None
    latest: str | None = None


@dataclass
class ConceptTrend:
    key: str
    name: str
    first_seen: str  # the date of its first paper, over the whole store
    counts: list[int]  # papers per period of the window
    previous_counts: list[int]  # papers per period of the previous window
    window: int  # papers in the window
    previous: int  # papers in the previous window
    expected: float | None  # what its share of the previous window predicts for the window
    growth: float | None  # window / previous - 1; None when previous is 0
    lift: float | None  # (window + 1) / (expected + 1)


@dataclass
class Trends:
    label: str
    by: By
    periods: list[str]
    previous_periods: list[str]
    since: str  # first day of the window
    until: str  # last day of the window
    papers_per_period: list[int]  # dated papers per period of the window, every concept or none
    previous_papers_per_period: list[int]
    window_papers: int
    previous_papers: int
    dates: DateCounts
    undated_for_periods: int  # papers with a date too coarse for the periods (a month, counted by weeks)
    concepts: int  # concepts with papers in the window
    top: list[ConceptTrend] = field(default_factory=list)
    rising: list[ConceptTrend] = field(default_factory=list)
    fading: list[ConceptTrend] = field(default_factory=list)
    new: list[ConceptTrend] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["by"] = self.by.value
        return data


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
    bounds = _bounds(window, previous, by)
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
    _name(store, label, list(made.values()))
    for section, keys in lists.items():
        setattr(result, section, [made[k] for k in keys])
    if coarse:
        result.notes.append(f"{coarse:,} papers dated only to a month (by their arXiv id) are not in weekly counts")
    if dates.none:
        result.notes.append(f"{dates.none:,} of {dates.papers:,} papers have no date and are not counted")
    return result


def paper_dates(store: GraphStore, by: By) -> tuple[DateCounts, Counter[str], int]:
    """How the papers are dated, dated papers per period, and how many have a date
    too coarse for the periods."""
    dates = DateCounts()
    per_period: Counter[str] = Counter()
    coarse = 0
    days: list[str] = []
    for date, published, from_id, papers in store.query(statement("paper-dates")).rows:
        dates.papers += papers
        period = period_of(date, by)
        if date is None or month_of(date) is None:
            dates.none += papers
            continue
        if published:
            dates.published += papers
        elif from_id:
            if as_day(date):
                dates.arxiv_day += papers
            else:
                dates.arxiv_month += papers
        else:
            dates.digest += papers
        days.append(date)
        if period is None:
            coarse += papers
        else:
            per_period[period] += papers
    if days:
        dates.earliest, dates.latest = min(days), max(days)
    return dates, per_period, coarse


def window_periods(dates: DateCounts, by: By, *, since: str | None, until: str | None) -> tuple[list[str], list[str]]:
    """The window's periods and the previous window's, as many just before."""
    if dates.latest is None:
        if not dates.papers:
            raise TrendsError("the store holds no papers yet; load some with kg ingest")
        raise TrendsError(f"none of the {dates.papers:,} papers has a date (published, arXiv id or digest date)")
    last_day = parse_day(until, "--until", end=True) if until else _last_day(dates.latest)
    last = period_of_day(last_day, by)
    first = period_of_day(parse_day(since, "--since"), by) if since else shift(last, 1 - DEFAULT_PERIODS[by], by)
    if first > last:
        raise TrendsError(f"--since {since} is after --until {until or last_day.isoformat()}")
    window = periods(first, last, by)
    return window, periods(shift(first, -len(window), by), shift(first, -1, by), by)


def _bounds(window: list[str], previous: list[str], by: By) -> dict[str, Any]:
    """The windows as the strings dates compare with: a month's dates sort from 'YYYY-MM' on,
    a week's from its Monday; the end is the start of the period after the window."""
    if by is By.month:
        return {"previous": previous[0], "since": window[0], "after": shift(window[-1], 1, by), "days": False}
    return {
        "previous": period_start(previous[0], by).isoformat(),
        "since": period_start(window[0], by).isoformat(),
        "after": (period_end(window[-1], by) + dt.timedelta(days=1)).isoformat(),
        "days": True,
    }


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


def _name(store: GraphStore, label: str, shown: list[ConceptTrend]) -> None:
    keys = sorted({t.key for t in shown})
    names: dict[str, str] = {}
    for part in chunks(keys, NAME_CHUNK):
        chunk = {"keys": part}
        names.update((k, n) for k, n in store.query(statement("concept-names", label=label), chunk).rows if n)
    for t in shown:
        t.name = names.get(t.key, t.key)


def _last_day(date: str) -> dt.date:
    return as_day(date) or period_end(date[:7], By.month)


# -- as text ------------------------------------------------------------------------------

SECTIONS = (
    ("top", "most papers in the window"),
    ("rising", "rising: more papers than the previous window's share predicts"),
    ("fading", "fading: fewer papers than the previous window's share predicts"),
    ("new", "new: first seen in the window"),
)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:+.0%}"


def table_rows(found: Trends, section: str) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of one section, as the table and CSV show it."""
    columns = ["concept", "first seen", *found.periods, "window", "previous", "growth", "lift"]
    rows = [
        [
            t.name,
            t.first_seen,
            *t.counts,
            t.window,
            t.previous,
            percent(t.growth) or ("new" if t.window else ""),
            "" if t.lift is None else f"{t.lift:.2f}",
        ]
        for t in getattr(found, section)
    ]
    return columns, rows


def csv_rows(found: Trends) -> tuple[list[str], list[list[Any]]]:
    """Every section in one table, a `list` column first."""
    columns = [
        "list",
        "key",
        "concept",
        "first_seen",
        *found.periods,
        "window",
        "previous",
        "expected",
        "growth",
        "lift",
    ]
    rows = []
    for section, _ in SECTIONS:
        for t in getattr(found, section):
            rows.append(
                [
                    section,
                    t.key,
                    t.name,
                    t.first_seen,
                    *t.counts,
                    t.window,
                    t.previous,
                    "" if t.expected is None else round(t.expected, 4),
                    "" if t.growth is None else round(t.growth, 4),
                    "" if t.lift is None else round(t.lift, 4),
                ]
            )
    return columns, rows


def summary_lines(found: Trends) -> list[str]:
    """What was counted, and what was not, in a few sentences."""
    d = found.dates
    unit = "months" if found.by is By.month else "weeks"
    lines = [
        f"{found.label}: papers per {found.by.value}, {found.periods[0]} to {found.periods[-1]} "
        f"({found.since} to {found.until}; {found.window_papers:,} dated papers, {found.concepts:,} concepts), "
        f"against the previous {len(found.previous_periods)} {unit} ({found.previous_papers:,} papers)",
        f"dates of {d.papers:,} papers: {d.published:,} published, {d.arxiv_day:,} arXiv id month with the digest's day, "
        f"{d.arxiv_month:,} arXiv id month only, {d.digest:,} digest date, {d.none:,} none",
    ]
    return lines + found.notes
