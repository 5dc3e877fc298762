"""What `kg duplicates` reports: pairs of concept nodes that may be one thing, and names
whose papers define them in two senses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Candidate:
    """Two concept nodes of one label that may be one thing: `name` would merge into `into`."""

    label: str
    name: str
    into: str
    kind: str  # "possessive", "plural", "case", "hyphen", "spacing" (joined by +), "acronym", "near-spelling"
    score: float
    papers: int  # papers linked to `name`
    into_papers: int
    shared: int = 0  # papers linked to both
    defining: int = 0  # acronym: papers that define it as the long form
    evidence: str = ""  # the defining sentence, or what differs
    key: str = ""  # the two nodes' keys
    into_key: str = ""

    @property
    def command(self) -> str:
        return f"kg merge {self.label} {quote(self.name)} {quote(self.into)}"


@dataclass
class Sense:
    long_form: str
    papers: int
    evidence: str


@dataclass
class TwoSenses:
    """A name its papers define differently: perhaps two things under one node."""

    label: str
    name: str
    papers: int
    senses: list[Sense]


@dataclass
class DuplicateReport:
    concepts: int = 0  # concept nodes looked at
    candidates: list[Candidate] = field(default_factory=list)
    senses: list[TwoSenses] = field(default_factory=list)


@dataclass
class Concept:
    """A concept node as the pairs are found from: its label, key, name and papers."""

    label: str
    key: str
    name: str
    papers: int


def quote(name: str) -> str:
    """A name as one shell word, for the `kg merge` command."""
    return name if re.fullmatch(r"[\w@.+#&-]+", name) else "'" + name.replace("'", "'\\''") + "'"
