"""Benchmark of `kg trends`, `kg report` and their pages, each beside a plain query on the
same store in the same run (the machine is shared; only the ratio travels).

    .venv/bin/python bench/bench_trends.py --store /tmp/bulk.lbug            # + pages in Chromium
    .venv/bin/python bench/bench_trends.py --store /tmp/1m.lbug --no-report --no-pages
    .venv/bin/python bench/bench_trends.py --store /tmp/s1m.lbug --synthetic 1000000 --no-report

`--synthetic N` first writes N papers straight into a new store (no digests, no
extraction): dated over 24 months in growing numbers, their arXiv ids in the month of
their date and a digest day in it, and Zipf-popular methods, tasks, datasets, metrics and
companies in the numbers the bulk store has per paper; the concepts of trends, without
the cost of a 20-minute ingest.

Prints a Markdown table for bench/RESULTS.md: the best of --repeat runs of each library
call, the `kg` command end to end once (process start included), and page loads."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def best(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def command(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([str(REPO / ".venv" / "bin" / "kg"), *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"kg {' '.join(args)} failed: {done.stderr.strip()}")
    return time.perf_counter() - started


# Links per paper of each label on the bulk store (Method 54,939 / 22,322 papers ...), and
# how many concepts of the label there are per 10 papers.
SYNTHETIC_LABELS = {
    "Method": ("USES", 2.5, 5.0), "Task": ("ADDRESSES", 0.9, 2.0), "Dataset": ("EVALUATES_ON", 0.5, 1.2),
    "Metric": ("REPORTS", 1.2, 0.7), "Company": ("MENTIONS", 0.1, 0.05),
}  # fmt: skip
SYNTHETIC_MONTHS = 24
SYNTHETIC_CHUNK = 50_000


def write_synthetic(path: str, papers: int, *, seed: int = 7) -> None:
    """A store of `papers` papers shaped for trends (see the module's docstring)."""
    import random

    from kg.graph import GraphBatch
    from kg.store import open_store

    rng = random.Random(seed)
    # month m gets a share growing linearly: the corpus grows, as arXiv does
    weights = [1 + m for m in range(SYNTHETIC_MONTHS)]
    cum = [sum(weights[: m + 1]) / sum(weights) for m in range(SYNTHETIC_MONTHS)]
    pools = {label: max(10, int(papers * per10 / 10)) for label, (_, _, per10) in SYNTHETIC_LABELS.items()}
    with open_store(path) as store:
        for start in range(0, papers, SYNTHETIC_CHUNK):
            batch = GraphBatch()
            for i in range(start, min(papers, start + SYNTHETIC_CHUNK)):
                month = next(m for m, c in enumerate(cum) if i / papers < c)
                year, mon = 2024 + month // 12, month % 12 + 1
                key = f"{year % 100:02d}{mon:02d}.{i:07d}"
                batch.add_node("Paper", key, arxiv_id=key, title=f"Synthetic paper {i}",
                               digest_date=f"{year}-{mon:02d}-{rng.randint(1, 28):02d}")  # fmt: skip
                for label, (rel, per_paper, _) in SYNTHETIC_LABELS.items():
                    links = int(per_paper) + (rng.random() < per_paper - int(per_paper))
                    for _ in range(links):
                        # Zipf-like: a few concepts in many papers; their ranks drift with time
                        rank = int(pools[label] ** rng.random()) - 1
                        concept = f"{label.lower()}{(rank + month * (rank % 7 == 0)) % pools[label]}"
                        batch.add_node(label, concept, name=concept)
                        batch.add_rel(rel, "Paper", key, label, concept, evidence=f"paper {i} names {concept}")
            store.write(batch)
            print(f"synthetic: {min(papers, start + SYNTHETIC_CHUNK):,} papers written", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-report", action="store_true", help="Skip kg report (its target is the bulk store).")
    parser.add_argument("--no-pages", action="store_true", help="Skip the page loads in Chromium.")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--synthetic", type=int, metavar="N", help="First write N synthetic papers into a new --store.")
    args = parser.parse_args()
    if args.synthetic:
        if Path(args.store).exists():
            raise SystemExit(f"{args.store} exists; --synthetic writes a new store")
        started = time.perf_counter()
        write_synthetic(args.store, args.synthetic)
        print(f"synthetic store of {args.synthetic:,} papers written in {time.perf_counter() - started:.0f} s")

    from kg.report import briefing, to_html
    from kg.statements import statement
    from kg.store import open_store
    from kg.timeline import By
    from kg.trends import trends

    out = Path(tempfile.mkdtemp(prefix="kg-bench-trends-"))
    rows: list[tuple[str, float, str]] = []
    with open_store(args.store, read_only=True) as store:
        papers = store.query("MATCH (p:Paper) RETURN count(p)").rows[0][0]
        links = store.query("MATCH (p:Paper)-->(c:Method) RETURN count(*)").rows[0][0]
        seconds, _ = best(lambda: store.query("MATCH (p:Paper)-->(c:Method) RETURN count(*)").rows, args.repeat)
        rows.append(("plain count: `MATCH (p:Paper)-->(c:Method) RETURN count(*)`", seconds, f"{links:,} links"))
        seconds, _ = best(
            lambda: store.query("MATCH (p:Paper)-->(c:Method) RETURN c.key, count(DISTINCT p)").rows, args.repeat
        )
        rows.append(("plain aggregate: papers per Method, `count(DISTINCT p)` by `c.key`", seconds, ""))
        seconds, result = best(lambda: store.query(statement("paper-dates")).rows, args.repeat)
        rows.append(("dates of every paper (`kg/cypher/paper-dates.cypher`)", seconds, f"{len(result):,} rows"))
        bounds = {
            "previous": "2000-01",
            "since": "2000-01",
            "after": "9999",
            "days": False,
            "floor": 1,
            "min_papers": 3,
        }
        seconds, result = best(
            lambda: store.query(statement("concept-windows", label="Method"), bounds).rows, args.repeat
        )
        rows.append(("papers and first date per Method, every one (`concept-windows.cypher`, floor 1)", seconds,
                     f"{len(result):,} rows"))  # fmt: skip
        for label, by in (("Method", By.month), ("Method", By.week), ("Task", By.month), ("Company", By.month)):
            seconds, found = best(lambda label=label, by=by: trends(store, label=label, by=by), args.repeat)
            rows.append(
                (f"`trends(label={label}, by={by.value})`", seconds, f"{found.concepts:,} concepts in the window")
            )
        if not args.no_report:
            seconds, found = best(lambda: briefing(store), args.repeat)
            rows.append(("`briefing()` (last 7 days)", seconds, f"{len(found.papers):,} papers"))
            seconds, page = best(lambda: to_html(found), args.repeat)
            rows.append(("`to_html(briefing)`", seconds, f"{len(page) / 1e3:,.0f} KB"))
    rows.append(("`kg trends` (command, end to end)", command("trends", "--store", args.store), ""))
    rows.append(("`kg trends --by week --label Task`", command("trends", "--store", args.store, "--by", "week", "--label", "Task"), ""))  # fmt: skip
    pages: list[tuple[str, Path]] = []
    trends_page = out / "trends.html"
    rows.append(("`kg view trends`", command("view", "trends", "--store", args.store, "-o", str(trends_page)), ""))
    pages.append(("kg view trends", trends_page))
    if not args.no_report:
        report_page = out / "report.html"
        rows.append(("`kg report` (command, end to end)", command("report", "--store", args.store, "-o", str(report_page)), ""))  # fmt: skip
        pages.append(("kg report", report_page))
        md = out / "report.md"
        rows.append(("`kg report --format md`", command("report", "--store", args.store, "--format", "md", "-o", str(md)), ""))  # fmt: skip
    print(f"store: {args.store} ({papers:,} papers); best of {args.repeat} for library calls, one run for commands")
    print()
    print("| what | seconds | note |")
    print("|---|---|---|")
    for name, seconds, note in rows:
        print(f"| {name} | {seconds:.2f} | {note} |")
    if not args.no_pages:
        print()
        print("| page | size (KB) | load + draw in Chromium (s) |")
        print("|---|---|---|")
        for name, page in pages:
            print(f"| `{name}` | {page.stat().st_size / 1e3:,.0f} | {_load(args.chromium, page):.2f} |")
    print(f"\npages: {out}", file=sys.stderr)


def _load(chromium: str, page: Path) -> float:
    """Seconds from navigation to `data-rendered`, every http(s) request aborted."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1300, "height": 900})
        requests: list[str] = []
        tab.route(re.compile(r"^(https?|wss?)://"), lambda route: (requests.append(route.request.url), route.abort()))
        started = time.perf_counter()
        tab.goto(page.resolve().as_uri())
        tab.wait_for_selector("body[data-rendered=true]", state="attached", timeout=60_000)
        seconds = time.perf_counter() - started
        tab.screenshot(path=str(page.with_suffix(".png")))
        browser.close()
    if requests:
        raise SystemExit(f"{page} asked the network for {requests}")
    return seconds


if __name__ == "__main__":
    main()
