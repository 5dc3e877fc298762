"""A measure no lexicon holds, changed from one value to another: `reduces the timeout rate
from 40.0% to 10.0%`, `improves GPT selected-output correctness over Baseline RAG from 56.25% to
78.13%`, `improves survival rate from 0.32-0.53 to 0.59-0.73`. The value reported is the one
reached (as for lexicon metrics, metric_pairing.py); the name is the noun phrase ending in a metric
word right before `from` or before the baseline it is compared with (`over X`, `compared to X`).

`ranging from 0.54% to 2.90%` is a range, read by the value rules; `from 2019 to 2023` has no
measure before it; a phrase no metric word ends (`the share of users from 12% to 30%`) is none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.entities.metric_context import setting
from extractors.entities.metric_pairing import BASELINE
from extractors.entities.metric_phrases import METRIC_HEAD, NAME_LEAD, PHRASE_WORD, SKIP_PHRASE
from extractors.entities.metric_values import HEDGE, NUM, UNIT, VALUE, YEAR, clean_value, value_of
from extractors.entities.text import Sentences, doc_text

# the value left: a number or a dashed range (`0.32-0.53`, `9--27%`), never a `to` range
LEFT_VALUE = rf"(?P<left>{NUM})(?P<left_unit>{UNIT})?(?:\s?(?:--|[-–])\s?\d+(?:[.,]\d+)*(?:{UNIT})?)?"
# the change is said by a verb before the measure (`reduces the timeout rate from`) or after it
# (`the error rate drops from`); without one, `interest rates from 2% to 5%` are a setting
CHANGE_VERB = (
    r"(?:improv|increas|rais|boost|lift|lower|cut|reduc|decreas|drop|declin|enhanc|recover|push|bring|brought|"
    r"ris|rose|gr[eo]w|fell|fall|climb|jump|shrink|shrank|shr[iu]nk|elevat|doubl|halv|accelerat|speed)\w*"
)
# a unit written as a word after the value reached: `from 45 to 20 minutes`, `to 1.4 staff-hours`
WORD_UNIT = r"\s(?:[a-z]+-)?(?:minutes?|hours?|seconds?|days?|weeks?)\b"
FROM_TO_PHRASE = re.compile(
    rf"(?:(?<=[^\w/-])(?P<verb>{CHANGE_VERB})\s+(?:the\s+|its\s+|their\s+)?|(?<![\w/-]))"
    rf"(?P<name>{NAME_LEAD}(?:{PHRASE_WORD}\s+){{0,3}}{METRIC_HEAD})"
    rf"\s+(?:(?P<verb_after>{CHANGE_VERB})\s+)?(?:{BASELINE}\s+)?from\s+{HEDGE}{LEFT_VALUE}\s+to\s+{HEDGE}(?={NUM}){VALUE}(?![\w.]\d)(?P<word_unit>{WORD_UNIT})?"
)

FROM_CUE = re.compile(rf"\sfrom\s+{HEDGE}[~$+\-−]?\s?\d")
FROM_LOOKBACK = 200  # characters before `from`: a verb, a measure of four words, a baseline
# a capitalised word with a capital or digit after its first letter names a model or data set (`GPT`,
# `Qwen3-8B`, `Llama-3`, `K1V1`)
MODEL_WORD = re.compile(r"^[A-Z][\w-]*[A-Z\d]")
WORD = re.compile(r"\S+")


def from_to_matches(text: str) -> list[re.Match[str]]:
    """`FROM_TO_PHRASE.finditer(text)`, searched only in the stretch before each `from <number>`
    (the pattern tried at every character costs ~2% of extraction)."""
    out: list[re.Match[str]] = []
    for cue in FROM_CUE.finditer(text):
        if out and cue.start() < out[-1].end():
            continue
        pos, end = (
            max(0, cue.start() - FROM_LOOKBACK, out[-1].end() if out else 0),
            min(len(text), cue.end() + FROM_LOOKBACK),
        )
        match = FROM_TO_PHRASE.search(text, pos, end)
        while match is not None and match.end() <= cue.start():  # an earlier `from`'s, not matched there
            match = FROM_TO_PHRASE.search(text, match.start() + 1, end)
        if match is not None and match.start() <= cue.start():  # this `from`'s, not a later one's
            out.append(match)
    return out


def changed_phrases(
    doc: Doc, sents: Sentences, used: set[int], metric_words: dict[str, str], taken: list[Span]
) -> list[Span]:
    """Measures named before `from A to B` whose values no metric claimed."""
    text = doc_text(doc)
    out: list[Span] = []
    for match in from_to_matches(text):
        if match.start("num") in used or match.start("left") in used:
            continue
        if not (match.group("verb") or match.group("verb_after")):
            continue
        if any(s.start_char < match.end("name") and match.start("name") < s.end_char for s in taken):
            continue  # a lexicon metric's own change (`accuracy over the baseline from A to B`)
        sentence = sents.at(match.start("num"))
        if match.start("name") < sentence.start_char:
            continue
        if YEAR.match(match.group("left").strip()) and not match.group("left_unit"):
            continue  # `from 2019 to 2023`
        words = list(WORD.finditer(match.group("name")))
        while len(words) > 1 and MODEL_WORD.search(words[0].group()):
            words.pop(0)  # `GPT selected-output correctness`: the model measured, not the measure
        name = " ".join(w.group() for w in words)
        if SKIP_PHRASE.search(name) or len(name) < 3:
            continue
        canonical = metric_words.get(name.casefold(), name)
        name = name if canonical[:1].islower() else canonical
        span = doc.char_span(match.start("name") + words[0].start(), match.end("name"), alignment_mode="expand")
        if span is None:
            continue
        num, unit = value_of(match)
        if unit is None and match.group("left_unit") and not match.group("upper"):
            num, unit = clean_value(match.group("num"), match.group("left_unit"))  # `from 40% to 10`: one unit
        elif unit is None and match.group("word_unit"):
            num, unit = f"{num} {match.group('word_unit').strip()}", match.group("word_unit").strip()
        span = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
        span._.kg_values = [[num, unit]]
        span._.kg_setting = setting(span, sentence)
        used.update((match.start("num"), match.start("left")))
        out.append(span)
    return out
