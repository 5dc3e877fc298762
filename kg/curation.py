"""The analyst's decisions about concepts, kept in a file the analyst owns and applied by
every later ingest and re-extraction, so that a decision is made once.

The file is JSON Lines, one decision a line, replayed in order (`kg-curation.jsonl` beside
an embedded store, or the file `--curation` names):

    {"action": "merge", "label": "Method", "name": "large language models", "into": "LLM", "at": "..."}
    {"action": "unmerge", "label": "Method", "name": "large language models", "at": "..."}

A merge sends every relationship of the concept `name` to the concept `into` (of the same
label), which keeps `name` among its `aliases`; an unmerge takes a merge back. Merges chain
(A into B, B into C: A goes to C). Names are matched by their concept key, as nodes are.
`apply` rewrites a GraphBatch by these rules before it is written."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kg.errors import CurationError
from kg.graph import Ends, GraphBatch
from kg.model import concept_key
from kg.schema import CONCEPT_LABELS

CURATION_FILE = "kg-curation.jsonl"
ACTIONS = ("merge", "unmerge")


@dataclass(frozen=True)
class Decision:
    """One line of the curation file."""

    action: str  # "merge" | "unmerge"
    label: str
    name: str
    into: str | None = None  # merge: the concept that absorbs `name`
    at: str | None = None  # when it was decided (UTC, ISO 8601)

    def to_json(self) -> str:
        data: dict[str, Any] = {"action": self.action, "label": self.label, "name": self.name}
        if self.into is not None:
            data["into"] = self.into
        data["at"] = self.at
        return json.dumps(data, ensure_ascii=False)


def decision_from_dict(data: Any) -> Decision:
    """A decision from a parsed line; CurationError says what is wrong with it."""
    if not isinstance(data, dict):
        raise CurationError("not a JSON object")
    action, label, name, into = data.get("action"), data.get("label"), data.get("name"), data.get("into")
    if action not in ACTIONS:
        raise CurationError(f"action {action!r} is not one of: {', '.join(ACTIONS)}")
    if label not in CONCEPT_LABELS:
        raise CurationError(f"label {label!r} is not one of: {', '.join(CONCEPT_LABELS)}")
    if not isinstance(name, str) or not concept_key(name):
        raise CurationError("no name")
    if action == "merge" and (not isinstance(into, str) or not concept_key(into)):
        raise CurationError("a merge without `into`")
    at = data.get("at")
    return Decision(action, label, name, into if action == "merge" else None, at if isinstance(at, str) else None)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def curation_path(store_url: str, given: str | os.PathLike[str] | None = None) -> Path:
    """The curation file: the one given, else `kg-curation.jsonl` beside an embedded store,
    else (a Neo4j server) in the working directory."""
    if given:
        return Path(given)
    from kg.store import is_neo4j_url

    if is_neo4j_url(store_url):
        return Path(CURATION_FILE)
    return Path(store_url.removeprefix("ladybug://").removeprefix("file://")).parent / CURATION_FILE


def curation_for(store_url: str, given: str | os.PathLike[str] | None = None, *, create: bool = False) -> Curation:
    """The curation of a store: the file `given` (which must exist unless `create`), else
    `kg-curation.jsonl` beside the store, if there is one."""
    return Curation.load(curation_path(store_url, given), missing_ok=create or not given)


class Curation:
    """The decisions of a curation file, replayed: which concept each merged one goes to."""

    def __init__(self, decisions: list[Decision] | None = None, *, path: Path | None = None):
        self.path = path
        self.decisions: list[Decision] = []
        # (label, key) -> (key, name) of the concept it was merged into, as decided (not chained)
        self._into: dict[tuple[str, str], tuple[str, str]] = {}
        self._names: dict[tuple[str, str], str] = {}  # (label, key) -> the merged name as recorded
        self._aliases: dict[tuple[str, str], list[str]] | None = None  # built when first asked
        for decision in decisions or []:
            self._replay(decision)

    # -- reading and recording ---------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, missing_ok: bool = True) -> Curation:
        """The decisions of a file; a file that does not exist holds none (or, without
        `missing_ok`, is an error). A bad line is one error naming the file and line."""
        path = Path(path)
        curation = cls(path=path)
        if not path.exists():
            if missing_ok:
                return curation
            raise CurationError(f"{path}: no such curation file")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CurationError(f"{path}: cannot be read ({exc})") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                curation._replay(decision_from_dict(json.loads(line)))
            except (json.JSONDecodeError, CurationError) as exc:
                raise CurationError(f"{path}:{number}: {exc}") from exc
        return curation

    def record(self, decision: Decision) -> None:
        """Apply a decision and append it to the file (created if need be)."""
        self._replay(decision)
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(decision.to_json() + "\n")
        except OSError as exc:
            raise CurationError(f"{self.path}: cannot be written ({exc.strerror or exc})") from exc

    def with_decision(self, decision: Decision) -> Curation:
        """A copy with one more decision, not recorded: to act on before recording it."""
        return Curation([*self.decisions, decision], path=self.path)

    def _replay(self, decision: Decision) -> None:
        self._aliases = None
        key = concept_key(decision.name)
        if decision.action == "unmerge":
            self._into.pop((decision.label, key), None)
            self._names.pop((decision.label, key), None)
        else:
            assert decision.into is not None
            into = concept_key(decision.into)
            if into == key:
                raise CurationError(f"{decision.label} {decision.name!r} cannot be merged into itself")
            seen = {key}
            step: tuple[str, str] | None = (into, decision.into)
            while step is not None:  # a merge that would close a loop is refused
                if step[0] in seen:
                    merged = self._names.get((decision.label, into), decision.into)
                    raise CurationError(
                        f"{decision.label} {merged!r} is merged into {decision.name!r}; unmerge it first"
                    )
                seen.add(step[0])
                step = self._into.get((decision.label, step[0]))
            self._into[(decision.label, key)] = (into, decision.into)
            self._names[(decision.label, key)] = decision.name
        self.decisions.append(decision)

    # -- what the decisions say --------------------------------------------------------

    def __bool__(self) -> bool:
        return bool(self._into)

    def target(self, label: str, key: str) -> tuple[str, str] | None:
        """(key, name) of the concept `key` ends up in after every merge, or None if it is
        not merged."""
        found = self._into.get((label, key))
        while found is not None:
            further = self._into.get((label, found[0]))
            if further is None:
                return found
            found = further
        return None

    def aliases(self, label: str, key: str) -> list[str]:
        """The names merged (directly or through a chain) into the concept `key`."""
        if self._aliases is None:
            index: dict[tuple[str, str], list[str]] = {}
            for (merged_label, merged_key), name in self._names.items():
                found = self.target(merged_label, merged_key)
                if found is not None:
                    index.setdefault((merged_label, found[0]), []).append(name)
            self._aliases = {target: sorted(names) for target, names in index.items()}
        return list(self._aliases.get((label, key), []))

    def merged(self) -> list[tuple[str, str, str]]:
        """(label, merged name, name it is merged into) of every merge in force."""
        return [(label, self._names[(label, key)], into[1]) for (label, key), into in self._into.items()]

    # -- applying them ----------------------------------------------------------------

    def apply(self, batch: GraphBatch) -> GraphBatch:
        """Rewrite a batch (in place, and return it) as the decisions say: a merged concept's
        node and relationships go to the concept it is merged into, which carries its
        aliases; a relationship that a merge turns into a loop is dropped. Generic over the
        relationship types: any end of a concept label is rewritten."""
        if not self._into:
            return batch
        for label in CONCEPT_LABELS:
            nodes = batch.nodes.get(label)
            if not nodes:
                continue
            for key in list(nodes):
                found = self.target(label, key)
                if found is not None:
                    del nodes[key]
                    nodes.setdefault(found[0], {"key": found[0], "name": found[1]})
            for key, row in nodes.items():
                aliases = self.aliases(label, key)
                if aliases:
                    row["aliases"] = aliases
        for (rel, from_label, to_label), pairs in list(batch.rels.items()):
            if from_label not in CONCEPT_LABELS and to_label not in CONCEPT_LABELS:
                continue
            moved: dict[Ends, dict[str, Any]] = {}
            for ends, props in pairs.items():  # (start, end[, the keyed_by value])
                start, end = ends[:2]
                new_start = self._end(from_label, start)
                new_end = self._end(to_label, end)
                if new_start == new_end and from_label == to_label and (new_start, new_end) != (start, end):
                    continue
                moved.setdefault((new_start, new_end, *ends[2:]), props)
            batch.rels[(rel, from_label, to_label)] = moved
        return batch

    def _end(self, label: str, key: str) -> str:
        if label not in CONCEPT_LABELS:
            return key
        found = self.target(label, key)
        return key if found is None else found[0]
