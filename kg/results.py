"""A paper's results and comparisons as graph rows (README "Graph model").

- A `result` mention (a metric's value, with the dataset, baseline and own method the text
  ties it to) is a `Result` node the paper CLAIMS, keyed by the paper and the result's
  metric, value, dataset and baseline; from it MEASURES its Metric, MEASURED_ON its
  Dataset, ACHIEVED_BY the paper's method, AGAINST the baseline, where the text names them.
- An `outperforms` mention (a method the paper says its own beats) is an OUTPERFORMS from
  the paper's method, one per paper. Every beaten method is also AGAINST a Result of the
  paper: one of its numbers where the text gives it, else a Result of its own with no
  metric and no value, the claim alone. So a comparison is kept where the paper names no
  method of its own (no node stands for an unnamed method, so there is no OUTPERFORMS),
  and "what beats X" or "what does X beat" reads the Results alone.

The methods named are Method nodes keyed like every concept (`concept_key`), so that they
meet the methods other papers use. A name the paper proposes as a dataset is not its method.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from kg.graph import GraphBatch
from kg.model import concept_key

COMPARISON_KINDS = ("outperforms", "result")
# one number, its thousands separated by commas or not: `12.3`, `1,100`, `.5`
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
NEGATIVE = ("-", "\u2212", "\u2013")  # hyphen-minus, minus sign, en dash
KEY_SEPARATOR = "|"


class Comparison(Protocol):
    """What kg reads of an `outperforms` or `result` mention (extractors.entities.Mention)."""

    kind: str
    name: str  # the beaten method, or the result's metric
    evidence: str
    value: str | None
    unit: str | None
    setting: str | None
    dataset: str | None
    baseline: str | None
    method: str | None  # the paper's own method, where it names one


def value_number(value: str | None) -> float | None:
    """A value as written, as a number: `+12.3%` -> 12.3, `0.31` -> 0.31, `1.84x` -> 1.84,
    `-$5` -> -5.0, `1,100x` -> 1100.0; None where it holds no number or several (`10-20%`)."""
    if not value:
        return None
    numbers = NUMBER.findall(value)
    if len(numbers) != 1:
        return None
    number = float(numbers[0].replace(",", ""))
    return -number if value.lstrip().startswith(NEGATIVE) else number


def result_key(paper: str, metric: str | None, value: str | None, dataset: str | None, baseline: str | None) -> str:
    """The key of a Result: the paper's key, then the concept keys of its metric, dataset
    and baseline and its value as written, `|`-joined (empty where the text names none)."""
    value_text = " ".join(value.split()) if value else ""
    parts = (paper, _key(metric), value_text, _key(dataset), _key(baseline))
    return KEY_SEPARATOR.join(parts)


def add_comparisons(batch: GraphBatch, paper: str, mentions: Iterable[Comparison], datasets: set[str]) -> None:
    """Add a paper's results and comparisons to a batch (see the module's docstring).
    `datasets` are the concept keys of the datasets the paper names."""
    mentions = list(mentions)
    against: set[str] = set()  # baselines the paper's Results name
    for result in (m for m in mentions if m.kind == "result"):
        if not _key(result.name):
            continue
        own = _own(result.method, datasets)
        baseline = result.baseline if _key(result.baseline) != _key(own) else None
        key = result_key(paper, result.name, result.value, result.dataset, baseline)
        batch.add_node(
            "Result",
            key,
            value=result.value,
            number=value_number(result.value),
            unit=result.unit,
            setting=result.setting,
            evidence=result.evidence,
        )
        batch.add_rel("CLAIMS", "Paper", paper, "Result", key)
        _link(batch, key, "MEASURES", "Metric", result.name)
        _link(batch, key, "MEASURED_ON", "Dataset", result.dataset)
        _link(batch, key, "ACHIEVED_BY", "Method", own)
        if _link(batch, key, "AGAINST", "Method", baseline):
            against.add(_key(baseline))
    for beaten in (m for m in mentions if m.kind == "outperforms"):
        beaten_key, own = _key(beaten.name), _own(beaten.method, datasets)
        if not beaten_key or beaten_key == _key(own):
            continue
        batch.add_node("Method", beaten_key, name=beaten.name)
        if own is not None:
            batch.add_node("Method", _key(own), name=own)
            batch.add_rel(
                "OUTPERFORMS", "Method", _key(own), "Method", beaten_key, paper=paper, evidence=beaten.evidence
            )
        if beaten_key not in against:  # the claim alone: no number of the paper is against it
            against.add(beaten_key)
            key = result_key(paper, None, None, None, beaten.name)
            batch.add_node("Result", key, evidence=beaten.evidence)
            batch.add_rel("CLAIMS", "Paper", paper, "Result", key)
            _link(batch, key, "ACHIEVED_BY", "Method", own)
            _link(batch, key, "AGAINST", "Method", beaten.name)


def _key(name: str | None) -> str:
    return concept_key(name) if name else ""


def _own(method: str | None, datasets: set[str]) -> str | None:
    """The paper's own method by name, unless the name is none or one of its datasets."""
    return method if method and _key(method) and _key(method) not in datasets else None


def _link(batch: GraphBatch, result: str, rel: str, label: str, name: str | None) -> bool:
    """Link a Result to the concept named so, where there is a name; True if linked."""
    key = _key(name)
    if not key:
        return False
    batch.add_node(label, key, name=name)
    batch.add_rel(rel, "Result", result, label, key)
    return True
