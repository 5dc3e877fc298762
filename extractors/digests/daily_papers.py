"""Daily papers page copy: title, abstract, `• N authors`, `·`, then `Aug 14, 2025 [upvotes]`.
It gives no arXiv id and no author names."""

from __future__ import annotations

import re

from extractors.digests.common import DigestError, clean_text, parse_date
from kg.model import Paper

NAME = "daily-papers"

_AUTHORS = re.compile(r"^\s*[•*]\s*(?:(?P<n>\d+)\s+authors?|(?P<org>.+?))\s*$")
_DATE_LINE = re.compile(r"^\s*(?P<date>[A-Z][a-z]{2}\s+\d{1,2}(?:,\s*\d{4})?)(?:\s+(?P<upvotes>\d+))?\s*$")
_PAGE_DATE = re.compile(r"^\s*by\s*AK and the research community\s*$", re.M)


def detect(text: str) -> bool:
    lines = text.split("\n")
    dots = sum(1 for line in lines if line.strip() == "·")
    return dots > 0 and bool(re.search(r"^\s*•\s*\d+\s+authors?\s*$", text, re.M))


def parse(text: str, source: str) -> list[Paper]:
    lines = text.split("\n")
    dots = [i for i, line in enumerate(lines) if line.strip() == "·"]
    page_date = _page_date(text)
    papers = []
    entry_start = _first_entry_line(lines)
    for dot in dots:
        authors_at = _previous_nonblank(lines, dot)
        date_at = _next_nonblank(lines, dot)
        authors = _AUTHORS.match(lines[authors_at]) if authors_at is not None else None
        if authors_at is None or authors is None:
            raise DigestError("an entry's `·` has no `• N authors` line before it", dot + 1)
        date = _DATE_LINE.match(lines[date_at]) if date_at is not None else None
        if date_at is None or date is None:
            raise DigestError("truncated: an entry ends without its date line", dot + 1)
        block = [(i, lines[i].strip()) for i in range(entry_start, authors_at) if lines[i].strip()]
        if not block:
            raise DigestError("an entry without a title", authors_at + 1)
        (title_line, title), rest = block[0], block[1:]
        papers.append(
            Paper(
                source=source,
                family=NAME,
                line=title_line + 1,
                title=clean_text(title),
                abstract=clean_text(" ".join(text for _, text in rest)),
                n_authors=int(authors.group("n")) if authors.group("n") else None,
                published=parse_date(date.group("date")),
                upvotes=int(date.group("upvotes")) if date.group("upvotes") else None,
                digest_date=page_date,
            )
        )
        entry_start = date_at + 1
    trailing = [line for line in lines[entry_start:] if line.strip()]
    if dots and trailing:
        raise DigestError("truncated: the last entry has no `• N authors · date` trailer", entry_start + 1)
    return papers


def _page_date(text: str) -> str | None:
    """The page's own date (`Mar 6`) stands after the `byAK` line; kept only with a year."""
    match = _PAGE_DATE.search(text)
    if not match:
        return None
    following = text[match.end() :].lstrip("\n").split("\n", 1)[0]
    return parse_date(following.strip())


def _first_entry_line(lines: list[str]) -> int:
    """Skip the page header (up to the `byAK ...` line and the page's date line)."""
    for i, line in enumerate(lines):
        if _PAGE_DATE.match(line):
            nxt = _next_nonblank(lines, i)
            if nxt is not None and _DATE_LINE.match(lines[nxt]):
                return nxt + 1
            return i + 1
    return 0


def _previous_nonblank(lines: list[str], index: int) -> int | None:
    for i in range(index - 1, -1, -1):
        if lines[i].strip():
            return i
    return None


def _next_nonblank(lines: list[str], index: int) -> int | None:
    for i in range(index + 1, len(lines)):
        if lines[i].strip():
            return i
    return None
