"""kg report on a store whose papers are known: the window and the previous one, sources,
concepts first seen, the rising with their chart, deployments with gains, datasets,
metrics, authors, topics and exclusions; the same on both stores; the page and the
Markdown carry links with the evidence."""

from __future__ import annotations

import pytest

from extractors.entities import Mention
from kg.graph import GraphBatch
from kg.report import ReportError, briefing, to_html, to_markdown
from kg.results import add_comparisons
from kg.store import open_store
from tests.conftest import run_kg

WINDOW = {"since": "2025-03-01", "until": "2025-03-07"}


def report_batch() -> GraphBatch:
    """Four papers in the first week of March 2025, one in the week before, one earlier."""
    b = GraphBatch()
    papers = {  # key: (title, published, source, authors)
        "2503.00001": ("Cold-Start Ranking at Kuaishou", "2025-03-03", "digest-a.md", ["ann", "bo"]),
        "2503.00002": ("LLM reranking", "2025-03-05", "digest-a.md", ["ann"]),
        "2503.00003": ("Cold start with MMQ", "2025-03-06", "digest-b.md", ["cy"]),
        "2503.00006": ("MMQ again", "2025-03-07", None, ["ann"]),
        "2502.00004": ("An LLM on MovieLens", "2025-02-26", "digest-b.md", ["bo"]),
        "2502.00005": ("An early LLM", "2025-02-10", None, []),
    }
    for key, name in (("ann", "Ann Lee"), ("bo", "Bo Chen"), ("cy", "Cy Wu")):
        b.add_node("Author", key, name=name)
    for key, family in (("digest-a.md", "markdown-table"), ("digest-b.md", "arxiv-listing")):
        b.add_node("Source", key, name=key, family=family, date="2025-03-07")
    for key, (title, published, source, authors) in papers.items():
        b.add_node("Paper", key, arxiv_id=key, title=title, published=published, abstract=f"About {title.lower()}.")
        if source:
            b.add_rel("LISTED_IN", "Paper", key, "Source", source, line=1)
        for position, author in enumerate(authors, 1):
            b.add_rel("WROTE", "Author", author, "Paper", key, position=position)
    for label, key, name in (("Method", "mmq", "MMQ"), ("Method", "llm", "LLM"), ("Dataset", "movielens", "MovieLens"),
                             ("Company", "kuaishou", "Kuaishou"), ("Metric", "ctr", "CTR"), ("Metric", "auc", "AUC"),
                             ("Task", "coldstartrecommendation", "cold-start recommendation")):  # fmt: skip
        b.add_node(label, key, name=name)
    b.add_rel("PROPOSES", "Paper", "2503.00001", "Method", "mmq", evidence="We propose MMQ.")
    b.add_rel("USES", "Paper", "2503.00003", "Method", "mmq", evidence="MMQ codes items.")
    b.add_rel("USES", "Paper", "2503.00006", "Method", "mmq", evidence="MMQ again.")
    for paper in ("2503.00002", "2502.00004", "2502.00005"):
        b.add_rel("USES", "Paper", paper, "Method", "llm", evidence="An LLM reranks.")
    for paper in ("2503.00001", "2503.00002", "2502.00004"):
        b.add_rel("EVALUATES_ON", "Paper", paper, "Dataset", "movielens", evidence="On MovieLens-1M.")
    b.add_rel("MENTIONS", "Paper", "2503.00001", "Company", "kuaishou", deployed=True, evidence="Deployed at Kuaishou.")
    b.add_rel("REPORTS", "Paper", "2503.00001", "Metric", "ctr", value="+2.1%", unit="%", setting="online",
              evidence="CTR rose by +2.1% online.")  # fmt: skip
    gain = Mention(
        "result", "CTR", "CTR rose by +2.1% online.", value="+2.1%", unit="%", setting="online", method="MMQ"
    )
    add_comparisons(b, "2503.00001", [gain], datasets=set())  # as ingest adds it
    for paper in ("2503.00001", "2503.00002"):
        b.add_rel("REPORTS", "Paper", paper, "Metric", "auc", value="0.81", setting="offline", evidence="AUC 0.81.")
    b.add_rel("ADDRESSES", "Paper", "2503.00003", "Task", "coldstartrecommendation", evidence="Cold-start items.")
    return b


@pytest.fixture
def report_store(graph_store):
    graph_store.write(report_batch())
    return graph_store


def _names(items) -> list[tuple[str, int]]:
    return [(i.name, i.papers) for i in items]


def test_report_window_counts_and_lists(report_store):
    b = briefing(report_store, **WINDOW)
    assert (b.since, b.until, b.previous_since, b.previous_until) == (
        "2025-03-01",
        "2025-03-07",
        "2025-02-22",
        "2025-02-28",
    )
    assert [p.key for p in b.papers] == ["2503.00006", "2503.00003", "2503.00002", "2503.00001"]
    assert b.papers[0].url == "https://arxiv.org/abs/2503.00006" and b.previous_papers == 1
    assert [(s.name, s.family, s.papers) for s in b.sources] == [
        ("digest-a.md", "markdown-table", 2),
        ("digest-b.md", "arxiv-listing", 1),
        ("no digest or feed", None, 1),
    ]
    assert [lk.paper.key for lk in b.sources[0].links] == ["2503.00002", "2503.00001"]
    assert b.new_totals == {"Method": 1, "Dataset": 0, "Company": 1, "Metric": 2, "Task": 1}
    mmq = b.new["Method"][0]
    assert (mmq.name, mmq.papers, mmq.first_seen) == ("MMQ", 3, "2025-03-03")
    assert [(lk.paper.key, lk.evidence) for lk in mmq.links] == [
        ("2503.00001", "We propose MMQ."),
        ("2503.00003", "MMQ codes items."),
        ("2503.00006", "MMQ again."),
    ]
    assert _names(b.new["Metric"]) == [("AUC", 2), ("CTR", 1)]
    assert _names(b.new["Task"]) == [("cold-start recommendation", 1)]
    # MMQ: 3 papers, none before: expected 0, lift 4; LLM: 1 against 1 x 4/1 expected, not rising
    assert [(r.name, r.label, r.papers, r.previous, r.expected, r.lift) for r in b.rising] == [
        ("MMQ", "Method", 3, 0, 0.0, 4.0)
    ]
    assert b.chart_periods[0] == "2024-W51" and b.chart_periods[-1] == "2025-W10"
    assert b.rising[0].series == [0] * 11 + [3]
    [deployment] = b.deployments
    assert (deployment.company, deployment.paper.key, deployment.evidence) == (
        "Kuaishou",
        "2503.00001",
        "Deployed at Kuaishou.",
    )
    assert deployment.gains == [("CTR", "+2.1%", "CTR rose by +2.1% online.", "MMQ")]
    assert _names(b.datasets) == [("MovieLens", 2)] and _names(b.metrics) == [("AUC", 2), ("CTR", 1)]
    assert _names(b.authors) == [("Ann Lee", 3), ("Bo Chen", 1), ("Cy Wu", 1)]
    assert b.notes == []


def test_report_topics_and_exclusions(report_store):
    words = briefing(report_store, **WINDOW, topics=["cold start"])  # title words, hyphen or not
    assert [p.key for p in words.papers] == ["2503.00003", "2503.00001"]
    concept = briefing(report_store, **WINDOW, topics=["mmq"], excludes=["Kuaishou"])
    assert [p.key for p in concept.papers] == ["2503.00006", "2503.00003"]
    no_llm = briefing(report_store, **WINDOW, excludes=["LLM"])
    assert [p.key for p in no_llm.papers] == ["2503.00006", "2503.00003", "2503.00001"] and no_llm.previous_papers == 0
    assert no_llm.rising == []
    partial = briefing(report_store, **WINDOW, topics=["rank"])  # whole words only: not 'Ranking', 'reranking'
    assert partial.papers == []


def test_report_refuses_an_empty_store_and_a_reversed_window(graph_store):
    with pytest.raises(ReportError, match="the store holds no papers yet"):
        briefing(graph_store)
    graph_store.write(report_batch())
    with pytest.raises(ReportError, match="--since 2025-03-08 is after --until 2025-03-07"):
        briefing(graph_store, since="2025-03-08", until="2025-03-07")
    assert briefing(graph_store).until == "2025-03-07"  # the newest paper's date


def test_report_page_and_markdown_link_papers_with_evidence(ladybug_store):
    ladybug_store.write(report_batch())
    b = briefing(ladybug_store, **WINDOW)
    page = to_html(b)
    assert (
        '<a href="https://arxiv.org/abs/2503.00001" title="We propose MMQ.">Cold-Start Ranking at Kuaishou</a>' in page
    )
    assert '<span title="CTR rose by +2.1% online.">CTR +2.1% (MMQ)</span>' in page
    assert "https://cdn" not in page and "<script src" not in page
    md = to_markdown(b)
    assert (
        '- **Kuaishou**: [Cold-Start Ranking at Kuaishou](https://arxiv.org/abs/2503.00001 "Deployed at Kuaishou."); CTR +2.1% (MMQ)'
        in md
    )
    assert "- **MMQ** (Method) ▁▁▁▁▁▁▁▁▁▁▁█ 3 papers, 0 before, lift 4.0: " in md


def test_report_command_writes_html_and_markdown(tmp_path):
    store = tmp_path / "report.lbug"
    with open_store(str(store)) as graph:
        graph.write(report_batch())
    page = tmp_path / "out" / "report.html"
    result = run_kg("report", "--store", str(store), "--since", "2025-03-01", "-o", str(page))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"{page}: 4 papers from 2025-03-01 to 2025-03-07, 5 concepts first seen, "
                                     "1 rising, 1 deployment")  # fmt: skip
    assert page.read_text().startswith("<!DOCTYPE html>")
    md = run_kg("report", "--store", str(store), "--format", "md", "-o", "-", "--topic", "cold start", "-x", "Kuaishou")
    assert md.returncode == 0 and md.stdout.startswith("# Briefing 2025-03-01 to 2025-03-07: cold start\n")
    assert "1 paper, 0 in the previous window" in md.stdout
    bad = run_kg("report", "--store", str(store), "--until", "yesterday")
    assert (
        bad.returncode == 1
        and bad.stderr.strip() == "Error: --until 'yesterday' is not a date; write YYYY-MM-DD (or YYYY-MM)"
    )
