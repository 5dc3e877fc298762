"""`kg trends` and `kg report`: what is new and rising in a window of time."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

import typer

from cli.base import ReportFormat, RowFormat, StoreOption, app, choice, err, fail, out
from kg import ui
from kg.store import open_store
from kg.timeline import By
from kg.trends import ConceptLabel

LabelOption = choice(ConceptLabel.Method, "--label", "-l", help="Which concepts to count.")
ByOption = choice(By.month, "--by", help="Count papers per month or per ISO week.")
SinceOption = typer.Option(
    None,
    "--since",
    help="First day (YYYY-MM-DD) or month (YYYY-MM) of the window; default: 6 months or 8 weeks before --until.",
)
UntilOption = typer.Option(None, "--until", help="Last day or month of the window; default: the newest paper's date.")


@app.command("trends")
def trends_command(
    label: ConceptLabel = LabelOption,
    by: By = ByOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    top: int = typer.Option(10, "--top", "-n", min=1, help="Concepts per list."),
    format: RowFormat = choice(RowFormat.table, "--format", "-f", help="How to print the lists."),
    store: str | None = StoreOption,
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
    from kg.trends import trends

    with open_store(store, read_only=True) as graph:
        found = trends(graph, label=label.value, by=by, since=since, until=until, top=top)
    ui.print_trends(out, err, found, format.value)


@app.command("report")
def report_command(
    since: str | None = typer.Option(
        None, "--since", help="First day of the window, YYYY-MM-DD (or a month); default: 6 days before --until."
    ),
    until: str | None = UntilOption,
    topic: list[str] = typer.Option(
        [], "--topic", "-t", help="Only papers that name this concept or hold these words (repeatable: any of them)."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", "-x", help="Leave out papers that name this concept or hold these words (repeatable)."
    ),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Items per list."),
    format: ReportFormat = choice(ReportFormat.html, "--format", "-f", help="html (a page that works offline) or md."),
    output: str | None = typer.Option(
        None, "--output", "-o", help="File to write (default: kg-report.html or .md here; - for standard output)."
    ),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default web browser."),
    store: str | None = StoreOption,
) -> None:
    """A briefing of a window: papers added by source, concepts first seen, rising
    concepts with a chart each, company deployments with their online gains, the most
    used datasets and metrics, the most active authors. Every paper links to arXiv
    and shows on hover the sentence it was listed for.

    Example:

        kg report --since 2025-11-14 --until 2025-11-20 -o report.html --open
        kg report --topic "cold start" --exclude LLM --format md -o - | less
    """
    from kg.report import briefing, to_html, to_markdown

    with open_store(store, read_only=True) as graph:
        found = briefing(graph, since=since, until=until, topics=topic, excludes=exclude, top=top)
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
    ui.print_report_written(out, err, path, found)
    if open_page and format is ReportFormat.html:
        webbrowser.open(path.resolve().as_uri())
