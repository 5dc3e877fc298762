"""Score the extractors against hand-annotated gold files (`../shared/gold/*.jsonl`).

Matching follows the gold GUIDELINES: names are equal after case-folding and
removing spaces, hyphens, dots and quotes; a record's `aliases` lists other accepted
names of a gold entity. Papers are paired by arXiv id, else by normalised title.

Per type, `tp` counts gold entities found, `fn` gold entities missed and `fp`
predicted names that match no gold entity of the paper; precision is
tp / (tp + fp), recall tp / (tp + fn). Metrics are scored by name (a name reported
with several values is one entity). `metric_values` counts the gold metrics that
have a value and how many of them the extractor read right (same name, same value
after dropping spaces, case and a leading `+`).

Records that carry the comparison fields (`outperforms`, `results`) are also scored
on them, as the guidelines' section "Comparisons and results" says: `outperforms` as
a name set per paper (precision, recall, F1); a gold result is found when a
predicted result has the same metric (aliases count) and the same value, and of the
found ones `dataset` and `baseline` count the share that agree where the gold names
one. Records without the fields are not scored on them.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.model import title_key

TYPES = ("proposed", "methods", "datasets", "companies", "metrics", "tasks")
HEADLINE = ("proposed", "datasets", "companies", "metrics")


def match_key(name: str) -> str:
    """The guidelines' comparison key: case-folded, without spaces, hyphens, dots, quotes."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-‐‑–—.'\"’‘“”`")


def value_key(value: str | None) -> str | None:
    if value is None:
        return None
    key = "".join(unicodedata.normalize("NFKC", value).casefold().split())
    return key.lstrip("+").replace("−", "-").replace("×", "x").replace("times", "x")


def read_gold(paths: Iterable[str]) -> list[dict[str, Any]]:
    records = []
    for path in paths:
        try:
            handle = open(path, encoding="utf-8")
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"is not JSON ({exc.msg})") from exc
    return records


def _names(record: dict[str, Any], kind: str) -> list[str]:
    if kind == "metrics":
        return [m["name"] for m in record.get("metrics", [])]
    return list(record.get(kind, []))


def _accepted(record: dict[str, Any]) -> dict[str, set[str]]:
    """gold name key -> every key accepted for it (its own and its aliases')."""
    aliases = record.get("aliases") or {}
    out: dict[str, set[str]] = {}
    for name, others in aliases.items():
        out.setdefault(match_key(name), {match_key(name)}).update(match_key(o) for o in others)
    return out


def score_entities(gold: list[str], predicted: list[str], accepted: dict[str, set[str]]) -> tuple[int, int, int]:
    """(tp, fp, fn) for one paper and one type; both lists are read as sets."""
    gold_keys = {match_key(g) for g in gold}
    pred_keys = {match_key(p) for p in predicted}
    forms = {g: accepted.get(g, set()) | {g} for g in gold_keys}
    tp = sum(1 for g in gold_keys if forms[g] & pred_keys)
    matched_pred = {p for p in pred_keys if any(p in f for f in forms.values())}
    return tp, len(pred_keys - matched_pred), len(gold_keys) - tp


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def pair_records(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each gold record with its predicted record: by arXiv id, else normalised title."""
    by_id = {p["arxiv_id"]: p for p in predicted if p.get("arxiv_id")}
    by_title = {title_key(p.get("title")): p for p in predicted if title_key(p.get("title"))}
    pairs = []
    for record in gold:
        match = by_id.get(record.get("arxiv_id")) if record.get("arxiv_id") else None
        if match is None and title_key(record.get("title")):
            match = by_title.get(title_key(record.get("title")))
        pairs.append((record, match))
    return pairs


def score_records(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores of predicted records against gold records (see the module docstring)."""
    return score_pairs(pair_records(gold, predicted))


def score_pairs(pairs: list[tuple[dict[str, Any], dict[str, Any] | None]]) -> dict[str, Any]:
    """Scores of (gold record, predicted record or None) pairs."""
    totals = {t: [0, 0, 0] for t in TYPES}
    values_total = values_right = 0
    for record, found in pairs:
        found = found or {}
        accepted = _accepted(record)
        for kind in TYPES:
            tp, fp, fn = score_entities(_names(record, kind), _names(found, kind), accepted)
            totals[kind][0] += tp
            totals[kind][1] += fp
            totals[kind][2] += fn
        read: dict[str, set[str | None]] = {}
        for metric in found.get("metrics", []):
            read.setdefault(match_key(metric["name"]), set()).add(value_key(metric.get("value")))
        for metric in record.get("metrics", []):
            if metric.get("value") is None:
                continue
            values_total += 1
            names = accepted.get(match_key(metric["name"]), set()) | {match_key(metric["name"])}
            if any(value_key(metric["value"]) in read.get(n, ()) for n in names):
                values_right += 1
    types = {t: _prf(*totals[t]) for t in TYPES}
    overall = _prf(*(sum(totals[t][i] for t in TYPES) for i in range(3)))
    return {
        "types": types,
        "overall": overall,
        "metric_values": {
            "correct": values_right,
            "total": values_total,
            "accuracy": _ratio(values_right, values_total),
        },
        **score_comparisons(pairs),
        "papers": len(pairs),
    }


def _same(gold_name: str | None, predicted: str | None, accepted: dict[str, set[str]]) -> bool:
    if gold_name is None or predicted is None:
        return False
    key = match_key(gold_name)
    return match_key(predicted) in accepted.get(key, set()) | {key}


def score_comparisons(pairs: list[tuple[dict[str, Any], dict[str, Any] | None]]) -> dict[str, Any]:
    """`outperforms` (precision, recall, F1) and `results` (found; of the found, dataset and
    baseline right where the gold names one) over the gold records that carry the fields."""
    outperforms = [0, 0, 0]
    found = total = 0
    datasets = [0, 0]  # right, named in gold (of the found)
    baselines = [0, 0]
    annotated = 0
    for record, predicted in pairs:
        if "outperforms" not in record and "results" not in record:
            continue
        annotated += 1
        predicted = predicted or {}
        accepted = _accepted(record)
        for i, n in enumerate(
            score_entities(record.get("outperforms", []), predicted.get("outperforms", []), accepted)
        ):
            outperforms[i] += n
        candidates = predicted.get("results", [])
        for result in record.get("results", []):
            total += 1
            same = [
                r
                for r in candidates
                if _same(result["metric"], r.get("metric"), accepted)
                and value_key(r.get("value")) == value_key(result["value"])
            ]
            if not same:
                continue
            found += 1
            for field, tally in (("dataset", datasets), ("baseline", baselines)):
                if result.get(field):
                    tally[1] += 1
                    tally[0] += any(_same(result[field], r.get(field), accepted) for r in same)
    if not annotated:
        return {}
    return {
        "outperforms": _prf(*outperforms),
        "results": {
            "found": found,
            "total": total,
            "recall": _ratio(found, total),
            "dataset": {"right": datasets[0], "named": datasets[1], "accuracy": _ratio(*datasets)},
            "baseline": {"right": baselines[0], "named": baselines[1], "accuracy": _ratio(*baselines)},
        },
        "comparison_papers": annotated,
    }


def evaluate(gold_paths: list[str], corpus_dir: str, *, extractor: Any = None) -> dict[str, Any]:
    """Parse the corpus files the gold records name (`record["source"]`, looked up in
    `corpus_dir`), extract, and score per type and overall."""
    from kg.extract import extract_files

    gold = read_gold(gold_paths)
    sources = [os.fspath(Path(corpus_dir) / source) for source in dict.fromkeys(r["source"] for r in gold)]
    predicted: list[dict[str, Any]] = []
    for extracted in extract_files(sources, extractor=extractor):
        if extracted.error:
            raise KgError(extracted.error)
        predicted.extend(extracted.records)
    # pair each gold record with a prediction from its own source file
    pairs = []
    for record in gold:
        same_source = [p for p in predicted if p["source"] == record["source"]]
        pairs.extend(pair_records([record], same_source))
    return score_pairs(pairs)
