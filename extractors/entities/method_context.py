"""`kg_compared`: methods named by their context, where no lexicon holds the name.

Runs last (after `kg_comparisons`, whose reading of a comparison's object it shares) and
adds the coined names (`text.is_coined`: `MACRec`, `FuzzyHash`, `BiTGCF`) that the rules
find as method spans. Each rule is a small function over the doc (`Context`) that yields
candidate names; a name the paper proposes, one found already or part of one is not added.

| rule | example |
|---|---|
| `compared` | `compared with X and Y`, `we compare our model against X` (where the paper claims no win) |
| `examples` | `baselines such as X`, `architectures like MACRec and Agent4Rec`, `systems such as MMRF` |
| `used` | `our approach utilizes DROID-SLAM and SEA-RAFT`, `an agent grounded in MNE-Python` |
| `named_before_head` | `AraBERT embeddings`, `a LinearSVC classifier`, `BiTGCF as the base model` (not the paper's own: `our X model`) |
| `listed_with_method` | `(MinHash, SimHash, FuzzyHash)`, `GCN, GAT and HGT`: one member is a method, so are the others |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.comparison_objects import Names, object_names
from extractors.entities.dataset_patterns import TASK_ACRONYMS
from extractors.entities.dataset_rules import is_modifier
from extractors.entities.datasets import kind_index
from extractors.entities.rulers import METHOD, PROPOSED, SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.text import Sentences, WordSet, is_coined, sentences

# `compared with X`, `we compare our model against X and Y`: the object names methods as a
# win cue's does (comparisons.object_names). (`X versus Y` was tried: titles, `B30f vs
# B80f`, mostly not methods.)
COMPARED = re.compile(r"\bcompar(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,4}?(?:with|to|against)\s+(?:the\s+)?")
# `baselines such as X`, `baselines (X, Y)`, `architectures like X and Y`: a generic noun of
# methods (each one of comparisons.GENERIC_HEADS) and its examples. Only baselines take a
# bare bracket: `recommender systems (RSs)` defines the noun's acronym.
EXAMPLES = re.compile(
    r"\b(?=(?:baselines?\s*,?\s*\(|(?:baselines?|methods|approaches|models|algorithms|architectures|techniques"
    r"|systems|variants|encoders|backbones)\s*,?\s*(?:such\s+as|including|like|e\.g\.)))"
)
EXAMPLE_HEADS = "baseline baselines methods approaches models algorithms architectures techniques systems"
COMPARED_WORDS = WordSet("compare compares compared comparing".split())
EXAMPLE_WORDS = WordSet(f"{EXAMPLE_HEADS} variants encoders backbones".split())
# `we use X`, `utilizes DROID-SLAM and SEA-RAFT`, `built on X`: the names a paper uses, read
# as a comparison's object is (a name only where it starts with a capital letter)
USED = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|utiliz(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|employ(?:s|ed|ing)?|leverag(?:e|es|ed|ing)"
    r"|built\s+(?:on|upon)|grounded\s+in)\s+(?:the\s+|a\s+|an\s+)?(?=[A-Z])"
)
USED_WORDS = WordSet(
    "use uses used using utilize utilizes utilized utilizing adopt adopts adopted adopting employ employs employed "
    "employing leverage leverages leveraged leveraging built grounded".split()
)
CUE_WORDS = WordSet(COMPARED_WORDS.words | EXAMPLE_WORDS.words | USED_WORDS.words)

# `A, B and C`, `A, B, C`: one-word names joined by commas and `and`/`or` (every start is
# tried: the pattern is a look-ahead). A list starts after a bracket, a colon, a lower-case
# word or the sentence's start, and ends before punctuation or a lower-case word, so that
# it cuts no longer name (`GPT-5.2 Pro, Perplexity Deep Research`).
ITEM = r"[A-Za-z][\w.+-]*[\w+]"
GAP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
LIST = re.compile(rf"(?<![\w.+-])(?=({ITEM}(?:{GAP}{ITEM})+)(?:\s*[,.;:)]|\s+[a-z]|\s*$))")
LIST_ITEM = re.compile(rf"(?<![\w.+-]){ITEM}")
LIST_WORDS = frozenset({"and", "or"})
CLOSED = re.compile(r"\s(?:and|or)\s+\S+$")  # `A, B and C`: a conjunction before the last item
CONJUNCTION = re.compile(r"\s(?:and|or)\s")
# a word followed by a list's separator (GAP): an item with another after it
ITEM_BEFORE_GAP = re.compile(r"[\w.+-]*[\w+](?:\s*,|\s+(?:and|or)\s)")


def list_start(before: str) -> bool:
    """May a list start after `before` (its sentence up to there)?"""
    before = before.rstrip()
    if not before or before.endswith(("(", ":")):
        return True
    last = before.rsplit(None, 1)[-1]  # (not `split()`: the text before a list can be long)
    return last.isalpha() and last.islower() and last not in LIST_WORDS


# `AraBERT embeddings`, `a LinearSVC classifier`, `BiTGCF as the base model`: a method's head
# noun after a coined name (cues.METHOD_AFTER and the like). A name the paper writes in its
# title, or after `our`/`proposed`, is more often its own than one it uses. (algorithm,
# optimizer, loss, library, toolkit, blocks and layers were tried: 53 more names on the
# bulk, a third of them problems or the paper's own: `MOSP algorithms`, `DCOP`, `EOS`.)
HEAD_WORDS = WordSet(
    "model models architecture architectures backbone backbones encoder encoders decoder network networks "
    "baseline baselines embeddings classifier classifiers retriever retrievers reranker rerankers".split()
)
NAME_BEFORE_HEAD = re.compile(
    r"(?<![\w.+-])([A-Za-z][\w.+-]*[\w+])\s+(?:as\s+(?:the|a|an)\s+(?:base\s+|backbone\s+)?)?$"
)
HEAD_LOOKBACK = 60  # characters before a head noun where the name may start
OWN_BEFORE = re.compile(
    r"(?:\bour|\bproposed|\bnovel|\bnew|\bcalled|\bnamed|\btermed|\bdub(?:bed)?)\s+(?:[\w-]+\s+)?$", re.I
)
# Never a method's name: two letters (`SR`, `AR`, `RF` have many senses), number formats
# (`FP32`, `BF16`, `INT8`)
MIN_LETTERS = 3
NUMBER_FORMAT = re.compile(r"(?:FP|BF|INT|UINT|TF)\d+")


@dataclass
class Context:
    """One doc's text and the names its spans give."""

    doc: Doc
    sents: Sentences
    names: Names
    method_starts: set[int]  # first characters of the doc's method spans
    other_ends: set[int]  # last characters (+1) of the doc's dataset, metric, task and company spans


Rule = Callable[[Context], Iterator[tuple[str, int, int]]]  # name, where to look for it: from, to


def compared(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """`compared with X and Y`, `we compare our model against X`."""
    yield from _cued(ctx, COMPARED, COMPARED_WORDS)


def examples(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """`baselines such as X`, `LLM-driven architectures like MACRec and Agent4Rec`."""
    yield from _cued(ctx, EXAMPLES, EXAMPLE_WORDS)


def used(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """`our approach utilizes DROID-SLAM and SEA-RAFT`, `an agent grounded in MNE-Python`."""
    yield from _cued(ctx, USED, USED_WORDS)


def _cued(ctx: Context, cue: re.Pattern[str], words: WordSet) -> Iterator[tuple[str, int, int]]:
    text = ctx.sents.text
    done: set[int] = set()
    for _, char in ctx.sents.tokens_in(words):
        match = cue.match(text, char)
        if match is None or match.end() in done:
            continue
        done.add(match.end())
        sent = ctx.sents.at(char)
        bound = sent.start_char + len(sent.text)
        for name in object_names(text, match.end(), bound, ctx.names):
            yield name, match.end(), bound


def named_before_head(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """`AraBERT embeddings`, `a LinearSVC classifier`, `BiTGCF as the base model`."""
    text = ctx.sents.text
    title = text[: title_end(ctx.doc)]
    for _, char in ctx.sents.tokens_in(HEAD_WORDS):
        low = max(ctx.sents.starts[ctx.sents.index(char)], char - HEAD_LOOKBACK)
        match = NAME_BEFORE_HEAD.search(text, low, char)
        # (a name not coined is dropped by the ruler anyway: `language model`; tested before OWN_BEFORE)
        if match is None or not is_coined(match.group(1)) or OWN_BEFORE.search(text, low, match.start(1)):
            continue
        name = match.group(1)
        if (title and name in title) or is_modifier(name):
            continue  # the paper's own; `README-only model`: a kind of model
        yield name, match.start(1), match.end(1)


def listed_with_method(ctx: Context) -> Iterator[tuple[str, int, int]]:
    """`(MinHash, SimHash, Winnowing, FuzzyHash)`: in a list with a method, a coined name is one too."""
    text, sents = ctx.sents.text, ctx.sents
    # a method in a list has a separator right before or after it: only those sentences can
    # yield, and LIST, tried at every character, costs more than the rest of this component
    in_lists = {sents.index(start) for start in ctx.method_starts if _beside_gap(text, start, sents)}
    for i in sorted(in_lists):
        sent = text[sents.starts[i] : sents.ends[i]]
        if "(" not in sent and not CONJUNCTION.search(sent):
            continue  # (no list closes without one: `CLOSED`, brackets)
        end = 0  # (a list's own items start no other list)
        for listed in LIST.finditer(sent):
            at, whole = listed.start(), listed.group(1)
            if at < end or not list_start(sent[:at]):
                continue
            end = at + len(whole)
            bracketed = sent[:at].rstrip().endswith("(") and sent[end:].lstrip().startswith(")")
            if not (bracketed or CLOSED.search(whole)):
                continue
            base = sents.starts[i] + at
            items = [(m.group(), base + m.start()) for m in LIST_ITEM.finditer(whole) if m.group() not in LIST_WORDS]
            if any(start in ctx.method_starts for _, start in items):
                yield from ((word, start, start + len(word)) for word, start in items)


def _beside_gap(text: str, start: int, sents: Sentences) -> bool:
    """Might the word at `start` be an item of a LIST? (The separator before it, or the one after.)"""
    before = text[sents.starts[sents.index(start)] : start].rstrip()
    return before.endswith((",", "and", "or")) or ITEM_BEFORE_GAP.match(text, start) is not None


def _not_a_method(ctx: Context, name: str) -> bool:
    """`SR`, `FP32`; `Text Classification (TC)`: an acronym the paper defines by a task, a
    dataset or a metric's words is that."""
    if sum(c.isalpha() for c in name) < MIN_LETTERS or NUMBER_FORMAT.fullmatch(name):
        return True
    text = ctx.sents.text
    at = text.find(f"({name}")
    while at >= 0:
        if any(end in ctx.other_ends for end in range(at - 2, at + 1)):
            return True
        at = text.find(f"({name}", at + 1)
    return False


RULES: tuple[Rule, ...] = (compared, examples, used, named_before_head, listed_with_method)


@Language.factory("kg_compared", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_compared_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> ComparedRuler:
    return ComparedRuler(spans_key=spans_key, directory=directory)


class ComparedRuler:
    """The coined names RULES find become method spans."""

    def __init__(self, *, spans_key: str = SPANS_KEY, directory: str | None = None):
        self.spans_key = spans_key
        self.kinds = kind_index(directory)

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        if (
            not sents.tokens_in(CUE_WORDS)
            and not sents.tokens_in(HEAD_WORDS)
            and not any(s.label == METHOD for s in doc_spans(doc, self.spans_key))
        ):
            return doc
        text = sents.text
        spans = doc_spans(doc, self.spans_key)
        names = Names(spans, text)
        others = {span.end_char for span in spans if span.label not in (METHOD, PROPOSED)}
        ctx = Context(doc, sents, names, {start for start, _, _ in names.methods}, others)
        known = {span.kb_id_ for span in spans if span.label == METHOD}
        taken = [(span.start_char, span.end_char) for span in spans]
        added: list[Span] = []
        for rule in RULES:
            for name, start, bound in rule(ctx):
                if name in known or name in names.own or name in names.known or " " in name or not is_coined(name):
                    continue  # a coined name only: `compared with English`, `... Artificial Intelligence`
                if self.kinds(name) not in (None, "method") or name in TASK_ACRONYMS or _not_a_method(ctx, name):
                    continue  # known as another kind, even where a guard kept it out: `OpenAI`, `OCR`
                at = text.find(name, start, bound)
                if at < 0 or any(a < at + len(name) and at < b for a, b in taken):
                    continue  # `DeepSeek V3`, `optional fine-tuning`: a name found already, or part of one
                span = doc.char_span(at, at + len(name), alignment_mode="expand")
                if span is not None:
                    known.add(name)
                    taken.append((at, at + len(name)))
                    added.append(Span(doc, span.start, span.end, label="method", kb_id=name, span_id=name))
        if added:
            set_doc_spans(doc, self.spans_key, spans + added)
        return doc
