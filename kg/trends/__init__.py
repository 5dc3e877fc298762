"""What is new and what is rising: papers per period per concept, first seen, growth
against the previous window, the rising and the fading.

    from kg.trends import trends
    with open_store("kg.lbug", read_only=True) as store:
        found = trends(store, label="Method", by=By.month)

The window is a run of whole periods (the last six months, or eight weeks, of the store
unless --since/--until say otherwise); the previous window is as many periods just before
it. A concept's *lift* compares its papers in the window with what its share of the
previous window predicts for the window's papers, +1 smoothed, so that a corpus that grew
does not make everything rise: lift = (window + 1) / (previous x window papers / previous
papers + 1). Rising: lift above 1, at least MIN_PAPERS papers in the window; fading: lift
below 1, at least MIN_PAPERS papers in the previous window.

On a large store the cost is one pass over the label's links (kg/cypher/concept-windows),
which returns only the concepts a list can show, then papers per period for those alone.

The package, by job:

    compute.py  trends(): the window, the counts, the four lists
    dates.py    how papers are dated, papers per period, the window's periods
    counts.py   papers per concept in the windows and per period, read from the store
    model.py    Trends, ConceptTrend, DateCounts, ConceptLabel
    text.py     the lists as table and CSV rows, the summary lines"""

from kg.errors import TrendsError
from kg.trends.compute import DEFAULT_TOP, trends
from kg.trends.counts import MIN_PAPERS
from kg.trends.dates import paper_dates
from kg.trends.model import ConceptLabel, ConceptTrend, DateCounts, Trends
from kg.trends.text import SECTIONS, csv_rows, percent, summary_lines, table_rows

__all__ = [
    "DEFAULT_TOP",
    "MIN_PAPERS",
    "SECTIONS",
    "ConceptLabel",
    "ConceptTrend",
    "DateCounts",
    "Trends",
    "TrendsError",
    "csv_rows",
    "paper_dates",
    "percent",
    "summary_lines",
    "table_rows",
    "trends",
]
