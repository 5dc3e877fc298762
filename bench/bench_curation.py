"""Benchmark the analyst's commands of issue 18 on a store, each beside a comparison
measured in the same run (the machine is shared: only figures taken together compare).

    .venv/bin/python bench/bench_curation.py reextract PATH... --store S   # fresh ingest, then reextract
    .venv/bin/python bench/bench_curation.py merge --store S [--papers 10000] [--no-close-checkpoint]
    .venv/bin/python bench/bench_curation.py duplicates --store S [--top 50]

- reextract: `kg ingest PATH... --store S` into a new store; then, at the same time, `kg
  ingest` into another new store and `kg reextract` of a copy of S, through the real
  command, so that both see the same load; prints the times and whether the counts agree.
- merge: the concept whose paper count is nearest `--papers` is merged (kg.merge, as
  `kg merge` runs it) into the largest concept of its label; beside it, the time of the
  plainest read of the same relationships (their count). The store is changed: use a copy.
- duplicates: times `kg duplicates` (kg.duplicates), counts the candidates by kind and
  prints the top N for reading by hand."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KG = str(Path(sys.executable).with_name("kg"))


def machine() -> str:
    return f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"


def timed_kg(*args: str) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds of the command's process tree, and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([KG, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
    return seconds, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, result


def stats(store: str) -> dict:
    return json.loads(
        subprocess.run([KG, "stats", "-s", store, "-f", "json"], capture_output=True, text=True, check=True).stdout
    )


def bench_reextract(paths: list[str], store: str) -> None:
    """Ingest into `store`; then, at the same time (so that both see the same load on a
    shared machine), ingest again into a new store and re-extract a copy of `store`."""
    import shutil

    def remove(path: str) -> None:
        for old in Path(path).parent.glob(Path(path).name + "*"):
            old.unlink()

    fresh, copy = store + ".fresh.lbug", store + ".copy.lbug"
    for path in (store, fresh, copy):
        remove(path)
    print(f"machine: {machine()}")
    ingest_s, ingest_cpu, _ = timed_kg("ingest", "--store", store, *paths)
    ingested = stats(store)
    print(f"kg ingest alone: {ingest_s:.1f} s, CPU {ingest_cpu:.1f} s  ({ingested['nodes']['Paper']:,} papers)")
    for path in Path(store).parent.glob(Path(store).name + "*"):
        shutil.copy(path, str(path).replace(store, copy))
    print(f"then at the same time, load average {os.getloadavg()[0]:.1f}:")
    runs = {
        "kg ingest into a new store": ["ingest", "--store", fresh, *paths],
        "kg reextract of the ingested store": ["reextract", "--store", copy],
    }
    started = {
        name: (
            time.perf_counter(),
            subprocess.Popen([KG, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        )
        for name, args in runs.items()
    }
    waiting = dict(started)
    ended: dict[str, float] = {}
    while waiting:
        for name, (_, process) in list(waiting.items()):
            if process.poll() is not None:
                ended[name] = time.perf_counter()
                del waiting[name]
        time.sleep(0.1)
    for name, (begun, process) in started.items():
        out, err = process.communicate()
        if process.returncode != 0:
            sys.stderr.write(err[-3000:])
        print(f"{name}: {ended[name] - begun:.1f} s")
    print(f"counts after reextract equal to the ingest's: {stats(copy) == ingested == stats(fresh)}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for path in (fresh, copy):
        remove(path)


def bench_merge(store_url: str, papers: int, no_close_checkpoint: bool = False) -> None:
    """Merge the concept nearest `papers` papers into the largest of its label (kg.merge, in
    this process: the merge, then the store's close apart), and the next nearest through the
    real `kg merge` command, end to end; beside them, the plainest read of the same links.
    `no_close_checkpoint`: the first store closes without a checkpoint (LadybugDB's
    `force_checkpoint_on_close=false`, which branch store-speed sets on every connection)."""
    from kg.curation import Curation
    from kg.merge import merge
    from kg.schema import CONCEPT_LABELS
    from kg.store import open_store

    print(f"machine: {machine()}")
    store = open_store(store_url)
    start = time.perf_counter()
    sizes = []
    for label in CONCEPT_LABELS:
        rows = store.query(
            f"MATCH (p:Paper)-->(c:{label}) RETURN c.key, c.name, count(p) AS n ORDER BY n DESC LIMIT 2000"
        ).rows
        sizes += [(label, key, name, n) for key, name, n in rows]
    print(f"sizes of the concepts read in {time.perf_counter() - start:.1f} s")
    first, second = sorted(sizes, key=lambda s: abs(s[3] - papers))[:2]
    with tempfile.TemporaryDirectory() as tmp:
        for (label, key, name, n), through_cli in ((first, False), (second, True)):
            into = max((s for s in sizes if s[0] == label and s[1] not in (first[1], second[1])), key=lambda s: s[3])
            if store is None:
                store = open_store(store_url)
            start = time.perf_counter()
            count = store.query(f"MATCH (p:Paper)-[r]->(c:{label} {{key: $k}}) RETURN count(r)", {"k": key}).rows[0][0]
            read_s = time.perf_counter() - start
            print(
                f"{label} {name!r} ({n:,} papers) into {into[2]!r} ({into[3]:,} papers); "
                f"reading its {count:,} relationships (their count): {read_s:.2f} s"
            )
            if not through_cli:
                if no_close_checkpoint:
                    store.query("CALL force_checkpoint_on_close=false", write=True)
                start = time.perf_counter()
                report = merge(
                    store, label=label, name=name, into=into[2], curation=Curation.load(Path(tmp) / "kg-curation.jsonl")
                )
                merge_s = time.perf_counter() - start
                start = time.perf_counter()
                store.close()
                store = None
                print(
                    f"  kg.merge.merge: {merge_s:.2f} s ({sum(report.moved.values()):,} moved, "
                    f"{report.kept:,} already there), then closing the store {time.perf_counter() - start:.2f} s"
                )
            else:
                store.close()
                store = None
                merge_s, _, result = timed_kg(
                    "merge",
                    label,
                    name,
                    into[2],
                    "--store",
                    store_url,
                    "--curation",
                    str(Path(tmp) / "kg-curation.jsonl"),
                )
                print(f"  kg merge (the command, end to end): {merge_s:.2f} s: {result.stdout.splitlines()[0]}")
                stats_s, _, _ = timed_kg("stats", "--store", store_url)
                print(f"  kg stats (a command's start, the store's open and close, a count per label): {stats_s:.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def bench_duplicates(store_url: str, top: int) -> None:
    from kg.duplicates import find_duplicates
    from kg.store import open_store

    print(f"machine: {machine()}")
    with open_store(store_url, read_only=True) as store:
        start = time.perf_counter()
        count = store.query("MATCH (p:Paper)-[r]->() WHERE r.evidence CONTAINS '(' RETURN count(r)").rows[0][0]
        read_s = time.perf_counter() - start
        start = time.perf_counter()
        report = find_duplicates(store)
        seconds = time.perf_counter() - start
    print(
        f"kg duplicates: {seconds:.1f} s over {report.concepts:,} concepts; "
        f"counting the {count:,} relationships whose evidence has a parenthesis: {read_s:.1f} s"
    )
    kinds = Counter("variant" if c.kind not in ("acronym", "near-spelling") else c.kind for c in report.candidates)
    print(
        f"candidates: {len(report.candidates):,} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}); "
        f"names in two senses: {len(report.senses):,}"
    )
    for rank, c in enumerate(report.candidates[:top], 1):
        print(
            f"{rank:3} {c.score:.2f} {c.label:8} {c.name!r} -> {c.into!r}  {c.kind}  "
            f"papers {c.papers}/{c.into_papers} shared {c.shared} defining {c.defining}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["reextract", "merge", "duplicates"])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--store", required=True)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument(
        "--no-close-checkpoint", action="store_true", help="merge: close the store without a checkpoint"
    )
    args = parser.parse_args(argv)
    if args.what == "reextract":
        bench_reextract(args.paths, args.store)
    elif args.what == "merge":
        bench_merge(args.store, args.papers, args.no_close_checkpoint)
    else:
        bench_duplicates(args.store, args.top)


if __name__ == "__main__":
    main()
