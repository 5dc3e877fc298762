"""`kg_datasets`: datasets named by their context, where no lexicon holds the name.

Runs after `kg_lexicon` and `kg_names` and reads their spans. Each rule is a small
function over one sentence (`Context`) that yields candidate names; `accept` then
keeps those that look like a name and are not known as something else:

| rule | example |
|---|---|
| `named_before_noun` | `on the public Coffee Chain Sales dataset`, `the three STaRK benchmarks` |
| `listed_after_noun` | `benchmarks, including Sintel, KITTI, and Spring`, `datasets (Yelp, Kindle)`, `two datasets, Bird and OTT-QA` |
| `evaluated_on` | `Experiments on LoCoMo and LongMemEval-s`, `On ALFWorld, ...`, `evaluated on TAU2-Bench` |
| `benchmark_suffix` | `KalshiBench`, `AskChem-Bench`, `HotpotQA`, `OTT-QA` |
| `listed_with_known` | `GSM8K, SVAMP, and ARC-Challenge`: one member is a dataset, so are the others |

A dataset the lexicon knows, written with a version or split (`MS MARCO V2.1`,
`Gowalla-100k`, `ISIC 2018`, `M-BEIR`), is named as written (`versioned`).

The rules live in `dataset_rules.py`, their vocabulary and patterns in `dataset_patterns.py`;
this module is the component that runs them.
"""

from __future__ import annotations

from functools import lru_cache
from heapq import heapify, heappop, heappush

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.dataset_patterns import (
    DATA_KINDS,
    DATASET,
    OTHER_LABELS,
    PREFIX_BEFORE,
    TASK_ACRONYMS,
    VERSION_AFTER,
)
from extractors.entities.dataset_rules import NO_ANCHORS, RULES, Context, accept, anchored, is_modifier, sentences_with
from extractors.entities.lexicon import known_names, load_lexicons
from extractors.entities.rulers import SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.text import sentences


class KindIndex:
    """The kind a spelling has in the lexicons, guarded spellings included (a name the
    lexicon keeps only with a cue is still not a coinage)."""

    def __init__(self, directory: str | None) -> None:
        self.known = known_names(directory)
        self.kinds: dict[str, str] = {}
        for entry in load_lexicons(directory):
            for spelling in entry.spellings:
                self.kinds.setdefault(spelling.casefold(), entry.kind)

    def __call__(self, name: str) -> str | None:
        entry = self.known.get(name)
        if entry is not None:
            return entry.kind
        return self.kinds.get(name.casefold())


@lru_cache(maxsize=8)
def kind_index(directory: str | None) -> KindIndex:
    """The KindIndex of the lexicons in `directory`, built once (two components read it)."""
    return KindIndex(directory)


@Language.factory("kg_datasets", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_dataset_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> DatasetRuler:
    return DatasetRuler(nlp, name, spans_key=spans_key, directory=directory)


class DatasetRuler:
    def __init__(
        self, nlp: Language, name: str = "kg_datasets", *, spans_key: str = SPANS_KEY, directory: str | None = None
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.kinds = kind_index(directory)

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_spans(doc, self.spans_key)
        sents = sentences(doc)
        kept: list[Span] = []
        changed = False
        datasets: set[str] = set()  # names of the doc's dataset spans
        others: set[str] = set()
        for span in spans:
            label = span.label  # (the hash: `label_` looks the string up every time)
            if label == DATASET:
                if (wider := versioned(doc, sents.text, span)) is not None:
                    span, changed = wider, True
                name = span.kb_id_
                if not_a_name(name):
                    changed = True  # what the other rules read as a dataset but names a problem or a kind of data
                    continue
                datasets.add(name)
            elif label in OTHER_LABELS:
                others.add(span.kb_id_)
            kept.append(span)
        others -= datasets
        anchors = anchored(sents)
        # the sentences to read, in order: those with an anchor, and (for `listed_with_known`)
        # those with a dataset's name, including a name found on the way
        named = {i for name in datasets for i in sentences_with(sents, name)}
        todo = [*anchors, *named]
        heapify(todo)
        tend = title_end(doc)
        added: dict[str, Span] = {}
        last = -1
        while todo:
            i = heappop(todo)
            if i == last:
                continue
            last = i
            sent = sents.at(sents.starts[i])
            nouns, cues = anchors.get(i, NO_ANCHORS)
            ctx = Context(
                doc, sent, sent.start_char < tend, datasets, others, self.kinds, sents.text, i, named, nouns, cues
            )
            for rule in RULES:
                for name, start, end in rule(ctx):
                    if name in added or name in datasets or not accept(ctx, name):
                        continue
                    where = doc.char_span(start, end, alignment_mode="expand")
                    if where is not None:
                        added[name] = Span(doc, where.start, where.end, label="dataset", kb_id=name, span_id=name)
                        datasets.add(name)
                        for j in sentences_with(sents, name, sent.start_char):
                            if j not in named:
                                named.add(j)
                                if j > i:
                                    heappush(todo, j)
        if added or changed:
            set_doc_spans(doc, self.spans_key, kept + list(added.values()))
        return doc


def not_a_name(name: str) -> bool:
    """`OCR` (a problem), `EEG` (a kind of data), `SSH-heavy` (a description): never a
    dataset's name."""
    return name in TASK_ACRONYMS or name in DATA_KINDS or is_modifier(name)


def versioned(doc: Doc, text: str, span: Span) -> Span | None:
    """A lexicon dataset written with a version or split is named as written:
    `MS MARCO V2.1`, `Gowalla-100k`, `ISIC 2018`, `TREC Deep Learning 2019`, `M-BEIR`.
    The wider span, or None where the name is written alone."""
    start, end = span.start_char, span.end_char
    after = VERSION_AFTER.match(text, end)
    before = PREFIX_BEFORE.search(text, max(0, start - 4), start)
    if after is None and before is None:
        return None
    start = before.start() if before is not None else start
    end = after.end() if after is not None else end
    wider = doc.char_span(start, end, alignment_mode="expand")
    if wider is None:
        return None
    name = text[start:end]
    return Span(doc, wider.start, wider.end, label="dataset", kb_id=name, span_id=span.id_ or span.kb_id_)
