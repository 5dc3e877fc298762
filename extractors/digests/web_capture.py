"""Text-browser capture of a Hugging Face papers page (daily list or search results): entries
`### [Title][n]`, the abstract in a `[ ... ][n]` link, `* N authors` (or an organisation
`[[handle] Name][n]`), `·`, the date (`May 30`, `Mar 8, 2024`, maybe a comment count
`[ 6][n]`), then the upvotes (`-` for none). Links are reference-style; where the reference
list survives, a title's `huggingface.co/papers/ID` link gives the arXiv id. A capture may
stop mid-entry (`[Content truncated]`): that entry is kept and marked truncated.

The page copy of the same site pasted as plain text is `daily_papers`."""

from __future__ import annotations

import re
from datetime import date

from extractors.digests.common import clean_text, line_of, parse_date
from kg.model import Paper, normalise_arxiv_id

NAME = "web-capture"

# A long title wraps onto further `### ` lines; a line ending in `][n]` ends the title.
_ENTRY = re.compile(r"^###[ \t]*\[(?P<title>(?:(?!.*\]\[\d+\][ \t]*$).+\n###[ \t]*)*.+)\]\[(?P<ref>\d+)\][ \t]*$", re.M)
_DOT = re.compile(r"^[ \t]*·[ \t]*$", re.M)
_BRACKET = re.compile(r"^\[[ \t]*\n(?P<inner>.*?)\n?[ \t]*\]\[\d+\][ \t]*$", re.M | re.S)
_N_AUTHORS = re.compile(r"^\s*\*\s*(?P<n>\d+)\s+authors?\s*$")
_ORG = re.compile(r"^\[\[[^\]]*\][ \t]*(?P<org>[^\]]+)\]\[\d+\][ \t]*$", re.M)
_DATE = re.compile(  # `Mar 8, 2024 [ 6][39]`: the bracket is the comment count, not upvotes
    r"^[ \t]*(?P<month>[A-Z][a-z]{2})[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?"
    r"(?:[ \t]*\[[ \t]*\d+\]\[\d+\])?[ \t]*$",
    re.M,
)
_UPVOTES = re.compile(r"\A\s*\[[ \t]*\n[ \t]*(?P<n>\d+|-)[ \t]*\n[ \t]*\]\[\d+\]")
_CAPTURED = re.compile(r"^[-*][ \t]*Captured[^:]*:[ \t]*(?P<date>\d{4}-\d{2}-\d{2})", re.M)
_TRUNCATED = re.compile(r"^\[Content truncated\][ \t]*$", re.M)
_REFERENCE = re.compile(r"^[ \t]*\[(?P<n>\d+)\]:[ \t]*(?P<url>\S+)", re.M)
_PAPER_URL = re.compile(r"(?:huggingface\.co|hf\.co)/papers/(?P<id>[^\s/?#]+)|arxiv\.org/(?:abs|pdf)/(?P<abs>\S+)")


def detect(text: str) -> bool:
    return bool(_ENTRY.search(text)) and bool(_DOT.search(text))


def parse(text: str, source: str) -> list[Paper]:
    captured = _captured(text)
    references = {m.group("n"): m.group("url") for m in _REFERENCE.finditer(text)}
    cut = _TRUNCATED.search(text)
    end_of_page = cut.start() if cut else len(text)
    entries = [m for m in _ENTRY.finditer(text) if m.start() < end_of_page]
    papers = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else end_of_page
        body = text[entry.end() : end]
        paper = _paper(entry, body, source, line_of(text, entry.start()), references, captured)
        if cut and index == len(entries) - 1 and paper.incomplete and "truncated" not in paper.incomplete:
            paper.incomplete.insert(0, "truncated")  # cut after the `·`, before date or upvotes
        papers.append(paper)
    return papers


def _paper(
    entry: re.Match[str], body: str, source: str, line_no: int, references: dict[str, str], captured: date | None
) -> Paper:
    incomplete = []
    dot = _DOT.search(body)
    head = body[: dot.start()] if dot else body
    abstract_match = _BRACKET.search(head)
    if abstract_match:
        abstract = clean_text(abstract_match.group("inner"))
    elif not dot:  # cut inside the abstract: `[` and what came of it
        abstract = clean_text(re.sub(r"\A\s*\[\s*\n", "", head).replace("```", ""))
    else:
        abstract = None
    n_authors = None
    published = upvotes = None
    if dot:
        byline = head[abstract_match.end() :] if abstract_match else head
        authors = _BRACKET.search(byline)
        n_match = _N_AUTHORS.match(authors.group("inner")) if authors else None
        n_authors = int(n_match.group("n")) if n_match else None
        if n_authors is None and not _ORG.search(byline):
            incomplete.append("no authors")
        tail = body[dot.end() :]
        date_match = _DATE.search(tail)
        if date_match and not tail[: date_match.start()].strip():
            published = _date(date_match, captured)
            up = _UPVOTES.match(tail[date_match.end() :])
            if up:
                upvotes = 0 if up.group("n") == "-" else int(up.group("n"))
        else:
            incomplete.append("no date")
    else:
        incomplete.append("truncated")
    if not abstract:
        incomplete.append("no abstract")
    url = references.get(entry.group("ref"))
    arxiv_id = _arxiv_id(url)
    return Paper(
        source=source,
        family=NAME,
        line=line_no,
        arxiv_id=arxiv_id,
        title=clean_text(entry.group("title").replace("\n###", " ")),
        abstract=abstract,
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else url,
        n_authors=n_authors,
        published=published,
        upvotes=upvotes,
        digest_date=captured.isoformat() if captured else None,
        incomplete=incomplete,
    )


def _captured(text: str) -> date | None:
    match = _CAPTURED.search(text[:2000])
    return date.fromisoformat(match.group("date")) if match else None


def _date(match: re.Match[str], captured: date | None) -> str | None:
    """`Mar 8, 2024` as given; a date without a year (`May 30`) is the latest such day on
    or before the capture date."""
    month_day = f"{match.group('month')} {match.group('day')}"
    if match.group("year"):
        return parse_date(f"{month_day}, {match.group('year')}")
    if captured is None:
        return None
    this_year = parse_date(f"{month_day}, {captured.year}")
    if this_year and this_year > captured.isoformat():
        return parse_date(f"{month_day}, {captured.year - 1}")
    return this_year


def _arxiv_id(url: str | None) -> str | None:
    match = _PAPER_URL.search(url or "")
    return normalise_arxiv_id(match.group("id") or match.group("abs")) if match else None
