"""The window of `kg trends`: how the store's papers are dated, papers per period, and the
window's periods with the previous window's (as many just before)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from kg.errors import TrendsError
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
from kg.trends.model import DateCounts

DEFAULT_PERIODS = {By.month: 6, By.week: 8}


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


def window_bounds(window: list[str], previous: list[str], by: By) -> dict[str, Any]:
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


def _last_day(date: str) -> dt.date:
    return as_day(date) or period_end(date[:7], By.month)
