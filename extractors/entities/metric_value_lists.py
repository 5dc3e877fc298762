"""Lists of values after their metrics: a list of metrics and, after `by` or `of`, as many
values in the same order (`lowers R@5, EM and F1 by 3.5, 6.0 and 5.2 points`, as if
`respectively` followed), or one value for all (`improves AUC and GAUC by 0.02`); and one metric's list of values whose unit the last one gives to
all (`lowers WMAPE by 3.29, 1.25, and 0.47 percentage points`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.entities.metric_values import HEDGE, NUM, TEX_OPEN, UNIT, clean_value, plausible

# the words between a list of metrics and its values: `F1 by`, `F1 scores of`, `F1 rise by`
AFTER_LIST_LEAD = re.compile(
    r"\s+(?:scores?\s+)?(?:(?:improv|increas|ris|ros|gain|boost|lift|reduc|decreas|drop|declin|fall|fell|lower|rais)"
    rf"\w*\s+)?(?:\w+ly\s+)?(?:by|of)\s+{HEDGE}"
)
# a number of a list, in TeX too: `$5.4\%$`
LIST_NUMBER = re.compile(rf"(?<![\w.]){TEX_OPEN}(?P<num>{NUM})(?P<unit>{UNIT})?(?(tex)\$?)(?![\w.])")
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")  # between two values of a list
METRIC_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:the\s+)?")  # between two metrics
LIST_WINDOW = 120
# what may follow a list of values: its end, or where or against what it was measured; not
# another measure (`an AUC of 0.93 and 5-fold cross-validated F1`, `0.764, 95% CI`)
LIST_END = re.compile(
    r"\s*(?:[,.;)]|$)|\s+(?:on|in|for|at|under|across|over|compared|relative|respectively|than|with|when|while|after|"
    r"against|versus|vs)\b"
)


def runs_of(items: list[tuple[int, int]], text: str, gap: re.Pattern[str]) -> list[list[tuple[int, int]]]:
    """(start, end) items grouped into the lists they form, joined by `gap` (`, `, `and`)."""
    runs: list[list[tuple[int, int]]] = []
    for item in items:
        if runs and gap.fullmatch(text, runs[-1][-1][1], item[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def number_run(text: str, pos: int) -> list[re.Match[str]]:
    """The numbers listed from `pos` on: `3.5, 6.0 and 5.2 points` (the first at `pos`)."""
    run: list[re.Match[str]] = []
    end = min(len(text), pos + LIST_WINDOW)
    while True:
        match = LIST_NUMBER.match(text, pos, end)
        if match is None:
            return run
        run.append(match)
        gap = LIST_GAP.match(text, match.end(), end)
        if gap is None:
            return run
        pos = gap.end()


def with_shared_unit(run: list[re.Match[str]]) -> list[tuple[str, str | None]]:
    """Each number of a list with the unit the last gives to all."""
    shared = run[-1].group("unit")
    return [clean_value(m.group("num"), m.group("unit") or shared) for m in run]


def unit_listed(text: str, pos: int) -> list[re.Match[str]]:
    """The rest of a list a value without a unit starts, where the last number has one:
    `3.29` of `by 3.29, 1.25, and 0.47 percentage points` (the list after `3.29` at `pos`)."""
    gap = LIST_GAP.match(text, pos)
    if gap is None:
        return []
    run = number_run(text, gap.end())
    if not run or not run[-1].group("unit") or not LIST_END.match(text, run[-1].end()):
        return []
    last_gap = text[run[-2].end() : run[-1].start()] if len(run) >= 2 else text[pos : run[-1].start()]
    return run if "and" in last_gap.split() else []  # `3.29, 1.25, and 0.47 points`, not `0.084, 1.63x`


def listed_after_pairs(text: str, metrics: list[Span], used: set[int]) -> dict[int, list[tuple[str, str | None]]]:
    """`improves R@5, EM, and F1 by 3.51, 5.96, and 5.22 points`: a list of two or more
    metrics, then `by` or `of` and as many values, gives each metric (by its start) the
    value in its place, with the unit of the last where it has none; one value is each's."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    names = sorted({(s.start_char, s.end_char) for s in metrics})
    for run in runs_of(names, text, METRIC_GAP):
        if len(run) < 2:
            continue
        lead = AFTER_LIST_LEAD.match(text, run[-1][1])
        if lead is None:
            continue
        values = number_run(text, lead.end())
        if not values or not LIST_END.match(text, values[-1].end()):
            continue
        if len(values) == 1:
            values = values * len(run)  # `improves AUC and GAUC by over 0.02`: the one value is each's
        if len(values) != len(run) or any(m.start("num") in used for m in values):
            continue
        if not all(plausible(m.group("num"), m.group("unit") or values[-1].group("unit"), True) for m in values):
            continue
        for (name_start, _), match, value in zip(run, values, with_shared_unit(values), strict=True):
            used.add(match.start("num"))
            out[name_start] = [value]
    return out
