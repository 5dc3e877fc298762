"""`kg_lexicon`: a PhraseMatcher component over the lexicon files.

Like spaCy's SpanRuler it is a plain class with `__call__(doc)`, fed by data: each
lexicon spelling becomes a phrase pattern (case-insensitive, or exact for acronyms),
and Chinese names are found as substrings of the raw text, since no tokenizer splits
Chinese words. Matches become spans in `doc.spans[spans_key]` with `label_` the kind
(`company`, `dataset`, `method`, `metric`, `task`), `kb_id_` the canonical name and
`id_` the lexicon entry's name (they differ for `NDCG@10`, entry `NDCG`). Where two
matches overlap the longer wins, so `Amazon Beauty` is a dataset and not `Amazon`.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.entities.lexicon import Entry, exact_case, load_lexicons, variants
from extractors.entities.text import doc_text, sentences

SPANS_KEY = "kg"
DATASET_CONTEXT = re.compile(r"\b(?:datasets?|benchmarks?|corpora|corpus|categor(?:y|ies)|domains?|subsets?)\b", re.I)
AT_K_NUMBER = re.compile(r"^\d+$")
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|net|ai)/\S*")


def doc_spans(doc: Doc, key: str = SPANS_KEY) -> list[Span]:
    """The spans under `doc.spans[key]`, as a new list. Reading a span group builds a
    new `Span` object per span every time, so each component hands on the list it
    set (`set_doc_spans`) and the next one takes it while the group is unchanged."""
    group = doc.spans.get(key)
    if group is None:
        return []
    held = _HANDED_ON.get((id(doc), key))
    if held is not None and held[0] is group and len(held[1]) == len(group):
        return list(held[1])
    return list(group)


def set_doc_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    doc.spans[key] = spans
    if len(_HANDED_ON) > 64:
        _HANDED_ON.clear()
    _HANDED_ON[(id(doc), key)] = (doc.spans[key], list(spans))


# (id(doc), key) -> (the span group set, the Span objects it was set from)
_HANDED_ON: dict[tuple[int, str], tuple] = {}


def title_end(doc: Doc) -> int:
    """Characters of the doc that are the paper's title (0 when it has none)."""
    return doc.user_data.get("kg.title_end", 0)


@Language.factory("kg_lexicon", default_config={"directory": None, "spans_key": SPANS_KEY})
def make_lexicon_ruler(nlp: Language, name: str, directory: str | None, spans_key: str) -> "LexiconRuler":
    return LexiconRuler(nlp, name, directory=directory, spans_key=spans_key)


class LexiconRuler:
    """Lexicon names -> spans. `add_entries` adds more at run time (tests, users)."""

    def __init__(self, nlp: Language, name: str = "kg_lexicon", *, directory: str | None = None,
                 spans_key: str = SPANS_KEY):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.rules: dict[int, tuple[Entry, str]] = {}  # match id -> (entry, mode)
        self.entries: list[Entry] = []
        self.zh_names: dict[str, Entry] = {}
        self.zh_pattern: re.Pattern | None = None
        self.add_entries(load_lexicons(directory))

    def add_entries(self, entries) -> None:
        for entry in entries:
            self.entries.append(entry)
            for spelling in entry.spellings:
                mode = "at_k" if spelling in entry.at_k_only else "context" if spelling in entry.context_only else "plain"
                key = f"{entry.kind}|{entry.name}|{mode}"
                match_id = self.nlp.vocab.strings.add(key)
                self.rules[match_id] = (entry, mode)
                forms = variants(spelling) if mode == "plain" else {spelling}
                exact = exact_case(spelling, entry) or entry.kind == "company"
                docs = [self.nlp.make_doc(form) for form in sorted(forms)]
                (self.exact if exact else self.lower).add(key, docs)
            for name in entry.zh:
                self.zh_names[name] = entry
        if self.zh_names:
            names = sorted(self.zh_names, key=len, reverse=True)
            self.zh_pattern = re.compile("|".join(map(re.escape, names)))

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in self.lower(doc) + self.exact(doc):
            entry, mode = self.rules[match_id]
            span = self._span(doc, entry, mode, start, end)
            if span is not None:
                found.append(span)
        spans = filter_spans(found)
        if len(spans) < len(found):
            # two tasks that share a word are both named (`multi-modal recommendation
            # unlearning`: multimodal recommendation, recommendation unlearning)
            kept = {(s.start, s.end) for s in spans}
            for span in found:
                if span.label_ == "task" and (span.start, span.end) not in kept and not any(
                    k.start <= span.start and span.end <= k.end for k in spans
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
                    spans.append(Span(doc, span.start, span.end, label=entry.kind, kb_id=entry.name, span_id=entry.name))
        set_doc_spans(doc, self.spans_key, spans)
        return doc

    def _span(self, doc: Doc, entry: Entry, mode: str, start: int, end: int) -> Span | None:
        name = entry.name
        if entry.at_k and end + 1 < len(doc) and doc[end].text == "@" and AT_K_NUMBER.match(doc[end + 1].text):
            name = f"{entry.name}@{doc[end + 1].text}"
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
    def to_disk(self, path, *, exclude=()) -> None:
        import json

        from extractors.entities.lexicon import FILES, entry_to_dict

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for kind, stem in FILES.items():
            with open(path / f"{stem}.jsonl", "w", encoding="utf-8") as handle:
                for entry in self.entries:
                    if entry.kind == kind:
                        handle.write(json.dumps(entry_to_dict(entry), ensure_ascii=False) + "\n")

    def from_disk(self, path, *, exclude=()) -> "LexiconRuler":
        self.__init__(self.nlp, self.name, directory=str(path), spans_key=self.spans_key)
        return self
