"""`kg report`: a briefing of a window of days that an analyst reads offline: papers added
by source, concepts first seen, rising concepts with a chart each, company deployments
with their online gains, the most used datasets and metrics, the most active authors;
every item links to its paper and shows its evidence sentence on hover.

    from kg.report import briefing, to_html
    with open_store("kg.lbug", read_only=True) as store:
        found = briefing(store, since="2025-11-01", topics=["cold start"], excludes=["LLM"])
    Path("report.html").write_text(to_html(found))"""

from kg.errors import ReportError
from kg.report.build import briefing
from kg.report.html import to_html
from kg.report.markdown import to_markdown
from kg.report.model import Briefing

__all__ = ["Briefing", "ReportError", "briefing", "to_html", "to_markdown"]
