"""Terminal presentation for the CLI: progress while ingesting, the summary after."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from kg.formats import to_table
from kg.ingest import FileReport, IngestReport


@contextmanager
def file_progress(console, files: list[str]):
    """A rich progress bar on a terminal (one step per file); nothing when piped.
    Yields the callback that ingest calls as each file ends."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_file(report: FileReport) -> None:
            progress.update(task, advance=1, description=report.path[-40:])

        yield on_file


def print_ingest_summary(out, err, report: IngestReport) -> None:
    rows = [
        [Path(f.path).name, f.family or "", f.papers, f.added, f.updated, f.unchanged, f.incomplete]
        for f in report.files if not f.error
    ]
    if rows:
        total = [sum(r[i] for r in rows) for i in range(2, 7)]
        rows.append(["total", "", *total])
        out.print(to_table(["file", "family", "papers", "added", "updated", "unchanged", "incomplete"], rows))
    for f in report.files:
        for warning in f.warnings:
            err.print(f"Warning: {warning}", markup=False)
    for f in report.failed:
        err.print(f"Error: {f.error}", markup=False)
