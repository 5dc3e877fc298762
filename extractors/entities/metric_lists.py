"""Measures listed with a metric: `improves task completion, user control, and workflow
transparency`, `in both predictive accuracy and ranking consistency`, `trade-offs between
latency, throughput, and retrieval accuracy`. Where a metric the ruler kept stands in a list
(joined by `,`, `and`, `or`), each other item that ends in a measure word (MEASURE_HEADS) is
a measure of the same evaluation; items of other words (`accuracy and recurrent refinement`)
are not. A sentence that reports a finding names measures the same way after a change or
measurement cue, without a lexicon metric among them: `improves task completion, user
control, and workflow transparency`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.entities.metric_context import reports_finding
from extractors.entities.metric_phrases import METRIC_HEAD, PHRASE_WORD
from extractors.entities.metric_values import has_digit
from extractors.entities.rulers import METRIC, doc_spans
from extractors.entities.text import Sentences, WordSet, doc_text

# the quality dimensions papers evaluate beside the metric words of METRIC_HEAD
MEASURE_HEADS = (
    rf"(?:{METRIC_HEAD}|relevance|diversity|novelty|serendipity|fairness|usefulness|helpfulness|efficiency|"
    r"robustness|stability|transparency|control|completion|success|effort|realism|validity|faithfulness|"
    r"coherence|fluency|correlation|interpretability|explainability|informativeness|readability|trust|"
    # plurals a list writes (`inference latencies, rubric scores`; not `times`, a unit as often)
    r"latencies|costs|scores|overheads)"
)
LIST_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+|its\s+|their\s+)?"
# how LIST_SEP ends, white space stripped: a cheap test before WORD_BEFORE is searched for
SEP_ENDS = (",", "and", "or", "the", "its", "their")
# an item ends where the list or the noun phrase does: `workflow transparency across ...`
ITEM_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|across|over|on|in|of|for|with|while|compared|than|under|at|by|without|"
    r"when|as|to|between|among|through|from|are|is|were|was|but|whereas)\b)"
)
NEXT_ITEM = re.compile(rf"{LIST_SEP}(?P<name>(?:{PHRASE_WORD}\s+){{0,2}}{MEASURE_HEADS}){ITEM_END}")
# the item before a metric: one measure word, or two where the first is no verb form (`using precision`)
WORD_BEFORE = re.compile(rf"(?<![\w-])(?P<name>(?:(?![\w-]+(?:ed|ing)\s){PHRASE_WORD}\s+)?{MEASURE_HEADS}){LIST_SEP}$")
LOWER_CASE = re.compile(r"[a-z][a-z\s-]*$")  # an item is lower-case words: not `MovieLens and Steam`
MIN_BARE_LIST = 2  # measures besides it that make a list of a metric without a value or cue its evaluation's
# a change or measurement cue before a list of measures (`improves X, Y and Z`, `we compute X and Y`)
CUED_START = re.compile(
    r"\b(?:improv(?:es|ed|ing)|improvements?\s+in|enhanc(?:es|ed|ing)|boost(?:s|ed|ing)|reduc(?:es|ed|ing)|"
    r"rais(?:es|ed|ing)|lower(?:s|ed|ing)|"
    r"in\s+terms\s+of|measured\s+by|(?:we|they)\s+(?:compute|measure|report)|gains?\s+in)\s+"
    r"(?:(?:the|both|their|its|overall|significantly|substantially)\s+)*"
)
# the first words of CUED_START: it is tried at these tokens only (`Sentences.matches_at`)
CUED_START_TOKENS = WordSet(
    """improves improved improving improvement improvements enhances enhanced enhancing boosts boosted
    boosting reduces reduced reducing raises raised raising lowers lowered lowering in measured we they
    gain gains""".split()
)
CUED_WORD = re.compile(r"improv|enhanc|boost|reduc|rais|lower|terms\s+of|measured|compute|measure|report|gain")
# the words of CUED_WORD as substrings, which `in` finds faster than the pattern does
CUE_SUBSTRINGS = (
    "improv",
    "enhanc",
    "boost",
    "reduc",
    "rais",
    "lower",
    "terms",
    "measure",
    "compute",
    "report",
    "gain",
)


def has_cue_word(text: str) -> bool:
    """`CUED_WORD.search(text) is not None`, by substring tests first."""
    if any(word in text for word in CUE_SUBSTRINGS if word != "terms"):
        return True
    return "terms" in text and CUED_WORD.search(text) is not None


FIRST_ITEM = re.compile(rf"(?P<name>(?:{PHRASE_WORD}\s+){{0,2}}{MEASURE_HEADS}){ITEM_END}")
MIN_CUED_ITEMS = 2  # measures a cue must list: one alone is as often a goal (`improves efficiency`)
# but a rate alone is a measure (`reduces query reformulation rates`, `raises miss rates`)
RATE_ITEM = re.compile(r"[\w-]+\s+(?:rates?|ratios?)$")
LIST_LOOKBACK = 60  # characters before a metric that can hold the item before it
MAX_ITEMS = 5  # items a list can add on each side of its metric


def free_items(text: str, items: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items that are lower-case words and overlap no span taken already."""
    return [
        (start, end)
        for start, end in items
        if LOWER_CASE.match(text[start:end]) and not any(s < end and start < e for s, e in taken)
    ]


def measure_spans(
    doc: Doc, items: list[tuple[int, int]], metric_words: dict[str, str], taken: list[tuple[int, int]]
) -> list[Span]:
    """A metric span without a value for each item; each item's characters join `taken`."""
    text = doc_text(doc)
    out: list[Span] = []
    for start, end in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        name = " ".join(text[start:end].split())
        canonical = metric_words.get(name.casefold(), name)  # a lexicon metric's own spelling: `Recall`
        canonical = name if canonical[:1].islower() else canonical  # a word as written: `satisfaction`
        measure = Span(doc, span.start, span.end, label="metric", kb_id=canonical, span_id=canonical)
        measure._.kg_values = None
        measure._.kg_setting = None
        taken.append((start, end))
        out.append(measure)
    return out


def listed_measures(
    doc: Doc,
    sents: Sentences,
    anchors: list[Span],
    kept: list[Span],
    metric_words: dict[str, str],
    min_items: int = 1,
) -> list[Span]:
    """The measures listed before and after each anchor metric, in the same sentence
    (none where a span of another kind or a `kept` metric is). With `min_items` above 1
    the anchors are metrics not yet kept, and a list of that many measures besides the
    anchor makes it and them measures: `a framework covering accuracy, fairness, stability
    and efficiency`."""
    if not anchors:
        return []
    text = doc_text(doc)
    others = [s for s in doc_spans(doc) if s.label != METRIC]  # (the list handed on: no new Span objects)
    taken = [(s.start_char, s.end_char) for s in others + kept]
    out: list[Span] = []
    for metric in anchors:
        sentence = sents.at(metric.start_char)
        found: list[tuple[int, int]] = []
        pos = metric.end_char
        while len(found) < MAX_ITEMS:
            match = NEXT_ITEM.match(text, pos, sentence.end_char)
            if match is None:
                break
            found.append((match.start("name"), match.end("name")))
            pos = match.end("name")
        pos = metric.start_char
        while len(found) < 2 * MAX_ITEMS:
            low = max(sentence.start_char, pos - LIST_LOOKBACK)
            if not text[low:pos].rstrip().endswith(SEP_ENDS):
                break  # (WORD_BEFORE ends with LIST_SEP)
            match = WORD_BEFORE.search(text, low, pos)
            if match is None:
                break
            found.append((match.start("name"), match.end("name")))
            pos = match.start("name")
        items = free_items(text, found, taken)
        if len(items) < min_items:
            continue
        if min_items > 1:
            out.append(Span(doc, metric.start, metric.end, label="metric", kb_id=metric.kb_id_, span_id=metric.id_))
        out.extend(measure_spans(doc, items, metric_words, taken))
    return out


def lone_rate(text: str, item: tuple[int, int], sentence_end: int) -> bool:
    """A rate named alone after a cue (RATE_ITEM), with no number after it in its sentence (a value's
    own rules name a rate changed `from 40% to 10%`)."""
    return RATE_ITEM.search(text, item[0], item[1]) is not None and not has_digit(text[item[1] : sentence_end])


def enough_items(text: str, items: list[tuple[int, int]], sentence_end: int) -> bool:
    """MIN_CUED_ITEMS measures after a cue, or a lone rate."""
    return len(items) >= MIN_CUED_ITEMS or bool(items) and lone_rate(text, items[0], sentence_end)


def cued_measures(doc: Doc, sents: Sentences, kept: list[Span], metric_words: dict[str, str]) -> list[Span]:
    """`Results show that it improves task completion, user control, and workflow transparency`,
    `we report answer completeness and citation fidelity`: in a sentence that reports a finding, the
    measure-headed phrases right after a change or measurement cue (CUED_START), MIN_CUED_ITEMS or
    more of them."""
    text = doc_text(doc)
    out: list[Span] = []
    if not has_cue_word(text):
        return out
    taken: list[tuple[int, int]] | None = None  # the other spans' characters, read where a list is found
    for cue in sents.matches_at(CUED_START, CUED_START_TOKENS):
        sentence = sents.at(cue.start())
        # (FIRST_ITEM, tried at one place, fails more often than reports_finding and costs less)
        first = FIRST_ITEM.match(text, cue.end(), sentence.end_char)
        if first is not None and reports_finding(sentence.text):
            items = [(first.start("name"), first.end("name"))]
            while len(items) < MAX_ITEMS:
                match = NEXT_ITEM.match(text, items[-1][1], sentence.end_char)
                if match is None:
                    break
                items.append((match.start("name"), match.end("name")))
            if not enough_items(text, items, sentence.end_char):
                continue
            if taken is None:
                others = [s for s in doc_spans(doc) if s.label != METRIC]  # (the list handed on: no new Spans)
                taken = [(s.start_char, s.end_char) for s in others + kept]
            items = free_items(text, items, taken)
            if not enough_items(text, items, sentence.end_char):
                continue
            out.extend(measure_spans(doc, items, metric_words, taken))
    return out
