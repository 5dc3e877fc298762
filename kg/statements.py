"""The Cypher that kg's own commands run (trends, report, the concept summary), kept as
files in `kg/cypher/` in the header format of the ready queries, written in the Cypher
both stores speak.

A file may hold `{{label}}` and `{{rel}}`, filled with a concept label and a relationship
type of kg.schema (neither can be a query parameter), and `{{NAME var ...}}`, filled with the fragment file `_NAME.cypher`
whose `{{carry}}` names the variables to keep beside `p` (see `_paper-date.cypher`).
Values are always query parameters."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.queries import load_query
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS

STATEMENT_DIR = Path(__file__).resolve().parent / "cypher"
_SLOT = re.compile(r"\{\{([a-z_]+)((?:\s+\w+)*)\}\}")


def statement(name: str, *, label: str | None = None, rel: str | None = None) -> str:
    """The Cypher of `kg/cypher/NAME.cypher`, its fragments, label and type filled in."""
    if label is not None and label not in CONCEPT_LABELS:
        raise ValueError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")
    if rel is not None and rel not in RELATIONSHIPS:
        raise ValueError(f"relationship type {rel!r} is not one of: {', '.join(RELATIONSHIPS)}")
    return _fill(_text(name), {"label": label, "rel": rel})


@cache
def _text(name: str) -> str:
    return load_query(name, directory=STATEMENT_DIR).cypher


def _fill(text: str, names: dict[str, str | None]) -> str:
    def slot(match: re.Match[str]) -> str:
        name, carried = match.group(1), match.group(2).split()
        if name in names:
            value = names[name]
            if value is None:
                raise ValueError(f"this statement needs a {name}")
            return value
        fragment = _text("_" + name.replace("_", "-"))
        return _fill(fragment.replace("{{carry}}", "".join(f"{var}, " for var in carried)), names)

    return _SLOT.sub(slot, text)
