"""kg trends on a store whose dates are known: every count, first-seen and growth figure,
the same on both stores; the date rule's cases; the command's formats and errors."""

from __future__ import annotations

import json

import pytest

from kg.graph import GraphBatch
from kg.store import open_store
from kg.timeline import By, parse_day, period_of, periods, shift
from kg.trends import TrendsError, trends
from tests.conftest import run_kg

# key: (published, digest_date, methods, the date the rule gives, where it came from)
DATED = {
    "2501.00001": ("2025-01-15", None, "ab", "2025-01-15", "published"),  # published beats the id
    "2501.00010": (None, "2025-01-05", "a", "2025-01-05", "id+digest"),  # digest in the id's month: its day
    "2502.00002": (None, "2025-02-20", "a", "2025-02-20", "id+digest"),
    "2503.00003": (None, "2025-05-02", "ac", "2025-03", "id"),  # digest in another month: the id's month
    "2503.00004": (None, None, "bc", "2025-03", "id"),
    "title:digestonly": (None, "2025-04-10", "c", "2025-04-10", "digest"),  # no id: the digest's date
    "title:nodate": (None, None, "a", None, "none"),
    "hep-th/9901001": (None, None, "d", "1999-01", "id"),  # an old-style id: 1999-01
    "2504.00008": ("2025-04-30T12:00:00Z", "2025-05-01", "cd", "2025-04-30", "published"),
    "2412.00009": ("2024-12-31", None, "b", "2024-12-31", "published"),
}


def dated_batch() -> GraphBatch:
    batch = GraphBatch()
    for name in "abcd":
        batch.add_node("Method", f"method{name}", name=f"Method {name.upper()}")
    for key, (published, digest, methods, _, _) in DATED.items():
        arxiv_id = None if key.startswith("title:") else key
        batch.add_node("Paper", key, arxiv_id=arxiv_id, title=f"Paper {key}", published=published, digest_date=digest)
        for name in methods:
            batch.add_rel("USES", "Paper", key, "Method", f"method{name}", evidence=f"{key} uses {name}")
    # A paper that proposes and uses A counts once for it.
    batch.add_rel("PROPOSES", "Paper", "2501.00001", "Method", "methoda", evidence="we propose A")
    return batch


@pytest.fixture
def dated_store(graph_store):
    graph_store.write(dated_batch())
    return graph_store


def test_trends_counts_first_seen_and_growth_by_month(dated_store):
    found = trends(dated_store, label="Method", by=By.month, since="2025-03", until="2025-04-15")
    assert found.periods == ["2025-03", "2025-04"] and found.previous_periods == ["2025-01", "2025-02"]
    assert (found.since, found.until) == ("2025-03-01", "2025-04-30")  # widened to whole months
    d = found.dates
    assert (d.papers, d.published, d.arxiv_day, d.arxiv_month, d.digest, d.none) == (10, 3, 2, 3, 1, 1)
    assert (d.earliest, d.latest) == ("1999-01", "2025-04-30")
    assert found.papers_per_period == [2, 2] and found.previous_papers_per_period == [2, 1]
    assert (found.window_papers, found.previous_papers, found.concepts, found.undated_for_periods) == (4, 3, 4, 0)
    by_key = {t.key: t for t in found.top}
    assert [t.key for t in found.top] == ["methodc", "methoda", "methodb", "methodd"]
    a, b, c, dd = (by_key[k] for k in ("methoda", "methodb", "methodc", "methodd"))
    assert (a.name, a.first_seen, a.counts, a.window, a.previous) == ("Method A", "2025-01-05", [1, 0], 1, 3)
    assert a.expected == pytest.approx(4.0) and a.growth == pytest.approx(-2 / 3) and a.lift == pytest.approx(0.4)
    assert (b.first_seen, b.counts, b.window, b.previous) == ("2024-12-31", [1, 0], 1, 1)
    assert a.previous_counts == [2, 1] and b.previous_counts == [1, 0]
    assert b.expected == pytest.approx(4 / 3) and b.growth == pytest.approx(0.0) and b.lift == pytest.approx(6 / 7)
    assert (c.first_seen, c.counts, c.window, c.previous, c.expected, c.growth) == ("2025-03", [2, 2], 4, 0, 0.0, None)
    assert c.lift == pytest.approx(5.0)
    assert (dd.first_seen, dd.counts, dd.window, dd.previous, dd.growth) == ("1999-01", [0, 1], 1, 0, None)
    assert dd.lift == pytest.approx(2.0)
    assert [t.key for t in found.rising] == ["methodc"]  # D rises too, but with one paper
    assert [t.key for t in found.fading] == ["methoda"]  # B fades too, but had one paper before
    assert [t.key for t in found.new] == ["methodc"]
    assert found.notes == ["1 of 10 papers have no date and are not counted"]


def test_trends_by_week_leaves_month_only_dates_out(dated_store):
    found = trends(dated_store, label="Method", by=By.week, since="2025-04-01", until="2025-04-30")
    assert found.periods == ["2025-W14", "2025-W15", "2025-W16", "2025-W17", "2025-W18"]
    assert found.previous_periods == ["2025-W09", "2025-W10", "2025-W11", "2025-W12", "2025-W13"]
    assert found.papers_per_period == [0, 1, 0, 0, 1] and found.previous_papers == 0
    assert found.undated_for_periods == 3
    assert [(t.key, t.counts, t.first_seen) for t in found.top] == [
        ("methodc", [0, 1, 0, 0, 1], "2025-03"),
        ("methodd", [0, 0, 0, 0, 1], "1999-01"),
    ]
    assert found.rising == [] and found.fading == [] and found.new == []
    assert found.notes == [
        "no dated paper before 2025-03-31: nothing to compare the window with",
        "3 papers dated only to a month (by their arXiv id) are not in weekly counts",
        "1 of 10 papers have no date and are not counted",
    ]


def test_trends_default_window_ends_at_the_newest_date(dated_store):
    found = trends(dated_store, label="Method")
    assert found.periods == ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]
    assert found.window_papers == 8 and found.previous_papers == 0  # 1999-01 is long before


def test_trends_refuses_an_empty_store_and_a_reversed_window(graph_store):
    with pytest.raises(TrendsError, match="the store holds no papers yet; load some with kg ingest"):
        trends(graph_store)
    graph_store.write(dated_batch())
    with pytest.raises(TrendsError, match="--since 2025-05 is after --until 2025-04"):
        trends(graph_store, since="2025-05", until="2025-04")


def test_timeline_periods_and_days():
    assert periods("2025-11", "2026-02", By.month) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert shift("2026-W01", -1, By.week) == "2025-W52"
    assert period_of("2025-12-29", By.week) == "2026-W01"
    assert period_of("2025-12", By.week) is None and period_of("2025-13", By.month) is None
    assert str(parse_day("2024-02", "--until", end=True)) == "2024-02-29"


def test_trends_command_formats_and_errors(tmp_path):
    path = tmp_path / "dated.lbug"
    with open_store(str(path)) as store:
        store.write(dated_batch())
    args = ["--store", str(path), "--since", "2025-03", "--until", "2025-04"]
    result = run_kg("trends", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["by"] == "month" and [t["name"] for t in data["rising"]] == ["Method C"]
    result = run_kg("trends", *args, "--format", "csv", "--label", "method")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "list,key,concept,first_seen,2025-03,2025-04,window,previous,expected,growth,lift"
    assert "top,methoda,Method A,2025-01-05,1,0,1,3,4.0,-0.6667,0.4" in lines
    assert "1 of 10 papers have no date and are not counted" in result.stderr
    table = run_kg("trends", *args)
    assert table.returncode == 0 and "Method: papers per month, 2025-03 to 2025-04" in table.stdout
    assert (
        "dates of 10 papers: 3 published, 2 arXiv id month with the digest's day, 3 arXiv id month only, "
        "1 digest date, 1 none" in table.stdout
    )
    bad = run_kg("trends", "--store", str(path), "--since", "March")
    assert (
        bad.returncode == 1
        and bad.stderr.strip() == "Error: --since 'March' is not a date; write YYYY-MM-DD (or YYYY-MM)"
    )
