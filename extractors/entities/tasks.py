"""`kg_tasks`: task names the lexicon does not list, built the way the field builds
them: a few modifiers before a task head word (`local-life recommendation`,
`advertiser keyphrase recommendation`, `compatibility prediction`,
`image-text ranking`). Token `Matcher` patterns, longest match wins; modifiers must
not be function words, verbs or evaluative adjectives (`the`, `improve`, `accurate`).

A phrase is kept where the title names it, or where the abstract states it as the
task (`X task`, `the X problem`, `tasks such as X`); a lexicon task overlapping it
wins. Also: coordinated heads (`generative and discriminative recommendation`),
`LLM-based X recommendation` (also LLM-based recommendation), and `cold-start` in a
recommendation paper (cold-start recommendation).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extractors.entities.rulers import SPANS_KEY, title_end
from extractors.entities.text import WordSet, doc_text, sentences

HEADS = ["recommendation", "recommendations", "retrieval", "prediction", "ranking", "generation",
         "classification", "detection", "linking", "typing", "search", "personalization", "simulation",
         "understanding", "autobidding", "unlearning", "tokenization"]
HEAD_FORMS = {"recommendations": "recommendation", "modelling": "modeling"}
STOP = sorted(set(
    """
    a an the this that these those our their its his her my your we they it of for to in on at by with from
    and or but as via into over under than is are was were be been being has have had do does can could may
    might will would should must not no all any both each more most many much such other another same some
    few several various different multiple diverse new novel existing traditional conventional classical
    classic modern current recent prior previous downstream upstream final overall general generic typical
    standard common popular real real-world large large-scale small high low better best good effective
    efficient accurate robust scalable simple unified powerful strong improved enhanced improve improves
    improving enhance enhancing boost boosting achieve achieves performing perform performs using use uses
    based towards toward task tasks problem problems based-on effective key main core whole entire
    personalized online offline industrial practical accurate fast faster precise reliable better-quality
    high-quality state-of-the-art sota end-to-end two-stage one-stage first second third final initial
    subsequent full partial extensive significant great generative discriminative public dynamic adaptive
    dual iterative equitable distinct comprehensive interpret joint unified universal holistic flexible
    lightweight interpretable explicit implicit fine-grained coarse-grained hierarchical progressive
    across free e ecommerce one two three four five six seven eight nine ten
    """.split()
))
# in the abstract, a phrase must be stated as the task: `the task of X`, `tasks such as X`,
# `X task`, `X problem`, `for X,` at a clause end
PROBLEM_BEFORE = re.compile(r"\b(?:task|tasks|problem|problems)\s+(?:of|such\s+as|like|including)\s+$|\b(?:such\s+as|including)\s+$", re.I)
TASK_WORDS = WordSet(["task", "tasks", "problem", "problems", "such", "including"])
PROBLEM_AFTER = re.compile(r"\s*(?:tasks?|problems?)\b", re.I)
VERB_LIKE = re.compile(r"^[a-z]+(?:ing|ly|ed)$")


@Language.factory("kg_tasks", default_config={"spans_key": SPANS_KEY})
def make_task_ruler(nlp: Language, name: str, spans_key: str) -> "TaskPhraseRuler":
    return TaskPhraseRuler(nlp, name, spans_key=spans_key)


def _patterns() -> list[list[dict]]:
    word = {"LOWER": {"NOT_IN": STOP}, "IS_ALPHA": True}
    token = {"LOWER": {"NOT_IN": STOP}, "IS_PUNCT": False, "LIKE_NUM": False, "IS_SPACE": False}
    inner = {"IS_PUNCT": False, "IS_SPACE": False}
    hyphenated = [token, {"ORTH": "-"}, inner]
    head = {"LOWER": {"IN": HEADS}}
    modifiers = [[word], hyphenated, [word, word], [word] + hyphenated, hyphenated + [word],
                 hyphenated + [{"ORTH": "-"}, inner], [word, word, word]]
    return [m + [head] for m in modifiers]


class TaskPhraseRuler:
    def __init__(self, nlp: Language, name: str = "kg_tasks", *, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("TASK", _patterns(), greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        tend = title_end(doc)
        taken = {(s.start, s.end) for s in spans}
        lexicon_tasks = [s for s in spans if s.label_ == "task"]
        named = {s.kb_id_ for s in spans if s.label_ != "task"}
        out = []
        replaced: set[str] = set()
        for start, end in self._candidates(doc, tend):
            # drop leading verb-like words (`generating complementary item recommendation`)
            # and the tail of a hyphenated word whose head was a stop word (`e-commerce`)
            while start < end - 1 and (
                VERB_LIKE.match(doc[start].text) and doc[start + 1].text != "-"
                or start > 0 and doc[start - 1].text == "-"
                or doc[start].text == "-"
            ):
                start += 1
            if start == end - 1:
                continue
            span = doc[start:end]
            in_title = span.start_char < tend
            if not in_title:
                text = doc_text(doc)
                before = text[max(sentences(doc).at(span.start_char).start_char, span.start_char - 30): span.start_char]
                if not (PROBLEM_BEFORE.search(before) or PROBLEM_AFTER.match(text, span.end_char)):
                    continue
            words = [t.lower_ for t in span]
            words[-1] = HEAD_FORMS.get(words[-1], words[-1])
            if any(t.text in named for t in span[:-1]):
                continue  # a method or proposed name, not a task modifier (`LLM`, `MoE`)
            name = "".join(w if w == "-" else (" " + w) for w in words).replace(" -", "-").replace("- ", "-").strip()
            if (start, end) in taken:
                continue
            overlapping = [s for s in lexicon_tasks if s.start < end and start < s.end]
            if overlapping:
                # the lexicon's task wins over an overlapping phrase, except where the
                # title narrows it (`short-form video recommendation`)
                if not (in_title and all(s.end == end and s.start > start for s in overlapping)):
                    continue
                replaced.update(s.kb_id_ for s in overlapping)
            out.append(Span(doc, start, end, label="task", kb_id=name, span_id=name))
        spans = [s for s in spans if not (s.label_ == "task" and s.kb_id_ in replaced)]
        out.extend(self._coordinated(doc, spans + out))
        out.extend(self._llm_based(doc, spans + out))
        doc.spans[self.spans_key] = self._recommendation(doc, spans + out, tend)
        return doc

    def _candidates(self, doc: Doc, tend: int):
        """Matches in the title and in sentences that state a task (the Matcher runs
        on those spans only: over a whole abstract it would cost more than the rest)."""
        sents = sentences(doc)
        text = sents.text
        ranges = []
        if tend:
            title = sents.at(0)
            ranges.append((title.start, title.end))
        # in the abstract, only the few words before `task`/`problem` or after
        # `such as`/`including`/`task of` can be the stated task
        for i, pos in sents.tokens_in(TASK_WORDS):
            if pos < tend:
                continue
            sent = sents.at(pos)
            word = doc[i].lower_
            if word in ("task", "tasks", "problem", "problems"):
                ranges.append((max(sent.start, i - 6), i))
                if i + 1 < sent.end and doc[i + 1].lower_ in ("of", "such", "like", "including"):
                    ranges.append((i + 1, min(sent.end, i + 9)))
            else:
                ranges.append((i + 1, min(sent.end, i + 9)))
        for a, b in ranges:
            for _, start, end in self.matcher(doc[a:b]):
                yield a + start, a + end

    def _recommendation(self, doc: Doc, spans: list[Span], tend: int) -> list[Span]:
        """In a paper whose title is about recommendation, `cold-start` is cold-start
        recommendation."""
        title = doc_text(doc)[:tend].lower()
        if "recommend" not in title or "cold-start" in title or "cold start" in title:
            return spans  # a title naming cold-start itself names the problem
        out = []
        for span in spans:
            if span.label_ == "task" and span.kb_id_ == "cold-start":
                span = Span(doc, span.start, span.end, label="task", kb_id="cold-start recommendation",
                            span_id="cold-start recommendation")
            out.append(span)
        return out

    def _coordinated(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """`generative and discriminative recommendation`: the second is a known task
        (`Y head`), so `X head` is one too."""
        known = {s.kb_id_.casefold() for s in spans if s.label_ == "task"}
        out = []
        if not known:
            return out
        text = doc_text(doc)
        for match in COORDINATED.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue
            second, head = match.group(1), HEAD_FORMS.get(match.group(2).lower(), match.group(2).lower())
            if f"{second} {head}".casefold() not in known:
                continue
            before = WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
            if before is None or before.group(1).lower() in FUNCTION_WORDS or before.group(1).lower() in HEADS:
                continue
            first = before.group(1)
            span = doc.char_span(before.start(1), before.end(1), alignment_mode="expand")
            if span is not None:
                name = f"{first.lower()} {head}"
                out.append(Span(doc, span.start, span.end, label="task", kb_id=name, span_id=name))
        return out

    def _llm_based(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """`LLM-based generative recommendation` is also LLM-based recommendation."""
        out = []
        for span in spans:
            if span.label_ == "task" and span.kb_id_.endswith("recommendation") and not span.kb_id_.startswith("LLM"):
                if LLM_BASED.search(doc_text(doc), max(0, span.start_char - 45), span.start_char):
                    out.append(Span(doc, span.start, span.end, label="task", kb_id="LLM-based recommendation",
                                    span_id="LLM-based recommendation"))
        return out


COORDINATED = re.compile(r"and\s+([A-Za-z][\w-]*)\s+(" + "|".join(HEADS) + r")\b")
FUNCTION_WORDS = frozenset("the a an both either and or of for in on with to at by from our their its this that these".split())
WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)\s+$")
LLM_BASED = re.compile(r"(?:LLMs?|[Ll]arge [Ll]anguage [Mm]odels?(?:\s*\(LLMs?\))?)[- ](?:based|powered|enhanced|empowered|driven)\s+$")
