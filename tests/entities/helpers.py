"""Extract from a sentence written in a test."""

from __future__ import annotations

from extractors.entities import EntityExtractor, Mention
from kg.model import Paper


def paper(abstract: str, title: str | None = None) -> Paper:
    return Paper(source="test.txt", family="test", title=title, abstract=abstract)


def found(extractor: EntityExtractor, abstract: str, kind: str, title: str | None = None) -> list[str]:
    return [m.name for m in extractor(paper(abstract, title)) if m.kind == kind]


def mention(extractor: EntityExtractor, abstract: str, kind: str, name: str, title: str | None = None) -> Mention:
    hits = [m for m in extractor(paper(abstract, title)) if m.kind == kind and m.name == name]
    assert hits, f"no {kind} {name!r} in {[(m.kind, m.name) for m in extractor(paper(abstract, title))]}"
    return hits[0]
