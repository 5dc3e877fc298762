"""Where the store path's time goes: `kg ingest --no-extract` in one process, phase by phase.

    .venv/bin/python bench/profile_store.py PATH... --store /tmp/x.lbug [--batch 20000]

Runs the ingest's own steps in order on one thread (no writer thread, so the phases add up
to the wall time) and prints the seconds of each: parse, match keys, store look-up,
resolve, batch building, and inside `LadybugStore.write` every statement kind (look-ups,
COPY per table, SET/MERGE, COMMIT with its checkpoint). Then, in the same run, LadybugDB's
own raw `COPY` of the same rows into a fresh store (Arrow tables built before the clock
starts): the floor the store path is compared with."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.digests import expand_paths, parse_file  # noqa: E402
from kg.graph import chunks  # noqa: E402
from kg.ingest import build_batch  # noqa: E402
from kg.resolve import lookup_stored, match_keys, resolve  # noqa: E402
from kg.store.ladybug import LadybugStore  # noqa: E402

_STATEMENT = re.compile(
    r"^(COPY \w+|COMMIT|CHECKPOINT|CALL \w+|BEGIN TRANSACTION|UNWIND \$\w+ AS \w+ (?:MATCH|MERGE) \(\w+:\w+)"
)


def statement_kind(cypher: str) -> str:
    match = _STATEMENT.match(cypher)
    return match.group(1) if match else cypher[:40]


class Timer:
    """Wall and CPU seconds (this process, all threads: LadybugDB's included) per phase."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def time(self, name: str, fn, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = self.seconds[name]
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--store", required=True)
    parser.add_argument("--batch", type=int, default=20000)
    parser.add_argument("--no-raw", action="store_true", help="skip the raw COPY comparison")
    args = parser.parse_args(argv)
    for path in Path(args.store).parent.glob(Path(args.store).name + "*"):
        path.unlink()
    timer = Timer()
    load = os.getloadavg()[0]
    started, started_cpu = time.perf_counter(), time.process_time()
    store = LadybugStore(args.store)
    execute = store._execute
    store._execute = lambda cypher, params=None: timer.time(
        "  write: " + statement_kind(cypher), execute, cypher, params
    )
    papers = []
    for path in expand_paths(args.paths):
        papers.extend(timer.time("parse", parse_file, path).papers)
    for chunk in chunks(papers, args.batch):
        keys = timer.time("match keys", lambda part: [match_keys(p) for p in part], chunk)
        stored = timer.time("store look-up", lookup_stored, store, keys)
        nodes, owners = timer.time("resolve", resolve, chunk, stored, keys)
        batch = timer.time("build batch", build_batch, nodes, chunk, owners, [[] for _ in chunk])
        # as kg.ingest does: the commit apart (the ingest runs it beside the next resolve and build)
        timer.time("write", store.write, batch, commit=False)
        timer.time("commit", store.commit)
    store.close()
    total, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(
        f"store path, {len(papers):,} records, batches of {args.batch:,}; load average before {load:.1f}, "
        f"after {os.getloadavg()[0]:.1f}"
    )
    print(f"{'phase':60s} {'wall s':>8s} {'CPU s':>8s}")
    for name, (wall, cpu) in sorted(timer.seconds.items(), key=lambda item: (item[0].startswith(" "), -item[1][1])):
        print(f"{name:60s} {wall:8.2f} {cpu:8.2f}")
    print(f"{'total':60s} {total:8.2f} {total_cpu:8.2f}")
    if not args.no_raw:
        raw_copy(args.store + ".raw", args.store)


def raw_copy(target: str, source: str) -> None:
    """LadybugDB's own COPY of the rows the store path wrote, into a fresh store, in batches
    of as many papers as the store path wrote together."""
    import ladybug
    import pyarrow as pa

    from kg.store.ladybug_values import ddl

    for path in Path(target).parent.glob(Path(target).name + "*"):
        path.unlink()
    tables = {}
    with LadybugStore(source, read_only=True) as store:
        for table, cypher in (
            ("Paper", "MATCH (n:Paper) RETURN n.*"),
            ("Author", "MATCH (n:Author) RETURN n.*"),
            ("Source", "MATCH (n:Source) RETURN n.*"),
        ):
            tables[table] = store._conn.execute(cypher).get_as_arrow()
        for rel, a, b in (("WROTE", "Author", "Paper"), ("LISTED_IN", "Paper", "Source")):
            tables[rel] = store._conn.execute(
                f"MATCH (a:{a})-[r:{rel}]->(b:{b}) RETURN a.key AS `from`, b.key AS `to`, r.*"
            ).get_as_arrow()
    tables = {name: pa.table({c.split(".")[-1]: t.column(c) for c in t.column_names}) for name, t in tables.items()}
    db = ladybug.Database(target)
    conn = ladybug.Connection(db)
    for statement in ddl():
        conn.execute(statement)
    started, started_cpu = time.perf_counter(), time.process_time()
    for name in ("Paper", "Author", "Source", "WROTE", "LISTED_IN"):
        options = {"WROTE": " (from='Author', to='Paper')", "LISTED_IN": " (from='Paper', to='Source')"}.get(name, "")
        one = time.perf_counter()
        conn.execute(f"COPY {name} FROM $t{options}", {"t": tables[name]})
        print(f"raw COPY {name:10s} {tables[name].num_rows:10,} rows {time.perf_counter() - one:8.2f} s")
    rows = sum(t.num_rows for t in tables.values())
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(
        f"raw COPY of the same rows, one transaction each: {rows:,} rows in {seconds:.2f} s, CPU {cpu:.2f} s "
        f"({rows / seconds:,.0f} /s)"
    )
    conn.close()
    db.close()


if __name__ == "__main__":
    main()
