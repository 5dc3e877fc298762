"""`outperforms`: the named methods a paper says its own method beats (see `comparisons`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc

from extractors.entities.comparison_baselines import baselines, numbers_win, referred_baselines
from extractors.entities.comparison_cues import (
    CLAIM,
    COMPARE_VERB,
    DETACHED_CUE,
    HEDGE,
    NEGATED,
    OWN_SUBJECT,
    WIN,
    Cue,
    clause_bounds,
    clause_text,
)
from extractors.entities.comparison_objects import OBJECT_END, PLURAL_ACRONYM, Names, object_names
from extractors.entities.text import Sentences, WordSet, is_coined

OURS = re.compile(r"\b(?:for|and)\s+our\b", re.I)  # `1.4x for our ER-KAN`; not `relative to our existing X`
PREPOSITIONS = frozenset("from on in with of at to over across using via by for".split())
# `We compare Bioptic Agent against X`: what the paper compares is its own
WE_COMPARE = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+)?(?:compare|benchmark|evaluate)\s+((?:[A-Z][\w.+-]*\s+){0,3}[A-Z][\w.+-]*)\s+"
    r"(?:against|with|to)\b"
)
WE_COMPARE_WORDS = WordSet(["compare", "benchmark", "evaluate"])
SUBJECT_LOOKBACK = 40  # characters before a verb that can hold its subject's name
NEGATION_LOOKBACK = 30  # characters before a cue that can negate it
SUBJECT_WINDOW = 300  # characters before a win cue that can hold its subject


class Win(NamedTuple):
    """A method the paper says its own (`winner`, where it names one) beats."""

    name: str
    start: int  # of the cue in the text
    winner: str | None
    at: int  # of the name in the text, as written there (else the cue's end)


def own_subject(text: str, cue_start: int, sentence_start: int, names: Names) -> bool:
    """Is the subject before a win cue the paper's own method? Yes where the clause says
    so (`our`, `we`, a name the paper proposes, `experiments show`); no where another
    name is the subject (`CTC decoders run faster than X`, `results reveal that VLMs
    outperform X`); else yes for a cue detached from its subject (`, outperforming X`)."""
    before = text[max(sentence_start, cue_start - SUBJECT_WINDOW) : cue_start]
    clause = re.split(r"[;:]|,\s+(?:whereas|but)\b", before)[-1]
    if any(name in clause for name in names.own_text | names.own):
        return True
    parts = re.split(r"\b(?:that|while|whereas)\s", clause)
    subject = parts[-1]
    earlier = WIN.search(subject)
    if earlier is not None:
        subject = subject[: earlier.start()]  # `It beats X, and exceeds Y`: X is no subject
    if OWN_SUBJECT.search(subject):
        return True
    words = subject.split()
    others = [
        w
        for prev, w in zip(["", *words], words, strict=False)
        if (is_coined(w) or PLURAL_ACRONYM.match(w))
        and w not in names.not_methods
        and prev.lower() not in PREPOSITIONS  # `Transfer learning from WSJ reduces PER`: WSJ is no subject
    ]
    if DETACHED_CUE.match(text, cue_start):
        return not others
    # `results show consistent gains`, but not `results show that content-based methods outperform`
    return not others and len(parts) == 1 and OWN_SUBJECT.search(clause) is not None


def compared_by_own(text: str, cue_start: int, sentence_start: int, sentence_end: int, names: Names) -> bool:
    """`Compared to X, our method improves ...`, `reduces error by 55% relative to X`: the
    paper's own is the subject before the cue or, where the cue opens the clause, after it."""
    before = text[sentence_start:cue_start]
    if before.strip(" ,") and not before.rstrip().endswith(","):
        return own_subject(text, cue_start, sentence_start, names)
    if before.strip(" ,") and own_subject(text, cue_start, sentence_start, names):
        return True  # `MAGNET reduced errors by 41%, compared to X`: the clause before says whose
    after = text[cue_start:sentence_end]
    return OWN_SUBJECT.search(after) is not None or any(name in after for name in names.own_text | names.own)


def _ours_in_object(text: str, start: int, bound: int) -> bool:
    """Does the object of a comparison name the paper's own (`versus 8x for KAN and 1.4x for
    our ER-KAN`)? Then what the sentence compares is not the paper's own with others."""
    stop = OBJECT_END.search(text, start, bound)
    return OURS.search(text, start, stop.start() if stop else bound) is not None


def _opening_bound(text: str, cue: Cue, sentence_start: int, sentence_end: int, names: Names) -> int:
    """Where the object of a comparison that opens its clause ends: at the paper's own
    subject after it (`Compared to A, B and C, our model ...`), else at its first comma
    (`compared to existing techniques, neural policies improve X, Y and Z`)."""
    before = text[sentence_start : cue.start].rstrip()
    if before and not before.endswith(","):
        return sentence_end
    own = OWN_SUBJECT.search(text, cue.end, sentence_end)
    named = [at for name in names.own_text | names.own if (at := text.find(name, cue.end, sentence_end)) >= 0]
    starts = named + ([own.start()] if own is not None else [])
    if starts:
        return min(starts)
    comma = text.find(",", cue.end, sentence_end)
    return comma if comma >= 0 else sentence_end


SUBJECT_NAME = re.compile(r"(?<![\w-])([A-Z][\w.+-]*[A-Z0-9][\w.+-]*)\s+(?:\w+ly\s+)?$")
# a coined name opening a clause as its subject: `HOLA lowers perplexity`, `, X achieves`
SUBJECT_VERB_WORDS = WordSet(
    [stem + end for stem in ("achiev", "improv", "reduc", "rais", "increas") for end in ("es", "ed")]
    + [
        stem + end
        for stem in ("outperform", "lower", "attain", "reach", "yield", "obtain", "surpass", "deliver", "boost", "cut")
        for end in ("s", "es", "ed")
    ]
)
# a coined name opening a clause before such a verb: `HOLA lowers perplexity`, `, X achieves`
NAME_BEFORE_VERB = re.compile(r"(?<![\w-])([A-Z][\w.+-]*[A-Z0-9][\w.+-]*)\s+(?:\w+ly\s+)?$")


def outperformed(doc: Doc, sents: Sentences, names: Names, cues: list[Cue]) -> list[Win]:
    """(name, char) of each method the paper says its own beats. A coined name right
    before a win cue (`HOLA lowers ...`) is the paper's own too. The cues are found at
    their first word's tokens (`Sentences.matches_at`): a scan of every sentence with
    these patterns cost a quarter of the whole extraction."""
    text = sents.text
    if not cues:
        return []
    for _, verb in sents.tokens_in(SUBJECT_VERB_WORDS):
        match = NAME_BEFORE_VERB.search(text, max(0, verb - SUBJECT_LOOKBACK), verb)
        if match is None or not is_coined(match.group(1)) or match.group(1) in names.known:
            continue
        before = text[max(0, match.start(1) - 3) : match.start(1)].rstrip()
        if not before or before.endswith((",", ";", ":", ".")) or sents.at(match.start(1)).start_char == match.start(1):
            names.own_text.add(match.group(1))
    for _, verb in sents.tokens_in(WE_COMPARE_WORDS):
        compared = WE_COMPARE.search(text, max(0, verb - 12), verb + 80)
        if compared is not None and compared.group(1) not in names.known:
            names.own_text.add(compared.group(1))
    for cue in cues:
        if cue.kind != "win":
            continue
        sentence = sents.at(cue.start)
        subject = SUBJECT_NAME.search(text, max(sentence.start_char, cue.start - SUBJECT_LOOKBACK), cue.start)
        if subject and is_coined(subject.group(1)) and subject.group(1) not in names.known:
            names.own_text.add(subject.group(1))
    title_end: int = doc.user_data.get("kg.title_end", 0)
    out: list[Win] = []
    listed: list[str] | None = None  # the baselines the paper names, read where a win refers to them
    for cue in cues:
        sentence = sents.at(cue.start)
        if NEGATED.search(text, max(sentence.start_char, cue.start - NEGATION_LOOKBACK), cue.start):
            continue
        bound_at = sentence.end_char
        if cue.kind == "win":
            if not own_subject(text, cue.start, sentence.start_char, names):
                continue
        else:
            # a comparison is a win where the sentence claims one, or sets the paper's
            # number against another's: `reaches 71.2% versus 56.0% (X)`
            clause = clause_text(text, cue.start, sentence.start_char, sentence.end_char)
            claimed = CLAIM.search(clause) is not None and not COMPARE_VERB.search(sentence.text)
            claimed = claimed and not HEDGE.search(clause)
            lo, _ = clause_bounds(text, cue.start, sentence.start_char, sentence.end_char)
            by_numbers = numbers_win(text, lo, cue.start, cue.end)
            versus = cue.text.startswith(("versus", "vs")) and text[cue.end : cue.end + 1].isdigit()
            if cue.start < title_end or by_numbers is False or not (claimed or versus or by_numbers):
                continue
            if not compared_by_own(text, cue.start, sentence.start_char, sentence.end_char, names):
                continue
        winner = names.winner(sentence.start_char, cue.start)
        bound = (
            sentence.end_char if cue.kind == "win" else _opening_bound(text, cue, sentence.start_char, bound_at, names)
        )
        if cue.kind == "compared" and _ours_in_object(text, cue.end, sentence.end_char):
            continue  # `X's error grows 10x, versus 8x for KAN and 1.4x for our ER-KAN`: X is not ours
        beaten = object_names(text, cue.end, bound, names)
        if not beaten:
            if listed is None:
                listed = baselines(sents, names)
            beaten = referred_baselines(text, cue.end, sentence.end_char, listed)
        for name in beaten:
            at = text.find(name, cue.end, sentence.end_char)
            out.append(Win(name, cue.start, winner, at if at >= 0 else cue.end))
    return out
