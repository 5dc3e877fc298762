"""`kg_methods`: how a paper names the methods the lexicon found in it.

The gold style names a method as the paper does: by the acronym where the paper writes
one (`Vision-Language Models (VLMs)`: VLM), else by the words it writes
(`reinforcement learning`, not RL, in a paper that never writes RL). A method the paper
only does without (`without fine-tuning`) is not one it uses. The rules run in order
over the method spans of a doc (RULES), each a small named function:

    sense      a recommender acronym (CF, MF) needs a recommender or retrieval paper
    glued      a method hyphenated before a capitalised part is part of a longer name (`PCA-GAT`)
    inside     a method's words inside a longer defined name are not the method (`... (IDPO)`)
    negated    an entry all of whose mentions are negated is dropped
    written    an entry goes by its acronym where the paper writes it, else by its words
    defined    a long form right before `(ACRONYM)` spelling it out goes by the acronym
    versioned  a model family's alias with a version goes by the version (`Qwen2.5`)

Methods named by their context, where no lexicon holds the name (`compared with X`,
`baselines such as X`, a list with a known method), are added by `kg_compared`
(method_context.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import Entry, load_lexicons
from extractors.entities.rulers import METHOD, PROPOSED, SPANS_KEY, doc_spans, set_doc_spans
from extractors.entities.text import NOT_NAME_SUFFIXES, Sentences, WordSet, initials_match, sentences

# The field writes these by their acronym whatever words a paper spells them with (the
# gold names a paper on `large language models` LLM).
FIXED_NAMES = frozenset({"LLM"})
# methods whose acronym has this sense only in a recommender or retrieval paper, and its words
RECOMMENDER_SENSES = frozenset({"collaborative filtering", "matrix factorization"})
RECOMMENDER_CONTEXT = re.compile(r"recommend|collaborative|\busers?\b|\bitems?\b|rating|retriev|e-commerce", re.I)
# words that say the method is not used, within NEGATION_LOOKBACK words before it:
# `without (the need for) fine-tuning`, `does not require fine-tuning`, `no retraining`
NEGATIONS = frozenset({"without", "w/o", "not", "no"})
NEGATION_WORDS = WordSet(NEGATIONS)
NOT_NEGATIONS = frozenset({"only", "just", "merely"})  # `not only X but also Y`
NEGATION_LOOKBACK = 4
DEFINED_AHEAD = 5  # words between a method and the `(ACRONYM)` of the longer name it is part of
# a model's size or variant after a hyphen: `ViT-B/16`, `T5-Small`, `Gemma-7B-IT`
SIZES = frozenset("tiny mini small base medium large huge giant xl xxl b l h s it instruct chat".split())


def fold(spelling: str) -> str:
    """The matching key of the gold files: lower case, no spaces, hyphens or dots."""
    return "".join(c for c in spelling.casefold() if c not in " -.")


def is_acronym(spelling: str) -> bool:
    """`RL`, `VLMs`, `MoE`, `RQ-VAE`, `CoT`: one word with a capital inside a part
    (not `Two-Tower`, a title's capitals)."""
    return " " not in spelling and any(
        any(c.isupper() for c in part[1:]) for part in spelling.split("-") if len(part) > 1
    )


def singular(surface: str) -> str:
    """`VLMs` -> `VLM`, `graph neural networks` -> `graph neural network`."""
    return surface[:-1] if len(surface) > 2 and surface.endswith("s") and not surface.endswith("ss") else surface


@lru_cache(maxsize=16384)
def spelling_of(entry: Entry, surface: str) -> str:
    """The entry's first spelling the surface is a form of (`Vision-Language Models`:
    `vision-language model`; `LLM agent`: `LLM agents`), else the surface in the singular."""
    if is_acronym(entry.name) and " " in surface and fold(entry.name) in map(fold, surface.split()):
        return entry.name  # `InfoNCE loss`, `Okapi BM25`
    keys = {fold(surface), fold(singular(surface)), fold(surface + "s")}
    return next((s for s in entry.spellings if fold(s) in keys), singular(surface))


class Mark(NamedTuple):
    """A method span as the rules read it (a Span's attributes are rebuilt at each read)."""

    start: int  # token
    end: int
    text: str  # as written
    kb_id: str


@dataclass
class Context:
    """One doc's method spans grouped by lexicon entry, and what the rules read."""

    doc: Doc
    sents: Sentences
    groups: dict[str, list[Mark]]  # entry name -> its spans, in text order
    entries: dict[str, Entry]
    names: dict[str, str] = field(default_factory=dict)  # entry name -> the name it goes by
    cut: set[tuple[int, int]] = field(default_factory=set)  # (start, end) of spans that name no method alone
    added: list[tuple[int, int, str]] = field(default_factory=list)  # new method spans: start, end, name
    span_names: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> its own name
    dropped: set[str] = field(default_factory=set)
    proposed: set[str] = field(default_factory=set)  # the names the paper proposes
    taken: set[int] = field(default_factory=set)  # first tokens of the doc's spans


def sense(ctx: Context) -> None:
    """A recommender-system acronym means that only in a paper about recommendation or
    retrieval (issue 15 item 5): `CF` is collaborative filtering beside users and items,
    not in `a counterfactual (CF) image` or `the CF metadata convention`."""
    for name, spans in ctx.groups.items():
        if name not in RECOMMENDER_SENSES or RECOMMENDER_CONTEXT.search(ctx.sents.text):
            continue
        for span in spans:
            if is_acronym(span.text):
                ctx.cut.add((span.start, span.end))


def glued(ctx: Context) -> None:
    """A method hyphenated to a capitalised part after it only modifies a longer name
    (`PCA-GAT`, `MLP-Mixer`, `RoBERTa-Base-Amharic`); before the head of one it is still
    the method used (`G-DPO`, `KG-RAG` use DPO, RAG). Where every part is a method the
    whole is one (`CNN-LSTM`). A number or a size after it names its variant
    (`ResNet-50`, `T5-Small`); a lower-case part or a suffix leaves it alone
    (`LLM-based`, `BERT-base`, `Diffusion-Based`). A lower-case name hyphenated after a
    capitalised part ends a longer name (`Search-o1`, `HuatuoGPT-o1`)."""
    words, text = ctx.sents.words, ctx.sents.text
    ends = {span.end: span for spans in ctx.groups.values() for span in spans}
    starts = {span.start: span for spans in ctx.groups.values() for span in spans}
    for name, spans in ctx.groups.items():
        if name in FIXED_NAMES:
            continue  # `LLM-RAG`, `MoE-LLMs`: the field's words, not a new name
        for span in spans:
            left = _hyphen_part(ctx, span.start - 1, -1)
            if left is not None and span.text[:1].islower() and words[left][:1].isupper():
                ctx.cut.add((span.start, span.end))  # `Search-o1`, `HuatuoGPT-o1`: a name after the model
                continue
            right = _hyphen_part(ctx, span.end, +1)
            if right is None or (span.start, span.end) in ctx.cut:
                continue
            part = words[right]
            if part[:1].isdigit() or part.lower() in SIZES:
                if _hyphen_part(ctx, span.start - 1, -1) is None:
                    ctx.span_names[(span.start, span.end)] = text[ctx.doc[span.start].idx : _end_char(ctx, right)]
                continue
            if not part[:1].isupper() or part.lower() in NOT_NAME_SUFFIXES:
                continue
            ctx.cut.add((span.start, span.end))
            # `CNN-LSTM`, `CNN-GRU-MLP`: each part a method
            first, last = span, span
            while (i := _hyphen_part(ctx, last.end, +1)) is not None and i in starts:
                last = starts[i]
                ctx.cut.add((last.start, last.end))
            while (i := _hyphen_part(ctx, first.start - 1, -1)) is not None and i + 1 in ends:
                first = ends[i + 1]
            if first is last or _hyphen_part(ctx, last.end, +1) is not None:
                continue
            if _hyphen_part(ctx, first.start - 1, -1) is not None:
                continue
            whole = text[ctx.doc[first.start].idx : _end_char(ctx, last.end - 1)]
            if whole not in ctx.proposed and (first.start, last.end, whole) not in ctx.added:
                ctx.added.append((first.start, last.end, whole))


def inside(ctx: Context) -> None:
    """A method's words inside a longer name the paper defines are that name's
    (`Scoped Direct Preference Optimization (SDPO)`, `Shared Knowledge Graphs
    (SKGs)`), which is the method named; unless the paper proposes that name, which
    then builds on the method (`we introduce Contrastive Reasoning Self-Distillation (CRSD)`)."""
    words = ctx.sents.words
    for spans in ctx.groups.values():
        for span in spans:
            paren = next(
                (i for i in range(span.end, min(span.end + DEFINED_AHEAD, len(words))) if words[i] == "("), None
            )
            if paren is None or paren + 2 >= len(words) or words[paren + 2] != ")":
                continue
            if any(not words[i][:1].isalpha() for i in range(span.end, paren)):
                continue
            acronym = words[paren + 1]
            core = acronym[:-1] if acronym.endswith("s") and acronym[-2:-1].isupper() else acronym
            if not is_acronym(core) and not core.isupper():
                continue
            begin = max(0, span.start - DEFINED_AHEAD)
            window = [w for w in words[begin:paren] if w != "-"]
            at = initials_match(core, " ".join(window).replace("-", " ").split())
            long_start = None if at is None else len(" ".join(window).replace("-", " ").split()) - at
            own = len(" ".join(words[span.start : paren]).replace("-", " ").split())
            if long_start is None or not (long_start > own or paren > span.end and long_start >= own):
                continue  # the acronym is the method's own (`Bayesian Personalized Ranking (BPR)`)
            if core in ctx.proposed:
                continue  # the paper's own builds on it: `we introduce Contrastive Reasoning Self-Distillation (CRSD)`
            ctx.cut.add((span.start, span.end))
            # the longer name is a method of its kind where the method heads it or ends it
            # (`Click-oriented Reinforcement Learning (C-RL)`, `RLVR`); not `HIV Online Learning
            # Australia (HOLA)`
            if paren + 1 not in ctx.taken and (paren == span.end or long_start == own):
                ctx.added.append((paren + 1, paren + 2, core))
                ctx.taken.add(paren + 1)


def _hyphen_part(ctx: Context, edge: int, step: int) -> int | None:
    """The token joined by a hyphen with no space to the span edge (`edge` is the token
    after the span for step +1, the span's first token - 1 for step -1)."""
    words = ctx.sents.words
    hyphen, part = (edge, edge + 1) if step > 0 else (edge, edge - 1)
    if not (0 <= min(hyphen, part) and max(hyphen, part) < len(words)) or words[hyphen] != "-":
        return None
    doc = ctx.doc
    near, far = (hyphen - 1, part) if step > 0 else (part, hyphen + 1)
    if doc[hyphen].idx != _end_char(ctx, near) or _end_char(ctx, hyphen) != doc[far].idx:
        return None
    return part if words[part][:1].isalnum() else None


def _end_char(ctx: Context, token: int) -> int:
    return int(ctx.doc[token].idx) + len(ctx.sents.words[token])


def negated(ctx: Context) -> None:
    """`without task-specific fine-tuning`, `does not require fine-tuning`: every
    mention negated, the method is not used."""
    if not ctx.sents.tokens_in(NEGATION_WORDS):
        return
    for name, spans in ctx.groups.items():
        if all(_negated(ctx, span.start) for span in spans if (span.start, span.end) not in ctx.cut):
            ctx.dropped.add(name)


def _negated(ctx: Context, start: int) -> bool:
    first = ctx.sents.token_starts[bisect_right(ctx.sents.token_starts, start) - 1]
    before = [w.lower() for w in ctx.sents.words[max(first, start - NEGATION_LOOKBACK) : start]]
    for i, word in enumerate(before):
        if word in NEGATIONS and not (i + 1 < len(before) and before[i + 1] in NOT_NEGATIONS):
            return not any(w in (",", ";", "but") for w in before[i + 1 :])
    return False


def written(ctx: Context) -> None:
    """An entry of several spellings goes by the acronym where the paper writes one
    (`VLMs`: VLM; also inside a longer name, `KG-RAG`), else by its words: the entry's
    name, or for an entry named by its acronym the words of the first mention
    (`reinforcement learning`, not RL)."""
    for name, spans in ctx.groups.items():
        entry = ctx.entries.get(name)
        if entry is None or entry.verbatim or name in FIXED_NAMES or not entry.aliases:
            continue
        surfaces = [span.text for span in spans if not (entry.versioned and has_version(span.text))]
        if not surfaces:
            continue
        acronyms = [s for s in surfaces if is_acronym(s)]
        if acronyms:
            ctx.names[name] = spelling_of(entry, acronyms[0])
        elif is_acronym(name):
            ctx.names[name] = spelling_of(entry, surfaces[0])


def defined(ctx: Context) -> None:
    """`Multi-Agent Systems (MAS)`, `singular value decomposition (SVD)`: a long form
    the paper spells an acronym out with goes by that acronym."""
    words = ctx.sents.words
    for name, spans in ctx.groups.items():
        for span in spans:
            end = span.end
            if span.end - span.start < 2 or end + 2 >= len(words) or words[end] != "(" or words[end + 2] != ")":
                continue
            acronym = words[end + 1]
            core = acronym[:-1] if acronym.endswith("s") and acronym[-2:-1].isupper() else acronym
            if is_acronym(core) and initials_match(core, span.text.replace("-", " ").split()) == 0:
                ctx.names[name] = core
                break


def versioned(ctx: Context) -> None:
    """Each mention of a model family with a version is named as written, each its own
    model: `Qwen2.5` and `Qwen2-72B` (the entry is `Qwen`), `Claude~4` (TeX's space)."""
    for name, spans in ctx.groups.items():
        entry = ctx.entries.get(name)
        if entry is None or not entry.versioned:
            continue
        for span in spans:
            if has_version(span.text):
                ctx.span_names[(span.start, span.end)] = span.text.replace("~", " ")


def has_version(surface: str) -> bool:
    return any(c.isdigit() for c in surface)


Rule = Callable[[Context], None]
RULES: tuple[Rule, ...] = (sense, glued, inside, negated, written, defined, versioned)


@Language.factory("kg_methods", default_config={"directory": None, "spans_key": SPANS_KEY})
def make_method_namer(nlp: Language, name: str, directory: str | None, spans_key: str) -> MethodNamer:
    return MethodNamer(directory=directory, spans_key=spans_key)


class MethodNamer:
    """Renames (or drops) the method spans of `doc.spans[spans_key]` by RULES."""

    def __init__(self, *, directory: str | None = None, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key
        self.entries = {e.name: e for e in load_lexicons(directory) if e.kind == "method"}

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_spans(doc, self.spans_key)
        keys = [span.id_ if span.label == METHOD else None for span in spans]
        if not any(key in self.entries for key in keys):
            return doc
        sents = sentences(doc)
        text = sents.text
        groups: dict[str, list[Mark]] = {}
        marks: list[Mark | None] = []
        for span, key in zip(spans, keys, strict=True):
            mark = None
            if key is not None:
                mark = Mark(span.start, span.end, text[span.start_char : span.end_char], span.kb_id_)
                if key in self.entries:
                    groups.setdefault(key, []).append(mark)
            marks.append(mark)
        ctx = Context(doc, sents, groups, self.entries)
        ctx.taken = {span.start for span in spans}
        ctx.proposed = {
            span.kb_id_ for span, key in zip(spans, keys, strict=True) if key is None and span.label == PROPOSED
        }
        for rule in RULES:
            rule(ctx)
        if not (ctx.names or ctx.span_names or ctx.dropped or ctx.cut or ctx.added):
            return doc
        out = []
        changed = False
        for span, key, mark in zip(spans, keys, marks, strict=True):
            if key is None or mark is None:
                out.append(span)
                continue
            if key in ctx.dropped or (mark.start, mark.end) in ctx.cut:
                changed = True
                continue
            name = ctx.span_names.get((mark.start, mark.end), ctx.names.get(key))
            if name is not None and mark.kb_id != name:
                span = Span(doc, mark.start, mark.end, label="method", kb_id=name, span_id=key)
                changed = True
            out.append(span)
        for start, end, name in ctx.added:
            out.append(Span(doc, start, end, label="method", kb_id=name, span_id=name))
            changed = True
        if changed:
            set_doc_spans(doc, self.spans_key, out)
        return doc
