"""Values that are conditions, not results: an operating point after `at`. In `87.8% TPR at 1%
FPR`, `recall at 95% precision`, `tested at +5 dB and 0 dB SNR`, `accuracy at 10% sparsity` the
value after `at` fixes where the other one is read: a value after `at` with a noun after it is
none of the metric before `at`, and one right before its metric (a noun or two between) is none
of that metric. But a value with a comparative is a result (`at 40% lower cost`), so is one that
closes its phrase (`accuracy at 83.43%, outperforming ...`), a verb's own level (`detects leaks
at 97.0% precision`) and the cost a result is reached at (`0.82 quality at 900 ms latency`).
"""

from __future__ import annotations

import re

from extractors.entities.metric_values import NUM, UNIT

# the `at` before a condition, and what makes the value after it one: the sentence's verb of
# evaluation or a condition word (`tested at`, `noisy conditions at`), another value of its clause first
AT_BEFORE = re.compile(r"(?<![\w-])[Aa]t\s+$")
EVALUATED_AT = re.compile(
    r"\b(?:evaluated|tested|measured|assessed|operating|operated|calibrated|fixed|set|conditions?|settings?|levels?)\s+$"
)
VALUE_BEFORE = re.compile(rf"(?<![\w.])(?:{NUM}(?:{UNIT})|\d+\.\d+)(?![\w.])")  # another value of the clause
# a noun after the value (`at 1% FPR`, `at 10% sparsity`); not a preposition, comparative, participle
CONDITION_NOUN = re.compile(
    r"\s*(?!(?:on|in|for|with|across|and|or|under|over|per|while|when|compared|than|vs|versus|respectively|"
    r"lower|higher|less|more|fewer|better|worse|smaller|larger|faster|slower|reduced|of|to|from|by|the|its|"
    r"their|overall|alone|only|each|total|average|[a-z]+ed|[a-z]+ly)\b)[A-Za-z]"
)
# what a result is reached at is a cost the paper reports, not a condition it sets
RESOURCE = re.compile(
    r"\b(?:latency|latencies|throughput|time|cost|costs|memory|footprint|FLOPs|GFLOPs|parameters?|"
    r"parameter\s+count|speed|energy|overhead|size|tokens)\b",
    re.I,
)
RESOURCE_AFTER = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}{RESOURCE.pattern}", re.I)
# the words between a condition's value and its metric: a noun or two, no comparative or change
CONDITION_GAP = re.compile(
    r"\s*(?:(?!(?:lower|higher|less|more|fewer|better|worse|smaller|larger|faster|slower|reduced|relative|"
    r"absolute|improvements?|gains?|increases?|reductions?|decreases?|drops?|lifts?|boosts?)\b)[a-z][\w-]*\s+){0,2}"
)


def condition_after(text: str, pos: int) -> bool:
    """Does a noun follow the value after `at` that ends at `pos` (`TPR at 1% FPR`)?"""
    return CONDITION_NOUN.match(text, pos) is not None


def resource_after(text: str, pos: int) -> bool:
    """Is that noun a cost, whose value the value is (`recall at 7 ms inference overhead`)?"""
    return RESOURCE_AFTER.match(text, pos) is not None


def at_condition(text: str, before: re.Match[str], first: int, start: int, end: int) -> bool:
    """Is the value found before a metric at `start`-`end` (the last of a list whose first
    starts at `first`) an operating point, written after `at` with nothing but a noun or two
    between it and the metric, where its clause reports another value first (`87.8% TPR at 1%
    FPR`), the sentence opens with it (`At 0 dB SNR,`) or evaluates at it (`tested at 0 dB SNR`)?
    A verb's own level is its result (`detects leaks at 97.0% precision`), and so is the cost a
    result is reached at (`0.82 quality at 900 ms latency`, `at 2.8% memory footprint`)."""
    value_end = max(before.end(g) for g in ("num", "unit", "upper") if before.group(g) is not None)
    if not CONDITION_GAP.fullmatch(text, value_end, start) or RESOURCE.search(text, value_end, end):
        return False
    at = AT_BEFORE.search(text, max(0, first - 4), first)
    if at is None:
        return False
    clause = max(text.rfind(mark, 0, at.start()) for mark in ",;:") + 1
    return (
        not text[: at.start()].strip()
        or EVALUATED_AT.search(text, max(clause, at.start() - 30), at.start()) is not None
        or VALUE_BEFORE.search(text, clause, at.start()) is not None
    )
