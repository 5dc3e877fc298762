"""How a kept lexicon metric is named, by what the paper itself writes:

spelled_out   `a 5.3% false positive rate` in a paper that never writes `FPR` is
              `false positive rate`: a name is written as it appears (guidelines), the
              acronym only where the paper uses it; but the field's standard acronyms
              (FIELD_ACRONYMS: `CTR` for `click-through rate`) are written as such
in_definition `RPM (Revenue Per Mile)`: a metric inside the brackets that spell out
              another metric's acronym is that metric's long form, not a metric of its own
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.entities.metric_context import BUSINESS
from extractors.entities.task_words import singular
from extractors.entities.text import initials_match

# a verb whose object is the quantity a model predicts (`predict CTR`, `estimating long-term CVR`,
# `predicting Click-Through Rate (CTR)`)
TARGET_BEFORE = re.compile(
    r"\b(?:predict(?:s|ing|ed)?|estimat(?:e|es|ing|ed)|forecast(?:s|ing|ed)?)\s+(?:(?:the|a|user|users'|long-term|short-term|expected)\s+){0,2}"
    r"(?:(?:[A-Za-z][\w-]*\s+){1,3}\(\s*)?$"  # the acronym after its long form: `Click-Through Rate (CTR)`
)
TARGET_LOOKBACK = 60  # characters before a metric that can hold the verb and the words between
# the names the gold guidelines give as canonical, used even where a paper spells them out
FIELD_ACRONYMS = frozenset(["CTR", "CVR", "CTCVR", "AUC", "GAUC", "QAUC", "NDCG", "MRR", "GMV"])
# acronyms named with the qualifier before them, like the word metrics (`macro F1`, `evidence F1`)
QUALIFIED_ACRONYMS = frozenset(["F1"])
ACRONYM_NAME = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]")  # `FPR`, `MAE`, `PR-AUC`; not `Recall@10`, `AbsRel`


def lexicon_form(written: str, metric_words: dict[str, str]) -> str:
    """`written` in the lexicon's number where the lexicon holds it so: `hit rates` is `hit rate`,
    `inference latencies` is `inference latency`."""
    if written.casefold() in metric_words:
        return written
    return written if singular(written).casefold() not in metric_words else singular(written)


def spelled_out(span: Span, text: str, metric_words: dict[str, str]) -> Span:
    """The span named as written where it spells out a lexicon acronym the paper never writes
    (in the lexicon's number: `hit rates` is `hit rate`); a variant of the acronym (`eCPM`) or
    a long form the paper abbreviates keeps the acronym. A plain-word metric matched by a
    narrower phrase of its own (`inference latency`, `training cost`, `ad revenue`) is named by
    that phrase, not by the broader word (`latency`, `training time`, `revenue`)."""
    name = span.kb_id_
    written = " ".join(span.text.split())
    if " " not in written:
        return span
    if name[:1].islower() and name == span.id_:
        if name.casefold() in {written.casefold(), singular(written).casefold()}:
            return span  # `win rates` is `win rate`
        written = lexicon_form(written, metric_words)
        if written.casefold() not in metric_words or not written.islower():
            return span
        return renamed(span, written)
    if name in FIELD_ACRONYMS or not ACRONYM_NAME.fullmatch(name):
        return span
    if re.sub(r"[\s-]", "", written).casefold() == re.sub("-", "", name).casefold():
        return span  # `ROC AUC` is `ROC-AUC` written with a space
    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        return span  # the paper uses the acronym: `false positive rate (FPR)`
    return renamed(span, lexicon_form(written, metric_words))


def renamed(span: Span, name: str) -> Span:
    """A copy of the metric span under another name, with its values and setting."""
    out = Span(span.doc, span.start, span.end, label=span.label_, kb_id=name, span_id=span.id_)
    out._.kg_values = span._.kg_values
    out._.kg_setting = span._.kg_setting
    return out


def target(span: Span, text: str) -> bool:
    """Is the metric a behaviour a model predicts (a BUSINESS quantity: `CTR`, `GMV`, `watch time`)
    and the object of a verb of prediction (TARGET_BEFORE)? A score of the model is never its object:
    `forecasting accuracy`, `predicts relapse (AUROC 0.71)`."""
    if span.kb_id_ not in BUSINESS and span.id_ not in BUSINESS:
        return False
    return TARGET_BEFORE.search(text, max(0, span.start_char - TARGET_LOOKBACK), span.start_char) is not None


def in_definition(span: Span, text: str, metrics: list[Span]) -> bool:
    """Is `span` inside the brackets right after another metric's acronym that it helps spell
    out (`RPM (Revenue Per Mile)`, `GTV (Gross Transaction Volume)`)?"""
    open_at = text.rfind("(", 0, span.start_char)
    if open_at < 0 or text.find(")", open_at) < span.end_char or ")" in text[open_at : span.start_char]:
        return False
    end = open_at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    inside = text[open_at + 1 : text.find(")", open_at)].split()
    return any(
        other is not span
        and other.end_char == end
        and ACRONYM_NAME.fullmatch(other.text) is not None
        and initials_match(other.text, inside) == 0
        for other in metrics
    )
