"""The records that flow through kg: a paper as one input gives it, and the keys that
decide when two records are the same paper, author or concept."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

ARXIV_ID = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
OLD_ARXIV_ID = re.compile(r"\b([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b")


@dataclass
class Paper:
    """One paper as one input gives it. Fields the input lacks stay None/empty."""

    source: str  # the input file's name (or feed name)
    family: str  # which parser read it
    line: int = 0  # 1-based line where the record starts
    arxiv_id: str | None = None  # without version
    title: str | None = None
    abstract: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    updated: str | None = None
    digest_date: str | None = None  # date of the digest that listed it
    url: str | None = None
    pdf_url: str | None = None
    doi: str | None = None
    venue: str | None = None
    comments: str | None = None
    journal_ref: str | None = None
    category: str | None = None
    categories: list[str] = field(default_factory=list)
    tldr: str | None = None
    # The AI digest's Motivation/Method/Result/Conclusion lines, read by the extractors.
    sections: dict[str, str] = field(default_factory=dict)
    n_authors: int | None = None
    upvotes: int | None = None
    incomplete: list[str] = field(default_factory=list)  # what the input lacked or broke

    @property
    def text(self) -> str:
        """Everything an extractor may read about the paper, one part per line."""
        parts = [self.title, self.abstract, self.comments, self.tldr, *self.sections.values()]
        return "\n".join(p for p in parts if p)


def clean_text(text: str | None) -> str | None:
    """Collapse whitespace; empty becomes None."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def normalise_arxiv_id(raw: str | None) -> str | None:
    """`arXiv:2511.14403v2` or an abs/pdf URL -> `2511.14403`; None when there is none."""
    if not raw:
        return None
    match = ARXIV_ID.search(raw)
    if match:
        return match.group(1)
    match = OLD_ARXIV_ID.search(raw)
    return match.group(1) if match else None


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def concept_key(name: str) -> str:
    """Key of a concept: case-folded, without spaces, hyphens, dots and quotes, so that
    `Recall@10`/`recall@10` and `MMQ-v2`/`MMQv2` are one node (as the gold scoring does)."""
    return "".join(ch for ch in _fold(name) if ch.isalnum() or ch in "@+#&")


def author_key(name: str) -> str:
    return " ".join(_fold(name).replace(".", " ").split())


_NOT_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")


def title_key(title: str | None) -> str | None:
    """Letters and digits of the case-folded title (`\\w` less the underscore is `isalnum`)."""
    if not title:
        return None
    return _NOT_ALNUM.sub("", _fold(title)) or None


FINGERPRINT_WORDS = 24


_FINGERPRINT_HEAD = 400  # characters: nearly always more than FINGERPRINT_WORDS words


def abstract_fingerprint(abstract: str | None) -> str | None:
    """A hash of the abstract's opening words: digests that cut the abstract short still
    agree on its start. Too short an abstract gives no fingerprint."""
    if not abstract:
        return None
    head = abstract if len(abstract) <= _FINGERPRINT_HEAD else abstract[:_FINGERPRINT_HEAD]
    words = _WORD.findall(_fold(head))
    if len(words) <= FINGERPRINT_WORDS and head is not abstract:
        words = _WORD.findall(_fold(abstract))  # a head of long words: read it all
    if len(words) < FINGERPRINT_WORDS:
        return None
    return hashlib.sha1(" ".join(words[:FINGERPRINT_WORDS]).encode()).hexdigest()[:20]


def paper_key(paper: Paper) -> str:
    """The node key DESIGN.md fixes: the arXiv id, else `title:<normalised title>`,
    else `abstract:<fingerprint>`."""
    if paper.arxiv_id:
        return paper.arxiv_id
    if tk := title_key(paper.title):
        return f"title:{tk}"
    if fp := abstract_fingerprint(paper.abstract):
        return f"abstract:{fp}"
    raise ValueError("a paper needs an id, a title or an abstract")
