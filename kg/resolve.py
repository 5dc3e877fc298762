"""One node per paper: match records to each other and to the store by arXiv id, then
normalised title, then abstract fingerprint, and merge their fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.graph import Row
from kg.model import Paper, abstract_fingerprint, paper_key, title_key
from kg.schema import NODES, PAPER_MATCH_PROPS
from kg.store.base import GraphStore

PAPER_PROPS = list(NODES["Paper"])
# Fields a later record fills only when the node lacks them.
_FILL = (
    "published",
    "updated",
    "url",
    "pdf_url",
    "doi",
    "venue",
    "comments",
    "journal_ref",
    "category",
    "tldr",
    "digest_date",
)


@dataclass
class PaperNode:
    """A Paper node as it will be written, and the records that make it up."""

    key: str
    props: Row
    stored: Row | None = None  # the properties in the store before this batch
    records: list[Paper] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.stored is None

    @property
    def changed(self) -> bool:
        return self.stored is not None and self.stored != self.props


class MatchKeys(NamedTuple):
    """What a record is matched by: its node key and the PAPER_MATCH_PROPS."""

    key: str
    arxiv_id: str | None
    title_key: str | None
    fingerprint: str | None


def match_keys(paper: Paper) -> MatchKeys:
    return MatchKeys(paper_key(paper), paper.arxiv_id, title_key(paper.title), abstract_fingerprint(paper.abstract))


def lookup_stored(store: GraphStore, keys: Sequence[MatchKeys]) -> list[Row]:
    """Stored Paper nodes that any of these records (with their `match_keys`) may be: same
    key, id, title or fingerprint."""
    return store.find_papers(
        {prop: sorted({value for k in keys if (value := getattr(k, prop))}) for prop in ("key", *PAPER_MATCH_PROPS)}
    )


def resolve(
    papers: Sequence[Paper], stored: list[Row], keys: Sequence[MatchKeys]
) -> tuple[list[PaperNode], list[PaperNode]]:
    """Group records (with their `match_keys`) into nodes. Returns (nodes in first-seen
    order, the node of each record)."""
    by_id: dict[str, PaperNode] = {}
    by_title: dict[str, PaperNode] = {}
    by_print: dict[str, PaperNode] = {}

    def index(node: PaperNode) -> None:
        props = node.props
        if props.get("arxiv_id"):
            by_id.setdefault(props["arxiv_id"], node)
        if props.get("title_key"):
            by_title.setdefault(props["title_key"], node)
        if props.get("fingerprint"):
            by_print.setdefault(props["fingerprint"], node)

    for row in stored:
        index(PaperNode(key=row["key"], props=dict(row), stored=dict(row)))

    nodes: dict[str, PaperNode] = {}
    owners: list[PaperNode] = []
    for paper, found in zip(papers, keys, strict=True):
        node = _find(paper, found, by_id, by_title, by_print)
        if node is None:
            node = PaperNode(key=found.key, props={name: None for name in PAPER_PROPS} | {"key": found.key})
        merge_record(node.props, paper, found)
        node.records.append(paper)
        nodes.setdefault(node.key, node)
        owners.append(node)
        index(node)
    return list(nodes.values()), owners


def _find(
    paper: Paper,
    found: MatchKeys,
    by_id: dict[str, PaperNode],
    by_title: dict[str, PaperNode],
    by_print: dict[str, PaperNode],
) -> PaperNode | None:
    if paper.arxiv_id and paper.arxiv_id in by_id:
        return by_id[paper.arxiv_id]
    # Two different arXiv ids are two papers, however alike their titles.
    for index, value in ((by_title, found.title_key), (by_print, found.fingerprint)):
        node = index.get(value) if value else None
        if node is not None and (not paper.arxiv_id or not node.props.get("arxiv_id")):
            return node
    return None


def merge_record(props: Row, paper: Paper, keys: MatchKeys) -> None:
    """Fold one record (with its `match_keys`) into a node's properties: fill what is
    missing, keep the longest abstract and the largest counts, union the sources and
    categories. The match keys follow the title and abstract. (Once per record: plain
    look-ups and tests, no helper calls where a test does.)"""
    get = props.get
    if not get("arxiv_id") and paper.arxiv_id:
        props["arxiv_id"] = paper.arxiv_id
    if get("title") is None and paper.title:
        props["title"], props["title_key"] = paper.title, keys.title_key
    if paper.abstract and len(paper.abstract) > len(get("abstract") or ""):
        props["abstract"], props["fingerprint"] = paper.abstract, keys.fingerprint
    if not props.get("sections") and paper.sections:  # the text kg reextract reads again
        props["sections"] = list(paper.sections.values())
    for name in _FILL:
        if get(name) is None:
            value = getattr(paper, name)
            if value:
                props[name] = value
    categories = get("categories")
    props["categories"] = (
        list(dict.fromkeys([*(categories or []), *paper.categories])) if paper.categories else categories or None
    )
    sources = get("sources")
    props["sources"] = sorted({*sources, paper.source}) if sources else [paper.source]
    props["n_authors"] = _max(get("n_authors"), paper.n_authors, len(paper.authors) or None)
    props["upvotes"] = _max(get("upvotes"), paper.upvotes)


def _max(*values: int | None) -> int | None:
    best = None
    for value in values:
        if value is not None and (best is None or value > best):
            best = value
    return best
