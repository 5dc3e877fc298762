"""The kg command line: each command parses its options and calls one library function."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from kg.errors import KgError

app = typer.Typer(
    help="Turn research-paper digests into a knowledge graph and question it with Cypher.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output gets wide tables rather than the 80 columns rich assumes without a terminal.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

StoreOption = typer.Option(
    None, "--store", "-s", envvar="KG_STORE",
    help="Store URL: a LadybugDB file (default ./kg.lbug) or bolt:// / neo4j:// for Neo4j.",
)
_state = {"debug": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    _state["debug"] = debug or bool(os.environ.get("KG_DEBUG"))


def fail(message: str, code: int = 1) -> None:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


def run(action):
    """Call the library; its errors become one line and exit code 1 (a traceback with --debug)."""
    try:
        return action()
    except KgError as exc:
        if _state["debug"]:
            traceback.print_exc()
        fail(str(exc))
    except Exception as exc:  # a bug: still one line, the traceback on request
        if _state["debug"]:
            traceback.print_exc()
        fail(f"internal error: {type(exc).__name__}: {exc} (run `kg --debug ...` for the traceback)")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Digest files, folders, or - for standard input."),
    store: Optional[str] = StoreOption,
    no_extract: bool = typer.Option(False, "--no-extract", help="Load papers and authors only, skip entity extraction."),
) -> None:
    """Load digests into the store: papers, authors, sources and the concepts found in them.

    Example:

        kg ingest ../shared/corpus/seeds examples/ && kg stats
    """
    from kg.ingest import ingest as ingest_files
    from kg.store import open_store
    from kg.ui import file_progress, print_ingest_summary

    def action():
        with open_store(store) as graph, file_progress(err, paths) as on_file:
            return ingest_files(paths, store=graph, extract=not no_extract, on_file=on_file)

    report = run(action)
    print_ingest_summary(out, err, report)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def stats(
    store: Optional[str] = StoreOption,
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Count nodes per label and relationships per type.

    Example:

        kg stats --format json
    """
    from kg.formats import to_table
    from kg.store import open_store

    check_choice("--format", format, ("table", "json"))

    def action():
        with open_store(store, read_only=True) as graph:
            return graph.counts()

    counts = run(action)
    if format == "json":
        out.print(json.dumps(counts, indent=2), markup=False)
        return
    rows = [[f"(:{k})", v] for k, v in counts["nodes"].items()]
    rows += [[f"-[:{k}]->", v] for k, v in counts["relationships"].items()]
    out.print(to_table(["label / type", "count"], rows))


@app.command()
def query(
    cypher: str = typer.Argument(..., help="A Cypher statement, or the name of a ready query (see kg queries)."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, repeatable."),
    format: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    write: bool = typer.Option(False, "--write", help="Allow a statement that changes the graph."),
    store: Optional[str] = StoreOption,
) -> None:
    """Run a Cypher query, or a ready query by name, with parameters.

    Example:

        kg query papers-by-company --param company=Kuaishou --format json
        kg query "MATCH (p:Paper) RETURN count(p) AS papers"
    """
    from kg.formats import FORMATS, to_csv, to_json, to_table
    from kg.queries import is_query_name, load_query, parse_value
    from kg.store import open_store

    check_choice("--format", format, FORMATS)
    params = {}
    for item in param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"--param {item!r} is not name=value")
        params[name.strip()] = parse_value(value)

    def action():
        statement = load_query(cypher).cypher if is_query_name(cypher) else cypher
        with open_store(store, read_only=not write) as graph:
            return graph.query(statement, params, write=write)

    result = run(action)
    if format == "json":
        out.print(to_json(result.columns, result.rows), markup=False)
    elif format == "csv":
        sys.stdout.write(to_csv(result.columns, result.rows))
    else:
        out.print(to_table(result.columns, result.rows))


@app.command()
def queries() -> None:
    """List the ready queries of cypher/ with their descriptions and parameters.

    Example:

        kg queries
    """
    from kg.formats import to_table
    from kg.queries import list_queries

    rows = [
        [q.name, q.description, "\n".join(f"{p.name}: {p.description}" + (f" (e.g. {p.example})" if p.example else "") for p in q.params)]
        for q in list_queries()
    ]
    out.print(to_table(["name", "description", "params"], rows))


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Digest files or folders."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl or table."),
) -> None:
    """Print what the extractors find in each paper, as JSON lines in the gold files' shape.

    Example:

        kg extract ../shared/corpus/seeds/001_7f922d0f53d69eef.txt
    """
    from kg.extract import extract_files
    from kg.formats import to_table

    check_choice("--format", format, ("jsonl", "table"))
    failed = False
    for extracted in run(lambda: list(extract_files(paths))):
        if extracted.error:
            err.print(f"Error: {extracted.error}", markup=False)
            failed = True
        for record in extracted.records:
            if format == "jsonl":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows = [[k, json.dumps(v, ensure_ascii=False)] for k, v in record.items() if k not in ("source",)]
                out.print(to_table(["field", "value"], rows, title=record.get("title") or record.get("arxiv_id")))
    if failed:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    gold: list[str] = typer.Argument(..., help="Gold JSON lines files."),
    corpus: str = typer.Option("../shared/corpus/seeds", "--corpus", help="Folder holding the files the gold records name."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Score the extractors against gold annotations: precision, recall, F1 per type.

    Example:

        kg eval ../shared/gold/*.jsonl --corpus ../shared/corpus/seeds
    """
    from kg.evaluation import evaluate as score
    from kg.formats import to_table

    check_choice("--format", format, ("table", "json"))
    for path in gold:
        if not Path(path).is_file():
            fail(f"{path}: no such gold file")
    if not Path(corpus).is_dir():
        fail(f"--corpus {corpus}: no such folder")
    result = run(lambda: score(gold, corpus))
    if format == "json":
        out.print(json.dumps(result, indent=2), markup=False)
        return
    rows = [
        [name, s["tp"], s["fp"], s["fn"], f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}"]
        for name, s in [*result["types"].items(), ("overall", result["overall"])]
    ]
    out.print(to_table(["type", "tp", "fp", "fn", "precision", "recall", "f1"], rows, title=f"{result['papers']} papers"))
    values = result["metric_values"]
    out.print(f"metric values right: {values['correct']}/{values['total']} ({values['accuracy']:.1%})")


def check_choice(option: str, value: str, choices) -> None:
    if value not in choices:
        fail(f"{option} {value!r} is not one of: {', '.join(choices)}", code=2)


if __name__ == "__main__":
    app()
