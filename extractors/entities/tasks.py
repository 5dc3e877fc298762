"""`kg_tasks`: task names the lexicon does not list, built the way the field builds
them: a few modifiers before a task head word (`local-life recommendation`,
`advertiser keyphrase recommendation`, `compatibility prediction`,
`image-text ranking`), longest match wins. Modifiers must not be function words,
verbs or evaluative adjectives (`the`, `improve`, `accurate`).

A phrase is kept where the title names it, or where the abstract states it as the
task (`X task`, `the X problem`, `tasks such as X`). A lexicon task that overlaps it
wins. In a title, the phrase before `for <task>` or before `Framework`/`Model` is the
approach, not a task.

The rules, in the order they run:
- `task_phrases.candidates`: the phrases, where they can be a task;
- `_phrase_tasks` (here): which of them are tasks, and their names;
- `task_title`: a title's tail (`for Multi-Channel Traffic Allocation`), its verb
  (`Recommending Groceries`) or system (`for Robust Recommender Systems`);
- `task_passing`: lexicon tasks named only in passing are dropped;
- `task_derived`: coordinated heads, `LLM-based X recommendation`, `cold-start` in a
  recommendation paper, and acronyms the paper defines for a task.
The words all of them read are in `vocabulary/tasks.toml` (`task_words`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.acronyms import Definition
from extractors.entities.rulers import METRIC, SPANS_KEY, TASK, doc_spans, set_doc_spans, title_end
from extractors.entities.task_derived import by_acronym, coordinated, llm_based, recommendation
from extractors.entities.task_passing import in_passing
from extractors.entities.task_phrases import (
    LIST_LOOKBACK,
    LIST_OPENED,
    LISTED_AFTER_TASKS,
    LISTED_BEFORE_TASKS,
    PROBLEM_AFTER,
    PROBLEM_BEFORE,
    Candidate,
    candidates,
)
from extractors.entities.task_title import title_gerund, title_rephrased, title_tail, title_verb
from extractors.entities.task_words import (
    HEAD_FORMS,
    HEAD_SET,
    HOW_COMPOUNDS,
    MEANS_HEADS,
    NOT_AFTER_ACRONYM,
    NOT_TASKS,
    STOP,
    STOP_WORDS,
    STUDY_KINDS,
)
from extractors.entities.text import doc_text, sentences

VERB_LIKE = re.compile(r"^[a-z]+(?:ing|ly|ed)$")
NOT_TASK_AFTER = re.compile(
    r"\s+(?:for\s+(?=\S)|(?:[Ff]ramework|[Pp]aradigm|[Mm]odel|[Aa]pproach|[Mm]ethod|[Aa]rchitecture|[Aa]ugmented)s?\b)"
)
# endings of the adjectives a title narrows a task with (`Trustworthy`, `Expandable`,
# `Proactive`); the paper's abstract must also drop them (`_abstract_form`)
NARROWING_ENDINGS = ("able", "ible", "worthy", "ive", "ed")
# a title phrase right after these is how the paper does its task, not the task
MEANS_BEFORE = re.compile(
    r"\b(?:via|with|using|through|leveraging)\s+(?:(?!(?:for|in|to|towards?|on|and)\b)[\w-]+\s+){0,3}$", re.I
)
PLAIN_WORD = re.compile(r"[^\W_]+")
STATED_LOOKBACK = 30  # characters before a phrase that may state it as the task (`the task of`)
# a leading `X-based` compound is dropped from a phrase of at least this many tokens
# (`X - based`, a modifier and the head), so that a modifier remains
HOW_COMPOUND_MIN_TOKENS = 5
KINDS_BY_COMPOUND = frozenset(["recommendation", "recommendations"])


@Language.factory("kg_tasks", default_config={"spans_key": SPANS_KEY})
def make_task_ruler(nlp: Language, name: str, spans_key: str) -> TaskPhraseRuler:
    return TaskPhraseRuler(nlp, name, spans_key=spans_key)


class TaskPhraseRuler:
    def __init__(self, nlp: Language, name: str = "kg_tasks", *, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_spans(doc, self.spans_key)
        tend = title_end(doc)
        out, replaced = _phrase_tasks(doc, spans, tend)
        # the title's narrower phrase replaces the lexicon task it holds there; the
        # abstract's own mentions of the broader task stay, unless named in passing
        spans = [s for s in spans if (s.start, s.end) not in replaced]
        passing = in_passing(doc, [s for s in spans if s.label == TASK], tend, out)
        spans = [s for s in spans if not (s.label == TASK and s.kb_id_ in passing)]
        out.extend(title_tail(doc, spans + out, tend))
        out.extend(title_rephrased(doc, spans + out, tend))
        out.extend(coordinated(doc, spans + out))
        out.extend(llm_based(doc, spans + out, tend))
        spans = recommendation(doc, spans + out, tend)
        defined = doc.user_data.get("kg.task_acronyms")
        spans = _only_narrowed(doc, spans, out, defined or [])
        set_doc_spans(doc, self.spans_key, by_acronym(doc, spans, defined) if defined else spans)
        return doc


def _phrase_tasks(doc: Doc, spans: list[Span], tend: int) -> tuple[list[Span], set[tuple[int, int]]]:
    """The candidate phrases that are tasks, and the lexicon task spans they replace."""
    taken = {(s.start, s.end) for s in spans}
    lexicon_tasks = [s for s in spans if s.label == TASK]
    named = {s.kb_id_ for s in spans if s.label != TASK and not _quantity(s)}
    metrics = {s.kb_id_ for s in spans if s.label == METRIC}
    out = []
    replaced: set[tuple[int, int]] = set()
    # one candidate per range (several rules may yield it), stated if any rule states it
    ranges: dict[tuple[int, int], bool] = {}
    for start, end, stated in candidates(doc, tend):
        ranges[start, end] = ranges.get((start, end), False) or stated
    found: list[Candidate] = [(start, end, stated) for (start, end), stated in ranges.items()]
    # a title task after `for` (`X for Y`): the phrase before `for` is the approach
    later = [s.start_char for s in lexicon_tasks if s.start_char < tend] + [
        doc[b - 1].idx for a, b, _ in found if doc[a].idx < tend
    ]
    for start, end, stated in found:
        start = _trimmed_start(doc, start, end, tend)
        if start == end - 1 or doc[start].lower_ in STOP_WORDS:
            continue  # `Backpropagating Through Simulation`
        if start == end - 2 and doc[start].lower_ in STUDY_KINDS:
            continue  # `Comparative Analysis of ...`: a kind of study, not a task
        if start == end - 2 and doc[start:end].text.lower() in NOT_TASKS:
            continue  # `the next generation of ...`
        if doc[start].idx < tend:
            start = _abstract_form(doc, start, end, tend)
        span = doc[start:end]
        in_title = span.start_char < tend
        after = NOT_TASK_AFTER.match(doc_text(doc), span.end_char, tend) if in_title else None
        if after and (not after.group().strip().startswith("for") or any(c > span.end_char for c in later)):
            continue  # `X for <task>`, `X Framework`: X is the approach, not the task
        if in_title and MEANS_BEFORE.search(doc_text(doc), 0, span.start_char):
            continue  # `Contextual Embeddings via Synthetic Corpus Generation`: the means
        if not in_title and not stated and not _stated(doc, span):
            continue
        if _object(doc, end - 2, named, metrics):
            # `LLM selection`: the task is the head acting on the named acronym; in
            # the abstract the words before are the acronym's (`deep LLM reasoning`),
            # in the title they narrow the task (`Continual LLM Unlearning`)
            if not in_title:
                start = end - 2
                span = doc[start:end]
        elif any(t.text in named for t in span[:-1]):
            continue  # a method or proposed name, not a task modifier (`MoE-based`, `BERT`)
        # an acronym keeps its case (`LLM selection`)
        words = [t.text if _acronym(t.text) else t.lower_ for t in span]
        words[-1] = HEAD_FORMS.get(words[-1], words[-1])
        name = "".join(w if w == "-" else (" " + w) for w in words).replace(" -", "-").replace("- ", "-").strip()
        if (start, end) in taken:
            continue
        overlapping = [s for s in lexicon_tasks if s.start < end and start < s.end]
        if overlapping:
            # the lexicon's task wins over an overlapping phrase, except where the
            # title narrows it (`short-form video recommendation`)
            if not (in_title and all(s.end == end and s.start > start for s in overlapping)):
                continue
            replaced.update((s.start, s.end) for s in overlapping)
        out.append(Span(doc, start, end, label="task", kb_id=name, span_id=name))
    return out, replaced


def _only_narrowed(doc: Doc, spans: list[Span], out: list[Span], defined: list[Definition]) -> list[Span]:
    """A lexicon task the paper names only as the tail of a narrower task it has
    (`document retrieval` only in `long structured document retrieval`, `Long-Document
    Retrieval (LDR)`) is not a task of its own: the narrower one is."""
    narrower = {_plain_words(s.kb_id_) for s in out} | {_plain_words(d.long_form) for d in defined}
    if not narrower:
        return spans
    text = doc_text(doc)
    kept: dict[str, bool] = {}
    for span in spans:
        if span.label != TASK or kept.get(span.kb_id_):
            continue
        name = _plain_words(span.kb_id_)
        longer = [n for n in narrower if n.endswith(name) and n != name]
        if not longer:
            kept[span.kb_id_] = True
            continue
        window = _plain_words(text[max(0, span.start_char - max(map(len, longer), default=0)) : span.end_char])
        kept[span.kb_id_] = not any(window.endswith(n) for n in longer)
    return [s for s in spans if s.label != TASK or kept.get(s.kb_id_, True)]


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _object(doc: Doc, k: int, named: set[str], metrics: set[str]) -> bool:
    """A named acronym right before the head is what the task acts on (`LLM
    selection`, `API retrieval`, `RAG evaluation`); not a compound that says how
    (`LLM-based`), nor a metric, whose lexicon task wins (`CTR prediction`)."""
    word, head = doc[k].text, doc[k + 1].lower_
    return (
        _acronym(word)
        and word in named
        and word not in metrics
        and (k == 0 or doc[k - 1].text != "-")
        and head in HEAD_SET
        and head not in NOT_AFTER_ACRONYM
    )


def _quantity(span: Span) -> bool:
    """A metric named by a plain word before a head is what the task predicts or
    judges (`latency prediction`, `relevance assessment`), not a name that says how;
    an acronym metric stays a name (`Multi-Market CTR Prediction` narrows the lexicon's
    `CTR prediction`, which names the task)."""
    return span.label == METRIC and span.text.isalpha() and not span.text.isupper()


def _trimmed_start(doc: Doc, start: int, end: int, tend: int) -> int:
    """Drop leading verb-like words (`improving bundle recommendation`), the tail of a
    hyphenated word whose head was a stop word (`e-commerce`), a possessive's `s` and a
    title's opening verb, and a leading method name (`deep learning`); then a leading compound that says how (`Stringology-Based Motif Discovery`,
    `Noise-aware Coreset Selection`: the task is what it modifies, where that still
    has a modifier; an acronym's compound names a kind of task: `LLM-based`)."""
    while start < end - 3 and doc[start + 1].lower_ in MEANS_HEADS:
        start += 2  # `deep learning demand forecasting`: the method says how
    while start < end - 1 and (
        VERB_LIKE.match(doc[start].text)
        and doc[start + 1].text != "-"
        or start > 0
        and doc[start - 1].text == "-"
        or doc[start].text == "-"
        or title_verb(doc, start, tend)
        or title_gerund(doc, start, tend)
        or _possessive(doc, start)
    ):
        start += 1
    if (
        end - start >= HOW_COMPOUND_MIN_TOKENS - 1  # `X - based head`
        and doc[start + 1].text == "-"
        and doc[start + 2].lower_ in HOW_COMPOUNDS
        and not any(c.isupper() for c in doc[start].text[1:])
        and (end - start >= HOW_COMPOUND_MIN_TOKENS or doc[end - 1].lower_ not in KINDS_BY_COMPOUND)
    ):
        # where only the head is left (`Confidence-Guided Completion`), the phrase
        # names how the paper does it, not a task: it is dropped as a bare head; but
        # the field names kinds of recommendation so (`session-based recommendation`)
        start += 3
    return start


def _possessive(doc: Doc, start: int) -> bool:
    """The `s` of `Alzheimer's disease detection`, split from its word."""
    return doc[start].text == "s" and start > 0 and doc[start - 1].text in ("'", "\u2019")


def _stated(doc: Doc, span: Span) -> bool:
    """The abstract states the phrase as the task: `the task of X`, `X problem`,
    `X and Y tasks`, `tasks: A, B and X`."""
    text = doc_text(doc)
    sent_start = sentences(doc).at(span.start_char).start_char
    before = text[max(sent_start, span.start_char - STATED_LOOKBACK) : span.start_char]
    return bool(
        PROBLEM_BEFORE.search(before)
        or PROBLEM_AFTER.match(text, span.end_char)
        or LISTED_BEFORE_TASKS.match(text, span.end_char) is not None
        and LIST_OPENED.search(before) is not None
        or _listed_after_tasks(text, max(sent_start, span.start_char - LIST_LOOKBACK), span.start_char)
    )


def _listed_after_tasks(text: str, start: int, end: int) -> bool:
    """`tasks: A, B and X` (the regex only where a task word is near: it backtracks)."""
    near = text[start:end].lower()
    return ("tasks" in near or "problems" in near) and LISTED_AFTER_TASKS.search(text, start, end) is not None


def _abstract_form(doc: Doc, start: int, end: int, tend: int) -> int:
    """A title narrows its task with adjectives the abstract drops (`Trustworthy
    Multimodal Recommendation`, `Transferable Latency Prediction`): where the abstract
    names the title's phrase only by a shorter tail with a modifier, and the words
    before that tail are such adjectives, the task goes by that tail (the paper's own
    short form). Returns the start of the form to keep."""
    tails = []  # where a shorter form may start (the adjectives are tested first: cheap)
    for k in range(start + 1, end - 1):
        if doc[k].text == "-" or doc[k - 1].text == "-":
            continue  # not inside a hyphenated word
        # (a compound by its last part: `ID-Free`)
        if not all(_narrowing(doc, i) for i in range(start, k) if "-" not in (doc[i].text, doc[i + 1].text)):
            break  # a word that says which task (`Biomedical`, `Stroke Lesion`)
        if doc[k].lower_ not in STOP_WORDS:
            tails.append(k)
    if not tails:
        return start
    abstract = doc.user_data.get("kg.abstract_words")
    if abstract is None:
        abstract = doc.user_data["kg.abstract_words"] = _plain_words(doc_text(doc)[tend:])
    if _plain_words(doc[start:end].text) in abstract:
        return start
    return next((k for k in tails if _plain_words(doc[k:end].text) in abstract), start)


def _narrowing(doc: Doc, i: int) -> bool:
    """A title word that says how good a task is done, not which task: `Trustworthy`,
    `Transferable`, `Proactive`, `ID-Free`; not an acronym's compound (`LLM-Based`)."""
    word = doc[i].lower_
    if word in HOW_COMPOUNDS:
        return i < 2 or doc[i - 1].text != "-" or not any(c.isupper() for c in doc[i - 2].text[1:])
    return word in STOP or word.endswith(NARROWING_ENDINGS)


def _plain_words(text: str) -> str:
    """` multimodal recommendation `: lower case, words between single spaces, hyphens
    as spaces, so that one phrase is found in another by `in`."""
    return " " + " ".join(PLAIN_WORD.findall(text.lower())) + " "
