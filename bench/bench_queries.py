"""Time every ready query of cypher/ on a store, with its example parameters.

    .venv/bin/python bench/bench_queries.py [--store URL] [--repeat 3]

Prints, per query, the best of `--repeat` runs in milliseconds and the rows returned,
one line each, then the slowest."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.queries import list_queries  # noqa: E402
from kg.store import open_store  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", default=str(ROOT / "bench" / "out" / "bench.lbug"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    timings = []
    with open_store(args.store, read_only=True) as store:
        papers = store.query("MATCH (p:Paper) RETURN count(p) AS n").rows[0][0]
        print(f"store: {args.store} ({papers:,} papers)")
        for query in list_queries():
            best, rows = float("inf"), 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                rows = len(store.query(query.cypher, query.example_params()).rows)
                best = min(best, time.perf_counter() - started)
            timings.append((best, query.name))
            print(f"{query.name:28s} {best * 1000:9.1f} ms  {rows:6d} rows", flush=True)
    slowest = max(timings)
    print(f"slowest: {slowest[1]} {slowest[0] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
