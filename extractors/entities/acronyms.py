"""Acronym definitions of `kg_names`, `Long Form (LF)`, checked letter by letter: the
acronym is the paper's own when it is the object of a proposal cue (or a Title Case long
form in a proposing sentence, or the title names it); otherwise it names a task, dataset
or method by the long form's head word (`Maximum Mean Discrepancy (MMD)` -> method
`MMD`). A long form the lexicon knows keeps the lexicon's name and kind; a known acronym
the paper spells out otherwise (`Software Vulnerability Detection (SVD)`) loses the
lexicon's meaning in that paper; a task goes by the acronym defined for it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from extractors.entities.lexicon import Entry
from extractors.entities.name_context import TASK_HEADS, AddSpan, NameContext, Propose
from extractors.entities.proposal_cues import (
    APPOSITIVE_HEADS,
    CUE_CLOSE,
    CUE_NEAR,
    LATEX_MARK,
    MODIFIED_AFTER,
    PASSIVE_AFTER,
)
from extractors.entities.task_words import ACRONYM_HEADS_IF_CALLED_TASK, FUNCTION_WORDS
from extractors.entities.text import NAME, NOT_NAMES, initials_match, initials_spell, normalise_name

ACRONYM_HINT = re.compile(r"\(\s*\{?[A-Za-z]")
ACRONYM_AFTER = re.compile(r"\(\s*\{?(" + NAME + r")\}?\s*(?:\)|;|,)")
CLAUSE_SPLIT = re.compile(r"[,;:()\[\]\"“”.]\s|\s[-–—]\s")
# right before a long form: it names a prior thing, not the paper's own
PRIOR_BEFORE = re.compile(
    r"\b(?:existing|prior|previous|conventional|traditional|popular|classic|standard|original|vanilla|well-known)"
    r"(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)
# an edition of a thing that recurs: `the 2025 Common Weakness Enumeration (CWE)`,
# `the 11th Affective Behavior Analysis (ABAW) Challenge`
EDITION_BEFORE = re.compile(r"\bthe\s+(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th))\s*$")
# the paper casts its problem as a known formalism: `we formulate X as a Markov
# decision process (MDP)`, `a framework that models retrieval as a Markov ... (MDP)`
CAST_AS = re.compile(
    r"\b(?:formulat|reformulat|cast|model|fram|treat|view|pos|frames?)\w*\b[^.;]{0,100}?\bas\s+(?:a|an)"
    r"(?:\s+[\w-]+){0,2}?\s*$"
)
# a long form headed by one of these, or an acronym followed by one, is a measure:
# `the Driver Safety-Aware Intervention Score (DSAIS)`, `an Adverse Media Index (AMI) score`
MEASURE_HEADS = frozenset("score scores metric metrics measure measures".split())
MEASURE_NOUN_AFTER = re.compile(r"\s+(?:score|metric|measure)s?\b")
# what the parts of a method are called; unlike `network` or `unit` (GCN, GRU), no
# well-known method is named by these
COMPONENT_HEADS = frozenset("stage module phase component".split())
COMPONENT_AFTER = re.compile(r"\s+(?:" + "|".join(COMPONENT_HEADS) + r")\b")
# right before a long form: the paper uses it (`integrates X with the online decision transformer`,
# `grounded in the Contextual Lantern (CL) framework`)
VIA = re.compile(r"\b(?:via|using|through|with|by|from|(?:grounded|rooted)\s+in|(?:based|built)\s+on)(?:\s+the)?$")
# (the lookahead of the first letters makes the scan faster)
DATASET_WORDS = re.compile(
    r"(?=[dbcte])\b(?:dataset|data\s+set|benchmark|corpus|collection|testbed|encyclopedia)s?\b", re.I
)
METHOD_HEADS = frozenset(
    "network networks model models learning algorithm optimization sampling decomposition regression "
    "encoder encoders decoder machine machines factorization filtering attention distillation discrepancy "
    "embedding embeddings transformer propagation tuning training inference quantization loss memory "
    "autoencoder auto-encoder perceptron process processes search programming descent policy agent "
    "mechanism architecture method technique strategy framework paradigm module".split()
)
# long forms that name a problem only when the text calls the acronym a task
TASK_ONLY_HEADS = ACRONYM_HEADS_IF_CALLED_TASK
# a task head and one of these (`content-based recommendation systems (CRSs)`): the
# acronym names the task, the way the field names it by its systems
SYSTEM_NOUNS = frozenset(["system", "systems"])
PROPOSAL_ONLY_HEADS = frozenset("framework paradigm module mechanism architecture method technique strategy".split())
# a noun for a built thing right after the acronym: `a Listwise Multi-step Prediction (LMP)
# objective` is an objective, not the task its long form spells; `a Multi-Codebook
# Cross-Attention (MCCA) network is designed` proposes it
THING_NOUNS = (*APPOSITIVE_HEADS, "objective", "layer", "block", "component", "stage", "unit", "scheme")
THING_AFTER = re.compile(r"\s+(?:" + "|".join(THING_NOUNS) + r")s?\b")
THING_PASSIVE_AFTER = re.compile(r"\s+(?:" + "|".join(THING_NOUNS) + r")s?" + PASSIVE_AFTER.pattern)
TASK_AFTER = re.compile(r"\s+(?:tasks?|problems?)\b")
TASK_BEFORE = re.compile(r"\btasks?\s+(?:like|such\s+as|including|of)\s+(?:the\s+)?$")
# how far before an acronym `tasks like` may be
TASK_LOOKBACK = 25
# what ends a title's head: `LF: subtitle`, `LF -- subtitle`
TITLE_HEAD = re.compile(r"\s*[:：]\s*|\s+(?:--?|[–—])\s+")
# a long form of this many words that the title holds is spelled from it
TITLE_LONG_FORM_WORDS = 3
LINK_WORDS = frozenset("of the and for in on with to a an based aware".split())


class Definition(NamedTuple):
    """An acronym the paper defines, `Long Form (LF)`: the task rules name the task by it."""

    acronym: str
    long_form: str
    start: int  # of the long form in the text
    end: int  # of the acronym


def task_systems(long_words: list[str]) -> bool:
    """`multi-agent video recommendation systems (MAVRS)`: a kind of system named by its
    task (not one the paper proposes, which a cue makes a name first)."""
    return (
        len(long_words) > 2
        and long_words[-1].lower() in SYSTEM_NOUNS
        and long_words[-2].lower() in TASK_HEADS
        and not any(w.lower() in FUNCTION_WORDS for w in long_words)
    )


def named_as_task(text: str, acronym: str) -> bool:
    """`the MTCDR task`, `tasks like WPO`, `tasks such as CDSR`."""
    start = text.find(acronym)
    while start >= 0:
        end = start + len(acronym)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "-")):
            if TASK_AFTER.match(text, end) or TASK_BEFORE.search(text, max(0, start - TASK_LOOKBACK), start):
                return True
        start = text.find(acronym, end)
    return False


def redefines(entry: Entry, acronym: str, long_words: list[str]) -> bool:
    """`Software Vulnerability Detection (SVD)`: the paper's SVD is not the lexicon's,
    for its long form spells the acronym word by word and no word of the entry's long
    forms (`singular value decomposition`) is in it (compared by their first five
    letters: `recommender` ~ `recommendation`). An entry with no long form of the
    acronym (`LaMP benchmark` is not one) cannot tell."""

    def stems(words: Iterable[str]) -> set[str]:
        return {w[:5] for w in words if len(w) > 2}

    words = [w for word in long_words for w in word.casefold().split("-") if w and w not in LINK_WORDS]
    if "".join(w[0] for w in words) != "".join(c for c in acronym if c.isupper()).casefold():
        return False  # `visual features (ViT)` does not define ViT
    folded = acronym.casefold()
    spelled = [
        stems(parts)
        for s in entry.spellings
        if " " in s
        if folded not in (parts := re.split(r"[\s-]+", s.casefold())) and initials_match(acronym, parts) == 0
    ]
    if not spelled:
        return False
    own = stems(words)
    return not any(theirs & own for theirs in spelled)


def acronym_definitions(
    ctx: NameContext,
    s_text: str,
    base: int,
    cue_at: int,
    title: str,
    add: AddSpan,
    propose: Propose,
    proposing: bool,
    tasks: list[Definition],
    redefined: set[tuple[Entry, str]],
) -> None:
    """Acronym definitions of one sentence; `cue_at`: where the sentence's first proposal
    cue is; `proposing`: the paper has a proposal cue somewhere. Collects the definitions
    of tasks and of lexicon acronyms given another meaning."""

    def task(defined: Definition, acronym_start: int) -> None:
        add("task", defined.acronym, acronym_start, defined.end)
        tasks.append(defined)

    for match in ACRONYM_AFTER.finditer(s_text):
        has_cue = (
            cue_at < match.start()
            or PASSIVE_AFTER.match(s_text, match.end()) is not None
            or THING_PASSIVE_AFTER.match(s_text, match.end()) is not None
        )
        acronym = match.group(1)
        plain = acronym.replace("$", "")
        # a plural, `LALMs`, `dLLMs`: a class of things
        core = plain[:-1] if plain.endswith("s") and plain[-2:-1].isupper() else plain
        if not any(c.isupper() for c in core) or core in NOT_NAMES or len(core) < 2:
            continue
        # LaTeX markup before the long form (`introduce \textbf{Long Form (LF)}`) stands for nothing:
        # blanked, so that the offsets hold
        before = LATEX_MARK.sub(lambda m: " " * len(m.group()), s_text[: match.start()])
        clause = CLAUSE_SPLIT.split(before)[-1]
        words = clause.split()
        if not words:
            continue
        limit = min(len(core) + 5, 2 * len(core))
        words = words[-limit:]
        start_word = initials_spell(core, words)
        if start_word is None:
            start_word = initials_match(core, words)
        if start_word is None:
            continue
        long_words = words[start_word:]
        long_form = " ".join(long_words)
        if not long_form[:1].isalpha():
            continue
        start = base + match.start(1)
        end = base + match.end(1)
        # the title names it (`LF: subtitle`, `Long Form: subtitle`); a long form the
        # title merely holds (`... for Root Cause Analysis`) is the field it works in,
        # unless the sentence that defines it proposes (`we design ... (OAT)`)
        title_head = TITLE_HEAD.split(title, maxsplit=1)[0] if title else ""
        title_names = bool(title) and title_head == core
        in_title = (
            title_names
            or bool(title)
            and (
                title_head.casefold() in (long_form.casefold(), f"{long_form} ({core})".casefold())
                or 0 < cue_at < match.start()
                and len(long_words) >= TITLE_LONG_FORM_WORDS
                and long_form.casefold() in title.casefold()
            )
        )
        if ctx.known.get(long_form) is not None:
            continue  # the lexicon ruler has it, under its canonical name
        known_core = ctx.known.get(core)
        if known_core is not None and redefines(known_core, core, long_words):
            # the paper's own meaning of a well-known acronym, read like an unknown
            # one: its `Masked Autoencoder (MAE)` is not the metric
            redefined.add((known_core, core))
            known_core = None
        if known_core is not None and not (has_cue or in_title):
            continue
        last = long_words[-1].lower()
        head = last if last in TASK_HEADS or not last.endswith("s") else last[:-1]
        head_word = long_words[-1].lower().split("-")[-1]
        all_words = clause.split()
        prefix = " ".join(all_words[: len(all_words) - len(long_words)])
        via = VIA.search(prefix)
        # not the paper's own: a class of things (`Large Audio-Language Models (LALMs)`),
        # or a prior one (`the existing Sparse Mixture Routing (SMR)`)
        other_kind = core != plain or PRIOR_BEFORE.search(prefix) is not None
        if EDITION_BEFORE.search(prefix) or CAST_AS.search(prefix):
            has_cue = in_title = False
        if has_cue and cue_at > 0 and not PASSIVE_AFTER.match(s_text, match.end()):
            # a cue counts only where the defined name is its object:
            # `we propose [a new framework,] Long Form (LF)`, not any acronym after it
            # ... or a Title Case long form in a sentence that proposes:
            # `which includes Sparse Intent Routing (SIR)`
            capitals = sum(w[:1].isupper() for w in long_words)
            has_cue = CUE_NEAR.search(prefix) is not None or (capitals * 2 > len(long_words) and not other_kind)
        elif has_cue and cue_at == 0 and (len(long_words) < 2 or other_kind):
            has_cue = False
        if has_cue and MODIFIED_AFTER.match(s_text, match.end()):
            has_cue = False
        if known_core is not None and not ((has_cue and not via) or in_title):
            continue  # a lexicon name keeps the lexicon's kind
        word_starts = [m.start() for m in re.finditer(r"\S+", clause)]
        long_start = base + len(before) - len(clause) + word_starts[len(word_starts) - len(long_words)]
        defined = Definition(normalise_name(core), long_form, long_start, end)

        if (head_word in TASK_HEADS or head_word in TASK_ONLY_HEADS) and named_as_task(ctx.text, core):
            task(defined, start)  # `tasks like WPO`, `the MTCDR task`
            continue
        # a stage or module of the paper's own method, named in Title Case:
        # `During the second Basket Pruning Stage (BPS), ...`
        # ... or `The Test Case Quality Mining (TCQM) module filters ...`
        named_part = head_word in COMPONENT_HEADS or COMPONENT_AFTER.match(s_text, match.end()) is not None
        component = proposing and named_part and all(w[:1].isupper() for w in long_words)
        # a long form in lower case is a description, not a name, unless a cue or the
        # title names it: `adding a wave-aware pooling network (WPN)`
        described = long_form.islower() and not CUE_CLOSE.search(prefix) and not in_title
        if not described and ((has_cue and not via) or in_title or (component and known_core is None)):
            if known_core is not None and known_core.kind != "method":
                continue
            if (
                head_word in TASK_HEADS
                and not title_names
                and not CUE_CLOSE.search(prefix)
                and not THING_AFTER.match(s_text, match.end())
            ):
                task(defined, start)  # a title that spells out a task names what the paper addresses
            elif head_word in MEASURE_HEADS or MEASURE_NOUN_AFTER.match(s_text, match.end()):
                add("metric", normalise_name(core), start, end)  # a measure the paper defines is no proposed name
            else:
                propose(acronym if "$" in acronym else core, start, end, s_text)
        elif head_word in TASK_HEADS or head in TASK_HEADS or task_systems(long_words):
            task(defined, start)
        elif DATASET_WORDS.search(long_form):
            add("dataset", normalise_name(core), start, end)
        elif (head_word in METHOD_HEADS or head in METHOD_HEADS) and head_word not in PROPOSAL_ONLY_HEADS:
            add("method", normalise_name(core), start, end)
