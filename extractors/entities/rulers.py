"""`kg_lexicon`: the lexicon files' names found in a doc.

Like spaCy's SpanRuler it is a plain class with `__call__(doc)`, fed by data: each
lexicon spelling becomes a phrase pattern (case-insensitive, or exact for acronyms and
the public lists' names) in a dict of token n-grams (`gazetteer.PhraseIndex`), and
Chinese names are found as substrings of the raw text, since no tokenizer splits
Chinese words. A spelling an entry marks `needs_cue` or `needs_pattern` is kept only
with a cue or a pattern of its kind (`cues.py`), or listed with a confirmed name of its
kind; a name both a company and a dataset is decided by its context; a model family's
name is read with its version. Matches become spans in `doc.spans[spans_key]` with
`label_` the kind (`company`, `dataset`, `method`, `metric`, `task`), `kb_id_` the name
(canonical, or as written for a public list's entry) and `id_` the lexicon entry's name
(they differ for `NDCG@10`, entry `NDCG`). Where two matches overlap the longer wins, so
`Amazon Beauty` is a dataset and not `Amazon`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

from extractors.entities import cues
from extractors.entities.gazetteer import PhraseIndex, Rule
from extractors.entities.lexicon import Entry, exact_case, load_lexicons, variants
from extractors.entities.lexicon_matches import (
    GUARDED,
    LIST_GAPS,
    company_or_dataset,
    defined_here,
    glued,
    in_capitals,
    one_name_each,
    spacings,
    surface_name,
    version_end,
)
from extractors.entities.text import Derived, Sentences, doc_text, sentences

SPANS_KEY = "kg"
# the span labels by their hash, to compare with `span.label`: `span.label_` looks the
# string up in the string store at every read (2% of the extraction's instructions)
METHOD, PROPOSED, DATASET, COMPANY, METRIC, TASK = map(
    get_string_id, ("method", "proposed", "dataset", "company", "metric", "task")
)
DATASET_CONTEXT = re.compile(r"\b(?:datasets?|benchmarks?|corpora|corpus|categor(?:y|ies)|domains?|subsets?)\b", re.I)
AT_K_NUMBER = re.compile(r"^(?:\d+|[Kk])$")  # `NDCG@10`, `Recall@K`
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|net|ai)/\S*")


def doc_spans(doc: Doc, key: str = SPANS_KEY) -> list[Span]:
    """The spans under `doc.spans[key]`, as a new list. Reading a span group builds a
    new `Span` object per span every time, so each component hands on the list it
    set (`set_doc_spans`) and the next one takes it while the group is unchanged."""
    group = doc.spans.get(key)
    if group is None:
        return []
    held: HandedOn | None = doc.user_data.get(HANDED_ON + key)
    if held is not None and held.group is group and len(held.spans) == len(group):
        return list(held.spans)
    return list(group)


def set_doc_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    doc.spans[key] = spans
    doc.user_data[HANDED_ON + key] = HandedOn(doc.spans[key], list(spans))


HANDED_ON = "kg.handed_on."  # doc.user_data[HANDED_ON + key]: the `HandedOn` of doc.spans[key]


class HandedOn(Derived):
    """A span group as set and the `Span` objects it was set from."""

    __slots__ = ("group", "spans")

    def __init__(self, group: SpanGroup, spans: list[Span]):
        self.group = group
        self.spans = spans


def title_end(doc: Doc) -> int:
    """Characters of the doc that are the paper's title (0 when it has none)."""
    end: int = doc.user_data.get("kg.title_end", 0)
    return end


@Language.factory("kg_lexicon", default_config={"directory": None, "spans_key": SPANS_KEY})
def make_lexicon_ruler(nlp: Language, name: str, directory: str | None, spans_key: str) -> LexiconRuler:
    return LexiconRuler(nlp, name, directory=directory, spans_key=spans_key)


class LexiconRuler:
    """Lexicon names -> spans. `add_entries` adds more at run time (tests, users)."""

    def __init__(
        self, nlp: Language, name: str = "kg_lexicon", *, directory: str | None = None, spans_key: str = SPANS_KEY
    ):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self._load(directory)

    def _load(self, directory: str | None) -> None:
        """Drop the entries held and read those of `directory` (the packaged lexicons when None)."""
        self.index = PhraseIndex()
        self.entries: list[Entry] = []
        self.listed: set[tuple[str, str]] = set()  # (kind, name) of the entries of public lists
        self.zh_names: dict[str, Entry] = {}
        self.zh_pattern: re.Pattern[str] | None = None
        self.add_entries(load_lexicons(directory))

    def add_entries(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self.entries.append(entry)
            if entry.verbatim:
                self.listed.add((entry.kind, entry.name))
            for spelling in entry.spellings:
                mode = (
                    "at_k"
                    if spelling in entry.at_k_only
                    else "context"
                    if spelling in entry.context_only
                    else "cue"
                    if spelling in entry.needs_cue
                    else "pattern"
                    if spelling in entry.needs_pattern
                    else "plain"
                )
                if entry.verbatim:
                    # a list's spelling: as written where it has a capital, else in any case
                    exact = spelling != spelling.lower()
                    forms = spacings(spelling) if exact or mode == "at_k" else variants(spelling)
                else:
                    forms = variants(spelling) if mode == "plain" else {spelling}
                    exact = exact_case(spelling, entry) or entry.kind == "company"
                for form in sorted(forms):
                    self.index.add(form, entry, mode, exact)
            for name in entry.zh:
                self.zh_names[name] = entry
        if self.zh_names:
            names = sorted(self.zh_names, key=len, reverse=True)
            self.zh_pattern = re.compile("|".join(map(re.escape, names)))

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        words = sents.words
        lower = sents.lower
        found: list[Span] = []
        waiting: list[tuple[Entry, int, int]] = []  # guarded names whose cue is not (yet) seen
        matches = self.index.find(words, lower)
        tend = title_end(doc)
        columns = doc.user_data.get("kg.columns")  # the tokenizer's words and offsets
        offsets = columns[1] if columns else [token.idx for token in doc]
        for rule, start, end in matches:
            full = version_end(doc, sents.text, start, end) if rule.entry.versioned else end
            if full > end:  # `Qwen2.5-7B-Instruct`, `Grok-4`: the version says what it is
                found.append(
                    Span(doc, start, full, label="method", kb_id=doc[start:full].text, span_id=rule.entry.name)
                )
                continue
            if rule.entry.verbatim and glued(sents.text, words, offsets, start, end):
                continue  # `RGB-D`, `MMLU-Redux`: the text's name is longer than the list's
            if rule.entry.kind == "company" and self._not_the_company(sents, lower, start, end):
                continue  # `NVIDIA A100 GPUs`, `code is available on GitHub`
            guarded = rule.mode in GUARDED
            if (guarded or rule.entry.verbatim) and in_capitals(
                words, start, end, sents, in_title=offsets[start] < tend, guarded=guarded
            ):
                continue  # `Video Retrieval Benchmark`, `Reciprocal Rank Fusion`: words of a longer name
            if guarded and start == 0 and end < len(words) and words[end] == ":" and tend:
                continue  # `MSN: A Memory-based ... Framework`: the title names the paper's own
            if (
                guarded
                and defined_here(words, start, end)
                and not any(r.entry is rule.entry and e == start - 1 for r, _, e in matches)
            ):
                continue  # `red-green-blue (RGB)`; but `Word Error Rate (WER)` is the list's
            if guarded:
                if not self._confirmed(sents, lower, rule, start, end):
                    waiting.append((rule.entry, start, end))
                    continue
            span = self._span(doc, rule.entry, rule.mode, start, end)
            if span is not None:
                found.append(span)
        if waiting and found:
            found.extend(self._listed_with(doc, lower, found, waiting))
        if len(found) > 1:
            found = one_name_each(doc, words, found, self.listed)
            found = company_or_dataset(sents, lower, found)
        spans = filter_spans(found)
        if len(spans) < len(found):
            # two tasks that share a word are both named (`multi-modal recommendation
            # unlearning`: multimodal recommendation, recommendation unlearning)
            kept = {(s.start, s.end) for s in spans}
            for span in found:
                if (
                    span.label == TASK
                    and (span.start, span.end) not in kept
                    and not any(k.start <= span.start and span.end <= k.end for k in spans)
                ):
                    spans.append(span)
                    kept.add((span.start, span.end))
            spans.sort(key=lambda s: s.start)
        text = doc_text(doc)
        if spans and ("://" in text or "www." in text or ".com/" in text or "github" in text):
            urls = [m.span() for m in URL.finditer(text)]
            if urls:
                spans = [s for s in spans if not any(a <= s.start_char < b for a, b in urls)]
        if self.zh_pattern is not None and not text.isascii():
            seen = set()
            for match in self.zh_pattern.finditer(text):
                entry = self.zh_names[match.group()]
                if entry.name in seen:
                    continue
                seen.add(entry.name)
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None:
                    spans.append(
                        Span(doc, span.start, span.end, label=entry.kind, kb_id=entry.name, span_id=entry.name)
                    )
        set_doc_spans(doc, self.spans_key, spans)
        return doc

    @staticmethod
    def _not_the_company(sents: Sentences, lower: list[str], start: int, end: int) -> bool:
        i = bisect_right(sents.token_starts, start) - 1
        return cues.not_the_company(lower, start, end, sents.token_starts[i], sents.token_ends[i])

    @staticmethod
    def _confirmed(sents: Sentences, lower: list[str], rule: Rule, start: int, end: int) -> bool:
        """A guarded name's cue (`needs_cue`) or pattern (`needs_pattern`) in its sentence."""
        i = bisect_right(sents.token_starts, start) - 1
        first, last = sents.token_starts[i], sents.token_ends[i]
        check = cues.cue if rule.mode == "cue" else cues.pattern
        return check(rule.entry.kind, lower, start, end, first, last)

    def _listed_with(
        self, doc: Doc, lower: list[str], found: list[Span], waiting: list[tuple[Entry, int, int]]
    ) -> list[Span]:
        """Guarded names listed with a confirmed name of their kind: `on MovieLens,
        Steam and Adult` (each joined by `,`, `and`, `or` to the next)."""
        out: list[Span] = []
        ends = {(s.label_, s.end) for s in found}
        starts = {(s.label_, s.start) for s in found}
        added = True
        while added and waiting:
            added = False
            for item in list(waiting):
                entry, start, end = item
                kind = entry.kind
                if kind == "company":
                    continue  # companies listed together are examples more often than not
                before = any(
                    (kind, start - len(gap)) in ends and tuple(lower[start - len(gap) : start]) == gap
                    for gap in LIST_GAPS
                )
                after = any(
                    (kind, end + len(gap)) in starts and tuple(lower[end : end + len(gap)]) == gap for gap in LIST_GAPS
                )
                if not (before or after):
                    continue
                waiting.remove(item)
                span = self._span(doc, entry, "plain", start, end)
                if span is not None:
                    out.append(span)
                    ends.add((kind, span.end))
                    starts.add((kind, span.start))
                    added = True
        return out

    def _span(self, doc: Doc, entry: Entry, mode: str, start: int, end: int) -> Span | None:
        name = entry.name
        if entry.verbatim and entry.kind != "company":
            name = surface_name(doc, entry, start, end)
        words = sentences(doc).words
        if entry.at_k and end + 1 < len(words) and words[end] == "@" and AT_K_NUMBER.match(words[end + 1]):
            name = f"{name}@{words[end + 1]}"
            end += 2
        elif mode == "at_k":
            return None
        if mode == "context" and not DATASET_CONTEXT.search(sentences(doc).at(doc[start].idx).text):
            return None
        if entry.kind == "metric" and name[:1].islower():
            # a plain-word metric keeps the spelling the paper uses (`task success rate`)
            surface = doc[start:end].text
            spellings = {s.casefold() for s in entry.spellings}
            if surface.endswith("s") and surface[:-1].casefold() in spellings:
                surface = surface[:-1]
            if surface != name and surface.casefold() in spellings:
                name = surface
        return Span(doc, start, end, label=entry.kind, kb_id=name, span_id=entry.name)

    # Serialization, as spaCy's rulers have: the entries are the state.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        import json

        from extractors.entities.lexicon import FILES, entry_to_dict

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for kind, stem in FILES.items():
            with open(path / f"{stem}.jsonl", "w", encoding="utf-8") as handle:
                for entry in self.entries:
                    if entry.kind == kind:
                        handle.write(json.dumps(entry_to_dict(entry), ensure_ascii=False) + "\n")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconRuler:
        self._load(str(path))
        return self
