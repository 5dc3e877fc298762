"""`kg_deployment`: where a paper says it runs in production.

A deployment cue is a sentence saying the work was deployed, launched, A/B tested
online or serves real users (`deployed at X`, `online A/B test on X`, `serving 400
million users daily`, `in production`). Company spans in such a sentence get
`kg_deployed = True`. A company the lexicon does not know, named right after the cue
(`deployed on Zalando`, `A/B tests at Coupang App`), becomes a company span too.
Lexicon companies marked `cue_only` (`Amazon`, also a public dataset) are kept only
in a cue sentence; elsewhere they are dropped.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.lexicon import load_lexicons
from extractors.entities.rulers import COMPANY, SPANS_KEY, doc_spans, set_doc_spans
from extractors.entities.text import NOT_NAMES, Sent, WordSet, sentences

if not Span.has_extension("kg_deployed"):
    Span.set_extension("kg_deployed", default=False)

CUE = re.compile(
    r"\b(?:deploy(?:ed|ing|ment|s)?|launched|A/B[\s-]?test\w*|online\s+(?:experiments?|tests?|evaluations?|traffic)|"
    r"in\s+production|production\s+(?:system|systems|environment|traffic|platform|deployment)|"
    r"serv(?:es|ing|ed)\s+(?:over\s+|more\s+than\s+)?(?:hundreds\s+of\s+)?\d[\d,.]*\s*(?:million|billion|M|B)?\s+(?:\w+\s+)?(?:users|customers|requests|queries)|"
    r"live\s+traffic|real-world\s+traffic|full\s+traffic)\b",
    re.I,
)
# every CUE match starts at one of these words (`A` of `A/B`, `in` of `in production`)
CUE_TOKENS = WordSet(
    [
        "deploy",
        "deployed",
        "deploying",
        "deployment",
        "deploys",
        "launched",
        "a",
        "online",
        "in",
        "production",
        "serves",
        "serving",
        "served",
        "live",
        "real",
        "full",
    ]
)
# a company name right after the cue: `deployed in the homepage of Zalando`, `A/B test on Coupang`
ORG = r"(?P<org>[A-Z][A-Za-z0-9&.'-]*[A-Za-z0-9](?:\s[A-Z][A-Za-z0-9&'-]*){0,2})"
AFTER_CUE = re.compile(
    r"(?:deploy(?:ed|ing|ment)?|launched|A/B[\s-]?tests?|A/B\s+testing|online\s+(?:experiments?|tests?))"
    r"(?:\s+(?:\w+\s+){0,6}?)?\s*(?:(?:at|on|across|within)\s+(?:the\s+)?|(?:homepage|platform|app|feed|search|traffic)\s+of\s+(?:the\s+)?)"
    + ORG
    + r"(?:'s)?(?=\s+(?:App|app|platform|Platform|website|site|homepage|system|search|Search|feed|Feed|store)\b|[\s,.;)]|$)"
)
PRODUCT_WORDS = re.compile(r"\s+(?:App|Lite|Search|Advertisement|Ads|Platform|Mall|Feed)$")
# A company given as an example comes after the cue, in its list (`platforms such as
# TikTok, Instagram`, `(e.g., Alipay)`), or before an `etc`; a cue elsewhere in the
# sentence (`a dataset from Meituan ... baselines including X`) is about something else.
EXAMPLE_LIST = 80  # characters of list between an example cue and the company
EXAMPLE_BEFORE = re.compile(
    rf"\b(?:such\s+as|e\.g\.|for\s+example|for\s+instance|including|like|whether)[^.;:]{{0,{EXAMPLE_LIST}}}$", re.I
)
EXAMPLE_AFTER = re.compile(rf"[^.;:]{{0,{EXAMPLE_LIST}}}?\betc\b", re.I)
# not a company: hardware (`FPGAs`, `AMD NPUs`), a place or an institution, also where the
# name runs on (`Biochemical and Cellular Pharmacology Department`)
NOT_ORG = re.compile(
    r"[A-Z]{2,}s$|\b(?:District|City|Province|County|State|Department|University|Hospital|Institute|School|College|Laboratory|Lab)$"
)
INSTITUTION_AFTER = re.compile(
    r"(?:\s+(?:and|of|&)?\s*[A-Z][\w-]*){0,4}\s+(?:District|City|Province|County|Department|University|Hospital|Institute|School|College|Laboratory)\b"
)
ORG_SHAPE = re.compile(r"^(?=.*[a-z])[A-Z][A-Za-z0-9&.]*(?: [A-Z][A-Za-z0-9&.]*)?$")
GENERIC = frozenset(
    """
    The A An Our This These That Online Offline Production Large Extensive Real Industrial Chinese English
    Apps App Android IOS iOS Web Internet E-commerce Ecommerce Homepage Home Search Feed Live Video Short
    Guess You Like We It Its Their Experiments Results Q1 Q2 Q3 Q4 January February March April May June July
    August September October November December Moreover Furthermore Finally Specifically Additionally
    """.split()
)


def given_as_example(text: str, sent: Sent, span: Span) -> bool:
    """`platforms such as TikTok`, `(e.g., Alipay)`, `TikTok, Kwai, etc.`"""
    start = max(sent.start_char, span.start_char - EXAMPLE_LIST - 20)
    return bool(
        EXAMPLE_BEFORE.search(text, start, span.start_char) or EXAMPLE_AFTER.match(text, span.end_char, sent.end_char)
    )


@Language.factory("kg_deployment", default_config={"spans_key": SPANS_KEY, "directory": None})
def make_deployment_ruler(nlp: Language, name: str, spans_key: str, directory: str | None) -> DeploymentRuler:
    return DeploymentRuler(nlp, name, spans_key=spans_key, directory=directory)


class DeploymentRuler:
    def __init__(
        self, nlp: Language, name: str = "kg_deployment", *, spans_key: str = SPANS_KEY, directory: str | None = None
    ):
        self.name = name
        self.spans_key = spans_key
        entries = load_lexicons(directory)
        self.cue_only = {e.name for e in entries if e.kind == "company" and e.cue_only}
        self.known = {s.casefold() for e in entries for s in e.spellings if not e.guarded(s)}  # names matched on sight

    def __call__(self, doc: Doc) -> Doc:
        spans = doc_spans(doc, self.spans_key)
        sents = sentences(doc)
        text = sents.text
        cues = sents.matches_at(CUE, CUE_TOKENS)
        companies = [s for s in spans if s.label == COMPANY]
        if not companies and not cues:
            return doc
        cue_sentences = {sents.at(m.start()).start for m in cues}
        out = [s for s in spans if s.label != COMPANY]
        named: set[str] = set()
        # A company only given as an example (`platforms such as TikTok, Instagram`)
        # is not one the paper works with, unless it is named elsewhere too.
        per_sentence: dict[int, set[str]] = {}
        for span in companies:
            per_sentence.setdefault(sents.at(span.start_char).start, set()).add(span.kb_id_)
        kept: list[tuple[Span, bool, bool]] = []  # (span, deployed, example)
        for span in companies:
            if (
                text.startswith("-", span.end_char)
                and span.end_char + 1 < len(text)
                and text[span.end_char + 1].isalpha()
            ):
                continue  # `Meta-learning`, `Apple-like`
            sent = sents.at(span.start_char)
            deployed = sent.start in cue_sentences
            if span.kb_id_ in self.cue_only and not deployed:
                continue
            example = not deployed and (len(per_sentence[sent.start]) >= 3 or given_as_example(text, sent, span))
            kept.append((span, deployed, example))
        real = {span.kb_id_ for span, _, example in kept if not example}
        for span, deployed, example in kept:
            if example and span.kb_id_ not in real:
                continue
            span._.kg_deployed = deployed
            named.add(span.kb_id_)
            out.append(span)
        taken = {(s.start_char, s.end_char) for s in spans}
        others = {s.kb_id_ for s in spans if s.label != COMPANY}
        for start in sorted(cue_sentences):
            sentence = sents.at(doc[start].idx)
            for match in AFTER_CUE.finditer(sentence.text):
                org = PRODUCT_WORDS.sub("", match.group("org").strip(".'"))
                first = org.split()[0]
                if (
                    first in GENERIC
                    or first in NOT_NAMES
                    or org.casefold() in self.known
                    or org in named
                    or org in others
                ):
                    continue
                if not ORG_SHAPE.match(org) or NOT_ORG.search(org):
                    continue  # `UAV`, `K-12`, `API-based`, `URL's`, `FPGAs` are not company names
                if INSTITUTION_AFTER.match(sentence.text, match.start("org") + len(org)):
                    continue
                begin = sentence.start_char + match.start("org")
                at_org = doc.char_span(begin, begin + len(org), alignment_mode="expand")
                if at_org is None or (at_org.start_char, at_org.end_char) in taken:
                    continue
                if any(s.start <= at_org.start < s.end for s in spans):
                    continue  # already a method, dataset or proposed name
                company = Span(doc, at_org.start, at_org.end, label="company", kb_id=org, span_id=org)
                company._.kg_deployed = True
                named.add(org)
                out.append(company)
        set_doc_spans(doc, self.spans_key, out)
        return doc
