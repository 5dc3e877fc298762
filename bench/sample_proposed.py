"""Proposed names of random bulk papers, with their evidence, to judge by hand.

    .venv/bin/python bench/sample_proposed.py [--bulk DIR] [--seed 11] [--n 50]

Draws 400 bulk records with a fixed seed (records in file order, deduplicated by arXiv
id), extracts them, and prints the first `--n` that get a proposed name: each paper's id
and title, then each name with its evidence sentence."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.entities import EntityExtractor  # noqa: E402
from kg.model import Paper  # noqa: E402

DRAW = 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulk", default=str(ROOT.parent / "shared" / "corpus" / "bulk"))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    records: dict[str, dict[str, str]] = {}
    for path in sorted(Path(args.bulk).glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                records[record["arxiv_id"]] = record
    random.seed(args.seed)
    drawn = random.sample(list(records.values()), DRAW)
    papers = [
        Paper(source="bulk", family="bulk", title=r["title"], abstract=r["abstract"], arxiv_id=r["arxiv_id"])
        for r in drawn
    ]
    shown = 0
    for paper, mentions in zip(papers, EntityExtractor().pipe(papers), strict=True):
        proposed = [m for m in mentions if m.kind == "proposed"]
        if not proposed:
            continue
        shown += 1
        print(f"### {shown}. {paper.arxiv_id} | {(paper.title or '')[:110]}")
        for mention in proposed:
            print(f"   [{mention.name}] {mention.evidence[:230]}")
        if shown == args.n:
            break


if __name__ == "__main__":
    main()
