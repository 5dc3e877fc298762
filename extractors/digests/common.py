"""Small helpers the digest parsers share."""

from __future__ import annotations

import re
from datetime import datetime

from kg.errors import DigestError
from kg.model import clean_text

__all__ = ["DigestError", "clean_text", "line_of", "parse_date", "split_authors", "venue_from_comments"]


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


_DATE_FORMATS = ("%d-%b-%Y", "%b %d, %Y", "%Y-%m-%d", "%d %b %Y", "%B %d, %Y", "%Y%m%d")


def parse_date(raw: str | None) -> str | None:
    """`20-Nov-2025`, `Aug 14, 2025`, `2025-11-20` -> ISO date; None when no year is given."""
    if not raw:
        return None
    raw = raw.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


_AFFILIATION = re.compile(r"\s*\([^)]*\)\s*$")


def split_authors(raw: str | None) -> list[str]:
    """`A, B,C` -> names in order, without trailing `(Affiliation)`."""
    if not raw:
        return []
    names = []
    for part in raw.split(","):
        name = clean_text(_AFFILIATION.sub("", part))
        if name and name.lower() not in ("et al", "et al.", "others"):
            names.append(name)
    return names


_ACCEPTED = re.compile(
    r"\b(?:accepted|published|to appear|appear(?:s|ed)?)\b\s*(?:as\s+\w+(?:\s+\w+)?\s+)?"
    r"(?:by|at|to|in|for)?\s*(?:the\s+)?(?P<venue>[^,;.()]+)",
    re.IGNORECASE,
)
_ACRONYM_YEAR = re.compile(r"\b(?P<venue>[A-Z][A-Za-z]*[A-Z](?:[-\s][A-Z][A-Za-z]*)?\s?'?(?:19|20)\d{2})\b")


def venue_from_comments(comments: str | None) -> str | None:
    """`Accepted by CIKM 2025, 6 pages` -> `CIKM 2025`; a bare `SIGIR 2025` counts too."""
    if not comments:
        return None
    match = _ACCEPTED.search(comments)
    if match:
        venue = clean_text(match.group("venue"))
        venue = re.sub(r"\s+(?:main|short|long|full|research|industry)\b.*$", "", venue or "", flags=re.I)
        if venue and re.search(r"[A-Z]", venue) and len(venue) <= 80:
            return venue
    match = _ACRONYM_YEAR.search(comments)
    return clean_text(match.group("venue")) if match else None
