"""The write path of a store alone: batches built in memory first, then only `store.write` timed.

    .venv/bin/python bench/bench_neo4j.py PATH... [--store bolt://127.0.0.1:7720] [--batch 5000]

Parses the inputs and builds one GraphBatch per `--batch` papers as `kg ingest --no-extract`
does (no store look-ups: every paper is taken as new), empties the store, then writes the
batches in order and prints the nodes+relationships written per second of write time
(counted from the store afterwards, like bench_ingest.py): the figure to compare with
published UNWIND-from-Python load rates, without parsing and resolution. Needs NEO4J_USER /
NEO4J_PASSWORD for a Neo4j URL; an embedded path works too."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import empty_store  # noqa: E402
from extractors.digests import expand_paths, parse_file  # noqa: E402
from kg.ingest import build_batch  # noqa: E402
from kg.resolve import match_keys, resolve  # noqa: E402
from kg.store import open_store  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--store", default="bolt://127.0.0.1:7720")
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args(argv)
    batches = []
    for path in expand_paths(args.paths):
        parsed = parse_file(path)
        for start in range(0, len(parsed.papers), args.batch):
            chunk = parsed.papers[start:start + args.batch]
            nodes, owners = resolve(chunk, [], [match_keys(p) for p in chunk])
            batches.append(build_batch(nodes, chunk, owners, [[] for _ in chunk]))
    empty_store(args.store)
    load = os.getloadavg()[0]
    with open_store(args.store) as store:
        started = time.perf_counter()
        for batch in batches:
            store.write(batch)
        seconds = time.perf_counter() - started
        counts = store.counts()
    written = sum(counts["nodes"].values()) + sum(counts["relationships"].values())
    print(f"store: {args.store}  batches: {len(batches)} of <= {args.batch} papers  load average before: {load:.1f}")
    print(f"write seconds: {seconds:.1f}")
    print(f"nodes+relationships: {written:,}  ({written / seconds:,.0f} /s)")


if __name__ == "__main__":
    main()
