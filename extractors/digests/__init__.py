"""Digest parsers: one module per input family, registered here in detection order.

Each module has `NAME`, `detect(text) -> bool` and `parse(text, source) -> list[Paper]`.
The family is found from the content, never from the file name."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from extractors.digests import (
    ai_enhanced,
    arxiv_api,
    arxiv_listing,
    daily_papers,
    json_records,
    markdown_blocks,
    markdown_table,
    web_capture,
)
from extractors.digests.reading import decode
from kg.errors import DigestError, InputError
from kg.model import Paper

# Detection order: the most specific shapes first.
FAMILIES: dict[str, ModuleType] = {
    module.NAME: module
    for module in (
        arxiv_api,
        json_records,
        markdown_table,
        ai_enhanced,
        markdown_blocks,
        web_capture,
        daily_papers,
        arxiv_listing,
    )
}

STDIN = "-"


@dataclass
class ParsedFile:
    path: str
    family: str
    papers: list[Paper]
    warnings: list[str] = field(default_factory=list)


def detect_family(text: str) -> str | None:
    for name, module in FAMILIES.items():
        if module.detect(text):
            return name
    return None


def parse_text(text: str, path: str, *, family: str | None = None, warnings: list[str] | None = None) -> ParsedFile:
    """Parse a digest's text; `path` names it in errors and provenance."""
    warnings = warnings if warnings is not None else []
    family = family or detect_family(text)
    if family is None:
        known = ", ".join(FAMILIES)
        raise InputError(path, f"matches no known digest family ({known})")
    source = "<stdin>" if path == STDIN else os.path.basename(path)
    try:
        parse = FAMILIES[family].parse
        # Parsers that can keep going past a bad record take the warnings list.
        if "warnings" in inspect.signature(parse).parameters:
            papers = parse(text, source, warnings=warnings)
        else:
            papers = parse(text, source)
    except DigestError as exc:
        raise InputError(path, f"{family}: {exc}") from exc
    if not papers:
        raise InputError(path, f"looks like a {family} digest but holds no paper")
    return ParsedFile(path=path, family=family, papers=papers, warnings=warnings)


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except PermissionError as exc:
        raise InputError(path, "cannot be read (permission denied)") from exc
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc


def parse_file(path: str) -> ParsedFile:
    """Read, decode, detect and parse one input; InputError names the file and the problem."""
    warnings: list[str] = []
    text = decode(read_bytes(path), path, warnings)
    return parse_text(text, path, warnings=warnings)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked in name order, hidden files and folders skipped.
    A path that does not exist is passed on so that its error is reported with the rest."""
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield str(child)
        else:
            yield raw
