"""Words that confirm what kind of thing a lexicon name is, where the name alone may be
something else (`Adult`, `Steam`, `Dice`, `GEN`) or comes from a broad, noisy list.

Two strengths, both read on the doc's words within the name's sentence:

- a cue: a word of the kind within `CUE_WINDOW` words (`experiments on Steam and
  Adult datasets`; `Yelp's platform`; `a Dice of 0.91`; `the GIN baseline`);
- a pattern: the kind's word right next to the name (`the Steam dataset`,
  `deployed at Zalando`, `Zalando's app`, `Dice 0.91`, `the VQA task`).

A name in a list with a confirmed name of its kind (`on MovieLens, Steam and Adult`)
is confirmed too (see `rulers.LexiconRuler`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CUE_WINDOW = 4  # words either side of the name

DATASET_WORDS = frozenset("dataset datasets benchmark benchmarks corpus corpora testbed testbeds".split())
# also right after the name: `the Steam data`, `the Yelp challenge`, `the Adult split`
DATASET_AFTER = DATASET_WORDS | frozenset("data collection collections split splits subset subsets".split())
# a dataset is what experiments run on: `experiments on Adult`
DATASET_NEAR = DATASET_WORDS | frozenset("experiments evaluated evaluate evaluation".split())

COMPANY_AFTER = frozenset(
    "platform platforms app apps application website websites site store marketplace inc corp corporation ltd "
    "users customers merchants sellers advertisers".split()
)
COMPANY_NEAR = COMPANY_AFTER | frozenset("company companies deployed deploy deploying deployment production".split())
COMPANY_OWNS = COMPANY_AFTER | frozenset(
    "production online ads advertising search feed homepage recommendation product products".split()
)
# `at Yelp`, `deployed on Zalando`, `users of Etsy`
COMPANY_BEFORE = (
    ("at",),
    ("deployed", "on"),
    ("deployed", "at"),
    ("deployed", "in"),
    ("launched", "on"),
    ("launched", "at"),
    ("users", "of"),
    ("customers", "of"),
    ("sellers", "on"),
)

METHOD_AFTER = frozenset(
    "model models architecture architectures backbone backbones encoder encoders decoder network networks "
    "baseline baselines embeddings features variant variants".split()
)
METHOD_NEAR = METHOD_AFTER | frozenset("method methods algorithm algorithms llm llms like including".split())

TASK_AFTER = frozenset("task tasks problem problems challenge".split())
TASK_NEAR = TASK_AFTER

# words around a metric that is named, not only used: `we report WER and CER`
METRIC_NEAR = frozenset(
    "metric metrics score scores measure measures measured terms report reports reported improves improved "
    "improvement improvements reduces reduced reduction achieves achieved higher lower".split()
)
NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*[%x]?$")
METRIC_BEFORE = (("in", "terms", "of"), ("measured", "by"), ("such", "as"))
VALUE_AHEAD = 6  # a metric's value follows within this many words (`Dice of 0.91`, `(R2) of up to 0.93`)
VALUE_BEHIND = 2  # or comes right before it (`18.3% AP`, `0.91 Dice`)
APOSTROPHES = ("'", "’")


def _has_number(lower: Sequence[str], start: int, end: int) -> bool:
    return any(NUMBER.match(w) for w in lower[start:end])


def _before(lower: Sequence[str], start: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(lower[start - len(p) : start]) == p for p in phrases if start >= len(p))


def _possessive(lower: Sequence[str], end: int) -> bool:
    """`Zalando's app`: the tokenizer makes `Zalando`, `'`, `s`."""
    return end + 1 < len(lower) and lower[end] in APOSTROPHES and lower[end + 1] == "s"


def pattern(kind: str, lower: Sequence[str], start: int, end: int, first: int, last: int) -> bool:
    """The kind's word right next to the name `lower[start:end]` of the sentence `first:last`."""
    after = lower[end] if end < last else ""
    if kind == "dataset":
        return (
            dataset_beside(lower, start, end, first, last)
            or introduced(lower, start, first)
            or results_on(lower, start, first)
        )
    if kind == "company":
        # `Zalando's app`, not `Cohen's kappa`
        owned = _possessive(lower, end) and end + 2 < last and lower[end + 2] in COMPANY_OWNS
        return after in COMPANY_AFTER or owned or _before(lower, start, COMPANY_BEFORE)
    if kind == "metric":
        return (
            after == "@"
            or _has_number(lower, end, min(last, end + VALUE_AHEAD))
            or _has_number(lower, max(first, start - VALUE_BEHIND), start)  # `an 18.3% AP gain`
            or _before(lower, start, METRIC_BEFORE)
        )
    if kind == "method":
        return after in METHOD_AFTER
    if kind == "task":
        return after in TASK_AFTER or _before(lower, start, (("task", "of"), ("tasks", "like"), ("such", "as")))
    return False


# A company named as the maker of the machine (`NVIDIA A100 GPUs`, `Apple M1`) or as
# the place the paper's code is kept (`code is available on GitHub`, `our GitHub
# repository`) is not one the paper works with.
HARDWARE = frozenset(
    "gpu gpus cpu cpus tpu tpus npu npus chip chips graphics hardware device devices accelerator accelerators "
    "architecture architectures cuda".split()
)
HARDWARE_AHEAD = 4  # `NVIDIA GeForce RTX 3060 GPU`, `an NVIDIA edge GPU`
OWN_CODE = frozenset("repository repo link page url".split())
CODE_WORDS = frozenset(  # (`open-sourced` is three tokens: `open`, `-`, `sourced`)
    "available release released source sourced opensourced code codes codebase implementation implementations "
    "repository weights checkpoints".split()
)
PLACE_WORDS = frozenset("on at via through and url".split())  # `on PyPI and GitHub`, `\\href{this https URL}{GitHub}`
CODE_LOOKBACK = 12  # words before `at GitHub` where the code's availability may be said (`\\href{...}` included)


RESULTS_ON = frozenset("experiments results evaluated evaluation tested trained gains improvements outperforms".split())
RESULTS_LOOKBACK = 4


def dataset_beside(lower: Sequence[str], start: int, end: int, first: int, last: int) -> bool:
    """A dataset word right next to the name: `the Steam dataset`, `benchmark X`."""
    return (end < last and lower[end] in DATASET_AFTER) or (start > first and lower[start - 1] in DATASET_WORDS)


LIST_INTROS = (("including",), ("such", "as"), (":",), ("namely",), ("like",), ("e.g.",), ("(",))
INTRO_LOOKBACK = 3  # `benchmarks, including X`, `datasets (X, ...)`, `four benchmarks: X`


def introduced(lower: Sequence[str], start: int, first: int) -> bool:
    """The first of a list that a dataset word introduces: `public benchmarks, including
    Sintel, KITTI, and Spring`, `two datasets: X and Y`."""
    for intro in LIST_INTROS:
        at = start - len(intro)
        if at >= first and tuple(lower[at:start]) == intro:
            return not DATASET_WORDS.isdisjoint(lower[max(first, at - INTRO_LOOKBACK) : at])
    return False


def results_on(lower: Sequence[str], start: int, first: int) -> bool:
    """`experiments on Goodreads`, `results on TripAdvisor and RateBeer`, a sentence's
    `On Goodreads, ...`: where a name is what a method is run on."""
    if start == first + 1 and lower[first] == "on":
        return True
    before = lower[max(first, start - RESULTS_LOOKBACK) : start]
    return "on" in before and not RESULTS_ON.isdisjoint(before)


def not_the_company(lower: Sequence[str], start: int, end: int, first: int, last: int) -> bool:
    """A company's name used for its hardware or for the paper's code host."""
    after = lower[end] if end < last else ""
    if after in OWN_CODE:
        return True  # `our GitHub repository`
    if any(c.isdigit() for c in after) or not HARDWARE.isdisjoint(lower[end : min(last, end + HARDWARE_AHEAD)]):
        return True  # `NVIDIA A100`, `Apple M1`, `Nvidia GeForce RTX 4090 GPU`
    before = next((w for w in reversed(lower[max(first, start - CODE_LOOKBACK) : start]) if w.isalnum()), "")
    return before in PLACE_WORDS and not CODE_WORDS.isdisjoint(lower[max(first, start - CODE_LOOKBACK) : start])


def cue(kind: str, lower: Sequence[str], start: int, end: int, first: int, last: int) -> bool:
    """A word of the kind within CUE_WINDOW words of the name, or its pattern."""
    if pattern(kind, lower, start, end, first, last):
        return True
    near = {
        "dataset": DATASET_NEAR,
        "company": COMPANY_NEAR,
        "method": METHOD_NEAR,
        "task": TASK_NEAR,
        "metric": METRIC_NEAR,
    }.get(kind)
    if near is None:
        return False
    before = lower[max(first, start - CUE_WINDOW) : start]
    after = lower[end : min(last, end + CUE_WINDOW)]
    return not near.isdisjoint(before) or not near.isdisjoint(after)
