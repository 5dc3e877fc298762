"""AI-enhanced digest (daily-arXiv-ai-enhanced): `### [N] [Title](https://arxiv.org/abs/ID)`,
`*authors*`, `Main category:`, `TL;DR:`, and a `<details>` block with Motivation, Method,
Result, Conclusion (often in Chinese) and the `Abstract:`, which may be cut."""

from __future__ import annotations

import re

from extractors.digests.common import DigestError, clean_text, line_of, split_authors
from kg.model import Paper, normalise_arxiv_id

NAME = "ai-enhanced"

_ENTRY = re.compile(r"^###\s*\[\d+\]\s*\[(?P<title>.+)\]\((?P<url>[^)\s]+)\)\s*$", re.M)
_CATEGORY_HEADING = re.compile(r"^#\s+(?P<cat>[a-z\-]+\.[A-Za-z\-]+)\s+\[\[Back\]\]", re.M)
_FIELD = re.compile(r"^(?P<name>Main category|TL;DR|Motivation|Method|Result|Conclusion|Abstract):\s*", re.M)
_SECTIONS = {"Motivation": "motivation", "Method": "method", "Result": "result", "Conclusion": "conclusion"}


def detect(text: str) -> bool:
    return bool(_ENTRY.search(text)) and ("Main category:" in text or "TL;DR:" in text)


def parse(text: str, source: str) -> list[Paper]:
    headings = [(m.start(), m.group("cat")) for m in _CATEGORY_HEADING.finditer(text)]
    entries = list(_ENTRY.finditer(text))
    papers = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start() if index + 1 < len(entries) else len(text)
        body = text[entry.end() : end]
        line_no = line_of(text, entry.start())
        if "<details>" in body and "</details>" not in body:
            raise DigestError("truncated: the entry's <details> block is not closed", line_no)
        body = _before_next_heading(body)
        fields = _fields(body)
        authors_match = re.match(r"\s*\*(?P<authors>[^*\n]+)\*", body)
        arxiv_id = normalise_arxiv_id(entry.group("url"))
        section_category = next((cat for pos, cat in reversed(headings) if pos < entry.start()), None)
        papers.append(
            Paper(
                source=source,
                family=NAME,
                line=line_no,
                arxiv_id=arxiv_id,
                url=entry.group("url"),
                title=clean_text(entry.group("title")),
                authors=split_authors(authors_match.group("authors")) if authors_match else [],
                category=fields.get("Main category") or section_category,
                tldr=fields.get("TL;DR"),
                abstract=fields.get("Abstract"),
                sections={key: fields[name] for name, key in _SECTIONS.items() if fields.get(name)},
            )
        )
    return papers


def _before_next_heading(body: str) -> str:
    """Drop the next category's heading and anchors that trail the last entry of a section."""
    cut = re.search(r"^<div id=|^#\s", body, re.M)
    return body[: cut.start()] if cut else body


def _fields(body: str) -> dict[str, str]:
    body = re.sub(r"</?details>|<summary>.*?</summary>", "", body)
    found = list(_FIELD.finditer(body))
    fields = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(body)
        value = clean_text(body[match.end() : end])
        if value:
            fields[match.group("name")] = value
    return fields
