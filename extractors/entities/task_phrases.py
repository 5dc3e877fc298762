"""Task phrase candidates: a few modifiers before a task head word (`local-life
recommendation`, `image-text ranking`), longest match wins, read where a phrase can be
a task: the title, the words around an abstract's `task`/`problem`/`such as`, and the
phrases the abstract's wording makes salient (`_salient`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc

from extractors.entities.task_words import (
    ADDRESSING_VERBS,
    BENCHMARK_NOUNS,
    COMPOUND_HEADS,
    FORMULATING_VERBS,
    HEAD_SET,
    HEAD_WORDS,
    HOW_COMPOUNDS,
    NOT_BENCHMARKED,
    OPENING_SKIP,
    OPENING_VERBS,
    OWN_SUBJECTS,
    STOP,
    USES_BEFORE_TASKS,
    activity,
)
from extractors.entities.text import Sentences, WordSet, sentences

# in the abstract, a phrase must be stated as the task: `the task of X`, `tasks such as X`,
# `X task`, `X problem`, `for X,` at a clause end
PROBLEM_BEFORE = re.compile(
    r"\b(?:task|tasks|problem|problems)\s+(?:of|such\s+as|like|including)\s+$|\b(?:such\s+as|including)\s+$"
    # `three tasks: A, B and C`, `two tasks, namely A and B`, `tasks (e.g., A)`
    r"|\b(?:tasks?|problems?)\s*(?::|,?\s*\(\s*(?:e\.g\.|i\.e\.|including),?|,?\s*(?:namely|including),?)\s*$",
    re.I,
)
# `three tasks: A, B and C`: the later items of a list a task word opens (up to five
# words each, commas and `and`/`or` between; read over `LIST_LOOKBACK` characters)
_ITEM = r"[\w'-]+(?:\s+[\w'-]+){0,4}"
LISTED_AFTER_TASKS = re.compile(
    r"\b(?:tasks|problems)(?:\s+(?:such\s+as|like|including)|\s*:|,?\s+namely,?|,\s+including|,?\s*\(\s*e\.g\.,?)\s+"
    + _ITEM
    + r"(?:\s*,\s*"
    + _ITEM
    + r")*\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$",
    re.I,
)
LIST_LOOKBACK = 160
# (`such as`/`including` alone was read too: on random bulk papers it lists the fields
# a method serves, `applications such as product search, question answering`, more
# often than the paper's task)
TASK_WORDS = WordSet(["task", "tasks", "problem", "problems"])
PROBLEM_AFTER = re.compile(r"\s*(?:tasks?|problems?)\b", re.I)
BENCHMARK_WORDS = WordSet(BENCHMARK_NOUNS)
# `on link prediction and node classification tasks`, `A, B and C tasks`: each
# conjunct before a plural `tasks`/`problems` is stated as a task (up to three words each)
_CONJUNCT = r"[\w-]+(?:\s+[\w-]+){0,2}"
# ... where a preposition opens the list (`on`, `across`, `both`): not a verb's object
# inside a clause (`methods which combine language understanding and X tasks`)
LIST_OPENED = re.compile(r"\b(?:on|in|across|for|of|both|including|between|over)\s+$", re.I)
LISTED_BEFORE_TASKS = re.compile(
    r"(?:\s*,\s*" + _CONJUNCT + r"){0,3},?\s+(?:and|or)\s+" + _CONJUNCT + r"\s+(?:tasks|problems)\b", re.I
)
# words right after `task`/`problem` that open its name (`the task of X`), and those
# that open a list of them (`three tasks: A, B and C`; not after `downstream`, vocabulary
# `uses_before_tasks`)
AFTER_TASK_CUES = frozenset(["of", "such", "like", "including"])
LIST_CUES = frozenset([":", ",", "("])
BEFORE_TASK_WINDOW = 6  # words before `task`/`problem` that may hold the stated task
AFTER_CUE_WINDOW = 8  # words after `such as`/`including`/`task of` that may hold it
LIST_WINDOW = 24  # words after a task word opening a list (`tasks: A, B and C`)
# `We present X, a framework for cross-paper chemistry search`: the paper's own work
PURPOSE_WORDS = WordSet(["for"])
# (the lookahead of the first letters, tested first at each character, makes the scan a third faster)
OWN_WORK = re.compile(r"(?=[WwOoTt])\b(?:[Ww]e|[Oo]ur|[Tt]his (?:paper|work|study))\b")
SALIENT_WINDOW = 5  # words before a head word that a task phrase may hold

# A candidate: (start, end) token range and whether the wording states it as the task.
Candidate = tuple[int, int, bool]


def _word(w: str) -> bool:
    return w.isalpha() and w.lower() not in STOP


def _token(w: str) -> bool:
    return (
        w.lower() not in STOP
        and not _punct(w)
        and not w.replace(",", "").replace(".", "").isdigit()
        and not w.isspace()
    )


def _inner(w: str) -> bool:
    return not _punct(w) and not w.isspace()


def _punct(w: str) -> bool:
    return not any(c.isalnum() for c in w)


def _opening(w: str) -> bool:
    return len(w) > 1 and _token(w)


def _what(w: str) -> bool:
    return _inner(w) and w.lower() not in HOW_COMPOUNDS


# the modifier shapes before a head word, as token tests: `word`, `token - inner`, ...
# (a string stands for itself)
TokenTest = Callable[[str], bool]
Shape = tuple[str | TokenTest, ...]
_H: Shape = (_token, "-", _inner)
MODIFIER_SHAPES: list[Shape] = [
    (_word,),
    _H,
    (_word, _word),
    (_word,) + _H,
    _H + (_word,),
    _H + ("-", _inner),
    (_word, _word, _word),
    # `out-of-town trip`, `time-to-event survival`; not a compound that says how
    # (`end-to-end`, `multi-view-guided`) nor a possessive's tail (`Bird's-Eye-View`)
    (_opening, "-", _inner, "-", _what, _word),
]

MAX_SHAPE = max(map(len, MODIFIER_SHAPES))
LONGEST_COMPOUND = 5  # tokens of `x - y - z`, the longest hyphenated modifier alone


def phrases(words: Sequence[str], a: int, b: int, is_head: TokenTest = HEAD_SET.__contains__) -> list[tuple[int, int]]:
    """(start, end) token ranges in `words[a:b]` of a few modifiers and a task head
    word (`local-life recommendation`), longest first where two overlap. The shapes
    are tested on the token texts directly: a spaCy Matcher over many small spans
    builds a Token per word and costs several times more."""
    found: list[tuple[int, int]] = []
    for j in range(a + 1, b):
        if not is_head(words[j].lower()) and not _compound_head(words, a, j):
            continue
        best: int | None = None
        for shape in MODIFIER_SHAPES:
            start = j - len(shape)
            if start < a or (best is not None and start >= best):
                continue
            if all(words[start + k] == t if isinstance(t, str) else t(words[start + k]) for k, t in enumerate(shape)):
                if len(shape) > LONGEST_COMPOUND and "".join(words[start : start + LONGEST_COMPOUND]).lower() in STOP:
                    continue  # `end-to-end document parsing`: a stop word's parts
                best = start
        if best is not None:
            found.append((best, j + 1))
    if len(found) > 1:
        kept: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
            if all(end <= s or start >= e for s, e in kept):
                kept.append((start, end))
        found = sorted(kept)
    return found


def _compound_head(words: Sequence[str], a: int, j: int) -> bool:
    """`representation learning`: a word that is a head after a given word."""
    before = COMPOUND_HEADS.get(words[j].lower())
    return before is not None and j > a and words[j - 1].lower() in before


def candidates(doc: Doc, tend: int) -> Iterator[Candidate]:
    """Matches in the title and in sentences that state a task (the shapes are tested
    on those spans only: over a whole abstract it would cost more than the rest)."""
    sents = sentences(doc)
    ranges = []
    if tend:
        title = sents.at(0)
        ranges.append((title.start, title.end))
    # in the abstract, only the few words before `task`/`problem` or after
    # `task of`/`tasks such as`/`tasks including` can be the stated task
    for i, pos in sents.tokens_in(TASK_WORDS):
        if pos < tend:
            continue
        sent = sents.at(pos)
        ranges.append((max(sent.start, i - BEFORE_TASK_WINDOW), i))
        after = sents.words[i + 1].lower() if i + 1 < sent.end else ""
        if after in AFTER_TASK_CUES or after in LIST_CUES and sents.words[i - 1].lower() not in USES_BEFORE_TASKS:
            ranges.append((i + 1, min(sent.end, i + 1 + LIST_WINDOW)))
    words = sents.words
    for a, b in ranges:
        for start, end in phrases(words, a, b):
            yield start, end, False
    yield from _benchmarked(sents, tend)
    yield from _salient(sents, tend)
    yield from _purpose(sents, tend)
    yield from _formulated(sents, tend)
    yield from _addressed(sents, tend)


def _salient(sents: Sentences, tend: int) -> Iterator[Candidate]:
    """Task phrases of the abstract that its wording makes salient, without a `task`
    word (each a kind the dev gold shows and random bulk papers repeat):
    - `opening`: the phrase an abstract opens with is its field or problem
      (`Mechanistic interpretability often relies on ...`, `In legal case retrieval, ...`);
    - `repeated`: a phrase the abstract names twice is what it is about.
    (`for X` was tried: on random bulk papers most of its phrases are uses, not the
    paper's problem: `features for relevance estimation`.)"""
    words = sents.words
    i = sents.index(tend)
    if sents.starts[i] < tend:
        i += 1
    if i >= len(sents.starts):
        return
    first = sents.at(sents.starts[i])
    opening = first.start
    while opening < first.end and words[opening].lower() in OPENING_SKIP:
        opening += 1
    # the opening phrase may end in any activity word where the sentence's verb follows
    # it (`Effective memory management is essential ...`; not `Text-to-image diffusion models`)
    for start, end in phrases(words, opening, min(first.end, opening + MAX_SHAPE + 1), activity):
        if start == opening and words[end - 1].lower() not in HEAD_SET and end < first.end:
            if _subject_ends(words, end, first.end):
                yield start, end, True
    heads = [(i, pos) for i, pos in sents.tokens_in(HEAD_WORDS) if pos >= tend]
    if not heads:
        return
    # only a head word written twice can end a repeated phrase, only one near the
    # opening an opening phrase (the shapes cost most of this rule)
    # (a repeated phrase repeats the word before its head too)
    twice = Counter((words[j - 1].lower(), words[j].lower()) for j, _ in heads)
    seen: dict[str, list[tuple[int, int]]] = {}
    for j, pos in heads:
        if twice[words[j - 1].lower(), words[j].lower()] < 2 and not opening < j <= opening + MAX_SHAPE:
            continue
        sent = sents.at(pos)
        for start, end in phrases(words, max(sent.start, j - SALIENT_WINDOW), j + 1):
            if end != j + 1:
                continue
            if start == opening:
                yield start, end, True
            seen.setdefault(" ".join(w.lower() for w in words[start:end]), []).append((start, end))
    for spans in seen.values():
        if len(spans) > 1:
            for start, end in spans:
                yield start, end, True


def _benchmarked(sents: Sentences, tend: int) -> Iterator[Candidate]:
    """`on three image classification benchmarks`: the phrase right before a benchmark
    noun (vocabulary `benchmark_nouns`) is a task the paper is evaluated on. A word
    written with a capital inside is the benchmark's name, not a modifier of the task
    (`on the BEIR retrieval benchmarks`, `MVTec anomaly detection`): the phrase starts
    after it. Not a head that names the benchmark's kind (`evaluation benchmarks`)."""
    words = sents.words
    for i, pos in sents.tokens_in(BENCHMARK_WORDS):
        if pos < tend or i == 0 or words[i - 1].lower() in NOT_BENCHMARKED:
            continue
        found = phrases(words, max(sents.at(pos).start, i - BEFORE_TASK_WINDOW), i)
        if not found or found[-1][1] != i:
            continue
        start = found[-1][0]
        named = [k for k in range(start, i - 1) if _named(words[k])]
        if named:
            start = named[-1] + 1
            while start < i - 1 and words[start] == "-":
                start += 1
        if start < i - 1:
            yield start, i, True


def _named(word: str) -> bool:
    """`BEIR`, `MVTec`, `C-MTEB`: a capital after a word's first letter."""
    return any(c.isupper() for c in word[1:])


# `We formulate next-location prediction as a ranking problem`: the restated problem
FORMULATING_WORDS = WordSet(FORMULATING_VERBS)


def _formulated(sents: Sentences, tend: int) -> Iterator[Candidate]:
    """The phrase right after a verb that restates a problem (`formulate`, `frame`,
    `recast`; vocabulary `formulating_verbs`) and right before `as`, optionally
    through `the` and a `task`/`problem` noun (`formulate the node ranking task as`)."""
    words = sents.words
    for i, pos in sents.tokens_in(FORMULATING_WORDS):
        if pos < tend:
            continue
        sent = sents.at(pos)
        found = _object_phrase(words, i, sent.end)
        if found is not None:
            end = found[1]
            after = end + (end < sent.end and words[end].lower() in TASK_WORDS.words)
            if after < sent.end and words[after].lower() == "as":
                yield *found, True


# `We study over-privileged tool selection`: the object of the paper's own verb
ADDRESSING_WORDS = WordSet(ADDRESSING_VERBS)


def _addressed(sents: Sentences, tend: int) -> Iterator[Candidate]:
    """The phrase right after (`the`) a verb of the paper's own work (`we study`,
    `this paper investigates`; vocabulary `addressing_verbs`, `own_subjects`)."""
    words = sents.words
    for i, pos in sents.tokens_in(ADDRESSING_WORDS):
        if pos < tend or i == 0 or words[i - 1].lower() not in OWN_SUBJECTS:
            continue
        found = _object_phrase(words, i, sents.at(pos).end)
        if found is not None:
            yield *found, True


def _object_phrase(words: Sequence[str], verb: int, sent_end: int) -> tuple[int, int] | None:
    """The phrase right after the verb at `verb` (through `the`), if one starts there."""
    first = verb + 1 + (verb + 1 < sent_end and words[verb + 1].lower() == "the")
    found = phrases(words, first, min(sent_end, first + AFTER_CUE_WINDOW))
    return found[0] if found and found[0][0] == first else None


COORDINATING = frozenset(["and", "or"])
CONJUNCT_WINDOW = 5  # words of a second conjunct before the subject's verb


def _subject_ends(words: Sequence[str], end: int, sent_end: int) -> bool:
    """The opening phrase is the sentence's subject: its verb or an acronym follows it,
    or its verb follows a second conjunct (`Model calibration and debiasing are ...`)."""
    if words[end].lower() in OPENING_VERBS or words[end] == "(":
        return True
    if words[end].lower() not in COORDINATING:
        return False
    # (not an acronym there: `Integrated sensing and communication (ISAC)` is one term)
    return any(words[k].lower() in OPENING_VERBS for k in range(end + 2, min(sent_end, end + 2 + CONJUNCT_WINDOW)))


def _purpose(sents: Sentences, tend: int) -> Iterator[Candidate]:
    """`We present AskChem, an infrastructure for cross-paper chemistry search`: in a
    sentence about the paper's own work (`we`, `our`, `this paper`), the phrase right
    after `for` is what the work is for. (`for X` alone is not: in other sentences it
    is mostly a use, `features for relevance estimation`.)"""
    words = sents.words
    own: dict[int, bool] = {}  # by sentence start: several `for`s share one
    for i, pos in sents.tokens_in(PURPOSE_WORDS):
        if pos < tend:
            continue
        sent = sents.at(pos)
        if sent.start not in own:
            own[sent.start] = OWN_WORK.search(sent.text) is not None
        if not own[sent.start]:
            continue
        for start, end in phrases(words, i + 1, min(sent.end, i + 1 + AFTER_CUE_WINDOW)):
            if all(w.lower() in STOP for w in words[i + 1 : start]):
                yield start, end, True
            break
