"""The three kinds of pair, each scored with its evidence (the scores: kg.duplicates):
spelling variants, an acronym and the long form papers define it as, near spellings; and
the papers two concepts share, which every kind reports."""

from __future__ import annotations

from collections import defaultdict

from kg.duplicates.definitions import Definition
from kg.duplicates.model import Candidate, Concept
from kg.duplicates.senses import group_senses, same_sense, sense_share
from kg.duplicates.spelling import (
    acronym_case_differs,
    lower_case_edit,
    name_words,
    singular,
    variant_form,
    variant_kinds,
)
from kg.model import concept_key
from kg.schema import RELATIONSHIPS
from kg.store.base import GraphStore

MIN_NEAR_KEY = 6  # characters of a concept key below which one letter apart is another name
# British and American spellings of one word: personalised/personalized, modelling/modeling,
# behaviour/behavior (an edit as (removed, inserted))
ALTERNATIONS = frozenset({("s", "z"), ("z", "s"), ("l", ""), ("", "l"), ("u", ""), ("", "u")})
DOMINANT_SHARE = 0.5  # an acronym means its long form where at least this share of its definitions say so
AMBIGUOUS_SCORE = 0.4  # an acronym pair whose long form is not what the acronym mostly means
MIXED_SCORE = 0.6  # ... or whose acronym node, to be merged away, has papers of another sense
PROPOSED = "PROPOSES"  # the relationship of a paper to a name it coins
COINED_APART_SCORE = 0.6  # two spellings each coined by another paper


def shared_papers(store: GraphStore, label: str, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Papers linked to both concepts of each pair."""
    if not pairs:
        return {}
    rows = store.query(
        f"UNWIND $pairs AS pair MATCH (p:Paper)-->(a:{label} {{key: pair.a}}) MATCH (p)-->(b:{label} {{key: pair.b}}) "
        "RETURN pair.a, pair.b, count(DISTINCT p)",
        {"pairs": [{"a": a, "b": b} for a, b in pairs]},
    ).rows
    return {(a, b): int(n) for a, b, n in rows}


def add_shared(store: GraphStore, label: str, candidates: list[Candidate]) -> None:
    missing = [c for c in candidates if not c.shared]
    shared = shared_papers(store, label, [(c.key, c.into_key) for c in missing])
    for candidate in missing:
        candidate.shared = shared.get((candidate.key, candidate.into_key), 0)


def _pair(a: Concept, b: Concept) -> tuple[Concept, Concept]:
    """(merged, kept): the one with fewer papers goes into the other."""
    return (a, b) if (a.papers, b.name) < (b.papers, a.name) else (b, a)


def variant_pairs(concepts: list[Concept]) -> list[Candidate]:
    groups: dict[str, list[Concept]] = defaultdict(list)
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
    return 0.8 if acronym_case_differs(a, b) or _capitalised_plural(a, b) else 0.95


def _capitalised_plural(a: str, b: str) -> bool:
    """One capitalised word each, one of them with an s."""
    words = name_words(a), name_words(b)
    if len(words[0]) != 1 or len(words[1]) != 1:
        return False
    return any(w[:1].isupper() and w[1:].islower() and singular(w) != w for w in words[0] + words[1])


def acronym_pairs(concepts: list[Concept], definitions: list[Definition]) -> list[Candidate]:
    by_key = {c.key: c for c in concepts}
    by_form: dict[str, list[Concept]] = defaultdict(list)
    for concept in concepts:
        by_form[variant_form(concept.name)].append(concept)
    # (acronym node, long-form node) -> the definitions that join them
    joined: dict[tuple[str, str], list[Definition]] = defaultdict(list)
    # every definition of an acronym read beside a concept of this label, in any paper
    senses: dict[str, list[Definition]] = defaultdict(list)
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
        example = min(strong or found, key=lambda d: (len(d.sentence), d.sentence))
        merged, kept = _pair(short, long)
        score, evidence = _score_acronym(len(papers), bool(strong)), example.sentence
        share, other = sense_share(meanings.get(short_key, []), example.acronym, example.long_form)
        # the acronym node's own papers that define it otherwise (in the evidence of their link to it)
        otherwise = [
            d
            for d in senses.get(short_key, [])
            if d.key == short_key and not same_sense(example.acronym, d.long_form, example.long_form)
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


def near_pairs(store: GraphStore, concepts: list[Concept]) -> list[Candidate]:
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
    chosen: list[tuple[Concept, Concept, bool]] = []
    for a, b in sorted(pairs):
        first, second = by_key[a], by_key[b]
        if variant_form(first.name) == variant_form(second.name):
            continue  # a variant, found as such
        edit = lower_case_edit(first.name, second.name)
        if edit is not None:
            chosen.append((first, second, edit in ALTERNATIONS))
    if not chosen:
        return []
    label = concepts[0].label
    shared = shared_papers(store, label, [(a.key, b.key) for a, b, _ in chosen])
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


def _score_near(shared: int, alternation: bool) -> float:
    return round(min(0.7, (0.55 if alternation else 0.4) + 0.05 * min(shared, 3)), 3)


def hold_coined_apart(store: GraphStore, label: str, candidates: list[Candidate]) -> None:
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
    return any(singular(w) != w and w[-2].islower() for w in name_words(a) + name_words(b))


def _proposable(label: str) -> bool:
    return any(end == label for _, end in RELATIONSHIPS[PROPOSED].pairs)
