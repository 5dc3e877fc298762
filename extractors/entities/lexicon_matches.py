"""Which lexicon matches `kg_lexicon` keeps and how it names them: a model family's
version read with its name, guarded spellings kept with their cue or in capitals, a name
both a company and a dataset decided by its context, one name for each place in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from extractors.entities import cues
from extractors.entities.lexicon import Entry
from extractors.entities.text import Sentences

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
