"""Small text helpers shared by the rule components: sentence lookup by character,
what a coined name looks like, and acronym/long-form matching."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress, pairwise

import srsly
from spacy.attrs import IDX, LOWER, SENT_START
from spacy.tokens import Doc

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# A name as a paper coins it: letters/digits with inner hyphens, dots or (TeX) powers
# (`REG4Rec`, `MMQ-v2`, `Align$^3$GR`, `Qwen2.5`), in any script's letters (`JUÁ`, `FuXi-β`),
# with the pluses of a version at its end (`PointNet++`, `HumanEval+`).
NAME = r"[^\W\d_][^\W_]*(?:(?:[-_.'][^\W_]+)|(?:\$?\^\{?\d+\}?\$?[^\W_]*))*(?:\+\+?(?![\w+]))?"
TEX_POWER = re.compile(r"\$?\^\{?(\d+)\}?\$?")

# Capitalised or acronym words that are not names anything is called by.
NOT_NAMES = frozenset(
    """
    AI AGI API APIs ID IDs SOTA GPU GPUs CPU CPUs TPU URL URLs PDF PDFs HTML JSON SQL XML CSV
    NLP CV IR ML DL RS RSs RecSys II III IV VI VII KPI KPIs QA IoT UI UX USA US UK EU UN
    PhD BSc MSc AUCs TB GB MB KB ms FLOPs FLOP TFLOPs PB K M B OK
    A B C D E F G H I J L N O P Q R S T U V W X Y Z
    Our We The This These That Its Their Both Each Such While However Moreover Furthermore
    Specifically Finally First Second Third Then Experiments Extensive Results
    LaTeX GitHub Github HuggingFace Hugging Python PyTorch TensorFlow Java Web WWW SIGIR KDD
    CIKM WSDM RecSys NeurIPS ICML ICLR ACL EMNLP NAACL AAAI IJCAI WWW TOIS TKDE TORS arXiv
    A/B Top-K Top-k top-K top-k P99 P95 P50 Q1 Q2 Q3 Q4 COVID-19 COVID
    Position Survey Review Tutorial Perspective Overview Introduction Abstract Background Keywords
    """.split()
)


def normalise_name(text: str) -> str:
    """`Align$^3$GR` -> `Align³GR`, `M^2VAE` -> `M²VAE`; other names unchanged."""
    if "^" in text:
        text = TEX_POWER.sub(lambda m: m.group(1).translate(SUPERSCRIPTS), text)
    return text.strip("{}")


# A Greek letter TeX writes in dollars (`FuXi-$\beta$`, `$\tau^2$-bench`, `$π$-SUB`) is read as
# the letter (`FuXi-β`, `τ²-bench`), as titles and lexicons write it; `top-$k$` stays, and so
# does `$\Delta$`, a change of what follows (`$\Delta$AUROC`), not a name's letter.
GREEK_LETTERS = dict(
    zip(
        "alpha beta gamma delta epsilon varepsilon zeta eta theta kappa lambda mu nu xi pi rho sigma "
        "tau upsilon phi varphi chi psi omega Gamma Theta Lambda Xi Pi Sigma Phi Psi Omega".split(),
        "αβγδεεζηθκλμνξπρστυφφχψωΓΘΛΞΠΣΦΨΩ",
        strict=True,
    )
)
GREEK_LETTER = "[α-ωΑ-Ω]"
GREEK_HEAD = re.compile(GREEK_LETTER + "[⁰¹²³⁴-⁹]*")  # a Greek letter with a power: `τ²`
TEX_GREEK = re.compile(r"\$(?:\\(" + "|".join(GREEK_LETTERS) + rf")|({GREEK_LETTER}))(?:\^\{{?(\d)\}}?)?\$")


def greek_as_letters(text: str) -> str:
    if "$" not in text:
        return text
    return TEX_GREEK.sub(_greek, text)


def _greek(match: re.Match[str]) -> str:
    command, letter, power = match.groups()
    return (letter or GREEK_LETTERS[command]) + (power or "").translate(SUPERSCRIPTS)


NOT_NAME_SUFFIXES = frozenset(
    "based aware guided driven enhanced free level like specific oriented agnostic centric "
    "style wise scale grained powered augmented empowered tuned trained".split()
)


def _participle(word: str) -> bool:
    return len(word) > 4 and word.islower() and word.endswith("ed")


def _coined_word(word: str) -> bool:
    if word in NOT_NAMES or len(word) < 2 or not word[0].isalpha():
        return False
    letters = [c for c in word if c.isalpha()]
    uppers = sum(c.isupper() for c in letters)
    if uppers >= 2:
        return True
    if uppers == 1 and any(c.isdigit() for c in word):
        return True
    # CamelCase after a capital (WebRec) or a one-letter lower-case prefix (iAgent)
    return any(a.islower() and b.isupper() for a, b in pairwise(word)) and (word[0].isupper() or word[1].isupper())


@lru_cache(maxsize=65536)
def is_coined(token: str) -> bool:
    """Does a word look like a name a paper coins? `WebRec`, `LGSID`, `REG4Rec`,
    `MMQ-v2`, `iAgent`, `H2Rec`, `G-DPO`; not `Model`, `AI`, `2024`, `Multi-Modal`,
    `MLLM-based`, `LLM-assisted`, `unFairness`."""
    if token in NOT_NAMES:
        return False
    parts = [p for p in token.split("-") if p]
    if not parts:
        return False
    if len(parts) > 1 and GREEK_HEAD.fullmatch(parts[0]) and not parts[1].istitle():
        return True  # `τ²-bench`, `β-VAE`: a Greek letter heads a coined name (`ε-Adaptive
        # Selection (ε-AS)` is a long form's word)
    if len(parts) > 1 and (parts[-1].lower() in NOT_NAME_SUFFIXES or _participle(parts[-1])):
        return False  # a modifier: `MLLM-based`, `LLM-assisted`
    return any(_coined_word(p) for p in parts)


COLUMNS = [SENT_START, IDX, LOWER]

# Entries of each word cache (the tokenizer's chunks, the anchor words) before it is
# cleared. Every extraction worker holds its own: at 200,000 the two took ~65 MB of each
# worker over the bulk corpus; at 50,000 the words that recur stay (a chunk is missed
# 12 times in 100 instead of 7).
WORD_CACHE_LIMIT = 50_000


class WordSet:
    """Lower-case words to look up as tokens (see `Sentences.tokens_in`). Each set has
    a number; `WordSet.members` maps a word to the numbers of the sets that hold it."""

    members: dict[str, tuple[int, ...]] = {}
    _made = 0

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w.lower() for w in words)
        self.number = WordSet._made
        WordSet._made += 1
        for word in self.words:
            WordSet.members[word] = (*WordSet.members.get(word, ()), self.number)
        _ANCHORS.clear()


class AnchorWords(dict[str, tuple[int, ...] | None]):
    """A word as written -> the numbers of the WordSets that hold its lower-case form,
    or None. Abstracts repeat the same words (the tokenizer hands out the same string
    objects, hashes computed), so one look-up replaces lower-casing and testing every
    token against every set."""

    LIMIT = WORD_CACHE_LIMIT

    def __missing__(self, word: str) -> tuple[int, ...] | None:
        if len(self) >= self.LIMIT:
            self.clear()
        found = self[word] = WordSet.members.get(word.lower())
        return found


_ANCHORS = AnchorWords()


class Sent:
    """A sentence: token range `start:end`, character range and text."""

    __slots__ = ("start", "end", "start_char", "end_char", "text")

    def __init__(self, start: int, end: int, start_char: int, end_char: int, text: str):
        self.start, self.end, self.start_char, self.end_char, self.text = start, end, start_char, end_char, text


class Derived:
    """A value a component derives from a doc and keeps in `doc.user_data` for the
    components after it (the doc's `Sentences`, the spans handed on). It is rebuilt
    from the doc where it is missing, so it does not travel with the doc: copying or
    pickling a doc gives None in its place, and msgpack (`Doc.to_bytes`, which
    multiprocess pipes use) writes nil."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[None], tuple[()]]:
        return (type(None), ())


def _derived_as_nil(obj: object, chain: Callable[[object], object] | None = None) -> object:
    """srsly's msgpack encoder hook: a `Derived` value is written as nil."""
    if isinstance(obj, Derived):
        return None
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("kg.derived", func=_derived_as_nil)


def drop_derived(doc: Doc) -> None:
    """Drop the doc's `Derived` values once its mentions are read: the spans handed on
    refer to the doc, and without them the doc is freed as soon as it is dropped
    rather than at the next cycle collection."""
    data = doc.user_data
    for key in [key for key, value in data.items() if isinstance(value, Derived)]:
        del data[key]


class Sentences(Derived):
    """A doc's text and sentences, read once: `doc.text` and `doc.sents` rebuild a
    string or a Token per word on every access and cost more than all the rules
    together. `at(char)` gives the sentence holding a character."""

    __slots__ = (
        "text",
        "token_starts",
        "token_ends",
        "starts",
        "ends",
        "_sents",
        "_evidence",
        "words",
        "_lower",
        "_anchors",
        "_idx",
    )

    def __init__(self, doc: Doc):
        self.text = doc.user_data.get("kg.text") or doc.text
        n = len(doc)
        columns = doc.user_data.get("kg.columns")
        words: Sequence[str]
        idx: list[int]
        starts: list[int]
        if columns is not None:
            # set by the tokenizer: words, character offsets, sentence-start tokens
            words, idx, starts = columns
        elif n:
            array = doc.to_array(COLUMNS)
            idx = array[:, 1].tolist()
            words = [t.text for t in doc]
            starts = [int(i) for i in (array[:, 0] == 1).nonzero()[0]] if doc.has_annotation("SENT_START") else []
            if not starts or starts[0] != 0:
                starts.insert(0, 0)
        else:
            words, idx, starts = (), [], [0]
        self.token_starts = starts
        self.token_ends = starts[1:] + [n]
        self.starts = [idx[i] if i < n else len(self.text) for i in starts]
        self.ends = self.starts[1:] + [len(self.text)]
        self._sents: dict[int, Sent] = {}
        self._evidence: dict[int, str] = {}
        self.words = words
        self._lower: list[str] | None = doc.user_data.get("kg.lower")  # set by the tokenizer
        self._anchors: dict[int, list[int]] | None = None  # WordSet number -> its token indices
        self._idx = idx

    @property
    def lower(self) -> list[str]:
        """The words in lower case."""
        if self._lower is None:
            self._lower = list(map(str.lower, self.words))
        return self._lower

    def tokens_in(self, words: WordSet) -> list[tuple[int, int]]:
        """(token index, start char) of the tokens whose lower-case form is in
        `words`. The tokens that are in any WordSet are found once per doc, by C-level
        loops (`map`, `compress`), and filed under each set that holds them, in
        order; a rule then reads its set's list."""
        if self._anchors is None:
            found = list(map(_ANCHORS.__getitem__, self.words))
            anchors: dict[int, list[int]] = {}
            for i, numbers in zip(compress(range(len(found)), found), filter(None, found), strict=True):
                for number in numbers:
                    held = anchors.get(number)
                    if held is None:
                        anchors[number] = [i]
                    else:
                        held.append(i)
            self._anchors = anchors
        held = self._anchors.get(words.number)
        if held is None:
            return []
        idx = self._idx
        return [(i, idx[i]) for i in held]

    def matches_at(self, pattern: re.Pattern[str], words: WordSet) -> list[re.Match[str]]:
        """`pattern.finditer(text)`, for a pattern whose every match starts at a token
        in `words`: tried at those tokens only, which costs a fraction of a scan."""
        out: list[re.Match[str]] = []
        end = 0
        for _, start in self.tokens_in(words):
            if start >= end and (match := pattern.match(self.text, start)):
                out.append(match)
                end = match.end()
        return out

    def index(self, char: int) -> int:
        i = bisect_right(self.starts, char) - 1
        return i if i > 0 else 0  # (the builtin `max` parses its arguments: 5x the cost)

    def at(self, char: int) -> Sent:
        i = self.index(char)
        sent = self._sents.get(i)
        if sent is None:
            a, b = self.starts[i], self.ends[i]
            sent = self._sents[i] = Sent(self.token_starts[i], self.token_ends[i], a, b, self.text[a:b])
        return sent

    def evidence(self, char: int) -> str:
        """The sentence holding a character, its blanks made single spaces (a mention's
        evidence; several mentions share a sentence)."""
        i = self.index(char)
        found = self._evidence.get(i)
        if found is None:
            a, b = self.starts[i], self.ends[i]
            found = self._evidence[i] = " ".join(self.text[a:b].split())
        return found

    def __iter__(self) -> Iterator[Sent]:
        return (self.at(start) for start in self.starts)


SENTENCES = "kg.sentences"  # the doc's `Sentences`, in doc.user_data


def sentences(doc: Doc) -> Sentences:
    """The doc's `Sentences`, built once per doc and shared by the components."""
    found: Sentences | None = doc.user_data.get(SENTENCES)
    if found is None:
        found = doc.user_data[SENTENCES] = Sentences(doc)
    return found


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per doc."""
    return sentences(doc).text


def initials_match(acronym: str, words: list[str]) -> int | None:
    """Schwartz & Hearst: the index of the first word of the shortest long form in
    `words` whose letters spell `acronym` (each letter found in order, the first at a
    word start), or None. `Multimodal Mixture-of-Quantization` spells `MMQ`."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    if len(letters) < 2:
        return None
    long_form = " ".join(words).lower()
    i = len(letters) - 1
    j = len(long_form) - 1
    while i >= 0:
        c = letters[i]
        while j >= 0 and (long_form[j] != c or (i == 0 and j > 0 and long_form[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return None
        i -= 1
        j -= 1
    start = j + 1
    # the word where the match starts
    return long_form[:start].count(" ") if start > 0 else 0


def initials_spell(acronym: str, words: list[str]) -> int | None:
    """The index of the first of the last words of `words` whose first letters are the
    acronym's letters, one word each (`Proximal Policy Optimization` for `PPO`, where
    `initials_match` finds the shorter `Policy Optimization`), or None."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    if len(letters) < 2 or len(letters) > len(words) or not acronym.isupper():
        return None
    tail = words[len(words) - len(letters) :]
    return len(words) - len(letters) if all(w[:1].lower() == c for w, c in zip(tail, letters, strict=True)) else None


def has_word(text: str, word: str) -> bool:
    """`word` occurs in `text` as a whole word (not inside `word-x` or `xword`)."""
    if not word:
        return False
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        start = text.find(word, start + 1)
    return False


def written_outside(text: str, name: str, spans: Sequence[tuple[int, int, object]]) -> bool:
    """Is `name` written somewhere in `text` that none of `spans` (start, end, ...) overlaps?"""
    at = text.find(name)
    while at >= 0:
        if not any(start < at + len(name) and at < end for start, end, _ in spans):
            return True
        at = text.find(name, at + 1)
    return False
