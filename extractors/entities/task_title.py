"""Tasks a title names in its own ways: a `for/in/Towards <Task>` tail with the wider
heads of `TAIL_HEADS` (`for Multi-Channel Traffic Allocation`), a verb (`Recommending
Groceries` is grocery recommendation) or the system (`for Robust Recommender Systems`
is robust recommendation)."""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Doc, Span

from extractors.entities.rulers import COMPANY, TASK
from extractors.entities.task_words import (
    FUNCTION_WORDS,
    GERUND_HEADS,
    HEAD_FORMS,
    HEAD_SET,
    MODIFIERS_IN_ING,
    NOT_ALONE,
    NOT_TAIL_MODIFIERS,
    NOUNS_IN_ING,
    STOP,
    modifier,
    singular,
    tail_head,
    tail_verb,
    task_case,
)
from extractors.entities.text import doc_text

TITLE_TAIL = re.compile(
    r"(?:\b(?:for|in)\s+|^(?:[^:]*:\s*)?[Tt]owards\s+)(?P<phrase>[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?)"
    r"\s*(?=$|[:?,]|\s+(?:with|via|using|by|through|and\s+beyond|from|in|for|on|across|under|at)\b)"
)
# `Recommending Groceries Based on ...`: the verb's object, up to a word that ends it
TITLE_GERUND = re.compile(
    r"\b(?P<verb>" + "|".join(GERUND_HEADS) + r")\s+(?P<words>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)"
    r"\s*(?=$|[:?,(]|\s+(?:[Bb]ased|[Uu]sing|[Ww]ith|[Vv]ia|[Ff]rom|[Ff]or|[Ii]n|[Oo]n|[Bb]y|[Tt]hrough|[Aa]nd|[Ww]hen)\b)"
)
# heads whose verb takes only a task as its object (`Evaluating Retrieval`, not
# `Evaluating AI Systems`)
OF_TASK_HEADS = frozenset(["evaluation", "assessment"])
# words before a title's verb in -ing (besides function words and a colon)
GERUND_OPENERS = frozenset(["towards", "toward", "via", "when", "through", "into"])
DETERMINERS = frozenset(["a", "an", "the", "our", "their", "its", "this", "that", "these", "both", "either"])
# `for Robust Recommender Systems`: the words before the system
TITLE_SYSTEM = re.compile(
    r"(?:^|(?<=\s))(?P<words>(?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+"
    r"(?P<agent>[Rr]ecommender\s+[Ss]ystems?|[Rr]ecommenders|[Rr]etrievers|[Rr]erankers)\b"
)
# the task a system named by what it does does (`Visual Document Retrievers` is visual
# document retrieval, `Video Recommenders` video recommendation)
AGENT_HEADS = {"recommender": "recommendation", "recommenders": "recommendation", "retrievers": "retrieval"}
AGENT_HEADS["rerankers"] = "reranking"


def title_tail(doc: Doc, spans: list[Span], tend: int) -> list[Span]:
    """A title's `... for <Task>` / `... in <Task>` / `Towards <Task>` tail, where the
    head is a task word the phrase matcher does not take alone (`for E-commerce
    Query Understanding`, `for Multi-Channel Budget Allocation`). Tails that already
    hold a task, bare heads (`for Recommendation`) and numbers are skipped."""
    if not tend:
        return []
    title = doc_text(doc)[:tend]
    companies = {s.text for s in spans if s.label == COMPANY}
    out = []
    for match in TITLE_TAIL.finditer(title):
        words = match.group("phrase").split()
        head = words[-1].lower()
        head = HEAD_FORMS.get(head, head)
        if not tail_head(head) or GERUND_HEADS.get(words[0]) in OF_TASK_HEADS and head in HEAD_SET:
            continue  # (`for Evaluating Retrieval`: `title_rephrased` names it)
        start = match.start("phrase")
        # leading stop words, evaluative words and verbs (`for Fostering Responsible ...`)
        while words and (
            words[0].lower() in STOP
            or words[0].lower() in NOT_TAIL_MODIFIERS
            or tail_verb(words)
            or words[0] in companies  # `for Pinterest Ads Ranking`: where, not which task
        ):
            start += len(words[0]) + 1
            words.pop(0)
        if len(words) < 2 or any(c.isdigit() for c in match.group("phrase")) or any(w in FUNCTION_WORDS for w in words):
            continue
        span = doc.char_span(start, match.end("phrase"), alignment_mode="expand")
        if span is None or any(x.label == TASK and x.start < span.end and span.start < x.end for x in spans):
            continue
        name = " ".join(map(task_case, words[:-1])) + " " + head
        out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
    return out


def title_rephrased(doc: Doc, spans: list[Span], tend: int) -> list[Span]:
    """Tasks a title names by a verb or by the system: `Recommending Groceries` is
    grocery recommendation, `for Robust Recommender Systems` robust recommendation."""
    if not tend:
        return []
    title = doc_text(doc)[:tend]
    named = {s.kb_id_.casefold() for s in spans if s.label != TASK}
    out = []
    for pattern, needs in ((TITLE_GERUND, tuple(GERUND_HEADS)), (TITLE_SYSTEM, ("ecommender", "etriever", "eranker"))):
        if not any(map(title.__contains__, needs)):
            continue  # (most titles: the scan costs more than the rest of this rule)
        for match in pattern.finditer(title):
            words = match.group("words").split()
            start = match.start("words")
            if pattern is TITLE_SYSTEM:  # the modifiers right before the system
                kept = list(takewhile(lambda w: modifier(w, named), reversed(words)))[::-1]
                dropped = words[: len(words) - len(kept)]
                before = (dropped or title[:start].split() or [""])[-1]
                if before.lower() == "to" or kept and kept[0].lower() in NOT_ALONE:
                    continue  # `to Overcome Recommender System ...`, `Sequentially Aware Recommender ...`
                start += len(" ".join(dropped)) + bool(dropped)
                words = kept
            while words and words[0].lower() in STOP:
                start += len(words[0]) + 1
                words.pop(0)
            of_task = pattern is TITLE_GERUND and GERUND_HEADS[match.group("verb")] in OF_TASK_HEADS
            if of_task and (not words or HEAD_FORMS.get(words[-1].lower(), words[-1].lower()) not in HEAD_SET):
                continue  # `Evaluating Household Robots`: a study of a thing, not a task
            if not words or any(
                w.lower() in FUNCTION_WORDS or (w.lower() in HEAD_SET and not of_task) or not w[0].isalpha()
                for w in words
            ):
                continue
            if pattern is TITLE_GERUND:
                before = title[: match.start()].split()[-1:]
                if (
                    before
                    and before[0].lower() not in FUNCTION_WORDS | GERUND_OPENERS
                    and not before[0].endswith((":", "ly"))
                ):
                    continue  # `Demand Forecasting with ...`: a noun after its own modifier
                if match.group("words").split()[0].lower() in FUNCTION_WORDS - DETERMINERS:
                    continue  # `Forecasting with Graphs`: no object
                words[-1] = singular(words[-1])
                head = GERUND_HEADS[match.group("verb")]
            else:
                head = AGENT_HEADS[match.group("agent").split()[0].lower()]
            span = doc.char_span(start, match.end("words"), alignment_mode="expand")
            if span is None or any(x.label == TASK and x.start < span.end and span.start < x.end for x in spans):
                continue
            name = " ".join(map(task_case, words)) + " " + head
            out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
    return out


def title_verb(doc: Doc, i: int, tend: int) -> bool:
    """A title opening with a verb, `Training Search Agents ...`, `Hijacking RAG via ...`
    (at the start or after the colon); not a noun in -ing, `Streaming Recommendation`."""
    word = doc[i].text
    if doc[i].idx >= tend or not (word.endswith("ing") and word[:1].isupper()) or word.lower() in NOUNS_IN_ING:
        return False
    return i == 0 or doc[i - 1].text in (":", "?", ".")


def title_gerund(doc: Doc, i: int, tend: int) -> bool:
    """A verb in -ing before a title's head, anywhere in the title: `Evaluating Retrieval`,
    `Training Retrieval` say what is done to the task, not which task (a lower-case one
    is `VERB_LIKE`); not a noun in -ing (`Streaming`), a head (`Ranking`) or a word in
    -ing that names a kind of thing (`Talking Head Generation`)."""
    word = doc[i].text
    return (
        doc[i].idx < tend
        and word.endswith("ing")
        and word[:1].isupper()
        and word.lower() not in NOUNS_IN_ING
        and word.lower() not in HEAD_SET
        and word.lower() not in MODIFIERS_IN_ING
        and i + 1 < len(doc)
        and doc[i + 1].text != "-"
    )
