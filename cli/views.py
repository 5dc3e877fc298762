"""`kg view ...`: the graph drawn as an interactive HTML page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cli.base import Hops, Rank, StoreOption, app, choice, concept_label_option, err, fail, out, parse_params
from cli.trends import ByOption, LabelOption, SinceOption, UntilOption
from kg import ui
from kg.store import open_store
from kg.timeline import By
from kg.trends import ConceptLabel

if TYPE_CHECKING:
    from kg.store.base import GraphStore
    from kg.views import View

view_app = typer.Typer(
    help="Draw the graph (pyvis + networkx) or its trends (uPlot) as interactive HTML pages that work offline.",
    no_args_is_help=True,
)
app.add_typer(view_app, name="view")
ViewOutput = typer.Option(None, "--output", "-o", help="HTML file to write (default: kg-view-<view>.html here).")
ViewOpen = typer.Option(False, "--open", help="Open the page in the default web browser.")
ViewLimit = typer.Option(300, "--limit", "-n", help="Most nodes to draw; the most central are kept (at most 1000).")
ViewRank = choice(Rank.pagerank, "--rank", help="How centrality is measured.")


def draw(
    build: Callable[[GraphStore], View], store: str | None, output: str | None, open_page: bool, name: str
) -> None:
    """Build a view from the store, write its page, say what it left out, open it if asked."""
    import webbrowser

    from kg.views import write_html

    with open_store(store, read_only=True) as graph:
        view = build(graph)
    path = Path(output or re.sub(r"[^\w.\-]+", "-", f"kg-view-{name}").strip("-") + ".html")
    try:
        write_html(view, path)
    except OSError as exc:
        fail(f"{path}: cannot write the page ({exc.strerror or exc}); choose another file with -o")
    ui.print_view_written(out, err, path, view)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


@view_app.command("overview")
def view_overview(
    limit: int = ViewLimit,
    rank: Rank = ViewRank,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """The most central papers and concepts of the whole graph.

    Example:

        kg view overview --limit 500 -o overview.html --open
    """
    from kg import views

    draw(lambda graph: views.overview(graph, limit=limit, rank=rank.value), store, output, open_page, "overview")


@view_app.command("landscape")
def view_landscape(
    limit: int = typer.Option(150, "--limit", "-n", help="Most concepts to draw, each label its share (at most 1000)."),
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """A landscape of the field: the concepts with most papers, linked by the papers they share.

    Example:

        kg view landscape --limit 200 --open
    """
    from kg import views

    draw(lambda graph: views.landscape(graph, limit=limit), store, output, open_page, "landscape")


@view_app.command("paper")
def view_paper(
    paper_id: str = typer.Argument(..., help="arXiv id (any version, or its URL), paper key or title."),
    hops: Hops = choice(Hops.one, "--hops", help="1: the paper and what it links to; 2: and what those link to."),
    limit: int = ViewLimit,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """A paper with its authors, sources and every concept it links to.

    Example:

        kg view paper 2511.14403 --hops 2 --open
    """
    from kg import views

    paper = f"paper-{paper_id}"
    draw(lambda graph: views.paper(graph, paper_id, hops=int(hops.value), limit=limit), store, output, open_page, paper)


@view_app.command("concept")
def view_concept(
    name: str = typer.Argument(..., help="Name of a method, dataset, company, metric or task."),
    label: str | None = concept_label_option("The concept's label, when the name is several."),
    limit: int = ViewLimit,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """A concept, its papers, and the concepts those papers share with it.

    Example:

        kg view concept Kuaishou --open
    """
    from kg import views

    draw(
        lambda graph: views.concept(graph, name, label=label, limit=limit), store, output, open_page, f"concept-{name}"
    )


@view_app.command("method")
def view_method(
    name: str = typer.Argument(..., help="Name of a method."),
    limit: int = ViewLimit,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """A method with what it beats and what beats it: one edge per paper, labelled with
    the metric and value it states (the paper's title and evidence on hover).

    Example:

        kg view method SASRec --open
    """
    from kg import views

    draw(lambda graph: views.method(graph, name, limit=limit), store, output, open_page, f"method-{name}")


@view_app.command("authors")
def view_authors(
    limit: int = ViewLimit,
    rank: Rank = ViewRank,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """The co-author network, coloured by community (Louvain), sized by papers.

    Example:

        kg view authors --limit 200 -o authors.html
    """
    from kg import views

    draw(lambda graph: views.authors(graph, limit=limit, rank=rank.value), store, output, open_page, "authors")


@view_app.command("query")
def view_query(
    cypher: str = typer.Argument(
        ..., help="A ready query's name (see kg queries) or a Cypher statement returning nodes."
    ),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, repeatable."),
    limit: int = ViewLimit,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """The nodes a query returns and the relationships between them.

    Example:

        kg view query "MATCH (p:Paper)-[:MENTIONS]->(c:Company {name: \\$c}) RETURN p, c" -p c=Kuaishou
    """
    from kg import views
    from kg.queries import is_query_name, load_query

    params = parse_params(param)
    named = is_query_name(cypher)
    statement = cypher
    if named:
        statement = load_query(cypher).cypher
    title = f"Query {cypher}" if named else "Query"

    name = f"query-{cypher}" if named else "query"
    draw(
        lambda graph: views.query(graph, statement, params=params, limit=limit, title=title),
        store,
        output,
        open_page,
        name,
    )


@view_app.command("trends")
def view_trends(
    label: ConceptLabel = LabelOption,
    top: int = typer.Option(10, "--top", "-n", min=1, max=30, help="Concepts per list (at most 30)."),
    by: By = ByOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    output: str | None = ViewOutput,
    open_page: bool = ViewOpen,
    store: str | None = StoreOption,
) -> None:
    """Papers per period for the top concepts of a label: an interactive chart (most
    papers, rising, fading, new; counts or shares), the previous window shaded.

    Example:

        kg view trends --label Task --top 8 --open
    """
    import webbrowser

    from kg.trends import trends
    from kg.views.trends_page import write_html

    with open_store(store, read_only=True) as graph:
        found = trends(graph, label=label.value, by=by, since=since, until=until, top=top)
    path = Path(output or f"kg-view-trends-{label.value.lower()}.html")
    try:
        write_html(found, path)
    except OSError as exc:
        fail(f"{path}: cannot write the page ({exc.strerror or exc}); choose another file with -o")
    ui.print_trends_page_written(out, err, path, found, label.value, by.value)
    if open_page:
        webbrowser.open(path.resolve().as_uri())
