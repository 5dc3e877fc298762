"""The tokenizer: tokens, columns and sentence starts."""

from __future__ import annotations

import pytest
import spacy

from extractors.entities import build_nlp
from extractors.entities.tokenizer import FastTokenizer


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("a gain of 17.8% here", ["a", "gain", "of", "17.8", "%", "here"]),
        ("1.84x faster", ["1.84x", "faster"]),
        ("Qwen2.5 and JD.com", ["Qwen2.5", "and", "JD.com"]),
        ("e.g. LLMs", ["e.g.", "LLMs"]),
        ("NDCG@10", ["NDCG", "@", "10"]),
    ],
)
def test_tokenizer_splits_words_numbers_and_marks(text, tokens):
    nlp = spacy.blank("en")
    assert [t.text for t in FastTokenizer(nlp.vocab)(text)] == tokens


@pytest.mark.parametrize(
    "text", ["  two  spaces\tand a tab \n\n next", "plain text, one space", "\u3000wide\xa0blank", ""]
)
def test_tokenizer_columns_agree_with_the_doc(text):
    doc = build_nlp().make_doc(text)
    assert doc.user_data["kg.text"] == doc.text
    if len(doc):
        words, offsets, starts = doc.user_data["kg.columns"]
        assert list(words) == [t.text for t in doc]
        assert offsets == [t.idx for t in doc]
        assert starts == [t.i for t in doc if t.is_sent_start]


def test_tokenizer_sentences_end_at_stops_not_at_decimals_or_abbreviations():
    nlp = build_nlp()
    doc = nlp("We gain 2.5 points, e.g. on search. Then we stop.\nNext line")
    assert [s.text.strip() for s in doc.sents] == ["We gain 2.5 points, e.g. on search.", "Then we stop.", "Next line"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "(Zorblat) beats Quxnet, by far; see it!",
            ["(", "Zorblat", ")", "beats", "Quxnet", ",", "by", "far", ";", "see", "it", "!"],
        ),
        ('a "Plimber" tag', ["a", '"', "Plimber", '"', "tag"]),
        ("cf. Tab. 3, No. 7", ["cf.", "Tab.", "3", ",", "No.", "7"]),
    ],
)
def test_tokenizer_word_and_mark_chunks_split_as_the_regex_does(text, tokens):
    doc = build_nlp().make_doc(text)
    assert [t.text for t in doc] == tokens
    assert doc.user_data["kg.lower"] == [t.lower() for t in tokens]
