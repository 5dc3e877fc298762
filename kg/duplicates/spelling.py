"""The spelling of concept names: plurals, the variant form that spellings of one name
share, how two of them differ, and the one-letter edit between near spellings."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

WORD = re.compile(r"[^\W_]+")  # a run of letters and digits
HUMPS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")  # the parts of a word: `GFlowNet` G, Flow, Net


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


def name_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"['’]s\b", "", text)  # a possessive
    return WORD.findall(text)


def variant_form(name: str) -> str:
    """What stays of a name when case, hyphens, spacing, possessives and plurals go:
    names with the same variant form are spelling variants of one another."""
    return "".join(singular(word) for word in name_words(name)).casefold()


def variant_kinds(a: str, b: str) -> list[str]:
    """How two variant spellings differ: possessive, plural, case, hyphen, spacing."""
    kinds = []
    if re.search(r"['’]s\b", a) or re.search(r"['’]s\b", b):
        kinds.append("possessive")
    joined_a, joined_b = "".join(name_words(a)), "".join(name_words(b))
    if joined_a.casefold() != joined_b.casefold():
        kinds.append("plural")
    if "".join(singular(w) for w in name_words(a)) != "".join(singular(w) for w in name_words(b)):
        kinds.append("case")
    if a.count("-") != b.count("-"):
        kinds.append("hyphen")
    elif a.count(" ") != b.count(" "):
        kinds.append("spacing")
    return kinds or ["spelling"]


def acronym_case_differs(a: str, b: str) -> bool:
    """`mAP` and `MAP`, `Jas` and `JA`: a case difference inside an acronym, which can be
    another name."""
    for wa, wb in zip(map(singular, name_words(a)), map(singular, name_words(b)), strict=False):
        if wa != wb and wa.casefold() == wb.casefold() and sum(c.isupper() for c in wa + wb) >= 3:
            return True
    return False


def looks_like_acronym(name: str) -> bool:
    core = singular(name)
    return 2 <= len(core) <= 12 and " " not in core and sum(c.isupper() for c in core) >= 2


def lower_case_edit(a: str, b: str) -> tuple[str, str] | None:
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
