"""`kg trends` as text: the lists as table or CSV rows, and the summary lines."""

from __future__ import annotations

from typing import Any

from kg.timeline import By
from kg.trends.model import Trends

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
