"""Proposal cues of `kg_names` and the names they point at: `we propose X`, `this paper
introduces X`, `named/called X`, `X, a novel framework ...`, `X is proposed`, `two
algorithms X and Y`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.entities.name_context import NameContext, Propose, described, spells_task
from extractors.entities.text import NAME, NOT_NAMES, Sentences, WordSet, is_coined

CUE_WORD = re.compile(
    r"(?:propos|present|introduc|develop|design|devis|build|construct|releas|contribut|formulat|creat|curat|offer)[a-z]*"
    r"|named|called|dubbed|termed|coined|denoted(?:\s+as)?|namely|abbreviated\s+as"
)
CUE_BEFORE = re.compile(
    r"(?:\b(?:[Ww]e|paper|work|study|article)\s+(?:\w+\s+){0,2}?|\b(?:to|and|then|also|first|further)\s+)$"
)
BASES = (
    "propose",
    "present",
    "introduce",
    "develop",
    "design",
    "devise",
    "build",
    "construct",
    "release",
    "contribute",
    "formulate",
    "create",
    "curate",
    "offer",
)
VERB_FORMS = {base + end for base in BASES for end in ("", "s", "d", "ed")}
DIRECT = ("named", "called", "dubbed", "termed", "coined", "denoted", "namely", "abbreviated")


PARTICIPLES = {"proposed", "introduced", "designed", "developed", "devised", "presented"}
# the paper naming its own in the present: `(which we name Reddit-v2)`, `we call it X`,
# `we term this approach X`; the name follows at once
WE_NAME = re.compile(r"(?:name|call|term|dub)(?:\s+(?:it|them|this|these|our|the)(?:\s+[a-z][\w-]*){0,2}?)?(?=\s+\S)")
NAMING_VERBS = ("name", "call", "term", "dub")
WE_BEFORE = re.compile(r"\b[Ww]e\s+$")
# ... unless what is named is an observation, not a thing built: `a phenomenon we term X`,
# `a class of attacks we call X`, `we term this effect X`
PHENOMENA = re.compile(
    r"\b(?:phenomen(?:on|a)|problems?|issues?|effects?|gaps?|divides?|attacks?|bias(?:es)?|failures?|paradox(?:es)?"
    r"|collapse|dilemmas?|traps?|challenges?|hypothes[ie]s|behaviou?rs?|patterns?|propert(?:y|ies)|regimes?"
    r"|vulnerabilit(?:y|ies)|threats?|risks?|laws?|conditions?|trade-?offs?|theorems?|regimes?|content)\b"
)
# ... or the noun right after the name is one: `the NL2Pipeline gap`, `the SAT theorem`
PHENOMENON_AFTER = re.compile(r"[}\"”]?\s+" + PHENOMENA.pattern)
# ... and only if a built thing is named: `we call this method X`, `a refined dataset (which we
# name X)`, `an improved variant, which we call X` (`we call this covert propagation X`, `the
# Blind Trust Problem`, `an assumption we call X` name what the paper observes)
BUILT_THINGS = re.compile(
    r"\b(?:approach|method|framework|model|algorithm|procedure|technique|tool|toolkit|variant|benchmark|dataset"
    r"|suite|system|scheme|strategy|pipeline|architecture|agent|module|loss|objective|recipe|protocol|library"
    r"|platform|metric|estimator|optimizer|network|encoder|corpus|collection|simulator|environment|engine)s?\b"
)
# how far before `we` (and after the verb, up to the name's capital) an observation's or a built thing's noun may be
PHENOMENON_LOOKBACK = 40
THING_LOOKBACK = 60
FIRST_CAPITAL = re.compile(r"[A-Z]")
CUE_TOKENS = WordSet(VERB_FORMS | set(DIRECT) | PARTICIPLES | set(NAMING_VERBS))
THE_OUR = re.compile(r"\b(?:the|our)\s+$")
# how far before a verb its subject (`we`, `this paper`) is looked for
CUE_LOOKBACK = 40


def proposal_cues(sents: Sentences) -> Iterator[tuple[int, int, bool]]:
    """(start, end, direct) of each proposal cue: `we propose`, `this paper introduces`,
    `to design`, `our proposed`, `named`/`called` (direct: a name follows at once).
    The verb is found as a token first, then the words before it are checked."""
    text = sents.text
    for _, start in sents.tokens_in(CUE_TOKENS):
        match = CUE_WORD.match(text, start)
        if match is None:
            named = present_naming(text, start)
            if named is not None:
                yield start, named, True
            continue
        word = match.group()
        if word.startswith(DIRECT):
            yield start, match.end(), True
        elif word == "proposed" and THE_OUR.search(text, max(0, start - 5), start):
            yield start, match.end(), False
        elif word in VERB_FORMS and CUE_BEFORE.search(text, max(0, start - CUE_LOOKBACK), start):
            yield start, match.end(), False
        elif word in PARTICIPLES and passive_name(text, start):
            yield start, match.end(), False


def present_naming(text: str, start: int) -> int | None:
    """Where `we name/call/term/dub [it|this approach]` ends, if the verb at `start` is
    one and what it names is a thing built (`this method`), no observation (`a phenomenon we term X`)."""
    if not text.startswith(NAMING_VERBS, start) or not WE_BEFORE.search(text, max(0, start - 4), start):
        return None
    named = WE_NAME.match(text, start)
    if named is None:
        return None
    capital = FIRST_CAPITAL.search(text, start, start + PHENOMENON_LOOKBACK)
    stop = capital.start() if capital else named.end()
    if PHENOMENA.search(text, max(0, start - PHENOMENON_LOOKBACK), stop):
        return None
    return named.end() if BUILT_THINGS.search(text, max(0, start - THING_LOOKBACK), stop) else None


PASSIVE_AFTER = re.compile(
    r"\s*(?:is|are)\s+(?:\w+ly\s+)?(?:proposed|introduced|designed|developed|devised|presented)\b"
)
# anchors: the words after a name, found first; the name is then read backwards
# (a lookahead for the first letter, tested first at each position, makes the scan faster)
APPOSITIVE_HEADS = (
    "framework model method approach system architecture paradigm algorithm dataset benchmark "
    "module mechanism strategy recommender pipeline agent toolkit library platform loss network "
    "corpus technique solution encoder retriever ranker generator adapter protector transformer"
).split()
APPOSITIVE_TAIL = re.compile(
    r"(?=[,ia])(?:,|\bis|\bas)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?:" + "|".join(APPOSITIVE_HEADS) + r")s?\b"
)
# a match ends with one of these words, which starts a token
APPOSITIVE_HEAD_TOKENS = WordSet(APPOSITIVE_HEADS + [head + "s" for head in APPOSITIVE_HEADS])
# right after an acronym, a lower-case word it qualifies: the long form is an attribute
# of what the sentence proposes (`to inject First-Order Ambisonics (FOA) spatial audio`,
# `a low-dimensional representation (LDR) acquisition method called SE-ADA`), not its name;
# function words, verbs and adverbs (`(LF) to`, `(LF) achieves`, `(LF) trained`), and the nouns a name heads
# (`a novel Chain Re-Ranking (CRR) method`) do not qualify
NAME_HEAD_NOUNS = (
    *APPOSITIVE_HEADS,
    "stage",
    "phase",
    "component",
    "metric",
    "measure",
    "objective",
    "score",
    "index",
    "unit",
    "policy",
    "scheme",
    "layer",
    "block",
)
MODIFIED_AFTER = re.compile(
    r"\s+(?!(?:"
    + "|".join(NAME_HEAD_NOUNS)
    + r")\b)(?!(?:which|that|to|for|with|and|or|is|was|were|has|had|can|could|will|would|may|might|must|should"
    r"|as|in|on|of|by|from|at|via|through|into|over|under|between|than|then|while|where|when|whose|who|also"
    r"|not|both|each|all|its|their|this|these|those|a|an|the|respectively|further|first|then|we|our"
    r"|together|along|alone|only|jointly|instead|here|there|now|even|still|again)\b)"
    r"(?![a-z-]*(?:ly|ing|ed)\b)[a-z][a-z-]*[a-rt-z]\b"
)
NAME_BEFORE = re.compile(r"(?<![\w$])(" + NAME + r")\s*$")
MARK_TOKENS = WordSet(["our", "novel", "new", "first"])
PASSIVE_BEFORE = re.compile(r"(?<![\w$])(" + NAME + r")\s+(?:\([^()]{1,80}\)\s+)?(?:is|are)\s+(?:\w+ly\s+)?$")
# how far before a participle its name may start, and before an appositive its name
PASSIVE_LOOKBACK = 120
APPOSITIVE_LOOKBACK = 40


def passive_name(text: str, cue: int) -> re.Match[str] | None:
    """`X is proposed`: the name before `is`/`are` (+ adverb) that ends at `cue`. The
    search is costly and the words before `cue` seldom fit, so they are checked first."""
    start = max(0, cue - PASSIVE_LOOKBACK)
    before = text[start:cue]
    if not before[-1:].isspace() or not before.rstrip().endswith(("is", "are", "ly")):
        return None
    return PASSIVE_BEFORE.search(text, start, cue)


NAME_START = re.compile(r"(?<![\w$])" + NAME)
APPOSED = re.compile(
    r"\b(?:framework|model|method|approach|system|architecture|paradigm|algorithm|dataset|benchmark)s?\s*,\s*$"
)
# (each leading lookahead lists the characters a match can start with: tested first, it
# spares the alternation at every other position)
CLAUSE_END = re.compile(
    r"(?=[.;:,wtbufoia])(?:[.;:,]\s|(?<![\w-])(?:which|that|to|with|by|using|based|from|on|in|for|of|and|or|as|at)\s)"
)
NAME_THEN_APPOSITION = re.compile(r"\}?\s*(?:,\s*(?:a|an|the)\b|\()")
CALLED_BEFORE = re.compile(r"\b(?:called|dubbed)$")  # the direct cues that name a coinage
# a capitalised word right before a coined one after the cue: both are words of one longer name
IN_TITLE_RUN = re.compile(r"(?<![\w-])[A-Z][a-z][\w-]*\s+$")
# an abbreviation spelled out in lower case right after it, and a noun it qualifies after that
LOWER_EXPANSION = re.compile(r"\s*\(\s*[a-z][a-z\s-]*\)")
# LaTeX markup around a name, `\textbf{Krites}`: it stands for nothing between the cue and the name
LATEX_MARK = re.compile(r"\\[a-z]+\{")
# a run of Title Case words after the cue (and `the`) that an apposition or `which`
# follows: `we introduce Code Monitor Red Teaming, a protocol`, `the Isotonic Layer, a ...`
TITLE_RUN = re.compile(
    r"(?:\s+(?!(?:Framework|Model|Method|Approach|System|Algorithm|Architecture)\b)[A-Z][\w-]*){1,4}"
    r"(?=\}?\s*,\s*(?:a|an|the|which)\b)"
)
ONLY_THE = re.compile(r"\s*(?:the\s+)?")
CAPITALS_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}")
ACRONYM_AHEAD = re.compile(r"[^.;()]{0,80}\(\s*[A-Z]")
CUE_CLOSE = re.compile(r"\b(?:propos|introduc|present|our|named|called|termed|dubbed)\w*(?:\s+[\w-]+){0,3}$")
CUE_NEAR = re.compile(
    r"(?:propos|introduc|present|develop|design|devis|build|construct|releas|named|called|termed|dubbed|our|novel|new)\w*"
    r"(?:[\s,]+[\w-]+){0,5}[\s,]*$"
)
CONJOINED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(" + NAME + r")")
# before an appositive's name, in a sentence with no proposal cue: it is
# the object of a preposition or an item of a list (`Implemented with Milvus and vLLM, the
# system ...`, `evaluated on SciGen, an open dataset`), not the subject the appositive
# describes (in a proposing sentence it is as often the paper's own: `trained on FuzzyBench,
# a dataset we release`)
USED_BEFORE = re.compile(r"\b(with|using|via|by|for|on|of|in|from|over|to|and|or|than|atop|upon)\s+(?:the\s+)?$")
# ... unless the appositive says it is new: `Evaluating on MLPsych, a novel dataset`
NEW_IN_APPOSITIVE = re.compile(r"\b(?:novel|new|our|we|proposed|introduced|first)\b")
# a plural acronym, `dLLMs`, `LLMs`, `VLMs`: a class of things, not one name
PLURAL_ACRONYM = re.compile(r"[A-Za-z]*[A-Z]s$")
# a coined word that starts a long form whose acronym follows: `Multi-LLM Iterative
# Data-Adaptive Summarization (MIDAS)`, `crOss-Modal sInkhorn maTching (OMIT)`
LONG_FORM_AHEAD = re.compile(r"(?:\s+[\w-]*[A-Z][\w-]*){1,6}?\s*\(\s*([^\W\d_][\w-]*)\s*\)")
# a second coined word right after a name: one name of two words (`FAIR GraphRAG`)
SECOND_WORD = re.compile(r" (" + NAME + r")(?![\w$(-])")
# a word cased to spell an acronym: `REtrieval`, `mOdel`, `COntext`
LONG_FORM_CASE = re.compile(r"[A-Z]{2}[a-z]{2}|[a-z]+[A-Z]")
# (a pattern that opens with a character class is scanned for it at C speed; the word
# boundary is then checked behind that letter: a third less than a lookahead first)
OUR = re.compile(r"[OoTt](?<=\b.)(?:(?<=[Oo])ur|(?<=[Tt])his\s+(?:paper|work|study))\b")
# how far after a cue its object may be
CUE_OBJECT_WINDOW = 160


def name_after_cue(ctx: NameContext, s_text: str, base: int, cue_end: int, direct: bool, propose: Propose) -> None:
    """The first coined name after the verb in the same clause, and the names joined to
    it (`two solvers BundleVI and BundlePI`)."""
    tail = s_text[cue_end:]
    # the clause ends at a stop, a comma or a function word; a comma after an
    # appositive noun (`a ... framework, MMQ-v2`) does not end it
    limit = min(len(tail), CUE_OBJECT_WINDOW)
    for end in CLAUSE_END.finditer(tail, 0, limit):
        if not APPOSED.search(tail, 0, end.end()):
            limit = end.start() + 1
            break
    for match in NAME_START.finditer(tail, 0, limit):
        raw = match.group()
        if raw.islower():
            continue  # neither coined nor capitalised (most words of the clause)
        between = LATEX_MARK.sub("", tail[: match.start()])
        plain = raw.replace("$", "")
        if plain[:1].isupper() and raw not in NOT_NAMES and ONLY_THE.fullmatch(between):
            run = TITLE_RUN.match(tail, match.end())
            if run is not None and ctx.known.get(raw + run.group()) is None:
                start = base + cue_end + match.start()
                propose(raw + run.group(), start, start + len(raw) + len(run.group()), s_text)
                break
        # a capitalised word right after `named`, or right after the verb and
        # followed by `, a` / `(`: `named Recformer`, `we propose Kuaipedia, a ...`
        apposed = not between.strip() and NAME_THEN_APPOSITION.match(tail, match.end()) is not None
        capital = (
            plain[:1].isupper()
            and plain not in NOT_NAMES
            # a name the lexicon knows is the paper's own only by the strongest cues: the
            # paper that coined it (`a new language model called BERT`, `we propose XGBoost, a`)
            and (raw not in ctx.known or apposed or direct and CALLED_BEFORE.search(s_text, 0, cue_end) is not None)
            and (direct and not between.strip() or apposed)
        )
        if not (ctx.new_name(raw) or capital):
            continue
        if IN_TITLE_RUN.search(between):
            break  # `we introduce Reference Adaptive GS with ...`: a word of a longer name
        if direct and PHENOMENON_AFTER.match(tail, match.end()):
            break  # `we call this disconnect the NL2Pipeline gap`
        expansion = LOWER_EXPANSION.match(tail, match.end())
        if expansion and MODIFIED_AFTER.match(tail, expansion.end()):
            continue  # `an E2E (end to end) audio model`: an abbreviation spelled out, no name
        if PLURAL_ACRONYM.fullmatch(plain) and not tail.startswith(" (", match.end()):
            break  # `introduces Bifocal dLLMs`: a class, not the name
        if starts_long_form(raw, tail, match.end()):
            break  # the acronym path names it
        long_words = ctx.long_form(raw)
        if spells_task(long_words) or described(long_words, tail[: match.start()]):
            continue
        if tail.startswith(")", match.end()) and MODIFIED_AFTER.match(tail, match.end() + 1):
            continue  # `a sparse glyph representation (SGR) acquisition method called X`
        if capital and not ctx.new_name(raw):
            # `called Group Soft-Impute SVD`: the capitalised words that follow;
            # `named Unified ... Translation (UDITSR)`: the acronym path has it
            if ACRONYM_AHEAD.match(tail, match.end()):
                break
            more = CAPITALS_AFTER.match(tail, match.end())
            if more is not None:  # always: it matches the empty string too
                raw = raw + more.group()
        second = SECOND_WORD.match(tail, match.end()) if raw == match.group() else None
        if second is not None and joins_name(raw, second.group(1)):
            raw = tail[match.start() : second.end(1)]  # `we introduce FAIR GraphRAG, a ...`: both words
        start = base + cue_end + match.start()
        propose(raw, start, start + len(raw), s_text)
        rest = tail[match.end() :]
        offset = cue_end + match.end()
        while (
            (more := CONJOINED.match(rest))
            and ctx.new_name(more.group(1))
            and not PLURAL_ACRONYM.fullmatch(more.group(1))
        ):
            propose(more.group(1), base + offset + more.start(1), base + offset + more.end(1), s_text)
            offset += more.end()
            rest = rest[more.end() :]
        break


def joins_name(first: str, second: str) -> bool:
    """`FAIR GraphRAG`: two coined words, the second in mixed case, neither of them a word of a
    long form cased to spell its acronym (`Cross-mOdal REtrieval`, `tRansition rEconstruction`)."""
    return (
        is_coined(first)
        and is_coined(second)
        and not second.isupper()
        and second[:1].isupper()
        and not any(LONG_FORM_CASE.match(part) for word in (first, second) for part in word.split("-"))
    )


def starts_long_form(raw: str, tail: str, end: int) -> bool:
    """`Multi-LLM Iterative Data-Adaptive Summarization (MIDAS)`: a coined word followed by
    a few capitalised words and an acronym that holds the word's first capital."""
    ahead = LONG_FORM_AHEAD.match(tail, end)
    if ahead is None:
        return False
    acronym = ahead.group(1)
    first = next((c for c in raw if c.isupper()), "")
    return sum(c.isupper() for c in acronym) >= 2 and first != "" and first in acronym


def appositive_names(ctx: NameContext, sents: Sentences, cued: set[int], propose: Propose) -> None:
    """`X, a novel framework` in a sentence with a cue (`cued`), `our`, `novel`, `new`,
    `first`."""
    marked = cued | {sents.index(pos) for _, pos in sents.tokens_in(MARK_TOKENS)}
    if marked:
        marked &= {sents.index(pos) for _, pos in sents.tokens_in(APPOSITIVE_HEAD_TOKENS)}
    for i in sorted(marked):
        sentence = sents.at(sents.starts[i])
        for match in APPOSITIVE_TAIL.finditer(sentence.text):
            name = NAME_BEFORE.search(sentence.text, max(0, match.start() - APPOSITIVE_LOOKBACK), match.start())
            if name is None or PLURAL_ACRONYM.fullmatch(name.group(1)):
                continue
            used = USED_BEFORE.search(sentence.text, max(0, name.start(1) - APPOSITIVE_LOOKBACK), name.start(1))
            if used and i not in cued and not NEW_IN_APPOSITIVE.search(match.group()):
                continue
            if ctx.new_name(name.group(1)):
                base = sentence.start_char
                propose(name.group(1), base + name.start(1), base + name.end(1), sentence.text)
