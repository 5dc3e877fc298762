"""The chart pages in a real headless Chromium: `kg view trends` and `kg report` load with
the network cut off, ask for nothing, log no error, draw their uPlot charts within 3 s,
and keep their screenshots (in each test's tmp_path)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kg.store import open_store
from tests.conftest import run_kg
from tests.test_report import report_batch
from tests.test_trends import dated_batch
from tests.test_views_browser import browser  # noqa: F401  (the module's Chromium fixture)

pytestmark = pytest.mark.browser
LOAD_SECONDS = 3


def open_page(browser, html: Path):  # noqa: F811
    """The page loaded with every http(s) request aborted; requests tried, errors, seconds."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.route(re.compile(r"^(https?|wss?)://"), lambda route: (requests.append(route.request.url), route.abort()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    started = time.monotonic()
    page.goto(html.resolve().as_uri())
    page.wait_for_selector("body[data-rendered=true]", state="attached", timeout=LOAD_SECONDS * 1000)
    return page, requests, errors, time.monotonic() - started


def test_browser_trends_view_draws_every_list(browser, tmp_path):  # noqa: F811
    store = tmp_path / "dated.lbug"
    with open_store(str(store)) as graph:
        graph.write(dated_batch())
    html = tmp_path / "trends.html"
    result = run_kg(
        "view", "trends", "--store", str(store), "--since", "2025-03", "--until", "2025-04", "-o", str(html)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{html}: 4 Method concepts over 4 months"
    page, requests, errors, seconds = open_page(browser, html)
    try:
        assert seconds < LOAD_SECONDS
        legend = page.locator(".u-legend .u-series .u-label").all_inner_texts()
        assert legend == ["month", "Method C", "Method A", "Method B", "Method D"]
        assert page.locator("#kg-table tr").count() == 5  # a header and four concepts
        page.screenshot(path=str(tmp_path / "trends.png"), full_page=True)
        for choice in ("rising", "fading", "new"):
            page.select_option("#kg-list", choice)
            assert page.locator(".u-legend .u-series").count() == 2, choice
        page.check("#kg-share")
        assert page.locator("#kg-chart canvas").count() == 1
        assert requests == [] and errors == []
    finally:
        page.close()
    assert (tmp_path / "trends.png").stat().st_size > 20_000


def test_browser_report_draws_its_charts_and_links(browser, tmp_path):  # noqa: F811
    store = tmp_path / "report.lbug"
    with open_store(str(store)) as graph:
        graph.write(report_batch())
    html = tmp_path / "report.html"
    result = run_kg("report", "--store", str(store), "--since", "2025-03-01", "-o", str(html))
    assert result.returncode == 0, result.stderr
    page, requests, errors, seconds = open_page(browser, html)
    try:
        assert seconds < LOAD_SECONDS
        assert page.locator(".kg-spark canvas").count() == 1  # one rising concept, one chart
        link = page.locator('a[href="https://arxiv.org/abs/2503.00001"][title="We propose MMQ."]')
        assert link.count() == 2  # under MMQ first seen, and under MMQ rising
        rows = page.locator("#deployments + .kg-panel tr").all_inner_texts()
        assert rows[1:] == ["Kuaishou\tCold-Start Ranking at Kuaishou 2025-03-03\tCTR +2.1% (MMQ)"]
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        assert requests == [] and errors == []
    finally:
        page.close()
    assert (tmp_path / "report.png").stat().st_size > 20_000
