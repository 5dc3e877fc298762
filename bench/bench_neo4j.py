"""The write path of a store alone: batches built in memory first, then only `store.write` timed.

    .venv/bin/python bench/bench_neo4j.py PATH... [--store bolt://127.0.0.1:7720] [--batch 5000] [--server-pid PID]

Parses the inputs and builds one GraphBatch per `--batch` papers as `kg ingest --no-extract`
does (no store look-ups: every paper is taken as new), empties the store, then writes the
batches in order and prints the nodes+relationships written per second of write time
(counted from the store afterwards, like bench_ingest.py): the figure to compare with
published UNWIND-from-Python load rates, without parsing and resolution. Also prints the
CPU time of this process during the writes and, with `--server-pid` (a server on this
machine, e.g. `cat .neo4j-dev/neo4j.pid`), of the server: the steadier figures on a shared
machine. Needs NEO4J_USER / NEO4J_PASSWORD for a Neo4j URL; an embedded path works too."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import empty_store, server_cpu  # noqa: E402

from extractors.digests import expand_paths, parse_file  # noqa: E402
from kg.graph import chunks  # noqa: E402
from kg.ingest import build_batch  # noqa: E402
from kg.resolve import match_keys, resolve  # noqa: E402
from kg.store import open_store  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--store", default="bolt://127.0.0.1:7720")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--server-pid", type=int, help="PID of the server process, to report its CPU time")
    args = parser.parse_args(argv)
    batches = []
    for path in expand_paths(args.paths):
        parsed = parse_file(path)
        for chunk in chunks(parsed.papers, args.batch):
            nodes, owners = resolve(chunk, [], [match_keys(p) for p in chunk])
            batches.append(build_batch(nodes, chunk, owners, [[] for _ in chunk]))
    empty_store(args.store)
    load = os.getloadavg()[0]
    with open_store(args.store) as store:
        server, client, started = server_cpu(args.server_pid), client_cpu(), time.perf_counter()
        for batch in batches:
            store.write(batch)
        seconds = time.perf_counter() - started
        server, client = server_cpu(args.server_pid) - server, client_cpu() - client
        counts = store.counts()
    written = sum(counts["nodes"].values()) + sum(counts["relationships"].values())
    print(
        f"store: {args.store}  batches: {len(batches)} of <= {args.batch} papers  "
        f"load average before: {load:.1f}, after: {os.getloadavg()[0]:.1f}"
    )
    print(f"write seconds: {seconds:.1f}")
    print(f"nodes+relationships: {written:,}  ({written / seconds:,.0f} /s)")
    print(f"client CPU: {client:.1f} s ({client / written * 1e6:.1f} us per item)")
    if args.server_pid:
        print(f"server CPU: {server:.1f} s ({server / written * 1e6:.1f} us per item)")


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
