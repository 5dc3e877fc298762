"""The graph model of DESIGN.md as data: node labels with their properties, relationship
types with their end points and properties, and the counts kept on nodes. Both stores build
their schema from here; a new label or type is a new row."""

from __future__ import annotations

from typing import NamedTuple

STRING, INT, FLOAT, BOOL, STRINGS = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"

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
    "Author": {"key": STRING, "name": STRING, "papers": INT},
    "Method": dict(_CONCEPT),
    "Dataset": dict(_CONCEPT),
    "Company": dict(_CONCEPT),
    "Metric": dict(_CONCEPT),
    "Task": dict(_CONCEPT),
    "Source": {"key": STRING, "name": STRING, "family": STRING, "date": STRING},
    # A number a paper reports, or its claim to beat a method (kg.results): its key is the
    # paper's key with the metric, value, dataset and baseline; `number` is the value as a
    # float where it reads as one, so that leaderboards sort numerically on both stores.
    "Result": {"key": STRING, "value": STRING, "number": FLOAT, "unit": STRING, "setting": STRING, "evidence": STRING},
}

# The Paper properties a record is matched by when its key is not stored (kg.resolve); both
# stores index them.
PAPER_MATCH_PROPS = ("arxiv_id", "title_key", "fingerprint")


class RelType(NamedTuple):
    """A relationship type: the (from label, to label) pairs it joins, and its properties.
    Two nodes have at most one relationship of a type, unless the type is `keyed_by` one of
    its properties: then one per value of it (two papers that say SASRec beats GRU4Rec are
    two OUTPERFORMS edges), and writes match an existing one by its end points and that value."""

    pairs: tuple[tuple[str, str], ...]
    props: dict[str, str]
    keyed_by: str | None = None


_EVIDENCE = {"evidence": STRING}

RELATIONSHIPS: dict[str, RelType] = {
    "WROTE": RelType((("Author", "Paper"),), {"position": INT}),
    "PROPOSES": RelType((("Paper", "Method"), ("Paper", "Dataset")), dict(_EVIDENCE)),
    "USES": RelType((("Paper", "Method"),), dict(_EVIDENCE)),
    "EVALUATES_ON": RelType((("Paper", "Dataset"),), dict(_EVIDENCE)),
    "MENTIONS": RelType((("Paper", "Company"),), {"deployed": BOOL, "evidence": STRING}),
    "REPORTS": RelType(
        (("Paper", "Metric"),), {"value": STRING, "unit": STRING, "setting": STRING, "evidence": STRING}
    ),
    "ADDRESSES": RelType((("Paper", "Task"),), dict(_EVIDENCE)),
    "LISTED_IN": RelType((("Paper", "Source"),), {"line": INT}),
    "PART_OF": RelType((("Company", "Company"),), {}),
    # Results and comparisons (kg.results): a result joins a paper, a metric, a dataset, the
    # method it belongs to and the one it beats, so it is a node.
    "CLAIMS": RelType((("Paper", "Result"),), {}),
    "MEASURES": RelType((("Result", "Metric"),), {}),
    "MEASURED_ON": RelType((("Result", "Dataset"),), {}),
    "ACHIEVED_BY": RelType((("Result", "Method"),), {}),
    "AGAINST": RelType((("Result", "Method"),), {}),
    "OUTPERFORMS": RelType((("Method", "Method"),), {"paper": STRING, "evidence": STRING}, keyed_by="paper"),
}


class Count(NamedTuple):
    """A node property that counts the node's outgoing relationships of one type, kept by
    every write (it goes up by one for each such relationship the write creates), so that
    ranking by it needs no aggregate over every relationship. Never written from a row."""

    label: str
    prop: str
    rel: str


COUNTS: tuple[Count, ...] = (Count("Author", "papers", "WROTE"),)


def written_props(label: str) -> list[str]:
    """The properties of a label that rows set: all but `key` and the counts."""
    counted = {count.prop for count in COUNTS if count.label == label}
    return [name for name in NODES[label] if name != "key" and name not in counted]


CONCEPT_LABELS = ("Method", "Dataset", "Company", "Metric", "Task")
