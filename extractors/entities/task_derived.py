"""Tasks read from the tasks already found, and their names in the paper's own terms:
- coordinated heads (`interactive and explainable recommendation tasks`);
- `LLM-based X recommendation`, which is also LLM-based recommendation;
- `cold-start` in a recommendation paper, which is cold-start recommendation;
- a task the paper defines an acronym for, which goes by the acronym."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from extractors.entities.rulers import TASK, title_end
from extractors.entities.task_phrases import PROBLEM_AFTER
from extractors.entities.task_words import FUNCTION_WORDS, HEAD_FORMS, HEADS, RECOMMENDATION_PROBLEMS, STOP_WORDS
from extractors.entities.text import doc_text

if TYPE_CHECKING:
    from extractors.entities.names import Definition

COORDINATED = re.compile(r"and\s+([A-Za-z][\w-]*)\s+(" + "|".join(HEADS) + r")\b")
WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)\s+$")
COORDINATED_LOOKBACK = 30  # characters before `and Y <head>` that hold the first conjunct
LLM_BASED = re.compile(
    r"(?:LLMs?|[Ll]arge [Ll]anguage [Mm]odels?(?:\s*\(LLMs?\))?)[- ](?:based|powered|enhanced|empowered|driven)\s+$"
)
LLM_BASED_LOOKBACK = 45  # characters before a task that may say `LLM-based`
# a title's LLMs as the means of its recommendation: `Sequential Recommendation with
# Large Language Models`, `in the Era of LLMs`, `LLM-Enhanced Logical Recommendation`,
# `LLM Recommenders`, `LLMs for Sequential Recommendation`; not a multimodal LLM
# (another kind of paper), nor LLMs named otherwise (`LLM-Aligned Tokenization`,
# `Distilling LLM Signals`, `Adaptation of LLMs`, `an LLM Agent`)
_LLMS = r"(?<!Multimodal )(?:LLMs|[Ll]arge [Ll]anguage [Mm]odels)"
_LLM = r"(?:LLMs?|[Ll]arge [Ll]anguage [Mm]odels?)"
TITLE_LLM = re.compile(
    r"\b(?:(?:[Ww]ith|[Uu]sing|[Vv]ia|[Ll]everaging|[Mm]erging|[Ii]ntegrating|[Cc]ombining|[Ee]ra\s+of)\s+"
    + _LLMS
    + r"|(?<![\w-])"
    + _LLM
    + r"[- ](?:[Bb]ased|[Ee]nhanced|[Ee]mpowered|[Pp]owered|[Dd]riven)\b"
    + r"|(?<![\w-])"
    + _LLM
    + r"\s+(?:[Rr]ecommenders?\b|(?:for|as)\s+(?:[\w-]+\s+)?[Rr]ecommend))"
)
SYSTEMS_TAIL = re.compile(r"\s+[Ss]ystems?$")
TITLE_RECOMMENDATION = re.compile(r"\b[Rr]ecommend(?:ation|ations|er|ers)\b")


def coordinated(doc: Doc, spans: list[Span]) -> list[Span]:
    """`interactive and sequential recommendation`: the second is a known task
    (`Y head`), so `X head` is one too."""
    known = {s.kb_id_.casefold() for s in spans if s.label == TASK}
    out: list[Span] = []
    text = doc_text(doc)
    if not known and "task" not in text and "problem" not in text:
        return out
    tend = title_end(doc)
    for match in COORDINATED.finditer(text):
        if match.start() and text[match.start() - 1].isalnum():
            continue
        second, head = match.group(1), HEAD_FORMS.get(match.group(2).lower(), match.group(2).lower())
        stated = PROBLEM_AFTER.match(text, match.end()) is not None or match.start() < tend
        if f"{second} {head}".casefold() not in known:
            # `both interactive and explainable recommendation tasks`: both are tasks
            if not stated or second.lower() in STOP_WORDS or second.lower() in HEADS:
                continue
            span = doc.char_span(match.start(1), match.end(2), alignment_mode="expand")
            if span is None:
                continue
            name = f"{second.lower()} {head}"
            out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
        before = WORD_BEFORE.search(text, max(0, match.start() - COORDINATED_LOOKBACK), match.start())
        first_low = before.group(1).lower() if before else ""
        if before is None or first_low in FUNCTION_WORDS or first_low in HEADS or first_low in STOP_WORDS:
            continue  # `more accurate and personalized recommendations`: not a task
        first = before.group(1)
        span = doc.char_span(before.start(1), before.end(1), alignment_mode="expand")
        if span is not None:
            name = f"{first.lower()} {head}"
            out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
    return out


def llm_based(doc: Doc, spans: list[Span], tend: int) -> list[Span]:
    """`LLM-based generative recommendation` is also LLM-based recommendation, and so
    is a title's recommendation that LLMs do (`TITLE_LLM`)."""
    out = []
    name = "LLM-based recommendation"
    title = doc_text(doc)[:tend]
    if TITLE_RECOMMENDATION.search(title):
        llm = TITLE_LLM.search(title)
        span = doc.char_span(llm.start(), llm.end(), alignment_mode="expand") if llm else None
        if span is not None:
            out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
    for span in spans:
        if span.label == TASK and span.kb_id_.endswith("recommendation") and not span.kb_id_.startswith("LLM"):
            if LLM_BASED.search(doc_text(doc), max(0, span.start_char - LLM_BASED_LOOKBACK), span.start_char):
                out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
    return out


def recommendation(doc: Doc, spans: list[Span], tend: int) -> list[Span]:
    """In a paper whose title is about recommendation, a problem named alone
    (`cold-start`, `the long-tail problem`) is that kind of recommendation; in
    another paper it is no task unless the title names it. Where a task the paper
    names holds the problem (`cold-start item recommendation`) or follows it
    (`Cold-Start CTR Prediction`), the problem alone is that task's modifier, not one
    more task."""
    tasks = [s for s in spans if s.label == TASK]
    narrowed = {stem for s in tasks for stem in RECOMMENDATION_PROBLEMS if s.kb_id_.casefold().startswith(stem + " ")}
    ahead = {s.start for s in tasks}  # `Cold-Start CTR Prediction`: it modifies the next task
    spans = [
        s
        for s in spans
        if not (s.label == TASK and s.kb_id_ in RECOMMENDATION_PROBLEMS and (s.kb_id_ in narrowed or s.end in ahead))
    ]
    title = doc_text(doc)[:tend].lower()
    if "recommend" not in title:
        # elsewhere it is a stage or a setting (`cold-start capabilities` of an SFT
        # stage, `cold-start active learning`), not the paper's task, unless the
        # title names it
        return [
            s
            for s in spans
            if not (s.label == TASK and s.kb_id_ in RECOMMENDATION_PROBLEMS and not _named(s.kb_id_, title))
        ]
    out = []
    for span in spans:
        if span.label == TASK and span.kb_id_ in RECOMMENDATION_PROBLEMS:
            stem = span.kb_id_
            if not _named(stem, title):  # a title naming it names the problem
                name = f"{stem} recommendation"
                span = Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name)
        out.append(span)
    return out


def _named(stem: str, title: str) -> bool:
    return stem in title or stem.replace("-", " ") in title


def by_acronym(doc: Doc, spans: list[Span], defined: list[Definition]) -> list[Span]:
    """A task the paper defines an acronym for goes by the acronym (gold style): the long
    form anywhere (`Reasoning-Intensive Retrieval` in the title for `RIR`), and a task
    read inside the definition (`visual question answering` in `Knowledge-based Visual
    Question Answering (KB-VQA)`)."""
    by_long = {_plain(d.long_form): d.acronym for d in defined}
    # `multi-agent video recommendation systems (MAVRS)`: the task without its systems
    by_long |= {
        _plain(SYSTEMS_TAIL.sub("", d.long_form)): d.acronym for d in defined if SYSTEMS_TAIL.search(d.long_form)
    }
    out = []
    for span in spans:
        if span.label == TASK:
            acronym = by_long.get(_plain(span.kb_id_)) or next(
                (d.acronym for d in defined if d.start <= span.start_char and span.end_char <= d.end), None
            )
            if acronym and acronym != span.kb_id_:
                span = Span(doc, span.start, span.end, label="task", kb_id=acronym, span_id=span.id_)
        out.append(span)
    return out


def _plain(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum()).removesuffix("s")
