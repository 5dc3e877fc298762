"""Export a store as CSV files for `neo4j-admin database import full`: the fastest way to
put a large graph into a new Neo4j database (the server stopped, no transactions).

One header file and one data file per node label and per relationship (type, from label,
to label), with the id space of each label so that keys of different labels never clash:

    Paper.header.csv        key:ID(Paper),:LABEL,arxiv_id,...,categories:string[],n_authors:long,...
    WROTE_Author_Paper.header.csv   :START_ID(Author),:END_ID(Paper),:TYPE,position:long

Arrays are `;`-joined (neo4j-admin's default array delimiter); a `;` inside an element is
replaced by `,`. Booleans and integers are typed in the header. `import.sh` beside them
holds the neo4j-admin command (`$NEO4J_ADMIN` if set, e.g. by `scripts/neo4j-dev import`).
A store that can write CSV itself (LadybugDB's `COPY (query) TO`) does, from the query of
`csv_query`; otherwise rows are read a key range at a time: memory stays flat however large
the graph."""

from __future__ import annotations

import csv
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.schema import BOOL, FLOAT, INT, NODES, RELATIONSHIPS, STRING, STRINGS
from kg.store.base import GraphStore, node_pages, relationship_pages

PAGE = 50_000  # nodes per query
ARRAY_DELIMITER = ";"
_TYPES = {STRING: "", INT: ":long", FLOAT: ":double", BOOL: ":boolean", STRINGS: ":string[]"}


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
        count = store.copy_to_csv(*csv_query(label), out / f"{label}.csv")
        if count is None:
            rows = (row for page in node_pages(store, label, columns, page=PAGE) for row in page)
            count = _write(out / f"{label}.csv", ([r[0], label, *(_cell(v) for v in r[1:])] for r in rows))
        _write(out / f"{label}.header.csv", [header])
        report.nodes[label] = count
        args.append(f"--nodes={label}={label}.header.csv,{label}.csv")
        if on_file:
            on_file(f"{label}.csv", count)
    for rel, rel_type in RELATIONSHIPS.items():
        props = rel_type.props
        for from_label, to_label in rel_type.pairs:
            stem = f"{rel}_{from_label}_{to_label}"
            header = [
                f":START_ID({from_label})",
                f":END_ID({to_label})",
                ":TYPE",
                *(f"{c}{_TYPES[kind]}" for c, kind in props.items()),
            ]
            count = store.copy_to_csv(*csv_query(rel, from_label, to_label), out / f"{stem}.csv")
            if count is None:
                rows = (
                    row
                    for page in relationship_pages(store, rel, from_label, to_label, list(props), page=PAGE)
                    for row in page
                )
                count = _write(out / f"{stem}.csv", ([r[0], r[1], rel, *(_cell(v) for v in r[2:])] for r in rows))
            _write(out / f"{stem}.header.csv", [header])
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
        f'cd "$(dirname "$0")" && ${{NEO4J_ADMIN:-neo4j-admin}} {report.command.removeprefix("neo4j-admin ")} "$@"\n',
        encoding="utf-8",
    )
    return report


def csv_query(name: str, from_label: str | None = None, to_label: str | None = None) -> tuple[str, str]:
    """The MATCH and the RETURN items whose rows are the data lines of a node label's (or a
    relationship's) file, in the header's column order, every value already as neo4j-admin
    reads it."""
    if from_label is None:
        props = NODES[name]
        cells = ["n.key", f"'{name}'", *(_cell_expr(f"n.{c}", kind) for c, kind in props.items() if c != "key")]
        return f"MATCH (n:{name})", ", ".join(cells)
    props = RELATIONSHIPS[name].props
    cells = ["a.key", "b.key", f"'{name}'", *(_cell_expr(f"r.{c}", kind) for c, kind in props.items())]
    return f"MATCH (a:{from_label})-[r:{name}]->(b:{to_label})", ", ".join(cells)


def _cell_expr(value: str, kind: str) -> str:
    """A value in Cypher as `_cell` writes it in Python."""
    if kind == STRINGS:
        return (
            f"list_to_string('{ARRAY_DELIMITER}', list_transform({value}, x -> replace(x, '{ARRAY_DELIMITER}', ',')))"
        )
    if kind == BOOL:
        return f"CASE WHEN {value} THEN 'true' WHEN NOT {value} THEN 'false' END"
    return value


def _write(path: Path, rows: Iterable[list[Any]]) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
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
