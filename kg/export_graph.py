"""Export the graph for the tools analysts already use: GraphML and GEXF (Gephi, yEd,
Cytoscape, networkx) through networkx's writers, CSV (a spreadsheet, Gephi's spreadsheet
import) and JSON Lines (one node or relationship a line).

Every node is identified as `<label>:<key>` (keys of different labels may be equal). Its
attributes are its properties, `kind` (its label) and `label` (what a viewer shows: the
name, the title, else the key); a relationship's are its properties, `kind` (its type) and
`label` (the type). A list property (`sources`, `aliases`) is joined with `; ` in GraphML,
GEXF and CSV, and stays a list in JSON Lines; a property without a value is left out.

    graphml, gexf, jsonl  PATH is the file written
    csv                   PATH is a folder (new or empty) with nodes.csv and edges.csv:
                          Id, Label, kind, <properties> / Source, Target, Type, kind, <properties>

Rows are read from the store a page at a time; GraphML and GEXF build the networkx graph in
memory first, as their writers need it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.schema import NODES, RELATIONSHIPS
from kg.store.base import GraphStore, node_pages, relationship_pages

FORMATS = ("graphml", "gexf", "csv", "jsonl")
LIST_SEPARATOR = "; "
PAGE = 50_000


@dataclass
class GraphExportReport:
    format: str
    path: str
    nodes: dict[str, int] = field(default_factory=dict)  # label -> nodes
    relationships: dict[str, int] = field(default_factory=dict)  # type -> relationships
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Node:
    id: str
    label: str
    props: dict[str, Any]


@dataclass(frozen=True)
class _Rel:
    start: str
    end: str
    type: str
    props: dict[str, Any]


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def display(props: dict[str, Any]) -> str:
    return str(props.get("name") or props.get("title") or props.get("key"))


def export_graph(store: GraphStore, path: str | Path, *, format: str) -> GraphExportReport:
    """Write the whole graph of `store` to `path` in `format` (one of FORMATS)."""
    if format not in FORMATS:
        raise ExportError(f"format {format!r} is not one of: {', '.join(FORMATS)}")
    target = Path(path)
    report = GraphExportReport(format=format, path=str(target))
    try:
        if format == "csv":
            _write_csv(store, _folder(target), report)
        elif format == "jsonl":
            _file(target)
            _write_jsonl(store, target, report)
        else:
            _file(target)
            _write_networkx(store, target, format, report)
    except OSError as exc:
        raise ExportError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    return report


def _folder(target: Path) -> Path:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(f"{target}: not an empty folder; choose a new one for the CSV files")
    target.mkdir(parents=True, exist_ok=True)
    return target


def _file(target: Path) -> None:
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; name the file to write")
    target.parent.mkdir(parents=True, exist_ok=True)


# -- reading the store ------------------------------------------------------------------


def _nodes(store: GraphStore, report: GraphExportReport) -> Iterator[_Node]:
    for label, props in NODES.items():
        columns = list(props)
        report.nodes[label] = 0
        for page in node_pages(store, label, columns, page=PAGE):
            report.nodes[label] += len(page)
            for row in page:
                values = {name: value for name, value in zip(columns, row, strict=True) if value is not None}
                yield _Node(node_id(label, row[0]), label, values)


def _relationships(store: GraphStore, report: GraphExportReport) -> Iterator[_Rel]:
    for rel, rel_type in RELATIONSHIPS.items():
        columns = list(rel_type.props)
        report.relationships[rel] = 0
        for start, end in rel_type.pairs:
            for page in relationship_pages(store, rel, start, end, columns, page=PAGE):
                report.relationships[rel] += len(page)
                for row in page:
                    values = {name: value for name, value in zip(columns, row[2:], strict=True) if value is not None}
                    yield _Rel(node_id(start, row[0]), node_id(end, row[1]), rel, values)


def _flat(value: Any) -> Any:
    """A value as GraphML, GEXF and CSV hold it: lists joined."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value if v is not None)
    return value


# -- the formats ------------------------------------------------------------------------


def _write_networkx(store: GraphStore, target: Path, format: str, report: GraphExportReport) -> None:
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in _nodes(store, report):
        attrs = {name: _flat(value) for name, value in node.props.items()}
        graph.add_node(node.id, **attrs, kind=node.label, label=display(node.props))
    for rel in _relationships(store, report):
        attrs = {name: _flat(value) for name, value in rel.props.items()}
        keyed_by = RELATIONSHIPS[rel.type].keyed_by  # two papers' OUTPERFORMS of one pair are two edges
        key = rel.type if keyed_by is None else f"{rel.type}|{rel.props.get(keyed_by)}"
        graph.add_edge(rel.start, rel.end, key=key, **attrs, kind=rel.type, label=rel.type)
    if format == "graphml":
        nx.write_graphml(graph, target)
    else:
        nx.write_gexf(graph, target)
    report.files.append(str(target))


def _write_jsonl(store: GraphStore, target: Path, report: GraphExportReport) -> None:
    with open(target, "w", encoding="utf-8") as handle:
        for node in _nodes(store, report):
            line = {"type": "node", "id": node.id, "labels": [node.label], "properties": node.props}
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        for rel in _relationships(store, report):
            line = {
                "type": "relationship",
                "label": rel.type,
                "start": rel.start,
                "end": rel.end,
                "properties": rel.props,
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    report.files.append(str(target))


def _write_csv(store: GraphStore, folder: Path, report: GraphExportReport) -> None:
    node_columns = list(dict.fromkeys(name for props in NODES.values() for name in props))
    rel_columns = list(dict.fromkeys(name for rel_type in RELATIONSHIPS.values() for name in rel_type.props))
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    with open(nodes_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Id", "Label", "kind", *node_columns])
        for node in _nodes(store, report):
            cells = [_cell(node.props.get(name)) for name in node_columns]
            writer.writerow([node.id, display(node.props), node.label, *cells])
    with open(edges_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Source", "Target", "Type", "kind", *rel_columns])
        for rel in _relationships(store, report):
            cells = [_cell(rel.props.get(name)) for name in rel_columns]
            writer.writerow([rel.start, rel.end, "Directed", rel.type, *cells])
    report.files += [str(nodes_path), str(edges_path)]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _flat(value)
