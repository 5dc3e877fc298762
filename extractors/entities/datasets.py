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
`Gowalla-100k`, `ISIC 2018`, `M-BEIR`), is named as written (`versioned_names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import KnownNames, load_lexicons
from extractors.entities.rulers import SPANS_KEY, doc_spans, set_doc_spans, title_end
from extractors.entities.text import NOT_NAMES, Sent, is_coined, sentences

# A word of a name: it starts with a capital (`Sintel`, `JUÁ`, `Gowalla-100k`) or has one
# after a lower-case or digit prefix (`nuScenes`, `e-Commerce`, `2WikiMultiHopQA`).
WORD = r"(?:[A-Z]|[a-z0-9]+(?=[\w-]*[A-Z]))[\w]*(?:[-.'][\w]+)*"
# a version, year or size written after a name: `MultiVENT 2.0`, `ISIC 2018`, `MS MARCO V2.1`
VERSION = r"(?:\s+(?:[vV]\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*|(?:19|20)\d\d))"
PHRASE = rf"{WORD}(?:\s+{WORD}){{0,3}}{VERSION}?"
MAX_WORDS = 5  # `TREC Deep Learning 2019`

NOUNS = r"(?:datasets?|benchmarks?|corpus|corpora|test\s+sets?|testbeds?)"
NAME_BEFORE_NOUN = re.compile(rf"(?<![\w-])({PHRASE})\s+$")
NOUN_LOOKBACK = 80  # characters before a dataset noun where its name may start
# a word one rule or another needs (a list of datasets comes with a dataset noun or an
# evaluation cue, so `listed_with_known` needs one too)
SENTENCE_HINT = re.compile(
    r"data|bench|Bench|corp|test|QA|On |xperiment|valuat|result|train|tuned|perform|accura|utperform|validat|conduct"
)
NOUN_HINT = re.compile(r"data|bench|corp|test\s+set|testbed")  # cheaper than NOUN_AT on most sentences
NOUN_AT = re.compile(rf"(?=[dbct]){NOUNS}\b")

# what introduces a list of datasets after the noun: `datasets: A, B`, `datasets (A, B)`,
# `benchmarks, including A`, `datasets such as A`, `datasets, i.e., A`
INTRO = re.compile(
    r"(?:\s*,)?\s*(?:(?:including|such\s+as|like|namely|e\.g\.,?|i\.e\.,?|viz\.,?)\s+|:\s*|\(\s*(?:e\.g\.,?\s*|i\.e\.,?\s*)?)"
)
# `two datasets, A and B`: a bare comma only where the count is written and met
COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:[\w-]+\s+){0,4}$", re.I)
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
ON_START = re.compile(r"\s*On\s+(?:the\s+)?")
LIST_AT = re.compile(rf"(?<![\w$^{{}}-])({PHRASE})((?:(?:{GAP.pattern}){PHRASE})*)")
# a list that is followed by these is of models or machines, not data
NOT_DATA_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:models?|LLMs?|backbones?|agents?|GPUs?|devices?|encoders?|architectures?|baselines?"
    r"|variants?|tasks?|problems?|methods?|frameworks?|embeddings?|tokenizers?|checkpoints?|family|series|detectors?"
    r"|retrievers?|rerankers?|re-rankers?|classifiers?|judges?|systems?|tools?|librar(?:y|ies)|metrics?|scores?)\b"
)
LIST_CLOSED = re.compile(r"(?:\band|\bor|&|as\s+well\s+as)\s+(?:the\s+)?\S+$")
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
    found: list[tuple[str, int, int]] = field(default_factory=list)


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
    if not NOUN_HINT.search(text):
        return
    for noun in NOUN_AT.finditer(text):
        start = max(0, noun.start() - NOUN_LOOKBACK)
        match = NAME_BEFORE_NOUN.search(text, start, noun.start())
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
        plural = noun.group().endswith(("s", "corpora"))
        if _modifier(words[-1]):
            continue  # `SSH-heavy benchmarks`, `an AI-ready dataset`: a kind of data
        if plural and not (len(words) == 1 and is_coined(name) and not _defined(ctx.full_text, name)):
            continue  # `Amazon review datasets`, `nine PDE benchmarks`: a kind of data
        if at == 0 and len(words) == 1 and not is_coined(name):
            continue  # `Wikipedia datasets ...` at a sentence's start is as often a description
        yield name, base + at, base + match.end(1)


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
    if not NOUN_HINT.search(text):
        return
    for noun in NOUN_AT.finditer(text):
        intro = INTRO.match(text, noun.end())
        items: list[tuple[str, int, int]]
        if intro is not None and intro.group().strip() not in ("", ","):
            items = list(_items(text, intro.end()))
        else:
            bare = re.match(r"\s*,\s*", text[noun.end() :])
            counted = COUNTED.search(text, max(0, noun.start() - 60), noun.start())
            if bare is None or counted is None:
                continue
            items = list(_items(text, noun.end() + bare.end()))
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
    if "on " not in text and "On " not in text:
        return
    lists = []
    for cue in EVALUATED.finditer(text):
        listed = LIST_AT.match(text, cue.end())
        if listed is not None and not NOT_DATA_AFTER.match(text, listed.end()):
            lists.append([item for item in _items(text, cue.end()) if item[2] <= listed.end()])
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
    if "Bench" not in text and "QA" not in text:
        return
    for match in SUFFIXED.finditer(text):
        yield match.group(1), base + match.start(1), base + match.end(1)


def listed_with_known(ctx: Context) -> Iterator[Candidate]:
    """`GSM8K, SVAMP, and ARC-Challenge`: in a list with a dataset, a name is one too."""
    text, base = ctx.sent.text, ctx.sent.start_char
    if not any(name in text for name in ctx.datasets):
        return  # (a scan for lists costs more than this test)
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


RULES: tuple[Rule, ...] = (named_before_noun, listed_after_noun, evaluated_on, benchmark_suffix)


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
        spans, renamed = versioned_names(doc, spans)
        # what the other rules read as a dataset but names a problem or a kind of data
        kept = [s for s in spans if not (s.label_ == "dataset" and not_a_name(s.kb_id_))]
        renamed = renamed or len(kept) < len(spans)
        spans = kept
        datasets = {s.kb_id_ for s in spans if s.label_ == "dataset"}
        others = {s.kb_id_ for s in spans if s.label_ in OTHER_KINDS} - datasets
        tend = title_end(doc)
        added: dict[str, Span] = {}
        sents = sentences(doc)
        text = sents.text
        for sent in sents:
            if not SENTENCE_HINT.search(sent.text) and not any(name in sent.text for name in datasets):
                continue  # no rule can match: most sentences
            ctx = Context(doc, sent, sent.start_char < tend, datasets, others, self.kinds, text)
            for rules in (RULES, (listed_with_known,)):
                for rule in rules:
                    for name, start, end in rule(ctx):
                        if name in added or name in datasets or not accept(ctx, name):
                            continue
                        span = doc.char_span(start, end, alignment_mode="expand")
                        if span is not None:
                            added[name] = Span(doc, span.start, span.end, label="dataset", kb_id=name, span_id=name)
                            datasets.add(name)
        if added or renamed:
            set_doc_spans(doc, self.spans_key, spans + list(added.values()))
        return doc


def not_a_name(name: str) -> bool:
    """`OCR` (a problem), `SSH-heavy` (a description): never a dataset's name."""
    return name in TASK_ACRONYMS or _modifier(name)


def versioned_names(doc: Doc, spans: list[Span]) -> tuple[list[Span], bool]:
    """A lexicon dataset written with a version or split is named as written:
    `MS MARCO V2.1`, `Gowalla-100k`, `ISIC 2018`, `TREC Deep Learning 2019`, `M-BEIR`."""
    text = doc.text if "kg.text" not in doc.user_data else doc.user_data["kg.text"]
    out: list[Span] = []
    renamed = False
    for span in spans:
        if span.label_ != "dataset":
            out.append(span)
            continue
        start, end = span.start_char, span.end_char
        after = VERSION_AFTER.match(text, end)
        before = PREFIX_BEFORE.search(text, max(0, start - 4), start)
        if after is None and before is None:
            out.append(span)
            continue
        start = before.start() if before is not None else start
        end = after.end() if after is not None else end
        wider = doc.char_span(start, end, alignment_mode="expand")
        if wider is None:
            out.append(span)
            continue
        name = text[start:end]
        out.append(Span(doc, wider.start, wider.end, label="dataset", kb_id=name, span_id=span.id_ or span.kb_id_))
        renamed = True
    return out, renamed
