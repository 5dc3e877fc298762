"""`kg_names`: names a lexicon cannot know, those the paper coins or defines.

- proposal cues: `we propose X`, `this paper introduces X`, `named/called X`,
  `X, a novel framework ...`, `X is proposed`, `two algorithms X and Y`, the title's
  `X: subtitle`, a code repository `github.com/user/X` — X must look coined
  (`is_coined`: `WebRec`, `LGSID`, `MMQ-v2`, not `Model-Agnostic`);
- acronym definitions `Long Form (LF)`, checked letter by letter: the acronym is the
  paper's own when it is the object of a proposal cue (or a Title Case long form in a
  proposing sentence, or the title names it); otherwise it names a task, dataset or
  method by the long form's head word (`Maximum Mean Discrepancy (MMD)` -> method
  `MMD`). A long form the lexicon knows keeps the lexicon's name and kind; a known
  acronym the paper spells out otherwise (`Software Vulnerability Detection (SVD)`)
  loses the lexicon's meaning in that paper; a task goes by the acronym defined for it;
- datasets named by context: `on A, B and C test datasets`, `the X benchmark`,
  `benchmark X`, `a dataset collected from X`.

Spans go to `doc.spans[spans_key]` beside the lexicon's, labelled `proposed`,
`method`, `task`, `dataset` (or `metric` for a proposed measure), `kb_id_` the name;
a released dataset or benchmark gets both a `proposed` and a `dataset` span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import Entry, KnownNames, load_lexicons
from extractors.entities.rulers import SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.task_words import ACRONYM_HEADS, ACRONYM_HEADS_IF_CALLED_TASK
from extractors.entities.text import (
    NAME,
    NOT_NAMES,
    Sentences,
    WordSet,
    doc_text,
    has_word,
    initials_match,
    initials_spell,
    is_coined,
    normalise_name,
    sentences,
)

# add(label, name, start char, end char): a span for the doc
AddSpan = Callable[[str, str, int, int], None]
# propose(raw name, start char, end char, sentence): a name the paper coins
Propose = Callable[[str, int, int, str], None]

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
CUE_TOKENS = WordSet(VERB_FORMS | set(DIRECT) | PARTICIPLES)


def proposal_cues(doc: Doc, sents: Sentences) -> Iterator[tuple[int, int, bool]]:
    """(start, end, direct) of each proposal cue: `we propose`, `this paper introduces`,
    `to design`, `our proposed`, `named`/`called` (direct: a name follows at once).
    The verb is found as a token first, then the words before it are checked."""
    text = sents.text
    for _, start in sents.tokens_in(CUE_TOKENS):
        match = CUE_WORD.match(text, start)
        if match is None:
            continue
        word = match.group()
        if word.startswith(DIRECT):
            yield start, match.end(), True
        elif word == "proposed" and THE_OUR.search(text, max(0, start - 5), start):
            yield start, match.end(), False
        elif word in VERB_FORMS and CUE_BEFORE.search(text, max(0, start - 40), start):
            yield start, match.end(), False
        elif word in PARTICIPLES and passive_name(text, start):
            yield start, match.end(), False


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
NAME_BEFORE = re.compile(r"(?<![\w$])(" + NAME + r")\s*$")
MARK_TOKENS = WordSet(["our", "novel", "new", "first"])
PASSIVE_BEFORE = re.compile(r"(?<![\w$])(" + NAME + r")\s+(?:\([^()]{1,80}\)\s+)?(?:is|are)\s+(?:\w+ly\s+)?$")


def passive_name(text: str, cue: int) -> re.Match[str] | None:
    """`X is proposed`: the name before `is`/`are` (+ adverb) that ends at `cue`. The
    search is costly and the words before `cue` seldom fit, so they are checked first."""
    start = max(0, cue - 120)
    before = text[start:cue]
    if not before[-1:].isspace() or not before.rstrip().endswith(("is", "are", "ly")):
        return None
    return PASSIVE_BEFORE.search(text, start, cue)


ACRONYM_HINT = re.compile(r"\(\s*\{?[A-Za-z]")
NAME_START = re.compile(r"(?<![\w$])" + NAME)
APPOSED = re.compile(
    r"\b(?:framework|model|method|approach|system|architecture|paradigm|algorithm|dataset|benchmark)s?\s*,\s*$"
)
# (each leading lookahead lists the characters a match can start with: tested first, it
# spares the alternation at every other position)
CLAUSE_END = re.compile(
    r"(?=[.;:,wtbufoia])(?:[.;:,]\s|(?<![\w-])(?:which|that|to|with|by|using|based|from|on|in|for|of|and|or|as|at)\s)"
)
NAME_THEN_APPOSITION = re.compile(r"\s*(?:,\s*(?:a|an|the)\b|\()")
CAPITALS_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}")
# what may stand between a cue and its object: `we propose [a novel] long form (LF)`
OBJECT_LEAD = re.compile(r"(?:(?:a|an|the)\s*)?(?:(?:novel|new)\s*)?")
ACRONYM_AHEAD = re.compile(r"[^.;()]{0,80}\(\s*[A-Z]")
CLAUSE_SPLIT = re.compile(r"[,;:()\[\]\"“”.]\s|\s[-–—]\s")
# right before a long form: it names a prior thing, not the paper's own
PRIOR_BEFORE = re.compile(
    r"\b(?:existing|prior|previous|conventional|traditional|popular|classic)(?:\s+[\w-]+){0,2}\s*$", re.I
)
VIA = re.compile(r"\b(?:via|using|through|with|by|from)$")
CUE_CLOSE = re.compile(r"\b(?:propos|introduc|present|our|named|called|termed|dubbed)\w*(?:\s+[\w-]+){0,3}$")
CUE_NEAR = re.compile(
    r"(?:propos|introduc|present|develop|design|devis|build|construct|releas|named|called|termed|dubbed|our|novel|new)\w*"
    r"(?:[\s,]+[\w-]+){0,5}[\s,]*$"
)
THE_OUR = re.compile(r"\b(?:the|our)\s+$")
MEASURE_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:is\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:metric|measure)s?\b")
NOT_DATASET_AFTER = re.compile(r"\s*(?:,\s*)?(?:a|an|the)?\s*(?:\w+\s+){0,3}(?:framework|model|method)")
CONJOINED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(" + NAME + r")")
REPO = re.compile(r"github\.com/[\w.-]+/(" + NAME + r")(?![\w-])")
OUR = re.compile(r"(?=[OoTt])\b(?:[Oo]ur|[Tt]his\s+(?:paper|work|study))\b")
# `X, a novel ... framework` / `X is a ... framework`
TITLE_NAME = re.compile(r"^\s*(" + NAME + r")(?:\s+[A-Z][\w-]*)?\s*[:：]")
ACRONYM_AFTER = re.compile(r"\(\s*\{?(" + NAME + r")\}?\s*(?:\)|;|,)")

CAP_NAME = r"[A-Z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*"
# `on Koala, OpenOrca, and HelpSteer test datasets`, `on the CartBench benchmark`
DATASET_LIST = re.compile(
    rf"\b(?:on|using|with|from|of|in)\s+(?:the\s+|three\s+|two\s+|four\s+|five\s+)?"
    rf"(?P<names>{CAP_NAME}(?:\s*,\s*(?:and\s+)?(?:the\s+)?{CAP_NAME})*(?:\s*,?\s*(?:and|or)\s+(?:the\s+)?{CAP_NAME})?)"
    rf"\s+(?:(?:test|evaluation|public|benchmark|real-world|recommendation|retrieval)\s+)?(?:datasets?|benchmarks?|test\s+sets?|corpora|corpus)\b"
)
# `benchmark MBE`, `dataset called CollabStory`
DATASET_NAMED = re.compile(
    rf"\b(?:dataset|benchmark|corpus)\s+(?:called\s+|named\s+|dubbed\s+|,\s*)?(?P<name>{CAP_NAME})"
)
# `a dataset collected from Taobao`, `collected from a Norwegian marketplace, FINN.no`
DATASET_FROM = re.compile(
    rf"(?=d)\b(?:dataset|data)\s+(?:\w+\s+){{0,2}}?(?:collected|crawled|gathered|sampled|obtained|derived|built|drawn)\s+from\s+"
    rf"(?:(?:a|an|the)\s+[^,.;()]{{0,60}},\s*|the\s+)?(?P<name>{CAP_NAME})"
)
# each pattern with the words one of which its match holds (checked before the scan)
DATASET_PATTERNS = (
    (DATASET_LIST, ("set", "benchmark", "corp")),
    (DATASET_NAMED, ("dataset", "benchmark", "corpus")),
    (DATASET_FROM, ("from",)),
)
DATASET_TOKENS = WordSet(["dataset", "datasets", "data", "benchmark", "benchmarks", "corpus", "corpora", "sets", "set"])
NOT_DATASETS = frozenset(
    """
    Public Real Real-world Industrial Large Large-scale Three Two Four Five Six Several Multiple Benchmark
    Extensive Various Diverse Different Standard Popular New Novel Our Both All Other Synthetic Open Offline
    Online Chinese English Multilingual Text Image Video Recommendation Retrieval E-commerce Experiments
    Existing Classic Classical Commonly Widely Challenging Benchmarks Datasets Dataset These Those Such
    """.split()
)
DATASET_WORDS = re.compile(r"\b(?:dataset|data\s+set|benchmark|corpus|collection|testbed|encyclopedia)s?\b", re.I)
TASK_HEADS = ACRONYM_HEADS  # (the task vocabulary, vocabulary/tasks.toml)
METHOD_HEADS = frozenset(
    "network networks model models learning algorithm optimization sampling decomposition regression "
    "encoder encoders decoder machine machines factorization filtering attention distillation discrepancy "
    "embedding embeddings transformer propagation tuning training inference quantization loss memory "
    "autoencoder auto-encoder perceptron process processes search programming descent policy agent "
    "mechanism architecture method technique strategy framework paradigm module".split()
)
# long forms that name a problem only when the text calls the acronym a task
TASK_ONLY_HEADS = ACRONYM_HEADS_IF_CALLED_TASK


def _named_as_task(text: str, acronym: str) -> bool:
    """`the MTCDR task`, `tasks like WPO`, `tasks such as CDSR`."""
    start = text.find(acronym)
    while start >= 0:
        end = start + len(acronym)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "-")):
            if TASK_AFTER.match(text, end) or TASK_BEFORE.search(text, max(0, start - 25), start):
                return True
        start = text.find(acronym, end)
    return False


TASK_AFTER = re.compile(r"\s+(?:tasks?|problems?)\b")
TASK_BEFORE = re.compile(r"\btasks?\s+(?:like|such\s+as|including|of)\s+(?:the\s+)?$")


LINK_WORDS = frozenset("of the and for in on with to a an based aware".split())


class Definition(NamedTuple):
    """An acronym the paper defines, `Long Form (LF)`: the task rules name the task by it."""

    acronym: str
    long_form: str
    start: int  # of the long form in the text
    end: int  # of the acronym


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


PROPOSAL_ONLY_HEADS = frozenset("framework paradigm module mechanism architecture method technique strategy".split())
# what the parts of a method are called; unlike `network` or `unit` (GCN, GRU), no
# well-known method is named by these
COMPONENT_HEADS = frozenset("stage module phase component".split())


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
        self.known = KnownNames(load_lexicons(directory))

    def __call__(self, doc: Doc) -> Doc:
        text = self.full_text = doc_text(doc)
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
            if len(name) > 2 and name.endswith("s") and name[-2].isalpha() and name[:-1].isupper():
                name = name[:-1]  # `BGCMs`: one name, as the acronym rule reads it
            known = self.known.get(name)
            add("proposed", name, start, end)
            after = sentence[sentence.find(raw) + len(raw) :][:80] if raw in sentence else ""
            if MEASURE_AFTER.match(after):
                add("metric", name, start, end)
            if DATASET_WORDS.search(after.split(".")[0][:60]) or known is not None and known.kind == "dataset":
                if not NOT_DATASET_AFTER.match(after):
                    add("dataset", name, start, end)

        # 1. the title: `Name: subtitle`
        if tend:
            match = TITLE_NAME.match(title)
            if match and (is_coined(match.group(1).replace("$", "")) or " " not in match.group(0).strip()[:-1]):
                raw = match.group(1)
                if raw not in NOT_NAMES and not raw.islower():
                    propose(raw, match.start(1), match.end(1), title)

        # Each rule first finds its cheap anchor in the whole text, then reads the
        # sentence around it (running every rule on every sentence costs 3x more).
        cues_by_sent: dict[int, list[tuple[int, int, bool]]] = {}
        for start, end, direct in proposal_cues(doc, sents):
            cues_by_sent.setdefault(sents.index(start), []).append((start, end, direct))
        # 2. proposal cues: the first coined name after the verb in the same clause,
        #    and the names joined to it (`two solvers BundleVI and BundlePI`)
        for i, positions in cues_by_sent.items():
            sentence = sents.at(sents.starts[i])
            for _, end, direct in positions:
                self._after_cue(sentence.text, sentence.start_char, end - sentence.start_char, direct, propose)
        # 3. `X, a novel framework` in a sentence with a cue, `our`, `novel`, `new`, `first`;
        #    `X is proposed` (anchored on the participle)
        marked = set(cues_by_sent) | {sents.index(pos) for _, pos in sents.tokens_in(MARK_TOKENS)}
        if marked:
            marked &= {sents.index(pos) for _, pos in sents.tokens_in(APPOSITIVE_HEAD_TOKENS)}
        for i in sorted(marked):
            sentence = sents.at(sents.starts[i])
            for match in APPOSITIVE_TAIL.finditer(sentence.text):
                name = NAME_BEFORE.search(sentence.text, max(0, match.start() - 40), match.start())
                if name is not None and self._new_name(name.group(1)):
                    base = sentence.start_char
                    propose(name.group(1), base + name.start(1), base + name.end(1), sentence.text)
        for positions in cues_by_sent.values():
            for start, _, _ in positions:
                name = passive_name(text, start)
                if name is not None and self._new_name(name.group(1)):
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
            self._acronyms(
                s_text, base, 0 if about_ours else first_cue, title, add, propose, bool(cues_by_sent), tasks, redefined
            )
        if tasks:
            doc.user_data["kg.task_acronyms"] = tasks
        # 5. a code repository named like a coined name: github.com/user/H2Rec
        if "github" in text and not proposed:
            for match in REPO.finditer(text):
                raw = match.group(1)
                if self._new_name(raw) and len(raw) <= 20:
                    propose(raw, match.start(1), match.end(1), "")

        self._datasets(doc, text, add)
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
                s.label_ in ("method", "dataset", "company")
                and s.kb_id_ in proposed
                and (s.label_, s.kb_id_) not in found
            )
        ]
        set_doc_spans(doc, self.spans_key, spans + list(found.values()))
        return doc

    def _long_form(self, acronym: str) -> list[str] | None:
        """The words the paper spells the acronym out with, `Long Form (LF)`, if it does."""
        at = self.full_text.find(f"({acronym})")
        if at < 0:
            return None
        words = self.full_text[max(0, at - 120) : at].split()[-(len(acronym) + 3) :]
        start = initials_spell(acronym, words)
        if start is None:
            start = initials_match(acronym, words)
        return None if start is None else words[start:]

    @staticmethod
    def _spells_task(words: list[str] | None) -> bool:
        """A long form of a task, `Medication Recommendation (MR)`: `a novel MR method`
        proposes a method for MR, not MR; `benchmark MR datasets` are not a dataset MR."""
        return words is not None and words[-1].lower().split("-")[-1] in TASK_HEADS

    @staticmethod
    def _in_lower_case(words: list[str] | None) -> bool:
        """A long form in lower case: a concept, not a name (`out-of-distribution (OOD)`)."""
        return words is not None and " ".join(words).islower()

    @classmethod
    def _described(cls, words: list[str] | None, before: str) -> bool:
        """The acronym of a lower-case long form that is not the cue's object: `we
        developed a model for named entity recognition (NER)`; but `we propose bipartite
        causal models (BCMs)` names the paper's own."""
        if words is None or not cls._in_lower_case(words) or not before.rstrip().endswith("("):
            return False
        lead = " ".join(before.rstrip()[:-1].split()[: -len(words)])
        return OBJECT_LEAD.fullmatch(lead) is None

    def _new_name(self, raw: str) -> bool:
        return is_coined(raw.replace("$", "")) and raw not in self.known

    def _after_cue(self, s_text: str, base: int, cue_end: int, direct: bool, propose: Propose) -> None:
        tail = s_text[cue_end:]
        # the clause ends at a stop, a comma or a function word; a comma after an
        # appositive noun (`a ... framework, MMQ-v2`) does not end it
        limit = min(len(tail), 160)
        for end in CLAUSE_END.finditer(tail, 0, limit):
            if not APPOSED.search(tail, 0, end.end()):
                limit = end.start() + 1
                break
        for match in NAME_START.finditer(tail, 0, limit):
            raw = match.group()
            if raw.islower():
                continue  # neither coined nor capitalised (most words of the clause)
            between = tail[: match.start()]
            plain = raw.replace("$", "")
            # a capitalised word right after `named`, or right after the verb and
            # followed by `, a` / `(`: `named Recformer`, `we propose Kuaipedia, a ...`
            capital = (
                plain[:1].isupper()
                and plain not in NOT_NAMES
                and raw not in self.known
                and (
                    direct
                    and not between.strip()
                    or not between.strip()
                    and NAME_THEN_APPOSITION.match(tail, match.end())
                )
            )
            if not (self._new_name(raw) or capital):
                continue
            long_words = self._long_form(raw)
            if self._spells_task(long_words) or self._described(long_words, tail[: match.start()]):
                continue
            if capital and not self._new_name(raw):
                # `called Group Soft-Impute SVD`: the capitalised words that follow;
                # `named Unified ... Translation (UDITSR)`: the acronym path has it
                if ACRONYM_AHEAD.match(tail, match.end()):
                    break
                more = CAPITALS_AFTER.match(tail, match.end())
                if more is not None:  # always: it matches the empty string too
                    raw = raw + more.group()
            start = base + cue_end + match.start()
            propose(raw, start, start + len(raw), s_text)
            rest = tail[match.end() :]
            offset = cue_end + match.end()
            while (more := CONJOINED.match(rest)) and self._new_name(more.group(1)):
                propose(more.group(1), base + offset + more.start(1), base + offset + more.end(1), s_text)
                offset += more.end()
                rest = rest[more.end() :]
            break

    def _datasets(self, doc: Doc, text: str, add: AddSpan) -> None:
        sents = sentences(doc)
        for i in sorted({sents.index(pos) for _, pos in sents.tokens_in(DATASET_TOKENS)}):
            sentence = sents.at(sents.starts[i])
            self._datasets_in(sentence.text, sentence.start_char, add)

    def _datasets_in(self, text: str, base: int, add: AddSpan) -> None:
        for pattern, needed in DATASET_PATTERNS:
            if not any(map(text.__contains__, needed)):
                continue
            for match in pattern.finditer(text):
                group = "names" if "names" in pattern.groupindex else "name"
                start = base + match.start(group)
                for part in re.finditer(CAP_NAME, match.group(group)):
                    raw = part.group()
                    if raw in NOT_DATASETS or raw in NOT_NAMES or raw in ("and", "or", "the"):
                        continue
                    if pattern is DATASET_NAMED and not is_coined(raw):
                        continue
                    long_words = self._long_form(raw)
                    if self._spells_task(long_words) or self._in_lower_case(long_words):
                        continue  # `benchmark SR datasets`: SR is the task
                    known = self.known.get(raw)
                    if known is not None and known.kind not in ("dataset", "company"):
                        continue
                    name = known.name if known is not None and known.kind == "dataset" else raw
                    add("dataset", name, start + part.start(), start + part.end())

    def _acronyms(
        self,
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
        """Acronym definitions; `cue_at`: where the sentence's first proposal cue is;
        `proposing`: the paper has a proposal cue somewhere. Collects the definitions of
        tasks and of lexicon acronyms given another meaning."""

        def task(defined: Definition, acronym_start: int) -> None:
            add("task", defined.acronym, acronym_start, defined.end)
            tasks.append(defined)

        for match in ACRONYM_AFTER.finditer(s_text):
            has_cue = cue_at < match.start() or PASSIVE_AFTER.match(s_text, match.end()) is not None
            acronym = match.group(1)
            plain = acronym.replace("$", "")
            core = plain[:-1] if plain.endswith("s") and plain[:-1].isupper() else plain
            if not any(c.isupper() for c in core) or core in NOT_NAMES or len(core) < 2:
                continue
            before = s_text[: match.start()]
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
            # the title names it (`LF: subtitle`, `Long Form: subtitle`) or spells it out
            title_names = bool(title) and title.startswith(core + ":")
            in_title = (
                title_names
                or bool(title)
                and (
                    title.casefold().startswith(long_form.casefold() + ":")
                    or len(long_words) >= 3
                    and long_form.casefold() in title.casefold()
                )
            )
            if self.known.get(long_form) is not None:
                continue  # the lexicon ruler has it, under its canonical name
            known_core = self.known.get(core)
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
            if has_cue and cue_at > 0 and not PASSIVE_AFTER.match(s_text, match.end()):
                # a cue counts only where the defined name is its object:
                # `we propose [a new framework,] Long Form (LF)`, not any acronym after it
                # ... or a Title Case long form in a sentence that proposes:
                # `which includes Sparse Intent Routing (SIR)`
                capitals = sum(w[:1].isupper() for w in long_words)
                has_cue = CUE_NEAR.search(prefix) is not None or (capitals * 2 > len(long_words) and not other_kind)
            elif has_cue and cue_at == 0 and (len(long_words) < 2 or other_kind):
                has_cue = False
            if known_core is not None and not ((has_cue and not via) or in_title):
                continue  # a lexicon name keeps the lexicon's kind
            word_starts = [m.start() for m in re.finditer(r"\S+", clause)]
            long_start = base + len(before) - len(clause) + word_starts[len(word_starts) - len(long_words)]
            defined = Definition(normalise_name(core), long_form, long_start, end)

            if (head_word in TASK_HEADS or head_word in TASK_ONLY_HEADS) and _named_as_task(self.full_text, core):
                task(defined, start)  # `tasks like WPO`, `the MTCDR task`
                continue
            # a stage or module of the paper's own method, named in Title Case:
            # `During the second Basket Pruning Stage (BPS), ...`
            component = proposing and head_word in COMPONENT_HEADS and all(w[:1].isupper() for w in long_words)
            # a long form in lower case is a description, not a name, unless a cue or the
            # title names it: `adding a wave-aware pooling network (WPN)`
            described = long_form.islower() and not CUE_CLOSE.search(prefix) and not in_title
            if not described and ((has_cue and not via) or in_title or (component and known_core is None)):
                if known_core is not None and known_core.kind != "method":
                    continue
                if head_word in TASK_HEADS and not title_names and not CUE_CLOSE.search(prefix):
                    task(defined, start)  # a title that spells out a task names what the paper addresses
                else:
                    propose(acronym if "$" in acronym else core, start, end, s_text)
            elif head_word in TASK_HEADS or head in TASK_HEADS:
                task(defined, start)
            elif DATASET_WORDS.search(long_form):
                add("dataset", normalise_name(core), start, end)
            elif (head_word in METHOD_HEADS or head in METHOD_HEADS) and head_word not in PROPOSAL_ONLY_HEADS:
                add("method", normalise_name(core), start, end)
