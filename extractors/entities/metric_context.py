"""Whether a metric span is a measure of this paper, and in which setting.

A metric that is a topic as often as a measure (`value_only` in the lexicon) is kept
without a value only where a sentence that reports a finding speaks of it (`improves
accuracy`, `reduces inference latency`, `in terms of fairness, diversity, and accuracy`,
`accuracy drops`), not for a purpose (`to improve accuracy`); a metric used as a modifier
(`CTR models`, `relevance feedback`) is no measure; a lexicon acronym the paper spells out
as something that is no measure (`maximum a posteriori (MAP)`) is not a metric, and `MAP`,
`DCG` need a retrieval or recommender text. The setting of a value is `online`, `offline`
or None, from the words around it and the cues of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span

from extractors.entities.text import Sent, doc_text, initials_match

# Senses by field (issue 15 item 5). An acronym the paper spells out as something that
# is no measure means that (`maximum a posteriori (MAP)`, `Multi-step Auxiliary
# Prediction (MAP)`); and the ranking metrics that are also common acronyms are metrics
# only in a retrieval or recommender text.
MEASURE_WORD = re.compile(
    r"\b(?:precision|recall|gains?|ranks?|errors?|scores?|rates?|ratios?|accuracy|coefficients?|correlations?|"
    r"distances?|loss|index|measures?|metrics?|values?|time|costs?|latency|revenues?|volumes?|area|curves?|per|"
    r"second|ctr|auc)\b",
    re.I,
)
PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*$")  # a long form is words, not `+10.2% (HR@1) and`
DEFINITION_WORDS = 6  # words before `(ACRONYM)` that can spell it out
RANKING_SENSE = frozenset(["MAP", "DCG"])
RANKING_CONTEXT = re.compile(
    r"\b(?:[Rr]etriev\w*|[Rr]ank\w*|[Rr]ecommend\w*|[Ss]earch\w*|quer(?:y|ies)|N?DCG|nDCG|MRR|IR)\b"
)
# `HR` is hit rate in a text that recommends or ranks; elsewhere it is high resolution, heart rate
HIT_SENSE = frozenset(["HR"])
HIT_CONTEXT = re.compile(r"\b(?:[Rr]ecommend\w*|[Rr]ank\w*|[Rr]etriev\w*|[Hh]it|N?DCG|nDCG|MRR|[Tt]op-?[KkN])\b")
ONLINE_WORD = re.compile(r"(?<!f)online")
# (a lookahead of the first letters, tested first at each character, makes the scan faster)
CUE_ONLINE = re.compile(
    r"(?=[oadplr])\b(?:online|A/B|deploy\w*|production|launched|live\s+traffic|real\s+traffic)\b", re.I
)
CUE_OFFLINE = re.compile(
    r"(?=[opbed])\b(?:offline|public\s+(?:datasets?|benchmarks?)|benchmark\s+datasets?|experiments?\s+on|datasets?)\b",
    re.I,
)
BUSINESS = frozenset(
    [
        "CTR",
        "CVR",
        "CTCVR",
        "GMV",
        "revenue",
        "sales",
        "orders",
        "RPM",
        "CPM",
        "ROI",
        "DAU",
        "watch time",
        "dwell time",
        "app usage time",
        "user retention",
        "clicks",
        "conversions",
        "transaction rate",
        "purchase rate",
        "like rate",
        "click rate",
        "engagement",
        "availability",
    ]
)
# A metric without a number is this paper's measure where its evaluation speaks of it:
# a change (`improves accuracy`, `reduces inference latency`, `higher user satisfaction`,
# `accuracy drops`), a comparison in its terms (`in terms of speed`, `measured by
# coverage`), or a list of such (`in terms of fairness, diversity, and accuracy`).
# Named alone (`an overemphasis on accuracy`, `the diversity of results`) it is a notion.
EVAL_CUE_WORDS = (
    r"in\s+terms\s+of|measured\s+(?:by|in|with)|(?:evaluated|assessed|compared)\s+(?:by|with|using|via|across|on|in)"
    r"|metrics?\s+(?:such\s+as|including|like|of)|metrics?\s*[:(]"
    r"|improv\w*|enhanc\w*|boost\w*|increas\w*|rais\w*|reduc\w*|decreas\w*|lowers?|lowering|cuts?|cutting|halv\w*"
    r"|doubl\w*|maintain\w*|preserv\w*|retain\w*|sacrific\w*|compromis\w*|hurt\w*|degrad\w*"
    r"|more|higher|better|superior|greater|faster|lower|fewer|comparable|competitive|stronger|worse"
    r"|(?:drops?|declines?|gains?|improvements?|reductions?|losses?|increases?|decreases?)\s+(?:in|of)"
    r"|without\s+(?:compromising|sacrificing|hurting|degrading|harming|losing)"
    r"|trade-?offs?\s+(?:between|among|of)"
    # a level reached: `achieves strong recall and ranking performance`, `achieving high accuracy`
    r"|achiev\w*\s+(?:a\s+)?(?:strong|high)"
    # the terms of a win: `outperforms state-of-the-art sequential recommenders in multi-step accuracy`
    r"|(?:outperform|surpass)\w*\s+[^,.;()]{1,60}?\s+(?:in|on)"
)
EVAL_LIST_ITEM = r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
EVALUATED_BEFORE = re.compile(
    rf"(?P<cue>\b(?:{EVAL_CUE_WORDS})\s+(?:(?:the|both|overall|their|its|our|significantly|substantially)\s+)*)"
    rf"(?:{EVAL_LIST_ITEM}){{0,4}}(?:[a-z][\w'’-]*\s+){{0,2}}$",
    re.I,
)
EVALUATED_AFTER = re.compile(
    r"\s+(?:(?:is|was|are|were|also|further|consistently|significantly)\s+)*"
    r"(?:improv\w*|increas\w*|decreas\w*|drop\w*|declin\w*|rises?|rose|degrad\w*|falls?|fell|boost\w*)\b"
)
EVAL_LOOKBACK = 90  # characters before a metric that can hold its cue and a list before it
# the cue is this paper's finding only in a sentence that reports one; `to improve X`,
# `failing to improve X` say what is sought, not found
# (the lookahead, the first letters of the words and a digit, is tested at each character
# before the alternation: 40% less scanning)
RESULT_SENTENCE = re.compile(
    r"(?=[abcdefmorsty\d])"
    r"\b(?:experiment\w*|results|show\w*|demonstrat\w*|evaluat\w*|A/B|outperform\w*|achiev\w*|observ\w*|"
    r"find|finds|found|findings?|reveal\w*|confirm\w*|yield\w*|tests?|tested|study|studies|empirical\w*|assess\w*|measur\w*|"
    r"report\w*|compared|baselines?|state-of-the-art|significant\w*)\b|\d(?:[.,]\d+)?\s?(?:%|x\b|×)|\d\.\d",
    re.I,
)


# a sentence about earlier work reports its findings, not this paper's (`Prior studies ... increase
# model latency`), unless it sets this paper against them (`outperforms existing methods in accuracy`)
PRIOR_WORK = re.compile(
    r"\b(?:[Pp]rior|[Pp]revious|[Ee]xisting|[Tt]raditional|[Cc]onventional)\s+(?:[\w-]+\s+)?"
    r"(?:studies|work|works|methods|approaches|systems|strategies|techniques|solutions)\b"
)
OWN_WORK = re.compile(
    r"\b(?:we|our|ours|proposed|outperform\w*|surpass\w*|than|compared|versus|vs|over|superior|better|comparable|"
    r"combined)\b",
    re.I,
)


# a cost of computing named without a number is a concern every method has, not a measure the
# paper reports (`at higher computational cost`, `albeit a slight increase in computational overhead`)
GENERIC_CONCERNS = frozenset(
    [
        "computational cost",
        "computational costs",
        "computational overhead",
        "computational efficiency",
        "computational complexity",
        "computation cost",
        "computation costs",
        "computational burden",
    ]
)
# a metric given as an example of what a setting observes (`feedback (such as click-through rate and
# conversion rate)`), through a list of others before it
EXAMPLE_BEFORE = re.compile(
    r"\b(?:such\s+as|like|e\.g\.,?|for\s+(?:example|instance),?)\s+"
    r"(?:(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s*(?:,\s*|\s+(?:and|or)\s+)){0,4}$"
)
EXAMPLE_LOOKBACK = 80  # characters before a metric that can hold the example cue and a list
# the paper's own judging or result beside the examples: `parameters like accuracy and fluency ... to rate
# the responses`, `a controlled drop in accuracy metrics like NDCG`
EXAMPLE_JUDGED = re.compile(r"\b(?:to\s+rate|rated|judged|graded|annotated|drops?|declines?)\b")


def example_only(text: str, span: Span, sentence: Sent) -> bool:
    """A metric named as an example (EXAMPLE_BEFORE) in a sentence that reports no finding
    and judges nothing (EXAMPLE_JUDGED)."""
    low = max(sentence.start_char, span.start_char - EXAMPLE_LOOKBACK)
    if EXAMPLE_BEFORE.search(text, low, span.start_char) is None or reports_finding(sentence.text):
        return False
    return EXAMPLE_JUDGED.search(sentence.text) is None


@lru_cache(maxsize=1024)
def reports_finding(sentence: str) -> bool:
    """Does RESULT_SENTENCE occur in `sentence`? (asked for each metric and cue of a sentence)"""
    return RESULT_SENTENCE.search(sentence) is not None


# a level reached is this paper's where experiments show it, not where the sentence sets it against
# a weakness (`Cross-encoders achieve high reranking accuracy but impose quadratic costs`)
SHOWN = re.compile(r"\b(?:experiment\w*|results?|show\w*|demonstrat\w*|evaluat\w*|our|we)\b", re.I)
CONTRAST = re.compile(r"\b(?:but|yet|although|though|while|whereas|however|despite)\b", re.I)


@lru_cache(maxsize=1024)
def shown_level(sentence: str) -> bool:
    """Does `sentence` show a level reached as a finding (SHOWN, no CONTRAST)?"""
    return SHOWN.search(sentence) is not None and CONTRAST.search(sentence) is None


@lru_cache(maxsize=1024)
def prior_work(sentence: str) -> bool:
    """Does `sentence` speak of earlier work alone (PRIOR_WORK, no OWN_WORK)?"""
    return PRIOR_WORK.search(sentence) is not None and OWN_WORK.search(sentence) is None


PURPOSE = re.compile(
    r"(?:(?<!\blead\s)(?<!\bleads\s)(?<!\bled\s)(?<!\bdue\s)(?<!\bcompared\s)\bto|\brather\s+than|\binstead\s+of)\s+$",
    re.I,
)
# `core engagement metrics`, `recommendation accuracy of NDCG@20`, `prediction
# accuracy (online CTR ...)`, `accuracy by 15% points in Recall@10`: a family of metrics
# named, the measure is the other
FAMILY_AFTER = re.compile(
    r"\s*(?:metrics|measures|indicators)\b|\s*of\s+(?:the\s+)?[A-Za-z]+@"
    # `improvements in user engagement, as measured by mean reciprocal rank`: the measure is the other
    r"|\s*,?\s*as\s+measured\s+(?:by|with|using|in)\b"
    r"|\s*\(\s*(?:[\w@-]+\s+){0,2}?[\w@-]+\s+(?:by\s+|of\s+|=\s*|:\s*)?[+\-]?\d"
    # `improves retrieval accuracy by up to 15% points in Recall@10`: the change is the cut-off metric's
    r"|\s+by\s+(?:up\s+to\s+|over\s+|about\s+)?[+\-]?\d[\d.,]*\s?(?:%|pp|points?)?(?:\s?points?)?\s+(?:in|on)\s+"
    r"(?:terms\s+of\s+)?[A-Za-z]+@"
)
DEFINED = re.compile(
    r"\b(?:the|an?)\s+(?P<name>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:as\s+an?\s+(?:[\w-]+\s+){0,3}?(?:metric|measure|indicator)s?\b"
    r"|to\s+(?:quantify|measure)\b)"
)
# a metric that modifies a noun names no measure: `CTR prediction`, `relevance labels`, and the first
# of two acronyms that do (`ranking models for CTR and CVR predictions`)
MODIFIED = re.compile(
    r"-\w|(?:\s*(?:and|or|/|&)\s*(?-i:[A-Z]{2,6})\b)?"
    r"\s*(?:models?|constraints?|predictions?|predictor|predictors|tasks?|estimation|modeling|modelling|stage|field|setting|"
    r"systems?|signals?|feedback|labels?|judg(?:e)?ments?|"
    # a bias in a metric, a dataset named by one: `position-based CTR bias`, `the Store Sales dataset`
    r"bias(?:es)?|datasets?|corpus|corpora)\b",
    re.I,
)
QUALITY_AFTER = re.compile(r" quality\b")  # `improves relevance quality`: the measure is the word's quality


def head_after(doc: Doc, span: Span, end: int) -> Span:
    """`span` widened to `end`, named as written (`relevance quality`)."""
    wide = doc.char_span(span.start_char, end, alignment_mode="expand")
    if wide is None:
        return span
    name = f"{span.kb_id_} {doc_text(doc)[span.end_char : end].strip()}"
    return Span(doc, wide.start, wide.end, label="metric", kb_id=name, span_id=span.id_)


NAMED_METRIC_AFTER = re.compile(r"\s+(?:metric|score)\b")  # `the Complete Recall metric`, `a Context Precision score`
# a capitalised metric word that opens a longer name: `Perplexity Deep Research` (a product),
# `Low Perplexity Documents` (a title); not a list or a cut-off (`Recall and NDCG`, `Recall@10`)
NAME_CONTINUES = re.compile(r" (?!(?:And|Or|Of|In|On|At|For|With|By|To|Vs)\b)[A-Z][a-z]")
# what a paper defines to quantify is a measure unless it is a tool: `a mental reward model to quantify`
TOOL_HEAD = re.compile(
    r"(?:model|models|framework|method|approach|module|network|algorithm|system|pipeline|tool|agent)$", re.I
)


def defined_matches(text: str) -> Iterator[re.Match[str]]:
    """`DEFINED.finditer(text)`, over the stretches that can hold a match: one ends in
    `metric`, `measure`, `indicator` or `quantify` and has no `.`, `!` or `?`, so only
    the stretches between those marks around such a word are scanned."""
    stretches: set[tuple[int, int]] = set()
    for word in ("metric", "measure", "indicator", "quantify"):
        at = text.find(word)
        while at >= 0:
            start = max(text.rfind(mark, 0, at) for mark in ".!?") + 1
            ends = [end for end in (text.find(mark, at) for mark in ".!?") if end >= 0]
            stretches.add((start, min(ends, default=len(text))))
            at = text.find(word, at + 1)
    for start, end in sorted(stretches):
        yield from DEFINED.finditer(text, start, end)


def evaluated(text: str, span: Span, sentence: Sent) -> int | None:
    """A metric the evaluation speaks of: a change or comparison cue before it (through
    a list of others) or a change verb after it, in a sentence that reports a finding
    (see EVAL_CUE_WORDS). Returns where the words that may narrow the metric can begin
    (after the cue), or None."""
    if FAMILY_AFTER.match(text, span.end_char) or not reports_finding(sentence.text) or prior_work(sentence.text):
        return None
    start = max(sentence.start_char, span.start_char - EVAL_LOOKBACK)
    cue = EVALUATED_BEFORE.search(text, start, span.start_char)
    if cue is not None:
        if PURPOSE.search(text, max(0, cue.start() - 16), cue.start()):
            return None
        if cue.group("cue")[:5].lower() == "achie" and not shown_level(sentence.text):
            return None
        return cue.end("cue")
    if EVALUATED_AFTER.match(text, span.end_char, sentence.end_char):
        return sentence.start_char
    return None


def defined_otherwise(text: str, acronym: str, spellings: Collection[str]) -> bool:
    """`maximum a posteriori (MAP)`: the paper spells the acronym out as something that
    is no measure (neither a metric's spelling, `exact match (EM)`, nor a phrase with a
    measure word, `area under the ROC curve (AUC)`)."""
    at = text.find(f"({acronym})")
    while at >= 0:
        words = text[max(0, at - 80) : at].split()[-DEFINITION_WORDS:]
        start = initials_match(acronym, words)
        if start is not None and all(PLAIN_WORD.match(w) for w in words[start:]):
            long_form = " ".join(words[start:])
            listed = any(" ".join(words[k:]).casefold() in spellings for k in range(start, len(words)))
            if not listed and not MEASURE_WORD.search(long_form):
                return True
        at = text.find(f"({acronym})", at + 1)
    return False


def setting(span: Span, sentence: Sent) -> str | None:
    """`online` or `offline` by the words around the metric, else by its sentence's cues
    (an online cue wins for a business metric, `CTR`, `GMV`)."""
    text = sentence.text
    local = text[max(0, span.start_char - sentence.start_char - 25) : span.end_char - sentence.start_char + 25]
    local = local.lower()
    if "offline" in local and not ONLINE_WORD.search(local):
        return "offline"
    if ONLINE_WORD.search(local) and "offline" not in local:
        return "online"
    # the sentence's cues, read once per sentence (several metrics share one)
    cues: dict[int, tuple[bool, bool]] = span.doc.user_data.setdefault("kg.setting_cues", {})
    if sentence.start_char not in cues:
        cues[sentence.start_char] = (CUE_ONLINE.search(text) is not None, CUE_OFFLINE.search(text) is not None)
    online, offline = cues[sentence.start_char]
    business = span.id_ in BUSINESS or span.kb_id_ in BUSINESS
    if online and (business or not offline):
        return "online"
    if offline:
        return "offline"
    return None
