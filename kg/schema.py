"""The graph model of DESIGN.md as data: node labels with their properties, relationship
types with their end points and properties. Both stores build their schema from here."""

from __future__ import annotations

STRING, INT, BOOL, STRINGS = "STRING", "INT64", "BOOLEAN", "STRING[]"

# `aliases`: the names merged into this concept by the analyst (kg merge, kg.curation).
_CONCEPT = {"key": STRING, "name": STRING, "aliases": STRINGS}

NODES: dict[str, dict[str, str]] = {
    "Paper": {
        "key": STRING,
        "arxiv_id": STRING,
        "title": STRING,
        "abstract": STRING,
        "published": STRING,  # ISO dates as strings: the same on both stores
        "updated": STRING,
        "url": STRING,
        "pdf_url": STRING,
        "doi": STRING,
        "venue": STRING,
        "comments": STRING,
        "journal_ref": STRING,
        "category": STRING,
        "categories": STRINGS,
        "tldr": STRING,
        "n_authors": INT,
        "upvotes": INT,
        "digest_date": STRING,
        "sources": STRINGS,
        # How later inputs find this paper again (see kg.resolve).
        "title_key": STRING,
        "fingerprint": STRING,
        # Last, as a column added to an older store goes last: an AI digest's
        # Motivation/Method/Result/Conclusion, which kg reextract reads again.
        "sections": STRINGS,
    },
    "Author": {"key": STRING, "name": STRING},
    "Method": dict(_CONCEPT),
    "Dataset": dict(_CONCEPT),
    "Company": dict(_CONCEPT),
    "Metric": dict(_CONCEPT),
    "Task": dict(_CONCEPT),
    "Source": {"key": STRING, "name": STRING, "family": STRING, "date": STRING},
}

_EVIDENCE = {"evidence": STRING}

# type -> ((from label, to label), ...), properties
RELATIONSHIPS: dict[str, tuple[tuple[tuple[str, str], ...], dict[str, str]]] = {
    "WROTE": ((("Author", "Paper"),), {"position": INT}),
    "PROPOSES": ((("Paper", "Method"), ("Paper", "Dataset")), dict(_EVIDENCE)),
    "USES": ((("Paper", "Method"),), dict(_EVIDENCE)),
    "EVALUATES_ON": ((("Paper", "Dataset"),), dict(_EVIDENCE)),
    "MENTIONS": ((("Paper", "Company"),), {"deployed": BOOL, "evidence": STRING}),
    "REPORTS": ((("Paper", "Metric"),), {"value": STRING, "unit": STRING, "setting": STRING, "evidence": STRING}),
    "ADDRESSES": ((("Paper", "Task"),), dict(_EVIDENCE)),
    "LISTED_IN": ((("Paper", "Source"),), {"line": INT}),
    "PART_OF": ((("Company", "Company"),), {}),
}

CONCEPT_LABELS = ("Method", "Dataset", "Company", "Metric", "Task")
