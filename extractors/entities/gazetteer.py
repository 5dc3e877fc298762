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


class Table:
    """Patterns keyed by their words, found from their first word: a one-word pattern's
    rules at once, a longer one's after its second word is checked (`language` is
    tried as `language model` only where `model` follows)."""

    def __init__(self) -> None:
        self.rules: dict[tuple[str, ...], list[Rule]] = {}
        self.first: dict[str, dict[str, tuple[int, ...]]] = {}  # word -> next word ("" alone) -> lengths
        self.alone: dict[str, list[Rule]] = {}  # word -> the rules of the one-word pattern (the same list)

    def add(self, key: tuple[str, ...], rule: Rule) -> None:
        self.rules.setdefault(key, []).append(rule)
        if len(key) == 1:
            self.alone[key[0]] = self.rules[key]
        following = self.first.setdefault(key[0], {})
        second = key[1] if len(key) > 1 else ""
        known = following.get(second, ())
        if len(key) not in known:
            following[second] = tuple(sorted((*known, len(key))))

    def __len__(self) -> int:
        return len(self.rules)

    def find(self, words: Sequence[str], out: list[Match]) -> None:
        first = self.first
        alone = self.alone
        rules_of = self.rules
        n = len(words)
        for i in compress(range(n), map(first.__contains__, words)):
            word = words[i]
            if (rules := alone.get(word)) is not None:
                out.extend([(rule, i, i + 1) for rule in rules])
            if i + 1 < n and (lengths := first[word].get(words[i + 1])) is not None:
                for length in lengths:
                    end = i + length
                    if end > n:
                        break
                    rules = rules_of.get(tuple(words[i:end]))
                    if rules is not None:
                        out.extend((rule, i, end) for rule in rules)


class PhraseIndex:
    """Two tables: the case-insensitive patterns keyed in lower case, the exact ones as
    written. A doc's words are looked up in each, so a list's `The Pile` is not tried at
    every `the`."""

    def __init__(self) -> None:
        self.folded = Table()
        self.exact = Table()
        self._seen: set[tuple[object, ...]] = set()

    def add(self, form: str, entry: Entry, mode: str, exact: bool) -> None:
        words = pattern_words(form)
        if not words:
            return
        key = words if exact else tuple(map(str.lower, words))
        seen = (key, exact, entry.kind, entry.name, mode)
        if seen in self._seen:
            return  # one match per entry and mode, as a PhraseMatcher key gives
        self._seen.add(seen)
        (self.exact if exact else self.folded).add(key, Rule(entry, mode, words if exact else None))

    def __len__(self) -> int:
        return len(self.folded) + len(self.exact)

    def find(self, words: Sequence[str], lower: Sequence[str]) -> list[Match]:
        """Every pattern in `words` (`lower`: the same in lower case), overlapping ones
        too: the case-insensitive matches first, then the exact ones, each by start and
        length."""
        out: list[Match] = []
        self.folded.find(lower, out)
        self.exact.find(words, out)
        return out
