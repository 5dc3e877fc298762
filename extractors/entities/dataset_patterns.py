"""The vocabulary and patterns of `kg_datasets` (datasets.py): what a dataset's name, its
nouns, the lists it is named in and the words that describe data look like."""

from __future__ import annotations

import re

from spacy.strings import get_string_id

from extractors.entities.text import GREEK_HEAD, NOT_NAME_SUFFIXES, WordSet

# A word of a name: it starts with a capital (`Sintel`, `JUÁ`, `Gowalla-100k`) or a Greek
# letter and a hyphen (`τ²-bench`), or has one
# after a lower-case or digit prefix (`nuScenes`, `e-Commerce`, `2WikiMultiHopQA`). The
# prefix is possessive (`++`): the capital lies past it however much of it is taken, and
# giving back one letter at a time made each try at a lower-case word cost its length
# squared (the same matches; the list and name patterns run 2-3x faster).
WORD = rf"(?:[A-Z]|{GREEK_HEAD.pattern}-|[a-z0-9]++(?=[\w-]*[A-Z]))[\w]*(?:[-.'][\w]+)*"
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

# `experiments on A and B`, `evaluated on the X benchmark`, a sentence's `On X, ...`; the
# cue word also as a sentence starts it (`Experiments on A and B show`)
EVALUATED = re.compile(
    r"(?=[eEtTrRbBpPaAvVfFcCoO])\b(?i:experiments?|evaluat\w*|test(?:ed|s|ing)?|results?|benchmark(?:ed|ing)|trained"
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
ON_START = re.compile(r"\s*(?:On|Across)\s+(?:the\s+)?")  # `On A and B, ...`, `Across A, B, and C, ...`
LIST_AT = re.compile(rf"(?<![\w$^{{}}-])({PHRASE})((?:(?:{GAP.pattern}){PHRASE})*)")
# a list that is followed by these is of models or machines, not data
NOT_DATA_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:models?|LLMs?|backbones?|agents?|GPUs?|devices?|encoders?|architectures?|baselines?"
    r"|variants?|tasks?|problems?|methods?|frameworks?|embeddings?|tokenizers?|checkpoints?|family|series|detectors?"
    r"|retrievers?|rerankers?|re-rankers?|classifiers?|judges?|systems?|tools?|librar(?:y|ies)|metrics?|scores?)\b"
)
# a model's name, not data's: a version glued to letters (`Wan2.1`, `FLUX.1-dev`) or a size
# after a hyphen (`SD3.5-Medium`, `LLaDA2.1-Mini`); known datasets so written (`SQuAD2.0`)
# come from the lexicon
MODEL_SHAPE = re.compile(r"[A-Za-z]{2}\d*\.\d|-(?:[Mm]ini|[Mm]edium|[Ll]arge|[Ss]mall|[Bb]ase|[Dd]ev|[Ii]nstruct)\b")
# the last word of `SSH-heavy`, `HarmBench-style`, `PK-only`: a description, not a name
DESCRIBING_ENDS = NOT_NAME_SUFFIXES | frozenset("only heavy format derived".split())
# a gap in a list that closes it: `A, B, and C` ends at C
CLOSING_GAP = re.compile(r"\b(?:and|or)\b|&|as\s+well\s+as")
LIST_CLOSED = re.compile(r"(?:\band|\bor|&|as\s+well\s+as)\s+(?:the\s+)?\S+$")
# substrings a rule matches at with no anchor word: a sentence's `On X, ...`
# (`evaluated_on`), names ending like a benchmark's (`benchmark_suffix`)
SUFFIX_MARKS = ("Bench", "QA")  # (in every name `SUFFIXED` matches)
OPENINGS = ("On", "Across")  # (the words ON_START starts with)
MARKS = (*OPENINGS, *SUFFIX_MARKS)
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
# acronyms of a kind of data, signal or problem, not of one dataset: `three EEG datasets`,
# `PDE benchmarks`, `a desktop GUI benchmark`, `RGB datasets`, `OOD benchmark pairs`
DATA_KINDS = frozenset(
    "2D 3D CAD CT ECG EEG EHR EHRs EMG fMRI GUI HSI LiDAR MRI OOD PDE PDEs POI POIs RDF RGB RGB-D VHDL".split()
)
MODEL_SIZE = re.compile(r"\d+(?:\.\d+)?[BbMm]\b")  # `Qwen2.5-7B`: a model, not data
OTHER_KINDS = frozenset({"method", "task", "metric"})
DATASET = get_string_id("dataset")
OTHER_LABELS = frozenset(map(get_string_id, OTHER_KINDS))
