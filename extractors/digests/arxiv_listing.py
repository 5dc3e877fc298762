"""arXiv listing copy: an abstract, an optional comments line (`Accepted by CIKM 2025, 6
pages`), then `arXiv:ID [- doi: DOI]` naming the abstract BEFORE it; the next abstract
follows on the same line."""

from __future__ import annotations

import re

from extractors.digests.common import DigestError, clean_text, line_of, venue_from_comments
from kg.model import Paper

NAME = "arxiv-listing"

# A DOI runs up to whitespace or to the capitalised word of the next abstract glued to it.
_MARKER = re.compile(
    r"arXiv:(?P<id>\d{4}\.\d{4,5})(?:v\d+)?(?:[ \t]*-[ \t]*doi:[ \t]*(?P<doi>10\.\d{4,9}/\S+?)(?=[A-Z][a-z]|\s|$))?"
)
_LINE_START_MARKER = re.compile(r"^arXiv:\d{4}\.\d{4,5}", re.M)
_COMMENT_CUES = re.compile(
    r"\b(pages?|figures?|tables?|accepted|submitted|appear|proceedings|conference|workshop|"
    r"camera[- ]ready|preprint|under review|code|github|journal|track)\b|https?://",
    re.I,
)
_MAX_COMMENT_CHARS = 300


def detect(text: str) -> bool:
    return bool(_LINE_START_MARKER.search(text)) and not text.lstrip().startswith(("#", "|", "<", "{", "["))


def parse(text: str, source: str) -> list[Paper]:
    papers = []
    start = 0
    for marker in _MARKER.finditer(text):
        segment = text[start : marker.start()]
        seg_line = line_of(text, start + len(segment) - len(segment.lstrip()))
        start = marker.end()
        abstract, comments = _split_comments(segment)
        if not abstract:
            raise DigestError(f"arXiv:{marker.group('id')} follows no abstract", line_of(text, marker.start()))
        papers.append(
            Paper(
                source=source,
                family=NAME,
                line=seg_line,
                arxiv_id=marker.group("id"),
                url=f"https://arxiv.org/abs/{marker.group('id')}",
                abstract=abstract,
                comments=comments,
                venue=venue_from_comments(comments),
                doi=marker.group("doi"),
            )
        )
    rest = text[start:].strip()
    if rest:
        raise DigestError("truncated: the text after the last arXiv id names no paper", line_of(text, start))
    return papers


def _split_comments(segment: str) -> tuple[str | None, str | None]:
    """An abstract, and its comments line when the segment's last line reads like one."""
    lines = [line for line in segment.strip().split("\n") if line.strip()]
    comments = None
    if len(lines) > 1 and len(lines[-1]) <= _MAX_COMMENT_CHARS and _COMMENT_CUES.search(lines[-1]):
        comments = clean_text(lines.pop())
    return clean_text(" ".join(lines)), comments
