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
from itertools import accumulate
from operator import add
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKEN = re.compile(
    r"""
    (
        \d+(?:[.,]\d+)+[A-Za-z]*                      # 17.8  10,015,993  1.84x
      | (?:e\.g|i\.e|et\ al|al|vs|etc|cf|approx|resp|Fig|Figs|Eq|Sec|Tab|No|Inc|Ltd|Corp)\.(?=\W|$)
      | \w+(?:\.(?:\d+|com|net|org|no|me|fm|ai|io|cn)(?!\w))*    # word, Qwen2.5, JD.com
      | \n
      | \S
    )
    ([^\S\n]*)
    """,
    re.VERBOSE,
)


SENT_START_ATTR = [SENT_START]
SPACE_RUN = re.compile(r"[^\S\n]+")
ODD_BLANKS = ("  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
SENTENCE_ENDS = frozenset([".", "!", "?", "\n", "。", "！", "？", "；"])


class FastTokenizer:
    """Callable tokenizer: text -> Doc. Whitespace runs become one space flag.

    It also marks sentence starts, by the rule of spaCy's sentencizer (a sentence
    ends at `.`, `!`, `?`, a newline or a Chinese full stop), because the
    sentencizer's pass over the tokens costs more than tokenizing. The doc's text is
    kept in `doc.user_data["kg.text"]` for the same reason (`doc.text` is rebuilt
    from the tokens at every access)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = TOKEN.findall(text)
        if not pairs:
            doc = Doc(self.vocab, words=[], spaces=[])
            doc.user_data["kg.text"] = ""
            return doc
        # columns by C-level loops (zip, map, numpy), never a Python loop per token
        words, gaps = zip(*pairs)
        spaces = list(map(bool, gaps))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # a sentence starts after an end mark, runs of marks stay with the sentence
        # they end (set from an array: twice as fast as Doc(sent_starts=...))
        ends = numpy.fromiter(map(SENTENCE_ENDS.__contains__, words), dtype=bool, count=len(words))
        after_end = numpy.flatnonzero(ends[:-1] & ~ends[1:]) + 1
        flags = numpy.full(len(words), -1, dtype="int64")
        flags[0] = 1
        flags[after_end] = 1
        doc.from_array(SENT_START_ATTR, flags.astype("uint64").reshape(-1, 1))
        # the doc's text is the input with each run of blanks made one space
        offsets = list(accumulate(map(add, map(len, words), spaces), initial=0))
        if text.isascii() and text[:1] != " " and not any(map(text.__contains__, ODD_BLANKS)):
            kept = text  # no run of blanks to squeeze (the common case, found by one scan)
        else:
            kept = SPACE_RUN.sub(" ", text)
            if kept[:1] == " ":
                kept = kept[1:]
        doc.user_data["kg.text"] = kept[: offsets[-1]]
        offsets.pop()
        doc.user_data["kg.columns"] = (words, offsets, [0] + after_end.tolist())
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy (de)serializes the tokenizer with the pipeline; this one has no state.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "FastTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "FastTokenizer":
        return self


@registry.tokenizers("kg.FastTokenizer.v1")
def create_fast_tokenizer():
    def make(nlp) -> FastTokenizer:
        return FastTokenizer(nlp.vocab)

    return make
