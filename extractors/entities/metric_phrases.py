"""Metric names no lexicon holds: a name with a cut-off (`Hit@10`), a metric the paper
defines as one (`we take the basket completion rate as a key metric`), the words that
narrow a plain-word metric (`task success rate`, `tool calling accuracy`), and, where no
metric claims a value, the short noun phrase ending in a metric word beside it (`service
availability`, `query change rate decay`), `N fewer steps`, and `N x faster` as a speedup.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.entities.metric_context import TOOL_HEAD, defined_matches, setting
from extractors.entities.metric_pairing import RELATIVE_CHANGE, more_values
from extractors.entities.metric_values import (
    CHANGE,
    HEDGE,
    NUM,
    UNIT,
    VALUE,
    YEAR,
    lower_end,
    value_of,
    values_anywhere,
    whole_value,
)
from extractors.entities.rulers import METRIC
from extractors.entities.text import Sentences, doc_text

# unknown metric names: a short noun phrase ending in a metric word, beside a value
METRIC_HEAD = (
    r"(?:rate|rates|accuracy|score|ratio|revenue|cost|precision|recall|latency|throughput|coverage|"
    r"retention|conversions?|clicks|engagement|availability|decay|satisfaction|error|errors|"
    # the quantities papers report beside a value: `routing overhead of 0.12 ms`, `1.70% in total
    # reading time`, `1.34% in click unique visitors`, `+0.43 in therapeutic quality`
    r"time|duration|overhead|quality|consistency|completeness|correctness|reliability|fidelity|visits|"
    r"visitors|impressions?|emissions|usage|savings|"
    # the qualities a human or LLM judge rates, which no lexicon holds (`relevance`, `diversity` it does):
    # `+367% in contextual richness`, `helpfulness by 0.4`
    r"usefulness|helpfulness|faithfulness|coherence|fluency|richness|naturalness|informativeness|readability|"
    r"realism)"
)
STOP = (
    r"(?:the|a|an|no|of|in|on|by|and|or|to|our|its|their|with|for|from|while|than|that|which|where|this|these|"
    r"average|overall|mean|relative|absolute|highest|lowest|higher|lower|better|best|significant|final|primary|main|official|only|"
    r"online|offline|improv\w*|increas\w*|reduc\w*|achiev\w*|outperform\w*|maintain\w*|gain\w*|"
    r"yield\w*|show\w*|demonstrat\w*|lead\w*|led|has|have|is|are|was|were|both|extend\w*|provid\w*|"
    r"aim\w*|maximi[sz]\w*|minimi[sz]\w*|optimi[sz]\w*|near-optimal|strong|high|low|good|great|total|estimated|"
    # verbs of the sentence, not words of the metric: `preserving accuracy`, `cuts latency`
    r"reports?|reported|cuts?|cutting|lift\w*|add\w*|hold\w*|preserv\w*|keep\w*|retain\w*|boost\w*|rais\w*|lower\w*|"
    r"obtain\w*|attain\w*|reach\w*|deliver\w*|exceed\w*|surpass\w*|sustain\w*|sacrific\w*|los\w*|hurt\w*|degrad\w*|"
    # the sentence's comparison and listing words: `superior ranking accuracy`, `including accuracy`
    r"superior|comparable|competitive|greater|stronger|worse|faster|slower|shorter|longer|smaller|larger|fewer|"
    r"enhanc\w*|decreas\w*|compromis\w*|including|such|like|key|across|via|as|at|percent|substantial|"
    r"consistent|considerable|remarkable|meaningful|similar|same|state-of-the-art|favou?rable|desirable|"
    r"acceptable|reasonable|satisfactory|excellent|impressive|optimal|minimal|negligible|marginal|moderate|"
    r"more|less|stable|rich|comprehensive|broad\w*|wide\w*|full|accurate|precise|strict|ensur\w*|slash\w*|"
    r"confirm\w*|suppress\w*|halv\w*|doubl\w*|accelerat\w*|limit\w*|measured|measuring|poor|"
    # words of the value, not the measure: `constant throughput`, `millisecond-level latency`
    r"constant|raw|perfect(?!-)|(?:milli|micro|nano)?second-level|"
    # units: `900 ms latency`, `15-30%p accuracy`
    r"ms|p)"
)
PHRASE_WORD = rf"(?!{STOP}\b)[A-Za-z][\w-]*"
STOP_WORD = re.compile(STOP)
# a sum or whole is part of a measure's name (`1.70% in total reading time`, `improves overall score
# by 11.5%`), though a sentence word elsewhere (STOP); `average` is not (`average latency` is latency)
NAME_LEAD_WORDS = ("total", "overall")
NAME_LEAD = rf"(?:(?:{'|'.join(NAME_LEAD_WORDS)})\s+)?"
# a business metric named in title case: `2.78% increase in Long-form Video Open Rate`
TITLE_HEAD = r"[A-Z][a-z]*\s+(?:Rate|Time|Duration|Ratio|Score|Revenue|Accuracy|Coverage|Retention)"
# the unit a business measure is counted per is part of its name: `+0.25% in duration per user`
PER_UNIT = r"(?:\s+per\s+(?:user|session|query|request|visitor|day))?"
# `about 18% lower evaluation cost`: a comparative between the value and the measure it changes
COMPARED = r"(?:lower|higher|smaller|larger|shorter|longer|less|reduced|better|worse)"
AFTER_VALUE_PHRASE = re.compile(
    rf"\s*(?:(?:online|offline)\s+)?(?:{COMPARED}\s+)?(?:{CHANGE}\s+(?:in|on|of)\s+(?:the\s+)?|(?:in|on)\s+(?:the\s+)?)?"
    rf"(?P<name>{NAME_LEAD}(?:{PHRASE_WORD}\s+){{0,3}}(?:{METRIC_HEAD}|{TITLE_HEAD}){PER_UNIT})\b"
)
BEFORE_VALUE_PHRASE = re.compile(
    rf"(?=[A-Za-z])(?<![\w/-])(?P<name>{NAME_LEAD}(?:{PHRASE_WORD}\s+){{0,3}}{METRIC_HEAD})(?:\s+\((?P<acronym>[A-Z][A-Za-z]*[A-Z])\))?"
    rf"\s+(?:(?:increas\w*|improv\w*|decreas\w*|reduc\w*|ris\w*|grow\w*)\s+)?"
    rf"(?:(?:by|of|to)\s+{HEDGE}|(?P<bracket>\()\s*)$"  # `completeness (+100.4%)`: a change in brackets
)
# `61% fewer steps`, `2.6x fewer input tokens`: a count the method reduces is the measure
FEWER = re.compile(
    rf"(?<![\w.])(?P<num>{NUM})(?P<unit>{UNIT})\s+fewer\s+(?P<name>(?:{PHRASE_WORD}\s+){{0,2}}[a-z][\w-]*[^\Ws]s)\b"
)
FASTER = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<unit>\s?(?:x|×|\$\\times\$|times)(?![\w]))\s+(?:faster|speed-?up)\b")
SKIP_PHRASE = re.compile(
    r"\b(?:learning\s+rate|dropout\s+rate|sampling\s+rate|masking\s+rate|mask\s+rate|"
    r"(?:mixing|sampling|masking|mask|split|dropout)\s+ratio)\b",
    re.I,
)
AT_K = re.compile(r"(?<![\w@./-])([A-Za-z][A-Za-z0-9-]{0,14})\\?@(\d{1,4})(?![\w.@])")  # TeX's `NDCG\@4` too
NOT_AT_K = frozenset(["top", "Top", "at", "k", "K"])
AT_K_WORDS = frozenset(
    ["pass", "hit", "hits", "success", "acc", "map", "mrr", "ndcg", "recall", "precision", "coverage"]
)
# a metric name in TeX: `$F_1$`, `B-$F_1$`, `F$_1$`, `$R^2$` (the lexicon's `F1`, `R2`, with a prefix as written)
TEX_NAME = re.compile(
    r"(?<![\w$\\])(?P<pre>[A-Za-z]{1,4}-)?(?P<open>\$)?(?P<base>[A-Za-z]{1,4})(?(open)|\$)"
    r"[_^]\{?(?P<sub>[A-Za-z0-9]{1,3})\}?\$(?![\w$])"
)
SPREAD_BEFORE = re.compile(r"(?:\+/|±|\\pm\$?\s?)[+\-−]?$")  # `2260.6 +/- 218.4 ms`: a spread, not a sign
# a signed change names the noun phrase right after it, whatever its head: `+41.1pp first-try advantage
# over X`, `+33.3pp compositional generalization (d=1.55)`; not a change word (`+3% relative gain`), nor
# a preposition's phrase (`+5.4pp over blind escalation`, `-6 points per year`)
NOT_NAME_START = (
    r"(?:over|per|despite|without|respectively|each|held|within|across|under|after|before|during|against|versus|"
    r"vs|among|between|beyond|below|above|into|onto|upon|toward|towards|band|range|margin|points?)\b"
)
SIGNED_NAME = re.compile(
    rf"\s+(?!{NOT_NAME_START})(?P<name>(?:{PHRASE_WORD}\s+){{0,2}}(?!{CHANGE}\b|{STOP}\b|{NOT_NAME_START})[a-z][\w-]*[a-z])"
    r"(?=\s*(?:over|vs\.?|versus|compared|against|than|relative|\(|,|;|\.\s|\.$|$))"
)
# a number without a unit names its measure only in tight phrasing: `a composite score of 4.53`
# (the look-behind after the first digit, `\d(?<![\w.@$]\d)`, not before it: a pattern that starts
# with a digit is scanned for by the digit, three times faster, with the same matches)
DECIMAL = re.compile(
    r"(?P<num>\d(?<![\w.@$]\d)\d*\.\d+)(?P<unit>)(?![\w.%]|\s?(?:%|×|x\b|times\b|pp\b|points?\b|percent))"
)
# whose measure it is may stand between: `the theme consistency of this model is 0.5 higher`
OWN_MODEL = r"(?:\s+of\s+(?:this|our|the\s+proposed)\s+(?:model|method|approach|system|framework))?"
TIGHT_BEFORE_PHRASE = re.compile(
    rf"(?=[A-Za-z])(?<![\w/-])(?P<name>(?:{PHRASE_WORD}\s+){{0,3}}{METRIC_HEAD}){OWN_MODEL}"
    rf"\s+(?:of|is|was|=|:|reaches|reached|reaching)\s+{HEDGE}$"
)
SENTENCE_ARTICLE = re.compile(r"(?:The|Our|Its|Their|A|An)\s+(?=[a-z])")
# a decimal that opens a range with a unit at its end: `0.004 to 0.126 ms`, `0.59-0.73`
RANGED_DECIMAL = re.compile(VALUE)
PHRASE_LOOKBACK = 90  # characters before a value that can hold the name of its measure
# how TIGHT_BEFORE_PHRASE can end, white space stripped (its verb, or the last word of a HEDGE):
# a cheap test before the pattern is searched for over PHRASE_LOOKBACK characters
TIGHT_ENDS = (
    *("of", "is", "was", "=", ":", "reaches", "reached", "reaching"),
    *("to", "upto", "over", "about", "around", "approximately", "nearly", "almost", "roughly", "than", "least"),
    *("as", "average"),
)
# a name before the metric is what it is measured on, not part of it: `WikiText-2 perplexity`
LEFT_WORD = re.compile(rf"(?<![\w'’/-])(?!{STOP}\b)([A-Za-z](?![\w-]*[A-Z])[\w-]+)\s+$")


def at_k(doc: Doc, text: str, spans: list[Span], metric_words: dict[str, str]) -> list[Span]:
    """`Hit@10`, `Success@5`, `MAP@100`: any short name with a cut-off is a metric
    (the lexicon's own, `NDCG@10`, are spans already)."""
    taken = {s.start_char for s in spans if "@" in s.kb_id_}
    out = []
    for match in AT_K.finditer(text):
        name, k = match.groups()
        if match.start() in taken or name in NOT_AT_K or YEAR.match(k):
            continue
        if not (name[0].isupper() or name.casefold() in metric_words or name.lower() in AT_K_WORDS):
            continue  # `help@2024`, `team@home`: an address, not a cut-off
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        inside = [s for s in spans if s.start < span.end and span.start < s.end]
        if any(not (s.label == METRIC and span.start <= s.start and s.end <= span.end) for s in inside):
            continue
        for s in inside:  # `ILD` of the lexicon, read with its cut-off: `ILD@20`
            spans.remove(s)
        out.append(Span(doc, span.start, span.end, label="metric", kb_id=f"{name}@{k}", span_id=name))
    return out


def tex_names(doc: Doc, text: str, spans: list[Span], metric_words: dict[str, str]) -> list[Span]:
    """`B-$F_1$ of 0.79`, `F$_1$`: a lexicon metric written in TeX, named as its plain spelling
    (`B-F1`); `$x_1$`, `$L_2$` are no metric's spelling and stay variables."""
    out = []
    for match in TEX_NAME.finditer(text):
        lexicon_name = metric_words.get((match.group("base") + match.group("sub")).casefold())
        if lexicon_name is None:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(s.start < span.end and span.start < s.end for s in spans):
            continue
        name = (match.group("pre") or "") + lexicon_name
        out.append(Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=lexicon_name))
    return out


def defined_metrics(doc: Doc, text: str) -> list[Span]:
    """`we take the basket completion rate as a key metric`, `we define the
    refund ratio to quantify ...`: a metric the paper names as one."""
    if "metric" not in text and "measure" not in text and "quantif" not in text:
        return []
    out = []
    for match in defined_matches(text):
        words = match.group("name").split()
        while words and words[0].lower() in ("the", "a", "an", "our", "its", "their"):
            words.pop(0)
        if not words or len(words) > 4 or TOOL_HEAD.search(words[-1]):
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


def widen(doc: Doc, span: Span, floor: int, plain_word: set[str], lower_only: bool = False) -> Span:
    """`success rate` -> `task success rate`: the words before a plain-word metric,
    from `floor` on (after the cue that made it a metric); with `lower_only` lower-case
    words alone (`evidence F1`, not `Natural Questions Recall@5`)."""
    if span.id_ not in plain_word:
        return span
    text = doc_text(doc)
    start = span.start_char
    words: list[str] = []
    while len(words) < 3:
        match = LEFT_WORD.search(text, max(floor, start - 40), start)
        if match is None or match.end() != start:
            break
        word = match.group(1)
        if word[0].isupper() and text[span.start_char].islower() and STOP_WORD.fullmatch(word.lower()):
            break  # `The accuracy` at a sentence start; but `Higher Order Tracking Accuracy`
        if lower_only and not word.islower():
            break  # `Natural Questions Recall@5`: a capitalised name before a cased metric is what it is measured on
        words.insert(0, word)
        start = match.start(1)
    if not words:
        return span
    widened = doc.char_span(start, span.end_char, alignment_mode="expand")
    if widened is None:
        return span
    written = text[span.start_char : span.end_char]
    cased = span.kb_id_[:1].isupper() and written.casefold() == span.kb_id_.casefold()  # `attribute precision`
    name = " ".join(words + [written if cased else span.kb_id_])
    return Span(doc, widened.start, widened.end, label="metric", kb_id=name, span_id=span.id_)


def phrase_metrics(doc: Doc, sents: Sentences, used: set[int], metric_words: dict[str, str]) -> list[Span]:
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
            if found is None and signed(text, match):
                found = SIGNED_NAME.match(text, match.end(), sentence.end_char)
            if found is None or found.groupdict().get("bracket") and match.group("num")[:1] not in "+-−":
                continue
            name = " ".join(found.group("name").split())
            n_start, n_end = found.start("name"), found.end("name")
            if SKIP_PHRASE.search(name) or len(name) < 3:
                continue
            if found.groupdict().get("acronym"):
                # `false negative rate (FNR) of 0%`: the acronym the paper defines
                name, n_start, n_end = found.group("acronym"), found.start("acronym"), found.end("acronym")
            canonical = metric_words.get(name.casefold(), name)
            name = name if canonical[:1].islower() else canonical
        span = doc.char_span(n_start, n_end, alignment_mode="expand")
        if span is None:
            continue
        span = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
        used.add(match.start("num"))
        # `by 31.6 points (a 3.0x relative improvement)`: the relative change is the measure's too
        more = more_values(text, match.end(), 0, used, frozenset(), (RELATIVE_CHANGE,))
        span._.kg_values = [list(whole_value(text, match)), *(list(value) for value in more)]
        span._.kg_setting = setting(span, sentence)
        out.append(span)
    if "." in text:
        out.extend(tight_decimals(doc, sents, used, metric_words))
    return out


def signed(text: str, match: re.Match[str]) -> bool:
    """A value written with its sign: `+41.1pp`, not the end of a range (`5--30%`) or a spread
    (`2260.6 +/- 218.4 ms`, `0.81 ± 0.02`)."""
    if match.group("num").lstrip()[:1] not in "+-−" or lower_end(text, match) is not None:
        return False
    return not SPREAD_BEFORE.search(text, max(0, match.start() - 3), match.start("num") + 1)


def tight_decimals(doc: Doc, sents: Sentences, used: set[int], metric_words: dict[str, str]) -> list[Span]:
    """`a composite score of 4.53 (vs. 3.13) on a 5-point scale, a 44.7% improvement`: a decimal
    no metric claimed, right after `<measure> of/is/=`, with the relative change that follows."""
    out: list[Span] = []
    text = doc_text(doc)
    for match in DECIMAL.finditer(text):
        if match.start("num") in used:
            continue
        sentence = sents.at(match.start())
        low = max(sentence.start_char, match.start() - PHRASE_LOOKBACK)
        if not text[low : match.start()].rstrip().endswith(TIGHT_ENDS):
            continue
        found = TIGHT_BEFORE_PHRASE.search(text, low, match.start())
        if found is None:
            continue
        article = SENTENCE_ARTICLE.match(text, found.start("name"))  # `The theme consistency` at a sentence start
        n_start = article.end() if article else found.start("name")
        name = " ".join(text[n_start : found.end("name")].split())
        if SKIP_PHRASE.search(name) or len(name) < 3:
            continue
        canonical = metric_words.get(name.casefold(), name)
        name = name if canonical[:1].islower() else canonical
        span = doc.char_span(n_start, found.end("name"), alignment_mode="expand")
        if span is None:
            continue
        span = Span(doc, span.start, span.end, label="metric", kb_id=name, span_id=name)
        used.add(match.start("num"))
        ranged = RANGED_DECIMAL.match(text, match.start("num"))  # `overhead of 0.004 to 0.126 ms`: the range whole
        ranged = ranged if ranged is not None and ranged.group("upper") else None
        first = value_of(ranged) if ranged is not None else whole_value(text, match)
        end = ranged.end() if ranged is not None else match.end()
        values = [first, *more_values(text, end, 0, used, frozenset(), (RELATIVE_CHANGE,))]
        span._.kg_values = [list(v) for v in values]
        span._.kg_setting = setting(span, sentence)
        out.append(span)
    return out
