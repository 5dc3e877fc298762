"""Extraction speed of two checkouts, paired: the same abstracts, alternating, in one run.

    .venv/bin/python bench/bench_extract_pair.py BASE_DIR BRANCH_DIR [--rounds N] [--size N]

Each checkout (a directory holding `extractors/` and `kg/`, e.g. from `git archive`) runs
in a worker process of its own, loaded once; the two take turns on the same slice of
`../shared/corpus/bulk` (`--size` abstracts, a new slice each round, the first one
alternating), timed by each worker's own CPU time. On a shared machine the load moves
both halves of a round alike, so the median of the per-round ratios moves less than two
separate `bench_extract.py` runs do.
"""

from __future__ import annotations

import argparse
import glob
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
WARM_UP = 300


def worker(checkout: str) -> None:
    sys.path.insert(0, checkout)
    from extractors.entities import EntityExtractor
    from kg.model import Paper

    papers = []
    for path in sorted(glob.glob(str(BULK / "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                r = json.loads(line)
                papers.append(Paper(source="bulk", family="bulk", title=r.get("title"), abstract=r.get("abstract")))
    extractor = EntityExtractor()
    list(extractor.pipe(papers[:WARM_UP]))
    print("ready", flush=True)
    for command in sys.stdin:
        start, end = map(int, command.split())
        clock = time.process_time()
        for _ in extractor.pipe(papers[start:end]):
            pass
        print(time.process_time() - clock, flush=True)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("branch", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--size", type=int, default=500)
    args = parser.parse_args()
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(path.resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for path in (args.base, args.branch)
    ]
    for w in workers:
        assert w.stdin is not None and w.stdout is not None
        if w.stdout.readline().strip() != "ready":
            sys.exit("a worker did not start")
    ratios = []
    for k in range(args.rounds):
        start = 2 * WARM_UP + k * args.size
        seconds = [0.0, 0.0]
        for i in (0, 1) if k % 2 == 0 else (1, 0):
            stdin, stdout = workers[i].stdin, workers[i].stdout
            assert stdin is not None and stdout is not None
            stdin.write(f"{start} {start + args.size}\n")
            stdin.flush()
            seconds[i] = float(stdout.readline())
        ratios.append(seconds[0] / seconds[1])
        print(
            f"round {k}: base {args.size / seconds[0]:.0f}/s, branch {args.size / seconds[1]:.0f}/s, "
            f"branch/base {ratios[-1]:.3f}",
            flush=True,
        )
    print(f"median branch/base speed {statistics.median(ratios):.3f} over {args.rounds} rounds")
    for w in workers:
        assert w.stdin is not None
        w.stdin.close()
        w.wait()


if __name__ == "__main__":
    main()
