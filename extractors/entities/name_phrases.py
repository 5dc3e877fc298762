"""Proposed names that follow the noun phrase describing them, in `kg_names`:
`A new algorithm, IRENE, which ...`, `Our implementation, ResonanceDB, shows ...`,
`we introduce a benchmarking framework for review-aware recommenders, RAREval, to ...`."""

from __future__ import annotations

import re

from extractors.entities.name_context import GENERIC_NOUNS, NameContext, Propose, spells_task
from extractors.entities.proposal_cues import APPOSITIVE_HEADS, MARK_TOKENS, PLURAL_ACRONYM
from extractors.entities.text import NAME, NOT_NAMES, Sentences, WordSet, is_coined

# what the paper's own thing is called before its name (beside the appositive heads)
DESCRIBED_HEADS = (*APPOSITIVE_HEADS, "implementation", "tool", "protocol", "suite", "interface", "engine", "loop")
# `a/an/our [words] head [for/of <lower-case words>], Name` and then `,` `.` `;` or a verb-like word:
# the name is set off by commas after the phrase that describes it
HEAD_THEN_NAME = re.compile(
    r"(?=[AaOo])(?<![\w-])(?P<np>(?:[Aa]n?|[Oo]ur)\s+(?:[\w-]+\s+){0,6}?(?:"
    + "|".join(DESCRIBED_HEADS)
    + r")s?\b(?:\s+(?:for|of|on|in|with|to)\s+[^,.;:()A-Z]{1,60}?)?),\s*(?:\\[a-z]+\{)?(?P<name>"
    + NAME
    + r")\}?(?=\s*[,.;]|\s+(?:which|that|to|is|shows|achieves)\b)"
)
COMMA_CAPITAL = re.compile(r",\s*(?:\\[a-z]+\{)?[A-Za-z0-9]*[A-Z]")
# the phrase says the thing is the paper's own ...
OWN = re.compile(r"\b(?:[Nn]ew|[Nn]ovel|[Oo]ur|proposed)\b")
# ... or the phrase is the object of a proposal verb: `we introduce a ... framework, X`
VERB_BEFORE = re.compile(
    r"(?:propos|introduc|present|develop|design|devis|build|construct|releas|offer|creat|curat|contribut)\w*\s+$"
)
HEAD_TOKENS = WordSet([*DESCRIBED_HEADS, *(h + "s" for h in DESCRIBED_HEADS)])
# how far before the phrase its verb may end
VERB_LOOKBACK = 30


def described_names(ctx: NameContext, sents: Sentences, cued: set[int], propose: Propose) -> None:
    """`A new algorithm, IRENE, which ...`: a coined name after a phrase that
    describes the paper's own thing (`new`, `novel`, `our`, or a proposal verb's object);
    read in the sentences with a proposal cue (`cued`) or one of those words."""
    marked = cued | {sents.index(pos) for _, pos in sents.tokens_in(MARK_TOKENS)}
    if not marked:
        return
    for i in sorted(marked & {sents.index(pos) for _, pos in sents.tokens_in(HEAD_TOKENS)}):
        sentence = sents.at(sents.starts[i])
        s_text = sentence.text
        if COMMA_CAPITAL.search(s_text) is None:
            continue  # no `, Name` (most sentences): the costly pattern need not run
        for match in HEAD_THEN_NAME.finditer(s_text):
            raw = match.group("name")
            if not ctx.new_name(raw) or PLURAL_ACRONYM.fullmatch(raw):
                continue
            np_start = match.start("np")
            verb = VERB_BEFORE.search(s_text, max(0, np_start - VERB_LOOKBACK), np_start)
            if OWN.search(match.group("np")) is None and verb is None:
                continue
            start = sentence.start_char + match.start("name")
            propose(raw, start, start + len(raw), s_text)


# the parts of a paper's own system, named: `The AutoToken module clusters ...`, `the
# Task-Attentive Refinement module`, `a Dual Steering framework`; a coined word (before
# the nouns of a part only: `the SCORE framework` is as often someone else's), or two to
# four Title Case words, before a part noun
PART_NOUNS = ("module", "component", "layer", "block", "framework", "mechanism", "unit")
COINED_PART_NOUNS = ("module", "layer", "block")
TITLE_WORD = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
NAMED_PART = re.compile(
    r"(?<![\w-])(?P<article>[Tt]he|[Aa]n?|[Oo]ur)\s+(?:(?:new|novel|proposed)\s+)?(?:\\[a-z]+\{)?"
    rf"(?P<name>{TITLE_WORD}(?:\s+{TITLE_WORD}){{1,3}}|{NAME})\}}?\s+(?P<noun>{'|'.join(PART_NOUNS)})s?\b"
)
# ... or Title Case words headed by a capitalised agent noun: `a Parser Agent transforms`,
# `a Query-Aligned Region Encoder that builds`, `a Memory-Augmented Reward Estimator is embedded`
AGENT_NOUNS = (
    "Agent Encoder Decoder Generator Estimator Controller Memory Retriever Ranker Planner Router Selector "
    "Extractor Aggregator Predictor Evaluator Mixer Adapter Tokenizer Module Layer Block Critic Verifier"
).split()
AGENT_PART = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Aa]n?|[Oo]ur)\s+(?P<name>(?:{TITLE_WORD}\s+){{1,3}}(?:{'|'.join(AGENT_NOUNS)}))(?![\w-])"
)
CAPITAL_BEFORE = re.compile(r"[A-Z][\w-]*\}?\s+$")
PART_WORD_LOOKBACK = 40
PART_TOKENS = WordSet([*PART_NOUNS, *(p + "s" for p in PART_NOUNS), *AGENT_NOUNS])
# after the part: its acronym (`Layer (HTFL)`: the acronym rule names it), more Title Case
# words (`the Proactive Agent Reasoner`), or a citation (`framework~\cite{...}`)
PART_FOLLOWED = re.compile(r"\s*(?:\(|~?\\cite|[A-Z])")
# a coined name and its apposition right before the part: `MOHPER, a ...`
APPOSED_TO_NAME = re.compile(r"[A-Z][\w-]*[A-Z][\w-]*\}?,\s+(?:a|an|the)\s+(?:(?:new|novel|proposed)\s+)?$")
APPOSED_LOOKBACK = 40
USED_BEFORE = re.compile(r"\b(?:[Uu]sing|with|via|by|from|of|in|on|to)\s+$")
COINED = re.compile(r"[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*")


def part_names(ctx: NameContext, sents: Sentences, title_end: int, propose: Propose) -> None:
    """Named parts of the paper's own system (call only in a paper that proposes); not
    in the title, whose subtitle describes (`X: A Conformal Safety Layer for ...`)."""
    text = sents.text
    # a part noun right after a capitalised or coined word (`Parser Agent`, `AutoToken} module`):
    # checked at each anchor before the sentence's patterns run
    anchored = {
        sents.index(pos)
        for _, pos in sents.tokens_in(PART_TOKENS)
        if pos >= title_end and CAPITAL_BEFORE.search(text, max(0, pos - PART_WORD_LOOKBACK), pos)
    }
    for i in sorted(anchored):
        sentence = sents.at(sents.starts[i])
        if sentence.start_char < title_end:
            continue
        s_text = sentence.text
        for pattern in (NAMED_PART, AGENT_PART):
            for match in pattern.finditer(s_text):
                raw = match.group("name")
                if part_name(ctx, s_text, match, raw, pattern is AGENT_PART):
                    start = sentence.start_char + match.start("name")
                    propose(raw, start, start + len(raw), s_text)


def part_name(ctx: NameContext, s_text: str, match: re.Match[str], raw: str, agent: bool) -> bool:
    words = raw.split()
    if PART_FOLLOWED.match(s_text, match.end()):
        return False
    if APPOSED_TO_NAME.search(s_text, max(0, match.start() - APPOSED_LOOKBACK), match.start("name")):
        return False  # `WeWrite, a novel Demand-aware Query Rewriting framework`: the name's description
    if not agent and match.group("article").lower() == "the" and match.group("noun") not in COINED_PART_NOUNS:
        return False  # `established the Open Banking framework`: as often someone else's
    if len(words) == 1 and not (
        ctx.new_name(raw)
        and match.group("noun") in COINED_PART_NOUNS
        and not USED_BEFORE.search(s_text, max(0, match.start() - 8), match.start())
    ):
        return False
    if any(w in NOT_NAMES for w in words) or ctx.known.get(raw) is not None:
        return False
    if len(words) > 1 and spells_task(words):
        return False  # `a Sequential Recommendation framework`: the task it serves
    if agent and (all(w in GENERIC_NOUNS for w in words[:-1]) or ctx.known.get(" ".join(words[:-1])) is not None):
        return False  # `the Transformer Encoder`, `a BERT Encoder`: a known thing's part
    # the long form of an acronym in the sentence: `MIRAGE, a Manifold-Informed Rectification framework`
    initials = "".join(part[0] for w in words for part in w.split("-") if part).upper()
    return len(words) == 1 or not any(c.upper().replace("-", "").startswith(initials) for c in COINED.findall(s_text))


def title_run_names(ctx: NameContext, run: str, title_end: int) -> bool:
    """`Isotonic Layer: ...`: Title Case words that head the title name the paper's own
    when the abstract writes them as a name, capitalised mid-sentence (`we introduce the
    Isotonic Layer`) and never in lower case; not a known name, nor a task (`Sequential
    Recommendation: ...`), nor words that are all generic."""
    words = run.split()
    if ctx.known.get(run) is not None or spells_task(words) or any(w in NOT_NAMES for w in words):
        return False
    if all(is_coined(w) for w in words):
        return False  # `FLARE MCMC: ...`: the coined-name rule reads it
    if words[-1] in GENERIC_NOUNS:
        return False  # `Trust Region Methods: ...`: a kind of thing
    body = ctx.text[title_end:]
    if f"{run} (" in body:
        return False  # `Representation Curriculum (RC)`: the acronym rule names it
    if body.lower().count(run.lower()) != body.count(run):
        return False  # written in lower case somewhere: a phrase, not a name
    return any(MID_SENTENCE.search(body, 0, m.start()) for m in re.finditer(re.escape(run), body))


# what right before a phrase shows it is mid-sentence: a word, a comma or a colon, not a stop
MID_SENTENCE = re.compile(r"[\w,:]\s+$")
