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
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

from extractors.entities import cues
from extractors.entities.gazetteer import PhraseIndex, Rule
from extractors.entities.lexicon import Entry, exact_case, load_lexicons, variants
from extractors.entities.text import Sentences, doc_text, sentences

SPANS_KEY = "kg"
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
_HANDED_ON: dict[tuple[int, str], tuple[SpanGroup, list[Span]]] = {}


def title_end(doc: Doc) -> int:
    """Characters of the doc that are the paper's title (0 when it has none)."""
    end: int = doc.user_data.get("kg.title_end", 0)
    return end


GUARDED = frozenset({"cue", "pattern"})
LIST_GAPS = ((",",), ("and",), ("or",), (",", "and"), (",", "or"), ("&",))


def spacings(spelling: str) -> set[str]:
    """A name with a hyphen is also written with a space or joined (`Llama-2`, `Llama 2`)."""
    if "-" not in spelling:
        return {spelling}
    return {spelling, spelling.replace("-", " "), spelling.replace("-", "")}


# what follows a model family's name as its version: numbers (`2.5`, `4o`, `V3.1`, `R1`,
# `K2`), sizes (`7B`, `A22B`) and the words of model ids (`Instruct`, `mini`, `Sonnet`); `plus` after
# a space is the word (`GPT-4o-mini plus 6.91 F1`), and `~` is TeX's space (`Claude~4`)
VERSION_WORDS = (
    "instruct|chat|base|mini|nano|pro|flash|lite|turbo|sonnet|opus|haiku|max|plus|coder|codex|vl|omni|thinking|"
    "small|medium|large|embedding|preview|exp|air|vision|math|distill|scout|maverick|ultra|super|nemo"
)
VERSION_PART = (
    r"(?:\d+(?:\.\d+)?[BbMmKkTt]|[Aa]\d+[Bb]|[vVrRkKmMoOpP]\d+(?:\.\d+)*|\d{1,2}(?:\.\d+)*[a-z]?|(?i:"
    + VERSION_WORDS
    + r"))(?!\w)(?!\.\d)"
)
VERSION_TAIL = re.compile(rf"(?:(?:[-_~]| (?!plus\b))?{VERSION_PART}|-it(?!\w))+")


def version_end(doc: Doc, text: str, start: int, end: int) -> int:
    """The token end of a model family's name with its version (`GPT-4o mini`, `Claude
    Opus 4.6`, `Llama-3.3-70B`); `end` where no version with a digit follows (`Gemini Pro`)."""
    begin = doc[start].idx
    stop = doc[end - 1].idx + len(doc[end - 1])
    match = VERSION_TAIL.match(text, stop)
    if match is None or not any(c.isdigit() for c in text[begin : match.end()]):
        return end
    span = doc.char_span(begin, match.end(), alignment_mode="contract")
    return span.end if span is not None and span.end > end else end


def glued(text: str, words: Sequence[str], offsets: Sequence[int], start: int, end: int) -> bool:
    """The match runs on into a word by a hyphen: `RGB-D`, `Tiny-ImageNet`."""
    begin = offsets[start]
    stop = offsets[end - 1] + len(words[end - 1])
    return (text[stop : stop + 1] == "-" and text[stop + 1 : stop + 2].isalnum()) or (
        begin > 1 and text[begin - 1] == "-" and text[begin - 2].isalnum()
    )


def in_capitals(words: Sequence[str], start: int, end: int, sents: Sentences, *, in_title: bool, guarded: bool) -> bool:
    """A Title Case word is on either side, within the sentence: the match is part of
    a longer capitalised name (`Video Retrieval Benchmark`, `Reciprocal Rank Fusion`).
    A title capitalises every word: there only a guarded word that is not an acronym
    is held to it (`Rethinking FID Through ...` names FID)."""
    if in_title and (not guarded or words[start].isupper()):
        return False
    first = sents.token_starts[bisect_right(sents.token_starts, start) - 1]
    before = words[start - 1] if start - 1 > first else ""  # a sentence's first word is capitalised anyway
    after = words[end] if end < len(words) else ""
    # a guarded word stands alone only beside lower-case words (`ARC Challenge`, `TREC Deep`);
    # a list's name also beside acronyms and names (`ToxicChat F1`, `BEIR NFCorpus`)
    beside = (lambda w: w[:1].isupper()) if guarded else title_word
    return beside(before) or beside(after)


def title_word(word: str) -> bool:
    """`Fusion`, `Retrieval`: a word in Title Case (not `F1`, `BEIR`, `GPT-4o`)."""
    return len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def defined_here(words: Sequence[str], start: int, end: int) -> bool:
    """The paper spells the name out right there, as its own: `red-green-blue (RGB)`,
    `INCLUDE (Indian Cultural Lens ...)`."""
    if end - start != 1 or sum(c.isupper() for c in words[start]) < 2:
        return False  # `Multi-Genre Natural Language Inference (MNLI)` is the name with its acronym
    enclosed = start > 0 and words[start - 1] == "(" and end < len(words) and words[end] == ")"
    return enclosed or (end + 1 < len(words) and words[end] == "(" and words[end + 1][:1].isupper())


DEPLOYED = re.compile(r"\bdeploy|\bA/B\b|\bonline\s+(?:test|experiment|evaluation)|\bin\s+production\b", re.I)


def company_or_dataset(sents: Sentences, lower: list[str], found: list[Span]) -> list[Span]:
    """A name that is a company and a dataset (`Yelp`, `Steam`, `Amazon`, `Reddit`), in
    this order: the dataset beside a dataset word (`the Yelp dataset`); the company in a
    company pattern (`at Pinterest`, `Yelp's users`); the dataset near a dataset word or
    where results are reported on it (`experiments on Goodreads`); the company near a
    company word or in a sentence about deployment; else the dataset (the lists of
    datasets know it as one)."""
    by_span: dict[tuple[int, int], set[str]] = {}
    for span in found:
        by_span.setdefault((span.start, span.end), set()).add(span.label_)
    losers: set[tuple[int, int, str]] = set()
    for (start, end), labels in by_span.items():
        if not {"company", "dataset"} <= labels:
            continue
        i = bisect_right(sents.token_starts, start) - 1
        first, last = sents.token_starts[i], sents.token_ends[i]
        if cues.dataset_beside(lower, start, end, first, last):
            company = False  # `the Yelp dataset`
        elif cues.pattern("company", lower, start, end, first, last):
            company = True  # `at Pinterest`, `Yelp's users`
        elif cues.cue("dataset", lower, start, end, first, last):
            company = False  # `experiments on Goodreads`, `On Goodreads (3.3M users ...)`
        else:
            company = cues.cue("company", lower, start, end, first, last) or bool(
                DEPLOYED.search(sents.at(sents.starts[i]).text)
            )
        losers.add((start, end, "dataset" if company else "company"))
    if not losers:
        return found
    return [s for s in found if (s.start, s.end, s.label_) not in losers]


def one_name_each(doc: Doc, words: Sequence[str], found: list[Span], listed: set[tuple[str, str]]) -> list[Span]:
    """A list's entry the paper names in full and then by its acronym goes by the
    acronym (`Word Error Rate (WER)`: WER), as the gold style has it."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in found:
        if (span.label_, span.id_) in listed and "@" not in span.kb_id_:
            groups.setdefault((span.label_, span.id_), []).append(span)
    renamed: dict[int, Span] = {}
    for spans in groups.values():
        if len({s.kb_id_ for s in spans}) < 2:
            continue
        spans.sort(key=lambda s: s.start)
        defined = [
            s
            for s in spans
            if 0 < s.start
            and words[s.start - 1] == "("
            and s.end < len(words)
            and words[s.end] == ")"
            and any(t.end == s.start - 1 for t in spans)
        ]
        if not defined:
            continue
        name = defined[0].kb_id_
        for span in spans:
            if span.kb_id_ != name:
                renamed[id(span)] = Span(doc, span.start, span.end, label=span.label_, kb_id=name, span_id=span.id_)
    return [renamed.get(id(s), s) for s in found] if renamed else found


def surface_name(doc: Doc, entry: Entry, start: int, end: int) -> str:
    """A list's name as the text writes it (`Movielens`, `node classification`), less
    a plural ending the lexicon does not have."""
    surface = doc[start:end].text
    if surface.endswith("s") and surface not in entry.spellings:
        folded = {s.casefold() for s in entry.spellings}
        if surface.casefold() not in folded and surface[:-1].casefold() in folded:
            return surface[:-1]
    return surface


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
        lower = list(map(str.lower, words))
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
                    span.label_ == "task"
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
