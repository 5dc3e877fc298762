"""`results`: each metric value with the dataset it was measured on and the baseline it is
relative to (see `comparisons`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span

from extractors.entities.comparison_baselines import referred_baselines
from extractors.entities.comparison_cues import RELATIVE, clause_bounds
from extractors.entities.comparison_elided import elided_values
from extractors.entities.comparison_objects import LIST_GAP, Names, object_names
from extractors.entities.comparison_wins import Win
from extractors.entities.metric_values import NUM, UNIT
from extractors.entities.text import Sentences


class Result(NamedTuple):
    """A reported number: the metric, its value, and what it was measured on and against."""

    metric: str
    value: str
    unit: str | None
    setting: str | None
    dataset: str | None
    baseline: str | None
    method: str | None  # the paper's own method it is a result of
    start: int  # of the metric in the text


def _listed(text: str, datasets: list[tuple[int, int, str]]) -> list[str]:
    """The names of `datasets` where they are one list (`Immune and Lung`, `A, B, and C`),
    else none."""
    ordered = sorted(datasets)
    for (_, end, _), (start, _, _) in zip(ordered, ordered[1:], strict=False):
        if not LIST_GAP.fullmatch(text, end, start):
            return []
    return list(dict.fromkeys(name for _, _, name in ordered))


def _nearest(items: list[tuple[int, int, str]], at: int) -> str | None:
    if not items:
        return None
    return min(items, key=lambda m: abs(m[0] - at))[2]


def results(
    sents: Sentences, measured: list[Span], names: Names, beaten: list[Win], metrics: list[Span] | None = None
) -> list[Result]:
    """Each metric value with its dataset and baseline, read from the metric's clause first
    (`On A it gains 5.2 pt over X, and on B 19.3 pt over Y`), then from its sentence; a
    metric with as many values as its sentence lists datasets gives each value the dataset
    in its place (`on A and B (27.45% and 59.64%)`), and likewise the methods a sentence
    refers to (`compared to these approaches`) where it names none. `metrics`, all metric
    spans (valued or not), give the values told apart from them (`comparison_elided`)."""
    text = sents.text
    all_datasets = {name for _, _, name in names.datasets}
    mentions = names.dataset_mentions(text)
    out: list[Result] = []
    seen: set[tuple[str, str, str | None, str | None]] = set()
    for span in measured:
        values = [(value, unit) for value, unit in span._.kg_values if value is not None]
        sentence = sents.at(span.start_char)
        lo, hi = clause_bounds(text, span.start_char, sentence.start_char, sentence.end_char)
        in_sentence = [d for d in mentions if sentence.start_char <= d[0] < sentence.end_char]
        in_clause = [d for d in in_sentence if lo <= d[0] < hi]
        dataset = _nearest(in_clause or in_sentence, span.start_char)
        if dataset is None and len(all_datasets) == 1:
            dataset = next(iter(all_datasets))
        listed = _listed(text, in_sentence)
        datasets = listed if len(values) >= 2 and len(listed) == len(values) else [dataset] * len(values)
        baseline = _baseline(text, lo, hi, names, beaten, span.start_char) or _baseline(
            text, sentence.start_char, sentence.end_char, names, beaten, span.start_char
        )
        against: list[str | None] = [baseline] * len(values)
        referred = [] if baseline else _referred(sents, sentence.start_char, names, beaten)
        if len(referred) == 1:
            against = [referred[0]] * len(values)
        elif len(values) >= 2 and len(referred) == len(values):
            against = list(referred)  # `5.5 pt and 19.3 pt higher F1 compared to these approaches`: in order
        for (value, unit), on, relative_to in zip(values, datasets, against, strict=True):
            key = (span.kb_id_, value, on, relative_to)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Result(
                    span.kb_id_,
                    value,
                    unit,
                    span._.kg_setting,
                    on,
                    relative_to,
                    names.winner(sentence.start_char, span.start_char),
                    span.start_char,
                )
            )
    for elided in elided_values(sents, measured, beaten, metrics or measured):
        # a margin over a method is the paper's own result; a level another system reaches is not
        span, at = elided.span, elided.at
        sentence = sents.at(at)
        lo, hi = clause_bounds(text, at, sentence.start_char, sentence.end_char)
        in_sentence = [d for d in mentions if sentence.start_char <= d[0] < sentence.end_char]
        on = _nearest([d for d in in_sentence if lo <= d[0] < hi] or in_sentence, at)
        if on is None and len(all_datasets) == 1:
            on = next(iter(all_datasets))
        over = elided.over
        if over is None and elided.listed:
            over = _baseline(text, at, hi, names, [], at)  # `2.5% over HiP-AD`
        key = (span.kb_id_, elided.value, on, over)
        if key in seen:
            continue
        seen.add(key)
        own = names.winner(sentence.start_char, at) if over or elided.listed else None
        out.append(Result(span.kb_id_, elided.value, elided.unit, span._.kg_setting, on, over, own, at))
    return out


def _baseline(text: str, start: int, end: int, names: Names, beaten: list[Win], at: int) -> str | None:
    """The method the numbers of `text[start:end]` (a clause or a sentence) are relative
    to: after `over`, `than`, `compared to` ..., the method a change is told on (`from 73.96%
    to 77.84% on BGE-M3`), or the one method its win cue names, or,
    where a win names several each with its margin (`outperforms A by 5.2 pt in EA and B by
    15.9 pt`), the one right before the metric at `at`."""
    known = {name for _, _, name in names.methods}
    for match in RELATIVE.finditer(text, start, end):
        bound = end
        if match.group()[0].isupper():
            # an opening clause (`Compared to the X baseline, ...`) names what the rest of the
            # sentence is relative to; a number inside it is X's own (`Compared to X (R@5=0.991), ...`)
            comma = text.find(",", match.end(), end)
            bound = comma if comma >= 0 else end
            if at < bound:
                continue
        found = object_names(text, match.end(), bound, names)
        if match.group().startswith(("below", "above")):
            # a method, or a name with its score: `below a full-attention Transformer++ (26.88)`;
            # not `below USD 450`, `above English`
            found = [name for name in found if name in known or _scored(text, name, match.end(), end)]
        if found:
            return found[0]
    change = FROM_TO_ON.search(text, start, end)  # the first only: `from A to B for X, from C to D for Y`
    if change is not None:
        # a method, not a dataset (`from 0.908 to 0.930 on ALFWorld`)
        on_method = [name for name in object_names(text, change.end(), end, names)[:1] if name in known]
        if on_method:
            return on_method[0]
    in_sentence = list(dict.fromkeys(win.name for win in beaten if start <= win.start < end))
    if len(in_sentence) == 1:
        return in_sentence[0]
    before = [win for win in beaten if start <= win.at < at]
    last = max(before, key=lambda win: win.at) if before else None
    return last.name if last is not None and " by " in text[last.at : at] else None


# the method a change is told on, the `from` value being its own: `boosting NDCG@10 from 73.96%
# to 77.84% on BGE-M3`, `reduces the error rate from 72.6% to 14.1% for WhisperNet`
FROM_TO_ON = re.compile(rf"\bfrom\s+{NUM}(?:{UNIT})?\s+to\s+{NUM}(?:{UNIT})?\s+(?:on|for)\s+(?:the\s+)?")
SCORE_AFTER = re.compile(r"\s*\(\s*[~≈]?\d")


def _scored(text: str, name: str, start: int, end: int) -> bool:
    """Is `name`, written at or after `start`, followed by its score in brackets?"""
    at = text.find(name, start, end)
    return at >= 0 and SCORE_AFTER.match(text, at + len(name)) is not None


def _referred(sents: Sentences, sentence_start: int, names: Names, beaten: list[Win]) -> list[str]:
    """The methods a sentence's numbers are relative to where it refers to them (`5.5 pt and
    19.3 pt higher F1 compared to these approaches`): those the sentence before it beats."""
    text = sents.text
    sentence = sents.at(sentence_start)
    end = sentence_start + len(sentence.text)
    earlier = [win for win in beaten if win.start < sentence_start]
    if not earlier:
        return []
    last = sents.at(max(win.start for win in earlier)).start_char
    listed = list(dict.fromkeys(win.name for win in sorted(earlier, key=lambda w: w.at) if win.start >= last))
    for match in RELATIVE.finditer(text, sentence_start, end):
        referred = referred_baselines(text, match.end(), end, listed)
        if referred:
            return referred
    return []
