"""What a briefing holds: the window's papers, and the sources, concepts, deployments and
authors listed with the papers (and sentences) that put them there."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.timeline import By

# (label, concept key) -> paper key -> (concept name, evidence sentence)
ConceptLinks = dict[tuple[str, str], dict[str, tuple[str, str | None]]]


@dataclass
class PaperRef:
    key: str
    title: str
    url: str | None
    date: str


@dataclass
class Link:
    """A paper and the sentence that ties it to the item it is listed under."""

    paper: PaperRef
    evidence: str | None = None


@dataclass
class Item:
    """A concept, an author or a source, with its papers in the window."""

    key: str
    name: str
    label: str
    papers: int
    links: list[Link] = field(default_factory=list)
    first_seen: str | None = None
    family: str | None = None  # of a source


@dataclass
class Rising(Item):
    previous: int = 0
    expected: float = 0.0
    lift: float = 0.0
    series: list[int] = field(default_factory=list)  # papers per chart period


@dataclass
class DeploymentItem:
    company: str
    paper: PaperRef
    evidence: str | None
    gains: list[tuple[str, str | None, str | None, str | None]]  # metric, value, evidence, method


@dataclass
class Briefing:
    since: str
    until: str
    previous_since: str
    previous_until: str
    topics: list[str]
    excludes: list[str]
    papers: list[PaperRef]  # of the window, newest first
    previous_papers: int
    chart_by: By
    chart_periods: list[str]
    sources: list[Item]
    new: dict[str, list[Item]]  # label -> concepts first seen in the window
    new_totals: dict[str, int]
    rising: list[Rising]
    deployments: list[DeploymentItem]
    datasets: list[Item]
    metrics: list[Item]
    authors: list[Item]
    notes: list[str] = field(default_factory=list)
