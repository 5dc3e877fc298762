"""Benchmark entity extraction alone, on one core, over the bulk abstracts.

    .venv/bin/python bench/bench_extract.py [--limit N] [--bulk DIR] [--batch-size N] [--repeat N] [--reference]

Reads title + abstract of every JSON line in `../shared/corpus/bulk/*.jsonl`, builds
`Paper` records (not timed), then times `EntityExtractor.pipe` over them with
n_process=1. Prints abstracts/second (wall clock, and by the process's own CPU time,
which other work on the machine disturbs less; with --repeat, the best of N runs),
the load average, mentions found and peak memory (ru_maxrss). `--reference` also times
spaCy's stock `spacy.blank("en")` over the same texts, tokenizer only and with a
PhraseMatcher of the lexicon names: what "fast" means on the machine at hand.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.entities import EntityExtractor  # noqa: E402
from kg.model import Paper  # noqa: E402

DEFAULT_BULK = ROOT.parent / "shared" / "corpus" / "bulk"


def load_papers(bulk: Path, limit: int | None) -> list[Paper]:
    papers = []
    for path in sorted(glob.glob(str(bulk / "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                papers.append(
                    Paper(
                        source=os.path.basename(path),
                        family="bulk",
                        arxiv_id=record.get("arxiv_id"),
                        title=record.get("title"),
                        abstract=record.get("abstract"),
                    )
                )
                if limit and len(papers) >= limit:
                    return papers
    return papers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=1, help="time N runs, report the best")
    parser.add_argument("--reference", action="store_true", help="also time spaCy's stock blank English pipeline")
    args = parser.parse_args()

    papers = load_papers(args.bulk, args.limit)
    if not papers:
        sys.exit(f"{args.bulk}: no *.jsonl abstracts found - pass --bulk DIR")
    extractor = EntityExtractor()
    list(extractor.pipe(papers[:200]))  # warm up (string store, caches)

    load_before = os.getloadavg()[0]
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        cpu_start = time.process_time()
        mentions = 0
        for found in extractor.pipe(papers, batch_size=args.batch_size, n_process=1):
            mentions += len(found)
        runs.append((time.perf_counter() - start, time.process_time() - cpu_start))
    # the best run: other work on the 2 cores only ever slows a run down
    elapsed = min(wall for wall, _ in runs)
    cpu = min(c for _, c in runs)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"abstracts      {len(papers)}")
    print(f"seconds        {elapsed:.2f}")
    print(
        f"abstracts/s    {len(papers) / elapsed:,.0f} (wall), {len(papers) / cpu:,.0f} (CPU time of this process)"
        f"{f', best of {args.repeat} runs' if args.repeat > 1 else ''}"
    )
    if args.repeat > 1:
        print("all runs       " + ", ".join(f"{len(papers) / c:,.0f}" for _, c in runs) + " (CPU time)")
    print(f"load average   {load_before:.2f} before, {os.getloadavg()[0]:.2f} after (other processes share the cores)")
    print(f"mentions       {mentions} ({mentions / len(papers):.1f} per abstract)")
    print(f"peak memory    {peak_mb:,.0f} MB (ru_maxrss)")
    print(
        f"machine        {platform.processor() or platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}"
    )
    if args.reference:
        for name, rate in reference_rates([paper.text for paper in papers], extractor):
            print(f"reference      {name}: {rate:,.0f} abstracts/s (CPU time)")


def reference_rates(texts: list[str], extractor: EntityExtractor):
    """spaCy's stock blank English pipeline over the same texts: its tokenizer alone,
    then with a PhraseMatcher (attr LOWER) of every lexicon name."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    list(nlp.pipe(texts[:200]))
    start = time.process_time()
    for _ in nlp.pipe(texts):
        pass
    yield 'spacy.blank("en") tokenizer', len(texts) / (time.process_time() - start)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("lexicon", list(nlp.tokenizer.pipe(sorted({entry.name for entry in extractor.entries.values()}))))
    start = time.process_time()
    for doc in nlp.pipe(texts):
        matcher(doc)
    yield 'spacy.blank("en") tokenizer + PhraseMatcher', len(texts) / (time.process_time() - start)


if __name__ == "__main__":
    main()
