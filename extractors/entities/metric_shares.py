"""The share of a reference's result a method keeps, named by the measure it is a share of:
`retains 97.5% of the unpruned model performance`, `recovers 93-95% of full-dataset training
performance`, `preserving over 71% of its average retrieval accuracy`. The measure is the noun phrase
after `of`, with at least one word that says whose result it is before a bare `performance`.

A share of a resource a method needs is named by the resource (`with only 16-30% of the
preprocessing time`, `at 38% of single-model cost`, `using 7% of the tokens`), and a share of
variance a factor explains is `variance explained` (`framing explains 88%-93% of variance`).

`retains 90% of the oracle` names no measure, `97% of the performance of X` names it only as
`performance` (no measure), `92% of participants` are people; a lexicon metric there is read by
the pairing rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.entities.metric_context import setting
from extractors.entities.metric_phrases import METRIC_HEAD, SKIP_PHRASE
from extractors.entities.metric_values import HEDGE, VALUE, value_of
from extractors.entities.text import Sentences, doc_text

# the verbs that give a share of a reference's result
KEEP_VERB = r"(?:retain|recover|preserv|maintain|reach|achiev|match|restor|keep|kept|captur)\w*"
# a word of the measure's name; a hyphenated one whole (`full-dataset`, `post-training`)
NAME_WORD = r"(?!(?:the|a|an|of|and|or|to|in|on|at|with|for|by|from|than|over|under|using|while|which|that)(?![\w-]))[A-Za-z][\w-]*"
SHARE_OF = re.compile(
    rf"(?<![\w-]){KEEP_VERB}\s+{HEDGE}(?=\d){VALUE}(?<=%)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}}performance|(?:{NAME_WORD}\s+){{0,3}}{METRIC_HEAD})\b(?!\s+of\b|[-@])"
)

# `with only 16-30% of the preprocessing time`, `consumes 10% of the FLOPs budget`
RESOURCE_HEAD = r"(?:time|cost|costs|memory|memory\s+usage|compute|FLOPs|budget|latency|energy|parameters|tokens)"
RESOURCE_SHARE = re.compile(
    rf"(?<![\w-])(?:[Ww]ith|[Uu]sing|requiring|consuming|at|in|uses|requires|consumes|needs)\s+{HEDGE}(?=\d){VALUE}(?<=%)"
    rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<name>(?:{NAME_WORD}\s+){{0,2}}{RESOURCE_HEAD})\b(?![-@]|\s+of\b)"
)
# `explains roughly 88%-93% of variance`, `explaining 65.5% of the score variance`
VARIANCE_SHARE = re.compile(
    rf"(?<![\w-])explain\w*\s+{HEDGE}(?=\d){VALUE}(?<=%)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<name>variance)\b"
)
VARIANCE_EXPLAINED = "variance explained"


def share_phrases(doc: Doc, sents: Sentences, used: set[int], taken: list[Span]) -> list[Span]:
    """Measures a share of a reference's result is given in, whose values no metric claimed."""
    text = doc_text(doc)
    out: list[Span] = []
    matches = list(SHARE_OF.finditer(text)) + list(RESOURCE_SHARE.finditer(text))
    matches += VARIANCE_SHARE.finditer(text) if "explain" in text else []
    for match in matches:
        if match.start("num") in used:
            continue
        if any(s.start_char < match.end("name") and match.start("name") < s.end_char for s in taken):
            continue  # a lexicon metric's (`retains 97% of the original accuracy`)
        name = " ".join(match.group("name").split())
        name = VARIANCE_EXPLAINED if match.re is VARIANCE_SHARE else name
        if SKIP_PHRASE.search(name):
            continue
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        if span is None:
            continue
        span = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
        span._.kg_values = [list(value_of(match))]
        span._.kg_setting = setting(span, sents.at(match.start("num")))
        used.add(match.start("num"))
        out.append(span)
    return out
