"""`kg_metrics`: the values a paper reports for its metrics, and the setting.

Runs after `kg_lexicon`. For each metric span it reads the values written next to it
and decides whether a metric without one is a measure of this paper; values no metric
claims are named by the noun phrase beside them. The rules, by job:

    metric_values.py   what a value is: number, unit, hedge, range (`6-33%`, `from 0.68 to 0.73`)
    metric_pairing.py  which value is which metric's (`CTR by 2.71%`, `+20.00% online CTR`, lists)
    metric_context.py  a metric without a value, senses of acronyms, online/offline setting
    metric_changes.py  a measure no lexicon holds, changed `from A to B` (`timeout rate from 40% to 10%`)
    metric_shares.py   the share of a reference's result kept (`retains 97% of the unpruned model performance`)
    metric_objects.py  a measure named as what a change verb changes (`increases Payment PV by +3.62%`),
                       a value on a scale after `scores` (`scoring 8.18/10`), the measure a system
                       is the lowest or highest on (`the lowest OCR ASR (14.2%)`)
    metric_phrases.py  names no lexicon holds (`Hit@10`, `task success rate`, `service availability`)
    metric_names.py    a lexicon acronym's long form the paper never abbreviates is named as written
                       (`false positive rate`); a long form in brackets (`RPM (Revenue Per Mille)`) is none;
                       a behaviour a model predicts (`predicting CTR`) is no measure

A metric whose lexicon name is a plain word keeps the words that narrow it, and so does a
cased word metric (`Recall`, `F1`) by the lower-case words before it; a bare
`Recall` beside `Recall@10`, a letter alone (`P`) and a metric that names the paper's
task (`CTR` in a CTR prediction paper) without a value are dropped.

Values go to the span extension `kg_values` (a list of [value, unit]); the setting
(`online`, `offline` or None) to `kg_setting`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import load_lexicons
from extractors.entities.metric_changes import changed_phrases
from extractors.entities.metric_context import (
    GENERIC_CONCERNS,
    HIT_CONTEXT,
    HIT_SENSE,
    MODIFIED,
    NAME_CONTINUES,
    NAMED_METRIC_AFTER,
    QUALITY_AFTER,
    RANKING_CONTEXT,
    RANKING_SENSE,
    defined_otherwise,
    evaluated,
    example_only,
    head_after,
    setting,
)
from extractors.entities.metric_lists import MIN_BARE_LIST, cued_measures, has_cue_word, listed_measures
from extractors.entities.metric_names import QUALIFIED_ACRONYMS, in_definition, spelled_out, target
from extractors.entities.metric_objects import scored_values, superlative_values, verb_objects
from extractors.entities.metric_pairing import listed_pairs, respectively_pairs, values_for
from extractors.entities.metric_phrases import at_k, defined_metrics, phrase_metrics, tex_names, widen
from extractors.entities.metric_shares import share_phrases
from extractors.entities.metric_value_lists import listed_after_pairs
from extractors.entities.metric_values import has_digit
from extractors.entities.rulers import METRIC, SPANS_KEY, TASK, doc_spans, set_doc_spans
from extractors.entities.text import doc_text, sentences

for _name, _default in (("kg_values", None), ("kg_setting", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


@Language.factory("kg_metrics", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_metric_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> MetricValueRuler:
    return MetricValueRuler(nlp, name, spans_key=spans_key, directory=directory)


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
        # word metrics a qualifier before narrows, with a value or without (`needle-in-a-haystack recall`,
        # `collection attribute precision`, `evidence F1`)
        self.qualified = {n for n in self.cased if " " not in n} | QUALIFIED_ACRONYMS
        self.metric_words = {s.casefold(): e.name for e in metrics for s in e.spellings}
        self.lexicon_names = {e.name for e in metrics}

    def __call__(self, doc: Doc) -> Doc:
        if self.spans_key not in doc.spans:
            return doc
        spans = doc_spans(doc, self.spans_key)
        text = doc_text(doc)
        if "@" in text:
            spans.extend(at_k(doc, text, spans, self.metric_words))
        if "$" in text:
            spans.extend(tex_names(doc, text, spans, self.metric_words))
        metrics = [s for s in spans if s.label == METRIC]
        has_number = has_digit(text)
        if not metrics and not has_number:
            # no metric and no number: only measures a cue lists (`improves X, Y and Z`) can be here
            if has_cue_word(text):
                cued = cued_measures(doc, sentences(doc), [], self.metric_words)
                set_doc_spans(doc, self.spans_key, spans + cued)
            return doc
        sents = sentences(doc)
        used: set[int] = set()
        with_k = {s.id_ for s in metrics if "@" in s.kb_id_}
        tasks = {s.kb_id_.casefold() for s in spans if s.label == TASK}
        defined = defined_metrics(doc, text)
        title_end: int = doc.user_data.get("kg.title_end", 0)  # a title names a topic, not a finding
        keep: list[Span] = list(defined)
        unconfirmed: list[Span] = []  # metrics without a value or cue, kept if listed with other measures
        starts = frozenset(s.start_char for s in metrics)  # where each metric is named
        paired = respectively_pairs(text, sents, metrics, used) if "respectively" in text else {}
        paired.update(listed_pairs(text, metrics, used))
        paired.update(listed_after_pairs(text, metrics, used))
        for span in metrics:
            if (
                MODIFIED.match(text, span.end_char)
                or text[span.start_char - 1 : span.start_char] == "-"
                or any(d.start <= span.start < d.end for d in defined)
                or "(" in text
                and in_definition(span, text, metrics)
            ):
                continue
            if span.text[:1].isupper() and not span.text.isupper() and NAME_CONTINUES.match(text, span.end_char):
                continue  # `Perplexity Deep Research`: a word of another name
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
            values = paired.get(span.start_char) or (values_for(span, sentence, used, starts) if has_number else [])
            if not values and span.kb_id_ in RANKING_SENSE and not RANKING_CONTEXT.search(text):
                continue  # `MAP` in a text that ranks nothing is no ranking metric
            if not values and span.text in HIT_SENSE and not HIT_CONTEXT.search(text):
                continue  # `the HR input resolution`
            if not values and "@" not in span.kb_id_ and span.id_ in with_k:
                continue
            if not values and example_only(text, span, sentence):
                continue  # `feedback (such as click-through rate and conversion rate)`: what a setting observes
            if (
                not values
                and span.id_ in self.cased
                and text[span.start_char].islower()
                and evaluated(text, span, sentence) is None
            ):
                unconfirmed.append(span)
                continue  # `recall` is a word; `assessed via precision, recall and F1` a measure
            if not values and f"{span.kb_id_} prediction".casefold() in tasks:
                continue  # `CTR` in a CTR prediction paper names the task
            if not values and target(span, text):
                continue  # `predicting CTR`, `predicted CTR`: what the model works on
            floor = sentence.start_char
            if not values and span.id_ in self.value_only:
                cue_end = None if span.start_char < title_end else evaluated(text, span, sentence)
                if cue_end is None:
                    if span.start_char >= title_end:
                        unconfirmed.append(span)
                    continue
                floor = cue_end
            if span.id_ in self.qualified and "@" not in span.kb_id_:
                # `the Complete Recall metric`: a capitalised word before a cased metric named as one is its own
                named_one = NAMED_METRIC_AFTER.match(text, span.end_char) is not None
                span = widen(doc, span, floor, self.qualified, lower_only=not named_one)
            elif values or span.id_ in self.value_only:
                span = widen(doc, span, floor, self.plain_word)
            if span.kb_id_ in self.plain_word and (head := QUALITY_AFTER.match(text, span.end_char)):
                span = head_after(doc, span, head.end())  # `relevance quality`: the quality of a metric word
            span._.kg_values = [list(v) for v in values] or None
            span._.kg_setting = setting(span, sentence)
            keep.append(span)
        # a list's other measures, beside a metric with a value or one the evaluation speaks of
        anchors = [s for s in keep if s._.kg_values or evaluated(text, s, sents.at(s.start_char)) is not None]
        keep.extend(listed_measures(doc, sents, anchors, keep, self.metric_words))
        keep.extend(listed_measures(doc, sents, unconfirmed, keep, self.metric_words, MIN_BARE_LIST))
        keep.extend(cued_measures(doc, sents, keep, self.metric_words))
        extra = changed_phrases(doc, sents, used, self.metric_words, keep) if has_number and " from " in text else []
        extra += share_phrases(doc, sents, used, keep) if has_number and "% of " in text else []
        extra += phrase_metrics(doc, sents, used, self.metric_words) if has_number else []
        extra += (
            verb_objects(doc, sents, used, self.metric_words, keep + extra) if has_number and " by " in text else []
        )
        extra += scored_values(doc, sents, used) if has_number and "scor" in text else []
        if has_number and ("lowest" in text or "highest" in text):
            extra += superlative_values(doc, sents, used, self.metric_words, keep + extra)
        # a list's other measures beside a measure named by its value (`rapid training times, low
        # inference latencies, and routing overhead of 2 ms`)
        extra += listed_measures(doc, sents, [s for s in extra if s._.kg_values], keep + extra, self.metric_words)
        named = [spelled_out(s, text, self.metric_words) for s in keep + extra]
        named = [s for s in named if s._.kg_values or s.kb_id_.casefold() not in GENERIC_CONCERNS]
        set_doc_spans(doc, self.spans_key, [s for s in spans if s.label != METRIC] + named)
        doc.user_data.pop("kg.setting_cues", None)  # (this component's own; not sent to other processes)
        return doc
