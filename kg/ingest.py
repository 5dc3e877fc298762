"""Ingest: digest files -> Paper records -> mentions -> one batch per file -> the store.

A file that fails to read or parse is reported and skipped before anything of it is
written; the other files still load."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Self

from extractors.digests import ParsedFile
from kg.curation import Curation
from kg.errors import InputError
from kg.graph import GraphBatch, chunks
from kg.memory import give_back_freed, map_large_blocks
from kg.model import Paper, author_key, concept_key
from kg.parallel import CHUNK, Extractor, ParallelExtractor
from kg.reading import read_inputs
from kg.resolve import MatchKeys, PaperNode, lookup_stored, match_keys, resolve
from kg.results import COMPARISON_KINDS, add_comparisons
from kg.store.base import GraphStore

# What a mention kind becomes in the graph: (relationship, concept label).
_MENTION_EDGES = {
    "method": ("USES", "Method"),
    "dataset": ("EVALUATES_ON", "Dataset"),
    "company": ("MENTIONS", "Company"),
    "metric": ("REPORTS", "Metric"),
    "task": ("ADDRESSES", "Task"),
}


@dataclass
class FileReport:
    path: str
    family: str | None = None
    papers: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    incomplete: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.error]


# Papers per store write: memory stays flat however large the input; each write has a fixed
# cost (LadybugDB commit), so fewer, larger writes load faster. KG_INGEST_BATCH sets it (a
# machine short of memory; a test that must stop a server between two writes).
BATCH = int(os.environ.get("KG_INGEST_BATCH", "20000"))


def ingest(
    paths: Iterable[str],
    *,
    store: GraphStore,
    extract: bool = True,
    jobs: int | None = None,
    on_file: Callable[[FileReport], None] | None = None,
    lexicon_dir: str | None = None,
    learned_dir: str | None = None,
    curation: Curation | None = None,
    building: Future[Extractor] | None = None,
) -> IngestReport:
    """Load every file into the store; each file's report is passed to `on_file` once its
    papers are written. Small files are written together, up to BATCH papers a write (a
    write has a fixed cost). Files are parsed a few ahead in a process of their own
    (kg.reading), extraction runs on `jobs` processes (default: every core) and the writes
    on a thread of their own (the store's engine releases the GIL): while one group is
    written, the next is parsed and extracted. `lexicon_dir`: the user's lexicons
    (kg.lexicons); `learned_dir`: the names the corpus taught (kg.knowledge); `curation`: the
    analyst's merges, applied to every batch (kg.curation); `building`: the entity extractor
    being built already (`entity_extractor`, e.g. while the store opened), else built here."""
    report = IngestReport()
    done = on_file or (lambda file_report: None)
    map_large_blocks()  # a write's freed buffers back to the system, not kept in the heaps (kg.memory)
    with (
        ParallelExtractor(building.result() if building else entity_extractor(lexicon_dir, learned_dir), jobs)
        if extract
        else nullcontext() as extractor,
        _Writes(store) as writes,
        ThreadPoolExecutor(1, thread_name_prefix="kg-writer") as writer,
    ):
        group: list[tuple[ParsedFile, FileReport]] = []
        keys: list[MatchKeys] = []
        writing: Future[list[FileReport]] | None = None

        def finish_write() -> None:
            nonlocal writing
            if writing:
                reports, writing = writing.result(), None  # a failed write raises here
                for file_report in reports:
                    done(file_report)

        def flush() -> None:
            nonlocal group, keys, writing
            if group:
                prepared = _Prepared(group, extractor, curation, keys)  # its extraction starts now
                group, keys = [], []
                finish_write()  # one write at a time, in input order
                writing = writer.submit(writes.load, prepared)

        for path, parsed, file_keys in read_inputs(paths):
            file_report = FileReport(path=path)
            report.files.append(file_report)
            if isinstance(parsed, InputError):
                file_report.error = str(parsed)
                done(file_report)
            else:
                group.append((parsed, file_report))
                keys.extend(file_keys)
                if extractor is not None and len(keys) >= CHUNK:
                    extractor.start()  # after the first file, not a whole group (kg.parallel)
            if len(keys) >= BATCH:
                flush()
        flush()
        finish_write()
        for file_report in writes.finish():
            done(file_report)
    return report


def load_parsed(
    parsed: ParsedFile,
    *,
    store: GraphStore,
    extractor: Extractor | ParallelExtractor | None = None,
    report: FileReport | None = None,
    curation: Curation | None = None,
) -> FileReport:
    """Resolve, extract and write the papers of one parsed input, a batch at a time. The
    whole input is parsed before anything is written; extraction runs ahead of the writes."""
    report = report or FileReport(path=parsed.path)
    with _Writes(store) as writes:
        writes.load(_Prepared([(parsed, report)], extractor, curation))
        writes.finish()
    return report


class _Prepared:
    """Parsed inputs whose extraction has started, cut into chunks of BATCH papers (one store
    write each); fills in each input's report as its chunks are written."""

    def __init__(
        self,
        files: list[tuple[ParsedFile, FileReport]],
        extractor: Extractor | ParallelExtractor | None,
        curation: Curation | None = None,
        keys: list[MatchKeys] | None = None,
    ):
        self.files = files
        self.curation = curation
        self.report_of = {id(paper): report for parsed, report in files for paper in parsed.papers}
        papers = [paper for parsed, _ in files for paper in parsed.papers]
        # once per record, for the look-up and the grouping (kg.reading computes them while reading)
        keys = keys if keys is not None else [match_keys(paper) for paper in papers]
        self.chunks = list(zip(chunks(papers, BATCH), chunks(keys, BATCH), strict=True))
        self.pending = deque(_submit(extractor, chunk) for chunk, _ in self.chunks)

    def count(self, nodes: list[PaperNode]) -> None:
        for node in nodes:  # counted for the input that first named the paper
            report = self.report_of[id(node.records[0])]
            report.added += node.is_new
            report.updated += node.changed
            report.unchanged += not (node.is_new or node.changed)

    def reports(self) -> list[FileReport]:
        for parsed, report in self.files:
            report.family = parsed.family
            report.warnings.extend(parsed.warnings)
            report.papers = len(parsed.papers)
            report.incomplete = sum(bool(p.incomplete) for p in parsed.papers)
        return [report for _, report in self.files]


class _Writes:
    """The store writes of an ingest, in input order. Each write's commit (LadybugDB: the
    checkpoint, seconds for a 20,000-paper COPY) runs on a thread of its own while the next
    chunk is resolved and built: the next chunk's look-up runs first, inside the write's
    transaction, which it sees. A file is reported once its papers are committed."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.commits = ThreadPoolExecutor(1, thread_name_prefix="kg-commit")
        self.written: list[FileReport] = []  # files written, not yet committed

    def load(self, prepared: _Prepared) -> list[FileReport]:
        """Write a prepared group; returns the reports of the files that were committed."""
        committed: list[FileReport] = []
        for chunk, keys in prepared.chunks:
            mentions = prepared.pending.popleft()
            stored = lookup_stored(self.store, keys)
            commit = self.commits.submit(self._commit)
            nodes, owners = resolve(chunk, stored, keys)
            batch = build_batch(nodes, chunk, owners, mentions())
            del mentions  # its futures hold the chunk's mentions (tens of MB) through the write otherwise
            batch = prepared.curation.apply(batch) if prepared.curation else batch
            commit.result()  # the store is not used while it commits
            committed, self.written = committed + self.written, []
            self.store.write(batch, commit=False)
            del batch  # not held while the next chunk's batch is built
            prepared.count(nodes)
        self.written += prepared.reports()
        return committed

    def _commit(self) -> None:
        self.store.commit()
        give_back_freed()  # what the write's COPY held until its commit (kg.memory)

    def finish(self) -> list[FileReport]:
        """Commit the last write; returns the reports of its files."""
        self._commit()
        committed, self.written = self.written, []
        return committed

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.commits.shutdown()  # waits for a commit under way


def _submit(extractor: Extractor | ParallelExtractor | None, papers: Sequence[Paper]) -> Callable[[], list[list[Any]]]:
    """Start extracting (in worker processes when the extractor has them); returns the
    function that waits for the mentions."""
    if extractor is None:
        return lambda: [[] for _ in papers]
    if isinstance(extractor, ParallelExtractor):
        return extractor.submit(papers).result
    return lambda: list(extractor.pipe(papers))


def build_batch(
    nodes: list[PaperNode], papers: Sequence[Paper], owners: list[PaperNode], mentions: list[list[Any]]
) -> GraphBatch:
    """The batch for one input: its Paper nodes, and per record its authors, source and
    mentions (`owners[i]` is the node of `papers[i]`, `mentions[i]` what was found in it).
    Authors and sources are added to the batch's dicts directly: this runs once per author
    of every paper, so it avoids a method call and the label checks per row."""
    batch = GraphBatch()
    batch.nodes["Paper"] = {node.key: node.props for node in nodes}
    authors, sources = batch.nodes["Author"], batch.nodes["Source"]
    wrote, listed = batch.rels[("WROTE", "Author", "Paper")], batch.rels[("LISTED_IN", "Paper", "Source")]
    keys: dict[str, str] = {}  # author name -> key: names recur across papers
    for paper, node, found in zip(papers, owners, mentions, strict=True):
        key = node.key
        for position, name in enumerate(paper.authors, start=1):
            akey = keys.get(name)
            if akey is None:
                akey = keys[name] = author_key(name)
            if akey not in authors:
                authors[akey] = {"key": akey, "name": name}
            wrote.setdefault((akey, key), {"position": position})
        if paper.source not in sources:
            sources[paper.source] = {
                "key": paper.source,
                "name": paper.source,
                "family": paper.family,
                "date": paper.digest_date,
            }
        elif sources[paper.source]["date"] is None:
            sources[paper.source]["date"] = paper.digest_date
        listed.setdefault((key, paper.source), {"line": paper.line or None})
        if found:
            _add_mentions(batch, key, found)
    return batch


def _add_mentions(batch: GraphBatch, key: str, mentions: list[Any]) -> None:
    datasets = {concept_key(m.name) for m in mentions if m.kind == "dataset"}
    comparisons = []
    for mention in mentions:
        if mention.kind in COMPARISON_KINDS:
            comparisons.append(mention)
            continue
        ckey = concept_key(mention.name)
        if not ckey or mention.kind not in _MENTION_EDGES and mention.kind != "proposed":
            continue
        evidence = mention.evidence
        if mention.kind == "proposed":
            # A proposed name that the paper also treats as a dataset is a released dataset.
            label = "Dataset" if ckey in datasets else "Method"
            batch.add_node(label, ckey, name=mention.name)
            batch.add_rel("PROPOSES", "Paper", key, label, ckey, evidence=evidence)
            continue
        rel, label = _MENTION_EDGES[mention.kind]
        batch.add_node(label, ckey, name=mention.name)
        if rel == "MENTIONS":
            batch.add_rel(rel, "Paper", key, label, ckey, deployed=mention.deployed, evidence=evidence)
            if mention.parent:
                pkey = concept_key(mention.parent)
                batch.add_node("Company", pkey, name=mention.parent)
                batch.add_rel("PART_OF", "Company", ckey, "Company", pkey)
        elif rel == "REPORTS":
            batch.add_rel(
                rel,
                "Paper",
                key,
                label,
                ckey,
                value=mention.value,
                unit=mention.unit,
                setting=mention.setting,
                evidence=evidence,
            )
        else:
            batch.add_rel(rel, "Paper", key, label, ckey, evidence=evidence)
    if comparisons:
        add_comparisons(batch, key, comparisons, datasets)


def entity_extractor(lexicon_dir: str | None = None, learned_dir: str | None = None) -> Extractor:
    """The entity extractor, with the user's lexicons of `lexicon_dir` and the learned names
    of `learned_dir` (kg.knowledge) if given; imported only when extraction is asked for
    (spaCy is slow to load)."""
    from kg.lexicons import entity_extractor as build

    return build(lexicon_dir, learned_dir)
