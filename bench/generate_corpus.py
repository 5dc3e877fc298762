"""Generate a large, realistic corpus of digest files by recombining real records.

    .venv/bin/python bench/generate_corpus.py N OUTDIR [--seed 7] [--offset 0] [--bulk DIR]
                                                   [--family mixed|json-records|markdown-table|arxiv-listing]

Reads the real records of `../shared/corpus/bulk/*.jsonl` at run time (nothing of them is
kept in the repository) and writes N papers into OUTDIR (keep it outside git, e.g.
bench/out/, which is ignored):

- abstracts: as many sentences as a real abstract has, each a real sentence drawn from
  the pool of every bulk abstract; the opening sentence is spliced from two real ones so
  that no two papers share an abstract fingerprint. Entity density and text shape stay
  those of real abstracts.
- titles: the first half of one real title joined to the second half of another.
- authors: as many as a real record has; half real full names, half a real first name
  with a real surname (so the author count grows with N, as on arXiv).
- arXiv ids: synthetic and unique, in the months 3001.. (year 2030 on), never a real id.

Files, per block of 10,000 papers: eight blocks of ten are one JSON Lines file each;
one block is twenty markdown-table reports of 500 papers; one is twenty arXiv listing
copies of 500 papers, 5 % of whose entries re-list a paper of an earlier block (the same
text, so kg merges them into one node: the update path). Paper i is generated from
(seed, i) alone, so any range is reproducible: `--offset 1000000` continues a corpus with
new papers (a daily increment)."""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BULK = ROOT.parent / "shared" / "corpus" / "bulk"
BLOCK = 10_000
SMALL_FILE = 500
RELIST = 0.05
PAPERS_PER_MONTH = 90_000
FAMILIES = ("mixed", "json-records", "markdown-table", "arxiv-listing")

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Pools:
    """What papers are recombined from: real sentences, titles, names and author counts."""

    def __init__(self, bulk: Path):
        self.openings: list[str] = []
        self.sentences: list[str] = []
        self.shapes: list[tuple[int, int]] = []  # (sentences, authors) of each real record
        self.titles: list[list[str]] = []
        self.names: list[str] = []
        seen_names: set[str] = set()
        firsts: set[str] = set()
        lasts: set[str] = set()
        paths = sorted(glob.glob(str(bulk / "*.jsonl")))
        if not paths:
            raise SystemExit(f"no *.jsonl records in {bulk}; pass --bulk DIR")
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    parts = [_clean(s) for s in _SENTENCE.split(record.get("abstract") or "")]
                    parts = [s for s in parts if len(s) > 20]
                    if not parts or not record.get("title"):
                        continue
                    self.openings.append(parts[0])
                    self.sentences.extend(parts[1:])
                    self.shapes.append((len(parts), len(record.get("authors") or [])))
                    self.titles.append(_clean(record["title"]).split())
                    for name in record.get("authors") or []:
                        name = _clean(name)
                        words = name.split()
                        if len(words) >= 2 and name not in seen_names:
                            seen_names.add(name)
                            self.names.append(name)
                            firsts.add(words[0])
                            lasts.add(words[-1])
        self.firsts = sorted(firsts)
        self.lasts = sorted(lasts)


def _clean(text: str) -> str:
    # No cell separators, no arXiv markers inside a text: the table and listing shapes stay sound.
    return " ".join(text.replace("|", "/").replace("arXiv:", "arXiv ").split())


def paper(pools: Pools, seed: int, index: int) -> dict:
    """Paper `index` of the corpus of `seed`: the same every time."""
    rng = random.Random(seed * 1_000_003 + index)
    n_sentences, n_authors = rng.choice(pools.shapes)
    first, second = rng.choice(pools.openings).split(), rng.choice(pools.openings).split()
    opening = " ".join(first[: max(3, len(first) // 2)] + second[len(second) // 2 :])
    body = [rng.choice(pools.sentences) for _ in range(max(0, n_sentences - 1))]
    head, tail = rng.choice(pools.titles), rng.choice(pools.titles)
    title = " ".join(head[: max(1, len(head) // 2)] + tail[len(tail) // 2 :])
    authors = []
    for _ in range(max(1, n_authors)):
        if rng.random() < 0.5:
            authors.append(rng.choice(pools.names))
        else:
            authors.append(f"{rng.choice(pools.firsts)} {rng.choice(pools.lasts)}")
    month = index // PAPERS_PER_MONTH
    arxiv_id = f"{30 + month // 12:02d}{month % 12 + 1:02d}.{index % PAPERS_PER_MONTH + 1:05d}"
    day = 1 + (index // 500) % 28
    return {
        "arxiv_id": arxiv_id,
        "title": title,
        "authors": list(dict.fromkeys(authors)),
        "abstract": " ".join([opening, *body]),
        "link": f"https://arxiv.org/abs/{arxiv_id}",
        "listing_date": f"{2030 + month // 12}-{month % 12 + 1:02d}-{day:02d}",
    }


def _family(block: int, family: str) -> str:
    if family != "mixed":
        return family
    return {8: "markdown-table", 9: "arxiv-listing"}.get(block % 10, "json-records")


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _markdown_table(records: list[dict]) -> str:
    year, month, day = records[0]["listing_date"].split("-")
    lines = [
        f"# arXiv Daily Report - {day}-{_MONTHS[int(month) - 1]}-{year}",
        "",
        "| Title | Link | abstract | author |",
        "| --- | --- | --- | --- |",
    ]
    for r in records:
        lines.append(f"| {r['title']} | [{r['link']}]({r['link']}) | {r['abstract']} | {', '.join(r['authors'])} |")
    return "\n".join(lines) + "\n"


def _listing(records: list[dict]) -> str:
    # Each abstract is followed by `arXiv:ID`, the next abstract glued to it, as copies look.
    return "".join(f"{r['abstract']}\narXiv:{r['arxiv_id']}" for r in records) + "\n"


WRITERS = {
    "json-records": (_jsonl, "jsonl"),
    "markdown-table": (_markdown_table, "md"),
    "arxiv-listing": (_listing, "txt"),
}


def generate(
    n: int, outdir: Path, *, seed: int = 7, offset: int = 0, family: str = "mixed", bulk: Path = DEFAULT_BULK
) -> dict[str, int]:
    """Write papers offset .. offset+n-1 into outdir; returns files written per family."""
    pools = Pools(bulk)
    outdir.mkdir(parents=True, exist_ok=True)
    written = {name: 0 for name in WRITERS}
    for start in range(offset, offset + n, BLOCK):
        stop = min(start + BLOCK, offset + n)
        block = start // BLOCK
        kind = _family(block, family)
        write, ext = WRITERS[kind]
        size = BLOCK if kind == "json-records" else SMALL_FILE
        for part, lo in enumerate(range(start, stop, size)):
            hi = min(lo + size, stop)
            records = [paper(pools, seed, i) for i in range(lo, hi)]
            if kind == "arxiv-listing" and lo >= BLOCK:
                rng = random.Random(seed * 7919 + lo)
                for j in range(len(records)):
                    if rng.random() < RELIST:  # an earlier paper listed again, e.g. a revision
                        records[j] = paper(pools, seed, rng.randrange(0, (lo // BLOCK) * BLOCK))
            name = f"s{seed}-{block:04d}-{part:02d}.{ext}"
            (outdir / name).write_text(write(records), encoding="utf-8")
            written[kind] += 1
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="papers to generate")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--offset", type=int, default=0, help="index of the first paper (continue a corpus)")
    parser.add_argument("--family", choices=FAMILIES, default="mixed")
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = generate(args.n, args.outdir, seed=args.seed, offset=args.offset, family=args.family, bulk=args.bulk)
    files = ", ".join(f"{count} {name}" for name, count in written.items() if count)
    size = sum(os.path.getsize(p) for p in args.outdir.iterdir()) / 1e6
    print(
        f"{args.n:,} papers in {args.outdir} ({files} files, {size:,.0f} MB) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
