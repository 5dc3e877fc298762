"""Lexicons: the names the field already knows, kept as data files.

One JSON Lines file per kind in `lexicons/` (`companies.jsonl`, `datasets.jsonl`,
`methods.jsonl`, `metrics.jsonl`, `tasks.jsonl`); one object per line:

    {"name": "Taobao", "aliases": ["Taobao App"], "zh": ["淘宝"], "parent": "Alibaba"}

- `name`: canonical name (gold style: the acronym where one is usual).
- `aliases`: other spellings. Hyphen/space variants and plurals are added here, so
  list only real differences (`click-through rate` for `CTR`).
- `zh`: Chinese names, matched as substrings of the raw text.
- `parent`: companies: the parent company (`Taobao` -> `Alibaba`).
- `case`: match exactly as written (default: only short all-caps names, such as
  `DIN` or `RAG`, and names with inner capitals, such as `MoE`, match exactly;
  the rest ignore case).
- `cue_only`: companies whose name is also a public dataset or a common word
  (`Amazon`, `Yelp`, `Apple`): a company only where deployment is stated.
- `context_only`: aliases that are names only beside a dataset word (`Beauty`).
- `at_k`: metrics that take a cut-off (`NDCG@10`); `at_k_only`: aliases valid only
  with one (`R@5`, `N@10`).
- `value_only`: metrics that are a topic as often as a measure (`diversity`): kept
  only with a reported value.
- `value_free`: tasks/methods too general to stand alone (`data sparsity`,
  `cold-start`): kept where the title names them or the sentence states a problem
  (`address`, `alleviate`, `suffer`, `challenge`, ...).
- `title_only`: a task read from the title only (`recommendation`).
- `source`: where the entry came from: `kg` (our own, `lexicons/ours/`) or the public
  lists it was built from (`owner/repo:path`, `pypi:package==version:path`).
- `verbatim`: an entry from a public list. A spelling with a capital matches exactly,
  a lower-case one in any case; a mention is named as the text writes it (companies
  keep the entry's name).
- `needs_cue`: spellings that are also ordinary words or short acronyms with several
  senses (`Adult`, `Steam`, `Dice`): a name only with a cue of its kind nearby (see
  `rulers.LexiconRuler`).
- `needs_pattern`: spellings from broad, noisy lists: a name only where a pattern
  confirms the kind (`the X dataset`, `deployed on X`).
- `versioned`: a model family's name, read with the version written after it
  (`Qwen2.5-7B-Instruct`, `Claude Opus 4.6`, `GPT-4o mini`); a version confirms it.
- `learned`: a name the corpus taught (`kg learn`, kg/knowledge.py): matched on sight,
  but not "known" to the rules that read coinages, so the paper that proposes it still
  proposes it (and does not also name it as a method it uses).

The files are built by `scripts/build-lexicons` from `lexicons/ours/*.jsonl` (our own
entries, the same fields) and curated public lists; adding a company, dataset, metric,
task or method is a change to `ours/` and a rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import LexiconError

LEXICON_DIR = Path(__file__).with_name("lexicons")
KINDS = ("company", "dataset", "method", "metric", "task")
FILES = {"company": "companies", "dataset": "datasets", "method": "methods", "metric": "metrics", "task": "tasks"}


@dataclass(frozen=True)
class Entry:
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    parent: str | None = None
    case: bool = False
    cue_only: bool = False
    context_only: frozenset[str] = frozenset()
    at_k: bool = False
    at_k_only: frozenset[str] = frozenset()
    value_only: bool = False
    value_free: bool = False
    title_only: bool = False
    source: tuple[str, ...] = ()
    verbatim: bool = False
    needs_cue: frozenset[str] = frozenset()
    needs_pattern: frozenset[str] = frozenset()
    versioned: bool = False
    learned: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def guarded(self, spelling: str) -> bool:
        """A spelling that is a name only beside a cue or in a pattern."""
        return spelling in self.needs_cue or spelling in self.needs_pattern


def entry_from_dict(kind: str, data: dict[str, Any]) -> Entry:
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise LexiconError("entry without a name")
    return Entry(
        kind=kind,
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        zh=tuple(data.get("zh", ())),
        parent=data.get("parent"),
        case=bool(data.get("case", False)),
        cue_only=bool(data.get("cue_only", False)),
        context_only=frozenset(data.get("context_only", ())),
        at_k=bool(data.get("at_k", False)),
        at_k_only=frozenset(data.get("at_k_only", ())),
        value_only=bool(data.get("value_only", False)),
        value_free=bool(data.get("value_free", False)),
        title_only=bool(data.get("title_only", False)),
        source=tuple(data.get("source", ())),
        verbatim=bool(data.get("verbatim", False)),
        needs_cue=frozenset(data.get("needs_cue", ())),
        needs_pattern=frozenset(data.get("needs_pattern", ())),
        versioned=bool(data.get("versioned", False)),
        learned=bool(data.get("learned", False)),
    )


FLAGS = ("case", "cue_only", "at_k", "value_only", "value_free", "title_only", "verbatim", "versioned", "learned")


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entry.name, "aliases": list(entry.aliases)}
    for key in ("zh",):
        if getattr(entry, key):
            data[key] = list(getattr(entry, key))
    if entry.parent:
        data["parent"] = entry.parent
    for key in FLAGS:
        if getattr(entry, key):
            data[key] = True
    for key in ("context_only", "at_k_only", "needs_cue", "needs_pattern"):
        if getattr(entry, key):
            data[key] = sorted(getattr(entry, key))
    if entry.source:
        data["source"] = list(entry.source)
    return data


def read_lexicon(path: Path, kind: str) -> list[Entry]:
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                entries.append(entry_from_dict(kind, json.loads(line)))
            except (json.JSONDecodeError, LexiconError) as exc:
                raise LexiconError(f"{path}:{number}: {exc}") from exc
    return entries


@lru_cache(maxsize=8)
def load_lexicons(directory: str | None = None) -> tuple[Entry, ...]:
    """All entries of the lexicon files in `directory` (default: the package's own)."""
    root = Path(directory) if directory else LEXICON_DIR
    entries: list[Entry] = []
    for kind in KINDS:
        path = root / f"{FILES[kind]}.jsonl"
        if path.exists():
            entries.extend(read_lexicon(path, kind))
    return tuple(entries)


def exact_case(spelling: str, entry: Entry) -> bool:
    """Whether a spelling must match case-sensitively: flagged, short all-caps
    acronyms (`DIN`, `RAG`, `CF`) and names with inner capitals (`MoE`, `iAgent`)."""
    if entry.case:
        return True
    letters = [c for c in spelling if c.isalpha()]
    if not letters:
        return False
    if all(c.isupper() for c in letters) and len(letters) <= 5:
        return True
    return any(c.isupper() for c in spelling[1:] if c.isalpha()) and " " not in spelling and len(letters) <= 6


def variants(spelling: str) -> set[str]:
    """Spelling variants a text may use: hyphen/space/joined forms and plurals."""
    out = {spelling}
    if "-" in spelling:
        out.add(spelling.replace("-", " "))
        out.add(spelling.replace("-", ""))
    for form in list(out):
        last = form.rsplit(" ", 1)[-1]
        if not last or not last[-1].isalpha() or last.endswith("s"):
            continue
        out.add(form + "s")
        if last.endswith("y") and last[-2:-1] not in ("a", "e", "o") and not last.isupper():
            out.add(form[:-1] + "ies")
    return out


class KnownNames:
    """Look up a name in the lexicons the way the matcher would: exact for the
    spellings that match case-sensitively (`COCO` is not `CoCo`), else case-folded.
    Only the names matched on sight count: a spelling that needs a cue or a pattern
    (an ordinary word, a name from a noisy list) may still be a paper's coinage, and a
    learned name is the coinage of the paper that proposed it."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        for entry in entries:
            if entry.learned:
                continue
            for spelling in entry.spellings:
                if entry.guarded(spelling):
                    continue
                exact = spelling != spelling.lower() if entry.verbatim else exact_case(spelling, entry)
                for form in variants(spelling):
                    if exact:
                        self.exact.setdefault(form, entry)
                    else:
                        self.folded.setdefault(form.casefold(), entry)

    def get(self, name: str) -> Entry | None:
        found = self.exact.get(name) or self.folded.get(name.casefold())
        if found is None and "-" in name:
            found = self.folded.get(name.replace("-", " ").casefold())
        return found

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None


@lru_cache(maxsize=8)
def known_names(directory: str | None = None) -> KnownNames:
    """The KnownNames of the lexicons in `directory`, built once: several components of
    the pipeline read them, and nothing changes them."""
    return KnownNames(load_lexicons(directory))
