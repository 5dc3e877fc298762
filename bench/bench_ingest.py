"""Benchmark `kg ingest` end to end, through the real command, into either store.

    .venv/bin/python bench/bench_ingest.py PATH... [--store URL] [--no-extract] [--jobs N] [--fresh] [--server-pid PID]
                                           [--extraction-alone]

Runs `kg ingest` as a child process (parse + extract + load, exactly as a user runs it)
and samples, every 0.2 s, the memory of its whole process tree (the extraction workers
included): PSS, which counts a page shared by forked workers once, and RSS, which counts it
in every process. Then reads the store's counts with `kg stats`. Prints wall time and the
tree's CPU time, papers/s, nodes+relationships written/s and the peak tree PSS and RSS, one
`key: value` a line.
`--fresh` deletes an embedded store first, or empties a Neo4j one. `--server-pid` (a Neo4j
server on this machine) adds the server's CPU time during the ingest. `--extraction-alone`
then times, in the same run, extraction alone on the same papers with the same workers (kg's
ParallelExtractor over the parsed records, parsing not timed) and prints the ratio."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).with_name("kg"))
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_memory(root: int) -> tuple[int, int]:
    """Bytes resident in `root` and all its descendants (from /proc): (RSS, PSS). RSS counts
    the pages forked workers share with their parent once per process; PSS splits them."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    name, value = line.split(":", 1)
                    if name == "Rss":
                        rss += int(value.split()[0]) * 1024
                    elif name == "Pss":
                        pss += int(value.split()[0]) * 1024
        except OSError:
            continue
    return rss, pss


def run_measured(
    args: list[str], env: dict | None = None
) -> tuple[float, float, tuple[int, int], subprocess.CompletedProcess]:
    """Run a command; returns (seconds, CPU seconds of its process tree, peak (RSS, PSS) of
    the tree in bytes, the result)."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = (0, 0)
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = tuple(map(max, peak, tree_memory(proc.pid)))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = cpu.ru_utime + cpu.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime
    return seconds, cpu_seconds, peak, subprocess.CompletedProcess(args, proc.returncode, stdout, stderr)


def server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) of a local process so far, from /proc; 0 without a PID."""
    if not pid:
        return 0.0
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_EXTRACTION_ALONE = """
import sys, time
from extractors.digests import expand_paths, parse_file
from kg.ingest import BATCH, entity_extractor
from kg.graph import chunks
from kg.parallel import ParallelExtractor

papers = [p for path in expand_paths(sys.argv[2:]) for p in parse_file(path).papers]
jobs = int(sys.argv[1]) or None
started = time.perf_counter()
with ParallelExtractor(entity_extractor(), jobs) as extractor:
    futures = [extractor.submit(part) for part in chunks(papers, BATCH)]
    mentions = sum(len(m) for f in futures for m in f.result())
print(time.perf_counter() - started, len(papers), mentions)
"""


def extraction_alone(paths: list[str], jobs: int | None) -> tuple[float, float, int]:
    """Seconds to extract the papers of these inputs with kg's workers (pipeline built and
    workers started inside the clock, as in an ingest; parsing outside it), the CPU seconds
    of the whole run (parsing included), and the number of records."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACTION_ALONE, str(jobs or 0), *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, papers, _ = done.stdout.split()
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return float(seconds), cpu, int(papers)


def counts(store: str) -> dict:
    result = subprocess.run(
        [KG, "stats", "--format", "json", "--store", store], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def empty_store(store: str) -> None:
    if store.startswith(("bolt://", "neo4j://")):
        sys.path.insert(0, str(ROOT))
        from kg.store.neo4j import Neo4jStore

        with Neo4jStore(store) as graph:
            while graph.query("MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n", write=True).rows[0][
                0
            ]:
                pass
        return
    for path in Path(store).parent.glob(Path(store).name + "*"):
        path.unlink()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--store", default=str(ROOT / "bench" / "out" / "bench.lbug"))
    parser.add_argument("--no-extract", action="store_true")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--fresh", action="store_true", help="start from an empty store")
    parser.add_argument("--server-pid", type=int, help="PID of the Neo4j server process, to report its CPU time")
    parser.add_argument(
        "--extraction-alone",
        action="store_true",
        help="also time extraction alone on the same papers with the same workers",
    )
    args = parser.parse_args(argv)
    if args.fresh:
        empty_store(args.store)
    before = counts(args.store) if not args.fresh and (Path(args.store).exists() or "://" in args.store) else None
    command = [
        KG,
        "ingest",
        "--store",
        args.store,
        *(["--no-extract"] if args.no_extract else []),
        *(["--jobs", str(args.jobs)] if args.jobs else []),
        *args.paths,
    ]
    load_before = os.getloadavg()[0]
    server_before = server_cpu(args.server_pid)
    seconds, cpu_seconds, (peak_rss, peak_pss), result = run_measured(command)
    server_seconds = server_cpu(args.server_pid) - server_before
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
    after = counts(args.store)

    def total(c, part):
        return sum(c[part].values()) if c else 0

    papers = after["nodes"]["Paper"] - (before["nodes"]["Paper"] if before else 0)
    written = sum(total(after, p) - total(before, p) for p in ("nodes", "relationships"))
    print(f"command: {' '.join(command[1:])}")
    print(
        f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PHYS_PAGES') * PAGE / 2**30:.0f} GB, {platform.platform()}, "
        f"load average before {load_before:.1f}, after {os.getloadavg()[0]:.1f}"
    )
    print(f"exit: {result.returncode}")
    print(f"seconds: {seconds:.1f}  (CPU of the process tree: {cpu_seconds:.1f} s)")
    print(f"new papers: {papers:,}  ({papers / seconds:,.0f} papers/s)")
    print(f"new nodes+relationships: {written:,}  ({written / seconds:,.0f} /s)")
    if written:
        print(
            f"CPU per node+relationship: kg process tree {cpu_seconds / written * 1e6:.1f} us"
            + (f", server {server_seconds:.1f} s ({server_seconds / written * 1e6:.1f} us)" if args.server_pid else "")
        )
    print(f"peak memory (process tree): PSS {peak_pss / 2**20:,.0f} MB, RSS {peak_rss / 2**20:,.0f} MB")
    print(f"store: {json.dumps(after)}")
    if args.extraction_alone:
        alone, alone_cpu, records = extraction_alone(args.paths, args.jobs)
        print(
            f"extraction alone, same papers and workers ({records:,} records): {alone:.1f} s (CPU {alone_cpu:.1f} s, "
            f"parsing included); end to end / extraction alone: {seconds / alone:.2f} wall, "
            f"{cpu_seconds / alone_cpu:.2f} CPU  (load average now {os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
