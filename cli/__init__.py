"""The kg command line (`kg = "cli:app"`): each command parses its options, calls one
library function with keyword arguments, and hands the result to `kg.ui` to print.

    cli/base.py      the app (its root command maps errors), the consoles, fail, choices
    cli/commands.py  ingest, stats, query, queries, extract, eval, fetch, enrich, copy, export
    cli/curation.py  duplicates, merge, unmerge, reextract
    cli/trends.py    trends, report
    cli/views.py     kg view overview | landscape | paper | concept | authors | query | trends

To add a command, write in one of these modules (or a new one imported below):

    @app.command()
    def stats(
        store: str | None = StoreOption,
        format: TableOrJson = choice(TableOrJson.table, "--format", "-f", help="How to print the counts."),
    ) -> None:
        \"\"\"Count nodes per label and relationships per type.

        Example:

            kg stats --format json
        \"\"\"
        with open_store(store, read_only=True) as graph:
            counts = graph.counts()
        ui.print_counts(out, counts, format.value)

Errors need no handling in a command: the root command (`cli.base.Kg`) turns kg's
errors (KgError) into one line and exit code 1, a bug into one line too, with the
traceback under `kg --debug`; `fail(message)` says what is wrong with an option.
`choice` takes a StrEnum's values and shows them in --help. Rendering lives in
`kg/ui.py`, the work in `kg/`. Nothing outside this package imports it."""

from cli import commands, curation, trends, views  # noqa: F401  (importing them registers their commands)
from cli.base import app

__all__ = ["app"]
