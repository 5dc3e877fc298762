"""A Neo4j first load through neo4j-admin, beside the Bolt path, in one run.

    .venv/bin/python bench/bench_neo4j_admin.py --from STORE.lbug [--bolt] [--keep DIR]

Needs a dev server of its own (`NEO4J_DEV_DIR`, `NEO4J_DEV_PORT` as for scripts/neo4j-dev;
it is started if need be). Times, for the graph of an embedded store:

1. `kg export --neo4j-admin DIR` (LadybugDB writes the CSV files itself);
2. `scripts/neo4j-dev import DIR`: neo4j-admin database import full, with the server stopped
   and started again (neo4j-admin's own "IMPORT DONE in" is printed too);
3. the schema kg creates on first open (key constraints, look-up and count indexes);

and prints nodes+relationships per second of the import alone and of all three. With
`--bolt`, then empties the server and writes the same graph through Bolt (`kg copy`), the
path an increment takes, for comparison in the same run. Checks that both give the counts
of the embedded store."""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import KG, counts, empty_store  # noqa: E402

SCRIPT = str(ROOT / "scripts" / "neo4j-dev")


def timed(args: list[str]) -> tuple[float, str]:
    """Run a command; returns its wall seconds and output, and adds its CPU seconds (its
    process tree, a server it starts excluded) to CPU[command's first argument]."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[args[1]] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, done.stdout + done.stderr


CPU: dict[str, float] = {}


def neo4j_admin_seconds(log: str) -> float:
    """neo4j-admin's "IMPORT DONE in 1m 5s 285ms." as seconds."""
    done = re.search(r"IMPORT DONE in ([^.]*)\.", log)
    if not done:
        sys.exit(f"no IMPORT DONE line in the import's output: {log[-2000:]}")
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)(ms|h|m|s)\b", done.group(1)))


def total(c: dict) -> int:
    return sum(c["nodes"].values()) + sum(c["relationships"].values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", required=True, help="an embedded store")
    parser.add_argument("--bolt", action="store_true", help="also write the graph through Bolt (kg copy)")
    parser.add_argument("--keep", help="export into this folder and keep it")
    args = parser.parse_args(argv)
    os.environ.setdefault("NEO4J_USER", "neo4j")
    os.environ.setdefault("NEO4J_PASSWORD", os.environ.get("NEO4J_DEV_PASSWORD", "kg-dev-password"))
    url = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    expected = counts(args.source)
    items = total(expected)
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-admin-")) / "export"
    load = os.getloadavg()[0]
    export_s, _ = timed([KG, "export", "--neo4j-admin", str(out), "--store", args.source])
    import_s, log = timed([SCRIPT, "import", str(out)])
    admin = neo4j_admin_seconds(log)
    schema_s, _ = timed([KG, "query", "RETURN 1", "--write", "--store", url])  # a read-write open creates the schema
    imported = counts(url)
    print(
        f"store: {args.source} -> {url}; {items:,} nodes+relationships; load average before {load:.1f}, "
        f"after {os.getloadavg()[0]:.1f}"
    )
    print(
        f"export (kg export --neo4j-admin): {export_s:.1f} s; CSV {sum(f.stat().st_size for f in out.iterdir()) / 2**20:,.0f} MB"
    )
    print(
        f"neo4j-admin database import full (its own figure): {admin:.1f} s -> {items / admin:,.0f} nodes+relationships/s"
        f" (CPU of the import command, its JVM included: {CPU['import']:.1f} s)"
    )
    print(
        f"scripts/neo4j-dev import (stop the server, neo4j-admin, start it): {import_s:.1f} s "
        f"-> {items / import_s:,.0f} nodes+relationships/s"
    )
    print(f"schema (constraints and indexes on first open): {schema_s:.1f} s")
    all_s = export_s + import_s + schema_s
    print(f"all three: {all_s:.1f} s -> {items / all_s:,.0f} nodes+relationships/s")
    print(f"same counts as the embedded store: {imported == expected}")
    if args.bolt:
        empty_store(url)
        bolt_s, _ = timed([KG, "copy", "--from", args.source, "--to", url])
        print(
            f"Bolt (kg copy into the emptied server): {bolt_s:.1f} s -> {items / bolt_s:,.0f} nodes+relationships/s; "
            f"same counts: {counts(url) == expected}"
        )
    if not args.keep:
        shutil.rmtree(out.parent)


if __name__ == "__main__":
    main()
