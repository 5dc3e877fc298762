"""`briefing`: the papers of the window (by the date rule of kg/cypher/_paper-date.cypher),
filtered by topics and exclusions, and what they say: the concepts first seen, the rising
ones with their charts, datasets, metrics, deployments (what it reads: read.py; what it
returns: model.py).

The window is days, `since` to `until` (default: the seven days that end with the newest
paper's date); the previous window is as many days just before it. A paper dated only to
a month (by its arXiv id) belongs to a window that holds its whole month. Rising concepts
are ranked by lift, as in kg.trends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.errors import ReportError
from kg.report.model import Briefing, ConceptLinks, DeploymentItem, Item, Link, PaperRef, Rising
from kg.report.read import (
    EXAMPLES,
    filter_papers,
    read_authors,
    read_deployments,
    read_first_dates,
    read_links,
    read_papers,
    read_sources,
)
from kg.schema import CONCEPT_LABELS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.timeline import By, as_day, month_of, parse_day, period_end, period_of, period_of_day, period_start, shift
from kg.trends import MIN_PAPERS, paper_dates

DEFAULT_DAYS = 7
DEFAULT_TOP = 10
CHART_PERIODS = 12  # periods in a rising concept's chart: weeks for a window of up to WEEKLY_UP_TO days, else months
WEEKLY_UP_TO = 31


@dataclass
class _Window:
    since: dt.date
    until: dt.date

    def holds(self, date: str) -> bool:
        day = as_day(date)
        if day is not None:
            return self.since <= day <= self.until
        month = month_of(date)
        return (
            month is not None
            and self.since <= period_start(month, By.month)
            and period_end(month, By.month) <= self.until
        )


def briefing(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    topics: list[str] | None = None,
    excludes: list[str] | None = None,
    top: int = DEFAULT_TOP,
) -> Briefing:
    """Read a briefing of the window from the store."""
    topics, excludes = [t for t in topics or [] if t.strip()], [t for t in excludes or [] if t.strip()]
    dates, _, _ = paper_dates(store, By.week)
    if dates.latest is None:
        raise ReportError(
            "the store holds no papers yet; load some with kg ingest"
            if not dates.papers
            else f"none of the {dates.papers:,} papers has a date (published, arXiv id or digest date)"
        )
    last = (
        parse_day(until, "--until", end=True) if until else as_day(dates.latest) or period_end(dates.latest, By.month)
    )
    first = parse_day(since, "--since") if since else last - dt.timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise ReportError(f"--since {first} is after --until {last}")
    window = _Window(first, last)
    length = last - first + dt.timedelta(days=1)
    previous = _Window(first - length, first - dt.timedelta(days=1))
    chart_by = By.week if length.days <= WEEKLY_UP_TO else By.month
    chart_last = period_of_day(last, chart_by)
    chart = [shift(chart_last, i - CHART_PERIODS + 1, chart_by) for i in range(CHART_PERIODS)]

    candidates = read_papers(store, previous.since, last)
    in_window = [k for k in sorted(candidates) if window.holds(candidates[k].date)]
    in_previous = {k for k in candidates if previous.holds(candidates[k].date)}
    keys = filter_papers(store, sorted({*in_window, *in_previous}), topics, excludes)
    kept = set(keys)
    in_window, in_previous = [k for k in in_window if k in kept], in_previous & kept
    links = read_links(store, keys)
    window_keys = set(in_window)
    papers = sorted((candidates[k] for k in in_window), key=lambda p: (p.date, p.key), reverse=True)
    report = Briefing(
        since=first.isoformat(), until=last.isoformat(), previous_since=previous.since.isoformat(),
        previous_until=previous.until.isoformat(), topics=topics, excludes=excludes, papers=papers,
        previous_papers=len(in_previous), chart_by=chart_by, chart_periods=chart,
        sources=read_sources(store, papers), new={}, new_totals={}, rising=[], deployments=[], datasets=[], metrics=[],
        authors=read_authors(store, papers, top),
    )  # fmt: skip
    by_concept = _by_concept(links, candidates)
    first_dates = read_first_dates(store, {lk for lk, ks in by_concept.items() if ks & window_keys})
    for label in CONCEPT_LABELS:
        new = [
            _item(label, key, _name_of(links, label, key), ks & window_keys, links, candidates, first_seen=first_seen)
            for (lab, key), ks in by_concept.items()
            if lab == label and ks & window_keys
            for first_seen in [first_dates.get((label, key))]
            if _is_new(first_seen, first)
        ]
        report.new_totals[label] = len(new)
        report.new[label] = sorted(new, key=lambda i: (-i.papers, i.first_seen or "", i.key))[:top]
    report.rising = _rising(by_concept, links, candidates, window_keys, in_previous, top)
    _chart(store, report.rising, chart, chart_by, topics, excludes)
    for label, attr in (("Dataset", "datasets"), ("Metric", "metrics")):
        used = [
            _item(label, key, _name_of(links, label, key), ks & window_keys, links, candidates)
            for (lab, key), ks in by_concept.items()
            if lab == label and ks & window_keys
        ]
        setattr(report, attr, sorted(used, key=lambda i: (-i.papers, i.key))[:top])
    report.deployments = [
        DeploymentItem(
            d.company, candidates[d.paper], d.evidence, [(g.metric, g.value, g.evidence, g.method) for g in d.gains]
        )
        for d in read_deployments(store, papers)
    ]
    left_out = sum(1 for p in candidates.values() if not as_day(p.date) and not window.holds(p.date)
                   and _overlaps(p.date, window))  # fmt: skip
    if left_out:
        report.notes.append(
            f"{left_out:,} papers dated only to a month that the window does not hold whole are left out"
        )
    if dates.none:
        report.notes.append(f"{dates.none:,} of {dates.papers:,} papers in the store have no date and are in no window")
    return report


# -- deciding --------------------------------------------------------------------------------


def _by_concept(links: ConceptLinks,
                candidates: dict[str, PaperRef]) -> dict[tuple[str, str], set[str]]:  # fmt: skip
    return {concept: {k for k in papers if k in candidates} for concept, papers in links.items()}


def _name_of(links: ConceptLinks, label: str, key: str) -> str:
    return next(iter(links[(label, key)].values()))[0]


def _item(
    label: str,
    key: str,
    name: str,
    paper_keys: set[str],
    links: ConceptLinks,
    candidates: dict[str, PaperRef],
    *,
    first_seen: str | None = None,
) -> Item:
    """A concept with its papers in the window; the papers shown are the earliest for a new
    concept (where it was first seen), else the newest."""
    earliest_first = first_seen is not None
    chosen = sorted(paper_keys, key=lambda k: (candidates[k].date, k), reverse=not earliest_first)[:EXAMPLES]
    shown = [Link(candidates[k], links[(label, key)][k][1]) for k in chosen]
    return Item(key, name, label, len(paper_keys), shown, first_seen=first_seen)


def _is_new(first: str | None, since: dt.date) -> bool:
    if first is None:
        return False
    day = as_day(first) or period_start(first[:7], By.month)
    return day >= since


def _rising(
    by_concept: dict[tuple[str, str], set[str]],
    links: ConceptLinks,
    candidates: dict[str, PaperRef],
    window: set[str],
    previous: set[str],
    top: int,
) -> list[Rising]:
    if not previous:
        return []
    found = []
    for (label, key), papers in by_concept.items():
        now, before = len(papers & window), len(papers & previous)
        expected = before * len(window) / len(previous)
        lift = (now + 1) / (expected + 1)
        if now >= MIN_PAPERS and lift > 1:
            found.append((-lift, -now, label, key, before, expected))
    rising = []
    for minus_lift, _, label, key, before, expected in sorted(found)[:top]:
        item = _item(label, key, _name_of(links, label, key), by_concept[(label, key)] & window, links, candidates)
        rising.append(Rising(**vars(item), previous=before, expected=expected, lift=-minus_lift))
    return rising


def _chart(store: GraphStore, rising: list[Rising], chart: list[str], by: By, topics: list[str],
           excludes: list[str]) -> None:  # fmt: skip
    """Each rising concept's papers per chart period (of the papers the topics keep)."""
    if not rising:
        return
    index = {period: i for i, period in enumerate(chart)}
    first, last = period_start(chart[0], by), period_end(chart[-1], by)
    rows: list[tuple[str, str, str, str]] = []
    for label in CONCEPT_LABELS:
        keys = [r.key for r in rising if r.label == label]
        if keys:
            params = {"keys": keys, "first": first.isoformat()[:7], "last": last.isoformat()}
            result = store.query(statement("concept-paper-dates", label=label), params)
            rows += [(label, key, paper, date) for key, paper, date in result.rows]
    kept = set(filter_papers(store, sorted({paper for _, _, paper, _ in rows}), topics, excludes))
    series = {(r.label, r.key): r.series for r in rising}
    for r in rising:
        r.series[:] = [0] * len(chart)
    for label, key, paper, date in rows:
        period = period_of(date, by)
        if paper in kept and period in index:
            series[(label, key)][index[period]] += 1


def _overlaps(date: str, window: _Window) -> bool:
    month = month_of(date)
    if month is None:
        return False
    return period_start(month, By.month) <= window.until and window.since <= period_end(month, By.month)
