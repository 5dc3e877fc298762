"""A lexicon task named once, in passing, as background, is not the paper's task.

The task lexicon matches a known task name anywhere; on the bulk dev gold about a
third of the names it finds are not what the paper addresses. Most of those are named
once, as background: a means (`other widely used dense retrieval baselines`,
`Named Entity Recognition models`), a list of uses (`downstream applications such as
summarization and question answering`) or earlier work (`Existing multimodal
recommenders ... facilitate multimodal fusion`). A name said once without such a cue
is kept: the seed gold counts those (`a misalignment with downstream generative
recommendation objectives`).

A lexicon task is dropped where it is named once and in passing (`named_in_passing`),
and no other task of the paper shares its head word (`field`: a `multimodal
recommendation methods` in a recommendation paper is its field's task):
- not `title`: the title does not name it;
- not `opening`/`closing`: neither the abstract's first nor its last sentence names it;
- not `own`: the sentence is not about the paper's work (`we`, `our`, `this paper`);
- not `stated`: the sentence does not call it a task or problem;
- not `defined`: the paper does not give it an acronym (`Table Detection (TD)`);
and a background cue holds (`background`):
- `means`: it modifies a means (`X baselines`, `X and Y approaches`);
- `uses`: it is listed after `such as`/`including`/`e.g.`;
- `earlier`: the sentence opens on earlier work (`Existing`, `Previous`, `Most`).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from extractors.entities.task_phrases import OWN_WORK
from extractors.entities.task_words import EARLIER_WORK, MEANS_NOUNS
from extractors.entities.text import Sent, sentences

TASK_OR_PROBLEM = re.compile(r"\b(?:tasks?|problems?)\b", re.I)
LISTED_AFTER = re.compile(r"\b(?:such\s+as|including|e\.g\.,?|like)\s", re.I)
MEANS_LOOKAHEAD = 4  # tokens after a name that may reach its noun (`X and Y approaches`)
COORDINATORS = frozenset(["and", "or", ",", "/"])


def in_passing(doc: Doc, lexicon_tasks: list[Span], tend: int, others: list[Span]) -> set[str]:
    """The names (`kb_id_`) of the lexicon tasks `lexicon_tasks` names once and in
    passing; `others` are the paper's other tasks (its phrase tasks)."""
    mentions: dict[str, list[Span]] = {}
    for span in lexicon_tasks:
        mentions.setdefault(span.kb_id_, []).append(span)
    heads = Counter(_head(s.kb_id_) for s in others) + Counter(_head(name) for name in mentions)
    return {
        name
        for name, spans in mentions.items()
        if len(spans) == 1 and heads[_head(name)] == 1 and _named_in_passing(doc, spans[0], tend)
    }


def _head(name: str) -> str:
    return name.rsplit(None, 1)[-1].rsplit("-", 1)[-1].lower()


def _named_in_passing(doc: Doc, span: Span, tend: int) -> bool:
    if span.start_char < tend or _defined(doc, span):
        return False
    sents = sentences(doc)
    i = sents.index(span.start_char)
    first = sents.index(tend) + (1 if tend and sents.starts[sents.index(tend)] < tend else 0)
    if i == first or i == len(sents.starts) - 1:
        return False  # the opening or the closing sentence
    sent = sents.at(span.start_char)
    if OWN_WORK.search(sent.text) or TASK_OR_PROBLEM.search(sent.text):
        return False
    return _background(doc, span, sent)


def _defined(doc: Doc, span: Span) -> bool:
    """`Table Detection (TD)`, or the acronym of such a definition."""
    if span.end >= len(doc):
        return False
    after = doc[span.end].text
    if after == ")" and span.start > 0 and doc[span.start - 1].text == "(":
        # `Query Performance Prediction (QPP) methods`: a means, not the paper's task
        return not (span.end + 1 < len(doc) and doc[span.end + 1].lower_ in MEANS_NOUNS)
    return after == "("


def _background(doc: Doc, span: Span, sent: Sent) -> bool:
    # means: `dense retrieval baselines`, `candidate generation and ranking approaches`
    first = span.end + (span.end < sent.end and doc[span.end].text == ")")  # past `(QPP)`
    k = first
    while k < min(sent.end, first + MEANS_LOOKAHEAD):
        word = doc[k].lower_
        if word in MEANS_NOUNS:
            return True
        if k == first and word not in COORDINATORS:
            break
        k += 1
    # uses: `applications such as summarization and question answering`
    before = sent.text[: span.start_char - sent.start_char]
    if LISTED_AFTER.search(before[-60:]):
        return True
    # earlier: `Existing multimodal recommenders ...`
    return doc[sent.start].lower_ in EARLIER_WORK
