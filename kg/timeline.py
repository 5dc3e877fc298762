"""Dates and periods: the months and ISO weeks that trends and briefings count papers by.

A paper's date comes from the store (kg/cypher/_paper-date.cypher) as 'YYYY-MM-DD' or,
when only its arXiv id dates it, 'YYYY-MM'. A period is a month ('2025-11') or an ISO week
('2025-W47', Monday to Sunday). A date known only to its month has no week."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from functools import lru_cache

from kg.errors import DateError

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
# Trends read the same few thousand dates once per concept: the parsing is cached.
CACHED_DATES = 1 << 16


class By(StrEnum):
    """How papers are grouped in time."""

    month = "month"
    week = "week"


def parse_day(text: str, option: str, *, end: bool = False) -> dt.date:
    """A day given as YYYY-MM-DD, or a month as YYYY-MM (its first day, or its last with
    `end`); anything else is a one-line error naming the option."""
    value = text.strip()
    try:
        if _MONTH.fullmatch(value):
            first = dt.date.fromisoformat(value + "-01")
            return _month_end(first) if end else first
        if _DAY.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise DateError(f"{option} {text!r} is not a date; write YYYY-MM-DD (or YYYY-MM)")


@lru_cache(maxsize=CACHED_DATES)
def as_day(date: str | None) -> dt.date | None:
    """The day of a full date string; None for a month-only or malformed one."""
    if date and _DAY.fullmatch(date[:10]):
        try:
            return dt.date.fromisoformat(date[:10])
        except ValueError:
            return None
    return None


@lru_cache(maxsize=CACHED_DATES)
def month_of(date: str | None) -> str | None:
    """'YYYY-MM' of a day or month date; None when it is not one."""
    if not date or not _MONTH.fullmatch(date[:7]) or not 1 <= int(date[5:7]) <= 12:
        return None
    return date[:7]


@lru_cache(maxsize=CACHED_DATES)
def period_of(date: str | None, by: By) -> str | None:
    """The period a date falls in; None when it has none (no date, or a month-only date
    counted by weeks)."""
    if by is By.month:
        return month_of(date)
    day = as_day(date)
    return week_of(day) if day else None


def period_of_day(day: dt.date, by: By) -> str:
    return f"{day.year:04d}-{day.month:02d}" if by is By.month else week_of(day)


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def period_start(period: str, by: By) -> dt.date:
    if by is By.month:
        return dt.date.fromisoformat(period + "-01")
    match = _WEEK.fullmatch(period)
    if not match:
        raise ValueError(f"not a week: {period!r}")
    return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)


def period_end(period: str, by: By) -> dt.date:
    start = period_start(period, by)
    return _month_end(start) if by is By.month else start + dt.timedelta(days=6)


def shift(period: str, steps: int, by: By) -> str:
    """The period `steps` after (or before, when negative) the given one."""
    start = period_start(period, by)
    if by is By.week:
        return week_of(start + dt.timedelta(weeks=steps))
    index = start.year * 12 + start.month - 1 + steps
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def periods(first: str, last: str, by: By) -> list[str]:
    """Every period from `first` to `last`, both included."""
    found = []
    period = first
    while period <= last:
        found.append(period)
        period = shift(period, 1, by)
    return found


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
