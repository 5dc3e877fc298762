"""Company deployments and the online gains their papers claim (online `Result` nodes, with
the method each belongs to): the one place a briefing (and the concept view) reads them,
from kg/cypher/deployment-gains.cypher."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph import chunks
from kg.statements import statement
from kg.store.base import GraphStore

CHUNK = 5000


@dataclass
class Gain:
    metric: str
    value: str | None
    evidence: str | None
    method: str | None = None  # the paper's own method the gain belongs to, where it names one


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
    for chunk in chunks(paper_keys, CHUNK):
        rows = store.query(statement("deployment-gains"), {"keys": chunk}).records()
        for row in rows:
            deployment = found.setdefault(
                (row["paper"], row["company_key"]),
                Deployment(row["paper"], row["company"] or row["company_key"], row["company_key"], row["evidence"]),
            )
            if row["metric"] is not None:
                gain = Gain(row["metric"], row["value"], row["gain_evidence"], row["method"])
                if all((g.metric, g.value) != (gain.metric, gain.value) for g in deployment.gains):
                    deployment.gains.append(gain)  # one per value: Results differ by dataset and baseline too
    for deployment in found.values():
        deployment.gains.sort(key=lambda g: (g.metric.lower(), g.value or ""))
    return [found[k] for k in sorted(found)]
