"""The ready queries of `cypher/`: one statement per file, with a header of `//` lines,
the first the description, then `// @param name: what it is (example: value)`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import QueryError, QueryNotFound

QUERY_DIR = Path(__file__).resolve().parent.parent / "cypher"
_PARAM = re.compile(r"^//\s*@param\s+(?P<name>\w+)\s*:\s*(?P<text>.*?)(?:\s*\(example:\s*(?P<example>[^)]*)\))?\s*$")


@dataclass
class Param:
    name: str
    description: str
    example: str | None = None


@dataclass
class ReadyQuery:
    name: str
    description: str
    cypher: str
    params: list[Param] = field(default_factory=list)

    def example_params(self) -> dict[str, Any]:
        return {p.name: parse_value(p.example) for p in self.params if p.example is not None}

    def check_params(self, given: dict[str, Any]) -> None:
        """A missing parameter is named with what it is, not left to the engine's message."""
        missing = [p for p in self.params if p.name not in given]
        if missing:
            wanted = "; ".join(
                f"--param {p.name}=… ({p.description}" + (f", e.g. {p.example})" if p.example else ")") for p in missing
            )
            raise QueryError(f"ready query {self.name} needs {wanted}")


def list_queries(directory: Path = QUERY_DIR) -> list[ReadyQuery]:
    return [_load(path) for path in sorted(directory.glob("*.cypher"))]


def load_query(name: str, directory: Path = QUERY_DIR) -> ReadyQuery:
    path = directory / f"{name.removesuffix('.cypher')}.cypher"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise QueryNotFound(f"no ready query named {name!r}; known: {known}")
    return _load(path)


def is_query_name(text: str) -> bool:
    """A ready query's name is one word of letters, digits and dashes; Cypher is not."""
    return bool(re.fullmatch(r"[\w\-]+(\.cypher)?", text.strip()))


def parse_value(raw: str) -> Any:
    """`--param` values: integers, true/false/null, else the string itself (so that an
    arXiv id such as 2511.14221 stays a string)."""
    text = raw.strip()
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return raw


def _load(path: Path) -> ReadyQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("//"):
            break
        header.append(line)
    params = [Param(m["name"], m["text"], m["example"]) for line in header if (m := _PARAM.match(line))]
    description = " ".join(line.lstrip("/ ").strip() for line in header if not _PARAM.match(line))
    return ReadyQuery(
        name=path.stem, description=description, cypher="\n".join(lines[len(header) :]).strip(), params=params
    )
