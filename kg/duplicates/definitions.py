"""The acronyms papers define, `Long Form (LF)`, read from the evidence sentences of their
relationships, the long form read back from the parenthesis letter by letter (Schwartz and
Hearst's rule)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.duplicates.spelling import HUMPS, WORD, looks_like_acronym, singular
from kg.reextract import extracted_types
from kg.schema import RELATIONSHIPS
from kg.store.base import GraphStore

LONG_FORM_EXTRA_WORDS = 4  # words read before `(LF)` beyond one per letter
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([^\s()]{2,15}?)\s*\)")
_CLAUSE = re.compile(r"[;:.!?]\s|,\s(?:and|or|which|where|while)\s|\)")


@dataclass
class Definition:
    acronym: str  # as written, without a plural s
    long_form: str
    paper: str
    sentence: str
    strong: bool  # every letter starts a word or a capitalised part of one
    label: str  # the concept whose relationship carried the sentence
    key: str


def read_definitions(store: GraphStore, labels: tuple[str, ...]) -> list[Definition]:
    """Every `Long Form (LF)` in the evidence of the relationships to these labels."""
    found: list[Definition] = []
    seen: set[tuple[str, str, str, str]] = set()
    for rel, start, end in extracted_types():
        if end not in labels or "evidence" not in RELATIONSHIPS[rel].props:
            continue
        rows = store.query(
            f"MATCH (p:{start})-[r:{rel}]->(c:{end}) WHERE r.evidence CONTAINS '(' RETURN p.key, c.key, r.evidence"
        ).rows
        # sorted: the store returns rows in no fixed order, and the first sentence seen is kept
        for paper, key, sentence in sorted(rows):
            for definition in parse_definitions(sentence):
                mark = (paper, definition[0], definition[1].casefold(), f"{end}:{key}")
                if mark not in seen:
                    seen.add(mark)
                    found.append(Definition(definition[0], definition[1], paper, sentence, definition[2], end, key))
    return found


def parse_definitions(sentence: str) -> list[tuple[str, str, bool]]:
    """(acronym, long form, strong) of each `Long Form (LF)` in a sentence; the long form
    read back from the parenthesis, letter by letter (Schwartz and Hearst's rule)."""
    from extractors.entities.text import initials_match, initials_spell

    out = []
    for match in _ACRONYM_IN_PARENS.finditer(sentence):
        acronym = singular(match.group(1).strip(",;"))
        if not looks_like_acronym(acronym):
            continue
        before = _CLAUSE.split(sentence[: match.start()])[-1]
        letters = sum(c.isalpha() for c in acronym)
        words = before.split()[-(letters + LONG_FORM_EXTRA_WORDS) :]
        start = initials_spell(acronym, words)
        if start is None:
            start = initials_match(acronym, words)
        if start is None:
            continue
        long_words = [w.strip("\"'`,") for w in words[start:]]
        long_form = " ".join(w for w in long_words if w)
        if len(WORD.findall(long_form)) < 2 and len(HUMPS.findall(long_form)) < 2:
            continue  # one word is not a long form
        out.append((acronym, long_form, _strong(acronym, long_form)))
    return out


def _strong(acronym: str, long_form: str) -> bool:
    """Every letter of the acronym starts a word, a hyphenated part or a capitalised hump
    of the long form, in order."""
    starts = "".join(part[0].lower() for word in re.split(r"[\s\-/]+", long_form) for part in HUMPS.findall(word))
    letters = [c.lower() for c in acronym if c.isalpha()]
    at = 0
    for letter in letters:
        at = starts.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True
