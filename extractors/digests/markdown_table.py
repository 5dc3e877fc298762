"""Markdown table report: `# arXiv Daily Report - 20-Nov-2025`, then rows
`| Title | Link | abstract | author |`. An abstract may run over several lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.digests.common import DigestError, clean_text, parse_date, split_authors
from kg.model import Paper, normalise_arxiv_id

NAME = "markdown-table"

_HEADER = re.compile(r"^\|\s*Title\s*\|\s*Link\s*\|\s*abstract\s*\|\s*author\s*\|\s*$", re.I | re.M)
_DATE = re.compile(r"^#\s*arXiv Daily Report\s*-\s*(\S+)", re.I | re.M)
_ROW = re.compile(
    r"^\|\s*(?P<title>.*?)\s*\|\s*(?:\[(?P<label>[^\]]*)\]\((?P<url>[^)]*)\)|(?P<bare>\S*))\s*\|"
    r"(?P<abstract>.*)\|(?P<authors>[^|]*)\|\s*$",
    re.S,
)
_SEPARATOR = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")


def detect(text: str) -> bool:
    return bool(_HEADER.search(text))


def parse(text: str, source: str) -> list[Paper]:
    date_match = _DATE.search(text)
    digest_date = parse_date(date_match.group(1)) if date_match else None
    papers = []
    for line_no, row in _logical_rows(text):
        match = _ROW.match(row)
        if not match:
            raise DigestError("a table row without its four cells (title, link, abstract, author)", line_no)
        url = match.group("url") or match.group("label") or match.group("bare")
        arxiv_id = normalise_arxiv_id(url)
        papers.append(
            Paper(
                source=source,
                family=NAME,
                line=line_no,
                arxiv_id=arxiv_id,
                url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else clean_text(url),
                title=clean_text(match.group("title")),
                abstract=clean_text(match.group("abstract")),
                authors=split_authors(match.group("authors")),
                digest_date=digest_date,
            )
        )
    return papers


def _logical_rows(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, row text) for each data row, joining rows whose abstract
    continues over several physical lines. A row still open at the end is a truncation."""
    header = _HEADER.search(text)
    if header is None:  # detect() found it; nothing to read without it
        return
    lines = text[header.end() :].split("\n")
    first_line = text.count("\n", 0, header.end()) + 1
    current: list[str] = []
    start = 0
    for offset, line in enumerate(lines, start=first_line):
        if not current:
            if not line.strip() or _SEPARATOR.match(line.strip()):
                continue
            if not line.startswith("|"):
                # Text after the table ends it (a footer); a table with rows is done.
                break
            start = offset
        current.append(line)
        row = "\n".join(current)
        if row.rstrip().endswith("|") and row.count("|") >= 5 and _ROW.match(row):
            yield start, row
            current = []
    if current:
        raise DigestError("truncated: the last table row is not closed", start)
