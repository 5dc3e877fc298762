"""The analyst's commands on concepts: duplicates, merge, unmerge, reextract."""

from __future__ import annotations

import typer

from cli.base import (
    CurationOption,
    LearnedOption,
    LexiconOption,
    StoreOption,
    TableOrJson,
    app,
    choice,
    concept_label,
    concept_label_option,
    err,
    out,
)
from kg import ui
from kg.store import open_store, store_url

LabelArgument = typer.Argument(
    ..., parser=concept_label, metavar="LABEL", help="Method, Dataset, Company, Metric or Task."
)


@app.command()
def duplicates(
    label: str | None = concept_label_option("Only concepts of this label."),
    format: TableOrJson = choice(TableOrJson.table, "--format", "-f", help="How to print the candidates."),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=0, help="Show this many pairs and names (default: 50 in a table, all in JSON)."
    ),
    store: str | None = StoreOption,
) -> None:
    """List concepts that are likely one thing, and names papers define in two senses.

    Pairs are case, hyphen, plural and spacing variants, an acronym and the long form
    papers define it as, and near spellings, most likely first, each with its evidence and
    the `kg merge` command.

    Example:

        kg duplicates --label Method --limit 20
    """
    from kg.duplicates import find_duplicates

    with open_store(store, read_only=True) as graph:
        report = find_duplicates(graph, label=label)
    ui.print_duplicates(out, err, report, format.value, limit)


@app.command()
def merge(
    label: str = LabelArgument,
    name: str = typer.Argument(..., help="The concept to merge away, e.g. 'large language models'."),
    into: str = typer.Argument(..., metavar="INTO_NAME", help="The concept that takes its relationships, e.g. LLM."),
    curation: str | None = CurationOption,
    store: str | None = StoreOption,
) -> None:
    """Merge one concept into another, and record the decision in the curation file.

    Every relationship moves, the merged name stays as an alias, and later ingests and
    re-extractions apply the decision.

    Example:

        kg merge Method 'large language models' LLM
    """
    from kg.curation import curation_for
    from kg.merge import merge as merge_concepts

    with open_store(store) as graph:
        decisions = curation_for(store_url(store), curation, create=True)
        report = merge_concepts(graph, label=label, name=name, into=into, curation=decisions)
    ui.print_merge(out, report)


@app.command()
def unmerge(
    label: str = LabelArgument,
    name: str = typer.Argument(..., help="A name merged earlier with kg merge."),
    curation: str | None = CurationOption,
    lexicon: str | None = LexiconOption,
    learned: str | None = LearnedOption,
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Processes for extraction (default: every core)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Take a merge back, and record it in the curation file.

    The papers of the concept the name went into are re-extracted, so that the name's own
    relationships come back.

    Example:

        kg unmerge Method 'large language models'
    """
    from kg.curation import curation_for
    from kg.ingest import entity_extractor
    from kg.knowledge import learned_dir_for
    from kg.merge import unmerge as unmerge_concept

    with open_store(store) as graph, ui.paper_progress(err, "re-extracting") as on_papers:
        decisions = curation_for(store_url(store), curation)
        report = unmerge_concept(
            graph,
            label=label,
            name=name,
            curation=decisions,
            extractor=entity_extractor(lexicon, learned_dir_for(store_url(store), learned)),
            jobs=jobs,
            on_papers=on_papers,
        )
    ui.print_unmerge(out, report)


@app.command()
def reextract(
    since: str | None = typer.Option(None, "--since", help="Only papers dated on or after this day, YYYY-MM-DD."),
    lexicon: str | None = LexiconOption,
    learned: str | None = LearnedOption,
    curation: str | None = CurationOption,
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Processes for extraction (default: every core)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Extract the concepts of the stored papers again, with your lexicons, the learned names and curation.

    Reads the text the store keeps (no digest file needed) and replaces the papers'
    concept relationships. Running it again changes nothing.

    Example:

        kg reextract --lexicon my-lexicons/ --since 2025-11-01
    """
    from kg.arxiv import parse_day
    from kg.curation import curation_for
    from kg.ingest import entity_extractor
    from kg.knowledge import learned_dir_for
    from kg.reextract import reextract as reextract_papers

    first = parse_day(since, "--since")
    with open_store(store) as graph, ui.paper_progress(err, "re-extracting") as on_papers:
        decisions = curation_for(store_url(store), curation)
        report = reextract_papers(
            graph,
            extractor=entity_extractor(lexicon, learned_dir_for(store_url(store), learned)),
            curation=decisions,
            since=first,
            jobs=jobs,
            on_papers=on_papers,
        )
    ui.print_reextract(out, report)


@app.command()
def learn(
    lexicon: str | None = LexiconOption,
    out_dir: str | None = typer.Option(
        None, "--out", "-o", help="Write the learned lexicon here (default: kg-learned/ beside the store)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Learn the names papers of the store introduce with a strong cue, for every later ingest.

    A dataset two papers release or name beside a dataset word, a method one paper
    proposes and another names, specific enough to be matched on sight, becomes an entry
    of kg-learned/ beside the store; kg ingest, fetch, enrich and reextract load it.

    Example:

        kg learn && kg reextract
    """
    from kg.knowledge import learn as learn_names
    from kg.knowledge import learned_path, write_learned

    target = learned_path(store_url(store), out_dir)
    with open_store(store, read_only=True) as graph, ui.status(err, "learning"):
        learned = learn_names(graph, lexicon_dir=lexicon)
    counts = write_learned(learned, target)
    ui.print_learned(out, counts, str(target))
