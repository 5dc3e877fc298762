"""Where a paper compares its method with others: the cues (`outperforms`, `better than`,
`compared to`) and the words around a cue that make it a claimed win or not (a negation, a
hedge, the paper's own as subject), and the clause a cue or a number is in.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractors.entities.text import Sentences, WordSet

# -- vocabulary -------------------------------------------------------------------------

ARTICLE = r"(?:\s+(?:the|a|an))?\s+"
# a claim of being better than the object that follows; found at these words' tokens
WIN = re.compile(
    r"\b(?:(?:outperform|surpass|beat|exceed|outpac|outscor|dominat)\w*" + ARTICLE + "|"
    r"(?:improv(?:es|ed|ing|ements?)|gains?|advantages?|edge)\s+(?:of\s+\S+\s+)?(?:over|upon)" + ARTICLE + "|"
    r"superiority\s+(?:of\s+(?:\S+\s+){0,4}?)?over" + ARTICLE + r"|superior\s+to" + ARTICLE + "|"
    # `improves X from 0.9 to 0.93` (`improving RAG systems` makes them better; `improves mAP50
    # by 36%` improves a measure)
    r"improv(?:e|es|ed|ing)\s+(?=[A-Z][^.;,]{0,60}?\bfrom\s+[\d.]+)|"
    r"improv(?:e|es|ed|ing)\s+(?:\S+\s+){1,5}?over" + ARTICLE + ")"
)
WIN_WORDS = WordSet(
    [
        stem + end
        for stem, ends in (
            ("outperform", ("", "s", "ed", "ing")),
            ("surpass", ("", "es", "ed", "ing")),
            ("beat", ("", "s", "ing")),
            ("exceed", ("", "s", "ed", "ing")),
            ("outpac", ("es", "ed", "ing")),
            ("outscor", ("es", "ed", "ing")),
            ("dominat", ("es", "ed", "ing")),
            ("improv", ("e", "es", "ed", "ing", "ement", "ements")),
        )
        for end in ends
    ]
    + "gain gains advantage advantages edge superiority superior".split()
)
# comparatives that claim a win when the paper's own is their subject: `more robust than X`,
# `fewer input tokens than X`; found from their `than`/`over`, looking back (the comparative
# words are too common to anchor on)
COMPARATIVE_BEFORE = re.compile(
    r"\b(?:better|stronger|higher|greater|lower|faster|cheaper|fewer|less|more\s+(?:accurate|robust|efficient|"
    r"effective|faithful(?:ly)?|reliable|stable|consistent|precise))\s+(?:\S+\s+){0,3}?$"
)
THAN = re.compile(r"(?:than|over)" + ARTICLE)
THAN_WORDS = WordSet(["than", "over"])
COMPARATIVE_LOOKBACK = 60  # characters before `than` that can hold the comparative
COMPARED_WORDS = WordSet(["compared", "relative", "versus", "vs"])
# a comparison that is a win only where the sentence claims one: `compared to X, ours
# improves ...`, `reduces error by 55% relative to X`
COMPARED = re.compile(r"(?:[Cc]ompared\s+(?:to|with)|[Rr]elative\s+to|versus|vs\.?)" + ARTICLE)
CLAIM = re.compile(
    r"\b(?:improv\w*|gain\w*|reduc\w*|lower\w*|higher|better|increas\w*|outperform\w*|boost\w*|lift\w*|"
    r"advantage\w*|faster|fewer|less|superior\w*|speed-?ups?|surpass\w*|exceed\w*)\b",
    re.I,
)
# a comparison that claims no win: `competitive performance compared to X`, `an attractive
# trade-off relative to X`
HEDGE = re.compile(
    r"\b(?:competitive|comparable|similar|on\s+par|trade-?offs?|close\s+to|approach(?:es|ing)\s+(?:the|that)|"
    r"sacrific\w*|los(?:e|es|ing)|lags?|lagging|trails?|trailing|underperform\w*|fall(?:s|ing)?\s+short)\b",  # a loss
    re.I,
)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|whereas|but|and|although|though|with)\b")
# `we compare X against Y`: a comparison made, not a claim
COMPARE_VERB = re.compile(r"\bcompar(?:e|es|ed|ing)\b(?!\s+(?:to|with)\b)", re.I)
# the number of a comparison is relative to what follows these (`below X (26.88)`: lower than X)
# a clause that opens the sentence with it counts too (`Compared to the X baseline, ...`)
RELATIVE = re.compile(
    r"\b(?:over|than|[Cc]ompared\s+(?:to|with)|[Rr]elative\s+to|versus|vs\.?|against|upon|below|above)\s+"
    r"(?:the\s+|a\s+|an\s+)?"
)
# a negated or hedged cue: `does not outperform`, `comparable to, and sometimes exceeding`
NEGATED = re.compile(
    r"\b(?:(?:not|n't|never|no|without|fail(?:s|ed)?\s+to|unable\s+to|rarely|cannot|hardly)\s+(?:\w+\s+){0,2}|"
    r"comparabl[ey]\s+(?:to|with),?\s+(?:and|or)\s+(?:\w+\s+)?|"
    r"(?:match|matches|matching|equals?|rivals?)\s+or\s+)$",
    re.I,
)
# a subject that is the paper's own method, or results that report on it
OWN_SUBJECT = re.compile(
    r"\b(?:our|we|ours|proposed|it|this|the\s+(?:new\s+)?(?:model|method|framework|approach|system|"
    r"algorithm|architecture|agent|pipeline|design|technique|variant|retriever|recommender|ranker)|"
    r"fine-tuned|trained|(?:experiments?|results?|evaluations?|analys[ie]s|studies|tests?)\s+(?:\S+\s+){0,8}?"
    r"(?:show|shows|demonstrate|demonstrates|indicate|indicates|confirm|confirms|reveal|reveals|suggest|suggests))\b",
    re.I,
)
# cues whose subject is the sentence's, not a name right before them: `, outperforming X`,
# `gains over X`
DETACHED_CUE = re.compile(
    r"(?:outperforming|surpassing|beating|exceeding|improvements?|gains?|advantages?|superiority|edge)\b", re.I
)


class Cue(NamedTuple):
    """A comparison cue: `win` (`outperforms`, `better than`) or `compared` (`compared to`,
    `versus`, a win only where the sentence claims one); its object starts at `end`."""

    start: int
    end: int
    kind: str
    text: str


def find_cues(sents: Sentences) -> list[Cue]:
    text = sents.text
    cues = [Cue(m.start(), m.end(), "win", m.group()) for m in sents.matches_at(WIN, WIN_WORDS)]
    for _, at in sents.tokens_in(THAN_WORDS):
        before = COMPARATIVE_BEFORE.search(text, max(0, at - COMPARATIVE_LOOKBACK), at)
        if before is None:
            continue
        than = THAN.match(text, at)
        if than is not None:
            cues.append(Cue(before.start(), than.end(), "win", text[before.start() : than.end()]))
    cues += [Cue(m.start(), m.end(), "compared", m.group()) for m in sents.matches_at(COMPARED, COMPARED_WORDS)]
    return sorted(cues)


def clause_bounds(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause of a sentence (`start`..`end`) that holds `at`."""
    lo = start
    for brk in CLAUSE_BREAK.finditer(text, start, end):
        if brk.start() >= at:
            return lo, brk.start()
        lo = brk.end()
    return lo, end


def clause_text(text: str, at: int, start: int, end: int) -> str:
    """The clause of a sentence (`start`..`end`) that holds the character `at`."""
    lo, hi = clause_bounds(text, at, start, end)
    return text[lo:hi]
