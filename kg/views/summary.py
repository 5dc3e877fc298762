"""What a reader of `kg view concept` wants before the graph: how many papers name the
concept and since when, its papers per month, the methods, tasks, datasets, metrics and
companies of those papers with counts, a company's deployments with their online gains,
and the newest papers with the sentence that links them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.report.gains import deployments
from kg.schema import CONCEPT_LABELS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.timeline import By, month_of, periods

RELATED = 10  # concepts listed per label
NEWEST = 8  # papers listed
DEPLOYMENTS = 20
MONTHS = 36  # at most this many months charted, the latest


@dataclass
class PaperLine:
    title: str
    url: str | None
    date: str | None
    evidence: str | None


@dataclass
class DeploymentLine:
    paper: PaperLine
    gains: list[tuple[str, str | None, str | None, str | None]]  # metric, value, evidence, method


@dataclass
class ConceptSummary:
    label: str
    name: str
    papers: int
    first_seen: str | None
    last_seen: str | None
    months: list[str]  # charted, oldest first
    per_month: list[int]
    undated: int
    related: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # label -> (name, papers)
    deployments: list[DeploymentLine] = field(default_factory=list)
    deployed_papers: int = 0
    newest: list[PaperLine] = field(default_factory=list)


def concept_summary(store: GraphStore, label: str, key: str, name: str) -> ConceptSummary:
    papers: dict[str, PaperLine] = {}
    for row in store.query(statement("concept-papers", label=label), {"key": key}).records():
        line = papers.get(row["key"])
        if line is None or (line.evidence is None and row["evidence"]):
            url = f"https://arxiv.org/abs/{row['arxiv_id']}" if row["arxiv_id"] else row["url"]
            url = url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
            papers[row["key"]] = PaperLine(row["title"] or row["key"], url, row["date"], row["evidence"])
    dated = [month_of(p.date) for p in papers.values()]
    counts = Counter(m for m in dated if m)
    months = periods(min(counts), max(counts), By.month)[-MONTHS:] if counts else []
    days = sorted(p.date for p in papers.values() if p.date and month_of(p.date))
    summary = ConceptSummary(
        label=label, name=name, papers=len(papers), first_seen=days[0] if days else None,
        last_seen=days[-1] if days else None, months=months, per_month=[counts.get(m, 0) for m in months],
        undated=sum(1 for m in dated if m is None),
        newest=sorted(papers.values(), key=lambda p: (p.date or "", p.title), reverse=True)[:NEWEST],
    )  # fmt: skip
    keys = sorted(papers)
    for other in CONCEPT_LABELS:
        rows = store.query(statement("co-concepts", label=other), {"keys": keys, "limit": RELATED + 1}).rows
        summary.related[other] = [(n or k, c) for k, n, c in rows if not (other == label and k == key)][:RELATED]
    if label == "Company":
        found = [d for d in deployments(store, keys) if d.company_key == key]
        summary.deployed_papers = len(found)
        found.sort(key=lambda d: (papers[d.paper].date or "", d.paper), reverse=True)
        summary.deployments = [
            DeploymentLine(
                PaperLine(papers[d.paper].title, papers[d.paper].url, papers[d.paper].date, d.evidence),
                [(g.metric, g.value, g.evidence, g.method) for g in d.gains],
            )
            for d in found[:DEPLOYMENTS]
        ]
    return summary
