"""Corpus-level knowledge: a name that papers of the store introduce with a strong cue is
known in the others.

`kg learn` reads the store and writes the names it learned as a lexicon folder in the
user-lexicon format (`kg-learned/` beside an embedded store, `datasets.jsonl` and
`methods.jsonl`), which every later ingest and `kg reextract` of the store load beside the
package's lexicons, so that a paper that merely mentions the name gets it. A name is
learned when at least two papers back it, never from one paper's own cue alone:

| kind | backed by |
| --- | --- |
| dataset | papers that release it (PROPOSES) or name it beside a dataset word in their text (`the X dataset`, `X, Y and Z benchmarks`, `datasets such as X`): at least two |
| method | one paper that proposes it and at least one other paper the extractor finds it in (`outperforms X`, `X-based`) |

The kind is the cue's. A learned name must be specific (`specific`): not in the lexicons
already (guarded spellings included: their guards stay), a name (a capital or a digit),
not a short acronym (papers define their own: several senses), not words the corpus
writes in lower case (`Books`, `Real World`), not proposed by two papers (two coinages of
one name). Learned entries match as written (`case`) and are marked `learned`, so that the
rules reading coinages do not take them for known names (extractors/entities/lexicon.py).

The dataset cue is read in the paper's text, not in the evidence the store keeps (which a
learned name can move to an earlier sentence). A learned name only adds links: learning
again after `kg reextract` keeps every name, with more papers backing it, and may add a
name a learned one brought in (listed with it: `WebShop, ALFWorld and X benchmarks`)."""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.reextract import TEXT, stored_paper
from kg.store.base import GraphStore, node_pages

LEARNED_DIR = "kg-learned"
LEARNED_ENV = "KG_LEARNED_DIR"
MIN_PAPERS = 2  # never one paper's own cue alone
COMMON_PAPERS = 3  # a word written in lower case by this many papers is an ordinary word
PLAIN_WORD_SHARE = 3  # a capitalised word (`Qilin`) is a name where at most 3x its backing papers write it
MAX_WORDS = 4
SHORT_ACRONYM = {"dataset": 5, "method": 4}  # an acronym-like name of this many letters or fewer
FILES = {"dataset": "datasets.jsonl", "method": "methods.jsonl"}
LINKS = (  # (relationship, concept label, kind); PROPOSES is the proposal rule's cue
    ("PROPOSES", "Dataset", "dataset"),
    ("EVALUATES_ON", "Dataset", "dataset"),
    ("PROPOSES", "Method", "method"),
    ("USES", "Method", "method"),
)

# a dataset word after the name, across a short list of other names (`X, Y and Z datasets`),
# or before it (`datasets such as X`, `the benchmark X`)
DATASET_WORD = r"(?i:data\s?sets?|benchmarks?|corpus|corpora|test\s?beds?|collections?)"
LIST_GAP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
OTHER_NAME = r"[A-Z0-9][\w.@+-]*(?:\s[A-Z0-9][\w.@+-]*)?"
CUE_AFTER = rf"(?:{LIST_GAP}{OTHER_NAME}){{0,4}}[\s-]+{DATASET_WORD}\b"
CUE_BEFORE = rf"\b{DATASET_WORD}\s+(?:(?i:such\s+as|including|like|named|called|from|of|on)\s+|:\s*)?(?:(?i:the)\s+)?(?:{OTHER_NAME}{LIST_GAP}){{0,4}}"
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class Learned:
    kind: str  # "dataset" | "method"
    name: str
    papers: tuple[str, ...]  # the keys of the papers that back it

    def entry(self) -> dict[str, object]:
        """The lexicon entry (extractors/entities/lexicon.py)."""
        return {
            "name": self.name,
            "aliases": [],
            "case": True,
            "learned": True,
            "source": [f"kg learn: {len(self.papers)} papers"],
            "papers": list(self.papers),
        }


def learned_path(store_url: str, given: str | os.PathLike[str] | None = None) -> Path:
    """The learned lexicon folder: the one given, else `kg-learned/` beside an embedded
    store, else (a Neo4j server) in the working directory."""
    if given:
        return Path(given)
    from kg.store import is_neo4j_url

    if is_neo4j_url(store_url):
        return Path(LEARNED_DIR)
    return Path(store_url.removeprefix("ladybug://").removeprefix("file://")).parent / LEARNED_DIR


def learned_dir_for(store_url: str, given: str | os.PathLike[str] | None = None) -> str | None:
    """The learned lexicon a command on this store applies: the folder given (which must
    exist), else $KG_LEARNED_DIR, else `kg-learned/` beside the store if there is one."""
    chosen = given or os.environ.get(LEARNED_ENV) or None
    path = learned_path(store_url, chosen)
    if path.is_dir():
        return str(path)
    if chosen:
        raise LexiconError(f"{path}: no such learned lexicon folder (run `kg learn`)")
    return None


def learn(store: GraphStore, *, lexicon_dir: str | None = None) -> list[Learned]:
    """The names the store's papers teach, sorted by kind and name. `lexicon_dir`: the
    user's lexicons, whose names are known already."""
    links = _links(store)
    texts = dict(_texts(store))
    words = _words(texts.values())
    known = _known_spellings(lexicon_dir)
    backing: dict[tuple[str, str], set[str]] = defaultdict(set)
    proposers: dict[tuple[str, str], set[str]] = defaultdict(set)
    users: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rel, kind, paper, name in links:
        if rel == "PROPOSES":
            proposers[(kind, name)].add(paper)
        elif kind == "method":
            users[(kind, name)].add(paper)
        elif has_dataset_cue(texts.get(paper, ""), name):
            backing[(kind, name)].add(paper)
    learned: dict[str, Learned] = {}
    for (kind, name), proposing in sorted(proposers.items()):
        if len(proposing) > 1:
            continue  # two papers coin the same name: two things
        others = (backing if kind == "dataset" else users)[(kind, name)] - proposing
        if others:
            _keep(learned, Learned(kind, name, tuple(sorted(proposing | others))))
    for (kind, name), papers in sorted(backing.items()):
        if len(papers) >= MIN_PAPERS and not proposers.get((kind, name)):
            _keep(learned, Learned(kind, name, tuple(sorted(papers))))
    found = [
        item
        for item in learned.values()
        if specific(item.name, item.kind, known=known, words=words, backing=len(item.papers))
    ]
    return sorted(found, key=lambda item: (item.kind, item.name))


def _keep(learned: dict[str, Learned], item: Learned) -> None:
    """One kind per name: the one more papers back (a tie keeps the first, the dataset)."""
    key = item.name.casefold()
    if key not in learned or len(item.papers) > len(learned[key].papers):
        learned[key] = item


def specific(name: str, kind: str, *, known: set[str], words: Counter[str], backing: int) -> bool:
    """A name specific enough to be matched on sight in any paper. `words`: papers per
    word as written; `backing`: the papers that back the name."""
    letters = [c for c in name if c.isalpha()]
    parts = [part for part in re.split(r"[\s-]+", name) if part]
    if name.casefold() in known or len(letters) < 3 or len(parts) > MAX_WORDS:
        return False
    if not any(c.isupper() or c.isdigit() for c in name):
        return False  # a phrase, not a name
    if acronym_like(name) and len(letters) <= SHORT_ACRONYM[kind]:
        return False  # `MoM`, `cNMF`, `TIGER`: papers define their own, several senses
    if parts[0].islower() and words[parts[0]] >= COMMON_PAPERS:
        return False  # `multi-LLM`, `reverse-KL`: a word and an acronym
    if all(words[w.lower()] >= COMMON_PAPERS for w in WORD.findall(name)):
        return False  # `Books`, `Real World`: words the corpus writes in lower case
    if name.isalpha() and name[1:].islower():
        return words[name] <= PLAIN_WORD_SHARE * backing  # `Arabic`, `Portuguese`: a word, not a name
    return True


def acronym_like(name: str) -> bool:
    """Capitals with at most two lower-case letters in a row and no digit: `MoM`, `QGpT`."""
    return not any(c.isdigit() for c in name) and re.search(r"[a-z]{3}", name) is None


def has_dataset_cue(text: str, name: str) -> bool:
    """The text names `name` beside a dataset word: `the X dataset`, `X and Y
    benchmarks`, `datasets such as W, X`."""
    return _cue(name).search(text) is not None


@lru_cache(maxsize=65536)
def _cue(name: str) -> re.Pattern[str]:
    escaped = r"(?<![\w-])" + re.escape(name) + r"(?!\w|-\w)"
    return re.compile(rf"{escaped}{CUE_AFTER}|{CUE_BEFORE}{escaped}")


def write_learned(learned: Iterable[Learned], directory: str | os.PathLike[str]) -> dict[str, int]:
    """Write the learned names as a lexicon folder (replacing what it held); names per kind."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(FILES, 0)
    lines: dict[str, list[str]] = {kind: [] for kind in FILES}
    for item in learned:
        lines[item.kind].append(json.dumps(item.entry(), ensure_ascii=False) + "\n")
        counts[item.kind] += 1
    for kind, file in FILES.items():
        (root / file).write_text("".join(lines[kind]), encoding="utf-8")
    return counts


def _links(store: GraphStore) -> Iterator[tuple[str, str, str, str]]:
    """(relationship, kind, paper key, concept name) of the links learning reads."""
    for rel, label, kind in LINKS:
        for paper, name in store.query(f"MATCH (p:Paper)-[:{rel}]->(c:{label}) RETURN p.key, c.name").rows:
            yield rel, kind, paper, name


def _texts(store: GraphStore) -> Iterator[tuple[str, str]]:
    for page in node_pages(store, "Paper", list(TEXT)):
        for row in page:
            yield row[0], stored_paper(row).text


def _words(texts: Iterable[str]) -> Counter[str]:
    """Words as written, by the number of papers that write them."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(WORD.findall(text)))
    return counts


def _known_spellings(lexicon_dir: str | None) -> set[str]:
    """Every spelling of the package's and the user's lexicons, case-folded, guarded
    ones included: a learned name never lifts a guard."""
    from extractors.entities.lexicon import load_lexicons, variants
    from kg.lexicons import combined_lexicon_dir

    def spellings(directory: str | None) -> set[str]:
        return {
            form.casefold()
            for entry in load_lexicons(directory)
            for spelling in entry.spellings
            for form in variants(spelling)
        }

    if lexicon_dir is None:
        return spellings(None)
    with combined_lexicon_dir(lexicon_dir) as combined:
        return spellings(combined)
