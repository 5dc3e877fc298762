"""Paper records as JSON: JSON Lines or one JSON array, whatever tool wrote them.

Common field names are mapped onto `Paper`: `id`/`arxiv_id`/`entry_id` (also `arXiv:ID`
and abs/pdf/Hugging Face paper URLs), `title`, `authors` (a list of names or of
`{name: ...}` objects, or one comma-joined string), `abstract`/`summary` (also one level
down, e.g. `details.abstract`), `categories`, `primary_category`, `comment(s)`,
`journal_ref`, `doi`, dates, `upvotes`/`stars`, and an `AI` object of
tldr/motivation/method/result/conclusion. The `arxiv` package's Result fields are among
them, so `kg fetch` output reads back here.

The records are read out of the text by json_text (arrays, JSON lines, Python dict
literals, a record cut short). A broken or empty record is skipped with a warning; the
file goes on."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from extractors.digests.common import clean_text, parse_date, split_authors, venue_from_comments
from extractors.digests.json_text import ID_KEYS, URL_KEYS, CutRecord, read_records
from kg.model import Paper, normalise_arxiv_id

NAME = "json-records"

_PAPER_KEY = re.compile(r"""["'](?:arxiv_id|arxivId|entry_id|id|title|abstract|summary|paper_url)["']\s*:""")
_PAPER_URL = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|hf\.co/papers/|alphaxiv\.org/(?:abs/)?)(?P<rest>\S+)",
    re.I,
)
_URL = re.compile(r"https?://\S+|www\.\S+")
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_HEAD_CHARS = 500

_ABS_URL_KEYS = ("link", "abs", "abs_url", "arxiv_url", "arxiv_page_url", "entry_id", "url", "paper_url")
_PDF_KEYS = ("pdf_url", "pdf")
_ABSTRACT_KEYS = ("abstract", "summary", "abstract_text")
_AUTHOR_KEYS = ("authors", "author", "author_names")
_SECTIONS = ("motivation", "method", "result", "conclusion")

# Fewer words than this (links aside) is a scraper's stray page text, not an abstract;
# arXiv caps abstracts at 1,920 characters, so many times that is a page, not an abstract.
MIN_ABSTRACT_WORDS = 8
MAX_ABSTRACT_CHARS = 6000


def detect(text: str) -> bool:
    head = text.lstrip()[:4000]
    return head.startswith(("{", "[")) and bool(_PAPER_KEY.search(head))


def parse(text: str, source: str, warnings: list[str] | None = None) -> list[Paper]:
    warnings = warnings if warnings is not None else []
    papers = []
    for line_no, record in read_records(text, source, warnings):
        if not isinstance(record, dict):
            warnings.append(f"{source}: line {line_no}: not a record (a JSON {type(record).__name__}), skipped")
            continue
        paper = paper_from_record(record, source=source, line=line_no)
        if paper is None:
            warnings.append(f"{source}: line {line_no}: a record with no id, title or abstract, skipped")
            continue
        if isinstance(record, CutRecord):
            paper.incomplete.insert(0, "truncated")
        papers.append(paper)
    return papers


def paper_from_record(record: dict[str, Any], *, source: str, line: int = 0, family: str = NAME) -> Paper | None:
    """One record as a Paper; None when it has neither an id, a title nor an abstract."""
    incomplete: list[str] = []
    fields = _Fields(record)
    arxiv_id = _arxiv_id(fields)
    title = clean_text(_text(fields.get("title")))
    abstract, abstract_problem = _abstract(fields.get(*_ABSTRACT_KEYS))
    if arxiv_id is None and title is None and abstract is None:
        return None
    authors = _authors(fields.get(*_AUTHOR_KEYS))
    if not arxiv_id:
        incomplete.append("no id")
    if not title:
        incomplete.append("no title")
    if not authors:
        incomplete.append("no authors")
    if abstract_problem:
        incomplete.append(abstract_problem)
    categories = _categories(fields.get("categories", "tags"))
    category = _category(fields.get("primary_category", "category")) or (categories[0] if categories else None)
    comments = clean_text(_text(fields.get("comment", "comments")))
    ai = fields.get("AI", "ai")
    ai = ai if isinstance(ai, dict) else {}
    abs_url = _first_url(fields, _ABS_URL_KEYS)
    pdf_url = _first_url(fields, _PDF_KEYS)
    return Paper(
        source=source,
        family=family,
        line=line,
        arxiv_id=arxiv_id,
        title=title,
        abstract=abstract,
        authors=authors,
        published=_iso_date(fields.get("published", "published_date", "publishedAt", "date")),
        updated=_iso_date(fields.get("updated", "updated_date")),
        digest_date=_iso_date(fields.get("listing_date", "digest_date", "scraped_date")),
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else abs_url,
        pdf_url=pdf_url or (f"https://arxiv.org/pdf/{arxiv_id}" if arxiv_id else None),
        doi=_doi(fields.get("doi")),
        venue=clean_text(_text(fields.get("venue"))) or venue_from_comments(comments),
        comments=comments,
        journal_ref=clean_text(_text(fields.get("journal_ref", "journal-ref"))),
        category=category,
        categories=categories,
        tldr=clean_text(_text(ai.get("tldr") or fields.get("tldr"))),
        sections={name: value for name in _SECTIONS if (value := clean_text(_text(ai.get(name))))},
        n_authors=_int(fields.get("n_authors", "num_authors")),
        upvotes=_int(fields.get("upvotes", "stars", nested=False)),
        incomplete=incomplete,
    )


# --- fields --------------------------------------------------------------------------


class _Fields:
    """A record's fields by any of their names: the first non-empty value of the keys
    given, at the top level, else one level down (`details.abstract`). The nested
    records are listed once: a record is asked for some twenty fields, most absent."""

    __slots__ = ("record", "inner")

    def __init__(self, record: dict[str, Any]):
        self.record = record
        self.inner = [value for value in record.values() if isinstance(value, dict)]

    def get(self, *keys: str, nested: bool = True) -> Any:
        for key in keys:
            value = self.record.get(key)
            if value not in _EMPTY:
                return value
        if nested:
            for inner in self.inner:
                for key in keys:
                    value = inner.get(key)
                    if value not in _EMPTY:
                        return value
        return None


_EMPTY: tuple[Any, ...] = (None, "", [], {})


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return " ".join(v for v in value if isinstance(v, str))
    return None


def _arxiv_id(fields: _Fields) -> str | None:
    raw = fields.get(*ID_KEYS)
    if isinstance(raw, str) and (found := normalise_arxiv_id(raw)):
        if not raw.startswith("http") or _PAPER_URL.search(raw):
            return found
    for key in URL_KEYS:
        value = fields.get(key)
        if isinstance(value, str) and (match := _PAPER_URL.search(value)):
            if found := normalise_arxiv_id(match.group("rest")):
                return found
    return None


def _first_url(fields: _Fields, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value.strip()
    return None


def _abstract(raw: Any) -> tuple[str | None, str | None]:
    """The abstract, or None and why: missing, or text of some other part of the page."""
    text = clean_text(_text(raw))
    if not text:
        return None, "no abstract"
    # Enough words in the head decide it; no need to read a long abstract to the end.
    head = _URL.sub(" ", text[:_HEAD_CHARS])
    enough = sum(1 for _ in islice(_LETTER_WORD.finditer(head), MIN_ABSTRACT_WORDS)) == MIN_ABSTRACT_WORDS
    if not enough and len(text) > _HEAD_CHARS:
        enough = (
            sum(1 for _ in islice(_LETTER_WORD.finditer(_URL.sub(" ", text)), MIN_ABSTRACT_WORDS)) == MIN_ABSTRACT_WORDS
        )
    if not enough or len(text) > MAX_ABSTRACT_CHARS:
        return None, "abstract is page text"
    if text.endswith(("...", "…")):
        return text, "abstract cut"
    return text, None


def _authors(raw: Any) -> list[str]:
    if isinstance(raw, str):
        return split_authors(raw)
    if not isinstance(raw, list):
        return []
    names = []
    for item in raw:
        if isinstance(item, dict):
            item = (
                item.get("name")
                or item.get("full_name")
                or item.get("display_name")
                or " ".join(part for part in (item.get("first"), item.get("last")) if isinstance(part, str))
            )
        name = clean_text(item) if isinstance(item, str) else None
        if name:
            names.append(name)
    return names


def _categories(raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = raw.replace(",", " ").split()
    if not isinstance(raw, list):
        return []
    return [c for item in raw if (c := _category(item))]


def _category(raw: Any) -> str | None:
    if isinstance(raw, dict):  # the Atom feed's {"term": "cs.IR", ...}
        raw = raw.get("term")
    return clean_text(raw) if isinstance(raw, str) else None


def _iso_date(raw: Any) -> str | None:
    """`2025-11-20T08:00:00Z`, `2025-11-20 08:00:00+00:00`, `20-Nov-2025` -> `2025-11-20`."""
    if not isinstance(raw, str):
        return None
    match = _ISO_DATE.match(raw)
    return match.group(1) if match else parse_date(raw)


def _doi(raw: Any) -> str | None:
    doi = clean_text(raw) if isinstance(raw, str) else None
    if doi:
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
    return doi or None


def _int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return None
