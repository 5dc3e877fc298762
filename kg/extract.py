"""`kg extract`: what the extractors find in each paper of some inputs, in the shape of
the gold files, without a store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from extractors.digests import expand_paths, parse_file
from kg.errors import InputError


@dataclass
class ExtractedFile:
    path: str
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def extract_files(paths: Iterable[str], *, extractor: Any = None) -> Iterator[ExtractedFile]:
    from extractors.entities import EntityExtractor, gold_record

    extractor = extractor or EntityExtractor()
    for path in expand_paths(paths):
        try:
            parsed = parse_file(path)
        except InputError as exc:
            yield ExtractedFile(path=path, error=str(exc))
            continue
        found = extractor.pipe(parsed.papers)
        yield ExtractedFile(path=path, records=[gold_record(p, m) for p, m in zip(parsed.papers, found, strict=True)])
