"""Datasets named by context, in `kg_names`: `on A, B and C test datasets`,
`the X benchmark`, `benchmark X`, `a dataset collected from X`."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.entities.name_context import AddSpan, NameContext, in_lower_case, spells_task
from extractors.entities.text import NOT_NAMES, WordSet, is_coined, sentences

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


def named_datasets(doc: Doc, ctx: NameContext, add: AddSpan) -> None:
    """Each sentence with a dataset word, read by the dataset patterns."""
    sents = sentences(doc)
    for i in sorted({sents.index(pos) for _, pos in sents.tokens_in(DATASET_TOKENS)}):
        sentence = sents.at(sents.starts[i])
        _datasets_in(sentence.text, sentence.start_char, ctx, add)


def _datasets_in(text: str, base: int, ctx: NameContext, add: AddSpan) -> None:
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
                long_words = ctx.long_form(raw)
                if spells_task(long_words) or in_lower_case(long_words):
                    continue  # `benchmark SR datasets`: SR is the task
                known = ctx.known.get(raw)
                if known is not None and known.kind not in ("dataset", "company"):
                    continue
                name = known.name if known is not None and known.kind == "dataset" else raw
                add("dataset", name, start + part.start(), start + part.end())
