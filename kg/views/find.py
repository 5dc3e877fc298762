"""The centre of a view: a paper by its arXiv id, key or title; a concept by its name, with
the names nearest to it when there is none."""

from __future__ import annotations

from collections.abc import Iterable

from kg.errors import ViewError
from kg.model import concept_key, normalise_arxiv_id, title_key
from kg.schema import CONCEPT_LABELS
from kg.store.base import GraphStore


def find_paper(store: GraphStore, paper_id: str) -> str:
    """The key of a paper given its arXiv id (any version, or its URL), its key, or its title."""
    text = paper_id.strip()
    candidates = [c for c in (normalise_arxiv_id(text), text) if c]
    for key in dict.fromkeys(candidates):
        if store.query("MATCH (p:Paper {key: $key}) RETURN p.key", {"key": key}).rows:
            return key
    tk = title_key(text.removeprefix("title:"))
    if tk:
        rows = store.query("MATCH (p:Paper) WHERE p.title_key = $tk RETURN p.key", {"tk": tk}).rows
        rows = rows or store.query("MATCH (p:Paper) WHERE toLower(p.title) = $t RETURN p.key", {"t": text.lower()}).rows
        if rows:
            found: str = rows[0][0]
            return found
    raise ViewError(
        f"no paper {paper_id!r} in the store; give an arXiv id, a paper key or a title "
        f'(list some with: kg query "MATCH (p:Paper) RETURN p.key, p.title LIMIT 20")'
    )


def find_concept(store: GraphStore, name: str, *, label: str | None = None) -> tuple[str, str]:
    """(label, key) of the concept named so (names compare as kg keys them); with several
    labels holding the name, `label` picks one."""
    labels: tuple[str, ...] = CONCEPT_LABELS
    if label is not None:
        matched = [known for known in CONCEPT_LABELS if known.lower() == label.lower()]
        if not matched:
            raise ViewError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")
        labels = tuple(matched)
    key = concept_key(name)
    found = [
        lab for lab in labels if key and store.query(f"MATCH (n:{lab} {{key: $key}}) RETURN n.key", {"key": key}).rows
    ]
    if len(found) == 1:
        return found[0], key
    if len(found) > 1:
        raise ViewError(f"{name!r} is a {' and a '.join(found)}; pick one with --label")
    hints = _similar_concepts(store, name, labels)
    hint = f"; did you mean: {', '.join(hints)}?" if hints else "; see kg query datasets-most-used and kg stats"
    kinds = " or ".join(lab.lower() for lab in labels).replace(" or ", ", ", max(len(labels) - 2, 0))
    raise ViewError(f"no {kinds} named {name!r} in the store{hint}")


def concept_name(store: GraphStore, label: str, key: str) -> str | None:
    rows = store.query(f"MATCH (n:{label} {{key: $key}}) RETURN n.name", {"key": key}).rows
    return rows[0][0] if rows else None


def _similar_concepts(store: GraphStore, name: str, labels: Iterable[str], limit: int = 5) -> list[str]:
    needle = name.strip().lower()
    if not needle:
        return []
    names: list[str] = []
    for label in labels:
        rows = store.query(
            f"MATCH (n:{label}) WHERE toLower(n.name) CONTAINS $needle RETURN n.name LIMIT {limit}", {"needle": needle}
        ).rows
        names.extend(r[0] for r in rows if r[0])
    return sorted(set(names), key=lambda s: (len(s), s))[:limit]
