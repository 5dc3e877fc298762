"""The commands on the graph and its inputs: ingest, stats, query, queries, extract, eval,
fetch, enrich, copy, export."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cli.base import (
    CurationOption,
    ExtractFormat,
    GraphFormat,
    LearnedOption,
    LexiconOption,
    RowFormat,
    Sort,
    StoreOption,
    TableOrJson,
    app,
    choice,
    err,
    fail,
    optional_choice,
    out,
    parse_params,
)
from kg import ui
from kg.store import open_store, store_url


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Digest files, folders, or - for standard input."),
    store: str | None = StoreOption,
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Load papers and authors only, skip entity extraction."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Processes for extraction (default: every core)."
    ),
    lexicon: str | None = LexiconOption,
    learned: str | None = LearnedOption,
    curation: str | None = CurationOption,
) -> None:
    """Load digests into the store: papers, authors, sources and the concepts found in them.

    Your lexicons (--lexicon) and the names kg learn found (kg-learned/) join the
    package's; the merges of the curation file apply.

    Example:

        kg ingest ../shared/corpus/seeds examples/ && kg stats
    """
    from concurrent.futures import ThreadPoolExecutor

    from extractors.digests import expand_paths
    from kg.curation import curation_for
    from kg.ingest import entity_extractor
    from kg.ingest import ingest as ingest_files
    from kg.knowledge import learned_dir_for

    files = list(expand_paths(paths))  # walked once, for the progress bar and the ingest
    decisions = curation_for(store_url(store), curation)
    learned_dir = learned_dir_for(store_url(store), learned)
    # The extractor (spaCy imported, the lexicons read: ~1 s of Python) is built on a thread
    # while the store opens (~0.5 s of the engine's own, at 1,000,000 papers, without the GIL).
    with ThreadPoolExecutor(1, thread_name_prefix="kg-extractor") as builder:
        building = None if no_extract else builder.submit(entity_extractor, lexicon, learned_dir)
        with open_store(store) as graph, ui.file_progress(err, files) as on_file:
            report = ingest_files(
                files,
                store=graph,
                extract=not no_extract,
                jobs=jobs,
                on_file=on_file,
                lexicon_dir=lexicon,
                learned_dir=learned_dir,
                curation=decisions,
                building=building,
            )
    ui.print_ingest_summary(out, err, report)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def stats(
    store: str | None = StoreOption,
    format: TableOrJson = choice(TableOrJson.table, "--format", "-f", help="How to print the counts."),
) -> None:
    """Count nodes per label and relationships per type.

    Example:

        kg stats --format json
    """
    with open_store(store, read_only=True) as graph:
        counts = graph.counts()
    ui.print_counts(out, counts, format.value)


@app.command()
def query(
    cypher: str = typer.Argument(..., help="A Cypher statement, or the name of a ready query (see kg queries)."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, repeatable."),
    format: RowFormat = choice(RowFormat.table, "--format", "-f", help="How to print the rows."),
    write: bool = typer.Option(False, "--write", help="Allow a statement that changes the graph."),
    store: str | None = StoreOption,
) -> None:
    """Run a Cypher query, or a ready query by name, with parameters.

    Example:

        kg query papers-by-company --param company=Kuaishou --format json
        kg query "MATCH (p:Paper) RETURN count(p) AS papers"
    """
    from kg.queries import is_query_name, load_query

    params = parse_params(param)
    statement = cypher
    if is_query_name(cypher):
        ready = load_query(cypher)
        ready.check_params(params)
        statement = ready.cypher
    with open_store(store, read_only=not write) as graph:
        result = graph.query(statement, params, write=write)
    ui.print_result(out, result, format.value)


@app.command()
def queries() -> None:
    """List the ready queries of cypher/ with their descriptions and parameters.

    Example:

        kg queries
    """
    from kg.queries import list_queries

    ui.print_queries(out, list_queries())


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Digest files or folders."),
    format: ExtractFormat = choice(ExtractFormat.jsonl, "--format", "-f", help="JSON lines, or a table per paper."),
    lexicon: str | None = LexiconOption,
) -> None:
    """Print what the extractors find in each paper, as JSON lines in the gold files' shape.

    Example:

        kg extract ../shared/corpus/seeds/001_7f922d0f53d69eef.txt
    """
    from kg.extract import extract_files
    from kg.ingest import entity_extractor

    extracted = list(extract_files(paths, extractor=entity_extractor(lexicon)))
    for file in extracted:
        if file.error:
            err.print(f"Error: {file.error}", markup=False)
        ui.print_extracted(out, file.records, format.value)
    if any(file.error for file in extracted):
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    gold: list[str] = typer.Argument(..., help="Gold JSON lines files."),
    corpus: str = typer.Option(
        "../shared/corpus/seeds", "--corpus", help="Folder holding the files the gold records name."
    ),
    format: TableOrJson = choice(TableOrJson.table, "--format", "-f", help="How to print the scores."),
    lexicon: str | None = typer.Option(
        None, "--lexicon", help="A folder of lexicons added to the package's (yours, or a kg-learned/ folder)."
    ),
) -> None:
    """Score the extractors against gold annotations: precision, recall, F1 per type.

    Example:

        kg eval ../shared/gold/*.jsonl --corpus ../shared/corpus/seeds
        kg eval ../shared/gold/bulk/dev.jsonl --corpus ../shared/corpus/bulk --lexicon kg-learned
    """
    from kg.evaluation import evaluate as score
    from kg.ingest import entity_extractor

    for path in gold:
        if not Path(path).is_file():
            fail(f"{path}: no such gold file")
    if not Path(corpus).is_dir():
        fail(f"--corpus {corpus}: no such folder")
    result = score(gold, corpus, extractor=entity_extractor(lexicon) if lexicon else None)
    ui.print_scores(out, result, format.value)


@app.command()
def fetch(
    query: str = typer.Argument("", help="An arXiv search query, e.g. 'abs:\"cold start\" AND ti:recommendation'."),
    ids: list[str] = typer.Option([], "--id", help="Fetch this arXiv id (repeatable) instead of searching."),
    category: list[str] = typer.Option(
        [], "--category", "-c", help="Only this arXiv category, e.g. cs.IR (repeatable)."
    ),
    since: str | None = typer.Option(None, "--since", help="Submitted on or after this day, YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Submitted on or before this day, YYYY-MM-DD."),
    max_results: int = typer.Option(100, "--max", "-n", min=1, help="At most this many papers."),
    sort: Sort = choice(Sort.submitted, "--sort", help="Order of the results, newest first."),
    out_file: str | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Write the results as JSON lines to this file (- for standard output) instead of loading them.",
    ),
    also_ingest: bool = typer.Option(False, "--ingest", help="With --out, load the results into the store too."),
    refresh: bool = typer.Option(False, "--refresh", help="Ask the API again even when the cache holds the answer."),
    store: str | None = StoreOption,
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Load papers and authors only, skip entity extraction."
    ),
    lexicon: str | None = LexiconOption,
    learned: str | None = LearnedOption,
    curation: str | None = CurationOption,
) -> None:
    """Search arXiv (or look up ids) and load the papers, or keep them as JSON lines.

    The API is KG_ARXIV_API; requests go KG_ARXIV_DELAY seconds apart (3)
    and are cached for a day in $KG_CACHE_DIR/arxiv (~/.cache/kg/arxiv).

    Example:

        kg fetch 'abs:recommendation' --category cs.IR --since 2025-11-01 --max 50
        kg fetch --id 2511.14403 --id 2510.25622 --out papers.jsonl && kg ingest papers.jsonl
    """
    from kg import arxiv
    from kg.curation import curation_for
    from kg.ingest import IngestReport, entity_extractor
    from kg.knowledge import learned_dir_for

    first, last = arxiv.parse_day(since, "--since"), arxiv.parse_day(until, "--until")
    settings = arxiv.ArxivSettings.from_env(refresh=refresh)
    with ui.status(err, "asking arXiv"):
        records = arxiv.fetch(
            query,
            ids=ids,
            categories=category,
            since=first,
            until=last,
            max_results=max_results,
            sort=sort.value,
            settings=settings,
        )
    if out_file == "-":
        sys.stdout.write(arxiv.records_jsonl(records))
    elif out_file:
        arxiv.write_records(records, out_file)
        err.print(f"{len(records)} papers written to {out_file}", markup=False)
    if out_file and not also_ingest:
        return
    decisions = curation_for(store_url(store), curation)
    learned_dir = learned_dir_for(store_url(store), learned)
    with open_store(store) as graph:
        extractor = None if no_extract else entity_extractor(lexicon, learned_dir)
        report = arxiv.load_records(records, store=graph, extractor=extractor, curation=decisions)
    ui.print_ingest_summary(err if out_file == "-" else out, err, IngestReport(files=[report]))


@app.command()
def enrich(
    store: str | None = StoreOption,
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Fill in papers and authors only, skip entity extraction."
    ),
    refresh: bool = typer.Option(False, "--refresh", help="Ask the API again even when the cache holds the answer."),
    lexicon: str | None = LexiconOption,
    learned: str | None = LearnedOption,
    curation: str | None = CurationOption,
) -> None:
    """Fill in the papers that lack a title, authors or an arXiv id from the arXiv API.

    A paper is looked up by its id, or else by its exact (normalised) title; one that
    matches nothing, or more than one paper, is listed and left as it is.

    Example:

        kg ingest --no-extract listing.txt && kg enrich
    """
    from kg.arxiv import ArxivSettings
    from kg.curation import curation_for
    from kg.enrich import enrich as enrich_store
    from kg.ingest import entity_extractor
    from kg.knowledge import learned_dir_for

    settings = ArxivSettings.from_env(refresh=refresh)
    decisions = curation_for(store_url(store), curation)
    learned_dir = learned_dir_for(store_url(store), learned)
    with open_store(store) as graph, ui.status(err, "asking arXiv"):
        extractor = None if no_extract else entity_extractor(lexicon, learned_dir)
        report = enrich_store(store=graph, extractor=extractor, settings=settings, curation=decisions)
    ui.print_enrich_report(out, report)


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

    if source == target:
        fail("--from and --to name the same store", code=2)
    with open_store(source, read_only=True) as src, open_store(target) as dst:
        copied = copy_graph(src, dst)
    ui.print_copied(out, copied)


@app.command()
def export(
    neo4j_admin: str | None = typer.Option(
        None, "--neo4j-admin", help="Folder (new or empty) for the CSV files of neo4j-admin import."
    ),
    database: str = typer.Option("neo4j", "--database", help="Database name written into import.sh."),
    format: GraphFormat | None = optional_choice(
        GraphFormat, "--format", "-f", help="GraphML or GEXF (Gephi, networkx), CSV (a folder) or JSON lines, to -o."
    ),
    output: str | None = typer.Option(None, "--output", "-o", help="The file (a folder for csv) --format writes."),
    store: str | None = StoreOption,
) -> None:
    """Write the graph for Gephi, networkx, spreadsheets or neo4j-admin import.

    With --format and -o: GraphML or GEXF (through networkx), CSV with headers (a folder
    with nodes.csv and edges.csv) or JSON lines. With --neo4j-admin: CSV files for
    `neo4j-admin database import full`, the fast bulk load into a new Neo4j database (the
    folder's import.sh holds the command).

    Example:

        kg export --neo4j-admin export/ && sh export/import.sh
        kg export --format gexf -o graph.gexf
    """
    if (neo4j_admin is None) == (format is None):
        fail("give either --neo4j-admin DIR or --format FORMAT -o PATH", code=2)
    if format is not None:
        if not output:
            fail(f"--format {format.value} needs -o PATH, the file (a folder for csv) to write", code=2)
        from kg.export_graph import export_graph

        with open_store(store, read_only=True) as graph:
            written = export_graph(graph, output, format=format.value)
        ui.print_graph_export(out, written)
        return
    assert neo4j_admin is not None
    from kg.export import export_neo4j_admin

    with open_store(store, read_only=True) as graph:
        report = export_neo4j_admin(graph, neo4j_admin, database=database)
    ui.print_export(out, neo4j_admin, report)
