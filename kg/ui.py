"""Terminal presentation for the CLI: progress while ingesting, and how each command's
result is printed. The CLI hands in its two consoles, `out` (results) and `err`
(messages); nothing else in kg prints."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from kg.formats import to_csv, to_json, to_table

if TYPE_CHECKING:
    from kg.duplicates import DuplicateReport
    from kg.enrich import EnrichReport
    from kg.export import ExportReport
    from kg.export_graph import GraphExportReport
    from kg.ingest import FileReport, IngestReport
    from kg.merge import MergeReport, UnmergeReport
    from kg.queries import ReadyQuery
    from kg.reextract import ReextractReport
    from kg.report import Briefing
    from kg.store.base import QueryResult
    from kg.trends import Trends
    from kg.views import View


@contextmanager
def file_progress(console: Console, files: list[str]) -> Iterator[Callable[[FileReport], None] | None]:
    """A rich progress bar on a terminal (one step per file); nothing when piped.
    Yields the callback that ingest calls as each file ends."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_file(report: FileReport) -> None:
            progress.update(task, advance=1, description=report.path[-40:])

        yield on_file


def status(console: Console, message: str) -> AbstractContextManager[Any]:
    """A spinner with a message while waiting on a terminal; nothing when piped."""
    return console.status(message) if console.is_terminal else nullcontext()


def print_ingest_summary(out: Console, err: Console, report: IngestReport) -> None:
    rows: list[list[Any]] = [
        [Path(f.path).name, f.family or "", f.papers, f.added, f.updated, f.unchanged, f.incomplete]
        for f in report.files
        if not f.error
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


def print_counts(out: Console, counts: dict[str, dict[str, int]], fmt: str) -> None:
    """`kg stats`: nodes per label, relationships per type."""
    if fmt == "json":
        out.print(json.dumps(counts, indent=2), markup=False)
        return
    rows: list[list[Any]] = [[f"(:{k})", v] for k, v in counts["nodes"].items()]
    rows += [[f"-[:{k}]->", v] for k, v in counts["relationships"].items()]
    out.print(to_table(["label / type", "count"], rows))


def print_result(out: Console, result: QueryResult, fmt: str) -> None:
    """`kg query`: the rows as a table, a JSON array of objects, or CSV."""
    if fmt == "json":
        out.print(to_json(result.columns, result.rows), markup=False)
    elif fmt == "csv":
        out.file.write(to_csv(result.columns, result.rows))
    else:
        out.print(to_table(result.columns, result.rows))


def print_queries(out: Console, queries: Sequence[ReadyQuery]) -> None:
    """`kg queries`: name, description and parameters (with an example) of each."""
    rows = [
        [
            q.name,
            q.description,
            "\n".join(f"{p.name}: {p.description}" + (f" (e.g. {p.example})" if p.example else "") for p in q.params),
        ]
        for q in queries
    ]
    out.print(to_table(["name", "description", "params"], rows))


def print_extracted(out: Console, records: Sequence[dict[str, Any]], fmt: str) -> None:
    """`kg extract`: one JSON line per paper, or a table of its fields."""
    for record in records:
        if fmt == "jsonl":
            out.file.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            rows = [[k, json.dumps(v, ensure_ascii=False)] for k, v in record.items() if k not in ("source",)]
            out.print(to_table(["field", "value"], rows, title=record.get("title") or record.get("arxiv_id")))


def print_scores(out: Console, result: dict[str, Any], fmt: str) -> None:
    """`kg eval`: precision, recall and F1 per entity type, the metric values right, and the
    comparisons and results where the gold carries them."""
    if fmt == "json":
        out.print(json.dumps(result, indent=2), markup=False)
        return
    rows = [
        [name, s["tp"], s["fp"], s["fn"], f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}"]
        for name, s in [*result["types"].items(), ("overall", result["overall"])]
    ]
    columns = ["type", "tp", "fp", "fn", "precision", "recall", "f1"]
    out.print(to_table(columns, rows, title=f"{result['papers']} papers"))
    values = result["metric_values"]
    out.print(f"metric values right: {values['correct']}/{values['total']} ({values['accuracy']:.1%})")
    if "outperforms" in result:
        o, r = result["outperforms"], result["results"]
        out.print(
            f"outperforms: precision {o['precision']:.3f}, recall {o['recall']:.3f}, f1 {o['f1']:.3f} "
            f"({o['tp']} right, {o['fp']} wrong, {o['fn']} missed)"
        )
        out.print(
            f"results found: {r['found']}/{r['total']} ({r['recall']:.1%}); of those, dataset right "
            f"{r['dataset']['right']}/{r['dataset']['named']}, baseline right "
            f"{r['baseline']['right']}/{r['baseline']['named']}"
        )


def print_enrich_report(out: Console, report: EnrichReport) -> None:
    """`kg enrich`: what was filled in, what matched nothing, and how many requests it took."""
    if report.filled:
        rows = [[f.key, f.arxiv_id, ", ".join(f.fields) or "other fields", f.by] for f in report.filled]
        out.print(to_table(["paper", "arxiv id", "filled", "matched by"], rows))
    if report.unmatched:
        rows = [[u.key, u.title or "", u.reason] for u in report.unmatched]
        out.print(to_table(["paper", "title", "not matched because"], rows, title="not matched"))
    requests = f"{report.requests} {'request' if report.requests == 1 else 'requests'}"
    out.print(
        f"{report.checked} papers lacked a title, authors or an id: {len(report.filled)} filled, "
        f"{len(report.unmatched)} not matched ({requests} to arXiv)",
        markup=False,
    )


def print_view_written(out: Console, err: Console, path: Path, view: View) -> None:
    """`kg view`: the page written, its size, and what the view left out."""
    rels = view.graph.number_of_edges()
    out.print(
        f"{path}: {view.shown:,} node{'s' * (view.shown != 1)}, {rels:,} relationship{'s' * (rels != 1)}",
        markup=False,
    )
    for note in view.notes:
        err.print(note, markup=False)
    if view.message:
        err.print(f"{view.message}; raise --limit to see more", markup=False)


def print_copied(out: Console, copied: dict[str, int]) -> None:
    """`kg copy`: nodes and relationships copied, by label and type."""
    out.print(", ".join(f"{name} {count}" for name, count in copied.items() if count), markup=False)


def print_export(out: Console, folder: str, report: ExportReport) -> None:
    """`kg export`: what was written and the command that imports it."""
    nodes, rels = sum(report.nodes.values()), sum(report.relationships.values())
    out.print(f"{folder}: {nodes:,} nodes, {rels:,} relationships; import with:", markup=False)
    out.print(report.command, markup=False)


def print_graph_export(out: Console, report: GraphExportReport) -> None:
    """`kg export --format`: the files written and what they hold."""
    nodes, rels = sum(report.nodes.values()), sum(report.relationships.values())
    out.print(f"{', '.join(report.files)}: {nodes:,} nodes, {rels:,} relationships ({report.format})", markup=False)


DUPLICATES_SHOWN = 50  # candidate rows of the table unless --limit says otherwise
EVIDENCE_WIDTH = 160


def print_duplicates(out: Console, err: Console, report: DuplicateReport, fmt: str, limit: int | None) -> None:
    """`kg duplicates`: candidate pairs most likely first, with the merge command, then the
    names defined in two senses; JSON has all of them unless --limit is given."""
    from kg.duplicates import report_json

    if fmt == "json":
        data = report_json(report)
        if limit is not None:
            data["candidates"], data["senses"] = data["candidates"][:limit], data["senses"][:limit]
        out.print(json.dumps(data, ensure_ascii=False, indent=2), markup=False)
        return
    if not report.candidates and not report.senses:
        out.print(
            f"no candidate pairs, and no name defined in two senses, among {report.concepts:,} concepts", markup=False
        )
        return
    shown = report.candidates[: DUPLICATES_SHOWN if limit is None else limit]
    rows = [
        [
            f"{c.score:.2f}",
            c.label,
            c.name,
            c.into,
            c.kind,
            f"{c.papers}/{c.into_papers}",
            c.shared or "",
            _short(c.evidence),
            c.command,
        ]
        for c in shown
    ]
    columns = ["score", "label", "name", "into", "kind", "papers", "shared", "evidence", "to merge"]
    out.print(
        to_table(columns, rows, title=f"{len(report.candidates):,} candidate pairs of {report.concepts:,} concepts")
    )
    senses = report.senses[: DUPLICATES_SHOWN if limit is None else limit]
    if senses:
        rows = [[s.label, s.name, s.papers, "\n".join(f"{x.long_form} ({x.papers})" for x in s.senses)] for s in senses]
        out.print(
            to_table(
                ["label", "name", "papers", "defined as (papers)"],
                rows,
                title=f"{len(report.senses):,} names defined in two senses or more",
            )
        )
    left = len(report.candidates) - len(shown), len(report.senses) - len(senses)
    if any(left):
        err.print(
            f"{left[0]:,} more pairs and {left[1]:,} more names not shown; --limit N or --format json for them",
            markup=False,
        )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_WIDTH else text[: EVIDENCE_WIDTH - 1] + "…"


def print_merge(out: Console, report: MergeReport) -> None:
    """`kg merge`: what moved, and where the decision was recorded."""
    moved = sum(report.moved.values())
    detail = ", ".join(f"{rel} {n}" for rel, n in report.moved.items())
    out.print(
        f"{report.label} {report.name!r} merged into {report.into!r}: {moved:,} relationships moved"
        + (f" ({detail})" if detail else "")
        + (f", {report.kept:,} already there" if report.kept else "")
        + (f", {report.dropped:,} between the two dropped" if report.dropped else "")
        + f"; aliases {', '.join(report.aliases)}",
        markup=False,
    )
    if report.curation:
        out.print(f"recorded in {report.curation}", markup=False)


def print_unmerge(out: Console, report: UnmergeReport) -> None:
    """`kg unmerge`: the papers read again, and where the decision was recorded."""
    out.print(
        f"{report.label} {report.name!r} is no longer merged into {report.into!r}: "
        f"{report.papers:,} papers of {report.into!r} re-extracted",
        markup=False,
    )
    if report.curation:
        out.print(f"recorded in {report.curation}", markup=False)


def print_learned(out: Console, counts: dict[str, int], folder: str) -> None:
    """`kg learn`: names learned per kind, and where they are kept."""
    rows = [[kind, n] for kind, n in counts.items()]
    out.print(to_table(["kind", "names learned"], rows, title=f"{sum(counts.values()):,} names learned"))
    out.print(f"written to {folder}; `kg reextract` applies them to the stored papers", markup=False)


def print_reextract(out: Console, report: ReextractReport) -> None:
    """`kg reextract`: papers read again, relationships removed and written per type."""
    types = sorted(set(report.removed) | set(report.written))
    rows = [[rel, report.removed.get(rel, 0), report.written.get(rel, 0)] for rel in types]
    out.print(to_table(["relationship", "removed", "written"], rows, title=f"{report.papers:,} papers re-extracted"))
    if report.concepts_removed:
        out.print(f"{report.concepts_removed:,} concepts no paper names any more removed", markup=False)


@contextmanager
def paper_progress(console: Console, description: str) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar counting papers on a terminal; nothing when piped. Yields the
    callback given the number of papers done since the last call."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description} {task.completed:,} papers"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None)

        def advance(papers: int) -> None:
            progress.update(task, advance=papers)

        yield advance


def print_trends(out: Console, err: Console, found: Trends, fmt: str) -> None:
    """`kg trends`: the summary lines, then each list as a table, JSON or CSV (the summary
    then goes to standard error, so that the CSV stays clean)."""
    from kg.trends import SECTIONS, csv_rows, summary_lines, table_rows

    if fmt == "json":
        out.print(json.dumps(found.as_dict(), indent=2, ensure_ascii=False), markup=False)
        return
    if fmt == "csv":
        out.file.write(to_csv(*csv_rows(found)))
        for line in summary_lines(found):
            err.print(line, markup=False)
        return
    for line in summary_lines(found):
        out.print(line, markup=False)
    for section, title in SECTIONS:
        columns, rows = table_rows(found, section)
        if rows:
            out.print(to_table(columns, rows, title=title))


def print_report_written(out: Console, err: Console, path: Path, found: Briefing) -> None:
    """`kg report`: where the briefing went and what it holds."""
    new = sum(found.new_totals.values())
    deployments = len(found.deployments)
    out.print(
        f"{path}: {len(found.papers):,} papers from {found.since} to {found.until}, {new:,} concepts first seen, "
        f"{len(found.rising)} rising, {deployments} deployment{'s' * (deployments != 1)}",
        markup=False,
    )
    for note in found.notes:
        err.print(note, markup=False)


def print_trends_page_written(out: Console, err: Console, path: Path, found: Trends, label: str, by: str) -> None:
    """`kg view trends`: where the page went and what it charts."""
    periods = len(found.previous_periods) + len(found.periods)
    out.print(f"{path}: {len(found.top)} {label} concepts over {periods} {by}s", markup=False)
    for note in found.notes:
        err.print(note, markup=False)
