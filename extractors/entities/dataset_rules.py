"""The rules of `kg_datasets` (datasets.py): small functions over one sentence (`Context`)
that yield candidate names, `anchored` that finds the sentences they may match in, and
`accept` that keeps the candidates that look like a name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from extractors.entities.dataset_patterns import (
    ANCHOR_WORDS,
    BARE_COMMA,
    CLOSING_GAP,
    COUNTED,
    COUNTS,
    DATA_KINDS,
    DESCRIBING_ENDS,
    EVALUATED,
    GAP,
    GENERIC,
    INTRO,
    ITEM,
    LIST_AT,
    LIST_CLOSED,
    MARKS,
    MAX_WORDS,
    MODEL_SHAPE,
    MODEL_SIZE,
    NAME_BEFORE_NOUN,
    NAME_PIECES,
    NOT_DATA_AFTER,
    NOUN_AT,
    NOUN_FIRST,
    NOUN_LOOKBACK,
    ON_START,
    ON_START_END,
    OPENINGS,
    OTHER_KINDS,
    PARENS,
    SUFFIX_MARKS,
    SUFFIXED,
    TASK_ACRONYMS,
    TOPIC_ENDS,
)
from extractors.entities.text import GREEK_HEAD, NOT_NAMES, Sent, Sentences, is_coined


@dataclass
class Context:
    """One sentence of a doc and what the other components found in the doc."""

    doc: Doc
    sent: Sent
    in_title: bool
    datasets: set[str]  # names of the doc's dataset spans
    others: set[str]  # names of the doc's method/task/metric spans and the words they cover
    known_kind: Callable[[str], str | None]
    full_text: str
    index: int  # of the sentence in the doc
    named: set[int]  # the sentences (by index) with a dataset's name in them
    nouns: list[Noun] = field(default_factory=list)  # the dataset nouns in the sentence
    cues: list[int] = field(default_factory=list)  # where the names after an evaluation cue start


class Noun(NamedTuple):
    """A dataset noun (`datasets`, `test set`), its characters in the sentence."""

    start: int
    end: int
    word: str


Candidate = tuple[str, int, int]  # text as written, start and end character in the doc
Rule = Callable[[Context], Iterator[Candidate]]
NO_ANCHORS: tuple[list[Noun], list[int]] = ([], [])


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


def _items(text: str, at: int) -> Iterator[tuple[str, int, int]]:
    """The names of a list starting at `text[at:]`: `A, B (about B), and C`."""
    while True:
        item = ITEM.match(text, at)
        if item is None:
            return
        yield item.group(1), item.start(1), item.end(1)
        at = item.end()
        parens = PARENS.match(text, at)
        if parens is not None:
            at = parens.end()
        gap = GAP.match(text, at)
        if gap is None:
            return
        at = gap.end()


def _mixed(ctx: Context, items: list[tuple[str, int, int]]) -> bool:
    """A list with a method, task or metric in it (`MAGE, RoBERTa, RADAR`) is not of data."""
    return any(name in ctx.others or ctx.known_kind(name) in OTHER_KINDS for name, _, _ in items)


def named_before_noun(ctx: Context) -> Iterator[Candidate]:
    """`the Coffee Chain Sales dataset`, `the public DOCILE dataset`, `three STaRK benchmarks`."""
    text, base = ctx.sent.text, ctx.sent.start_char
    for noun in ctx.nouns:
        start = _name_window(text, noun.start, NAME_PIECES, max(0, noun.start - NOUN_LOOKBACK))
        match = NAME_BEFORE_NOUN.search(text, start, noun.start)
        if match is None:
            continue
        words = match.group(1).split()
        # drop the describing words before the name: `Public Coffee Chain Sales`
        while words and (words[0] in GENERIC or words[0] in NOT_NAMES):
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        at = match.end(1) - len(name)
        plural = noun.word.endswith(("s", "corpora"))
        if is_modifier(words[-1]):
            continue  # `SSH-heavy benchmarks`, `an AI-ready dataset`: a kind of data
        if plural and not (len(words) == 1 and is_coined(name) and not _defined(ctx.full_text, name)):
            continue  # `Amazon review datasets`, `nine PDE benchmarks`: a kind of data
        if at == 0 and len(words) == 1 and not is_coined(name):
            continue  # `Wikipedia datasets ...` at a sentence's start is as often a description
        yield name, base + at, base + match.end(1)


def _name_window(text: str, end: int, pieces: int, low: int) -> int:
    """Where a search for a name of at most `pieces` blank-separated pieces that ends right
    before the blanks at `end` may start: the name begins after the `pieces`-th run of
    blanks before those, so the window starts at that run (or at `low`). Runs are found by
    their spaces; a run with none only widens the window."""
    at = end
    while at > low and text[at - 1].isspace():
        at -= 1  # the blanks right before `end`
    for _ in range(pieces):
        space = text.rfind(" ", low, at)
        if space < 0:
            return low
        at = space
        while at > low and text[at - 1].isspace():
            at -= 1
    return at


def _defined(text: str, acronym: str) -> bool:
    """`partial differential equations (PDEs)`: the paper spells the acronym out, so
    `PDE benchmarks` are of a problem, not one benchmark."""
    return f"({acronym})" in text or f"({acronym}s)" in text


def _concept(text: str, acronym: str) -> bool:
    """`out-of-catalogue (OOC)`: an acronym the paper defines by lower-case words names
    a concept, and `the OOC benchmark` is a benchmark of it."""
    at = text.find(f"({acronym})")
    if at < 0:
        return False
    before = text[max(0, at - 40) : at].split()
    return bool(before) and before[-1].islower()


def _described(name: str) -> bool:
    """`SSH-heavy`, `HarmBench-style`, `PK-only`, `RL-enhanced`: a name with a word after it
    that says what kind of thing it is, not the thing (`SWE-bench`, `MMAU-mini` are names)."""
    last = name.rsplit("-", 1)[-1]
    return "-" in name and last.islower() and (last in DESCRIBING_ENDS or last.endswith(("ed", "ing")))


def is_modifier(word: str) -> bool:
    """`SSH-heavy`, `LLM-generated`: a word that describes, ending in a lower-case word
    (not `τ²-bench`, a name a Greek letter heads)."""
    first, _, last = word.rpartition("-")
    return bool(first) and last.isalpha() and last.islower() and len(last) > 2 and not GREEK_HEAD.fullmatch(first)


def listed_after_noun(ctx: Context) -> Iterator[Candidate]:
    """`benchmarks, including Sintel, KITTI, and Spring`, `datasets (Immune and Lung)`,
    `three datasets: CEX (...), EXCITE (...), and LinkedBooks`, `two datasets, Bird and OTT-QA`."""
    text, base = ctx.sent.text, ctx.sent.start_char
    for noun in ctx.nouns:
        intro = INTRO.match(text, noun.end)
        items: list[tuple[str, int, int]]
        if intro is not None and intro.group().strip() not in ("", ","):
            items = list(_items(text, intro.end()))
        else:
            bare = BARE_COMMA.match(text, noun.end)
            if bare is None:
                continue
            counted = COUNTED.search(text, max(0, noun.start - 60), noun.start)
            if counted is None:
                continue
            items = list(_items(text, bare.end()))
            if len(items) != _count(counted.group(1)):
                continue
        if _mixed(ctx, items):
            continue
        for name, start, end in items:
            yield name, base + start, base + end


def evaluated_on(ctx: Context) -> Iterator[Candidate]:
    """`Experiments on LoCoMo and LongMemEval-s show`, `On ALFWorld, ...`, `On Wikidata we
    reach ...`: the coined names a paper evaluates on. A list followed by `models`,
    `GPUs`, `tasks` is of something else."""
    text, base = ctx.sent.text, ctx.sent.start_char
    lists = []
    for cue in ctx.cues:
        listed = LIST_AT.match(text, cue)
        if listed is not None and not NOT_DATA_AFTER.match(text, listed.end()):
            items = [item for item in _items(text, cue) if item[2] <= listed.end()]
            opening = EVALUATED.match(text, len(text) - len(text.lstrip()))
            lists.append(_closed(text, items, fronted=opening is not None and opening.end() == cue))
    if (at_start := ON_START.match(text)) is not None and (listed := LIST_AT.match(text, at_start.end())):
        # `On A and B, ...`, `Across A, B, and C, ...`: the list ends where the clause goes on
        items = _closed(text, [item for item in _items(text, at_start.end()) if item[2] <= listed.end()], True)
        if items and ON_START_END.match(text, items[-1][2]) and not NOT_DATA_AFTER.match(text, items[-1][2]):
            lists.append(items)
    for items in lists:
        if _mixed(ctx, items) or any(_not_data(ctx, name) for name, _, _ in items):
            continue
        for name, start, end in items:
            if is_coined(name.split()[0]) or ctx.known_kind(name) == "dataset":
                yield name, base + start, base + end


def _closed(text: str, items: list[tuple[str, int, int]], fronted: bool) -> list[tuple[str, int, int]]:
    """A list ends at the item its conjunction closes (`on A and B, X outperforms`: not
    X); a list without one after a cue that opens the sentence is its first item
    (`Evaluated on A, X reaches ...`)."""
    for k in range(1, len(items)):
        if CLOSING_GAP.search(text, items[k - 1][2], items[k][1]):
            return items[: k + 1]
    return items[:1] if fronted else items


def _not_data(ctx: Context, name: str) -> bool:
    """A model (`Wan2.1`, `SD3.5-Medium`), a machine (`AMD MI250X GPUs`), or in a title a
    phrase in capitals (`Report on MCP Servers`): the list is not of data."""
    if ctx.known_kind(name) == "dataset":
        return False
    words = name.split()
    if MODEL_SHAPE.search(name) or NOT_DATA_AFTER.fullmatch(" " + words[-1]):
        return True
    return ctx.in_title and any(not is_coined(w) for w in words)


def benchmark_suffix(ctx: Context) -> Iterator[Candidate]:
    """`KalshiBench`, `AskChem-Bench`, `HotpotQA`, `OTT-QA`: named as benchmarks are."""
    text, base = ctx.sent.text, ctx.sent.start_char
    # A match is a whole run of letters, digits and hyphens with `Bench` or `QA` in it:
    # only the space-separated pieces with one are read.
    pieces = sorted({text.rfind(" ", 0, at) + 1 for mark in SUFFIX_MARKS for at in _occurrences(text, mark)})
    for start in pieces:
        end = text.find(" ", start)
        for match in SUFFIXED.finditer(text, start, len(text) if end < 0 else end):
            yield match.group(1), base + match.start(1), base + match.end(1)


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Where `part` occurs in `text`."""
    if part[0] not in text:
        return  # (a test for one character is a `memchr`, several times cheaper than `find`)
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def listed_with_known(ctx: Context) -> Iterator[Candidate]:
    """`GSM8K, SVAMP, and ARC-Challenge`: in a list with a dataset, a name is one too."""
    text, base = ctx.sent.text, ctx.sent.start_char
    if ctx.index not in ctx.named or not any(name in text for name in ctx.datasets):
        return  # (a scan for lists costs more than these tests)
    for listed in LIST_AT.finditer(text):
        if listed.group(2) == "" or NOT_DATA_AFTER.match(text, listed.end()):
            continue
        items = [(n, s, e) for n, s, e in _items(text, listed.start()) if e <= listed.end()]
        if not any(n in ctx.datasets for n, _, _ in items) or not LIST_CLOSED.search(listed.group(2)):
            continue  # `A, B and C`: a list only where a conjunction closes it
        if _mixed(ctx, items):
            continue
        for name, start, end in items:
            yield name, base + start, base + end


RULES: tuple[Rule, ...] = (named_before_noun, listed_after_noun, evaluated_on, benchmark_suffix, listed_with_known)


def anchored(sents: Sentences) -> dict[int, tuple[list[Noun], list[int]]]:
    """The sentences (by index) a rule may match in, with their dataset nouns and the
    ends of their evaluation cues. `NOUN_AT` and `EVALUATED` are tried only at their
    anchor words (`Sentences.tokens_in`), each within its sentence (`endpos`: a sentence
    starts after a stop or newline, so look-behinds see the same as in its text alone);
    `MARKS` are found by `str.find`. No regex scans a sentence that has none of them."""
    text, starts, ends = sents.text, sents.starts, sents.ends
    found: dict[int, tuple[list[Noun], list[int]]] = {}
    noun_end = cue_end = 0  # matches do not overlap, as `finditer`'s
    i = 0
    for _, at in sents.tokens_in(ANCHOR_WORDS):
        while ends[i] <= at:
            i += 1  # (anchors come in order: walk the sentences rather than bisect for each)
        if at >= noun_end and text[at] in NOUN_FIRST and (noun := NOUN_AT.match(text, at, ends[i])):
            found.setdefault(i, ([], []))[0].append(Noun(at - starts[i], noun.end() - starts[i], noun.group()))
            noun_end = noun.end()
        if at >= cue_end and (cue := EVALUATED.match(text, at, ends[i])):
            found.setdefault(i, ([], []))[1].append(cue.end() - starts[i])
            cue_end = cue.end()
    for mark in MARKS:
        for at in _occurrences(text, mark):
            i = sents.index(at)
            if mark not in OPENINGS or ON_START.match(text, starts[i], ends[i]):
                found.setdefault(i, ([], []))
    return found


def sentences_with(sents: Sentences, name: str, start: int = 0) -> Iterator[int]:
    """The sentences (by index) where `name` occurs from character `start` on."""
    at = sents.text.find(name, start) if name else -1
    while at >= 0:
        yield sents.index(at)
        at = sents.text.find(name, at + 1)


def accept(ctx: Context, name: str) -> bool:
    """A candidate that looks like a name and is not known as a method, task or metric."""
    words = name.split()
    if len(words) > MAX_WORDS or name in GENERIC or name in NOT_NAMES or words[0] in GENERIC:
        return False
    if words[-1].lower() in TOPIC_ENDS or name in ctx.others or name in TASK_ACRONYMS or name in DATA_KINDS:
        return False
    if MODEL_SIZE.search(name):
        return False
    if _described(name):
        return False
    if _concept(ctx.full_text, name):
        return False
    if ctx.in_title and not any(is_coined(w) for w in words):
        return False  # a title writes every word in capitals
    return ctx.known_kind(name) not in OTHER_KINDS
