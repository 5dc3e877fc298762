"""Benchmark of `kg view`: build each view from a store, write its page, load it in
headless Chromium with the network cut off, and time the layout until it settles.

    .venv/bin/python bench/bench_views.py --store /tmp/bulk.lbug --limits 300,500,2000
    .venv/bin/python bench/bench_views.py --papers 4000          # a synthetic graph

Prints a Markdown table for bench/RESULTS.md."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_views_browser import CHROMIUM_ARGS  # noqa: E402 (the flags the browser tests launch Chromium with)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="A store to read (default: a synthetic graph in a temporary folder).")
    parser.add_argument("--papers", type=int, default=4000, help="Papers of the synthetic graph.")
    parser.add_argument("--limits", default="300,500,2000", help="Overview limits to draw, comma-separated.")
    parser.add_argument("--request", type=int, default=5000, help="A limit above the maximum, to show the cut.")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", default=None, help="Folder for the pages and screenshots (default: temporary).")
    args = parser.parse_args()

    from kg import views
    from kg.store import open_store

    out = Path(args.out or tempfile.mkdtemp(prefix="kg-bench-views-"))
    out.mkdir(parents=True, exist_ok=True)
    store_url = args.store
    if not store_url:
        from tests.test_views import synthetic_batch

        store_url = str(out / "synthetic.lbug")
        started = time.perf_counter()
        with open_store(store_url) as store:
            store.write(synthetic_batch(args.papers))
        print(
            f"synthetic graph of {args.papers:,} papers written in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )

    jobs = [
        (f"overview --limit {n}", lambda s, n=n: views.overview(s, limit=n)) for n in map(int, args.limits.split(","))
    ]
    jobs += [
        (f"overview --limit {args.request}", lambda s: views.overview(s, limit=args.request)),
        ("authors --limit 500", lambda s: views.authors(s, limit=500)),
    ]
    rows = []
    with open_store(store_url, read_only=True) as store:
        counts = store.counts()
        for name, build in jobs:
            started = time.perf_counter()
            view = build(store)
            built = time.perf_counter() - started
            page = out / (re.sub(r"\W+", "-", name).strip("-") + ".html")
            started = time.perf_counter()
            views.write_html(view, page)
            rendered = time.perf_counter() - started
            rows.append([name, view, built, rendered, page])

    print(
        f"store: {store_url}; {sum(counts['nodes'].values()):,} nodes, "
        f"{sum(counts['relationships'].values()):,} relationships"
    )
    print()
    print(
        "| view | nodes drawn | edges | of candidates | build (s) | HTML (s) | page (MB) | load + settle in Chromium (s) | iterations | cut message |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, view, built, rendered, page in rows:
        seconds, iterations = _settle(args.chromium, page)
        notes = "; ".join([*view.notes, view.message or ""]).strip("; ")
        print(
            f"| `kg view {name}` | {view.shown:,} | {view.graph.number_of_edges():,} | {view.total:,} | {built:.2f} | "
            f"{rendered:.2f} | {page.stat().st_size / 1e6:.1f} | {seconds:.2f} | {iterations} | {notes[:160]} |"
        )
    print(f"\npages and screenshots: {out}", file=sys.stderr)


def _settle(chromium: str, page: Path) -> tuple[float, int]:
    """Seconds from navigation to stabilizationIterationsDone, with all http(s) aborted."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        requests: list[str] = []
        tab.route(re.compile(r"^(https?|wss?)://"), lambda route: (requests.append(route.request.url), route.abort()))
        started = time.perf_counter()
        tab.goto(page.resolve().as_uri())
        tab.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=120_000)
        seconds = time.perf_counter() - started
        iterations = tab.evaluate("() => kgView.iterations")
        tab.screenshot(path=str(page.with_suffix(".png")))
        browser.close()
    if requests:
        raise SystemExit(f"{page} asked the network for {requests}")
    return seconds, iterations


if __name__ == "__main__":
    main()
