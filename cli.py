"""The kg command line: each command parses its options and calls one library function."""

from __future__ import annotations

import json
import os
import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from kg.errors import KgError
from kg.timeline import By
from kg.trends import ConceptLabel

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
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes for extraction (default: every core)."),
) -> None:
    """Load digests into the store: papers, authors, sources and the concepts found in them.

    Example:

        kg ingest ../shared/corpus/seeds examples/ && kg stats
    """
    from kg.ingest import ingest as ingest_files
    from kg.store import open_store
    from extractors.digests import expand_paths
    from kg.ui import file_progress, print_ingest_summary

    files = list(expand_paths(paths))  # walked once, for the progress bar and the ingest

    def action():
        with open_store(store) as graph, file_progress(err, files) as on_file:
            return ingest_files(files, store=graph, extract=not no_extract, jobs=jobs, on_file=on_file)

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
    from kg.queries import is_query_name, load_query
    from kg.store import open_store

    check_choice("--format", format, FORMATS)
    params = parse_params(param)

    def action():
        statement = cypher
        if is_query_name(cypher):
            ready = load_query(cypher)
            ready.check_params(params)
            statement = ready.cypher
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


@app.command()
def fetch(
    query: str = typer.Argument("", help="An arXiv search query, e.g. 'abs:\"cold start\" AND ti:recommendation'."),
    ids: list[str] = typer.Option([], "--id", help="Fetch this arXiv id (repeatable) instead of searching."),
    category: list[str] = typer.Option([], "--category", "-c", help="Only this arXiv category, e.g. cs.IR (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="Submitted on or after this day, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Submitted on or before this day, YYYY-MM-DD."),
    max_results: int = typer.Option(100, "--max", "-n", min=1, help="At most this many papers."),
    sort: str = typer.Option("submitted", "--sort", help="submitted, updated or relevance (newest first)."),
    out_file: Optional[str] = typer.Option(None, "--out", "-o", help="Write the results as JSON lines to this file (- for standard output) instead of loading them."),
    also_ingest: bool = typer.Option(False, "--ingest", help="With --out, load the results into the store too."),
    refresh: bool = typer.Option(False, "--refresh", help="Ask the API again even when the cache holds the answer."),
    store: Optional[str] = StoreOption,
    no_extract: bool = typer.Option(False, "--no-extract", help="Load papers and authors only, skip entity extraction."),
) -> None:
    """Search arXiv (or look up ids) and load the papers, or keep them as JSON lines.

    The API is KG_ARXIV_API; requests go KG_ARXIV_DELAY seconds apart (3)
    and are cached for a day in $KG_CACHE_DIR/arxiv (~/.cache/kg/arxiv).

    Example:

        kg fetch 'abs:recommendation' --category cs.IR --since 2025-11-01 --max 50
        kg fetch --id 2511.14403 --id 2510.25622 --out papers.jsonl && kg ingest papers.jsonl
    """
    from kg import arxiv_source
    from kg.ingest import IngestReport, entity_extractor
    from kg.store import open_store
    from kg.ui import print_ingest_summary

    check_choice("--sort", sort, tuple(arxiv_source.SORTS))
    days = run(lambda: (arxiv_source.parse_day(since, "--since"), arxiv_source.parse_day(until, "--until")))
    settings = run(lambda: arxiv_source.ArxivSettings.from_env(refresh=refresh))
    with _arxiv_status("asking arXiv"):
        records = run(lambda: arxiv_source.fetch(query, ids=ids, categories=category, since=days[0], until=days[1],
                                                 max_results=max_results, sort=sort, settings=settings))
    if out_file == "-":
        sys.stdout.write(arxiv_source.records_jsonl(records))
    elif out_file:
        run(lambda: arxiv_source.write_records(records, out_file))
        err.print(f"{len(records)} papers written to {out_file}", markup=False)
    if out_file and not also_ingest:
        return

    def action():
        with open_store(store) as graph:
            extractor = None if no_extract else entity_extractor()
            return arxiv_source.load_records(records, store=graph, extractor=extractor)

    report = run(action)
    print_ingest_summary(err if out_file == "-" else out, err, IngestReport(files=[report]))


@app.command()
def enrich(
    store: Optional[str] = StoreOption,
    no_extract: bool = typer.Option(False, "--no-extract", help="Fill in papers and authors only, skip entity extraction."),
    refresh: bool = typer.Option(False, "--refresh", help="Ask the API again even when the cache holds the answer."),
) -> None:
    """Fill in the papers that lack a title, authors or an arXiv id from the arXiv API.

    A paper is looked up by its id, or else by its exact (normalised) title; one that
    matches nothing, or more than one paper, is listed and left as it is.

    Example:

        kg ingest --no-extract listing.txt && kg enrich
    """
    from kg import arxiv_source
    from kg.formats import to_table
    from kg.ingest import entity_extractor
    from kg.store import open_store

    settings = run(lambda: arxiv_source.ArxivSettings.from_env(refresh=refresh))

    def action():
        with open_store(store) as graph, _arxiv_status("asking arXiv"):
            extractor = None if no_extract else entity_extractor()
            return arxiv_source.enrich(store=graph, extractor=extractor, settings=settings)

    report = run(action)
    if report.filled:
        rows = [[f.key, f.arxiv_id, ", ".join(f.fields) or "other fields", f.by] for f in report.filled]
        out.print(to_table(["paper", "arxiv id", "filled", "matched by"], rows))
    if report.unmatched:
        rows = [[u.key, u.title or "", u.reason] for u in report.unmatched]
        out.print(to_table(["paper", "title", "not matched because"], rows, title="not matched"))
    out.print(f"{report.checked} papers lacked a title, authors or an id: {len(report.filled)} filled, "
              f"{len(report.unmatched)} not matched ({report.requests} "
              f"{'request' if report.requests == 1 else 'requests'} to arXiv)", markup=False)


def _arxiv_status(message: str):
    from contextlib import nullcontext

    return err.status(message) if err.is_terminal else nullcontext()


@app.command()
def copy(
    source: str = typer.Option(..., "--from", help="Store to read: a LadybugDB file or a bolt:// / neo4j:// URL."),
    target: str = typer.Option(..., "--to", help="Store to write into; what it holds already is kept and merged."),
) -> None:
    """Copy a whole graph between stores without re-parsing, e.g. from the embedded file to Neo4j.

    Example:

        kg copy --from kg.lbug --to bolt://127.0.0.1:7687
    """
    from kg.copy import copy_graph
    from kg.store import open_store

    if source == target:
        fail("--from and --to name the same store", code=2)

    def action():
        with open_store(source, read_only=True) as src, open_store(target) as dst:
            return copy_graph(src, dst)

    copied = run(action)
    out.print(", ".join(f"{name} {count}" for name, count in copied.items() if count), markup=False)


# -- trends and briefings (issue 17): thin wrappers over kg.trends and kg.report -----------


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("trends")
def trends_command(
    label: ConceptLabel = typer.Option(ConceptLabel.Method, "--label", "-l", case_sensitive=False, help="Which concepts to count."),
    by: By = typer.Option(By.month, "--by", help="Count papers per month or per ISO week."),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD) or month (YYYY-MM) of the window; default: 6 months or 8 weeks before --until."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day or month of the window; default: the newest paper's date."),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Concepts per list."),
    format: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table, json or csv."),
    store: Optional[str] = StoreOption,
) -> None:
    """Papers per period per concept: the most used, the rising, the fading, the new.

    The window is whole months or weeks; growth and lift compare it with as many
    periods just before it. A paper's date is its published date, else the month
    of its arXiv id (the digest's day when the digest is in that month), else its
    digest's date; papers without one are counted and said.

    Example:

        kg trends --label Task --by week --top 5
        kg trends --since 2025-06 --until 2025-11 --format csv > methods.csv
    """
    from kg.formats import to_csv, to_table
    from kg.store import open_store
    from kg.trends import SECTIONS, csv_rows, summary_lines, table_rows, trends

    def action():
        with open_store(store, read_only=True) as graph:
            return trends(graph, label=label.value, by=by, since=since, until=until, top=top)

    found = run(action)
    if format is TableFormat.json:
        out.print(json.dumps(found.as_dict(), indent=2, ensure_ascii=False), markup=False)
        return
    if format is TableFormat.csv:
        sys.stdout.write(to_csv(*csv_rows(found)))
        for line in summary_lines(found):
            err.print(line, markup=False)
        return
    for line in summary_lines(found):
        out.print(line, markup=False)
    for section, title in SECTIONS:
        columns, rows = table_rows(found, section)
        if rows:
            out.print(to_table(columns, rows, title=title))


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


@app.command("report")
def report_command(
    since: Optional[str] = typer.Option(None, "--since", help="First day of the window, YYYY-MM-DD (or a month); default: 6 days before --until."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day of the window; default: the newest paper's date."),
    topic: list[str] = typer.Option([], "--topic", "-t", help="Only papers that name this concept or hold these words (repeatable: any of them)."),
    exclude: list[str] = typer.Option([], "--exclude", "-x", help="Leave out papers that name this concept or hold these words (repeatable)."),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Items per list."),
    format: ReportFormat = typer.Option(ReportFormat.html, "--format", "-f", help="html (a page that works offline) or md."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (default: kg-report.html or .md here; - for standard output)."),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default web browser."),
    store: Optional[str] = StoreOption,
) -> None:
    """A briefing of a window: papers added by source, concepts first seen, rising
    concepts with a chart each, company deployments with their online gains, the most
    used datasets and metrics, the most active authors. Every paper links to arXiv
    and shows on hover the sentence it was listed for.

    Example:

        kg report --since 2025-11-14 --until 2025-11-20 -o report.html --open
        kg report --topic "cold start" --exclude LLM --format md -o - | less
    """
    import webbrowser

    from kg.report import briefing, to_html, to_markdown
    from kg.store import open_store

    def action():
        with open_store(store, read_only=True) as graph:
            return briefing(graph, since=since, until=until, topics=topic, excludes=exclude, top=top)

    found = run(action)
    text = to_html(found) if format is ReportFormat.html else to_markdown(found)
    if output == "-":
        sys.stdout.write(text)
        return
    path = Path(output or f"kg-report.{format.value}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{path}: cannot write the report ({exc.strerror or exc}); choose another file with -o")
    new = sum(found.new_totals.values())
    out.print(f"{path}: {len(found.papers):,} papers from {found.since} to {found.until}, {new:,} concepts first seen, "
              f"{len(found.rising)} rising, {len(found.deployments)} deployment{'s' * (len(found.deployments) != 1)}", markup=False)
    for note in found.notes:
        err.print(note, markup=False)
    if open_page and format is ReportFormat.html:
        webbrowser.open(path.resolve().as_uri())


view_app = typer.Typer(
    help="Draw the graph (pyvis + networkx) or its trends (uPlot) as interactive HTML pages that work offline.",
    no_args_is_help=True,
)
app.add_typer(view_app, name="view")
ViewOutput = typer.Option(None, "--output", "-o", help="HTML file to write (default: kg-view-<view>.html here).")
ViewOpen = typer.Option(False, "--open", help="Open the page in the default web browser.")
ViewLimit = typer.Option(300, "--limit", "-n", help="Most nodes to draw; the most central are kept (at most 1000).")
ViewRank = typer.Option("pagerank", "--rank", help="How centrality is measured: pagerank or degree.")


def _draw(build, store: Optional[str], output: Optional[str], open_page: bool, default_name: str) -> None:
    """Build a view from the store, write its page, say what it left out, open it if asked."""
    import re
    import webbrowser

    from kg.store import open_store
    from kg.views import write_html

    def action():
        with open_store(store, read_only=True) as graph:
            return build(graph)

    view = run(action)
    path = Path(output or re.sub(r"[^\w.\-]+", "-", f"kg-view-{default_name}").strip("-") + ".html")
    try:
        write_html(view, path)
    except OSError as exc:
        fail(f"{path}: cannot write the page ({exc.strerror or exc}); choose another file with -o")
    rels = view.graph.number_of_edges()
    out.print(f"{path}: {view.shown:,} node{'s' * (view.shown != 1)}, {rels:,} relationship{'s' * (rels != 1)}", markup=False)
    for note in view.notes:
        err.print(note, markup=False)
    if view.message:
        err.print(f"{view.message}; raise --limit to see more", markup=False)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


@view_app.command("overview")
def view_overview(
    limit: int = ViewLimit, rank: str = ViewRank, output: Optional[str] = ViewOutput, open_page: bool = ViewOpen,
    store: Optional[str] = StoreOption,
) -> None:
    """The most central papers and concepts of the whole graph.

    Example:

        kg view overview --limit 500 -o overview.html --open
    """
    from kg import views

    check_choice("--rank", rank, views.RANKS)
    _draw(lambda graph: views.overview(graph, limit=limit, rank=rank), store, output, open_page, "overview")


@view_app.command("landscape")
def view_landscape(
    limit: int = typer.Option(150, "--limit", "-n", help="Most concepts to draw, each label its share (at most 1000)."),
    output: Optional[str] = ViewOutput, open_page: bool = ViewOpen, store: Optional[str] = StoreOption,
) -> None:
    """A landscape of the field: the concepts with most papers, linked by the papers they share.

    Example:

        kg view landscape --limit 200 --open
    """
    from kg import views

    _draw(lambda graph: views.landscape(graph, limit=limit), store, output, open_page, "landscape")


@view_app.command("paper")
def view_paper(
    paper_id: str = typer.Argument(..., help="arXiv id (any version, or its URL), paper key or title."),
    hops: int = typer.Option(1, "--hops", help="1: the paper and what it links to; 2: and what those link to."),
    limit: int = ViewLimit, output: Optional[str] = ViewOutput, open_page: bool = ViewOpen,
    store: Optional[str] = StoreOption,
) -> None:
    """A paper with its authors, sources and every concept it links to.

    Example:

        kg view paper 2511.14403 --hops 2 --open
    """
    from kg import views

    check_choice("--hops", str(hops), ("1", "2"))
    _draw(lambda graph: views.paper(graph, paper_id, hops=hops, limit=limit), store, output, open_page, f"paper-{paper_id}")


@view_app.command("concept")
def view_concept(
    name: str = typer.Argument(..., help="Name of a method, dataset, company, metric or task."),
    label: Optional[str] = typer.Option(None, "--label", "-l", help="Method, Dataset, Company, Metric or Task, when the name is several."),
    limit: int = ViewLimit, output: Optional[str] = ViewOutput, open_page: bool = ViewOpen,
    store: Optional[str] = StoreOption,
) -> None:
    """A concept, its papers, and the concepts those papers share with it.

    Example:

        kg view concept Kuaishou --open
    """
    from kg import views

    _draw(lambda graph: views.concept(graph, name, label=label, limit=limit), store, output, open_page, f"concept-{name}")


@view_app.command("authors")
def view_authors(
    limit: int = ViewLimit, rank: str = ViewRank, output: Optional[str] = ViewOutput, open_page: bool = ViewOpen,
    store: Optional[str] = StoreOption,
) -> None:
    """The co-author network, coloured by community (Louvain), sized by papers.

    Example:

        kg view authors --limit 200 -o authors.html
    """
    from kg import views

    check_choice("--rank", rank, views.RANKS)
    _draw(lambda graph: views.authors(graph, limit=limit, rank=rank), store, output, open_page, "authors")


@view_app.command("query")
def view_query(
    cypher: str = typer.Argument(..., help="A ready query's name (see kg queries) or a Cypher statement returning nodes."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, repeatable."),
    limit: int = ViewLimit, output: Optional[str] = ViewOutput, open_page: bool = ViewOpen,
    store: Optional[str] = StoreOption,
) -> None:
    """The nodes a query returns and the relationships between them.

    Example:

        kg view query "MATCH (p:Paper)-[:MENTIONS]->(c:Company {name: \\$c}) RETURN p, c" -p c=Kuaishou
    """
    from kg import views
    from kg.queries import is_query_name, load_query

    params = parse_params(param)
    named = is_query_name(cypher)
    statement = run(lambda: load_query(cypher).cypher) if named else cypher
    title = f"Query {cypher}" if named else "Query"
    _draw(lambda graph: views.query(graph, statement, params=params, limit=limit, title=title),
          store, output, open_page, f"query-{cypher}" if named else "query")


@view_app.command("trends")
def view_trends(
    label: ConceptLabel = typer.Option(ConceptLabel.Method, "--label", "-l", case_sensitive=False, help="Which concepts to chart."),
    top: int = typer.Option(10, "--top", "-n", min=1, max=30, help="Concepts per list (at most 30)."),
    by: By = typer.Option(By.month, "--by", help="Per month or per ISO week."),
    since: Optional[str] = typer.Option(None, "--since", help="First day or month of the window (as kg trends)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day or month of the window (as kg trends)."),
    output: Optional[str] = ViewOutput, open_page: bool = ViewOpen, store: Optional[str] = StoreOption,
) -> None:
    """Papers per period for the top concepts of a label: an interactive chart (most
    papers, rising, fading, new; counts or shares), the previous window shaded.

    Example:

        kg view trends --label Task --top 8 --open
    """
    import webbrowser

    from kg.store import open_store
    from kg.trends import trends
    from kg.views.trends_page import write_html

    def action():
        with open_store(store, read_only=True) as graph:
            return trends(graph, label=label.value, by=by, since=since, until=until, top=top)

    found = run(action)
    path = Path(output or f"kg-view-trends-{label.value.lower()}.html")
    try:
        write_html(found, path)
    except OSError as exc:
        fail(f"{path}: cannot write the page ({exc.strerror or exc}); choose another file with -o")
    periods = len(found.previous_periods) + len(found.periods)
    out.print(f"{path}: {len(found.top)} {label.value} concepts over {periods} {by.value}s", markup=False)
    for note in found.notes:
        err.print(note, markup=False)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


def parse_params(items: list[str]) -> dict:
    """`--param name=value` options as query parameters."""
    from kg.queries import parse_value

    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"--param {item!r} is not name=value")
        params[name.strip()] = parse_value(value)
    return params


@app.command()
def export(
    neo4j_admin: str = typer.Option(..., "--neo4j-admin", help="Folder (new or empty) for the CSV files of neo4j-admin import."),
    database: str = typer.Option("neo4j", "--database", help="Database name written into import.sh."),
    store: Optional[str] = StoreOption,
) -> None:
    """Write the graph as CSV files for `neo4j-admin database import full`, the fast bulk
    load into a new Neo4j database; the folder's import.sh holds the command.

    Example:

        kg export --neo4j-admin export/ && sh export/import.sh
    """
    from kg.export import export_neo4j_admin
    from kg.store import open_store

    def action():
        with open_store(store, read_only=True) as graph:
            return export_neo4j_admin(graph, neo4j_admin, database=database)

    report = run(action)
    rels = sum(report.relationships.values())
    out.print(f"{neo4j_admin}: {sum(report.nodes.values()):,} nodes, {rels:,} relationships; import with:", markup=False)
    out.print(report.command, markup=False)


def check_choice(option: str, value: str, choices) -> None:
    if value not in choices:
        fail(f"{option} {value!r} is not one of: {', '.join(choices)}", code=2)


if __name__ == "__main__":
    app()
