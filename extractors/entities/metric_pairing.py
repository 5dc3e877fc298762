"""Which value belongs to which metric, in the phrasings papers use:

    +20.00% online CTR            value, optional setting, metric
    CTR by 2.71%                  metric, by/of/to, value
    recall 0.592                  metric, a decimal right after it
    HR@5 increased from 0.68 to 0.73   the value reached
    Recall@200 by over 25%        hedges: up to, over, about, an average of
    a 0.63% improvement in QAUC   value, change noun, in/on/of, metric
    R@5 to 71.4%(+1.8%)           a bracketed change after the value is a value too
    by 0.210% in A and 0.185% in B, (81.2%, 79.4%, and 80.6% respectively)

and lists of metrics with as many values (`precision and accuracy of 90% and 82%
respectively`, `3.80%, 2.64% and 2.17% on R@5, R@10 and R@20`). `used` holds the
character offsets of the values already given to a metric, so that each is given once.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.entities.metric_conditions import at_condition, condition_after, resource_after
from extractors.entities.metric_context import DEFINITION_WORDS
from extractors.entities.metric_value_lists import LIST_GAP, runs_of, unit_listed, with_shared_unit
from extractors.entities.metric_values import (
    CHANGE,
    HEDGE,
    NUM,
    TO_SEP,
    UNIT,
    VALUE,
    YEAR,
    clean_value,
    plausible,
    unit_of,
    value_of,
)
from extractors.entities.text import Sent, Sentences, initials_match

PREP_TIGHT = ("of", "to", "by", "=", ":", "reaching", "reaches", "reached")
# a decimal the metric is said to be is tight too: `the final AUC was 0.912`, `MRR is about 0.41`,
# `the AUC of our model is 0.93`
COPULA = re.compile(
    rf"\s*(?:of\s+(?:the\s+|our\s+|this\s+|its\s+)?(?:[\w-]+\s+){{1,3}}?)?"
    rf"(?:is|was|were|are|equals?|stands\s+at|stood\s+at)\s+{HEDGE}(?:~\s?)?\$?"
)
# the baseline a change is measured against, between the measure and `from`: `accuracy over Baseline
# RAG from 56.25% to 78.13%`
BASELINE = r"(?:over|against|versus|vs\.?|compared\s+(?:to|with)|relative\s+to)\s+[^,.;:%()\d]{1,40}?"

# metric ... value
AFTER = re.compile(
    rf"(?:\$(?=\s))?\s*(?:\)\s*)?"  # after a TeX name's closing `$` (`$R^2$ of 0.93`) or a bracket
    rf"(?:(?:score|scores|metric|metrics|rate|performance)\s+)?(?:(?:that|which)\s+(?=is|was|are|were))?"
    rf"(?:(?:is|was|were|are|has|have)\s+)?"
    rf"(?:(?:increas\w*|improv\w*|ris\w*|gain\w*|grow\w*|boost\w*|lift\w*|reduc\w*|decreas\w*|drop\w*|declin\w*|achiev\w*|reach\w*|rang\w*|rose|grew|fell|up|down|"
    rf"fall(?:s|en|ing)?|degrad(?:es|ed|ing)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?)\s+)?"
    rf"(?:(?!only\b)\w+ly\s+)?"  # `falls sharply from`, `degrades monotonically (from`
    rf"(?:(?:improvements?|gains?|increases?)\s+)?(?:(?:of|for|on|across|in|at|over|among|under)\s+(?:the\s+|a\s+)?"
    # a few words that do not start another phrase: not `gains over X and reducing memory by 16x`
    rf"(?:(?!(?:and|or|but|while|whereas|with)\s)[\w'’-]+\s+){{1,7}}?(?=by\b|was\b|were\b|is\b|are\b))?"
    rf"(?:(?:was|were|is|are)\s+)?"
    rf"(?:{BASELINE}\s+(?=from\s))?"
    # a change in brackets, closed after the value reached: `accuracy degrades (from 93.8% to 90.1%)`
    rf"(?:\(\s*(?=from\s[^()]{{1,40}}?\sto\s[^()\s]{{1,20}}\s*\)))?"
    rf"(?:(?P<prep>by|of|to|at|from|=|:|reaching|reaches|reached)\s*)?"
    rf"(?P<open>\(\s*)?"  # its values in brackets: `exact-match accuracy (27.45% and 59.64%)`
    rf"(?:\\text(?:bf|it)\{{)?"  # in bold: `Payment GTV by \textbf{+2.54\%}`
    rf"{HEDGE}{VALUE}"
    r"(?!\s*(?:CI|confidence|faster|slower)\b)"  # `(95% CI)`, `(10x faster)`: no value of this metric
)
# value ... metric
BEFORE = re.compile(
    rf"(?<![\w.]){VALUE}\s*(?:\(\s*[^()]{{0,20}}\)\s*)?(?:(?:online|offline|relative|absolute|higher|lower|better|more|fewer|less)\s+)?"
    rf"(?:{CHANGE}\s*(?:(?:over|compared\s+(?:to|with)|against)\s+[^,.;%]{{0,50}}?\s+)?(?:in|on|of|for|at|to)\s+(?:the\s+|terms\s+of\s+|overall\s+|online\s+|offline\s+|average\s+)*)?"
    # the words between may not join another phrase: in `RN by 6.02% and GMV by 1.22%`
    # 6.02% is not GMV's
    rf"(?:(?:in|on|at|of)\s+(?:the\s+|terms\s+of\s+)*)?(?:the\s+)?(?:(?!(?:and|or|but|while|whereas)\s)[a-z][\w-]*\s+){{0,2}}$"
)
RANGING = re.compile(r"\b(?:rang\w*|vary\w*|varie\w*|between)\s+$")
# a value with its metric in brackets after it: `gains of up to +10.2% (HR@1) and +6.4% (HR@5)`
VALUE_THEN_BRACKET = re.compile(rf"(?<![\w.]){VALUE}\s*\(\s*$")
BRACKET_CLOSE = re.compile(r"\s*\)")
# the value a clause after the metric's condition reaches: `the best evidence F1 among the compared
# methods, reaching 62.3% on clean data`; not one another measure follows (`reaching 76.4% macro success`)
REACHING = re.compile(
    r"\s+(?:among|in|on|across|of|for|at)\s+[^,.;()%\d]{1,50},\s+(?:reaching|achieving|attaining|hitting)\s+"
    rf"{HEDGE}{VALUE}(?=\s*(?:[,.;)]|$)|\s+(?:on|in|under|for|with|across|at|respectively)\b)"
)
VALUE_THEN_BRACKET_WINDOW = 40
# the value reached, after the condition of the one left: `from 85.2% on easy patches to 24.0%`
FROM_TO = re.compile(rf"(?:\s+(?:on|under|in|for|at|with)\s+[^,.;()%\d]{{1,40}}?)?\s*(?P<prep>to)\s+{HEDGE}{VALUE}")
# `54.8% P@1 overall (54.6% on citation, 31.3% on inheritance)`: a value's parts in brackets,
# each with what it was measured on
PARTS = re.compile(
    rf"\s*(?:overall|on\s+average|in\s+total|average)?\s*\(\s*{VALUE}(?=\s+(?:on|in|for|under|with|at)\s)"
)
# a value in a list before another: `5.5 pt and 19.3 pt higher F1`
LISTED_BEFORE = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})?\s*(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?{HEDGE}$")
LISTED_BEFORE_WINDOW = 40
LONG_FORM_BRACKET = re.compile(r"\s\($")  # `gross transaction volume (` before `GTV)`
ACRONYM_AT = re.compile(r"[A-Z][A-Za-z]*[A-Z](?=\s*\))")
# the words between a value and its metric in one noun phrase: `77.7% average accuracy`, not
# `4x achieved better specificity`
NOUN_GAP = re.compile(r"\s*(?:(?![\w-]+(?:ed|ing|es)\b)[a-z][\w-]*\s+){0,2}")
BRACKETED = re.compile(rf"\s*\(\s*(?P<num>[+\-−]\s?\d+(?:[.,]\d+)*)(?P<unit>{UNIT})?\s*\)")
# the next value of the same metric, after the condition of the one before: `0.210% in A
# and 0.185% in B`, `62.3% on clean data and 71.2% under noise`
CONTINUED = re.compile(
    rf"(?:\s+(?:in|on|for|under|with|across|at)\s+[^,.;()%]{{1,40}}?)?"
    rf"\s*(?<!\d)(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?{HEDGE}{VALUE}"
    r"(?=\s*(?:in|on|for|at|under|with|across|respectively)\b|\s*[,.;)]|\s*$|\s*\(\s*[+\-−]\s?\d)"
)
NAMED_AFTER = re.compile(r"\s*(?:in|on|of|for)\s+(?:the\s+|terms\s+of\s+)*")  # `1.2% in GMV`: GMV's
# the margin of a win after the value: `accuracy at 83.43%, outperforming the best single model
# by 1.01 percentage points`
MARGIN = re.compile(
    rf"\s*,?\s*(?:outperform|surpass|exceed|beat)\w*\s+[^,.;%()]{{1,60}}?\s+by\s+{HEDGE}{VALUE}"
    r"(?=\s*[,.;)]|\s*$|\s+(?:on|in|across|at|for|under)\s)"
)
# the relative change after a value: `a composite score of 4.53 (vs. 3.13) on a 5-point scale, a
# 44.7% improvement`, `85.2% accuracy, a 3.1% gain over X`, `by 31.6 points (a 3.0x relative improvement)`
RELATIVE_CHANGE = re.compile(
    r"(?:\s*\(\s*(?:vs\.?|versus|compared\s+(?:to|with))\s[^()]{1,30}\))?"
    r"(?:\s+(?:on|in|at|for|over|across)\s+[^,.;()%]{1,40}?)?"
    rf"\s*[,(]\s*(?:an?\s+|the\s+)?{HEDGE}{VALUE}\s+(?:relative\s+|absolute\s+)?"
    r"(?:improvement|gain|increase|reduction|decrease|lift|drop)\b"
)
MAX_MORE_VALUES = 6  # values one metric can list after its first
# not a number glued to a name by a hyphen: the `80GB` of `A100-80GB` is no value
VALUE_IN_LIST = re.compile(rf"(?<![\w.])(?<![A-Za-z\d]-)(?P<num>{NUM})(?P<unit>{UNIT})")
# `precision and accuracy of 90% and 82% respectively`, `+0.131% and +0.166% in active days and
# app usage duration, respectively`: a list of metrics and a list of as many values, in order
LISTED_VALUE = re.compile(rf"(?<![\w.])(?<![A-Za-z\d]-)(?P<num>{NUM})(?P<unit>{UNIT})?(?![\w.])")
METRIC_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:the\s+|its\s+|their\s+)?")
# between a list of values and the list of metrics they are in: ` improvements in `, ` on `
LIST_LEAD = re.compile(
    rf"(?<=[\d%x])\s*(?:(?:higher|lower|better|more|fewer|less)\s+|{CHANGE}\s+)?(?:in|on|of|for|at)\s+"
    r"(?:terms\s+of\s+|the\s+|both\s+)*$"
)
LIST_LEAD_WINDOW = 60


def values_for(span: Span, sentence: Sent, used: set[int], starts: frozenset[int]) -> list[tuple[str, str | None]]:
    """The values written beside a metric in its sentence: after it (AFTER), else before it
    (BEFORE), with the values that follow the first; `starts` are where metrics begin."""
    text = sentence.text
    base = sentence.start_char
    start = span.start_char - base
    end = span.end_char - base
    values: list[tuple[str, str | None]] = []
    after = AFTER.match(text, end, min(len(text), end + 110))
    if after and after.group("open"):
        before = BEFORE.search(text, max(0, start - 90), start)
        if before and NOUN_GAP.fullmatch(text, before.end("num") + len(before.group("unit") or ""), start):
            after = None  # `77.7% average accuracy (91.9% top-3)`: the value before is the metric's
    if after and named_after(text, after.end(), base, starts):
        after = None  # `accuracy by 15% points in Recall@10`: the value is Recall@10's
    if after and after.group("prep") == "at" and condition_after(text, after.end()):
        if not resource_after(text, after.end()):
            used.add(base + after.start("num"))  # `sensitivity at 95% specificity`: no metric's value
        after = None  # `TPR at 1% FPR`, `accuracy at 10% sparsity`: an operating point; `at 7 ms overhead`: its own
    if (
        after
        and after.group("prep") == "from"
        and not RANGING.search(text, max(0, after.start("prep") - 12), after.start("prep"))
    ):
        # `HR@5 increased from 0.681 to 0.735`: the value reached is the one reported
        # (but `ranging from 0.54% to 2.90%` is the range)
        # (`from 0.32-0.53 to 0.59-0.73`: the first value a range, the one reached after it)
        dashed = after.group("upper") and not TO_SEP.match(after.group("upper"))
        first_end = after.end("upper") if dashed else after.end("unit") if after.group("unit") else after.end("num")
        after = FROM_TO.match(text, first_end) or after
    # a decimal right after the metric is tight too: `recall 0.592`
    if after and plausible(
        after.group("num"),
        unit_of(after),
        after.group("prep") in PREP_TIGHT
        or not text[end : after.start("num")].strip()
        or COPULA.fullmatch(text, end, after.start("num")) is not None,
    ):
        pos = base + after.start("num")
        if pos not in used:
            used.add(pos)
            listed = [] if unit_of(after) or after.group("upper") else unit_listed(text, after.end())
            if listed and not any(base + m.start("num") in used for m in listed):
                # `WMAPE by 3.29, 1.25, and 0.47 percentage points`: the unit of the last is all's
                used.update(base + m.start("num") for m in listed)
                values.append(clean_value(after.group("num"), listed[-1].group("unit")))
                values.extend(with_shared_unit(listed))
            else:
                values.append(value_of(after))
                values.extend(more_values(text, after.end(), base, used, starts))
    if not values:
        before = BEFORE.search(text, max(0, start - 90), long_form_start(text, start))
        if before and plausible(before.group("num"), unit_of(before), before.end() == start and not unit_of(before)):
            pos = base + before.start("num")
            if pos not in used:
                used.add(pos)
                values.extend(listed_before(text, before.start("num"), base, used))
                values.append(value_of(before))
                first = first_listed(text, before.start("num"), len(values))
                if first is not None and at_condition(text, before, first, start, end):
                    return []  # `at 1% FPR`, `at +5 dB and 0 dB SNR`: the values are conditions
                parts = PARTS.match(text, end)
                if parts is not None and plausible(parts.group("num"), unit_of(parts), False):
                    used.add(base + parts.start("num"))
                    values.append(value_of(parts))
                    values.extend(more_values(text, parts.end(), base, used, starts))
                else:
                    values.extend(more_values(text, end, base, used, starts, (MARGIN, RELATIVE_CHANGE)))
    if not values and BRACKET_CLOSE.match(text, end):
        values.extend(value_then_bracket(text, start, base, used))
    if not values:
        reaching = REACHING.match(text, end)
        if (
            reaching
            and base + reaching.start("num") not in used
            and plausible(reaching.group("num"), unit_of(reaching), False)
        ):
            used.add(base + reaching.start("num"))
            values.append(value_of(reaching))
            values.extend(more_values(text, reaching.end(), base, used, starts))
    if not values and text.find("respectively", end) >= 0:
        values.extend(respectively_values(text, end, base, used))
    return values


def value_then_bracket(text: str, start: int, base: int, used: set[int]) -> list[tuple[str, str | None]]:
    """The value a metric in brackets at `start` follows: `+6.4% (HR@5)`, with a unit."""
    match = VALUE_THEN_BRACKET.search(text, max(0, start - VALUE_THEN_BRACKET_WINDOW), start)
    if match is None or base + match.start("num") in used or not plausible(match.group("num"), unit_of(match), False):
        return []
    used.add(base + match.start("num"))
    return [value_of(match)]


def first_listed(text: str, pos: int, listed: int) -> int | None:
    """Where the first of `listed` values ending with the one at `pos` starts (`+5 dB` of
    `at +5 dB and 0 dB SNR`), or None where they are no list."""
    for _ in range(listed - 1):
        match = LISTED_BEFORE.search(text, max(0, pos - LISTED_BEFORE_WINDOW), pos)
        if match is None:
            return None
        pos = match.start()
    return pos


def listed_before(text: str, pos: int, base: int, used: set[int]) -> list[tuple[str, str | None]]:
    """The values listed before one found before its metric, in order: `5.5 pt and 19.3 pt
    higher F1`, `12.57%, 9.1% and 14.37% in HR@10`; not one another metric took."""
    out: list[tuple[str, str | None]] = []
    while len(out) < MAX_MORE_VALUES:
        match = LISTED_BEFORE.search(text, max(0, pos - LISTED_BEFORE_WINDOW), pos)
        if match is None or base + match.start("num") in used:
            break
        if not plausible(match.group("num"), match.group("unit"), False):
            break
        used.add(base + match.start("num"))
        out.insert(0, clean_value(match.group("num"), match.group("unit")))
        pos = match.start()
    return out


def named_after(text: str, pos: int, base: int, starts: frozenset[int]) -> bool:
    """Is a value ending at `pos` followed by another metric it is given in (`by 1.2% in GMV`)?"""
    named = NAMED_AFTER.match(text, pos)
    return named is not None and base + named.end() in starts


def long_form_start(text: str, start: int) -> int:
    """Where the long form of an acronym in brackets at `start` begins (`1.54% improvement in
    gross transaction volume (GTV)`), so that the value before it is read; else `start`."""
    bracket = LONG_FORM_BRACKET.search(text, max(0, start - 3), start)
    if bracket is None:
        return start
    acronym = ACRONYM_AT.match(text, start)
    head = text[max(0, bracket.start() - 80) : bracket.start()]
    words = head.split()[-DEFINITION_WORDS:]
    first = initials_match(acronym.group(), words) if acronym is not None else None
    if first is None:
        return start
    return bracket.start() - len(" ".join(words[first:]))


def more_values(
    text: str,
    pos: int,
    base: int,
    used: set[int],
    starts: frozenset[int],
    patterns: tuple[re.Pattern[str], ...] = (BRACKETED, CONTINUED, MARGIN, RELATIVE_CHANGE),
) -> list[tuple[str, str | None]]:
    """Values that follow the first, each after the one before: `71.4%(+1.8%)`,
    `0.210% in A and 0.185% in B`, `+4.04 (+12.15%) on A and +4.98 (+15.21%) on B`,
    `62.3% on clean data and 71.2% under noise`; but not a value that another metric
    named right after it claims (`CTR by 2.71% and 1.2% in GMV`)."""
    out: list[tuple[str, str | None]] = []
    while len(out) < MAX_MORE_VALUES:
        for pattern in patterns:
            match = pattern.match(text, pos)
            if match and plausible(match.group("num"), unit_of(match), pattern is BRACKETED):
                break
        else:
            return out
        where = base + match.start("num")
        if where in used or named_after(text, match.end(), base, starts):
            return out
        used.add(where)
        out.append(value_of(match))
        pos = match.end()
    return out


def respectively_values(text: str, end: int, base: int, used: set[int]) -> list[tuple[str, str | None]]:
    """`on A, B and C (81.2%, 79.4%, and 80.6% respectively)`: the values listed
    before `respectively`, after the metric (inside the last bracket if any)."""
    stop = text.find("respectively", end)
    window_start = max(end, text.rfind("(", end, stop) + 1)
    out = []
    for value in VALUE_IN_LIST.finditer(text, window_start, stop):
        where = base + value.start("num")
        if where not in used:
            used.add(where)
            out.append(clean_value(value.group("num"), value.group("unit")))
    return out


def respectively_pairs(
    text: str, sents: Sentences, metrics: list[Span], used: set[int]
) -> dict[int, list[tuple[str, str | None]]]:
    """`precision and accuracy of 90% and 82% respectively`, `+0.131% and +0.166% in active
    days and app usage duration, respectively`: where a sentence lists metrics and as many
    values before its `respectively`, each metric (by its start) takes the value in its
    place. Lists of two or more, the last of each before the word."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    at = text.find("respectively")
    while at >= 0:
        sentence = sents.at(at)
        start = sentence.start_char
        names = sorted((s.start_char, s.end_char) for s in metrics if start <= s.start_char and s.end_char <= at)
        values = [
            m
            for m in LISTED_VALUE.finditer(text, start, at)
            if plausible(m.group("num"), m.group("unit"), True) and not YEAR.match(m.group("num"))
        ]
        name_runs = [r for r in runs_of(names, text, METRIC_LIST_GAP) if len(r) >= 2]
        by_span = {(m.start(), m.end()): m for m in values}
        value_runs = [r for r in runs_of(list(by_span), text, LIST_GAP) if len(r) >= 2]
        if name_runs and value_runs and len(name_runs[-1]) == len(value_runs[-1]):
            matches = [by_span[span] for span in value_runs[-1]]
            # `by 9.57 and 13.39 points`: the unit of the last is all's
            for (name_start, _), match, value in zip(name_runs[-1], matches, with_shared_unit(matches), strict=True):
                if match.start("num") not in used:
                    used.add(match.start("num"))
                    out[name_start] = [value]
        at = text.find("respectively", at + 1)
    return out


def listed_pairs(text: str, metrics: list[Span], used: set[int]) -> dict[int, list[tuple[str, str | None]]]:
    """`improvements of 3.80%, 2.64% and 2.17% on R@5, R@10 and R@20`, `14.1% and 12.5% in
    Recall@20 and NDCG@20`: a list of values right before a list of as many metrics gives
    each metric (by its start) the value in its place, as `respectively` would."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    names = sorted((s.start_char, s.end_char) for s in metrics)
    for run in runs_of(names, text, METRIC_LIST_GAP):
        if len(run) < 2:
            continue
        lead = LIST_LEAD.search(text, max(0, run[0][0] - LIST_LEAD_WINDOW), run[0][0])
        if lead is None:
            continue
        found = [m for m in LISTED_VALUE.finditer(text, max(0, lead.start() - LIST_LEAD_WINDOW), lead.start() + 1)]
        found = [m for m in found if plausible(m.group("num"), m.group("unit"), True)]
        by_span = {(m.start(), m.end()): m for m in found}
        runs = runs_of(list(by_span), text, LIST_GAP)
        if not runs or runs[-1][-1][1] != lead.start() or len(runs[-1]) != len(run):
            continue
        matches = [by_span[span] for span in runs[-1]]
        if any(m.start("num") in used for m in matches):
            continue
        for (name_start, _), match, value in zip(run, matches, with_shared_unit(matches), strict=True):
            used.add(match.start("num"))
            out[name_start] = [value]
    return out
