"""Export a store as CSV files for `neo4j-admin database import full`: the fastest way to
put a large graph into a new Neo4j database (the server stopped, no transactions).

One header file and one data file per node label and per relationship (type, from label,
to label), with the id space of each label so that keys of different labels never clash:

    Paper.header.csv        key:ID(Paper),:LABEL,arxiv_id,...,categories:string[],n_authors:long,...
    WROTE_Author_Paper.header.csv   :START_ID(Author),:END_ID(Paper),:TYPE,position:long

Arrays are `;`-joined (neo4j-admin's default array delimiter); a `;` inside an element is
replaced by `,`. Booleans and integers are typed in the header. `import.sh` beside them
holds the neo4j-admin command. Rows are read from the store a key range at a time: memory stays
flat however large the graph."""

from __future__ import annotations

import csv
import shlex
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.schema import BOOL, INT, NODES, RELATIONSHIPS, STRING, STRINGS
from kg.store.base import GraphStore, node_pages, relationship_pages

PAGE = 50_000  # nodes per query
ARRAY_DELIMITER = ";"
_TYPES = {STRING: "", INT: ":long", BOOL: ":boolean", STRINGS: ":string[]"}


@dataclass
class ExportReport:
    directory: str
    nodes: dict[str, int] = field(default_factory=dict)  # label -> rows
    relationships: dict[str, int] = field(default_factory=dict)  # file stem -> rows
    command: str = ""


def export_neo4j_admin(
    store: GraphStore,
    directory: str | Path,
    *,
    database: str = "neo4j",
    on_file: Callable[[str, int], None] | None = None,
) -> ExportReport:
    """Write the whole graph of `store` into `directory` (created; must be empty or new)."""
    out = Path(directory)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out}: not an empty folder; choose a new one for the export")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: cannot create the folder ({exc.strerror or exc})") from exc
    report = ExportReport(directory=str(out))
    args = []
    for label, props in NODES.items():
        columns = list(props)
        header = [f"key:ID({label})", ":LABEL", *(f"{c}{_TYPES[props[c]]}" for c in columns if c != "key")]
        rows = (row for page in node_pages(store, label, columns, page=PAGE) for row in page)
        count = _write(out, label, header, ([r[0], label, *(_cell(v) for v in r[1:])] for r in rows))
        report.nodes[label] = count
        args.append(f"--nodes={label}={label}.header.csv,{label}.csv")
        if on_file:
            on_file(f"{label}.csv", count)
    for rel, (pairs, props) in RELATIONSHIPS.items():
        for from_label, to_label in pairs:
            stem = f"{rel}_{from_label}_{to_label}"
            header = [
                f":START_ID({from_label})",
                f":END_ID({to_label})",
                ":TYPE",
                *(f"{c}{_TYPES[kind]}" for c, kind in props.items()),
            ]
            rows = (
                row
                for page in relationship_pages(store, rel, from_label, to_label, list(props), page=PAGE)
                for row in page
            )
            count = _write(out, stem, header, ([r[0], r[1], rel, *(_cell(v) for v in r[2:])] for r in rows))
            report.relationships[stem] = count
            args.append(f"--relationships={rel}={stem}.header.csv,{stem}.csv")
            if on_file:
                on_file(f"{stem}.csv", count)
    report.command = " ".join(
        [
            "neo4j-admin database import full",
            shlex.quote(database),
            "--overwrite-destination",
            f"--array-delimiter={shlex.quote(ARRAY_DELIMITER)}",
            "--multiline-fields=true",
            *args,
        ]
    )
    (out / "import.sh").write_text(
        "#!/bin/sh\n# Import these files into a new Neo4j database (the server stopped).\n"
        f'cd "$(dirname "$0")" && {report.command} "$@"\n',
        encoding="utf-8",
    )
    return report


def _write(out: Path, stem: str, header: list[str], rows: Iterable[Sequence[Any]]) -> int:
    with open(out / f"{stem}.header.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(header)
    count = 0
    with open(out / f"{stem}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _cell(value: Any) -> Any:
    """A value as neo4j-admin reads it: arrays `;`-joined, booleans lower case, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value if v is not None)
    return value
