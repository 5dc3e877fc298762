"""Baselines named in one place and beaten in another, and wins told by numbers alone.

- `baselines`: the methods a paper lists as what it compares with (`we compare X against
  A, B and C`, `baselines such as A and B`, `we benchmark against A and B`). A win whose
  object only refers to them (`outperforms all baselines`, `outperforming the best
  individual model`, `surpasses these methods`) beats each of them.
- `numbers_win`: `reaches 71.2% versus 56.0% (X)`, `91.85% compared to 89.26% for X`: the
  paper's number, the last before the cue in its clause, against the one right after it;
  higher is better unless the clause measures a cost (`error`, `latency`, ...).
"""

from __future__ import annotations

import re

from extractors.entities.comparison_objects import (
    GENERIC_HEADS,
    LEADING,
    OBJECT_END,
    QUANTIFIED,
    Names,
    object_names,
)
from extractors.entities.text import Sentences, WordSet

# where a paper names what it compares with; the object follows the match
BASELINES_NAMED = re.compile(
    r"\bcompar(?:e|es|ed|ing)\s+(?:(?!(?:with|to|against)\b)[\w-]+\s+){1,6}?(?:with|to|against)\s+"  # not `X is less explored compared to Y`
    r"|\b(?:benchmark|evaluat|test|assess)\w*\s+(?:[\w-]+\s+){0,4}?against\s+"
    r"|\b(?=baselines?\s*,?\s*(?:such\s+as|including|like|e\.g\.|\())",
    re.I,
)
BASELINES_WORDS = WordSet(
    [stem + end for stem in ("compar", "evaluat") for end in ("e", "es", "ed", "ing")]
    + "benchmark benchmarks benchmarked benchmarking test tests tested testing assess assesses assessed assessing".split()
    + ["baseline", "baselines"]
)
# words of an object that refers to the baselines without naming them: `the best
# individual model`, `all single-LLM baselines`, `these methods`
REFERRING = frozenset(
    """
    these those both each every all the best strongest individual single single-model same remaining
    above aforementioned evaluated compared considered tested
    """.split()
)
SUPERLATIVE = frozenset("best strongest all both every each".split())  # beating it beats them all
MAX_REFERRING_WORDS = 5
# measures where lower is better: the paper's smaller number wins
COST = re.compile(
    r"\b(?:errors?|loss|latency|latencies|time|times|cost|costs|perplexity|WER|CER|PER|FPR|FNR|EER|MAE|RMSE|MSE|"
    r"memory|overhead|runtime|delay|FID|distance|violations?|hallucinations?|tokens)\b",
    re.I,
)
NUMBER = re.compile(r"(?<![\w@.^-])\d+(?:\.\d+)?(?=[x×]?(?![\w@^-]))")  # `0.82`, `10.6x`; not `GPT-4`, `R@10`
NUMBER_AFTER_CUE = re.compile(r"\s*[~≈]?(\d+(?:\.\d+)?)(?=[x×]?(?![\w@^-]))")


def baselines(sents: Sentences, names: Names) -> list[str]:
    """The methods the paper names as what it compares with, in order."""
    text = sents.text
    found: list[str] = []
    for _, at in sents.tokens_in(BASELINES_WORDS):
        match = BASELINES_NAMED.match(text, at)
        if match is None:
            continue
        sentence = sents.at(at)
        for name in object_names(text, match.end(), sentence.start_char + len(sentence.text), names):
            if name not in found:
                found.append(name)
    return found


def referred_baselines(text: str, start: int, bound: int, listed: list[str]) -> list[str]:
    """The baselines (`listed`) that a generic object at `start` refers to: all of them for
    `all baselines`, `the strongest baseline`, `these methods`; the only one for `the
    baseline`; none where the object is no such reference (`existing methods`, `LLMs`)."""
    stop = OBJECT_END.search(text, start, bound)
    words = [w.lower().strip(",") for w in text[start : stop.start() if stop else bound].split()]
    if not listed or not words or len(words) > MAX_REFERRING_WORDS or words[-1] not in GENERIC_HEADS:
        return []
    if QUANTIFIED.match(" ".join(words)) and words[0] not in ("all", "both"):
        return []  # `existing methods`, `other models`: more than the paper lists
    if not all(w in REFERRING or w in LEADING for w in words[:-1]):
        return []  # `single-LLM baselines`, `retrieval baselines`: a kind, maybe not all listed
    every = words[-1].endswith("s") or bool(SUPERLATIVE & set(words))
    return listed if every or len(listed) == 1 else []


def numbers_win(text: str, clause_start: int, cue_start: int, cue_end: int) -> bool | None:
    """True where the paper's number before a comparison cue beats the one after it, False
    where it loses, None where the clause does not set two numbers side by side."""
    own = NUMBER.findall(text, clause_start, cue_start)
    other = NUMBER_AFTER_CUE.match(text, cue_end)
    if not own or other is None:
        return None
    mine, theirs = float(own[-1]), float(other.group(1))
    if mine == theirs:
        return None
    lower_better = COST.search(text, clause_start, cue_end) is not None
    return mine < theirs if lower_better else mine > theirs
