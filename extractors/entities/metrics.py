"""`kg_metrics`: the values a paper reports for its metrics, and the setting.

Runs after `kg_lexicon`. For each metric span it reads the values written next to it,
in the phrasings papers use:

    +20.00% online CTR            value, optional setting, metric
    CTR by 2.71%                  metric, by/of/to, value
    recall 0.592                  metric, a decimal right after it
    HR@5 increased from 0.68 to 0.73   the value reached
    Recall@200 by over 25%        hedges: up to, over, about, an average of
    a 0.63% improvement in QAUC   value, change noun, in/on/of, metric
    R@5 to 71.4%(+1.8%)           a bracketed change after the value is a value too
    by 0.210% in A and 0.185% in B, (81.2%, 79.4%, and 80.6% respectively)

A value is a number with a unit (`%`, `x`, `times`, `pp`, `percentage points`,
`points`) — a bare number only where the phrasing is tight (`to 7.43`,
`1.84 throughput`), never a year or a count (`2024`, `10 pages`, `70 million`).

A metric whose lexicon name is a plain word keeps the words that narrow it
(`task success rate`, `adjusted win rate`, `tool calling accuracy`). Where no lexicon
metric claims a value, a short noun phrase ending in a metric word beside it becomes
the metric (`service availability`, `query change rate decay`), and `N x faster` is a
speedup. Metrics that are a topic as often as a measure (`value_only` in the lexicon)
are kept without a value only where a sentence that reports a finding speaks of them
(`improves accuracy`, `reduces inference latency`, `in terms of fairness, diversity, and
accuracy`, `accuracy drops`), not for a purpose (`to improve accuracy`) or in the title;
a bare `Recall` beside `Recall@10` and a metric used as a modifier (`CTR models`,
`relevance feedback`) are dropped. A lexicon acronym the paper spells out as something
that is no measure (`maximum a posteriori (MAP)`) is not a metric, and `MAP`, `DCG` need
a retrieval or recommender text.

Values are kept as written: ranges and pairs whole (`6-33%`, `0.54% to 2.90%`,
`13.9%/15.3%`, `215 ms +/- 18 ms`), `~3.7x`, `83.43 percent`; but `from 0.68 to 0.73`
and `MAE 0.87 to 0.73` are changes whose value is the one reached.

Values go to the span extension `kg_values` (a list of [value, unit]); the setting
(`online`, `offline` or None) to `kg_setting`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import load_lexicons
from extractors.entities.rulers import SPANS_KEY, doc_spans, set_doc_spans
from extractors.entities.text import Sent, Sentences, doc_text, initials_match, sentences

for _name, _default in (("kg_values", None), ("kg_setting", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

NUM = r"[+\-−]?\s?\$?\d+(?:[.,]\d+)*"
UNIT = (
    r"(?:\s?\\?%\s+points?\b|\s?\\?%|\s?(?:x|×|X|\$\\times\$)(?![\w])|\s?times\b|\s?-?fold\b|\s?pp\b|\s?pt\b|"
    r"\s(?:percentage\s+points?|points?|pts?|bps|basis\s+points|percent)\b|\s?(?:ms|Mbps)\b)"
)
# a range or a pair as one value: `6-33%`, `88%-93%`, `0.54% to 2.90%`, `13.9%/15.3%`
RANGE = rf"(?:\s?(?:--|[-–/]|±|\+/-|\$\\pm\$)\s?|\s+to\s+)\d+(?:[.,]\d+)*(?:{UNIT})?"
VALUE = rf"(?P<approx>~\s?)?(?P<num>{NUM})(?P<unit>{UNIT})?(?P<upper>{RANGE})?"
HEDGE = (
    r"(?:(?:up\s*to|upto|over|about|around|approximately|nearly|almost|roughly|more\s+than|at\s+least|as\s+(?:much|low|high|little|many)\s+as|"
    r"an?\s+(?:average|maximum|overall|relative|absolute|total)(?:\s+(?:improvement|gain|increase))?\s+of|"
    r"(?:an\s+)?average(?:\s+of)?)\s*)*"
)
CHANGE = (
    r"(?:(?:relative|absolute|overall|significant|average|online|offline|substantial|notable|consistent|"
    r"maximum|total|\w+ly)\s+)*(?:improvements?|increases?|gains?|lifts?|boosts?|uplifts?|growth|reductions?|"
    r"decreases?|drops?|declines?|rises?|enhancements?|increments?)"
)
PREP_TIGHT = ("of", "to", "=", ":", "reaching", "reaches", "reached")

# metric ... value
AFTER = re.compile(
    rf"\s*(?:\)\s*)?(?:(?:score|scores|metric|metrics|rate|performance)\s+)?(?:(?:is|was|were|are|has|have)\s+)?"
    rf"(?:(?:increas\w*|improv\w*|ris\w*|gain\w*|grow\w*|boost\w*|lift\w*|reduc\w*|decreas\w*|drop\w*|declin\w*|achiev\w*|reach\w*|rang\w*|rose|grew|fell|up|down)\s+)?"
    rf"(?:(?:improvements?|gains?|increases?)\s+)?(?:(?:of|for|on)\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,6}}?\s+(?=by\b|was\b|were\b|is\b|are\b))?"
    rf"(?:(?:was|were|is|are)\s+)?"
    rf"(?:(?P<prep>by|of|to|at|from|=|:|reaching|reaches|reached)\s*)?"
    rf"(?P<open>\(\s*)?"  # its values in brackets: `exact-match accuracy (27.45% and 59.64%)`
    rf"(?:\\text(?:bf|it)\{{)?"  # in bold: `Payment GTV by \textbf{+2.54\%}`
    rf"{HEDGE}{VALUE}"
    r"(?!\s*(?:CI|confidence|faster|slower)\b)"  # `(95% CI)`, `(10x faster)`: no value of this metric
)
# value ... metric
BEFORE = re.compile(
    rf"(?<![\w.]){VALUE}\s*(?:\(\s*[^()]{{0,20}}\)\s*)?(?:(?:online|offline|relative|absolute|higher|lower|better|more|fewer|less)\s+)?"
    rf"(?:{CHANGE}\s*(?:(?:over|compared\s+(?:to|with)|against)\s+[^,.;%]{{0,50}}?\s+)?(?:in|on|of|for|at|to)\s+(?:the\s+|terms\s+of\s+|overall\s+|online\s+|offline\s+|average\s+)*)?"
    # the words between may not join another phrase: in `RN by 6.02% and GMV by 1.22%`
    # 6.02% is not GMV's
    rf"(?:(?:in|on|at|of)\s+(?:the\s+|terms\s+of\s+)*)?(?:the\s+)?(?:(?!(?:and|or|but|while|whereas)\s)[a-z][\w-]*\s+){{0,2}}$"
)
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
# `93` of `93-100%`, `97.6-` of `97.6--100%`
LOWER_END = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\\?%|x)?(?:--|[-–])$")
LOWER_END_WINDOW = 16
TO_SEP = re.compile(r"\s+to\s")
# what makes `A to B` a range: `ranging from`, `between`, a change given as one (`by`, `of`)
RANGED = re.compile(
    rf"\b(?:rang\w*(?:\s+from)?|vary\w*(?:\s+from)?|between|by|of|improvements?|gains?|increases?|reductions?)\s+{HEDGE}$"
)
UPPER_VALUE = re.compile(rf"(?P<num>\d+(?:[.,]\d+)*)(?P<unit>{UNIT})?$")
RANGING = re.compile(r"\b(?:rang\w*|vary\w*|varie\w*|between)\s+$")
FROM_TO = re.compile(rf"\s*(?P<prep>to)\s+{HEDGE}{VALUE}")
# `54.8% P@1 overall (54.6% on citation, 31.3% on inheritance)`: a value's parts in brackets,
# each with what it was measured on
PARTS = re.compile(
    rf"\s*(?:overall|on\s+average|in\s+total|average)?\s*\(\s*{VALUE}(?=\s+(?:on|in|for|under|with|at)\s)"
)
# a value in a list before another: `5.5 pt and 19.3 pt higher F1`
LISTED_BEFORE = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})?\s*(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?{HEDGE}$")
LISTED_BEFORE_WINDOW = 40
LONG_FORM_BRACKET = re.compile(r"\s\($")  # `gross transaction volume (` before `GTV)`
ACRONYM_AT = re.compile(r"[A-Z][A-Za-z]*[A-Z](?=\s*\))")
# the words between a value and its metric in one noun phrase: `77.7% average accuracy`, not
# `4x achieved better specificity`
NOUN_GAP = re.compile(r"\s*(?:(?![\w-]+(?:ed|ing|es)\b)[a-z][\w-]*\s+){0,2}")
BRACKETED = re.compile(rf"\s*\(\s*(?P<num>[+\-−]\s?\d+(?:[.,]\d+)*)(?P<unit>{UNIT})?\s*\)")
# the next value of the same metric, after the condition of the one before: `0.210% in A
# and 0.185% in B`, `62.3% on clean data and 71.2% under noise`
CONTINUED = re.compile(
    rf"(?:\s+(?:in|on|for|under|with|across|at)\s+[^,.;()%]{{1,40}}?)?"
    rf"\s*(?<!\d)(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?{HEDGE}{VALUE}"
    r"(?=\s*(?:in|on|for|at|under|with|across|respectively)\b|\s*[,.;)]|\s*$|\s*\(\s*[+\-−]\s?\d)"
)
NAMED_AFTER = re.compile(r"\s*(?:in|on|of|for)\s+(?:the\s+|terms\s+of\s+)*")  # `1.2% in GMV`: GMV's
# the margin of a win after the value: `accuracy at 83.43%, outperforming the best single model
# by 1.01 percentage points`
MARGIN = re.compile(
    rf"\s*,?\s*(?:outperform|surpass|exceed|beat)\w*\s+[^,.;%()]{{1,60}}?\s+by\s+{HEDGE}{VALUE}"
    r"(?=\s*[,.;)]|\s*$|\s+(?:on|in|across|at|for|under)\s)"
)
MAX_MORE_VALUES = 6  # values one metric can list after its first
VALUE_IN_LIST = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})")
# `precision and accuracy of 90% and 82% respectively`, `+0.131% and +0.166% in active days and
# app usage duration, respectively`: a list of metrics and a list of as many values, in order
LISTED_VALUE = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})?(?![\w.])")
METRIC_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:the\s+|its\s+|their\s+)?")
# between a list of values and the list of metrics they are in: ` improvements in `, ` on `
LIST_LEAD = re.compile(
    rf"(?<=[\d%x])\s*(?:(?:higher|lower|better|more|fewer|less)\s+|{CHANGE}\s+)?(?:in|on|of|for|at)\s+"
    r"(?:terms\s+of\s+|the\s+|both\s+)*$"
)
LIST_LEAD_WINDOW = 60
VALUE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
ONLINE_WORD = re.compile(r"(?<!f)online")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"^(?:19|20)\d\d$")
CUE_ONLINE = re.compile(r"\b(?:online|A/B|deploy\w*|production|launched|live\s+traffic|real\s+traffic)\b", re.I)
CUE_OFFLINE = re.compile(
    r"\b(?:offline|public\s+(?:datasets?|benchmarks?)|benchmark\s+datasets?|experiments?\s+on|datasets?)\b", re.I
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
RESULT_SENTENCE = re.compile(
    r"\b(?:experiment\w*|results|show\w*|demonstrat\w*|evaluat\w*|A/B|outperform\w*|achiev\w*|observ\w*|"
    r"find|finds|found|findings?|reveal\w*|confirm\w*|yield\w*|tests?|tested|study|studies|empirical\w*|assess\w*|measur\w*|"
    r"report\w*|compared|baselines?|state-of-the-art|significant\w*)\b|\d(?:[.,]\d+)?\s?(?:%|x\b|×)|\d\.\d",
    re.I,
)
PURPOSE = re.compile(
    r"(?:(?<!\blead\s)(?<!\bleads\s)(?<!\bled\s)(?<!\bdue\s)(?<!\bcompared\s)\bto|\brather\s+than|\binstead\s+of)\s+$",
    re.I,
)
# `core engagement metrics`, `recommendation accuracy of NDCG@20`, `prediction
# accuracy (online CTR ...)`: a family of metrics named, the measure is the other
FAMILY_AFTER = re.compile(
    r"\s*(?:metrics|measures|indicators)\b|\s*of\s+(?:the\s+)?[A-Za-z]+@"
    r"|\s*\(\s*(?:[\w@-]+\s+){0,2}?[\w@-]+\s+(?:by\s+|of\s+|=\s*|:\s*)?[+\-]?\d"
)
DEFINED = re.compile(
    r"\b(?:the|an?)\s+(?P<name>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:as\s+an?\s+(?:[\w-]+\s+){0,3}?(?:metric|measure|indicator)s?\b"
    r"|to\s+(?:quantify|measure)\b)"
)
MODIFIED = re.compile(
    r"-\w|\s*(?:models?|constraints?|prediction|predictor|predictors|tasks?|estimation|modeling|modelling|stage|field|setting|"
    r"systems?|signals?|feedback|labels?|judg(?:e)?ments?)\b",
    re.I,
)

# unknown metric names: a short noun phrase ending in a metric word, beside a value
METRIC_HEAD = (
    r"(?:rate|rates|accuracy|score|ratio|revenue|cost|precision|recall|latency|throughput|coverage|"
    r"retention|conversions?|clicks|engagement|availability|decay|satisfaction|error|errors|"
    # the quantities papers report beside a value: `routing overhead of 0.12 ms`, `1.70% in total
    # reading time`, `1.34% in click unique visitors`, `+0.43 in therapeutic quality`
    r"time|duration|overhead|quality|consistency|completeness|correctness|reliability|fidelity|visits|"
    r"visitors|impressions?|emissions|usage|savings)"
)
STOP = (
    r"(?:the|a|an|no|of|in|on|by|and|or|to|our|its|their|with|for|from|while|than|that|which|this|these|"
    r"average|overall|mean|relative|absolute|highest|lowest|higher|lower|better|best|significant|"
    r"online|offline|improv\w*|increas\w*|reduc\w*|achiev\w*|outperform\w*|maintain\w*|gain\w*|"
    r"yield\w*|show\w*|demonstrat\w*|lead\w*|led|has|have|is|are|was|were|both|extend\w*|provid\w*|"
    r"aim\w*|maximi[sz]\w*|minimi[sz]\w*|optimi[sz]\w*|near-optimal|strong|high|low|good|great|total|estimated|"
    # verbs of the sentence, not words of the metric: `preserving accuracy`, `cuts latency`
    r"reports?|reported|cuts?|cutting|lift\w*|add\w*|hold\w*|preserv\w*|keep\w*|retain\w*|boost\w*|rais\w*|lower\w*|"
    r"obtain\w*|attain\w*|deliver\w*|exceed\w*|surpass\w*|sustain\w*|sacrific\w*|los\w*|hurt\w*|degrad\w*|"
    # the sentence's comparison and listing words: `superior ranking accuracy`, `including accuracy`
    r"superior|comparable|competitive|greater|stronger|worse|faster|slower|shorter|longer|smaller|larger|fewer|"
    r"enhanc\w*|decreas\w*|compromis\w*|including|such|like|key|across|via|as|at|percent|substantial|"
    r"consistent|considerable|remarkable|meaningful|similar|same|state-of-the-art|favou?rable|desirable|"
    r"acceptable|reasonable|satisfactory|excellent|impressive|optimal|minimal|negligible|marginal|moderate|"
    r"more|less|stable|rich|comprehensive|broad\w*|wide\w*|full|accurate|precise|strict|ensur\w*|slash\w*|"
    r"confirm\w*|suppress\w*|halv\w*|doubl\w*|accelerat\w*|limit\w*|"
    # units: `900 ms latency`, `15-30%p accuracy`
    r"ms|p)"
)
PHRASE_WORD = rf"(?!{STOP}\b)[A-Za-z][\w-]*"
# a business metric named in title case: `2.78% increase in Long-form Video Open Rate`
TITLE_HEAD = r"[A-Z][a-z]*\s+(?:Rate|Time|Duration|Ratio|Score|Revenue|Accuracy|Coverage|Retention)"
AFTER_VALUE_PHRASE = re.compile(
    rf"\s*(?:(?:online|offline)\s+)?(?:{CHANGE}\s+(?:in|on|of)\s+(?:the\s+)?|(?:in|on)\s+(?:the\s+)?)?"
    rf"(?P<name>(?:{PHRASE_WORD}\s+){{0,3}}(?:{METRIC_HEAD}|{TITLE_HEAD}))\b"
)
BEFORE_VALUE_PHRASE = re.compile(
    rf"(?=[A-Za-z])(?<![\w-])(?P<name>(?:{PHRASE_WORD}\s+){{0,3}}{METRIC_HEAD})(?:\s+\((?P<acronym>[A-Z][A-Za-z]*[A-Z])\))?"
    rf"\s+(?:(?:increas\w*|improv\w*|decreas\w*|reduc\w*|ris\w*|grow\w*)\s+)?"
    rf"(?:(?:by|of|to)\s+{HEDGE}|(?P<bracket>\()\s*)$"  # `completeness (+100.4%)`: a change in brackets
)
# `61% fewer steps`, `2.6x fewer input tokens`: a count the method reduces is the measure
FEWER = re.compile(
    rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})\s+fewer\s+(?P<name>(?:{PHRASE_WORD}\s+){{0,2}}[a-z][\w-]*[^\Ws]s)\b"
)
FASTER = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>\s?(?:x|×|\$\\times\$|times)(?![\w]))\s+(?:faster|speed-?up)\b")
VALUE_ANYWHERE = re.compile(rf"(?=[-+−\s$\d])(?<![\w.@])(?P<num>{NUM})(?P<unit>{UNIT})")
ASCII_DIGITS = "0123456789"
SKIP_PHRASE = re.compile(
    r"\b(?:error\s+rate|learning\s+rate|dropout\s+rate|sampling\s+rate|masking\s+rate|mask\s+rate)\b", re.I
)
AT_K = re.compile(r"(?<![\w@./-])([A-Za-z][A-Za-z0-9-]{0,14})@(\d{1,4})(?![\w.@])")
NOT_AT_K = frozenset(["top", "Top", "at", "k", "K"])
AT_K_WORDS = frozenset(
    ["pass", "hit", "hits", "success", "acc", "map", "mrr", "ndcg", "recall", "precision", "coverage"]
)
# a name before the metric is what it is measured on, not part of it: `WikiText-2 perplexity`
LEFT_WORD = re.compile(rf"(?<![\w'’/-])(?!{STOP}\b)([A-Za-z](?![\w-]*[A-Z])[\w-]+)\s+$")


@Language.factory("kg_metrics", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_metric_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> MetricValueRuler:
    return MetricValueRuler(nlp, name, spans_key=spans_key, directory=directory)


def clean_value(num: str, unit: str | None) -> tuple[str, str | None]:
    """`+ 20.00`, `%` -> (`+20.00%`, `%`); `1.7`, `times` -> (`1.7times`, `x`)."""
    num = num.replace(" ", "").replace("−", "-")
    unit_text = (unit or "").strip().replace("\\", "")
    if not unit_text:
        return num, None
    low = unit_text.lower()
    if low == "%":
        return num + "%", "%"
    if low in ("x", "×", "$times$"):  # `$\times$` without its backslash
        return num + "x", "x"
    if low in ("times", "fold", "-fold"):
        return num + (unit or "").replace(" ", "") if not (unit or "").startswith(" ") else f"{num} {unit_text}", "x"
    if low == "pp" or low.startswith("percentage"):
        return (num + "pp" if low == "pp" else f"{num} {unit_text}"), "pp"
    return f"{num} {unit_text}", low


def value_of(match: re.Match[str]) -> tuple[str, str | None]:
    """A value match as written: `~3.7x`, a range `6-33%` or `0.54% to 2.90%` whole;
    but `accuracy 0.80 to 0.96`, `from 0.33 to 0.91` is a change, the value reached."""
    upper = match.groupdict().get("upper")
    if (
        upper
        and TO_SEP.match(upper)
        and not RANGED.search(match.string, max(0, match.start("num") - 40), match.start("num"))
    ):
        reached = UPPER_VALUE.search(upper)
        if reached is not None:
            return clean_value(reached.group("num"), reached.group("unit") or match.group("unit"))
    if not upper:
        value, unit = clean_value(match.group("num"), match.group("unit"))
    else:
        raw = match.string[match.start("num") : match.end("upper")]
        value = " ".join(raw.replace("$\\times$", "x").replace("\\", "").replace("−", "-").split())
        last = re.search(UNIT + "$", upper) or re.search(UNIT + "$", match.group("unit") or "")
        unit = clean_value("0", last.group())[1] if last else None
    return ("~" + value if match.groupdict().get("approx") else value), unit


def unit_of(match: re.Match[str]) -> str | None:
    """The unit a value match has, on its first number or on the end of its range."""
    upper = match.groupdict().get("upper")
    if upper:
        last = re.search(UNIT + "$", upper)
        if last:
            return last.group()
    return match.group("unit")


def plausible(num: str, unit: str | None, tight: bool) -> bool:
    """A number that can be a metric value: with a unit, or a decimal in tight phrasing."""
    if unit and unit.strip():
        return True
    digits = num.lstrip("+-−$ ")
    if "$" in num or num.lstrip()[:1] == "+" and "." in digits:
        return True  # money, or a signed change: `by +4.04`
    return tight and "." in digits and not YEAR.match(digits)


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
    if FAMILY_AFTER.match(text, span.end_char) or not RESULT_SENTENCE.search(sentence.text):
        return None
    start = max(sentence.start_char, span.start_char - EVAL_LOOKBACK)
    cue = EVALUATED_BEFORE.search(text, start, span.start_char)
    if cue is not None:
        if PURPOSE.search(text, max(0, cue.start() - 16), cue.start()):
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


def lower_end(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """The lower end of the range a value found alone closes: `93-` of `93-100%`."""
    signed = match.group("num").startswith("-")  # `97.6--100%`: the second `-` read as a sign
    return LOWER_END.search(text, max(0, match.start() - LOWER_END_WINDOW), match.start("num") + signed)


def _runs(items: list[tuple[int, int]], text: str, gap: re.Pattern[str]) -> list[list[tuple[int, int]]]:
    """(start, end) items grouped into the lists they form, joined by `gap` (`, `, `and`)."""
    runs: list[list[tuple[int, int]]] = []
    for item in items:
        if runs and gap.fullmatch(text, runs[-1][-1][1], item[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def respectively_pairs(
    text: str, sents: Sentences, metrics: list[Span], used: set[int]
) -> dict[int, list[tuple[str, str | None]]]:
    """`precision and accuracy of 90% and 82% respectively`, `+0.131% and +0.166% in active
    days and app usage duration, respectively`: where a sentence lists metrics and as many
    values before its `respectively`, each metric (by its start) takes the value in its
    place. Lists of two or more, the last of each before the word."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    at = text.find("respectively")
    while at >= 0:
        sentence = sents.at(at)
        start = sentence.start_char
        names = sorted((s.start_char, s.end_char) for s in metrics if start <= s.start_char and s.end_char <= at)
        values = [
            m
            for m in LISTED_VALUE.finditer(text, start, at)
            if plausible(m.group("num"), m.group("unit"), True) and not YEAR.match(m.group("num"))
        ]
        name_runs = [r for r in _runs(names, text, METRIC_LIST_GAP) if len(r) >= 2]
        by_span = {(m.start(), m.end()): m for m in values}
        value_runs = [r for r in _runs(list(by_span), text, VALUE_LIST_GAP) if len(r) >= 2]
        if name_runs and value_runs and len(name_runs[-1]) == len(value_runs[-1]):
            shared = by_span[value_runs[-1][-1]].group("unit")  # `by 9.57 and 13.39 points`: the last's
            for (name_start, _), span in zip(name_runs[-1], value_runs[-1], strict=True):
                match = by_span[span]
                if match.start("num") not in used:
                    used.add(match.start("num"))
                    out[name_start] = [clean_value(match.group("num"), match.group("unit") or shared)]
        at = text.find("respectively", at + 1)
    return out


def listed_pairs(text: str, metrics: list[Span], used: set[int]) -> dict[int, list[tuple[str, str | None]]]:
    """`improvements of 3.80%, 2.64% and 2.17% on R@5, R@10 and R@20`, `14.1% and 12.5% in
    Recall@20 and NDCG@20`: a list of values right before a list of as many metrics gives
    each metric (by its start) the value in its place, as `respectively` would."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    names = sorted((s.start_char, s.end_char) for s in metrics)
    for run in _runs(names, text, METRIC_LIST_GAP):
        if len(run) < 2:
            continue
        lead = LIST_LEAD.search(text, max(0, run[0][0] - LIST_LEAD_WINDOW), run[0][0])
        if lead is None:
            continue
        found = [m for m in LISTED_VALUE.finditer(text, max(0, lead.start() - LIST_LEAD_WINDOW), lead.start() + 1)]
        found = [m for m in found if plausible(m.group("num"), m.group("unit"), True)]
        by_span = {(m.start(), m.end()): m for m in found}
        runs = _runs(list(by_span), text, VALUE_LIST_GAP)
        if not runs or runs[-1][-1][1] != lead.start() or len(runs[-1]) != len(run):
            continue
        matches = [by_span[span] for span in runs[-1]]
        if any(m.start("num") in used for m in matches):
            continue
        shared = matches[-1].group("unit")
        for (name_start, _), match in zip(run, matches, strict=True):
            used.add(match.start("num"))
            out[name_start] = [clean_value(match.group("num"), match.group("unit") or shared)]
    return out


def has_digit(text: str) -> bool:
    """`DIGIT.search(text)`, by ten substring searches (C memchr) where the text is ASCII."""
    if text.isascii():
        return any(map(text.__contains__, ASCII_DIGITS))
    return DIGIT.search(text) is not None


def values_anywhere(text: str) -> Iterator[re.Match[str]]:
    """`VALUE_ANYWHERE.finditer(text)`, tried only where a value can start. A value's
    first digit begins a run of digits, and at most a sign, a blank and `$` come before
    it; so for an ASCII text the runs are found by substring search and the pattern is
    tried at the three characters before each (the scan over every character cost as
    much as all the other metric rules)."""
    if not text.isascii():
        yield from VALUE_ANYWHERE.finditer(text)
        return
    digits: list[int] = []
    for digit in ASCII_DIGITS:
        at = text.find(digit)
        while at >= 0:
            digits.append(at)
            at = text.find(digit, at + 1)
    digits.sort()
    end = 0
    for at in digits:
        if at < end or at and text[at - 1].isdigit():
            continue  # inside the last value, or not the first digit of a run
        for start in range(max(end, at - 3), at + 1):
            match = VALUE_ANYWHERE.match(text, start)
            if match is not None:
                yield match
                end = match.end()
                break


class MetricValueRuler:
    def __init__(
        self, nlp: Language, name: str = "kg_metrics", *, spans_key: str = SPANS_KEY, directory: str | None = None
    ):
        self.name = name
        self.spans_key = spans_key
        metrics = [e for e in load_lexicons(directory) if e.kind == "metric"]
        self.value_only = {e.name for e in metrics if e.value_only}
        self.plain_word = {e.name for e in metrics if e.name[:1].islower() and not e.verbatim}  # a list's, as written
        self.cased = {e.name for e in metrics if e.at_k and e.name[:1].isupper() and not e.name.isupper()}
        self.metric_words = {s.casefold(): e.name for e in metrics for s in e.spellings}
        self.lexicon_names = {e.name for e in metrics}

    def __call__(self, doc: Doc) -> Doc:
        if self.spans_key not in doc.spans:
            return doc
        spans = doc_spans(doc, self.spans_key)
        text = doc_text(doc)
        if "@" in text:
            spans.extend(self._at_k(doc, text, spans))
        metrics = [s for s in spans if s.label_ == "metric"]
        has_number = has_digit(text)
        if not metrics and not has_number:
            return doc
        sents = sentences(doc)
        used: set[int] = set()
        with_k = {s.id_ for s in metrics if "@" in s.kb_id_}
        tasks = {s.kb_id_.casefold() for s in spans if s.label_ == "task"}
        defined = self._defined_metrics(doc, text)
        title_end: int = doc.user_data.get("kg.title_end", 0)  # a title names a topic, not a finding
        keep: list[Span] = list(defined)
        starts = frozenset(s.start_char for s in metrics)  # where each metric is named
        paired = respectively_pairs(text, sents, metrics, used) if "respectively" in text else {}
        paired.update(listed_pairs(text, metrics, used))
        for span in metrics:
            if (
                MODIFIED.match(text, span.end_char)
                or text[span.start_char - 1 : span.start_char] == "-"
                or any(d.start <= span.start < d.end for d in defined)
            ):
                continue
            if len(span.kb_id_) == 1:
                continue  # a letter alone (`P`, `R`) is a variable; with a cut-off it is `P@10`
            if (
                span.id_ in self.lexicon_names
                and span.kb_id_.isupper()
                and "(" in text
                and defined_otherwise(text, span.kb_id_, self.metric_words)
            ):
                continue  # a lexicon acronym the paper spells out as something else
            sentence = sents.at(span.start_char)
            values = paired.get(span.start_char) or (
                self._values_for(span, sentence, used, starts) if has_number else []
            )
            if not values and span.kb_id_ in RANKING_SENSE and not RANKING_CONTEXT.search(text):
                continue  # `MAP` in a text that ranks nothing is no ranking metric
            if not values and "@" not in span.kb_id_ and span.id_ in with_k:
                continue
            if (
                not values
                and span.id_ in self.cased
                and text[span.start_char].islower()
                and evaluated(text, span, sentence) is None
            ):
                continue  # `recall` is a word; `assessed via precision, recall and F1` a measure
            if not values and f"{span.kb_id_} prediction".casefold() in tasks:
                continue  # `CTR` in a CTR prediction paper names the task
            floor = sentence.start_char
            if not values and span.id_ in self.value_only:
                cue_end = None if span.start_char < title_end else evaluated(text, span, sentence)
                if cue_end is None:
                    continue
                floor = cue_end
            if values or span.id_ in self.value_only:
                span = self._widen(doc, span, floor)
            span._.kg_values = [list(v) for v in values] or None
            span._.kg_setting = self._setting(span, sentence)
            keep.append(span)
        extra = self._phrase_metrics(doc, sents, used) if has_number else []
        set_doc_spans(doc, self.spans_key, [s for s in spans if s.label_ != "metric"] + keep + extra)
        doc.user_data.pop("kg.setting_cues", None)  # (this component's own; not sent to other processes)
        return doc

    def _at_k(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """`Hit@10`, `Success@5`, `MAP@100`: any short name with a cut-off is a metric
        (the lexicon's own, `NDCG@10`, are spans already)."""
        taken = {s.start_char for s in spans if "@" in s.kb_id_}
        out = []
        for match in AT_K.finditer(text):
            name, k = match.groups()
            if match.start() in taken or name in NOT_AT_K or YEAR.match(k):
                continue
            if not (name[0].isupper() or name.casefold() in self.metric_words or name.lower() in AT_K_WORDS):
                continue  # `help@2024`, `team@home`: an address, not a cut-off
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            inside = [s for s in spans if s.start < span.end and span.start < s.end]
            if any(not (s.label_ == "metric" and span.start <= s.start and s.end <= span.end) for s in inside):
                continue
            for s in inside:  # `ILD` of the lexicon, read with its cut-off: `ILD@20`
                spans.remove(s)
            out.append(Span(doc, span.start, span.end, label="metric", kb_id=match.group(), span_id=name))
        return out

    def _defined_metrics(self, doc: Doc, text: str) -> list[Span]:
        """`we take the basket completion rate as a key metric`, `we define the
        refund ratio to quantify ...`: a metric the paper names as one."""
        if "metric" not in text and "measure" not in text and "quantif" not in text:
            return []
        out = []
        for match in defined_matches(text):
            words = match.group("name").split()
            while words and words[0].lower() in ("the", "a", "an", "our", "its", "their"):
                words.pop(0)
            if not words or len(words) > 4:
                continue
            start = match.start("name") + match.group("name").find(words[0])
            span = doc.char_span(start, match.end("name"), alignment_mode="expand")
            if span is not None:
                name = " ".join(words)
                defined = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
                defined._.kg_values = None
                defined._.kg_setting = None
                out.append(defined)
        return out

    def _widen(self, doc: Doc, span: Span, floor: int) -> Span:
        """`success rate` -> `task success rate`: the words before a plain-word metric,
        from `floor` on (after the cue that made it a metric)."""
        if span.id_ not in self.plain_word:
            return span
        text = doc_text(doc)
        start = span.start_char
        words: list[str] = []
        while len(words) < 3:
            match = LEFT_WORD.search(text, max(floor, start - 40), start)
            if match is None or match.end() != start:
                break
            words.insert(0, match.group(1))
            start = match.start(1)
        if not words:
            return span
        widened = doc.char_span(start, span.end_char, alignment_mode="expand")
        if widened is None:
            return span
        name = " ".join(words + [span.kb_id_])
        return Span(doc, widened.start, widened.end, label="metric", kb_id=name, span_id=span.id_)

    def _values_for(
        self, span: Span, sentence: Sent, used: set[int], starts: frozenset[int]
    ) -> list[tuple[str, str | None]]:
        text = sentence.text
        base = sentence.start_char
        start = span.start_char - base
        end = span.end_char - base
        values: list[tuple[str, str | None]] = []
        after = AFTER.match(text, end, min(len(text), end + 110))
        if after and after.group("open"):
            before = BEFORE.search(text, max(0, start - 90), start)
            if before and NOUN_GAP.fullmatch(text, before.end("num") + len(before.group("unit") or ""), start):
                after = None  # `77.7% average accuracy (91.9% top-3)`: the value before is the metric's
        if after and self._named_after(text, after.end(), base, starts):
            after = None  # `accuracy by 15% points in Recall@10`: the value is Recall@10's
        if (
            after
            and after.group("prep") == "from"
            and not RANGING.search(text, max(0, after.start("prep") - 12), after.start("prep"))
        ):
            # `HR@5 increased from 0.681 to 0.735`: the value reached is the one reported
            # (but `ranging from 0.54% to 2.90%` is the range)
            first_end = after.end("unit") if after.group("unit") else after.end("num")
            after = FROM_TO.match(text, first_end) or after
        # a decimal right after the metric is tight too: `recall 0.592`
        if after and plausible(
            after.group("num"),
            unit_of(after),
            after.group("prep") in PREP_TIGHT or not text[end : after.start("num")].strip(),
        ):
            pos = base + after.start("num")
            if pos not in used:
                used.add(pos)
                values.append(value_of(after))
                values.extend(self._more(text, after.end(), base, used, starts))
        if not values:
            before = BEFORE.search(text, max(0, start - 90), self._long_form_start(text, start))
            if before and plausible(
                before.group("num"), unit_of(before), before.end() == start and not unit_of(before)
            ):
                pos = base + before.start("num")
                if pos not in used:
                    used.add(pos)
                    values.extend(self._listed_before(text, before.start("num"), base, used))
                    values.append(value_of(before))
                    parts = PARTS.match(text, end)
                    if parts is not None and plausible(parts.group("num"), unit_of(parts), False):
                        used.add(base + parts.start("num"))
                        values.append(value_of(parts))
                        values.extend(self._more(text, parts.end(), base, used, starts))
                    else:
                        values.extend(self._more(text, end, base, used, starts, (MARGIN,)))
        if not values and text.find("respectively", end) >= 0:
            values.extend(self._respectively(text, end, base, used))
        return values

    @staticmethod
    def _listed_before(text: str, pos: int, base: int, used: set[int]) -> list[tuple[str, str | None]]:
        """The values listed before one found before its metric, in order: `5.5 pt and 19.3 pt
        higher F1`, `12.57%, 9.1% and 14.37% in HR@10`; not one another metric took."""
        out: list[tuple[str, str | None]] = []
        while len(out) < MAX_MORE_VALUES:
            match = LISTED_BEFORE.search(text, max(0, pos - LISTED_BEFORE_WINDOW), pos)
            if match is None or base + match.start("num") in used:
                break
            if not plausible(match.group("num"), match.group("unit"), False):
                break
            used.add(base + match.start("num"))
            out.insert(0, clean_value(match.group("num"), match.group("unit")))
            pos = match.start()
        return out

    @staticmethod
    def _named_after(text: str, pos: int, base: int, starts: frozenset[int]) -> bool:
        """Is a value ending at `pos` followed by another metric it is given in (`by 1.2% in GMV`)?"""
        named = NAMED_AFTER.match(text, pos)
        return named is not None and base + named.end() in starts

    @staticmethod
    def _long_form_start(text: str, start: int) -> int:
        """Where the long form of an acronym in brackets at `start` begins (`1.54% improvement in
        gross transaction volume (GTV)`), so that the value before it is read; else `start`."""
        bracket = LONG_FORM_BRACKET.search(text, max(0, start - 3), start)
        if bracket is None:
            return start
        acronym = ACRONYM_AT.match(text, start)
        head = text[max(0, bracket.start() - 80) : bracket.start()]
        words = head.split()[-DEFINITION_WORDS:]
        first = initials_match(acronym.group(), words) if acronym is not None else None
        if first is None:
            return start
        return bracket.start() - len(" ".join(words[first:]))

    def _more(
        self,
        text: str,
        pos: int,
        base: int,
        used: set[int],
        starts: frozenset[int],
        patterns: tuple[re.Pattern[str], ...] = (BRACKETED, CONTINUED, MARGIN),
    ) -> list[tuple[str, str | None]]:
        """Values that follow the first, each after the one before: `71.4%(+1.8%)`,
        `0.210% in A and 0.185% in B`, `+4.04 (+12.15%) on A and +4.98 (+15.21%) on B`,
        `62.3% on clean data and 71.2% under noise`; but not a value that another metric
        named right after it claims (`CTR by 2.71% and 1.2% in GMV`)."""
        out: list[tuple[str, str | None]] = []
        while len(out) < MAX_MORE_VALUES:
            for pattern in patterns:
                match = pattern.match(text, pos)
                if match and plausible(match.group("num"), unit_of(match), pattern is BRACKETED):
                    break
            else:
                return out
            where = base + match.start("num")
            if where in used or self._named_after(text, match.end(), base, starts):
                return out
            used.add(where)
            out.append(value_of(match))
            pos = match.end()
        return out

    def _respectively(self, text: str, end: int, base: int, used: set[int]) -> list[tuple[str, str | None]]:
        """`on A, B and C (81.2%, 79.4%, and 80.6% respectively)`: the values listed
        before `respectively`, after the metric (inside the last bracket if any)."""
        stop = text.find("respectively", end)
        window_start = max(end, text.rfind("(", end, stop) + 1)
        out = []
        for value in VALUE_IN_LIST.finditer(text, window_start, stop):
            where = base + value.start("num")
            if where not in used:
                used.add(where)
                out.append(clean_value(value.group("num"), value.group("unit")))
        return out

    def _setting(self, span: Span, sentence: Sent) -> str | None:
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

    @staticmethod
    def _whole_value(text: str, match: re.Match[str]) -> tuple[str, str | None]:
        """A value found alone, with the lower end of its range: `93-100%`, not `-100%`."""
        lower = lower_end(text, match)
        if lower is None:
            return clean_value(match.group("num"), match.group("unit"))
        value = " ".join(text[lower.start() : match.end()].replace("$\\times$", "x").replace("\\", "").split())
        return value, clean_value("0", match.group("unit"))[1]

    def _phrase_metrics(self, doc: Doc, sents: Sentences, used: set[int]) -> list[Span]:
        """Values no lexicon metric claimed, named by the noun phrase beside them."""
        out: list[Span] = []
        text = doc_text(doc)
        for match in values_anywhere(text):
            lower = lower_end(text, match)
            if match.start("num") in used or lower is not None and lower.start() in used:
                continue
            sentence = sents.at(match.start())
            s_start = sentence.start_char
            faster = FASTER.match(text, match.start())
            fewer = FEWER.match(text, match.start()) if faster is None else None
            if faster:
                name, n_start, n_end = "speedup", match.start(), faster.end()
            elif fewer:
                name, n_start, n_end = fewer.group("name"), fewer.start("name"), fewer.end("name")
            else:
                found = AFTER_VALUE_PHRASE.match(text, match.end(), min(len(text), match.end() + 70))
                if found is None:
                    found = BEFORE_VALUE_PHRASE.search(text, max(s_start, match.start() - 90), match.start())
                if found is None or found.groupdict().get("bracket") and match.group("num")[:1] not in "+-−":
                    continue
                name = " ".join(found.group("name").split())
                n_start, n_end = found.start("name"), found.end("name")
                if SKIP_PHRASE.search(name) or len(name) < 3:
                    continue
                if found.groupdict().get("acronym"):
                    # `false negative rate (FNR) of 0%`: the acronym the paper defines
                    name, n_start, n_end = found.group("acronym"), found.start("acronym"), found.end("acronym")
                canonical = self.metric_words.get(name.casefold(), name)
                name = name if canonical[:1].islower() else canonical
            span = doc.char_span(n_start, n_end, alignment_mode="expand")
            if span is None:
                continue
            span = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
            span._.kg_values = [list(self._whole_value(text, match))]
            span._.kg_setting = self._setting(span, sentence)
            used.add(match.start("num"))
            out.append(span)
        return out
