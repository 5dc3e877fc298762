"""Values whose metric is named once for several (see `comparison_results`):

    outperforms A by 5.2 pt in execution accuracy and B (ReAct) by up to 15.9 pt
    attains a B-F1 of 0.65, outperforming the strongest baseline, TopSeg, by 0.17 absolute points
    improves the driving score by 4.6% over A and 2.5% over B
    improves F1 by 5.05%, 2.09%, and 0.86% over A, B, and C, respectively
    X reaches 66.5% P@1, and Y achieves 54.1%
    a clean split of 57.6% against 0% Exact Match
    X achieves higher recall than A or B (63.1% ± 29.5% vs. 37.0% vs. 17.3%)
    X achieves the best evidence F1 among the controllers, reaching 62.3% on clean data and 71.2% under noise

A value no metric took, in the sentence of a metric given a value, is that metric's where
it is the margin over a method the sentence beats (`B by 15.9 pt`), the next of the
metric's values over its own baseline (`2.5% over B`) or the last of their list, the level
another system of the sentence reaches in the same unit (`Y achieves 54.1%`), or the
paper's value set against the metric's (`57.6% against 0%`), or the values set against
each other in brackets right after the metric (`higher recall than A (63.1% vs. 37.0%)`),
or those a best metric reaches after a comma (`the best F1 among them, reaching 62.3% on A
and 71.2% on B`). Not where a word follows the
value (`54.1% of queries`, `1.7% in dwell time`: another measure, named or not), after a
name the sentence does not beat (`and dwell time by 3%`), past a value of another measure,
nor where the metric ends a list of measures (the values are the list's)."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span

from extractors.entities.comparison_wins import Win
from extractors.entities.metric_values import HEDGE, NUM, UNIT, clean_value
from extractors.entities.text import Sentences

# a value with its unit; `0.17 absolute points` whole (the lookahead, a value's first character,
# makes the scan faster)
ELIDED_VALUE = re.compile(
    rf"(?=[-+−\s$\d])(?<![\w.@^-])(?P<num>{NUM})(?P<unit>\s(?:absolute|relative)\s+(?:percentage\s+)?points?\b|{UNIT})"
)
# values set against each other in brackets after the metric and what it is compared with:
# `higher recall than A or B (63.1% $\pm$ 29.5% vs. 37.0% vs. 17.3%; p < 0.01)`
SPREAD = rf"(?:\s*(?:±|\+/-|\$\\pm\$|\\pm)\s*{NUM}(?:{UNIT})?)?"
VERSUS_VALUE = re.compile(rf"(?P<num>{NUM})(?P<unit>{UNIT})?{SPREAD}")
VERSUS_AFTER = re.compile(
    rf"(?P<gap>[^()%;:]{{0,80}}?)\(\s*(?P<list>{NUM}(?:{UNIT})?{SPREAD}(?:\s*(?:vs\.?|versus)\s*{NUM}(?:{UNIT})?{SPREAD})+)"
    r"\s*(?:[;,][^()]*)?\)"
)
VERSUS_SPLIT = re.compile(r"\s*(?:vs\.?|versus)\s*")
# the values a best metric reaches, told after a comma: `the best evidence F1 among the
# compared controllers, reaching 62.3% on clean data and 71.2% under redundancy injection`
SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:best|highest|lowest|top|strongest|greatest|smallest|largest)\s+(?:[\w-]+\s+){0,2}$", re.I
)
REACHING_AFTER = re.compile(
    rf"[^()%;:.,\d]{{0,70}},\s+(?:reaching|achieving|attaining|scoring|with)\s+(?:an?\s+)?{HEDGE}"
    rf"(?P<num>{NUM})(?P<unit>{UNIT})?"
)
# a reached value ends its clause or is followed by its condition, not by another measure's name
REACHED_END = re.compile(r"\s*(?:[,.;)]|$)|\s+(?:on|in|under|at|for|across|and|respectively|while|whereas)\b")
# the next reached value: `62.3% on clean data and 71.2%`, `54.6% and 82.1%`, `70.8, 51.7, and 46.2`
NEXT_REACHED = re.compile(
    rf"(?:\s+(?:on|in|under|at|for|across)\s+[^,;%\d()]{{1,40}}?)?(?:,\s*(?:and\s+)?|\s+and\s+){HEDGE}"
    rf"(?P<num>{NUM})(?P<unit>{UNIT})?"
)
# a text where a metric given no value may have values told apart (checked before the names
# of a paper with no win cue and no valued metric are read)
MAY_HAVE_APART = re.compile(r"\b(?:vs|versus)\b|,\s+(?:reaching|achieving|attaining|scoring|with)\s")
# what introduces it: a margin, or a level reached
MARGIN_BEFORE = re.compile(rf"\sby\s+{HEDGE}$")
LEVEL_BEFORE = re.compile(
    rf"(?:,\s*(?:and|while|whereas)|\s(?:and|while|whereas))\s+(?P<subject>[^,;:%]{{2,60}}?)\s+"
    rf"(?:(?:achiev|reach|attain|obtain|scor|yield|record|get|gett|manag|add)\w*|"
    rf"(?:improv|rais|lift|boost)\w*\s+(?:it|them)\s+by)\s+(?:an?\s+|only\s+|just\s+|further\s+)?{HEDGE}$"
)
BEFORE_WINDOW = 100
# the next value of the metric, each over its own baseline: `by 4.6% over A and 2.5% over B`
PRIOR_OVER = re.compile(
    r"\s+(?:over|than|compared\s+(?:to|with)|relative\s+to|against)\s+[^,;:%()]{1,50}?"
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:by\s+)?{HEDGE}"
)
# the last of a list of the metric's values: `by 5.05%, 2.09%, and 0.86% over A, B, and C`
DIRECT_LIST = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){HEDGE}")
# `respectively` after the metric's values, not after a list of measures (`in AC@T and AR@T`)
LIST_RESPECTIVELY = re.compile(r"\s*,?\s*(?:(?!in\b)[^\s\d%]+\s+(?:[^\s\d%]+\s+){0,5}?)?respectively\b")
# a metric last in a list of measures (`headway variability, bunching events, and waiting
# time by 32.0%, 69.2%, and 24.0%, respectively`): the values go to the list
LISTED_METRIC = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:the\s+)?$")
# the paper's value set against the one the metric took: `46.5% vs. 35.0% recall@100`
VERSUS_BEFORE = re.compile(
    rf"(?<![\w.@^-])(?P<num>{NUM})(?P<unit>{UNIT})\s*(?:vs\.?|versus|against)\s+(?P<other>{NUM}(?:{UNIT})?)\s*$"
)
VERSUS_WINDOW = 60
OVER_AFTER = re.compile(r"\s+(?:over|compared\s+(?:to|with)|relative\s+to|against)\s")
NEXT_IN_LIST = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){HEDGE}(?<![\w.@^-])(?P<num>{NUM})(?P<unit>{UNIT})")
RESPECTIVELY = re.compile(r"\s*,?\s*(?:\S+\s+){0,6}?respectively\b")
# what may follow it: the clause ends, or what it is relative to
VALUE_END = re.compile(
    r"\s*(?:[,.;)]|$)|\s+(?:over|than|compared|relative|against|versus|vs\b|respectively|while|whereas|and|but)\b"
    r"|\s+(?:with|under|when|using|across|without)\s|\s+on\s+(?=[A-Z])"  # its conditions: `with fixed settings`
)
# between a beaten name and the `by` of its margin: `B (ReAct) by`, `baseline, TopSeg, by`
NAME_GAP = re.compile(r"[\s,)\]]*")


class Elided(NamedTuple):
    """A value (`value`, `unit`) of the metric `span`, written at `at`; for a margin, the
    method it is over."""

    span: Span
    value: str
    unit: str | None
    at: int
    over: str | None
    listed: bool = False  # the next value of the metric, with what it is over after it


def elided_values(
    sents: Sentences, measured: list[Span], beaten: list[Win], metrics: list[Span] | None = None
) -> list[Elided]:
    """The values of `measured` metrics written apart from them, in text order. Only where
    every value between the metric's last and this one is the metric's (`from 66.6% to
    71.8%, whereas X reaches only 66.8%` after `at a 25% false-positive rate` gives it
    nothing); a list of margins goes to a list of as many beaten names in order where it
    says `respectively`; a list of levels (`43%, 78%, and 93%, respectively`) is another
    list of metrics'."""
    text = sents.text
    out: list[Elided] = []
    by_sentence: dict[int, list[Span]] = {}
    for span in measured:
        by_sentence.setdefault(sents.index(span.start_char), []).append(span)
    for spans in by_sentence.values():
        sentence = sents.at(spans[0].start_char)
        claimed = {value for span in spans for value, _ in span._.kg_values if value is not None}
        claimed |= {_clean(part) for value in claimed for part in ELIDED_VALUE.finditer(value)}  # `92.96% +/- 0.91%`
        taken: set[int] = set()  # values given in a list
        gap_open = False  # an unclaimed value was passed since the last metric or its value
        claimed_end = -1  # where the last value the metric took ends
        last_metric: Span | None = None
        for match in ELIDED_VALUE.finditer(text, min(span.end_char for span in spans), sentence.end_char):
            metric = max((s for s in spans if s.end_char <= match.start()), key=lambda s: s.start_char, default=None)
            if metric is not last_metric:
                last_metric, gap_open, claimed_end = metric, False, -1
            value, unit = clean_value(match.group("num"), match.group("unit"))
            if (
                metric is None
                or match.start() in taken
                or any(s.start_char <= match.start() < s.end_char for s in spans)
            ):
                continue
            if value in claimed:
                gap_open = False
                if value in {v for v, _ in metric._.kg_values}:
                    claimed_end = match.end()
                continue
            if (
                claimed_end >= 0
                and PRIOR_OVER.fullmatch(text, claimed_end, match.start())
                and OVER_AFTER.match(text, match.end())
            ):
                out.append(Elided(metric, value, unit, match.start(), None, True))  # `by 4.6% over A and 2.5% over B`
                gap_open, claimed_end = False, match.end()
                continue
            if (
                claimed_end >= 0
                and DIRECT_LIST.fullmatch(text, claimed_end, match.start())
                and VALUE_END.match(text, match.end())
                and (OVER_AFTER.match(text, match.end()) or LIST_RESPECTIVELY.match(text, match.end()))
                and not LISTED_METRIC.search(text, max(0, metric.start_char - 12), metric.start_char)
            ):
                out.append(Elided(metric, value, unit, match.start(), None))  # `by 5.05%, 2.09%, and 0.86% over`
                gap_open, claimed_end = False, match.end()
                continue
            window = max(sentence.start_char, match.start() - BEFORE_WINDOW)
            margin = MARGIN_BEFORE.search(text, window, match.start())
            if gap_open or not VALUE_END.match(text, match.end()):
                gap_open = gap_open or margin is None  # a margin over an unnamed baseline opens no gap
                continue
            gap_open = margin is None
            listed = _value_list(text, match)
            if margin is not None:
                overs = _beaten_before(text, beaten, metric.end_char, margin.start())
                respectively = RESPECTIVELY.match(text, listed[-1].end()) is not None
                if len(listed) == 1 and not respectively and overs:
                    overs = overs[-1:]
                elif not respectively or len(overs) != len(listed):
                    overs = []
                for item, over in zip(listed, overs, strict=False):
                    taken.add(item.start())
                    out.append(Elided(metric, *clean_value(item.group("num"), item.group("unit")), item.start(), over))
                if overs:
                    continue
            level = LEVEL_BEFORE.search(text, window, match.start())
            units = {unit_ for _, unit_ in metric._.kg_values}
            alone = len(listed) == 1 and RESPECTIVELY.match(text, match.end()) is None
            if level is not None and level.start() >= metric.end_char and unit in units and alone:
                out.append(Elided(metric, value, unit, match.start(), None))
        out.extend(_versus_before(text, spans))
    for span in metrics or measured:
        sentence = sents.at(span.start_char)
        out.extend(_versus_after(text, span, metrics or measured, sentence.end_char, beaten))
        if not span._.kg_values:
            out.extend(_reached_after(text, span, metrics or measured, sentence.end_char))
    return sorted(out, key=lambda elided: elided.at)


def _versus_after(text: str, span: Span, spans: list[Span], end: int, beaten: list[Win]) -> list[Elided]:
    """`higher recall than A (63.1% vs. 37.0%)`: the values in brackets after a metric, set
    against each other, where no other metric or value comes between; the first is over the
    one method beaten in between, if one."""
    found = VERSUS_AFTER.match(text, span.end_char, end)
    if LISTED_METRIC.search(text, max(0, span.start_char - 12), span.start_char):
        return []  # `accuracy and F1 (85.2% vs. 80.1%)`: whose, is not said
    if found is None or any(span.end_char <= s.start_char < found.start("list") for s in spans if s is not span):
        return []
    gap_start, gap_end = found.span("gap")
    over = list(dict.fromkeys(win.name for win in beaten if gap_start <= win.at < gap_end))
    own = {value for value, _ in span._.kg_values or []}
    out: list[Elided] = []
    at = found.start("list")
    for i, part in enumerate(VERSUS_SPLIT.split(found.group("list"))):
        value_match = VERSUS_VALUE.match(part)
        if value_match is None:
            continue
        value, unit = clean_value(value_match.group("num"), value_match.group("unit"))
        if value not in own:
            first_over = over[0] if i == 0 and len(over) == 1 else None
            out.append(Elided(span, value, unit, text.find(part, at), first_over))
    return out


def _reached_after(text: str, span: Span, spans: list[Span], end: int) -> list[Elided]:
    """`achieves the best F1 among them, reaching 62.3% on A and 71.2% on B`: the values a
    best metric given none reaches after a comma, where each ends its clause or has only its
    condition after it (not `reaching 96% F1-score`), and no other metric comes between."""
    if not SUPERLATIVE_BEFORE.search(text, max(0, span.start_char - 40), span.start_char):
        return []
    found = REACHING_AFTER.match(text, span.end_char, end)
    if found is None or any(span.end_char <= s.start_char < found.end() for s in spans if s is not span):
        return []
    out: list[Elided] = []
    match: re.Match[str] | None = found
    while match is not None and REACHED_END.match(text, match.end(), end):
        if any(match.start() <= s.start_char < match.end() for s in spans):
            break
        value, unit = clean_value(match.group("num"), match.group("unit"))
        out.append(Elided(span, value, unit, match.start("num"), None))
        match = NEXT_REACHED.match(text, match.end(), end)
    return out


def _versus_before(text: str, spans: list[Span]) -> list[Elided]:
    """`57.6% against 0% Exact Match`, `46.5% vs. 35.0% recall@100`: the value before the
    one a metric took right before it, where the two are set against each other."""
    out: list[Elided] = []
    for span in spans:
        found = VERSUS_BEFORE.search(text, max(0, span.start_char - VERSUS_WINDOW), span.start_char)
        if found is None:
            continue
        other = clean_value(*_num_unit(found.group("other")))[0]
        if other not in {value for value, _ in span._.kg_values}:
            continue
        value, unit = clean_value(found.group("num"), found.group("unit"))
        if value not in {v for v, _ in span._.kg_values}:
            out.append(Elided(span, value, unit, found.start(), None))
    return out


def _num_unit(written: str) -> tuple[str, str | None]:
    match = ELIDED_VALUE.match(written)
    return (match.group("num"), match.group("unit")) if match else (written, None)


def _clean(match: re.Match[str]) -> str:
    return clean_value(match.group("num"), match.group("unit"))[0]


def _value_list(text: str, first: re.Match[str]) -> list[re.Match[str]]:
    """The value `first` and those listed right after it (`by 6.3% and 6.0%`)."""
    out = [first]
    while (more := NEXT_IN_LIST.match(text, out[-1].end())) is not None:
        out.append(more)
    return out


def _beaten_before(text: str, beaten: list[Win], start: int, by: int) -> list[str]:
    """The beaten methods written right before the `by` of a margin (`B (ReAct) by`, `the
    strongest baseline, TopSeg, by`), after the metric (`start`): the last, and those its
    cue beats before it (`outperforms Graph RAG and Light RAG by`), in order."""
    near = [win for win in beaten if start <= win.at < by]
    if not near:
        return []
    last = max(near, key=lambda win: win.at)
    end = last.at + len(last.name)
    if text[last.at : end] != last.name or not NAME_GAP.fullmatch(text, end, by):
        return []
    same_cue = sorted((win for win in near if win.start == last.start), key=lambda win: win.at)
    return list(dict.fromkeys(win.name for win in same_cue))
