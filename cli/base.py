"""What every command shares: the two consoles, `fail`, the app with the one place that
turns errors into one line, the store option, and options with a fixed set of values."""

from __future__ import annotations

import os
import sys
import traceback
from enum import Enum, StrEnum
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from typer.core import TyperGroup

from kg.errors import KgError
from kg.schema import CONCEPT_LABELS

# Piped output gets wide tables rather than the 80 columns rich assumes without a terminal.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Say what is wrong in one line on standard error and exit."""
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


class Kg(TyperGroup):
    """The root command. Whatever a command raises ends here, at the edge, as one line and
    exit code 1: kg's own errors (KgError) as their message, anything else as an internal
    error; `kg --debug` (or KG_DEBUG) adds the traceback."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # click's Context, as typer's
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):  # typer's own exits and usage errors
            raise
        except Exception as exc:
            if ctx.params.get("debug") or os.environ.get("KG_DEBUG"):
                traceback.print_exc()
            if isinstance(exc, KgError):
                fail(str(exc))
            fail(f"internal error: {type(exc).__name__}: {exc} (run `kg --debug ...` for the traceback)")


app = typer.Typer(
    cls=Kg,
    help="Turn research-paper digests into a knowledge graph and question it with Cypher.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    """Turn research-paper digests into a knowledge graph and question it with Cypher."""


StoreOption = typer.Option(
    None,
    "--store",
    "-s",
    envvar="KG_STORE",
    help="Store URL: a LadybugDB file (default ./kg.lbug) or bolt:// / neo4j:// for Neo4j.",
)


CurationOption = typer.Option(
    None,
    "--curation",
    envvar="KG_CURATION",
    help="The curation file of merge decisions (default: kg-curation.jsonl beside the store).",
)

LexiconOption = typer.Option(
    None,
    "--lexicon",
    envvar="KG_LEXICON_DIR",
    help="A folder of your own lexicons (companies.jsonl, datasets.jsonl, ...) added to the package's.",
)

LearnedOption = typer.Option(
    None,
    "--learned",
    envvar="KG_LEARNED_DIR",
    help="The names the corpus taught, written by kg learn (default: kg-learned/ beside the store, if there).",
)


def parse_params(items: list[str]) -> dict[str, Any]:
    """`--param name=value` options as query parameters."""
    from kg.queries import parse_value

    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"--param {item!r} is not name=value")
        params[name.strip()] = parse_value(value)
    return params


# --- options with a fixed set of values ---------------------------------------------------


def concept_label(value: str) -> str:
    """A concept label in any case; another word is one line naming the labels (exit code 2)."""
    from kg.errors import CurationError
    from kg.merge import check_label

    try:
        return check_label(value)
    except CurationError as exc:
        fail(str(exc), code=2)


def concept_label_option(help: str) -> Any:
    """`--label`, one of kg.schema.CONCEPT_LABELS in any case, which --help lists; left out: None."""
    return typer.Option(None, "--label", "-l", parser=concept_label, metavar=f"<{'|'.join(CONCEPT_LABELS)}>", help=help)


Choice = TypeVar("Choice", bound=Enum)


def choice(default: Choice, *names: str, help: str) -> Any:
    """An option that takes one of an Enum's values, in any case; they show in --help, and
    any other value is one line: `--rank 'fame' is not one of: pagerank, degree` (exit code 2)."""
    return _choice(type(default), default, names, help)


def optional_choice(kind: type[Choice], *names: str, help: str) -> Any:
    """`choice` for an option that may be left out (None)."""
    return _choice(kind, None, names, help)


def _choice(kind: type[Choice], default: Choice | None, names: tuple[str, ...], help: str) -> Any:
    values = [str(member.value) for member in kind]

    def parse(value: Any) -> Choice:
        if isinstance(value, kind):
            return value
        for member in kind:  # any case: `--label method` is Method
            if str(member.value).casefold() == str(value).casefold():
                return member
        fail(f"{names[0]} {value!r} is not one of: {', '.join(values)}", code=2)

    return typer.Option(default, *names, parser=parse, metavar=f"<{'|'.join(values)}>", help=help)


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class Sort(StrEnum):
    submitted = "submitted"
    updated = "updated"
    relevance = "relevance"


class Rank(StrEnum):
    pagerank = "pagerank"
    degree = "degree"


class Hops(StrEnum):
    one = "1"
    two = "2"


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    jsonl = "jsonl"
