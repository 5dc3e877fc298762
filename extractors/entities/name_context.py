"""What the name rules share about one document: its text, the known names, and how
the paper spells an acronym out (`Long Form (LF)`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.entities.lexicon import KnownNames
from extractors.entities.task_words import ACRONYM_HEADS
from extractors.entities.text import initials_match, initials_spell, is_coined

# add(label, name, start char, end char): a span for the doc
AddSpan = Callable[[str, str, int, int], None]
# propose(raw name, start char, end char, sentence): a name the paper coins
Propose = Callable[[str, int, int, str], None]

# what may stand between a cue and its object: `we propose [a novel] long form (LF)`
OBJECT_LEAD = re.compile(r"(?:(?:a|an|the)\s*)?(?:(?:novel|new)\s*)?")
TASK_HEADS = ACRONYM_HEADS  # (the task vocabulary, vocabulary/tasks.toml)
# how far before `(LF)` its long form may start
LONG_FORM_WINDOW = 120
# the kind of thing a paper proposes, capitalised at a sentence start, in a title or as an
# anonymised placeholder (`We present Method, a machine-learning framework`): never a name alone
GENERIC_NOUNS = frozenset(
    """
    Method Methods Model Models Framework Frameworks Approach System Systems Algorithm Architecture
    Dataset Datasets Benchmark Benchmarks Corpus Network Networks Module Pipeline Agent Agents Tool Toolkit
    Library Platform Paradigm Technique Strategy Mechanism Solution Encoder Decoder Transformer Baseline Ours
    """.split()
)
# the last word of a name for what a paper observes or argues, not for a thing it builds:
# `the Attention Suppression Hypothesis`, `the Blind Trust Problem`, `the Freezing Equilibrium`
OBSERVATION_HEADS = frozenset(
    "Hypothesis Problem Effect Phenomenon Paradox Gap Dilemma Assumption Equilibrium Theorem Conjecture Law "
    "Principle Fallacy Illusion Divide Trap Curse".split()
)


class NameContext:
    """One document's text and the lexicon's names, read by every name rule."""

    def __init__(self, text: str, known: KnownNames):
        self.text = text
        self.known = known

    def long_form(self, acronym: str) -> list[str] | None:
        """The words the paper spells the acronym out with, `Long Form (LF)`, if it does."""
        at = self.text.find(f"({acronym})")
        if at < 0:
            return None
        words = self.text[max(0, at - LONG_FORM_WINDOW) : at].split()[-(len(acronym) + 3) :]
        start = initials_spell(acronym, words)
        if start is None:
            start = initials_match(acronym, words)
        return None if start is None else words[start:]

    def new_name(self, raw: str) -> bool:
        return is_coined(raw.replace("$", "")) and raw not in self.known


def spells_task(words: list[str] | None) -> bool:
    """A long form of a task, `Medication Recommendation (MR)`: `a novel MR method`
    proposes a method for MR, not MR; `benchmark MR datasets` are not a dataset MR."""
    return words is not None and words[-1].lower().split("-")[-1] in TASK_HEADS


def in_lower_case(words: list[str] | None) -> bool:
    """A long form in lower case: a concept, not a name (`out-of-distribution (OOD)`)."""
    return words is not None and " ".join(words).islower()


def described(words: list[str] | None, before: str) -> bool:
    """The acronym of a lower-case long form that is not the cue's object: `we
    developed a model for named entity recognition (NER)`; but `we propose bipartite
    causal models (BCMs)` names the paper's own."""
    if words is None or not in_lower_case(words) or not before.rstrip().endswith("("):
        return False
    lead = " ".join(before.rstrip()[:-1].split()[: -len(words)])
    return OBJECT_LEAD.fullmatch(lead) is None
