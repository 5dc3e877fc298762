"""What `kg trends` finds: how the papers are dated, and per concept its papers per period
of the window and the previous window, growth and lift, in four lists."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from kg.timeline import By


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
