"""What one pipeline component costs: the pipeline with and without it, same run.

    .venv/bin/python bench/bench_step.py kg_datasets [--limit 3000] [--repeat 3] [--reference]

Builds the extraction pipeline twice (one copy with `nlp.remove_pipe(STEP)`), then
times both over the same bulk abstracts, interleaved (with, without, with, ...), by
the process's CPU time, and prints the best of `--repeat` runs of each and the step's
share of the whole pipeline's CPU. On a shared machine only such a side-by-side
figure means anything. The step's own calls are timed too (CPU time inside it, over
the whole pipeline's): a direct share that the load on the machine disturbs less than the
difference of two runs. `--reference` also times spaCy's stock `blank("en")` tokenizer.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import DEFAULT_BULK, load_papers  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from extractors.entities import EntityExtractor, _rare_collections  # noqa: E402


class Timed:
    """A pipeline component that adds the CPU time of its calls to `seconds`."""

    def __init__(self, component: Callable[[Doc], Doc]) -> None:
        self.component = component
        self.seconds = 0.0

    def __call__(self, doc: Doc) -> Doc:
        start = time.process_time()
        doc = self.component(doc)
        self.seconds += time.process_time() - start
        return doc


def cpu_seconds(nlp: Language, texts: list[str]) -> float:
    start = time.process_time()
    with _rare_collections():
        for _ in nlp.pipe(texts, batch_size=256):
            pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", help="a pipeline component, e.g. kg_datasets")
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reference", action="store_true", help="also time spaCy's stock blank English tokenizer")
    args = parser.parse_args()

    texts = [paper.text for paper in load_papers(args.bulk, args.limit)]
    with_step = EntityExtractor().nlp
    without = EntityExtractor().nlp
    if args.step not in without.pipe_names:
        sys.exit(f"{args.step}: not a pipeline component - one of {', '.join(without.pipe_names)}")
    without.remove_pipe(args.step)
    # (spaCy has no public way to wrap a component in place; this is a benchmark)
    at = with_step.pipe_names.index(args.step)
    timed = Timed(with_step.pipeline[at][1])
    with_step._components[at] = (args.step, timed)
    pipelines = {"with": with_step, "without": without}
    if args.reference:
        import spacy

        pipelines["blank"] = spacy.blank("en")
    for nlp in pipelines.values():
        list(nlp.pipe(texts[:200]))  # warm up (string store, caches)

    load_before = os.getloadavg()[0]
    runs: dict[str, list[float]] = {name: [] for name in pipelines}
    inside: list[float] = []
    for _ in range(args.repeat):
        for name, nlp in pipelines.items():
            timed.seconds = 0.0
            runs[name].append(cpu_seconds(nlp, texts))
            if name == "with":
                inside.append(timed.seconds / runs[name][-1])
    best = {name: min(times) for name, times in runs.items()}
    print(f"abstracts      {len(texts)}, load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    labels = {"with": f"with {args.step}", "without": f"without {args.step}", "blank": 'spacy.blank("en") tokenizer'}
    for name, times in runs.items():
        print(
            f"{labels[name]:<30} best {best[name]:.2f} s CPU, {len(texts) / best[name]:,.0f}/s"
            f"  (runs {', '.join(f'{t:.2f}' for t in times)})"
        )
    share = (best["with"] - best["without"]) / best["with"]
    print(f"{args.step} share of the pipeline's CPU: {share:.1%} (+{best['with'] / best['without'] - 1:.1%})")
    print(
        f"{args.step} timed inside the pipeline: {sorted(inside)[len(inside) // 2]:.1%} of its CPU (median; runs"
        f" {', '.join(f'{x:.1%}' for x in inside)})"
    )


if __name__ == "__main__":
    main()
