"""Company deployments and the online gains their papers report: the one place a briefing
(and the concept view) reads them, so that when results become `Result` nodes only
kg/cypher/deployment-gains.cypher and this reader change."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.statements import statement
from kg.store.base import GraphStore

CHUNK = 5000


@dataclass
class Gain:
    metric: str
    value: str | None
    evidence: str | None


@dataclass
class Deployment:
    paper: str  # the paper's key
    company: str
    company_key: str
    evidence: str | None
    gains: list[Gain] = field(default_factory=list)


def deployments(store: GraphStore, paper_keys: list[str]) -> list[Deployment]:
    """The deployments the papers state, with their online gains, in paper then company order."""
    found: dict[tuple[str, str], Deployment] = {}
    for start in range(0, len(paper_keys), CHUNK):
        rows = store.query(statement("deployment-gains"), {"keys": paper_keys[start : start + CHUNK]}).records()
        for row in rows:
            deployment = found.setdefault(
                (row["paper"], row["company_key"]),
                Deployment(row["paper"], row["company"] or row["company_key"], row["company_key"], row["evidence"]),
            )
            if row["metric"] is not None:
                gain = Gain(row["metric"], row["value"], row["gain_evidence"])
                if gain not in deployment.gains:
                    deployment.gains.append(gain)
    for deployment in found.values():
        deployment.gains.sort(key=lambda g: (g.metric.lower(), g.value or ""))
    return [found[k] for k in sorted(found)]
