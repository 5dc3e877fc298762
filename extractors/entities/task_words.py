"""The task rules' words, loaded once from `vocabulary/tasks.toml` (the one place they
are written), and the small tests on a word that several task rules share."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any

from extractors.entities.text import WordSet


def _load() -> dict[str, Any]:
    with files("extractors.entities").joinpath("vocabulary/tasks.toml").open("rb") as f:
        return tomllib.load(f)


_VOCABULARY = _load()
_WORDS: dict[str, str] = _VOCABULARY["words"]


def _heads(role: str) -> list[str]:
    return [word for word, roles in _VOCABULARY["heads"].items() if role in roles]


def _words(key: str) -> frozenset[str]:
    return frozenset(_WORDS[key].split())


# head words, in the file's order (a regex alternation is built from them)
HEADS: list[str] = _heads("phrase")
HEAD_SET = frozenset(HEADS)
HEAD_WORDS = WordSet(HEADS)
HEAD_FORMS: dict[str, str] = _VOCABULARY["head_forms"]
# a word that is a head after one of the given words (`representation learning`)
COMPOUND_HEADS: dict[str, frozenset[str]] = {
    head: frozenset(before) for head, before in _VOCABULARY["compound_heads"].items()
}
TAIL_HEADS = HEAD_SET | frozenset(_heads("title-tail"))
# names.py: a defined acronym's long form ending in these names a task
ACRONYM_HEADS = frozenset(_heads("acronym"))
ACRONYM_HEADS_IF_CALLED_TASK = frozenset(_heads("acronym-if-called-task"))
GERUND_HEADS: dict[str, str] = _VOCABULARY["gerund_heads"]

STOP = _words("stop")
STOP_WORDS = STOP - _words("may_open")
NOUNS_IN_ING = _words("nouns_in_ing")
MODIFIERS_IN_ING = _words("modifiers_in_ing")
RECOMMENDATION_PROBLEMS = tuple(_WORDS["recommendation_problems"].split())
FUNCTION_WORDS = _words("function_words")
ACTIVITY_ENDINGS = tuple(_WORDS["activity_endings"].split())
NOT_ACTIVITIES = _words("not_activities")
NOT_TAIL_MODIFIERS = _words("not_tail_modifiers")
NOT_MODIFIERS = _words("not_modifiers")
HOW_COMPOUNDS = _words("how_compounds")
NOT_ALONE = _words("not_alone")
OPENING_VERBS = _words("opening_verbs")
OPENING_SKIP = _words("opening_skip")
MEANS_NOUNS = _words("means_nouns")
STUDY_KINDS = _words("study_kinds")
MEANS_HEADS = _words("means_heads")
NOT_TASKS = frozenset(" ".join(p.split()) for p in _WORDS["not_tasks"].split(","))
EARLIER_WORK = _words("earlier_work")
FORMULATING_VERBS = _words("formulating_verbs")
ADDRESSING_VERBS = _words("addressing_verbs")
OWN_SUBJECTS = _words("own_subjects")
BENCHMARK_NOUNS = _words("benchmark_nouns")
NOT_BENCHMARKED = _words("not_benchmarked")
USES_BEFORE_TASKS = _words("uses_before_tasks")
NOT_AFTER_ACRONYM = _words("not_after_acronym")


def activity(word: str) -> bool:
    """An activity word by its ending, in running text: there an -ing word is as often
    a verb (`while preserving`), so only the nouns in -ing."""
    if word.endswith("ing"):
        return word in NOUNS_IN_ING and word != "learning"
    return word.endswith(ACTIVITY_ENDINGS) and word not in NOT_ACTIVITIES


def tail_head(word: str) -> bool:
    return word in TAIL_HEADS or (word.endswith(ACTIVITY_ENDINGS) and word not in NOT_ACTIVITIES)


def tail_verb(words: list[str]) -> bool:
    """`Fostering`, `Improving` opening a tail of three or more words is a verb; not
    `Streaming`, a noun in -ing."""
    first = words[0].lower()
    return len(words) > 2 and first.endswith("ing") and first not in NOUNS_IN_ING and first not in HEAD_SET


def modifier(word: str, named: set[str]) -> bool:
    """Can `word` narrow a task? Not a stop or question word, a verb form (`Co-Designing`)
    or the name of a method (`Autoencoder`)."""
    low = word.lower()
    return (
        low not in STOP
        and low not in NOT_MODIFIERS
        and low not in named
        and not low.split("-")[-1].endswith(("ing", "ed", "ly"))
    )


def singular(word: str) -> str:
    """`Groceries` -> `Grocery`, `Items` -> `Item`; `News`, `Class` stay."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "news")) and len(low) > 3:
        return word[:-1]
    return word


def task_case(word: str) -> str:
    """`Local-Life` -> `local-life`; acronyms keep their case: `LLM-Based` -> `LLM-based`."""
    return "-".join(p if sum(c.isupper() for c in p) > 1 else p.lower() for p in word.split("-"))
