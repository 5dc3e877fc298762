"""The view pages in a real headless Chromium (Debian's `chromium`, driven by Playwright):
each loads with the network cut off and asks for nothing, holds the nodes and edges the
command reported, stabilises, logs no error. Screenshots land in each test's tmp_path.

Without Chromium (or Playwright) these tests skip, and fail when CI=true."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import run_kg
from tests.test_views import small_batch, synthetic_batch

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_REPORTED = re.compile(r": ([\d,]+) nodes?, ([\d,]+) relationships?$")


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI needs it: apt-get install -y chromium && pip install playwright")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _missing(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Loaded:
    def __init__(self, page, counts: dict, requests: list[str], errors: list[str], seconds: float):
        self.page, self.counts, self.requests, self.errors, self.seconds = page, counts, requests, errors, seconds


def load_view(browser, html: Path, screenshot: Path, *, timeout_s: float = 30) -> Loaded:
    """Open a page with every http(s) request aborted and recorded; wait for the layout to
    settle; return the vis DataSet sizes, requests tried, console errors and time taken."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []

    def refuse(route):
        requests.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(https?|wss?)://"), refuse)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    started = time.monotonic()
    page.goto(html.resolve().as_uri())
    # The page marks <body data-stabilized> when vis-network's stabilizationIterationsDone fires
    # (a selector wait: the page's CSP forbids the eval a wait_for_function would need).
    page.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=timeout_s * 1000)
    seconds = time.monotonic() - started
    counts = page.evaluate("""() => ({
        nodes: network.body.data.nodes.length, edges: network.body.data.edges.length,
        physics: network.physics.options.enabled, stabilizedMs: kgView.stabilizedMs})""")
    page.screenshot(path=str(screenshot))
    return Loaded(page, counts, requests, errors, seconds)


def reported(result) -> tuple[int, int]:
    match = _REPORTED.search(result.stdout.strip())
    assert match, result.stdout
    return int(match[1].replace(",", "")), int(match[2].replace(",", ""))


@pytest.fixture(scope="module")
def small_store_file(tmp_path_factory):
    from kg.store import open_store

    path = tmp_path_factory.mktemp("browser") / "small.lbug"
    with open_store(str(path)) as store:
        store.write(small_batch())
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["overview"],
        ["paper", "2501.00001", "--hops", "2"],
        ["concept", "MMQ"],
        ["authors"],
        ["query", "MATCH (p:Paper)-[r:ADDRESSES]->(t:Task) RETURN p, r, t"],
        ["landscape"],
        ["method", "MMQ"],
    ],
    ids=["overview", "paper", "concept", "authors", "query", "landscape", "method"],
)
def test_browser_view_renders_offline_and_settles(browser, small_store_file, tmp_path, args):
    html = tmp_path / "view.html"
    result = run_kg("view", *args, "-o", str(html), "--store", str(small_store_file))
    assert result.returncode == 0, result.stderr
    nodes, edges = reported(result)
    loaded = load_view(browser, html, tmp_path / "view.png")
    try:
        assert loaded.requests == []
        assert loaded.errors == []
        assert loaded.counts["nodes"] == nodes and loaded.counts["edges"] == edges
        assert loaded.counts["physics"] is False  # turned off once stabilised: nothing drifts
        assert (tmp_path / "view.png").stat().st_size > 10_000
        if args[0] == "paper":
            _check_paper_details(loaded.page)
        if args[0] == "method":  # the edges carry their metric and gain, the paper's title on hover
            labels = loaded.page.evaluate("() => network.body.data.edges.get().map(e => e.label)")
            assert "NDCG@10 +3.1%" in labels
        if args[0] == "concept":  # what a reader wants first, then the graph
            assert loaded.page.inner_text("#kg-summary h1") == "Method: MMQ"
            assert loaded.page.locator("#kg-months canvas").count() == 1
    finally:
        loaded.page.close()


def _check_paper_details(page):
    """Hovering the centre shows its tooltip; clicking it shows details with the arXiv link."""
    x, y = page.evaluate("""() => {
        const p = network.canvasToDOM(network.getPositions(["Paper:2501.00001"])["Paper:2501.00001"]);
        const box = document.getElementById("mynetwork").getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""")
    page.mouse.move(x, y)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "https://arxiv.org/abs/2501.00001" in tooltip.inner_text()
    page.mouse.click(x, y)
    link = page.wait_for_selector("#kg-details a", state="visible", timeout=5000)
    assert link.get_attribute("href") == "https://arxiv.org/abs/2501.00001"
    assert "MMQ: Mixture of Quantization" in page.inner_text("#kg-details h2")


def test_browser_overview_of_500_nodes_within_10_seconds(browser, tmp_path):
    from kg.store import open_store

    store = tmp_path / "big.lbug"
    with open_store(str(store)) as graph:
        graph.write(synthetic_batch(4000))
    html = tmp_path / "overview.html"
    result = run_kg("view", "overview", "--limit", "500", "-o", str(html), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert reported(result)[0] == 500
    cut = re.match(
        r"showing 500 of ([\d,]+) nodes, the most central by PageRank \(limit 500\); left out: ", result.stderr
    )
    assert cut and int(cut[1].replace(",", "")) > 5000, result.stderr
    loaded = load_view(browser, html, tmp_path / "overview.png", timeout_s=10)
    try:
        assert loaded.requests == [] and loaded.errors == []
        assert loaded.counts["nodes"] == 500
        assert loaded.seconds < 10, loaded.seconds
    finally:
        loaded.page.close()
    asked = run_kg("view", "overview", "--limit", "5000", "-o", str(tmp_path / "all.html"), "--store", str(store))
    assert asked.returncode == 0, asked.stderr
    assert reported(asked)[0] == 1000
    assert (
        asked.stderr.splitlines()[0]
        == "limit 5,000 is above the most a view draws (1,000); drawing at most 1,000 nodes"
    )
