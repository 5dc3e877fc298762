"""Markdown digest of `---`-separated blocks: `# Title`, then `**Authors**: A, B`,
`**Link**: [PDF](https://arxiv.org/pdf/ID)`, `**Abstract**: ...` (Awesome-arXiv-Daily-Reporter).
The arXiv id is read from the link; other `**Name**: value` fields (Comments, Categories,
Date) are read when present."""

from __future__ import annotations

import re

from extractors.digests.common import clean_text, line_of, parse_date, split_authors, venue_from_comments
from kg.model import Paper, normalise_arxiv_id

NAME = "markdown-blocks"

_SEPARATOR = re.compile(r"^[ \t]*---+[ \t]*$", re.M)
_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*$", re.M)
_FIELD = re.compile(r"^\*\*(?P<name>[A-Za-z][A-Za-z .&/-]*?)\*\*[ \t]*:[ \t]*", re.M)
_LINK_URL = re.compile(r"\((?P<url>https?://[^)\s]+)\)|(?P<bare>https?://\S+)")
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/", re.I)


def detect(text: str) -> bool:
    return bool(re.search(r"^\*\*Authors?\*\*[ \t]*:", text, re.M)) and bool(
        re.search(r"^\*\*(?:Abstract|Link)\*\*[ \t]*:", text, re.M)
    )


def parse(text: str, source: str, warnings: list[str] | None = None) -> list[Paper]:
    warnings = warnings if warnings is not None else []
    blocks = _blocks(text)
    papers: list[Paper] = []
    for index, (start, block, closed) in enumerate(blocks):
        fields = _fields(block)
        title_match = _TITLE.search(block)
        last_open = not closed and index == len(blocks) - 1
        if not fields and not (title_match and last_open and papers):
            continue  # a preamble or footer, not a paper (unless a cut-off last entry)
        line_no = line_of(text, start + (title_match.start() if title_match else 0))
        paper = _paper(title_match, fields, source, line_no)
        if paper is None:
            warnings.append(f"{source}: line {line_no}: a block with no id, title or abstract, skipped")
            continue
        if last_open and (not paper.abstract or "link" not in fields):
            paper.incomplete.append("truncated")
        papers.append(paper)
    return papers


def _blocks(text: str) -> list[tuple[int, str, bool]]:
    """(offset, text, followed by `---`) per block."""
    blocks, start = [], 0
    for sep in _SEPARATOR.finditer(text):
        blocks.append((start, text[start : sep.start()], True))
        start = sep.end()
    if text[start:].strip():
        blocks.append((start, text[start:], False))
    return blocks


def _fields(block: str) -> dict[str, str]:
    found = list(_FIELD.finditer(block))
    fields = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(block)
        fields[match.group("name").strip().lower()] = block[match.end() : end].strip()
    return fields


def _paper(title_match: re.Match[str] | None, fields: dict[str, str], source: str, line_no: int) -> Paper | None:
    urls = [m.group("url") or m.group("bare") for m in _LINK_URL.finditer(fields.get("link", ""))]
    arxiv_urls = [url for url in urls if _ARXIV_URL.search(url)]
    arxiv_id = next((found for url in arxiv_urls if (found := normalise_arxiv_id(url))), None)
    title = clean_text(title_match.group("title")) if title_match else None
    abstract = clean_text(fields.get("abstract"))
    if not (arxiv_id or title or abstract):
        return None
    authors = split_authors(fields.get("authors") or fields.get("author"))
    comments = clean_text(fields.get("comments") or fields.get("comment"))
    categories = (fields.get("categories") or fields.get("subjects") or "").replace(",", " ").split()
    incomplete = [
        reason
        for reason, missing in (
            ("no id", not arxiv_id),
            ("no title", not title),
            ("no authors", not authors),
            ("no abstract", not abstract),
        )
        if missing
    ]
    return Paper(
        source=source,
        family=NAME,
        line=line_no,
        arxiv_id=arxiv_id,
        title=title,
        abstract=abstract,
        authors=authors,
        published=parse_date(fields.get("date") or fields.get("published")),
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else (urls[0] if urls else None),
        pdf_url=next((url for url in arxiv_urls if "/pdf/" in url), None),
        comments=comments,
        venue=venue_from_comments(comments),
        category=categories[0] if categories else None,
        categories=categories,
        incomplete=incomplete,
    )
