"""What a briefing reads from the store: the papers of the windows, those the topics keep,
their concepts with the evidence sentences, the concepts' first dates, sources, authors and
deployments; in chunks of CHUNK paper keys."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from kg.graph import chunks
from kg.model import concept_key
from kg.report.gains import Deployment, deployments
from kg.report.model import ConceptLinks, Item, Link, PaperRef
from kg.schema import CONCEPT_LABELS
from kg.statements import statement
from kg.store.base import GraphStore
from kg.timeline import month_of

EXAMPLES = 3  # papers shown beside a concept, an author or a source
CHUNK = 5000


def read_papers(store: GraphStore, start: dt.date, last: dt.date) -> dict[str, PaperRef]:
    rows = store.query(statement("window-papers"), {"first": start.isoformat()[:7], "last": last.isoformat()}).rows
    found: dict[str, PaperRef] = {}
    for key, arxiv_id, title, url, date in rows:
        if month_of(date) is None:
            continue
        link = f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else url if _is_web(url) else None
        found[key] = PaperRef(key, title or key, link, date)
    return found


def filter_papers(store: GraphStore, keys: list[str], topics: list[str], excludes: list[str]) -> list[str]:
    """The papers that match any topic (all when none is given) and no exclusion."""
    if topics:
        wanted = _matching(store, keys, topics)
        keys = [k for k in keys if k in wanted]
    if excludes:
        unwanted = _matching(store, keys, excludes)
        keys = [k for k in keys if k not in unwanted]
    return keys


def _matching(store: GraphStore, keys: list[str], terms: list[str]) -> set[str]:
    """Papers among `keys` linked to a concept named by a term, or whose title or abstract
    holds a term as whole words (case and hyphens aside: 'cold start' finds 'Cold-Start')."""
    concepts = sorted({concept_key(t) for t in terms} - {""})
    found: set[str] = set()
    for label in CONCEPT_LABELS:
        rows = store.query(statement("topic-papers", label=label), {"concepts": concepts}).rows
        found.update(row[0] for row in rows)
    found &= set(keys)
    pattern = "(?is)" + "|".join(f"(.*\\W)?{_words(t)}(\\W.*)?" for t in terms)
    for chunk in chunks(keys, CHUNK):
        rows = store.query(statement("word-papers"), {"keys": chunk, "pattern": pattern}).rows
        found.update(row[0] for row in rows)
    return found


def _words(term: str) -> str:
    """A term as a regular expression both stores read alike (RE2 and Java): letters and
    digits as they are, spaces and hyphens as any run of them, other characters escaped."""
    parts = []
    for chunk in re.split(r"[\s\-]+", term.strip()):
        parts.append("".join(ch if ch.isalnum() else "\\" + ch if ch in r"\.^$|?*+()[]{}" else ch for ch in chunk))
    return "[\\s\\-]+".join(parts)


def read_links(store: GraphStore, keys: list[str]) -> ConceptLinks:
    """(label, concept key) -> paper key -> (concept name, evidence)."""
    links: ConceptLinks = defaultdict(dict)
    for label in CONCEPT_LABELS:
        cypher = statement("paper-concepts", label=label)
        for chunk in chunks(keys, CHUNK):
            for paper, key, name, evidence in store.query(cypher, {"keys": chunk}).rows:
                held = links[(label, key)].get(paper)
                if held is None or (held[1] is None and evidence):
                    links[(label, key)][paper] = (name or key, evidence)
    return links


def read_first_dates(store: GraphStore, concepts: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for label in CONCEPT_LABELS:
        keys = sorted(key for lab, key in concepts if lab == label)
        for chunk in chunks(keys, CHUNK):
            rows = store.query(statement("concept-first-dates", label=label), {"keys": chunk})
            found.update(((label, key), first) for key, first in rows.rows if month_of(first))
    return found


def read_sources(store: GraphStore, papers: list[PaperRef]) -> list[Item]:
    """Every digest or feed that listed papers of the window, most papers first; papers
    that no source lists (fetched from the API, say) as one more line."""
    by_key = {p.key: p for p in papers}
    grouped: dict[str, Item] = {}
    listed: set[str] = set()
    for part in chunks(papers, CHUNK):
        chunk = [p.key for p in part]
        for paper, source, name, family in store.query(statement("paper-sources"), {"keys": chunk}).rows:
            item = grouped.setdefault(source, Item(source, name or source, "Source", 0, family=family))
            item.papers += 1
            item.links.append(Link(by_key[paper]))
            listed.add(paper)
    for item in grouped.values():
        item.links = sorted(item.links, key=lambda lk: (lk.paper.date, lk.paper.key), reverse=True)[:EXAMPLES]
    items = sorted(grouped.values(), key=lambda i: (-i.papers, i.name))
    if len(listed) < len(papers):
        items.append(Item("", "no digest or feed", "Source", len(papers) - len(listed)))
    return items


def read_authors(store: GraphStore, papers: list[PaperRef], top: int) -> list[Item]:
    by_key = {p.key: p for p in papers}
    grouped: dict[str, Item] = {}
    for part in chunks(papers, CHUNK):
        chunk = [p.key for p in part]
        for paper, key, name in store.query(statement("paper-authors"), {"keys": chunk}).rows:
            item = grouped.setdefault(key, Item(key, name or key, "Author", 0))
            item.papers += 1
            item.links.append(Link(by_key[paper]))
    items = sorted(grouped.values(), key=lambda i: (-i.papers, i.key))[:top]
    for item in items:
        item.links = sorted(item.links, key=lambda lk: (lk.paper.date, lk.paper.key), reverse=True)[:EXAMPLES]
    return items


def read_deployments(store: GraphStore, papers: list[PaperRef]) -> list[Deployment]:
    order = {p.key: i for i, p in enumerate(papers)}
    found = deployments(store, list(order))
    return sorted(found, key=lambda d: (order[d.paper], d.company.lower()))


def _is_web(url: str | None) -> bool:
    return isinstance(url, str) and url.startswith(("https://", "http://"))
