"""A phrase index over the lexicon spellings: token n-grams looked up in a dict.

spaCy's `PhraseMatcher` needs a `Doc` per pattern: with the curated lists (about
100,000 spellings and variants) that is seconds at start-up and 100,000 new lexemes in
the vocabulary of every worker. Here a pattern is a tuple of the words the tokenizer
would make of it (`tokenizer.PLAIN_TOKEN`, the same regex), keyed in lower case, and a
doc's words are looked up n-gram by n-gram, starting only at the words that begin
some pattern. Spellings that match case-sensitively keep their words as written,
compared after the case-folded look-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import NamedTuple

from extractors.entities.lexicon import Entry
from extractors.entities.tokenizer import PLAIN_TOKEN


class Rule(NamedTuple):
    """What a pattern means: its entry, how it may match (`plain`, `at_k`, `context`,
    `cue`, `pattern`, see `rulers.LexiconRuler`) and, for a case-sensitive spelling,
    its words as written."""

    entry: Entry
    mode: str
    exact: tuple[str, ...] | None


Match = tuple[Rule, int, int]  # rule, start token, end token


def pattern_words(form: str) -> tuple[str, ...]:
    """The tokens the tokenizer makes of a spelling."""
    return tuple(PLAIN_TOKEN.findall(form))


class PhraseIndex:
    def __init__(self) -> None:
        self.rules: dict[tuple[str, ...], list[Rule]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}  # first word, lower case -> pattern lengths, ascending
        self._seen: set[tuple[object, ...]] = set()

    def add(self, form: str, entry: Entry, mode: str, exact: bool) -> None:
        words = pattern_words(form)
        if not words:
            return
        key = tuple(map(str.lower, words))
        exact_words = words if exact else None
        seen = (key, entry.kind, entry.name, mode, exact_words)
        if seen in self._seen:
            return  # one match per entry and mode, as a PhraseMatcher key gives
        self._seen.add(seen)
        self.rules.setdefault(key, []).append(Rule(entry, mode, exact_words))
        known = self.lengths.get(key[0], ())
        if len(key) not in known:
            self.lengths[key[0]] = tuple(sorted((*known, len(key))))

    def __len__(self) -> int:
        return len(self.rules)

    def find(self, words: Sequence[str], lower: Sequence[str]) -> list[Match]:
        """Every pattern in `words` (`lower`: the same in lower case), overlapping ones
        too: the case-insensitive matches first, then the exact ones, each by start and
        length."""
        lengths = self.lengths
        n = len(lower)
        folded: list[Match] = []
        exact: list[Match] = []
        for i in compress(range(n), map(lengths.__contains__, lower)):
            for length in lengths[lower[i]]:
                end = i + length
                if end > n:
                    break
                rules = self.rules.get(tuple(lower[i:end]))
                if rules is None:
                    continue
                for rule in rules:
                    if rule.exact is None:
                        folded.append((rule, i, end))
                    elif tuple(words[i:end]) == rule.exact:
                        exact.append((rule, i, end))
        return folded + exact
