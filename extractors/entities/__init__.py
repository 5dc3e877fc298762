"""Entity extraction: a paper's text -> mentions of methods, datasets, companies,
metrics, tasks and the names it proposes.

The pipeline is `spacy.blank("en")` with rule components only, no model download:

    tokenizer      kg.FastTokenizer.v1 (tokenizer.py), which also sets sentence starts
                   by the sentencizer's rule (and at newlines, Chinese full stops)
    kg_lexicon     lexicon names by token n-grams, guarded by cues; Chinese names by substring (rulers.py; what it keeps: lexicon_matches.py)
    kg_names       coined names and acronym definitions (names.py)
    kg_datasets    datasets named by their context: `the X dataset`, lists, `experiments on X` (datasets.py,
                   dataset_rules.py, dataset_patterns.py)
    kg_methods     methods named as the paper writes them; negated ones dropped (methods.py)
    kg_tasks       task phrases built on a task head word (tasks.py)
    kg_metrics     metric values and online/offline setting (metrics.py, metric_*.py)
    kg_deployment  deployment cues, deployed companies (deployment.py)
    kg_comparisons who beats whom; each metric value with its dataset and baseline (comparisons.py)
    kg_compared    methods named by their context: compared with, `such as`, lists (method_context.py)

Each component writes spans to `doc.spans["kg"]`; `mentions_from_doc` turns them
into `Mention`s, `gold_record` into the shape of the gold files.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy import attrs
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities import (  # noqa: F401  (registers factories)
    comparisons,
    datasets,
    deployment,
    method_context,
    methods,
    metrics,
    names,
    rulers,
    tasks,
    tokenizer,
)
from extractors.entities.comparison_results import Result
from extractors.entities.comparison_wins import Win
from extractors.entities.lexicon import Entry, load_lexicons
from extractors.entities.rulers import PROPOSED, SPANS_KEY, doc_spans
from extractors.entities.text import drop_derived, greek_as_letters, sentences
from kg.model import Paper, concept_key

__all__ = ["Mention", "EntityExtractor", "build_nlp", "gold_record", "mentions_from_doc", "paper_doc_text"]

# the same few names recur in every abstract; the key is built character by character
_concept_key = lru_cache(maxsize=65536)(concept_key)

LEX_ATTRS = (attrs.LOWER,)  # the only lexeme attribute the matchers and rules read
PROBLEM_WORDS = ("address", "tackle", "alleviat", "mitigat", "solve", "problem", "issue", "challenge", "suffer")

# a mention already made: (kind, concept key), and for a metric (kind, concept key, value)
MentionKey = tuple[str, str] | tuple[str, str, str | None]


@dataclass
class Mention:
    kind: str  # "proposed" | "method" | "dataset" | "company" | "metric" | "task" | "outperforms" | "result"
    name: str  # canonical name (gold style: acronym where the paper defines one)
    evidence: str  # the sentence it was read from
    value: str | None = None  # metric value as written with sign and unit: "+20.00%", "1.84x"
    unit: str | None = None  # "%", "x", "pp", ... or None
    setting: str | None = None  # "online" | "offline" | None
    deployed: bool = False  # company: online A/B test / deployment / production use stated
    parent: str | None = None  # company: parent company from the lexicon (Taobao -> Alibaba)
    dataset: str | None = None  # result: the dataset it was measured on
    baseline: str | None = None  # result: the method it is relative to
    method: str | None = None  # outperforms, result: the paper's own method that wins, or has the result


def build_nlp(*, lexicon_dir: str | None = None) -> Language:
    """The extraction pipeline; `lexicon_dir` replaces the packaged lexicons."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg.FastTokenizer.v1"}}})
    # Every new word gets its lexeme attributes computed by Python functions (~5 new
    # words an abstract); the rules read only LOWER, and computing shape, stop word,
    # like_num, ... for each new word took half of a lexeme's cost.
    # (spaCy's stub for Vocab lacks lex_attr_getters, a public attribute in vocab.pxd)
    getters: dict[int, Callable[[str], object]] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    read = {attr: getters[attr] for attr in LEX_ATTRS if attr in getters}
    if attrs.LOWER in read:
        read[attrs.LOWER] = str.lower  # what spaCy's `lex_attrs.lower` returns, without a Python frame
    nlp.vocab.lex_attr_getters = read  # type: ignore[attr-defined]
    nlp.add_pipe("kg_lexicon", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_names", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_datasets", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_methods", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_tasks")
    nlp.add_pipe("kg_metrics", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_deployment", config={"directory": lexicon_dir})
    nlp.add_pipe("kg_comparisons")
    nlp.add_pipe("kg_compared", config={"directory": lexicon_dir})
    return nlp


def paper_doc_text(paper: Paper) -> tuple[str, int]:
    """The text the extractor reads (`Paper.text` with TeX's Greek letters as letters) and
    how many characters are the title."""
    return greek_as_letters(paper.text), len(greek_as_letters(paper.title)) if paper.title else 0


def _evidence(span: Span) -> str:
    return _evidence_at(span.doc, span.start_char)


def mentions_from_doc(doc: Doc, entries: dict[tuple[str, str], Entry]) -> list[Mention]:
    """Spans of a processed doc -> one mention per (kind, name); metrics per (name, value)."""
    if SPANS_KEY not in doc.spans:
        return []
    tend = doc.user_data.get("kg.title_end", 0)
    out: list[Mention] = []
    seen: dict[MentionKey, Mention] = {}
    key: MentionKey
    spans = sorted(doc_spans(doc), key=lambda s: s.start)
    proposed = {_concept_key(s.kb_id_) for s in spans if s.label == PROPOSED}
    for span in spans:
        kind, name = span.label_, span.kb_id_
        entry = entries.get((kind, span.id_ or name))
        if entry is not None and entry.learned and kind == "method" and _concept_key(name) in proposed:
            continue  # a learned name in the paper that proposes it: its own, not a method it uses
        in_title = span.start_char < tend
        if entry is not None and not in_title:
            if entry.title_only:
                continue
            if entry.value_free and not any(
                w in sentences(doc).at(span.start_char).text.lower() for w in PROBLEM_WORDS
            ):
                continue
        if kind == "metric":
            values = span._.kg_values or [[None, None]]
            for value, unit in values:
                key = (kind, _concept_key(name), value)
                if key in seen:
                    continue
                if value is None and any(k[:2] == key[:2] for k in seen):
                    continue
                if value is not None and (kind, _concept_key(name), None) in seen:
                    out.remove(seen.pop((kind, _concept_key(name), None)))
                seen[key] = Mention(kind, name, _evidence(span), value=value, unit=unit, setting=span._.kg_setting)
                out.append(seen[key])
            continue
        else:
            key = (kind, _concept_key(name))
            if key in seen:
                if kind == "company" and span._.kg_deployed and not seen[key].deployed:
                    seen[key].deployed = True
                continue
            mention = Mention(kind, name, _evidence(span))
            if kind == "company":
                mention.deployed = bool(span._.kg_deployed)
                mention.parent = entry.parent if entry is not None else None
        seen[key] = mention
        out.append(mention)
    out.extend(_comparison_mentions(doc))
    out.extend(_beaten_methods(out))
    return out


def _beaten_methods(mentions: list[Mention]) -> list[Mention]:
    """A method the paper beats is a method it compares with (`outperforms LightMem and
    A-Mem`): named in `method` too, as the gold files have it."""
    known = {_concept_key(m.name) for m in mentions if m.kind in ("method", "proposed")}
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "outperforms" and _concept_key(m.name) not in known:
            known.add(_concept_key(m.name))
            out.append(Mention("method", m.name, m.evidence))
    return out


def _comparison_mentions(doc: Doc) -> list[Mention]:
    """The methods the paper beats (kind `outperforms`) and its results (kind `result`)."""
    out: list[Mention] = []
    seen: set[tuple[str, str | None]] = set()
    # (multiprocess pipes send user_data through msgpack, which turns tuples into lists)
    for win in map(Win._make, doc.user_data.get("kg.outperforms", [])):
        if (win.name, win.winner) not in seen:
            seen.add((win.name, win.winner))
            out.append(Mention("outperforms", win.name, _evidence_at(doc, win.start), method=win.winner))
    for r in map(Result._make, doc.user_data.get("kg.results", [])):
        out.append(
            Mention(
                "result",
                r.metric,
                _evidence_at(doc, r.start),
                value=r.value,
                unit=r.unit,
                setting=r.setting,
                dataset=r.dataset,
                baseline=r.baseline,
                method=r.method,
            )
        )
    return out


def _evidence_at(doc: Doc, char: int) -> str:
    return sentences(doc).evidence(char)


class EntityExtractor:
    """Paper -> mentions. Builds the pipeline once; cheap to keep and call."""

    def __init__(self, *, lexicon_dir: str | None = None):
        self.nlp = build_nlp(lexicon_dir=lexicon_dir)
        self.entries = {(e.kind, e.name): e for e in load_lexicons(lexicon_dir)}

    def _doc(self, paper: Paper) -> Doc:
        text, tend = paper_doc_text(paper)
        doc = self.nlp.make_doc(text)
        doc.user_data["kg.title_end"] = tend
        return doc

    def __call__(self, paper: Paper) -> list[Mention]:
        return self._mentions(self.nlp(self._doc(paper)))

    def pipe(self, papers: Iterable[Paper], *, batch_size: int = 256, n_process: int = 1) -> Iterator[list[Mention]]:
        docs = (self._doc(paper) for paper in papers)
        with _rare_collections():
            if n_process != 1:
                for doc in self.nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
                    yield mentions_from_doc(doc, self.entries)
                return
            # one process: each doc through the components in turn, as `nlp.pipe` does
            # for components without a `pipe` method, without its generator per component
            components = [proc for _, proc in self.nlp.pipeline]
            for doc in docs:
                for proc in components:
                    doc = proc(doc)
                yield self._mentions(doc)

    def _mentions(self, doc: Doc) -> list[Mention]:
        mentions = mentions_from_doc(doc, self.entries)
        drop_derived(doc)  # the doc is done with: let it be freed at once
        return mentions


@contextmanager
def _rare_collections(threshold: int = 50_000) -> Iterator[None]:
    """Extraction allocates thousands of objects per abstract and makes almost no
    reference cycles; at the default threshold (700 allocations) the cycle collector
    ran several times per abstract and took 8% of the time."""
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def gold_record(paper: Paper, mentions: list[Mention]) -> dict[str, Any]:
    """Mentions in the shape of `../shared/gold/*.jsonl` (a released dataset is in
    `proposed` and in `datasets`)."""

    def names_of(kind: str) -> list[str]:
        out: list[str] = []
        for m in mentions:
            if m.kind == kind and m.name not in out:
                out.append(m.name)
        return out

    return {
        "source": paper.source,
        "arxiv_id": paper.arxiv_id,
        "title": paper.title,
        "proposed": names_of("proposed"),
        "methods": names_of("method"),
        "datasets": names_of("dataset"),
        "companies": names_of("company"),
        "metrics": [{"name": m.name, "value": m.value, "setting": m.setting} for m in mentions if m.kind == "metric"],
        "tasks": names_of("task"),
        "outperforms": names_of("outperforms"),
        "results": [
            {"metric": m.name, "value": m.value, "dataset": m.dataset, "baseline": m.baseline, "setting": m.setting}
            for m in mentions
            if m.kind == "result"
        ],
    }
