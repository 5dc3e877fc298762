"""`kg_names`: names a lexicon cannot know, those the paper coins or defines.

- proposal cues (proposal_cues.py): `we propose X`, `this paper introduces X`,
  `named/called X`, `X, a novel framework ...`, `X is proposed`, `two algorithms X and Y`,
  the title's `X: subtitle`, a code repository `github.com/user/X` — X must look coined
  (`is_coined`: `WebRec`, `LGSID`, `MMQ-v2`, not `Model-Agnostic`);
- acronym definitions `Long Form (LF)` (acronyms.py): the paper's own, or a task,
  dataset or method by the long form's head word;
- datasets named by context (named_datasets.py): `on A, B and C test datasets`,
  `the X benchmark`, `benchmark X`, `a dataset collected from X`;
- names of several words and names after their description (name_phrases.py): `A new
  algorithm, X, which`, `the X module`, `a Parser Agent`, the title's `Isotonic Layer: ...`
  when the abstract uses it as a name, `X Technical Report`.

Spans go to `doc.spans[spans_key]` beside the lexicon's, labelled `proposed`,
`method`, `task`, `dataset` (or `metric` for a proposed measure), `kb_id_` the name;
a released dataset or benchmark gets both a `proposed` and a `dataset` span.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.acronyms import ACRONYM_HINT, DATASET_WORDS, Definition, acronym_definitions
from extractors.entities.lexicon import Entry, known_names
from extractors.entities.name_context import GENERIC_NOUNS, OBSERVATION_HEADS, NameContext
from extractors.entities.name_phrases import TITLE_WORD, described_names, part_names, title_run_names
from extractors.entities.named_datasets import named_datasets
from extractors.entities.proposal_cues import (
    OUR,
    appositive_names,
    joins_name,
    name_after_cue,
    passive_name,
    proposal_cues,
)
from extractors.entities.rulers import COMPANY, DATASET, METHOD, SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.text import NAME, NOT_NAMES, doc_text, has_word, is_coined, normalise_name, sentences

__all__ = ["Definition", "NameRuler"]

MEASURE_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:is\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:metric|measure)s?\b")
NOT_DATASET_AFTER = re.compile(r"\s*(?:,\s*)?(?:a|an|the)?\s*(?:\w+\s+){0,3}(?:framework|model|method)")
REPO = re.compile(r"github\.com/[\w.-]+/(" + NAME + r")(?![\w-])")
# `Name: subtitle`
TITLE_NAME = re.compile(r"^\s*(" + NAME + r")(?:\s+([A-Z][\w-]*))?\s*[:：]")
# `Isotonic Layer: ...`, `Agentic AutoSurvey: ...`, `Qwen3-Embed Technical Report`: two to four
# Title Case words that head the title, before a colon or `Technical Report`
TITLE_RUN_NAME = re.compile(
    r"^\s*(" + TITLE_WORD + r"(?:\s+" + TITLE_WORD + r"){1,3})\s*(?:[:：]|(?=\s+Technical\s+Report\s*$))"
)
TECHNICAL_REPORT = re.compile(r"^\s*(" + NAME + r")\s+Technical\s+Report\s*$")
# what after a proposed name tells its kind: `X, a ... metric`, `X dataset`
KIND_WINDOW = 80
DATASET_WORD_WINDOW = 60
# a repository name longer than this is not a name the paper goes by
REPO_NAME_MAX = 20
# a name that is a measure: `GGscore`, `FooMetric`; `Hit_Rate@5` (a measure at a cut-off)
MEASURE_NAME = re.compile(r"(?:[Ss]core|[Mm]etric)s?$")
MEASURE_CUT_OFF = re.compile(r"@\d")


@Language.factory("kg_names", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_name_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> NameRuler:
    return NameRuler(nlp, name, spans_key=spans_key, directory=directory)


class NameRuler:
    def __init__(
        self, nlp: Language, name: str = "kg_names", *, spans_key: str = SPANS_KEY, directory: str | None = None
    ):
        self.name = name
        self.spans_key = spans_key
        # Known names (lexicon) are not coined by the paper unless a cue says so.
        self.known = known_names(directory)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ctx = NameContext(text, self.known)
        sents = sentences(doc)
        tend = title_end(doc)
        title = text[:tend]
        found: dict[tuple[str, str], Span] = {}
        proposed: set[str] = set()

        def add(label: str, name: str, start: int, end: int) -> None:
            key = (label, name)
            if key in found:
                return
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                return
            found[key] = Span(doc, span.start, span.end, label=label, kb_id=name, span_id=name)
            if label == "proposed":
                proposed.add(name)

        def propose(raw: str, start: int, end: int, sentence: str) -> None:
            name = normalise_name(raw)
            if name in GENERIC_NOUNS or " " in name and name.rsplit(" ", 1)[1] in OBSERVATION_HEADS:
                return
            # (`\textit{Name}, a metric`: the markup's brace is no word)
            after = sentence[sentence.find(raw) + len(raw) :][:KIND_WINDOW].lstrip("}") if raw in sentence else ""
            if MEASURE_NAME.search(name) or MEASURE_AFTER.match(after) or MEASURE_CUT_OFF.match(text, end):
                add("metric", name, start, end)  # a measure the paper defines is no proposed name
                return
            if len(name) > 2 and name.endswith("s") and name[-2].isalpha() and name[:-1].isupper():
                name = name[:-1]  # `BGCMs`: one name, as the acronym rule reads it
            known = self.known.get(name)
            add("proposed", name, start, end)
            if (
                DATASET_WORDS.search(after.split(".")[0][:DATASET_WORD_WINDOW])
                or known is not None
                and known.kind == "dataset"
            ):
                if not NOT_DATASET_AFTER.match(after):
                    add("dataset", name, start, end)

        # 1. the title: `Name: subtitle`
        if tend:
            match = TITLE_NAME.match(title)
            if (run := TITLE_RUN_NAME.match(title)) is not None and title_run_names(ctx, run.group(1), tend):
                propose(run.group(1), run.start(1), run.end(1), title)
            elif match and (is_coined(match.group(1).replace("$", "")) or " " not in match.group(0).strip()[:-1]):
                raw, end = match.group(1), match.end(1)
                if match.group(2) and joins_name(raw, match.group(2)):
                    # `FAIR GraphRAG: ...`: both words (not `FLARE MCMC: ...`, a name for MCMC)
                    raw, end = title[match.start(1) : match.end(2)], match.end(2)
                if raw not in NOT_NAMES and not raw.islower():
                    propose(raw, match.start(1), end, title)
            elif (report := TECHNICAL_REPORT.match(title)) is not None and " " not in report.group(1):
                propose(report.group(1), report.start(1), report.end(1), title)

        # Each rule first finds its cheap anchor in the whole text, then reads the
        # sentence around it (running every rule on every sentence costs 3x more).
        cues_by_sent: dict[int, list[tuple[int, int, bool]]] = {}
        for start, end, direct in proposal_cues(sents):
            cues_by_sent.setdefault(sents.index(start), []).append((start, end, direct))
        # 2. proposal cues: the first coined name after the verb in the same clause,
        #    and the names joined to it (`two solvers BundleVI and BundlePI`)
        for i, positions in cues_by_sent.items():
            sentence = sents.at(sents.starts[i])
            for _, end, direct in positions:
                name_after_cue(ctx, sentence.text, sentence.start_char, end - sentence.start_char, direct, propose)
        # 3. `X, a novel framework` in a sentence with a cue, `our`, `novel`, `new`, `first`;
        #    `X is proposed` (anchored on the participle)
        appositive_names(ctx, sents, set(cues_by_sent), propose)
        # `A new algorithm, IRENE, which ...`, `Our implementation, ResonanceDB, ...`
        described_names(ctx, sents, set(cues_by_sent), propose)
        if cues_by_sent or proposed:
            # `The AutoToken module ...`, `a Parser Agent transforms ...`
            part_names(ctx, sents, tend, propose)
        for positions in cues_by_sent.values():
            for start, _, _ in positions:
                name = passive_name(text, start)
                if name is not None and ctx.new_name(name.group(1)):
                    propose(name.group(1), name.start(1), name.end(1), sents.at(start).text)
        # 4. acronym definitions; a sentence about a name already proposed counts as a cue
        done = set()
        tasks: list[Definition] = []  # acronyms defined for a task
        redefined: set[tuple[Entry, str]] = set()  # lexicon acronyms the paper gives another meaning
        for paren in ACRONYM_HINT.finditer(text):
            i = sents.index(paren.start())
            if i in done:
                continue
            done.add(i)
            sentence = sents.at(sents.starts[i])
            s_text, base = sentence.text, sentence.start_char
            about_ours = any(has_word(s_text, n) for n in proposed)
            our = OUR.search(s_text)
            first_cue = min([p - base for p, _, _ in cues_by_sent.get(i, [])] + [our.start() if our else len(s_text)])
            acronym_definitions(
                ctx,
                s_text,
                base,
                0 if about_ours else first_cue,
                title,
                add,
                propose,
                bool(cues_by_sent),
                tasks,
                redefined,
            )
        if tasks:
            doc.user_data["kg.task_acronyms"] = tasks
        # 5. a code repository named like a coined name: github.com/user/H2Rec
        if "github" in text and not proposed:
            for match in REPO.finditer(text):
                raw = match.group(1)
                if ctx.new_name(raw) and len(raw) <= REPO_NAME_MAX:
                    propose(raw, match.start(1), match.end(1), "")

        named_datasets(doc, ctx, add)
        if not found and not redefined and self.spans_key in doc.spans:
            return doc  # nothing to add, nothing proposed or redefined to take out
        spans = doc_spans(doc, self.spans_key)
        for entry, acronym in redefined:
            spans = [
                s
                for s in spans
                if not (s.kb_id_ == entry.name and s.label_ == entry.kind and s.text.rstrip("s") == acronym)
            ]
        # a lexicon name the paper itself proposes is not also a method it uses
        spans = [
            s
            for s in spans
            if not (
                s.label in (METHOD, DATASET, COMPANY) and s.kb_id_ in proposed and (s.label_, s.kb_id_) not in found
            )
        ]
        set_doc_spans(doc, self.spans_key, spans + list(found.values()))
        return doc
