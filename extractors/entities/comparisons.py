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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.rulers import SPANS_KEY, doc_spans
from extractors.entities.text import NOT_NAME_SUFFIXES, NOT_NAMES, Sentences, WordSet, is_coined, sentences

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
# the number of a comparison is relative to what follows these
RELATIVE = re.compile(
    r"\b(?:over|than|compared\s+(?:to|with)|relative\s+to|versus|vs\.?|against|upon)\s+(?:the\s+|a\s+|an\s+)?"
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
# verbs that start the next part of a sentence after `and`: `outperforms X and rivals Y`
NEXT_VERBS = (
    r"achiev|reduc|improv|yield|obtain|deliver|show|demonstrat|rank|generaliz|rival|match|require|remain|run|scal|use|"
    r"enabl|provid|maintain|offer|attain|exhibit|lower|rais|increas|decreas|cut|boost|lift|sav|surpass|outperform|beat"
)
# the object ends at a clause boundary or where the comparison's details start
OBJECT_END = re.compile(
    r"[.;:!?](?:\s|$)|,\s+(?:while|whereas|which|(?!includ)\w+ing|yield\w*|reach\w*|obtain\w*|deliver\w*|show\w*|"
    r"demonstrat\w*|improv\w*|reduc\w*|lead\w*|with)\b"
    r"|\s+(?:by|on|across|in|at|for|while|whereas|which|when|under|using|through|without|despite|with|from|to|"
    r"trained|designed|built|based|developed|used|applied|tuned|that|who)\b"
    r"|(?<!such)\s+as\b"
    r"|(?:,\s*|\s+and\s+|,\s*and\s+)(?:\w+ly\s+)?(?:" + NEXT_VERBS + r")\w*\b"
    r"|\s+(?:" + NEXT_VERBS + r")e?s\b"  # the object's own verb: `over traditional RAG achieves ...`
)
# an object that is a family, not a name: `most existing LLMs`, `all other methods`
QUANTIFIED = re.compile(
    r"^(?:the\s+)?(?:all|most|majority|many|other|existing|prior|previous|several|various|numerous|competing|"
    r"mainstream|top-tier|leading|popular|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
# a plural acronym names a family: `LLMs`, `CNNs`, `VLMs`
PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]*[A-Z]s$")
LIST_INTRO = re.compile(r"\b(?:such\s+as|including|e\.g\.,?|like|namely|i\.e\.,?)\s+|\(")
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)")  # between two items of a list
ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|\s/\s)\s*")
# `Tiered + GEPA`: one baseline made of two methods, neither beaten alone
COMBINED = re.compile(r"\s\+\s")
# `56.2% (Claude Opus 4.6)`: a number and, in brackets, whose it is
NUMBER_THEN_NAME = re.compile(r"^[~≈]?[\d.,]+\s*(?:%|x|pp|points?)?\s*\(([^()]+)\)")
BRACKETS = re.compile(r"\s*\([^()]*\)")
# a Greek letter in a name, as LaTeX writes it
GREEK = {name: chr(0x3B1 + i) for i, name in enumerate("alpha beta gamma delta epsilon zeta eta theta".split())}
LATEX_GREEK = re.compile(r"\$\\(" + "|".join(GREEK) + r")\$")
# `Masked Autoencoders (MAE)`: the name is the acronym the paper gives
DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)s?\s*\)\s*$")
# words before the name that do not belong to it
LEADING = frozenset(
    """
    the a an standard vanilla traditional conventional classical classic naive plain original strong strongest
    competitive prior existing several all both other previous recent popular widely-used well-known
    state-of-the-art sota leading best current representative common commonly used baseline base default
    fine-tuned finetuned pretrained pre-trained full simple basic many multiple various most its their
    """.split()
)
# heads that make an object generic, not a name
GENERIC_HEADS = frozenset(
    """
    baseline baselines method methods approach approaches model models system systems technique techniques
    algorithm algorithms alternative alternatives counterpart counterparts competitor competitors work works
    solution solutions variant variants pipeline pipelines framework frameworks strategy strategies
    benchmark benchmarks art sota others one ones version versions implementation implementations
    architecture architectures design designs encoder encoders backbone backbones
    """.split()
)
# what a lower-case technique phrase may end in to count as a name
TECHNIQUE_HEADS = frozenset(
    """
    prompting fine-tuning finetuning tuning retrieval search pooling learning distillation regression
    decoding sampling reranking ranking filtering factorization attention acceptance addition modeling modelling
    simulation simulations optimization augmentation clustering hashing indexing embedding embeddings
    """.split()
)
# the second half of a compound modifier: `LLM-based`, `VLA-only` are not names
MODIFIER_SUFFIXES = NOT_NAME_SUFFIXES | {"only", "style", "inspired", "like"}
# a number that is a measurement, not a version: `(PPL 66.62)`, `AUC ~0.68`
MEASUREMENT = re.compile(r"[~≈=:]\s*\d|\b(?:0\.\d+|\d+\.\d{2,})\b")
# method families, not methods: `outperforms LLM baselines` names no method it beats
FAMILIES = frozenset(
    "LLM MLLM LM PLM VLM SLM LVLM LMM GNN CNN RNN DNN NN MLP RL DRL ML DL AI GPT Transformer LLM agent".split()
    + ["LLM agent", "language model", "vision-language model", "neural network", "deep learning", "machine learning"]
)
# objects that are a limit, not a method: `far exceeding the capabilities of X`
NOT_COMPETITORS = re.compile(
    r"^(?:the\s+)?(?:capabilit|capacit|limit|scope|reach|budget|threshold|expectation|requirement)", re.I
)
MAX_PHRASE_WORDS = 4
OBJECT_WINDOW = 220  # characters after a win cue that can hold its object
SUBJECT_LOOKBACK = 40  # characters before a verb that can hold its subject's name
NEGATION_LOOKBACK = 30  # characters before a cue that can negate it
SUBJECT_WINDOW = 300  # characters before a win cue that can hold its subject


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


class Win(NamedTuple):
    """A method the paper says its own (`winner`, where it names one) beats."""

    name: str
    start: int  # of the cue in the text
    winner: str | None


class Result(NamedTuple):
    """A reported number: the metric, its value, and what it was measured on and against."""

    metric: str
    value: str
    unit: str | None
    setting: str | None
    dataset: str | None
    baseline: str | None
    method: str | None  # the paper's own method it is a result of
    start: int  # of the metric in the text


# -- names in an object -------------------------------------------------------------------


class Names:
    """The names a paper's spans give, by position, and its own (proposed) names."""

    def __init__(self, spans: list[Span], text: str):
        self.methods: list[tuple[int, int, str]] = []
        self.datasets: list[tuple[int, int, str]] = []
        self.measures: list[tuple[int, int]] = []  # metrics and datasets
        self.own: set[str] = set()  # names the paper proposes, and as written
        self.own_text: set[str] = set()
        self.own_at: list[tuple[int, str]] = []  # where the paper names its own
        self.not_methods: set[str] = set()  # as written: datasets, metrics, tasks, companies
        self.known: set[str] = set()  # as written: every name but the paper's own
        for span in spans:  # one pass: each attribute of a Span is built anew when read
            label, start, end, name = span.label_, span.start_char, span.end_char, span.kb_id_
            written = text[start:end]
            if label == "proposed":
                self.own.add(name)
                self.own_text.add(written)
                self.own_at.append((start, name))
                continue
            self.known.add(written)
            if label == "method":
                self.methods.append((start, end, name))
                continue
            self.not_methods.add(written)
            if label == "dataset":
                self.datasets.append((start, end, name))
            if label in ("metric", "dataset"):
                self.measures.append((start, end))

    def winner(self, start: int, cue: int) -> str | None:
        """The paper's own method a cue at `cue` speaks of: the last one named before it
        in its sentence (from `start`), else the first the paper names; not a name it also
        uses as a dataset or metric (a benchmark it releases is not what wins)."""
        own = [(at, name) for at, name in self.own_at if name not in self.not_methods]
        before = [name for at, name in own if start <= at < cue]
        if before:
            return before[-1]
        return own[0][1] if own else None

    def dataset_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Every place a dataset the paper names is written: its spans, and the same text
        again where no span marks it (a later `On Bird, ...` repeats a name found before)."""
        written = {text[start:end]: name for start, end, name in self.datasets}
        if not written:
            return []
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(written, key=len, reverse=True))) + r")(?![\w-])"
        )
        again = [
            (m.start(), m.end(), written[m.group()])
            for m in pattern.finditer(text)
            if not any(start < m.end() and m.start() < end for start, end, _ in self.datasets)
        ]
        return sorted(self.datasets + again)

    def measured_in(self, start: int, end: int) -> bool:
        return any(start <= a and b <= end for a, b in self.measures)

    def methods_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [m for m in self.methods if start <= m[0] and m[1] <= end]


def _strip_leading(words: list[str]) -> list[str]:
    while words and words[0].lower() in LEADING:
        words = words[1:]
    return words


def _name_like(word: str) -> bool:
    return word[:1].isupper() or any(c.isdigit() for c in word) or is_coined(word)


def _family(words: list[str]) -> bool:
    """A plural common noun heads the phrase: a family of methods, not one."""
    last = words[-1] if words else ""
    return last.islower() and last.endswith("s") and last not in TECHNIQUE_HEADS


def _phrase_name(words: list[str], generic: bool) -> str | None:
    """A name in the words of one list item, its generic head already cut off:
    `fine-tuned AnyCar` -> AnyCar, `Claude Opus 4.6` stays, `full-attention Transformer++`
    -> Transformer++, `zero-shot prompting` stays (not after a generic head: `prompting
    baselines` name no method), `EHR foundation` -> None."""
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")):  # `MobileLLM-125M's published score`
            words = words[: i + 1]
            words[-1] = word[:-2]
            break
    words = _strip_leading(words)
    if not words or not words[0][:1].isalpha() or words[0].islower() and words[0].endswith("ing"):
        return None  # a number, or a verb: `versus improving retrieval`
    if any(w.endswith("-") or PLURAL_ACRONYM.match(w) for w in words) or _family(words):
        return None  # `RAG- and CoT-based`, a family: `LLMs`, `LLM agents`, `transformer ensembles`
    tail: list[str] = []
    for word in reversed(words):
        if not _name_like(word):
            break
        tail.insert(0, word)
    while tail and (not tail[0][:1].isalpha() or tail[0].lower().split("-")[-1] in MODIFIER_SUFFIXES):
        tail = tail[1:]  # `(best 0.82)`: a number; `CNN-based GigaTIME`: a modifier
    if len(tail) > 1 and re.fullmatch(r"\d{2,}(?:\.\d+)?", tail[-1]):
        tail = tail[:-1]  # `Mamba-3 15.5`: a name and its score
    if not tail and not generic:
        # a coined name, then words about it: `GPT-5.5 xhigh reasoning`
        tail = list(takewhile(lambda w: is_coined(w) or any(c.isdigit() for c in w), words))
    if tail and len(tail) <= MAX_PHRASE_WORDS and not all(w in NOT_NAMES for w in tail):
        if tail[-1].lower().split("-")[-1] in MODIFIER_SUFFIXES:
            return None  # `LLM-based`, `VLA-only`
        return " ".join(tail)
    if not generic and 2 <= len(words) <= MAX_PHRASE_WORDS and words[-1].lower() in TECHNIQUE_HEADS:
        return " ".join(words)
    return None


def _described_technique(words: list[str]) -> bool:
    """A technique with a compound modifier describes a variant, and names none:
    `task-loss-only fine-tuning`, `LLM-heuristic-guided search`."""
    return (
        len(words) >= 2
        and words[-1].lower() in TECHNIQUE_HEADS
        and any(w.lower().split("-")[-1] in MODIFIER_SUFFIXES for w in words[:-1])
    )


def _before_generic_head(text: str, end: int) -> bool:
    """A name right before a generic head is the one meant: `the SASRec baseline`, `CF
    methods` (a named technique, as the gold guidelines read it)."""
    following = text[end : end + 20].split()
    return bool(following) and following[0].lower().strip(",.;)") in GENERIC_HEADS


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each list item in `text[start:end]`."""
    pos = start
    for sep in ITEM_SPLIT.finditer(text, start, end):
        yield pos, sep.start()
        pos = sep.end()
    yield pos, end


def _split_coined(name: str) -> list[str]:
    """`LightMem MemO`: coined names side by side, a comma missing, are two names."""
    words = name.split()
    return words if len(words) > 1 and all(is_coined(w) for w in words) else [name]


def object_names(text: str, start: int, bound: int, names: Names) -> list[str]:
    """The methods named in the object of a win cue that ends at `start` (within `bound`)."""
    end = min(bound, start + OBJECT_WINDOW)
    stop = OBJECT_END.search(text, start, end)
    limit = stop.start() if stop else end
    # a generic object followed by its list: `baselines (ToG, RoG)`, `methods such as X and Y`:
    # the names are in the list
    intro = LIST_INTRO.search(text, start, limit + 2)
    head = text[start : intro.start()].split() if intro is not None else []
    generic_head = bool(head) and head[-1].lower().strip(",") in GENERIC_HEADS
    if intro is not None and (intro.group() != "(" or generic_head):
        close = text.find(")", intro.end()) if intro.group() == "(" else -1
        stop_after = OBJECT_END.search(text, intro.end(), end)
        if generic_head:
            start = intro.end()
        limit = close if close >= 0 else (stop_after.start() if stop_after else end)
    found: list[str] = []
    for a, b in _items(text, start, limit):
        item = text[a:b].strip()
        if QUANTIFIED.match(item):
            continue  # before brackets go: `other (Fin)BERT variants`
        if "'s " in item or "’s " in item:
            item = re.split(r"['’]s\s", item)[0]  # `AutoSurvey's 4.77/10`: whose score it is
        number_first = NUMBER_THEN_NAME.match(item) or DEFINED_ACRONYM.search(item)
        item = number_first.group(1) if number_first else BRACKETS.sub("", item).split("(")[0].strip(" )")
        item = LATEX_GREEK.sub(lambda m: GREEK[m.group(1)], item)  # `FuXi-$\alpha$`: `FuXi-α`
        if not item or any(c in item for c in "=<>$%~") or MEASUREMENT.search(item):
            continue  # a number or a formula, not a name
        if QUANTIFIED.match(item) or NOT_COMPETITORS.match(item) or COMBINED.search(item):
            continue
        words = item.split()
        generic = False
        while words and words[-1].lower() in GENERIC_HEADS:
            words, generic = words[:-1], True
        named_end = a + len(text[a:b].split("(")[0])  # `GPT-4o (F1=0.92)`: a score in brackets is its own
        if names.measured_in(a, named_end) or _described_technique(words):
            continue  # `improving POPE F1 by 2.7`: a measurement on a benchmark, not a method
        family = generic or _family(words)
        # a known method inside a longer word (`CNN--LSTM`, `RL-based`) is not named alone, nor
        # one that only modifies a family (`LLM research agents`; but `SASRec baselines`)
        spans = [
            (s, e, name)
            for s, e, name in names.methods_in(a, b)
            if not (text.startswith("-", e) or text[s - 1 : s] == "-")
            and not PLURAL_ACRONYM.match(text[s:e])
            and not (family and (text[s:e].islower() or not _before_generic_head(text, e)))
        ]
        phrase = _phrase_name(words, generic)
        if phrase is not None and (not spans or all(text[s:e] in phrase for s, e, _ in spans)):
            named = _split_coined(phrase)  # the whole name: `GPT-2 124M`, `MLP-Mixer`, `Vision Transformer`
        else:
            named = [name for _, _, name in spans]
        for name in named:
            if name in FAMILIES:
                continue
            if (
                name not in found
                and name not in names.own
                and name not in names.own_text
                and name not in names.not_methods
            ):
                found.append(name)
    return found


def own_subject(text: str, cue_start: int, sentence_start: int, names: Names) -> bool:
    """Is the subject before a win cue the paper's own method? Yes where the clause says
    so (`our`, `we`, a name the paper proposes, `experiments show`); no where another
    name is the subject (`CTC decoders run faster than X`, `results reveal that VLMs
    outperform X`); else yes for a cue detached from its subject (`, outperforming X`)."""
    before = text[max(sentence_start, cue_start - SUBJECT_WINDOW) : cue_start]
    clause = re.split(r"[;:]|,\s+(?:whereas|but)\b", before)[-1]
    if any(name in clause for name in names.own_text | names.own):
        return True
    parts = re.split(r"\b(?:that|while|whereas)\s", clause)
    subject = parts[-1]
    earlier = WIN.search(subject)
    if earlier is not None:
        subject = subject[: earlier.start()]  # `It beats X, and exceeds Y`: X is no subject
    if OWN_SUBJECT.search(subject):
        return True
    others = [w for w in subject.split() if (is_coined(w) or PLURAL_ACRONYM.match(w)) and w not in names.not_methods]
    if DETACHED_CUE.match(text, cue_start):
        return not others
    # `results show consistent gains`, but not `results show that content-based methods outperform`
    return not others and len(parts) == 1 and OWN_SUBJECT.search(clause) is not None


def _listed(text: str, datasets: list[tuple[int, int, str]]) -> list[str]:
    """The names of `datasets` where they are one list (`Immune and Lung`, `A, B, and C`),
    else none."""
    ordered = sorted(datasets)
    for (_, end, _), (start, _, _) in zip(ordered, ordered[1:], strict=False):
        if not LIST_GAP.fullmatch(text, end, start):
            return []
    return list(dict.fromkeys(name for _, _, name in ordered))


def _clause_bounds(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause of a sentence (`start`..`end`) that holds `at`."""
    lo = start
    for brk in CLAUSE_BREAK.finditer(text, start, end):
        if brk.start() >= at:
            return lo, brk.start()
        lo = brk.end()
    return lo, end


def _clause(text: str, at: int, start: int, end: int) -> str:
    """The clause of a sentence (`start`..`end`) that holds the character `at`."""
    lo, hi = _clause_bounds(text, at, start, end)
    return text[lo:hi]


def compared_by_own(text: str, cue_start: int, sentence_start: int, sentence_end: int, names: Names) -> bool:
    """`Compared to X, our method improves ...`, `reduces error by 55% relative to X`: the
    paper's own is the subject before the cue or, where the cue opens the clause, after it."""
    before = text[sentence_start:cue_start]
    if before.strip(" ,") and not before.rstrip().endswith(","):
        return own_subject(text, cue_start, sentence_start, names)
    after = text[cue_start:sentence_end]
    return OWN_SUBJECT.search(after) is not None or any(name in after for name in names.own_text | names.own)


SUBJECT_NAME = re.compile(r"(?<![\w-])([A-Z][\w.+-]*[A-Z0-9][\w.+-]*)\s+(?:\w+ly\s+)?$")
# a coined name opening a clause as its subject: `HOLA lowers perplexity`, `, X achieves`
SUBJECT_VERB_WORDS = WordSet(
    [stem + end for stem in ("achiev", "improv", "reduc", "rais", "increas") for end in ("es", "ed")]
    + [
        stem + end
        for stem in ("outperform", "lower", "attain", "reach", "yield", "obtain", "surpass", "deliver", "boost", "cut")
        for end in ("s", "es", "ed")
    ]
)
# a coined name opening a clause before such a verb: `HOLA lowers perplexity`, `, X achieves`
NAME_BEFORE_VERB = re.compile(r"(?<![\w-])([A-Z][\w.+-]*[A-Z0-9][\w.+-]*)\s+(?:\w+ly\s+)?$")


def outperformed(doc: Doc, sents: Sentences, names: Names, cues: list[Cue]) -> list[Win]:
    """(name, char) of each method the paper says its own beats. A coined name right
    before a win cue (`HOLA lowers ...`) is the paper's own too. The cues are found at
    their first word's tokens (`Sentences.matches_at`): a scan of every sentence with
    these patterns cost a quarter of the whole extraction."""
    text = sents.text
    if not cues:
        return []
    for _, verb in sents.tokens_in(SUBJECT_VERB_WORDS):
        match = NAME_BEFORE_VERB.search(text, max(0, verb - SUBJECT_LOOKBACK), verb)
        if match is None or not is_coined(match.group(1)) or match.group(1) in names.known:
            continue
        before = text[max(0, match.start(1) - 3) : match.start(1)].rstrip()
        if not before or before.endswith((",", ";", ":", ".")) or sents.at(match.start(1)).start_char == match.start(1):
            names.own_text.add(match.group(1))
    for cue in cues:
        if cue.kind != "win":
            continue
        sentence = sents.at(cue.start)
        subject = SUBJECT_NAME.search(text, max(sentence.start_char, cue.start - SUBJECT_LOOKBACK), cue.start)
        if subject and is_coined(subject.group(1)) and subject.group(1) not in names.known:
            names.own_text.add(subject.group(1))
    title_end: int = doc.user_data.get("kg.title_end", 0)
    out: list[Win] = []
    for cue in cues:
        sentence = sents.at(cue.start)
        if NEGATED.search(text, max(sentence.start_char, cue.start - NEGATION_LOOKBACK), cue.start):
            continue
        if cue.kind == "win":
            if not own_subject(text, cue.start, sentence.start_char, names):
                continue
        else:
            # a comparison is a win where the sentence claims one, or sets the paper's
            # number against another's: `reaches 71.2% versus 56.0% (X)`
            clause = _clause(text, cue.start, sentence.start_char, sentence.end_char)
            claimed = CLAIM.search(clause) is not None and not COMPARE_VERB.search(sentence.text)
            claimed = claimed and not HEDGE.search(clause)
            numbers = cue.text.startswith(("versus", "vs")) and text[cue.end : cue.end + 1].isdigit()
            if cue.start < title_end or not (claimed or numbers):
                continue
            if not compared_by_own(text, cue.start, sentence.start_char, sentence.end_char, names):
                continue
        for name in object_names(text, cue.end, sentence.end_char, names):
            out.append(Win(name, cue.start, names.winner(sentence.start_char, cue.start)))
    return out


# -- results ---------------------------------------------------------------------------


def _nearest(items: list[tuple[int, int, str]], at: int) -> str | None:
    if not items:
        return None
    return min(items, key=lambda m: abs(m[0] - at))[2]


def results(sents: Sentences, measured: list[Span], names: Names, beaten: list[Win]) -> list[Result]:
    """Each metric value with its dataset and baseline, read from the metric's clause first
    (`On A it gains 5.2 pt over X, and on B 19.3 pt over Y`), then from its sentence; a
    metric with as many values as its sentence lists datasets gives each value the dataset
    in its place (`on A and B (27.45% and 59.64%)`)."""
    text = sents.text
    all_datasets = {name for _, _, name in names.datasets}
    mentions = names.dataset_mentions(text)
    out: list[Result] = []
    seen: set[tuple[str, str, str | None, str | None]] = set()
    for span in measured:
        values = [(value, unit) for value, unit in span._.kg_values if value is not None]
        sentence = sents.at(span.start_char)
        lo, hi = _clause_bounds(text, span.start_char, sentence.start_char, sentence.end_char)
        in_sentence = [d for d in mentions if sentence.start_char <= d[0] < sentence.end_char]
        in_clause = [d for d in in_sentence if lo <= d[0] < hi]
        dataset = _nearest(in_clause or in_sentence, span.start_char)
        if dataset is None and len(all_datasets) == 1:
            dataset = next(iter(all_datasets))
        listed = _listed(text, in_sentence)
        datasets = listed if len(values) >= 2 and len(listed) == len(values) else [dataset] * len(values)
        baseline = _baseline(text, lo, hi, names, beaten) or _baseline(
            text, sentence.start_char, sentence.end_char, names, beaten
        )
        for (value, unit), on in zip(values, datasets, strict=True):
            key = (span.kb_id_, value, on, baseline)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Result(
                    span.kb_id_,
                    value,
                    unit,
                    span._.kg_setting,
                    on,
                    baseline,
                    names.winner(sentence.start_char, span.start_char),
                    span.start_char,
                )
            )
    return out


def _baseline(text: str, start: int, end: int, names: Names, beaten: list[Win]) -> str | None:
    """The method the numbers of `text[start:end]` (a clause or a sentence) are relative
    to: after `over`, `than`, `compared to` ... or the one method its win cue names."""
    for match in RELATIVE.finditer(text, start, end):
        found = object_names(text, match.end(), end, names)
        if found:
            return found[0]
    in_sentence = list(dict.fromkeys(win.name for win in beaten if start <= win.start < end))
    return in_sentence[0] if len(in_sentence) == 1 else None


# -- component -------------------------------------------------------------------------


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
        measured = [s for s in spans if s.label_ == "metric" and s._.kg_values]
        beaten: list[Win] = []
        found: list[Result] = []
        if cues or measured:
            names = Names(spans, sents.text)
            beaten = outperformed(doc, sents, names, cues)
            found = results(sents, measured, names, beaten)
        doc.user_data["kg.outperforms"] = beaten
        doc.user_data["kg.results"] = found
        return doc
