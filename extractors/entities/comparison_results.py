"""`results`: each metric value with the dataset it was measured on and the baseline it is
relative to (see `comparisons`)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span

from extractors.entities.comparison_cues import RELATIVE, clause_bounds
from extractors.entities.comparison_objects import LIST_GAP, Names, object_names
from extractors.entities.comparison_wins import Win
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


def results(sents: Sentences, measured: list[Span], names: Names, beaten: list[Win]) -> list[Result]:
    """Each metric value with its dataset and baseline, read from the metric's clause first
    (`On A it gains 5.2 pt over X, and on B 19.3 pt over Y`), then from its sentence; a
    metric with as many values as its sentence lists datasets gives each value the dataset
    in its place (`on A and B (27.45% and 59.64%)`)."""
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
        baseline = _baseline(text, lo, hi, names, beaten) or _baseline(
            text, sentence.start_char, sentence.end_char, names, beaten
        )
        for (value, unit), on in zip(values, datasets, strict=True):
            key = (span.kb_id_, value, on, baseline)
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
                    baseline,
                    names.winner(sentence.start_char, span.start_char),
                    span.start_char,
                )
            )
    return out


def _baseline(text: str, start: int, end: int, names: Names, beaten: list[Win]) -> str | None:
    """The method the numbers of `text[start:end]` (a clause or a sentence) are relative
    to: after `over`, `than`, `compared to` ... or the one method its win cue names."""
    for match in RELATIVE.finditer(text, start, end):
        found = object_names(text, match.end(), end, names)
        if found:
            return found[0]
    in_sentence = list(dict.fromkeys(win.name for win in beaten if start <= win.start < end))
    return in_sentence[0] if len(in_sentence) == 1 else None
