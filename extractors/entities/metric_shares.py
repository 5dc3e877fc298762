"""The share of a reference's result a method keeps, named by the measure it is a share of:
`retains 97.5% of the unpruned model performance`, `recovers 93-95% of full-dataset training
performance`, `preserving over 71% of its average retrieval accuracy`. The measure is the noun phrase
after `of`, with at least one word that says whose result it is before a bare `performance`.

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


def share_phrases(doc: Doc, sents: Sentences, used: set[int], taken: list[Span]) -> list[Span]:
    """Measures a share of a reference's result is given in, whose values no metric claimed."""
    text = doc_text(doc)
    out: list[Span] = []
    for match in SHARE_OF.finditer(text):
        if match.start("num") in used:
            continue
        if any(s.start_char < match.end("name") and match.start("name") < s.end_char for s in taken):
            continue  # a lexicon metric's (`retains 97% of the original accuracy`)
        name = " ".join(match.group("name").split())
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
