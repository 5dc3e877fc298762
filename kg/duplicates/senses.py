"""The senses of an acronym: which of its long forms mean one thing, how many papers give
each, and the acronym nodes whose own papers define them in two senses."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.duplicates.definitions import Definition
from kg.duplicates.model import Concept, Sense, TwoSenses
from kg.duplicates.spelling import HUMPS, WORD, singular, variant_form
from kg.model import concept_key

STOP_WORDS = frozenset("a an and by for from in of on or the to via with".split())
STEM_LETTERS = 5  # words alike in this many first letters are one word in a long form
WORD_FAMILIES = {"visual": "vision", "visually": "vision"}
SENSE_OVERLAP = 0.5  # long forms sharing more than this share of their words are one sense
SENSE_OVERLAP_SAME_ENDS = 0.4  # ... or at least this share, with the same first and last word


def _stem(word: str) -> str:
    """A word's first letters, which its inflections share (`retrieval`, `retriever`;
    `model`, `modeling`), after the few word families whose spelling parts early."""
    word = singular(word).casefold()
    return WORD_FAMILIES.get(word, word)[:STEM_LETTERS]


def _sense_words(long_form: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in WORD.findall(long_form.replace("-", " ")) if w.casefold() not in STOP_WORDS)


def same_sense(acronym: str, a: str, b: str) -> bool:
    """Two long forms of one acronym in one sense: the same variant form; else, where both
    spell the acronym word by word, the same word for every letter (`Large Video Language
    Model`, `Large Vision-Language Model` are two senses of LVLM; `area under the ROC curve`
    and `area under the receiver operating characteristic curve` one of AUC); else most
    words in common (`large language models`, `large-scale language model`)."""
    if variant_form(a) == variant_form(b):
        return True
    aligned_a, aligned_b = _aligned(acronym, a), _aligned(acronym, b)
    if aligned_a is not None and aligned_b is not None:
        return aligned_a == aligned_b
    wa, wb = _sense_words(a), _sense_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    overlap = len(wa & wb) / len(wa | wb)
    ends = (
        [_stem(w) for w in WORD.findall(a.replace("-", " "))],
        [_stem(w) for w in WORD.findall(b.replace("-", " "))],
    )
    same_ends = ends[0][0] == ends[1][0] and ends[0][-1] == ends[1][-1]
    return overlap > SENSE_OVERLAP or (same_ends and overlap >= SENSE_OVERLAP_SAME_ENDS)


def _aligned(acronym: str, long_form: str) -> list[str] | None:
    """The stem of the word (or capitalised part) each letter of the acronym stands for,
    read from the end as Schwartz and Hearst do; None if a letter starts no word."""
    parts = [part for word in re.split(r"[\s\-/]+", long_form) for part in HUMPS.findall(word)]
    letters = [c.lower() for c in acronym if c.isalpha()]
    stems: list[str] = []
    at = len(parts)
    for letter in reversed(letters):
        at -= 1
        while at >= 0 and parts[at][0].lower() != letter:
            at -= 1
        if at < 0:
            return None
        stems.append(_stem(parts[at]))
    return stems[::-1]


def group_senses(definitions: list[Definition]) -> list[list[Definition]]:
    """Definitions of one acronym grouped by sense, the most common spelling first, the
    groups by papers (most first)."""
    spellings = Counter(d.long_form.casefold() for d in definitions)
    groups: list[list[Definition]] = []
    for d in sorted(definitions, key=lambda d: (-spellings[d.long_form.casefold()], d.long_form)):
        for members in groups:
            if same_sense(d.acronym, d.long_form, members[0].long_form):
                members.append(d)
                break
        else:
            groups.append([d])
    return sorted(groups, key=lambda members: -len({d.paper for d in members}))


def sense_share(groups: list[list[Definition]], acronym: str, long_form: str) -> tuple[float, str | None]:
    """The share of the papers defining an acronym that give it this long form's sense, and
    the long form of the most common other sense."""
    total = len({d.paper for members in groups for d in members})
    share, other = 0.0, None
    for members in groups:
        if same_sense(acronym, long_form, members[0].long_form):
            share = len({d.paper for d in members}) / total if total else 0.0
        elif other is None:
            other = members[0].long_form
    return share, other


def two_senses(concepts: list[Concept], definitions: list[Definition]) -> list[TwoSenses]:
    """Acronym nodes whose own papers define them in more than one sense."""
    by_key = {c.key: c for c in concepts}
    own: dict[str, list[Definition]] = defaultdict(list)
    for d in definitions:
        if d.strong and d.key in by_key and d.label == by_key[d.key].label and concept_key(d.acronym) == d.key:
            own[d.key].append(d)
    out = []
    for key, found in own.items():
        groups = group_senses(found)
        if len(groups) < 2:
            continue
        senses = []
        for members in groups:
            common = members[0].long_form
            example = min((d for d in members if d.long_form == common), key=lambda d: (len(d.sentence), d.sentence))
            senses.append(Sense(common, len({d.paper for d in members}), example.sentence))
        concept = by_key[key]
        out.append(TwoSenses(concept.label, concept.name, concept.papers, senses))
    return out
