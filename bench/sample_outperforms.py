"""Comparisons in a store, and a random sample of its OUTPERFORMS edges to judge by hand.

    .venv/bin/python bench/sample_outperforms.py --store /tmp/rg-bulk.lbug [--n 50] [--seed 16]

Prints the papers with an OUTPERFORMS, with a Result (a metric and value), with a
comparison (a Result AGAINST a method, which includes the papers that name no method of
their own), then `--n` OUTPERFORMS edges drawn with a fixed seed from all of them in a
fixed order (paper, winner, beaten), as Markdown table rows with their evidence, ready for a
verdict column."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.store import open_store  # noqa: E402

FIGURES = {
    "papers": "MATCH (p:Paper) RETURN count(p)",
    "papers with an OUTPERFORMS": "MATCH (:Method)-[o:OUTPERFORMS]->(:Method) RETURN count(DISTINCT o.paper)",
    "OUTPERFORMS edges": "MATCH (:Method)-[o:OUTPERFORMS]->(:Method) RETURN count(o)",
    "papers with a Result (metric and value)": "MATCH (p:Paper)-[:CLAIMS]->(:Result)-[:MEASURES]->(:Metric) "
    "RETURN count(DISTINCT p)",
    "Results with a metric and value": "MATCH (r:Result)-[:MEASURES]->(:Metric) RETURN count(r)",
    "papers with a comparison (a Result AGAINST a method)": "MATCH (p:Paper)-[:CLAIMS]->(:Result)-[:AGAINST]->"
    "(:Method) RETURN count(DISTINCT p)",
    "  of them naming no method of their own": "MATCH (p:Paper)-[:CLAIMS]->(r:Result)-[:AGAINST]->(:Method) "
    "WHERE NOT EXISTS { MATCH (r)-[:ACHIEVED_BY]->(:Method) } RETURN count(DISTINCT p)",
}
EDGES = (
    "MATCH (a:Method)-[o:OUTPERFORMS]->(b:Method) "
    "RETURN o.paper AS paper, a.name AS winner, b.name AS beaten, o.evidence AS evidence "
    "ORDER BY paper, winner, beaten"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with open_store(args.store, read_only=True) as store:
        for name, cypher in FIGURES.items():
            print(f"{name}: {store.query(cypher).rows[0][0]:,}")
        rows = store.query(EDGES).rows
    print("\n| # | paper | winner | beaten | evidence | verdict |\n|---|---|---|---|---|---|")
    for i, (paper, winner, beaten, evidence) in enumerate(random.Random(args.seed).sample(rows, args.n), start=1):
        text = " ".join((evidence or "").split()).replace("|", "\\|")
        print(f"| {i} | {paper} | {winner} | {beaten} | {text} | |")


if __name__ == "__main__":
    main()
