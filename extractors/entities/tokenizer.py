"""A fast rule tokenizer for the entity pipeline.

spaCy's English tokenizer reaches about 1,000 abstracts a second here; the extraction
rules only need words, numbers and single punctuation marks, so one compiled regex
and `Doc(vocab, words, spaces)` do the job four times faster. Patterns given to the
matchers are tokenized by this same tokenizer, so rules and text always agree.

Tokens: a word (letters, digits, underscores) with an optional `.digits` tail
(`Qwen2.5`) or web-domain tail (`JD.com`, `FINN.no`); a number with decimal or
thousands separators (`17.8`, `10,015,993`); a few abbreviations ending in a dot
(`e.g.`, `et al.`) so that the sentencizer does not split there; a newline; any other
single non-space character. A Chinese run is one token; Chinese names are found on
the raw text instead (see `rulers.LexiconRuler`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from extractors.entities.text import WORD_CACHE_LIMIT

if TYPE_CHECKING:
    from spacy.language import Language

WORD = r"""
    \d+(?:[.,]\d+)+[A-Za-z]*                      # 17.8  10,015,993  1.84x
  | (?:e\.g|i\.e|et\ al|al|vs|etc|cf|approx|resp|Fig|Figs|Eq|Sec|Tab|No|Inc|Ltd|Corp)\.(?=\W|$)
  | \w+(?:\.(?:\d+|com|net|org|no|me|fm|ai|io|cn)(?!\w))*    # word, Qwen2.5, JD.com
  | \n
  | \S
"""
# (word, blanks after it)
TOKEN = re.compile(rf"({WORD})([^\S\n]*)", re.VERBOSE)

PLAIN_TOKEN = re.compile(WORD, re.VERBOSE)

SENT_START_ATTR = [SENT_START]
SPACE_RUN = re.compile(r"[^\S\n]+")
ODD_BLANKS = ("  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
SENTENCE_ENDS = frozenset([".", "!", "?", "\n", "。", "！", "？", "；"])
NOT_SENT_START = numpy.uint64(2**64 - 1)  # SENT_START -1, as from_array wants it

# (hash in the string store, word, characters up to the next token, space after, word in lower case)
ChunkToken = tuple[int, str, int, bool, str]
# a chunk that is a word and one of these marks (`model,`, `(CTR)`): no pattern of WORD
# but `\w+` and `\S` can match it, so it needs no regex (a full stop may end `e.g.`, `No.`)
OPENING_MARKS = frozenset("([{\"'")
CLOSING_MARKS = frozenset(",;:)]}\"'?!")


class Chunks(dict[str, tuple[ChunkToken, ...]]):
    """A run of text between two spaces -> its tokens as (hash in the string store,
    word, characters up to the next token, space after, lower case) tuples; the
    chunk's last token has the space. Text is mostly the same few thousand chunks
    (`the`, `model,`, `(CTR)`), so each is tokenized, hashed and lower-cased once;
    cleared when it grows large (numbers make many chunks that never come back)."""

    LIMIT = WORD_CACHE_LIMIT

    def __init__(self, orths: Orths):
        super().__init__()
        self.orths = orths

    def __missing__(self, chunk: str) -> tuple[ChunkToken, ...]:
        if len(self) >= self.LIMIT:
            self.clear()
        # a chunk of ASCII letters and digits alone is one word (no pattern of WORD but
        # `\w+` can match it), the most common new chunk; else the regex splits it
        words: list[str]
        if not chunk.isascii():
            words = PLAIN_TOKEN.findall(chunk)
        elif chunk.isalnum():
            words = [chunk]
        elif len(chunk) > 1 and chunk[-1] in CLOSING_MARKS and chunk[:-1].isalnum():
            words = [chunk[:-1], chunk[-1]]
        elif len(chunk) > 2 and chunk[0] in OPENING_MARKS and chunk[-1] in CLOSING_MARKS and chunk[1:-1].isalnum():
            words = [chunk[0], chunk[1:-1], chunk[-1]]
        else:
            words = PLAIN_TOKEN.findall(chunk)
        orths = self.orths
        if len(words) == 1:  # (most new chunks: no generator to run)
            word = words[0]
            tokens: tuple[ChunkToken, ...] = ((orths[word], word, len(word) + 1, True, lower_case(word)),)
        else:
            last = len(words) - 1
            tokens = tuple(
                [
                    (orths[word], word, len(word) + (i == last), i == last, lower_case(word))
                    for i, word in enumerate(words)
                ]
            )
        self[chunk] = tokens
        return tokens


def lower_case(word: str) -> str:
    """`word.lower()`, the same string object where that is the word itself (the chunk
    cache then holds one string, not two)."""
    lower = word.lower()
    return word if lower == word else lower


class Orths(dict[str, int]):
    """word -> its hash in the string store. `Doc(words=<hashes>)` finds the lexemes
    three times faster than `Doc(words=<strings>)`, which hashes each word twice."""

    def __init__(self, strings: StringStore):
        super().__init__()
        self.strings = strings

    def __missing__(self, word: str) -> int:
        # spaCy's stub for StringStore.add lacks the `allow_transient` keyword it takes
        orth = self[word] = self.strings.add(word, allow_transient=False)  # type: ignore[call-arg]
        return orth


def single_spaced(text: str) -> bool:
    """No run of blanks, no blank but the space, and none at the start (the common
    case, found by one scan)."""
    return text.isascii() and text[:1] != " " and not any(map(text.__contains__, ODD_BLANKS))


class FastTokenizer:
    """Callable tokenizer: text -> Doc. Whitespace runs become one space flag.

    It also marks sentence starts, by the rule of spaCy's sentencizer (a sentence
    ends at `.`, `!`, `?`, a newline or a Chinese full stop), because the
    sentencizer's pass over the tokens costs more than tokenizing. The doc's text is
    kept in `doc.user_data["kg.text"]` for the same reason (`doc.text` is rebuilt
    from the tokens at every access)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.orths = Orths(vocab.strings)  # as many words as the vocab holds
        self.chunks = Chunks(self.orths)

    def __call__(self, text: str) -> Doc:
        # columns by C-level loops (map, chain, zip, accumulate, numpy), never a Python loop per token
        orths: Sequence[int]
        if single_spaced(text) and " et al." not in text:
            # no token but `et al.` spans a space: the text's tokens are its chunks'
            kept = text
            tokens = list(chain.from_iterable(map(self.chunks.__getitem__, text.split(" "))))
            if not tokens:
                return self._empty()
            orths, word_column, widths, space_column, lower_column = zip(*tokens, strict=True)
            words: list[str] = list(word_column)
            spaces: list[bool] = list(space_column)
            lower = list(lower_column)
            if not text.endswith(" "):
                spaces[-1] = False  # no space after the last chunk
            offsets = list(accumulate(widths, initial=0))
        else:
            # the doc's text is the input with each run of blanks made one space
            kept = SPACE_RUN.sub(" ", text)
            if kept[:1] == " ":
                kept = kept[1:]
            pairs = TOKEN.findall(text)
            if not pairs:
                return self._empty()
            words = [word for word, _ in pairs]
            spaces = [bool(gap) for _, gap in pairs]
            offsets = list(accumulate(map(add, map(len, words), spaces), initial=0))
            orths = list(map(self.orths.__getitem__, words))
            lower = list(map(str.lower, words))
        # Doc takes hashes for words (see Orths); spaCy's stub allows only strings
        doc = Doc(self.vocab, words=orths, spaces=spaces)  # type: ignore[arg-type]
        starts = sentence_starts(words)
        # set from an array: twice as fast as Doc(sent_starts=...)
        flags = numpy.full((len(words), 1), NOT_SENT_START, dtype="uint64")
        flags[starts] = 1
        # spaCy's stub asks for thinc's Ints2d, which a numpy array is at run time but not to mypy
        doc.from_array(SENT_START_ATTR, flags)  # type: ignore[arg-type]
        doc.user_data["kg.text"] = kept[: offsets.pop()]
        doc.user_data["kg.columns"] = (words, offsets, starts)
        doc.user_data["kg.lower"] = lower
        return doc

    def _empty(self) -> Doc:
        doc = Doc(self.vocab, words=[], spaces=[])
        doc.user_data["kg.text"] = ""
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy (de)serializes the tokenizer with the pipeline; this one has no state.
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> FastTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: object) -> None:
        return None

    def from_disk(self, path: str | Path, **kwargs: object) -> FastTokenizer:
        return self


def sentence_starts(words: list[str]) -> list[int]:
    """Token indices where a sentence starts: the first token, and the token after an
    end mark; a run of marks stays with the sentence it ends."""
    is_end = list(map(SENTENCE_ENDS.__contains__, words))
    return [0] + [i + 1 for i in compress(range(len(words) - 1), is_end) if not is_end[i + 1]]


def create_fast_tokenizer() -> Callable[[Language], FastTokenizer]:
    def make(nlp: Language) -> FastTokenizer:
        return FastTokenizer(nlp.vocab)

    return make


# registered by a call, not as a decorator: catalogue's registry has no type information,
# and a decorator mypy cannot see through would leave the function untyped
registry.tokenizers.register("kg.FastTokenizer.v1", func=create_fast_tokenizer)
