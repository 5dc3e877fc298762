"""The task vocabulary: one data file, from which every task word set is built."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from extractors.entities import acronyms, name_context, task_words

ROLES = {"phrase", "title-tail", "acronym", "acronym-if-called-task"}


def _heads() -> dict[str, list[str]]:
    with files("extractors.entities").joinpath("vocabulary/tasks.toml").open("rb") as f:
        heads: dict[str, list[str]] = tomllib.load(f)["heads"]
    return heads


def test_task_words_every_head_has_known_roles():
    for word, roles in _heads().items():
        assert roles and set(roles) <= ROLES, word
        # a head ends either any task phrase or only a title's tail
        assert ("phrase" in roles) != ("title-tail" in roles), word


def test_task_words_title_tails_take_every_phrase_head():
    assert task_words.HEAD_SET < task_words.TAIL_HEADS


def test_task_words_names_reads_its_task_heads_from_the_vocabulary():
    assert name_context.TASK_HEADS is task_words.ACRONYM_HEADS
    assert acronyms.TASK_ONLY_HEADS is task_words.ACRONYM_HEADS_IF_CALLED_TASK
    assert "alignment" in name_context.TASK_HEADS and "alignment" not in task_words.HEAD_SET


def test_task_words_head_forms_fold_to_a_head():
    for form, head in task_words.HEAD_FORMS.items():
        assert form in task_words.HEAD_SET and head in task_words.HEAD_SET
