"""The extractor as a library: mentions, gold records, the pipeline."""

from __future__ import annotations

import pytest

from extractors.entities import build_nlp, gold_record
from tests.entities.helpers import mention, paper


def test_extractor_pipe_matches_call(extractor):
    papers = [
        paper("We propose FooRec, a novel model. CTR rises by 1.5% on Taobao.", "FooRec: Ranking"),
        paper("Dense retrieval with BERT on MS MARCO."),
    ]
    assert list(extractor.pipe(papers)) == [extractor(p) for p in papers]


@pytest.mark.slow
def test_extractor_pipe_multiprocess_matches_single(extractor):
    papers = [paper(f"We propose FooRec{i}, a novel model. Online CTR rises by {i}.5% on Taobao.") for i in range(6)]
    assert list(extractor.pipe(papers, batch_size=2, n_process=2)) == list(extractor.pipe(papers))


def test_extractor_evidence_is_the_sentence(extractor):
    hit = mention(extractor, "First sentence. Online CTR rises by 3.5% on Taobao. Last one.", "metric", "CTR")
    assert hit.evidence == "Online CTR rises by 3.5% on Taobao."


def test_gold_record_shape(extractor):
    p = paper("We propose ShopBench, a new benchmark. Deployed on Taobao, CTR rises by 2.5%.", "ShopBench: A Dataset")
    record = gold_record(p, extractor(p))
    assert list(record) == [
        "source",
        "arxiv_id",
        "title",
        "proposed",
        "methods",
        "datasets",
        "companies",
        "metrics",
        "tasks",
        "outperforms",
        "results",
    ]
    assert "ShopBench" in record["proposed"] and "ShopBench" in record["datasets"]
    assert record["companies"] == ["Taobao"]
    assert {"name": "CTR", "value": "2.5%", "setting": "online"} in record["metrics"]


def test_derived_values_stay_with_their_doc_and_do_not_travel():
    import pickle

    from spacy.tokens import Doc

    from extractors.entities.rulers import doc_spans
    from extractors.entities.text import SENTENCES, sentences

    nlp = build_nlp()
    doc = nlp("We propose Glimmerank, a ranking model. Glimmerank beats SASRec on a store dataset.")
    assert sentences(doc) is sentences(doc) is doc.user_data[SENTENCES]
    spans = [(s.start, s.end, s.label_) for s in doc_spans(doc)]
    for other in (
        doc.copy(),
        pickle.loads(pickle.dumps(doc)),
        Doc(nlp.vocab).from_bytes(doc.to_bytes()),
    ):
        assert other.user_data[SENTENCES] is None  # rebuilt from the doc on demand
        assert [s.text for s in sentences(other)] == [s.text for s in sentences(doc)]
        assert [(s.start, s.end, s.label_) for s in doc_spans(other)] == spans
