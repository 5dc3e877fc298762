"""Metric names, their values and settings."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found, mention, paper


@pytest.mark.parametrize(
    ("text", "name", "value", "unit"),
    [
        ("It achieves an overall +13.50% online CTR improvement.", "CTR", "+13.50%", "%"),
        ("It improves online CTR by 2.71% and AUC by 1.195%.", "AUC", "1.195%", "%"),
        ("It outperforms the baseline by +17.8% in Recall@10.", "Recall@10", "+17.8%", "%"),
        ("It improves Recall@200 by over 25% on two benchmarks.", "Recall@200", "25%", "%"),
        ("PLUMB has led to a 0.63% improvement in QAUC.", "QAUC", "0.63%", "%"),
        ("It achieves a 0.37\\% GMV increase in an online A/B test.", "GMV", "0.37%", "%"),
        ("This lifts NDCG@20 by an average of 4.21%.", "NDCG@20", "4.21%", "%"),
        ("It reaches R@5 to 71.4% on the test set.", "Recall@5", "71.4%", "%"),
        ("It yields a 7.25% average improvement in top-1 accuracy.", "top-1 accuracy", "7.25%", "%"),
        ("It brings 1.6times the QPS of the baseline.", "QPS", "1.6times", "x"),
        ("It keeps a 76.3% task success rate.", "task success rate", "76.3%", "%"),
        ("Online tests show a 1.91% sales growth.", "sales", "1.91%", "%"),
        ("The ranker reaches item-level recall 0.418 on held-out shops.", "item-level recall", "0.418", None),
        ("It lifts basket count (BC) by 4.50% and gross merchandise value (GMV) by 0.75%.", "GMV", "0.75%", "%"),
        ("The pruned model, preserving accuracy 91.2%, halves memory.", "accuracy", "91.2%", "%"),
        ("It reaches a C4-Test perplexity of 12.5 after pruning.", "perplexity", "12.5", None),
        ("The model's accuracy reaches 88.5% on the test split.", "accuracy", "88.5%", "%"),
        ("On the ranking test, HR@10 increased from 0.412 to 0.467.", "HR@10", "0.467", None),
        ("Online CTR rose from 2.1% to 2.5% during the test.", "CTR", "2.5%", "%"),
        ("The screener reached a missed case rate (MCR) of 1.5% on the audit set.", "MCR", "1.5%", "%"),
    ],
)
def test_metrics_values_in_their_phrasings(extractor, text, name, value, unit):
    hit = mention(extractor, text, "metric", name)
    assert (hit.value, hit.unit) == (value, unit)


def test_metrics_a_value_joined_to_another_phrase_is_not_the_next_metrics(extractor):
    text = "It lifts basket count (BC) by 4.50% and gross merchandise value (GMV) by 0.75%."
    assert {m.value for m in extractor(paper(text)) if m.name == "GMV"} == {"0.75%"}


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("It lifts Success@5 by 3.4% over the baseline.", "Success@5", "3.4%"),
        ("Our ranker improves ILD@20 to 0.62 on both sets.", "ILD@20", "0.62"),
        ("We report Pass@3 on the held-out split.", "Pass@3", None),
    ],
)
def test_metrics_any_name_with_a_cutoff_is_a_metric(extractor, text, name, value):
    assert mention(extractor, text, "metric", name).value == value


@pytest.mark.parametrize("text", ["Mail us at help@2024 or team@example.com.", "The top@10 list is fixed."])
def test_metrics_at_signs_that_are_not_cutoffs(extractor, text):
    assert found(extractor, text, "metric") == []


def test_metrics_bracketed_change_and_continued_values(extractor):
    values = {
        m.value for m in extractor(paper("It improves R@5 to 71.4%(+1.8%) over the baseline.")) if m.name == "Recall@5"
    }
    assert values == {"71.4%", "+1.8%"}
    text = "Total Watch Time increased by 0.210% in the main app and 0.185% in the Lite version."
    assert {m.value for m in extractor(paper(text)) if m.kind == "metric"} == {"0.210%", "0.185%"}


def test_metrics_respectively_lists_give_each_value(extractor):
    text = "It reaches the highest win rates on A, B, and C (81.2%, 79.4%, and 80.6% respectively)."
    assert {m.value for m in extractor(paper(text)) if m.kind == "metric"} == {"81.2%", "79.4%", "80.6%"}


@pytest.mark.parametrize(
    "text",
    [
        "The paper has 10 pages and 4 tables, accepted in 2024.",
        "A search system over 70 million pages of government PDFs.",
        "We collected 400 million user interactions in 2023.",
    ],
)
def test_metrics_numbers_that_are_not_metric_values(extractor, text):
    assert [m for m in extractor(paper(text)) if m.kind == "metric" and m.value] == []


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("Online A/B tests show a 2.1% CTR lift.", "online"),
        ("Offline experiments show AUC gains of 0.5%.", "offline"),
        ("On public datasets NDCG@10 improves by 3.2%.", "offline"),
    ],
)
def test_metrics_setting(extractor, text, setting):
    assert next(m for m in extractor(paper(text)) if m.kind == "metric").setting == setting


@pytest.mark.parametrize(
    "text",
    [
        "CTR models are trained on logs.",  # a modifier, not a measure
        "We study the diversity of results.",  # value-only metric without a value
        "Ranking NDCG@10 and NDCG are both reported.",
    ],
)
def test_metrics_not_measures(extractor, text):
    names = found(extractor, text, "metric")
    assert "CTR" not in names and "diversity" not in names and "NDCG" not in names
