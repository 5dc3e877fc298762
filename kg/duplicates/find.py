"""`find_duplicates`: the candidate pairs of every kind, label by label, most likely first,
and the names defined in two senses; `report_json` for `kg duplicates --format json`."""

from __future__ import annotations

from typing import Any

from kg.duplicates.definitions import read_definitions
from kg.duplicates.model import Candidate, Concept, DuplicateReport
from kg.duplicates.pairs import acronym_pairs, add_shared, hold_coined_apart, near_pairs, variant_pairs
from kg.duplicates.senses import two_senses
from kg.schema import CONCEPT_LABELS
from kg.store.base import GraphStore


def read_concepts(store: GraphStore, label: str) -> list[Concept]:
    rows = store.query(
        f"MATCH (c:{label}) OPTIONAL MATCH (p:Paper)-->(c) RETURN c.key, c.name, count(DISTINCT p) AS papers"
    ).rows
    return [Concept(label, key, name or key, int(papers)) for key, name, papers in rows]


def find_duplicates(store: GraphStore, *, label: str | None = None) -> DuplicateReport:
    """Candidate pairs of one label (or of every concept label) and two-sense names."""
    labels = (label,) if label else CONCEPT_LABELS
    report = DuplicateReport()
    definitions = read_definitions(store, labels)
    for current in labels:
        concepts = read_concepts(store, current)
        report.concepts += len(concepts)
        found: dict[tuple[str, str], Candidate] = {}
        for candidate in variant_pairs(concepts) + acronym_pairs(concepts, definitions) + near_pairs(store, concepts):
            pair = (min(candidate.key, candidate.into_key), max(candidate.key, candidate.into_key))
            if pair not in found or found[pair].score < candidate.score:
                found[pair] = candidate
        add_shared(store, current, list(found.values()))
        hold_coined_apart(store, current, list(found.values()))
        report.candidates.extend(found.values())
        report.senses.extend(two_senses(concepts, definitions))
    report.candidates.sort(key=lambda c: (-c.score, -(c.papers + c.into_papers), c.label, c.name))
    report.senses.sort(key=lambda s: (-s.senses[1].papers, -s.papers, s.label, s.name))
    return report


def report_json(report: DuplicateReport) -> dict[str, Any]:
    """The report as JSON-ready data: candidates (with the merge command) and senses."""
    return {
        "concepts": report.concepts,
        "candidates": [
            {
                "label": c.label,
                "name": c.name,
                "into": c.into,
                "kind": c.kind,
                "score": c.score,
                "papers": c.papers,
                "into_papers": c.into_papers,
                "shared": c.shared,
                "defining": c.defining,
                "evidence": c.evidence,
                "command": c.command,
            }
            for c in report.candidates
        ],
        "senses": [
            {
                "label": s.label,
                "name": s.name,
                "papers": s.papers,
                "senses": [{"long_form": x.long_form, "papers": x.papers, "evidence": x.evidence} for x in s.senses],
            }
            for s in report.senses
        ],
    }
