"""A measure no lexicon holds and no metric word ends, named by the verb that changes it and the
amount: `increases Payment PV by +3.62%`, `reduces token consumption by 73%`, `retrieval calls
dropped by 41%`. A change verb and `by <value>` make the noun phrase between them a quantity the
paper reports; the phrase ending in a metric word is metric_phrases.py's.

The measure a system is the lowest or highest on, with its value in brackets, is named by the
words between: `the lowest OCR ASR (14.2%)`, `the highest consistency rate (93.4%)`.

A value on a scale after `scores` is a score: `scoring 8.18/10 against 4.77/10`, `scores 4.6/5`.

Not a measure: what the sentence compares with or works on (`improves the baseline by 5%`,
`raises them by 2x`, `improves over X by 3 points`, `cuts the model by 40%`), a method's name
(`improves TraceRL by 4%`), a list (`improves WNS and TNS by 18%`, read by the list rules).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.entities.metric_changes import CHANGE_VERB
from extractors.entities.metric_context import setting
from extractors.entities.metric_pairing import BASELINE
from extractors.entities.metric_phrases import STOP
from extractors.entities.metric_values import HEDGE, VALUE, plausible, unit_of, value_of
from extractors.entities.text import Sent, Sentences, doc_text

# a word of the measure's name: not a sentence word (STOP), nor what a change is told on
NOT_OBJECT = (
    rf"(?!(?:{STOP}|upon|over|against|versus|vs|it|them|this|those|us|we|each|every|all|both|"
    r"can|could|may|might|must|should|would|will|be|been|being)\b)"
)
OBJECT_WORD = rf"{NOT_OBJECT}[A-Za-z][\w-]*"
# the last word: lower-case, or an acronym (`PV`, `TTFT`, `FLOPs`); not a name (`TraceRL`, `Qwen3`),
# nor an activity (`accelerates training by 4x`, `listwise reranking by 66%`)
OBJECT_HEAD = rf"{NOT_OBJECT}(?:(?![a-z-]+ing\b)[a-z][a-z-]*[a-z]|[A-Z]{{2,6}}s?)(?![\w-])"
# `increases Payment PV by +3.62%`, `reduced retrieval calls by 47%`, `improves compression ratio over X by 30%`
VERB_OBJECT_BY = re.compile(
    rf"(?<![\w-]){CHANGE_VERB}\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    rf"(?P<name>(?:{OBJECT_WORD}\s+){{0,3}}{OBJECT_HEAD})\s+(?:{BASELINE}\s+)?by\s+{HEDGE}{VALUE}"
)
# `retrieval calls dropped by 41%`, `the page views rose by 12%`: the measure before its verb
CHANGED_BY = (
    r"(?:rose|fell|dropped|declined|grew|jumped|climbed|shrank|increased|decreased|improved|reduced|"
    r"went\s+(?:up|down))"
)
OBJECT_VERB_BY = re.compile(
    rf"(?<![\w-])(?P<name>(?:{OBJECT_WORD}\s+){{0,3}}{OBJECT_HEAD})\s+(?:(?:was|were|is|are)\s+)?{CHANGED_BY}\s+by\s+{HEDGE}{VALUE}"
)
# the heads of what a paper compares with or works on, not of a measure
NOT_MEASURE = frozenset(
    """
    baseline baselines method methods approach approaches model models system systems technique techniques
    algorithm algorithms framework frameworks pipeline pipelines variant variants backbone backbones
    performance performances results result outcome outcomes state-of-the-art sota gap gaps margin margins
    prior priors work works one ones data dataset datasets benchmark benchmarks task tasks number amount
    recognition detection prediction classification retrieval reasoning understanding segmentation
    """.split()
)
# `achieves the lowest OCR ASR (14.2%)`; not `the best baseline (14%)`: `best` ranks systems too
SUPERLATIVE_BRACKET = re.compile(
    rf"(?<![\w-])(?:lowest|highest)\s+(?P<name>(?:{OBJECT_WORD}\s+){{0,2}}{OBJECT_HEAD})\s*\(\s*{HEDGE}{VALUE}"
)
# `scoring 8.18/10`, `scored a mean of 1.52/3.0`: a value on a scale is a score
SCORED = re.compile(
    rf"(?<![\w-])scor(?:es|ed|ing)\s+(?:an?\s+)?{HEDGE}(?:mean\s+of\s+)?"
    r"(?P<num>\d+(?:\.\d+)?/\d+(?:\.\d+)?)(?![\w.%/])"
)
SCORE = "score"
OBJECT_LOOKBACK = 80  # characters before `by <value>`: a verb, the article and a name of four words


def by_match(text: str, at: int) -> re.Match[str] | None:
    """The change of a measure whose `by` is at `at` (` by `), with the verb before the measure or after it."""
    end = min(len(text), at + 40)
    for pattern in (VERB_OBJECT_BY, OBJECT_VERB_BY):
        match = pattern.search(text, max(0, at - OBJECT_LOOKBACK), end)
        while match is not None and match.end() < at:  # an earlier `by`'s, not this one's
            match = pattern.search(text, match.start() + 1, end)
        if match is not None and match.start("num") > at:
            return match
    return None


def verb_objects(
    doc: Doc, sents: Sentences, used: set[int], metric_words: dict[str, str], taken: list[Span]
) -> list[Span]:
    """Values after `by` that no metric claimed, named by the object of the change verb before."""
    text = doc_text(doc)
    out: list[Span] = []
    at = text.find(" by ")
    while at >= 0:
        match = by_match(text, at)
        at = text.find(" by ", at + 1)
        if match is None or match.start("num") in used:
            continue
        if not plausible(match.group("num"), unit_of(match), True):
            continue
        words = match.group("name").split()
        if words[-1].casefold() in NOT_MEASURE or len(match.group("name")) < 3:
            continue
        if any(s.start_char < match.end("name") and match.start("name") < s.end_char for s in taken + out):
            continue  # a lexicon metric's own change (`improves F1 by 2 points`)
        sentence = sents.at(match.start("num"))
        if match.start("name") < sentence.start_char:
            continue
        span = _measure_span(doc, match, words, metric_words, sentence)
        if span is not None:
            used.add(match.start("num"))
            out.append(span)
    return out


def superlative_values(
    doc: Doc, sents: Sentences, used: set[int], metric_words: dict[str, str], taken: list[Span]
) -> list[Span]:
    """`the lowest OCR ASR (14.2%)`: a value in brackets no metric claimed, named by the measure
    a system is the lowest or highest on."""
    text = doc_text(doc)
    out: list[Span] = []
    for match in SUPERLATIVE_BRACKET.finditer(text):
        if match.start("num") in used or not plausible(match.group("num"), unit_of(match), False):
            continue
        words = match.group("name").split()
        if words[-1].casefold() in NOT_MEASURE:
            continue
        if any(s.start_char < match.end("name") and match.start("name") < s.end_char for s in taken + out):
            continue  # a lexicon metric's own value (`the highest recall (83.9%)`)
        span = _measure_span(doc, match, words, metric_words, sents.at(match.start("num")))
        if span is not None:
            used.add(match.start("num"))
            out.append(span)
    return out


def _measure_span(
    doc: Doc, match: re.Match[str], words: list[str], metric_words: dict[str, str], sentence: Sent
) -> Span | None:
    """The metric span of a match's `name` with the value of its `num`: named as the lexicon
    writes it when it knows the words in another case (`auc` -> `AUC`)."""
    where = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
    if where is None:
        return None
    name = " ".join(words)
    canonical = metric_words.get(name.casefold(), name)
    name = name if canonical[:1].islower() else canonical
    span = Span(doc, where.start, where.end, label="metric", kb_id=name, span_id=name)
    span._.kg_values = [list(value_of(match))]
    span._.kg_setting = setting(span, sentence)
    return span


def scored_values(doc: Doc, sents: Sentences, used: set[int]) -> list[Span]:
    """`scoring 8.18/10`: a value on a scale after `scores`, no metric claimed, is a score."""
    text = doc_text(doc)
    out: list[Span] = []
    for match in SCORED.finditer(text):
        if match.start("num") in used:
            continue
        verb = doc.char_span(match.start(), match.start() + len(match.group().split()[0]), alignment_mode="expand")
        if verb is None:
            continue
        span = Span(doc, verb.start, verb.end, label="metric", kb_id=SCORE, span_id=SCORE)
        used.add(match.start("num"))
        span._.kg_values = [[match.group("num"), None]]
        span._.kg_setting = setting(span, sents.at(match.start("num")))
        out.append(span)
    return out
