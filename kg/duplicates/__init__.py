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
    0.4-0.7     a near spelling

The package, by job:

    find.py         find_duplicates: every kind, label by label, most likely first; report_json
    pairs.py        the three kinds of pair with their scores and evidence
    definitions.py  the `Long Form (LF)` definitions read from evidence sentences
    senses.py       which long forms of an acronym are one sense; names in two senses
    spelling.py     plurals, variant forms, how two spellings differ
    model.py        Candidate, TwoSenses, DuplicateReport"""

from kg.duplicates.definitions import parse_definitions
from kg.duplicates.find import find_duplicates, report_json
from kg.duplicates.model import Candidate, DuplicateReport, Sense, TwoSenses
from kg.duplicates.senses import group_senses
from kg.duplicates.spelling import looks_like_acronym, singular, variant_form, variant_kinds

__all__ = [
    "Candidate",
    "DuplicateReport",
    "Sense",
    "TwoSenses",
    "find_duplicates",
    "group_senses",
    "looks_like_acronym",
    "parse_definitions",
    "report_json",
    "singular",
    "variant_form",
    "variant_kinds",
]
