"""The names in the object of a comparison: `outperforms SASRec and BERT4Rec`,
`baselines such as X and Y`, `better than zero-shot prompting`. `Names` holds what the other
components found in a paper, by position; `object_names` reads the methods an object names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from spacy.tokens import Span

from extractors.entities.text import NOT_NAME_SUFFIXES, NOT_NAMES, is_coined, written_outside

# -- vocabulary -------------------------------------------------------------------------

# verbs that start the next part of a sentence after `and`: `outperforms X and rivals Y`
NEXT_VERBS = (
    r"achiev|reduc|improv|yield|obtain|deliver|show|demonstrat|rank|generaliz|rival|match|require|remain|run|scal|use|"
    r"enabl|provid|maintain|offer|attain|exhibit|lower|rais|increas|decreas|cut|boost|lift|sav|surpass|outperform|beat"
)
# the object ends at a clause boundary or where the comparison's details start
OBJECT_END = re.compile(
    r"[.;:!?](?:\s|$)|,\s+(?:while|whereas|which|(?!includ)\w+ing|yield\w*|reach\w*|obtain\w*|deliver\w*|show\w*|"
    r"demonstrat\w*|improv\w*|reduc\w*|lead\w*|with)\b"
    r"|\s+(?:by|on|across|in|at|while|whereas|which|when|under|using|through|without|despite|with|from|to|"
    r"trained|designed|built|based|developed|used|applied|tuned|that|who)\b"
    r"|(?<![\d%])(?<!\d[x×])\s+for\b"  # but `92% for LATS`, `7.9x for KAN`: whose number it is
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
# a number, then whose it is: `compared to 92% for LATS and 64% for ReAct`
NUMBER_FOR = re.compile(r"[~≈]?\d[\d.,]*\s*(?:%|pp|points?|x|×)?\s+(?:for|of|from|by|with)\s+")
# a bracket after a name or a generic head that holds its score, not a list: `a tuned RAG
# baseline (75.0%), HippoRAG (69.9%)`
SCORE_IN_BRACKETS = re.compile(r"\(\s*[~≈]?[\d.,]+\s*(?:%|pp|points?|x|×)?\s*\)")
# a generic head described, then its list: `approaches relying solely on LLMs, such as RAG`,
# `models that require training, including X`
DESCRIBED_LIST = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:baselines|methods|approaches|models|systems|techniques|algorithms|frameworks|"
    r"pipelines|solutions|competitors)\s+(?:relying|based|built|trained|that|which|using|designed|developed|"
    r"requiring|leveraging|tailored|optimi[sz]ed)\b"
    # not a list of another head: `baselines that use embeddings from strong models such as X`
    r"(?:(?!\s(?:baselines|methods|approaches|models|systems|encoders|backbones)\b)[^.;:()]){0,80}?"
    r",?\s+(?:such\s+as|including|e\.g\.,?)\s+"
)
# a comparison that a number follows: `compared to 92% for LATS`, not `exceeding 60% for most models`
NUMBER_CUE_END = re.compile(r"\b(?:to|with|versus|vs\.?|than)\s+$")
# the margin of a win, right after its object or the words about it: `X by 5%`, `X with query
# decomposition by up to 5.2 pt`
BY_MARGIN = re.compile(
    r"[^.;:,]{0,40}?\sby\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|roughly\s+|around\s+|an\s+average\s+of\s+)?"
    r"[~≈+]?\d"
)
NEXT_VERB = re.compile(r"\b(?:" + NEXT_VERBS + r")\w*\b")
VERB_FIRST = re.compile(r"(?:[a-z]+(?:ed|es)|(?:" + NEXT_VERBS + r")\w*)\b")
# the next object of one win, each with its margin: `outperforms A by 5.2 pt in EA and B by
# up to 15.9 pt`, `SAPO by 5%, GSPO by 11%, and GRPO by 1%`
NEXT_BY_OBJECT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)((?:[^\s,;.()]|\s(?!by\s|and\s)|\([^()]*\)){2,60}?)\s+by\s+"
    r"(?:up\s+to\s+|about\s+|over\s+|nearly\s+|roughly\s+|around\s+|an\s+average\s+of\s+)?[~≈+]?\d"
)
VERSION = re.compile(r"^[vV]?\d[\d.]*[A-Za-z]?$")
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
        self.own_written: dict[str, str] = {}  # each of its own names as written: the name
        self.text = text
        self.not_methods: set[str] = set()  # as written: datasets, metrics, tasks, companies
        self.known: set[str] = set()  # as written: every name but the paper's own
        for span in spans:  # one pass: each attribute of a Span is built anew when read
            label, start, end, name = span.label_, span.start_char, span.end_char, span.kb_id_
            written = text[start:end]
            if label == "proposed":
                self.own.add(name)
                self.own_text.add(written)
                self.own_at.append((start, name))
                self.own_written.setdefault(written, name)
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
        before = [(at, name) for at, name in own if start <= at < cue]
        # the name written again where no span marks it: `REST improves X over Y` after `we
        # propose REST` (else the span of another own name earlier in the sentence would win)
        for written, name in self.own_written.items():
            at = self.text.rfind(written, start, cue)
            if at >= 0 and name not in self.not_methods and _word_at(self.text, at, at + len(written)):
                before.append((at, name))
        if before:
            return max(before)[1]
        return own[0][1] if own else None

    def dataset_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Every place a dataset the paper names is written: its spans, and the same text
        again where no span marks it (a later `On Bird, ...` repeats a name found before)."""
        written = {text[start:end]: name for start, end, name in self.datasets}
        if not written:
            return []
        if not any(written_outside(text, name, self.datasets) for name in written):
            return sorted(self.datasets)  # no name written again: no pattern to build
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


def _word_at(text: str, start: int, end: int) -> bool:
    """Is `text[start:end]` a whole word (`REST`, not part of `RESTful`)?"""
    return not text[start - 1 : start].isalnum() and not text[end : end + 1].isalnum()


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
    if words and words[0].lower() in ("no", "without"):
        return None  # `compared with no candidate search`: the method left out
    if not words or not words[0][:1].isalpha() or words[0].islower() and words[0].endswith("ing"):
        return None  # a number, or a verb: `versus improving retrieval`
    if any(w.endswith("-") or PLURAL_ACRONYM.match(w) for w in words) or _family(words):
        return None  # `RAG- and CoT-based`, a family: `LLMs`, `LLM agents`, `transformer ensembles`
    tail: list[str] = []
    for word in reversed(words):
        if not _name_like(word):
            break
        tail.insert(0, word)
    modified = False
    while tail and (
        not tail[0][:1].isalpha()
        or tail[0].lower().split("-")[-1] in MODIFIER_SUFFIXES
        or tail[0].lower().startswith("non-")
    ):
        tail, modified = tail[1:], modified or tail[0][:1].isalpha()
        # `(best 0.82)`: a number; `CNN-based GigaTIME`, `non-KG`: a modifier
    if modified and len(tail) == 1 and not is_coined(tail[0]) and not any(c.isdigit() for c in tail[0]):
        return None  # `the Topic-only Setting`: a word the modifier made a name of
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
    together = len(words) < 2 or not all(is_coined(w) for w in words) or any(VERSION.match(w) for w in words)
    return [name] if together else words  # but `DeepSeek V3`: a name and its version


def object_names(text: str, start: int, bound: int, names: Names) -> list[str]:
    """The methods named in the object of a win cue that ends at `start` (within `bound`)."""
    end = min(bound, start + OBJECT_WINDOW)
    numbered = NUMBER_FOR.match(text, start) if NUMBER_CUE_END.search(text, max(0, start - 12), start) else None
    described = DESCRIBED_LIST.match(text, start, end)
    start = numbered.end() if numbered else described.end() if described else start
    stop = OBJECT_END.search(text, start, end)
    limit = stop.start() if stop else end
    # a generic object followed by its list: `baselines (ToG, RoG)`, `methods such as X and Y`:
    # the names are in the list
    intro = LIST_INTRO.search(text, start, limit + 2)
    if intro is not None and SCORE_IN_BRACKETS.match(text, intro.start()):
        intro = None
    head = text[start : intro.start()].split() if intro is not None else []
    generic_head = bool(head) and head[-1].lower().strip(",") in GENERIC_HEADS
    if intro is not None and (intro.group() != "(" or generic_head):
        close = text.find(")", intro.end()) if intro.group() == "(" else -1
        stop_after = OBJECT_END.search(text, intro.end(), end)
        if generic_head:
            start = intro.end()
        limit = close if close >= 0 else (stop_after.start() if stop_after else end)
    found = _item_names(text, start, limit, names, numbered is not None)
    margin = BY_MARGIN.match(text, limit, bound)
    if margin is not None and not NEXT_VERB.search(margin.group()):  # `X boosts precision by 10%`: X's own margin
        for then in NEXT_BY_OBJECT.finditer(text, margin.end(), bound):
            if not VERB_FIRST.match(then.group(1)):  # `and accelerated retrieval by 5.5x`: a second claim
                found += [name for name in object_names(text, then.start(1), then.end(1), names) if name not in found]
    return found


def _item_names(text: str, start: int, limit: int, names: Names, numbered_list: bool = False) -> list[str]:
    """The methods named by the list items in `text[start:limit]` (each after its number in
    a `numbered_list`: `92% for LATS and 64% for ReAct`)."""
    found: list[str] = []
    for a, b in _items(text, start, limit):
        item = text[a:b].strip()
        numbered = NUMBER_FOR.match(item) if numbered_list else None
        if numbered:
            a, item = a + numbered.end(), item[numbered.end() :]  # `64% for ReAct`
        if QUANTIFIED.match(item):
            continue  # before brackets go: `other (Fin)BERT variants`
        if "'s " in item or "’s " in item:
            item = re.split(r"['’]s\s", item)[0]  # `AutoSurvey's 4.77/10`: whose score it is
        defined = None if NUMBER_THEN_NAME.match(item) else DEFINED_ACRONYM.search(item)
        if defined is not None:
            a += defined.start(1)  # `agentic RAG (ReAct)`: the name in brackets is the one meant
        number_first = NUMBER_THEN_NAME.match(item) or defined
        item = number_first.group(1) if number_first else BRACKETS.sub("", item).split("(")[0].strip(" )")
        item = LATEX_GREEK.sub(lambda m: GREEK[m.group(1)], item)  # `FuXi-$\alpha$`: `FuXi-α`
        if not item or any(c in item for c in "=<>$%~") or MEASUREMENT.search(item):
            continue  # a number or a formula, not a name
        if QUANTIFIED.match(item) or NOT_COMPETITORS.match(item) or COMBINED.search(item):
            continue
        words = item.split()
        if words and words[-1] in ("Baseline", "Baselines"):
            continue  # `the Brief Baseline`: a setting the paper names, not a method
        generic = False
        while words and words[-1].lower() in GENERIC_HEADS and not (generic and words[-1][:1].isupper()):
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
