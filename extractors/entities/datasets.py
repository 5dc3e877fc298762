"""`kg_datasets`: datasets named by their context, where no lexicon holds the name.

Runs after `kg_lexicon` and `kg_names` and reads their spans. Each rule is a small
function over one sentence (`Context`) that yields candidate names; `accept` then
keeps those that look like a name and are not known as something else:

| rule | example |
|---|---|
| `named_before_noun` | `on the public Coffee Chain Sales dataset`, `the three STaRK benchmarks` |
| `listed_after_noun` | `benchmarks, including Sintel, KITTI, and Spring`, `datasets (Yelp, Kindle)`, `two datasets, Bird and OTT-QA` |
| `evaluated_on` | `Experiments on LoCoMo and LongMemEval-s`, `On ALFWorld, ...`, `evaluated on TAU2-Bench` |
| `benchmark_suffix` | `KalshiBench`, `AskChem-Bench`, `HotpotQA`, `OTT-QA` |
| `listed_with_known` | `GSM8K, SVAMP, and ARC-Challenge`: one member is a dataset, so are the others |

A dataset the lexicon knows, written with a version or split (`MS MARCO V2.1`,
`Gowalla-100k`, `ISIC 2018`, `M-BEIR`), is named as written (`versioned`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from heapq import heapify, heappop, heappush
from typing import NamedTuple

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import KnownNames, load_lexicons
from extractors.entities.rulers import SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.text import NOT_NAMES, Sent, Sentences, WordSet, is_coined, sentences

# A word of a name: it starts with a capital (`Sintel`, `JUÁ`, `Gowalla-100k`) or has one
# after a lower-case or digit prefix (`nuScenes`, `e-Commerce`, `2WikiMultiHopQA`). The
# prefix is possessive (`++`): the capital lies past it however much of it is taken, and
# giving back one letter at a time made each try at a lower-case word cost its length
# squared (the same matches; the list and name patterns run 2-3x faster).
WORD = r"(?:[A-Z]|[a-z0-9]++(?=[\w-]*[A-Z]))[\w]*(?:[-.'][\w]+)*"
# a version, year or size written after a name: `MultiVENT 2.0`, `ISIC 2018`, `MS MARCO V2.1`
VERSION = r"(?:\s+(?:[vV]\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*|(?:19|20)\d\d))"
PHRASE = rf"{WORD}(?:\s+{WORD}){{0,3}}{VERSION}?"
MAX_WORDS = 5  # `TREC Deep Learning 2019`
NAME_PIECES = 5  # blank-separated pieces a `PHRASE` can have: four words and a version

NOUNS = r"(?:datasets?|benchmarks?|corpus|corpora|test\s+sets?|testbeds?)"
NAME_BEFORE_NOUN = re.compile(rf"(?<![\w-])({PHRASE})\s+$")
NOUN_LOOKBACK = 80  # characters before a dataset noun where its name may start
NOUN_AT = re.compile(rf"(?=[dbct]){NOUNS}\b")
NOUN_FIRST = "dbct"  # (a cheaper test than the pattern's own)
# the words a noun match starts at (`NOUN_AT` is tried at these tokens only)
NOUN_WORDS = WordSet(
    ["dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "test", "testbed", "testbeds"]
)

# what introduces a list of datasets after the noun: `datasets: A, B`, `datasets (A, B)`,
# `benchmarks, including A`, `datasets such as A`, `datasets, i.e., A`
INTRO = re.compile(
    r"(?:\s*,)?\s*(?:(?:including|such\s+as|like|namely|e\.g\.,?|i\.e\.,?|viz\.,?)\s+|:\s*|\(\s*(?:e\.g\.,?\s*|i\.e\.,?\s*)?)"
)
# `two datasets, A and B`: a bare comma only where the count is written and met
COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:[\w-]+\s+){0,4}$", re.I)
BARE_COMMA = re.compile(r"\s*,\s*")
COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
ITEM = re.compile(rf"(?:the\s+)?({PHRASE})(?![\w$^{{}}-])")
GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?(?:the\s+)?|\s+(?:and|or|as\s+well\s+as|&)\s+(?:the\s+)?")
PARENS = re.compile(r"\s*\([^()]{0,200}\)")  # `CEX (English journal articles ...)`
NOUN_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{NOUNS}\b")

# `experiments on A and B`, `evaluated on the X benchmark`, a sentence's `On X, ...`
EVALUATED = re.compile(
    r"(?=[eEtTrRbBpPaAvVfFcCoO])\b(?:experiments?|evaluat\w*|test(?:ed|s|ing)?|results?|benchmark(?:ed|ing)|trained"
    r"|fine-tuned|performance|accuracy|outperform\w*|validat\w*|conducted)\s+(?:[\w-]+\s+){0,3}?on\s+(?:the\s+)?"
)
# the words an `EVALUATED` match starts at, every form of its `\w*` stems
EVALUATED_WORDS = WordSet(
    """
    experiment experiments test tested tests testing result results benchmarked benchmarking trained fine
    performance accuracy evaluate evaluates evaluated evaluating evaluation evaluations evaluator evaluators
    evaluative outperform outperforms outperformed outperforming validate validates validated validating
    validation validations validator validators conducted
    """.split()
)
ANCHOR_WORDS = WordSet(NOUN_WORDS.words | EVALUATED_WORDS.words)  # one look-up for both
ON_START = re.compile(r"\s*On\s+(?:the\s+)?")
LIST_AT = re.compile(rf"(?<![\w$^{{}}-])({PHRASE})((?:(?:{GAP.pattern}){PHRASE})*)")
# a list that is followed by these is of models or machines, not data
NOT_DATA_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:models?|LLMs?|backbones?|agents?|GPUs?|devices?|encoders?|architectures?|baselines?"
    r"|variants?|tasks?|problems?|methods?|frameworks?|embeddings?|tokenizers?|checkpoints?|family|series|detectors?"
    r"|retrievers?|rerankers?|re-rankers?|classifiers?|judges?|systems?|tools?|librar(?:y|ies)|metrics?|scores?)\b"
)
LIST_CLOSED = re.compile(r"(?:\band|\bor|&|as\s+well\s+as)\s+(?:the\s+)?\S+$")
# substrings a rule matches at with no anchor word: a sentence's `On X, ...`
# (`evaluated_on`), names ending like a benchmark's (`benchmark_suffix`)
SUFFIX_MARKS = ("Bench", "QA")  # (in every name `SUFFIXED` matches)
MARKS = ("On", *SUFFIX_MARKS)
NO_ANCHORS: tuple[list[Noun], list[int]] = ([], [])
ON_START_END = re.compile(r"\s*(?:,|(?:we|our|it|with|using|under|across)\b)")

# names ending like a benchmark's: `KalshiBench`, `TAU2-Bench`, `HotpotQA`, `OTT-QA`
SUFFIXED = re.compile(
    r"(?<![\w-])((?:[A-Za-z0-9]+-)*(?:[A-Za-z0-9]{2,}-?Bench|[A-Za-z0-9]*[a-z]QA|[A-Z0-9]{2,}-QA)(?:-[A-Za-z0-9]+)?)(?![\w-])"
)

# a known dataset written with its version or split: `-100k`, ` V2.1`, ` 2018`, `-Latest-Small`
VERSION_AFTER = re.compile(
    r"(?:\s+(?:[vV]\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*|(?:19|20)\d\d)|-(?:\d+(?:\.\d+)?[kKmMbB]?|[vV]\d+(?:\.\d+)*"
    r"|[A-Z][\w]*(?:-[A-Z][\w]*)*|[a-z]))(?![\w-])"
)
PREFIX_BEFORE = re.compile(r"(?<![\w-])[A-Z]{1,3}-$")  # `M-BEIR`

# capitalised words that begin sentences or describe data; never a dataset's name alone
GENERIC = frozenset(
    """
    Public Real Real-world Real-World Industrial Large Large-scale Large-Scale Three Two Four Five Six Several
    Multiple Benchmark Benchmarks Dataset Datasets Corpus Extensive Various Diverse Different Standard Popular New
    Novel Our Both All Other Synthetic Open Offline Online Chinese English Multilingual Text Image Video
    Recommendation Retrieval E-commerce Experiments Existing Classic Classical Commonly Widely Challenging These
    Those Such Evaluation Evaluations Experimental Comprehensive Additionally Moreover Furthermore However On In
    Across Using With For From To Of And Or At By As An A The We This That It Its Their Both Each Results
    Extensive Empirical Empirically Further Finally Specifically Overall Then Also Here Unlike Compared When
    While Where Since Notably Importantly Besides Through Within Over Under Based Existing Several Many Most
    Some Any Previous Prior Recent Current Medical Clinical Legal Financial Scientific Biomedical Mathematical
    Math Code Reasoning Question Answering QA Human Humans Nine Seven Eight Ten Single Held-out In-domain
    Out-of-domain Cross-domain Downstream Standardized Curated Annotated Labeled Unlabeled Simulated Internal
    Proprietary Private Academic Small Small-scale Long Short Long-context Web Sparse Dense Seven Twelve Full
    """.split()
)
# a name's last word that says what it is about, not what it is called (`Question Answering benchmark`)
TOPIC_ENDS = frozenset(
    "recommendation retrieval prediction search ranking classification detection generation answering "
    "linking recognition extraction completion summarization translation estimation matching reasoning "
    "understanding learning evaluation tasks task data modeling modelling analysis qa".split()
)
# acronyms of problems, not of data: `an OCR benchmark`, `ASR corpora`
TASK_ACRONYMS = frozenset("OCR ASR TTS MT NMT NLI NLU NLG NER VQA QA KBQA ODQA RE RL IR CTR POS SLU SER KWS".split())
MODEL_SIZE = re.compile(r"\d+(?:\.\d+)?[BbMm]\b")  # `Qwen2.5-7B`: a model, not data
OTHER_KINDS = frozenset({"method", "task", "metric"})
DATASET = get_string_id("dataset")
OTHER_LABELS = frozenset(map(get_string_id, OTHER_KINDS))


@dataclass
class Context:
    """One sentence of a doc and what the other components found in the doc."""

    doc: Doc
    sent: Sent
    in_title: bool
    datasets: set[str]  # names of the doc's dataset spans
    others: set[str]  # names of the doc's method/task/metric spans and the words they cover
    known_kind: Callable[[str], str | None]
    full_text: str
    index: int  # of the sentence in the doc
    named: set[int]  # the sentences (by index) with a dataset's name in them
    nouns: list[Noun] = field(default_factory=list)  # the dataset nouns in the sentence
    cues: list[int] = field(default_factory=list)  # where the names after an evaluation cue start


class Noun(NamedTuple):
    """A dataset noun (`datasets`, `test set`), its characters in the sentence."""

    start: int
    end: int
    word: str


Candidate = tuple[str, int, int]  # text as written, start and end character in the doc
Rule = Callable[[Context], Iterator[Candidate]]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


def _items(text: str, at: int) -> Iterator[tuple[str, int, int]]:
    """The names of a list starting at `text[at:]`: `A, B (about B), and C`."""
    while True:
        item = ITEM.match(text, at)
        if item is None:
            return
        yield item.group(1), item.start(1), item.end(1)
        at = item.end()
        parens = PARENS.match(text, at)
        if parens is not None:
            at = parens.end()
        gap = GAP.match(text, at)
        if gap is None:
            return
        at = gap.end()


def _mixed(ctx: Context, items: list[tuple[str, int, int]]) -> bool:
    """A list with a method, task or metric in it (`MAGE, RoBERTa, RADAR`) is not of data."""
    return any(name in ctx.others or ctx.known_kind(name) in OTHER_KINDS for name, _, _ in items)


def named_before_noun(ctx: Context) -> Iterator[Candidate]:
    """`the Coffee Chain Sales dataset`, `the public DOCILE dataset`, `three STaRK benchmarks`."""
    text, base = ctx.sent.text, ctx.sent.start_char
    for noun in ctx.nouns:
        start = _name_window(text, noun.start, NAME_PIECES, max(0, noun.start - NOUN_LOOKBACK))
        match = NAME_BEFORE_NOUN.search(text, start, noun.start)
        if match is None:
            continue
        words = match.group(1).split()
        # drop the describing words before the name: `Public Coffee Chain Sales`
        while words and (words[0] in GENERIC or words[0] in NOT_NAMES):
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        at = match.end(1) - len(name)
        plural = noun.word.endswith(("s", "corpora"))
        if _modifier(words[-1]):
            continue  # `SSH-heavy benchmarks`, `an AI-ready dataset`: a kind of data
        if plural and not (len(words) == 1 and is_coined(name) and not _defined(ctx.full_text, name)):
            continue  # `Amazon review datasets`, `nine PDE benchmarks`: a kind of data
        if at == 0 and len(words) == 1 and not is_coined(name):
            continue  # `Wikipedia datasets ...` at a sentence's start is as often a description
        yield name, base + at, base + match.end(1)


def _name_window(text: str, end: int, pieces: int, low: int) -> int:
    """Where a search for a name of at most `pieces` blank-separated pieces that ends right
    before the blanks at `end` may start: the name begins after the `pieces`-th run of
    blanks before those, so the window starts at that run (or at `low`). Runs are found by
    their spaces; a run with none only widens the window."""
    at = end
    while at > low and text[at - 1].isspace():
        at -= 1  # the blanks right before `end`
    for _ in range(pieces):
        space = text.rfind(" ", low, at)
        if space < 0:
            return low
        at = space
        while at > low and text[at - 1].isspace():
            at -= 1
    return at


def _defined(text: str, acronym: str) -> bool:
    """`partial differential equations (PDEs)`: the paper spells the acronym out, so
    `PDE benchmarks` are of a problem, not one benchmark."""
    return f"({acronym})" in text or f"({acronym}s)" in text


def _concept(text: str, acronym: str) -> bool:
    """`out-of-catalogue (OOC)`: an acronym the paper defines by lower-case words names
    a concept, and `the OOC benchmark` is a benchmark of it."""
    at = text.find(f"({acronym})")
    if at < 0:
        return False
    before = text[max(0, at - 40) : at].split()
    return bool(before) and before[-1].islower()


def _modifier(word: str) -> bool:
    """`SSH-heavy`, `LLM-generated`: a word that describes, ending in a lower-case word."""
    last = word.rsplit("-", 1)[-1]
    return "-" in word and last.isalpha() and last.islower() and len(last) > 2


def listed_after_noun(ctx: Context) -> Iterator[Candidate]:
    """`benchmarks, including Sintel, KITTI, and Spring`, `datasets (Immune and Lung)`,
    `three datasets: CEX (...), EXCITE (...), and LinkedBooks`, `two datasets, Bird and OTT-QA`."""
    text, base = ctx.sent.text, ctx.sent.start_char
    for noun in ctx.nouns:
        intro = INTRO.match(text, noun.end)
        items: list[tuple[str, int, int]]
        if intro is not None and intro.group().strip() not in ("", ","):
            items = list(_items(text, intro.end()))
        else:
            bare = BARE_COMMA.match(text, noun.end)
            if bare is None:
                continue
            counted = COUNTED.search(text, max(0, noun.start - 60), noun.start)
            if counted is None:
                continue
            items = list(_items(text, bare.end()))
            if len(items) != _count(counted.group(1)):
                continue
        if _mixed(ctx, items):
            continue
        for name, start, end in items:
            yield name, base + start, base + end


def evaluated_on(ctx: Context) -> Iterator[Candidate]:
    """`Experiments on LoCoMo and LongMemEval-s show`, `On ALFWorld, ...`, `On Wikidata we
    reach ...`: the coined names a paper evaluates on. A list followed by `models`,
    `GPUs`, `tasks` is of something else."""
    text, base = ctx.sent.text, ctx.sent.start_char
    lists = []
    for cue in ctx.cues:
        listed = LIST_AT.match(text, cue)
        if listed is not None and not NOT_DATA_AFTER.match(text, listed.end()):
            lists.append([item for item in _items(text, cue) if item[2] <= listed.end()])
    if (at_start := ON_START.match(text)) is not None:
        # `On A and B, ...`: the list ends where the clause goes on
        items = []
        for item in _items(text, at_start.end()):
            items.append(item)
            if ON_START_END.match(text, item[2]):
                if not NOT_DATA_AFTER.match(text, item[2]):
                    lists.append(items)
                break
    for items in lists:
        if _mixed(ctx, items):
            continue
        for name, start, end in items:
            if is_coined(name.split()[0]) or ctx.known_kind(name) == "dataset":
                yield name, base + start, base + end


def benchmark_suffix(ctx: Context) -> Iterator[Candidate]:
    """`KalshiBench`, `AskChem-Bench`, `HotpotQA`, `OTT-QA`: named as benchmarks are."""
    text, base = ctx.sent.text, ctx.sent.start_char
    # A match is a whole run of letters, digits and hyphens with `Bench` or `QA` in it:
    # only the space-separated pieces with one are read.
    pieces = sorted({text.rfind(" ", 0, at) + 1 for mark in SUFFIX_MARKS for at in _occurrences(text, mark)})
    for start in pieces:
        end = text.find(" ", start)
        for match in SUFFIXED.finditer(text, start, len(text) if end < 0 else end):
            yield match.group(1), base + match.start(1), base + match.end(1)


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Where `part` occurs in `text`."""
    if part[0] not in text:
        return  # (a test for one character is a `memchr`, several times cheaper than `find`)
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def listed_with_known(ctx: Context) -> Iterator[Candidate]:
    """`GSM8K, SVAMP, and ARC-Challenge`: in a list with a dataset, a name is one too."""
    text, base = ctx.sent.text, ctx.sent.start_char
    if ctx.index not in ctx.named or not any(name in text for name in ctx.datasets):
        return  # (a scan for lists costs more than these tests)
    for listed in LIST_AT.finditer(text):
        if listed.group(2) == "" or NOT_DATA_AFTER.match(text, listed.end()):
            continue
        items = [(n, s, e) for n, s, e in _items(text, listed.start()) if e <= listed.end()]
        if not any(n in ctx.datasets for n, _, _ in items) or not LIST_CLOSED.search(listed.group(2)):
            continue  # `A, B and C`: a list only where a conjunction closes it
        if _mixed(ctx, items):
            continue
        for name, start, end in items:
            yield name, base + start, base + end


RULES: tuple[Rule, ...] = (named_before_noun, listed_after_noun, evaluated_on, benchmark_suffix, listed_with_known)


def anchored(sents: Sentences) -> dict[int, tuple[list[Noun], list[int]]]:
    """The sentences (by index) a rule may match in, with their dataset nouns and the
    ends of their evaluation cues. `NOUN_AT` and `EVALUATED` are tried only at their
    anchor words (`Sentences.tokens_in`), each within its sentence (`endpos`: a sentence
    starts after a stop or newline, so look-behinds see the same as in its text alone);
    `MARKS` are found by `str.find`. No regex scans a sentence that has none of them."""
    text, starts, ends = sents.text, sents.starts, sents.ends
    found: dict[int, tuple[list[Noun], list[int]]] = {}
    noun_end = cue_end = 0  # matches do not overlap, as `finditer`'s
    i = 0
    for _, at in sents.tokens_in(ANCHOR_WORDS):
        while ends[i] <= at:
            i += 1  # (anchors come in order: walk the sentences rather than bisect for each)
        if at >= noun_end and text[at] in NOUN_FIRST and (noun := NOUN_AT.match(text, at, ends[i])):
            found.setdefault(i, ([], []))[0].append(Noun(at - starts[i], noun.end() - starts[i], noun.group()))
            noun_end = noun.end()
        if at >= cue_end and (cue := EVALUATED.match(text, at, ends[i])):
            found.setdefault(i, ([], []))[1].append(cue.end() - starts[i])
            cue_end = cue.end()
    for mark in MARKS:
        for at in _occurrences(text, mark):
            i = sents.index(at)
            if mark != "On" or ON_START.match(text, starts[i], ends[i]):
                found.setdefault(i, ([], []))
    return found


def sentences_with(sents: Sentences, name: str, start: int = 0) -> Iterator[int]:
    """The sentences (by index) where `name` occurs from character `start` on."""
    at = sents.text.find(name, start) if name else -1
    while at >= 0:
        yield sents.index(at)
        at = sents.text.find(name, at + 1)


def accept(ctx: Context, name: str) -> bool:
    """A candidate that looks like a name and is not known as a method, task or metric."""
    words = name.split()
    if len(words) > MAX_WORDS or name in GENERIC or name in NOT_NAMES or words[0] in GENERIC:
        return False
    if words[-1].lower() in TOPIC_ENDS or name in ctx.others or name in TASK_ACRONYMS or MODEL_SIZE.search(name):
        return False
    if _concept(ctx.full_text, name):
        return False
    if ctx.in_title and not any(is_coined(w) for w in words):
        return False  # a title writes every word in capitals
    return ctx.known_kind(name) not in OTHER_KINDS


class KindIndex:
    """The kind a spelling has in the lexicons, guarded spellings included (a name the
    lexicon keeps only with a cue is still not a coinage)."""

    def __init__(self, directory: str | None) -> None:
        self.known = KnownNames(load_lexicons(directory))
        self.kinds: dict[str, str] = {}
        for entry in load_lexicons(directory):
            for spelling in entry.spellings:
                self.kinds.setdefault(spelling.casefold(), entry.kind)

    def __call__(self, name: str) -> str | None:
        entry = self.known.get(name)
        if entry is not None:
            return entry.kind
        return self.kinds.get(name.casefold())


@Language.factory("kg_datasets", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_dataset_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> DatasetRuler:
    return DatasetRuler(nlp, name, spans_key=spans_key, directory=directory)


class DatasetRuler:
    def __init__(
        self, nlp: Language, name: str = "kg_datasets", *, spans_key: str = SPANS_KEY, directory: str | None = None
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.kinds = KindIndex(directory)

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_spans(doc, self.spans_key)
        sents = sentences(doc)
        kept: list[Span] = []
        changed = False
        datasets: set[str] = set()  # names of the doc's dataset spans
        others: set[str] = set()
        for span in spans:
            label = span.label  # (the hash: `label_` looks the string up every time)
            if label == DATASET:
                if (wider := versioned(doc, sents.text, span)) is not None:
                    span, changed = wider, True
                name = span.kb_id_
                if not_a_name(name):
                    changed = True  # what the other rules read as a dataset but names a problem or a kind of data
                    continue
                datasets.add(name)
            elif label in OTHER_LABELS:
                others.add(span.kb_id_)
            kept.append(span)
        others -= datasets
        anchors = anchored(sents)
        # the sentences to read, in order: those with an anchor, and (for `listed_with_known`)
        # those with a dataset's name, including a name found on the way
        named = {i for name in datasets for i in sentences_with(sents, name)}
        todo = [*anchors, *named]
        heapify(todo)
        tend = title_end(doc)
        added: dict[str, Span] = {}
        last = -1
        while todo:
            i = heappop(todo)
            if i == last:
                continue
            last = i
            sent = sents.at(sents.starts[i])
            nouns, cues = anchors.get(i, NO_ANCHORS)
            ctx = Context(
                doc, sent, sent.start_char < tend, datasets, others, self.kinds, sents.text, i, named, nouns, cues
            )
            for rule in RULES:
                for name, start, end in rule(ctx):
                    if name in added or name in datasets or not accept(ctx, name):
                        continue
                    where = doc.char_span(start, end, alignment_mode="expand")
                    if where is not None:
                        added[name] = Span(doc, where.start, where.end, label="dataset", kb_id=name, span_id=name)
                        datasets.add(name)
                        for j in sentences_with(sents, name, sent.start_char):
                            if j not in named:
                                named.add(j)
                                if j > i:
                                    heappush(todo, j)
        if added or changed:
            set_doc_spans(doc, self.spans_key, kept + list(added.values()))
        return doc


def not_a_name(name: str) -> bool:
    """`OCR` (a problem), `SSH-heavy` (a description): never a dataset's name."""
    return name in TASK_ACRONYMS or _modifier(name)


def versioned(doc: Doc, text: str, span: Span) -> Span | None:
    """A lexicon dataset written with a version or split is named as written:
    `MS MARCO V2.1`, `Gowalla-100k`, `ISIC 2018`, `TREC Deep Learning 2019`, `M-BEIR`.
    The wider span, or None where the name is written alone."""
    start, end = span.start_char, span.end_char
    after = VERSION_AFTER.match(text, end)
    before = PREFIX_BEFORE.search(text, max(0, start - 4), start)
    if after is None and before is None:
        return None
    start = before.start() if before is not None else start
    end = after.end() if after is not None else end
    wider = doc.char_span(start, end, alignment_mode="expand")
    if wider is None:
        return None
    name = text[start:end]
    return Span(doc, wider.start, wider.end, label="dataset", kb_id=name, span_id=span.id_ or span.kb_id_)
