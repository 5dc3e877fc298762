"""`kg_comparisons`: who beats whom, and what each reported number was measured on.

Runs last, over the spans the other components found. Two things per paper:

- `outperforms`: the named methods the paper says its own method beats. A win cue
  (`outperforms`, `surpasses`, `beats`, `better than`, `improves over`, `superior to`)
  whose subject is the paper's own (a name it proposes, `our`, `we`, `the proposed`, `it`)
  and whose object names methods: a lexicon or acronym method, a coined name
  (`BERT4Rec`), a capitalised name (`Claude Opus 4.6`) or a short technique phrase
  (`zero-shot prompting`). Generic objects (`state-of-the-art baselines`) name nothing,
  but a list after them does (`baselines such as SASRec and BERT4Rec`, `baselines
  (ToG, RoG)`). Not wins: a negated cue (`does not outperform`), `comparable to`,
  `falls short of`, `unlike X`, a subject that is not the paper's own.
- `results`: each metric value the metric rule read, with the dataset it was measured
  on (a dataset of the same sentence, else the paper's only dataset) and the baseline it
  is relative to (a method after `over`, `than`, `compared to`, `relative to`, `versus`,
  or the one method the sentence's win cue names).

Both go to `doc.user_data`: `kg.outperforms` a list of `Win`, `kg.results` a list of
`Result`; each names the paper's own method it speaks of (`Names.winner`).

The parts, one module each: the cues and the words that make one a win
(`comparison_cues`), the names in a cue's object (`comparison_objects`), baselines named
apart from the win and wins told by numbers (`comparison_baselines`), the wins
(`comparison_wins`), the results (`comparison_results`) and the values whose metric is
named once for several (`comparison_elided`); this module is the component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.entities.comparison_cues import find_cues
from extractors.entities.comparison_elided import MAY_HAVE_APART
from extractors.entities.comparison_objects import Names
from extractors.entities.comparison_results import Result, results
from extractors.entities.comparison_wins import Win, outperformed
from extractors.entities.rulers import METRIC, SPANS_KEY, doc_spans
from extractors.entities.text import sentences

# what other modules read from here (`methods` reads an object's names as a win cue's)
__all__ = ["ComparisonRuler"]


@Language.factory("kg_comparisons", default_config={"spans_key": SPANS_KEY})
def make_comparison_ruler(nlp: Language, name: str, spans_key: str) -> ComparisonRuler:
    return ComparisonRuler(name, spans_key=spans_key)


class ComparisonRuler:
    def __init__(self, name: str = "kg_comparisons", *, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        cues = find_cues(sents)
        spans = doc_spans(doc, self.spans_key)
        metrics = [s for s in spans if s.label == METRIC]
        measured = [s for s in metrics if s._.kg_values]
        beaten: list[Win] = []
        found: list[Result] = []
        if cues or measured or (metrics and MAY_HAVE_APART.search(sents.text)):
            names = Names(spans, sents.text)
            beaten = outperformed(doc, sents, names, cues)
            found = results(sents, measured, names, beaten, metrics)
        doc.user_data["kg.outperforms"] = beaten
        doc.user_data["kg.results"] = found
        return doc
