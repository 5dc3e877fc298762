"""`kg duplicates`: concept nodes that are likely one thing under two names, and names that
hold two things, each with the evidence an analyst needs to decide (then `kg merge`).

Three kinds of pair, within one label, most likely first:

- variants: the names differ only in case, hyphens, spacing or a plural (`LLMs`, `LLM`;
  `large language models`, `Large-Language Model`); a lower-case `s` after capitals is a
  plural (`GNNs`), an upper-case one is not (`MCPS` is not `MCP`s);
- an acronym and its long form: papers define it so, `Long Form (LF)`, in the evidence
  sentences of their relationships; each acronym letter must start a word or a capitalised
  part of one (`Vision-Language Model (VLM)`), weaker where letters fall inside words;
- near spellings: one letter apart in a lower-case part of a word, never in its digits or
  capitals (`Recall@5` and `Recall@1`, `GLIDE` and `GUIDE` are two things), and only where
  a spelling alternation explains it (`personalised`, `personalized`) or papers name both
  (a typo beside the right spelling).

Two senses: an acronym node whose papers define it with long forms that differ word by
word (`MIND`: `MIcrosoft News Dataset`, `Multi-Interest Network with Dynamic routing`).

`score` orders the list, most likely first; it is a fixed function of the kind and the
evidence, not a probability:

    0.95        a variant; 0.8 where an acronym's case differs (`mAP`, `MAP`) or one
                capitalised word loses an s (`Otters`, `Otter`)
    0.75-0.95   an acronym read letter by letter at word starts, by 1 to 5+ papers
    0.45-0.65   ... with letters inside words (`CausalSteward (CAST)`)
    0.6         held: the acronym node to merge away has a paper of another sense (`VLM`:
                one Video Language Model); two names each coined by a paper that does not
                name the other, a word plural apart (`CP-Agent`, `CPAgents`)
    0.4         held: the acronym's own papers, or most papers, define it otherwise (`DM`:
                Direct Method; `PLM`: pre-trained language model, not Patients-like-me)
    0.4-0.7     a near spelling"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from kg.model import concept_key
from kg.reextract import extracted_types
from kg.schema import CONCEPT_LABELS, RELATIONSHIPS
from kg.store.base import GraphStore

MIN_NEAR_KEY = 6  # characters of a concept key below which one letter apart is another name
LONG_FORM_EXTRA_WORDS = 4  # words read before `(LF)` beyond one per letter
STOP_WORDS = frozenset("a an and by for from in of on or the to via with".split())
# British and American spellings of one word: personalised/personalized, modelling/modeling,
# behaviour/behavior (an edit as (removed, inserted))
ALTERNATIONS = frozenset({("s", "z"), ("z", "s"), ("l", ""), ("", "l"), ("u", ""), ("", "u")})
STEM_LETTERS = 5  # words alike in this many first letters are one word in a long form
WORD_FAMILIES = {"visual": "vision", "visually": "vision"}
SENSE_OVERLAP = 0.5  # long forms sharing more than this share of their words are one sense
SENSE_OVERLAP_SAME_ENDS = 0.4  # ... or at least this share, with the same first and last word
DOMINANT_SHARE = 0.5  # an acronym means its long form where at least this share of its definitions say so
AMBIGUOUS_SCORE = 0.4  # an acronym pair whose long form is not what the acronym mostly means
MIXED_SCORE = 0.6  # ... or whose acronym node, to be merged away, has papers of another sense
PROPOSED = "PROPOSES"  # the relationship of a paper to a name it coins
COINED_APART_SCORE = 0.6  # two spellings each coined by another paper

_WORD = re.compile(r"[^\W_]+")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([^\s()]{2,15}?)\s*\)")
_CLAUSE = re.compile(r"[;:.!?]\s|,\s(?:and|or|which|where|while)\s|\)")
_HUMPS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


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
        return f"kg merge {self.label} {_quote(self.name)} {_quote(self.into)}"


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
class _Concept:
    label: str
    key: str
    name: str
    papers: int


@dataclass
class _Definition:
    acronym: str  # as written, without a plural s
    long_form: str
    paper: str
    sentence: str
    strong: bool  # every letter starts a word or a capitalised part of one
    label: str  # the concept whose relationship carried the sentence
    key: str


# -- spelling ---------------------------------------------------------------------------


def singular(word: str) -> str:
    """A word without its plural ending: `models` model, `queries` query, `LLMs` LLM,
    `GFlowNets` GFlowNet; `MCPS`, `loss`, `focus`, `analysis` stay."""
    if len(word) < 3 or not word.endswith("s") or word.endswith("ss"):
        return word  # (an upper-case S belongs to the acronym)
    if any(c.isupper() for c in word[1:]):
        return word[:-1]  # `LLMs`, `DiTs`, `GFlowNets`
    lower = word.lower()
    if lower.endswith(("us", "is", "ous")):
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1]


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"['’]s\b", "", text)  # a possessive
    return _WORD.findall(text)


def variant_form(name: str) -> str:
    """What stays of a name when case, hyphens, spacing, possessives and plurals go:
    names with the same variant form are spelling variants of one another."""
    return "".join(singular(word) for word in _words(name)).casefold()


def variant_kinds(a: str, b: str) -> list[str]:
    """How two variant spellings differ: possessive, plural, case, hyphen, spacing."""
    kinds = []
    if re.search(r"['’]s\b", a) or re.search(r"['’]s\b", b):
        kinds.append("possessive")
    joined_a, joined_b = "".join(_words(a)), "".join(_words(b))
    if joined_a.casefold() != joined_b.casefold():
        kinds.append("plural")
    if "".join(singular(w) for w in _words(a)) != "".join(singular(w) for w in _words(b)):
        kinds.append("case")
    if a.count("-") != b.count("-"):
        kinds.append("hyphen")
    elif a.count(" ") != b.count(" "):
        kinds.append("spacing")
    return kinds or ["spelling"]


def _acronym_case_differs(a: str, b: str) -> bool:
    """`mAP` and `MAP`, `Jas` and `JA`: a case difference inside an acronym, which can be
    another name."""
    for wa, wb in zip(map(singular, _words(a)), map(singular, _words(b)), strict=False):
        if wa != wb and wa.casefold() == wb.casefold() and sum(c.isupper() for c in wa + wb) >= 3:
            return True
    return False


def looks_like_acronym(name: str) -> bool:
    core = singular(name)
    return 2 <= len(core) <= 12 and " " not in core and sum(c.isupper() for c in core) >= 2


# -- reading the store ------------------------------------------------------------------


def _concepts(store: GraphStore, label: str) -> list[_Concept]:
    rows = store.query(
        f"MATCH (c:{label}) OPTIONAL MATCH (p:Paper)-->(c) RETURN c.key, c.name, count(DISTINCT p) AS papers"
    ).rows
    return [_Concept(label, key, name or key, int(papers)) for key, name, papers in rows]


def _definitions(store: GraphStore, labels: tuple[str, ...]) -> list[_Definition]:
    """Every `Long Form (LF)` in the evidence of the relationships to these labels."""
    found: list[_Definition] = []
    seen: set[tuple[str, str, str, str]] = set()
    for rel, start, end in extracted_types():
        if end not in labels or "evidence" not in RELATIONSHIPS[rel][1]:
            continue
        rows = store.query(
            f"MATCH (p:{start})-[r:{rel}]->(c:{end}) WHERE r.evidence CONTAINS '(' RETURN p.key, c.key, r.evidence"
        ).rows
        for paper, key, sentence in rows:
            for definition in parse_definitions(sentence):
                mark = (paper, definition[0], definition[1].casefold(), f"{end}:{key}")
                if mark not in seen:
                    seen.add(mark)
                    found.append(_Definition(definition[0], definition[1], paper, sentence, definition[2], end, key))
    return found


def parse_definitions(sentence: str) -> list[tuple[str, str, bool]]:
    """(acronym, long form, strong) of each `Long Form (LF)` in a sentence; the long form
    read back from the parenthesis, letter by letter (Schwartz and Hearst's rule)."""
    from extractors.entities.text import initials_match, initials_spell

    out = []
    for match in _ACRONYM_IN_PARENS.finditer(sentence):
        acronym = singular(match.group(1).strip(",;"))
        if not looks_like_acronym(acronym):
            continue
        before = _CLAUSE.split(sentence[: match.start()])[-1]
        letters = sum(c.isalpha() for c in acronym)
        words = before.split()[-(letters + LONG_FORM_EXTRA_WORDS) :]
        start = initials_spell(acronym, words)
        if start is None:
            start = initials_match(acronym, words)
        if start is None:
            continue
        long_words = [w.strip("\"'`,") for w in words[start:]]
        long_form = " ".join(w for w in long_words if w)
        if len(_WORD.findall(long_form)) < 2 and len(_HUMPS.findall(long_form)) < 2:
            continue  # one word is not a long form
        out.append((acronym, long_form, _strong(acronym, long_form)))
    return out


def _strong(acronym: str, long_form: str) -> bool:
    """Every letter of the acronym starts a word, a hyphenated part or a capitalised hump
    of the long form, in order."""
    starts = "".join(part[0].lower() for word in re.split(r"[\s\-/]+", long_form) for part in _HUMPS.findall(word))
    letters = [c.lower() for c in acronym if c.isalpha()]
    at = 0
    for letter in letters:
        at = starts.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True


def _shared(store: GraphStore, label: str, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Papers linked to both concepts of each pair."""
    if not pairs:
        return {}
    rows = store.query(
        f"UNWIND $pairs AS pair MATCH (p:Paper)-->(a:{label} {{key: pair.a}}) MATCH (p)-->(b:{label} {{key: pair.b}}) "
        "RETURN pair.a, pair.b, count(DISTINCT p)",
        {"pairs": [{"a": a, "b": b} for a, b in pairs]},
    ).rows
    return {(a, b): int(n) for a, b, n in rows}


# -- finding them -----------------------------------------------------------------------


def find_duplicates(store: GraphStore, *, label: str | None = None) -> DuplicateReport:
    """Candidate pairs of one label (or of every concept label) and two-sense names."""
    labels = (label,) if label else CONCEPT_LABELS
    report = DuplicateReport()
    definitions = _definitions(store, labels)
    for current in labels:
        concepts = _concepts(store, current)
        report.concepts += len(concepts)
        found: dict[tuple[str, str], Candidate] = {}
        for candidate in _variants(concepts) + _acronyms(concepts, definitions) + _near(store, concepts):
            pair = (min(candidate.key, candidate.into_key), max(candidate.key, candidate.into_key))
            if pair not in found or found[pair].score < candidate.score:
                found[pair] = candidate
        _add_shared(store, current, list(found.values()))
        _coined_apart(store, current, list(found.values()))
        report.candidates.extend(found.values())
        report.senses.extend(_two_senses(concepts, definitions))
    report.candidates.sort(key=lambda c: (-c.score, -(c.papers + c.into_papers), c.label, c.name))
    report.senses.sort(key=lambda s: (-s.senses[1].papers, -s.papers, s.label, s.name))
    return report


def _pair(a: _Concept, b: _Concept) -> tuple[_Concept, _Concept]:
    """(merged, kept): the one with fewer papers goes into the other."""
    return (a, b) if (a.papers, b.name) < (b.papers, a.name) else (b, a)


def _variants(concepts: list[_Concept]) -> list[Candidate]:
    groups: dict[str, list[_Concept]] = defaultdict(list)
    for concept in concepts:
        form = variant_form(concept.name)
        if form:
            groups[form].append(concept)
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        kept = max(group, key=lambda c: (c.papers, -len(c.name), c.name))
        for other in group:
            if other is kept:
                continue
            kinds = variant_kinds(other.name, kept.name)
            score = _score_variant(other.name, kept.name)
            evidence = f"{other.name!r} and {kept.name!r} differ only in {', '.join(kinds)}"
            out.append(
                Candidate(
                    kept.label,
                    other.name,
                    kept.name,
                    "+".join(kinds),
                    score,
                    other.papers,
                    kept.papers,
                    evidence=evidence,
                    key=other.key,
                    into_key=kept.key,
                )
            )
    return out


def _score_variant(a: str, b: str) -> float:
    """0.95; 0.8 where the case of an acronym differs (`mAP`, `MAP`) or a capitalised word
    loses an s (`Otters`, `Otter`: a name, perhaps, not a plural)."""
    return 0.8 if _acronym_case_differs(a, b) or _capitalised_plural(a, b) else 0.95


def _capitalised_plural(a: str, b: str) -> bool:
    """One capitalised word each, one of them with an s."""
    words = _words(a), _words(b)
    if len(words[0]) != 1 or len(words[1]) != 1:
        return False
    return any(w[:1].isupper() and w[1:].islower() and singular(w) != w for w in words[0] + words[1])


def _acronyms(concepts: list[_Concept], definitions: list[_Definition]) -> list[Candidate]:
    by_key = {c.key: c for c in concepts}
    by_form: dict[str, list[_Concept]] = defaultdict(list)
    for concept in concepts:
        by_form[variant_form(concept.name)].append(concept)
    # (acronym node, long-form node) -> the definitions that join them
    joined: dict[tuple[str, str], list[_Definition]] = defaultdict(list)
    # every definition of an acronym read beside a concept of this label, in any paper
    senses: dict[str, list[_Definition]] = defaultdict(list)
    for definition in definitions:
        short = by_key.get(concept_key(definition.acronym))
        if short is None:
            continue
        if definition.label == short.label:
            senses[short.key].append(definition)
        for long in by_form.get(variant_form(definition.long_form), []):
            if long.key != short.key:
                joined[(short.key, long.key)].append(definition)
    meanings = {key: group_senses(found) for key, found in senses.items()}
    out = []
    for (short_key, long_key), found in joined.items():
        short, long = by_key[short_key], by_key[long_key]
        papers = {d.paper for d in found}
        strong = [d for d in found if d.strong]
        example = min(strong or found, key=lambda d: len(d.sentence))
        merged, kept = _pair(short, long)
        score, evidence = _score_acronym(len(papers), bool(strong)), example.sentence
        share, other = _sense_share(meanings.get(short_key, []), example.acronym, example.long_form)
        # the acronym node's own papers that define it otherwise (in the evidence of their link to it)
        otherwise = [
            d
            for d in senses.get(short_key, [])
            if d.key == short_key and not _same_sense(example.acronym, d.long_form, example.long_form)
        ]
        if len({d.paper for d in otherwise}) >= DOMINANT_SHARE * max(short.papers, 1):  # `DM`: `Direct Method`
            score = AMBIGUOUS_SCORE
            evidence = f"{evidence} (but the papers of {short.name} define it as {otherwise[0].long_form!r})"
        elif share < DOMINANT_SHARE:  # the acronym mostly means something else: `PLM`, `Patients-like-me`
            score = AMBIGUOUS_SCORE
            evidence = f"{evidence} (but more papers define {short.name} as {other!r})"
        elif otherwise and merged is short:  # merging it would carry a paper of another sense along
            score = min(score, MIXED_SCORE)
            n = len({d.paper for d in otherwise})
            evidence = (
                f"{evidence} (but {n} of the {short.papers} papers of {short.name} "
                f"define{'s' * (n == 1)} it as {otherwise[0].long_form!r})"
            )
        out.append(
            Candidate(
                short.label,
                merged.name,
                kept.name,
                "acronym",
                score,
                merged.papers,
                kept.papers,
                defining=len(papers),
                evidence=evidence,
                key=merged.key,
                into_key=kept.key,
            )
        )
    return out


def _score_acronym(defining: int, strong: bool) -> float:
    """A definition read letter by letter at word starts, by 1 paper 0.75 .. by 5 or more 0.95;
    letters inside words 0.45 .. 0.65."""
    support = min(1.0, (defining - 1) / 4)
    return round((0.75 if strong else 0.45) + 0.2 * support, 3)


def _near(store: GraphStore, concepts: list[_Concept]) -> list[Candidate]:
    by_key = {c.key: c for c in concepts if len(c.key) >= MIN_NEAR_KEY}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        neighbours[key].append(key)
        for i in range(len(key)):
            neighbours[key[:i] + key[i + 1 :]].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in neighbours.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a != b:
                    pairs.add((min(a, b), max(a, b)))
    chosen: list[tuple[_Concept, _Concept, bool]] = []
    for a, b in sorted(pairs):
        first, second = by_key[a], by_key[b]
        if variant_form(first.name) == variant_form(second.name):
            continue  # a variant, found as such
        edit = _lower_case_edit(first.name, second.name)
        if edit is not None:
            chosen.append((first, second, edit in ALTERNATIONS))
    if not chosen:
        return []
    label = concepts[0].label
    shared = _shared(store, label, [(a.key, b.key) for a, b, _ in chosen])
    out = []
    for first, second, alternation in chosen:
        common = shared.get((first.key, second.key), 0)
        if not (alternation or common):
            continue
        merged, kept = _pair(first, second)
        why = "a spelling alternation" if alternation else f"{common} paper{'s' * (common != 1)} name both"
        out.append(
            Candidate(
                label,
                merged.name,
                kept.name,
                "near-spelling",
                _score_near(common, alternation),
                merged.papers,
                kept.papers,
                shared=common,
                evidence=f"{merged.name!r} and {kept.name!r} are one letter apart; {why}",
                key=merged.key,
                into_key=kept.key,
            )
        )
    return out


def _lower_case_edit(a: str, b: str) -> tuple[str, str] | None:
    """The one edit between two names, as (removed, inserted) text, if it falls on lower-case
    letters inside a word (not its first letter) and leaves the digits alone; else None."""
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return None
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return None
    _, i1, i2, j1, j2 = ops[0]
    removed, inserted = a[i1:i2], b[j1:j2]
    if (
        len(removed) > 1
        or len(inserted) > 1
        or not (removed + inserted).islower()
        or not (removed + inserted).isalpha()
    ):
        return None
    # inside a word: a letter before it in the same word
    if i1 == 0 or not a[i1 - 1].isalpha() or j1 == 0 or not b[j1 - 1].isalpha():
        return None
    return removed, inserted


def _score_near(shared: int, alternation: bool) -> float:
    return round(min(0.7, (0.55 if alternation else 0.4) + 0.05 * min(shared, 3)), 3)


def _coined_apart(store: GraphStore, label: str, candidates: list[Candidate]) -> None:
    """Two names that differ by a word's plural (not an acronym's: `LLMs`), each proposed
    by a paper that does not name the other, are more likely two things (`CP-Agent`,
    `CPAgents`; `Otter`, `Otters++`): held at COINED_APART_SCORE."""
    spelled = [c for c in candidates if c.kind != "acronym" and not c.shared and _word_plural(c.name, c.into)]
    if not spelled or not _proposable(label):
        return
    keys = sorted({k for c in spelled for k in (c.key, c.into_key)})
    rows = store.query(
        f"UNWIND $keys AS k MATCH (p:Paper)-[:{PROPOSED}]->(c:{label} {{key: k}}) RETURN k, collect(p.key)",
        {"keys": keys},
    ).rows
    proposers = {key: set(papers) for key, papers in rows}
    for c in spelled:
        if proposers.get(c.key) and proposers.get(c.into_key):
            c.score = min(c.score, COINED_APART_SCORE)
            c.evidence += "; each is proposed by a paper that does not name the other"


def _word_plural(a: str, b: str) -> bool:
    """A word of either name loses a plural s after a lower-case letter (`Agents`, not `LLMs`)."""
    return any(singular(w) != w and w[-2].islower() for w in _words(a) + _words(b))


def _proposable(label: str) -> bool:
    return any(end == label for _, end in RELATIONSHIPS[PROPOSED][0])


def _add_shared(store: GraphStore, label: str, candidates: list[Candidate]) -> None:
    missing = [c for c in candidates if not c.shared]
    shared = _shared(store, label, [(c.key, c.into_key) for c in missing])
    for candidate in missing:
        candidate.shared = shared.get((candidate.key, candidate.into_key), 0)


# -- senses ---------------------------------------------------------------------------


def _stem(word: str) -> str:
    """A word's first letters, which its inflections share (`retrieval`, `retriever`;
    `model`, `modeling`), after the few word families whose spelling parts early."""
    word = singular(word).casefold()
    return WORD_FAMILIES.get(word, word)[:STEM_LETTERS]


def _sense_words(long_form: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(long_form.replace("-", " ")) if w.casefold() not in STOP_WORDS)


def _same_sense(acronym: str, a: str, b: str) -> bool:
    """Two long forms of one acronym in one sense: the same variant form; else, where both
    spell the acronym word by word, the same word for every letter (`Large Video Language
    Model`, `Large Vision-Language Model` are two senses of LVLM; `area under the ROC curve`
    and `area under the receiver operating characteristic curve` one of AUC); else most
    words in common (`large language models`, `large-scale language model`)."""
    if variant_form(a) == variant_form(b):
        return True
    aligned_a, aligned_b = _aligned(acronym, a), _aligned(acronym, b)
    if aligned_a is not None and aligned_b is not None:
        return aligned_a == aligned_b
    wa, wb = _sense_words(a), _sense_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    overlap = len(wa & wb) / len(wa | wb)
    ends = (
        [_stem(w) for w in _WORD.findall(a.replace("-", " "))],
        [_stem(w) for w in _WORD.findall(b.replace("-", " "))],
    )
    same_ends = ends[0][0] == ends[1][0] and ends[0][-1] == ends[1][-1]
    return overlap > SENSE_OVERLAP or (same_ends and overlap >= SENSE_OVERLAP_SAME_ENDS)


def _aligned(acronym: str, long_form: str) -> list[str] | None:
    """The stem of the word (or capitalised part) each letter of the acronym stands for,
    read from the end as Schwartz and Hearst do; None if a letter starts no word."""
    parts = [part for word in re.split(r"[\s\-/]+", long_form) for part in _HUMPS.findall(word)]
    letters = [c.lower() for c in acronym if c.isalpha()]
    stems: list[str] = []
    at = len(parts)
    for letter in reversed(letters):
        at -= 1
        while at >= 0 and parts[at][0].lower() != letter:
            at -= 1
        if at < 0:
            return None
        stems.append(_stem(parts[at]))
    return stems[::-1]


def group_senses(definitions: list[_Definition]) -> list[list[_Definition]]:
    """Definitions of one acronym grouped by sense, the most common spelling first, the
    groups by papers (most first)."""
    spellings = Counter(d.long_form.casefold() for d in definitions)
    groups: list[list[_Definition]] = []
    for d in sorted(definitions, key=lambda d: (-spellings[d.long_form.casefold()], d.long_form)):
        for members in groups:
            if _same_sense(d.acronym, d.long_form, members[0].long_form):
                members.append(d)
                break
        else:
            groups.append([d])
    return sorted(groups, key=lambda members: -len({d.paper for d in members}))


def _sense_share(groups: list[list[_Definition]], acronym: str, long_form: str) -> tuple[float, str | None]:
    """The share of the papers defining an acronym that give it this long form's sense, and
    the long form of the most common other sense."""
    total = len({d.paper for members in groups for d in members})
    share, other = 0.0, None
    for members in groups:
        if _same_sense(acronym, long_form, members[0].long_form):
            share = len({d.paper for d in members}) / total if total else 0.0
        elif other is None:
            other = members[0].long_form
    return share, other


def _two_senses(concepts: list[_Concept], definitions: list[_Definition]) -> list[TwoSenses]:
    """Acronym nodes whose own papers define them in more than one sense."""
    by_key = {c.key: c for c in concepts}
    own: dict[str, list[_Definition]] = defaultdict(list)
    for d in definitions:
        if d.strong and d.key in by_key and d.label == by_key[d.key].label and concept_key(d.acronym) == d.key:
            own[d.key].append(d)
    out = []
    for key, found in own.items():
        groups = group_senses(found)
        if len(groups) < 2:
            continue
        senses = []
        for members in groups:
            common = members[0].long_form
            example = min((d for d in members if d.long_form == common), key=lambda d: len(d.sentence))
            senses.append(Sense(common, len({d.paper for d in members}), example.sentence))
        concept = by_key[key]
        out.append(TwoSenses(concept.label, concept.name, concept.papers, senses))
    return out


def _quote(name: str) -> str:
    return name if re.fullmatch(r"[\w@.+#&-]+", name) else "'" + name.replace("'", "'\\''") + "'"


def report_json(report: DuplicateReport) -> dict[str, Any]:
    """The report as JSON-ready data: candidates (with the merge command) and senses."""
    return {
        "concepts": report.concepts,
        "candidates": [
            {
                "label": c.label,
                "name": c.name,
                "into": c.into,
                "kind": c.kind,
                "score": c.score,
                "papers": c.papers,
                "into_papers": c.into_papers,
                "shared": c.shared,
                "defining": c.defining,
                "evidence": c.evidence,
                "command": c.command,
            }
            for c in report.candidates
        ],
        "senses": [
            {
                "label": s.label,
                "name": s.name,
                "papers": s.papers,
                "senses": [{"long_form": x.long_form, "papers": x.papers, "evidence": x.evidence} for x in s.senses],
            }
            for s in report.senses
        ],
    }
