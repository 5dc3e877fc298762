"""Metric rules of issue 15 item 3 on sentences written here: a measure the paper's
evaluation speaks of without a number, names as written, and the value forms."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def metrics(extractor: EntityExtractor, text: str) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for m in extractor(paper(text)):
        if m.kind == "metric":
            out.setdefault(m.name, set()).add(m.value)
    return out


# --- a measure the evaluation speaks of (EVALUATED_BEFORE, EVALUATED_AFTER) -------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Experiments show that it reduces inference latency on two benchmarks.", "inference latency"),
        ("Results show improved accuracy and relevance of ranked answers.", "accuracy"),
        ("Experiments demonstrate its advantages in terms of fairness, diversity, and accuracy.", "diversity"),
        ("Experiments demonstrate its advantages in terms of fairness, diversity, and accuracy.", "accuracy"),
        ("Results show it keeps superior recommendation accuracy across datasets.", "recommendation accuracy"),
        ("Experiments show that our method is better in terms of throughput.", "throughput"),
        ("In our experiments, accuracy drops sharply for the baselines.", "accuracy"),
        ("It halves memory without sacrificing accuracy in our experiments.", "accuracy"),
        # earlier work named, but set against this paper's
        ("Results show the tagger improves accuracy over existing parsing methods.", "accuracy"),
        ("Compared with prior ranking work, the router shows lower serving latency.", "serving latency"),
        # a level reached, shown by experiments
        ("Experiments on three shops show that the tagger achieves strong tagging accuracy.", "tagging accuracy"),
        ("We show that the parser achieves high recall on noisy receipts.", "Recall"),
        # examples the paper's own judges rate, or its own result
        ("Nurses rated each reply on criteria like fluency, coherence and accuracy of advice.", "accuracy"),
        ("The filter only causes a small drop in ranking metrics like NDCG on the shop logs.", "NDCG"),
    ],
)
def test_metrics_context_a_measure_with_a_change_or_comparison(extractor, text, name):
    assert name in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We study the diversity of results.", "diversity"),  # a topic, no change
        ("Benchmarks put an overemphasis on accuracy.", "accuracy"),  # a notion
        ("Models add item content to enhance recommendation accuracy.", "recommendation accuracy"),  # a purpose
        ("Rather than improving planner accuracy, the system demonstrates a runtime.", "planner accuracy"),
        ("It adds edges, improving coverage for sparse items.", "coverage"),  # no finding reported
        ("Results show clear gains in core engagement metrics overall.", "core engagement"),  # a family
        # earlier work's findings (PRIOR_WORK)
        ("Previous studies show that tree indexes increase lookup latency in shops.", "lookup latency"),
        ("Existing tagging approaches often degrade accuracy under heavy noise, studies show.", "accuracy"),
        # a level reached, set against a weakness or not shown (CONTRAST, SHOWN)
        ("Dense taggers achieve high tagging accuracy but cost much memory in the field.", "tagging accuracy"),
        ("Dense taggers in the field achieve strong tagging accuracy on small receipts.", "tagging accuracy"),
        # what a named measure measures (FAMILY_AFTER)
        ("Results show gains in shopper satisfaction, as measured by the net promoter score.", "shopper satisfaction"),
        # a metric given as an example of what a setting observes (EXAMPLE_BEFORE)
        ("Feed rankers learn from signals such as CTR and dwell time in the app.", "CTR"),
        ("Old scores (e.g., BLEU, ROUGE) miss the tone of a bedside reply.", "BLEU"),
        # a cost of computing without a number (GENERIC_CONCERNS)
        ("Results show the tagger cuts computational overhead and boosts tagging accuracy.", "computational overhead"),
    ],
)
def test_metrics_context_not_a_measure(extractor, text, name):
    found = metrics(extractor, text)
    assert name not in found and name.split()[-1] not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It beats the encoder on the main metrics, including accuracy of 0.72.", "accuracy"),
        ("It achieves 32.0% fewer rounds and 34.1% shorter training time.", "training time"),
        ("Tests show it does this while maintaining high generation diversity.", "generation diversity"),
        # words of the value, not of the measure
        ("Results show the cache scales while maintaining constant lookup throughput.", "lookup throughput"),
        ("Tests show gains in raw answer accuracy are small for the tutor.", "answer accuracy"),
        ("Results show the tagger scales while maintaining millisecond-level serving latency.", "serving latency"),
        # a list's word as written, not the lexicon's longer name
        ("The user study shows gains in clarity, usefulness, and satisfaction with the tool.", "satisfaction"),
        # the quality of a metric word is the measure (QUALITY_AFTER)
        ("Results show the query parser improves relevance quality in a live test.", "relevance quality"),
        # a cased metric named as one keeps the capitalised words before it (NAMED_METRIC_AFTER)
        ("Results show the router reaches 88.2% on the strict Route Recall metric in town.", "Route Recall"),
        ("Results show a perfect Answer Precision score for every tuned reader.", "Answer Precision"),
    ],
)
def test_metrics_context_words_of_the_sentence_do_not_widen_the_name(extractor, text, name):
    assert name in metrics(extractor, text)


# --- names as written, and metrics of online business (lexicons/ours/metrics.jsonl) --------


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("It improves Hit@1 by 12.3% over the best baseline.", "Hit@1", "12.3%"),
        ("The classifier reaches a ROC-AUC of 0.91 on the test set.", "ROC-AUC", "0.91"),
        ("The probe reaches an AUROC of 0.88 on held-out data.", "AUROC", "0.88"),
        ("The reranker reaches P@1 of 54.8% on the queries.", "P@1", "54.8%"),
        ("The ranker improves HR@10 by 3.1% on both sets.", "HR@10", "3.1%"),
        ("Online A/B tests show GTV rises by 1.54%.", "GTV", "1.54%"),
        ("In the A/B test UCTR rises by +0.13% and UCVR by +0.25%.", "UCVR", "+0.25%"),
        ("Deployed online, it lifts active days by +0.214%.", "active days", "+0.214%"),
        ("Online, the add-to-cart rate increased by 36%.", "add-to-cart rate", "36%"),
        ("Predictions agree with experts (Pearson r of 0.724).", "Pearson r", "0.724"),
        ("Raters agree well, with an ICC of 0.87.", "ICC", "0.87"),
    ],
)
def test_metrics_named_as_written(extractor, text, name, value):
    assert value in metrics(extractor, text).get(name, set())


def test_metrics_a_letter_alone_is_a_variable(extractor):
    found = metrics(extractor, "We propose Precision at R (P@R), and report P@10 of 0.4.")
    assert "P" not in found and found["P@10"] == {"0.4"}


# --- value forms: ranges, pairs, `~`, units (RANGE, RANGED, UNIT) ---------------------------


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("Online tests show increases in GMV ranging from 3.87% to 5.23%.", "GMV", "3.87% to 5.23%"),
        ("It shows an improvement of 50% to 70% in the NDCG@10 metric.", "NDCG@10", "50% to 70%"),
        ("It achieves 6-33% lower average latency than the baselines.", "latency", "6-33%"),
        ("The models achieve 13.9%/15.3% PER on Dev/Test.", "PER", "13.9%/15.3%"),
        ("Raters agree with it (ICC = 0.87-0.95) on all items.", "ICC", "0.87-0.95"),
        ("It brings improvements of up to ~3.7x in NDCG on both sets.", "NDCG", "~3.7x"),
        ("It improves average nDCG@5 by +2.71 on short queries.", "NDCG@5", "+2.71"),
        ("Voting achieves the highest accuracy at 16.76 percent overall.", "accuracy", "16.76 percent"),
        ("It reaches a Mean Absolute Error (MAE) as low as 3.86 Mbps.", "MAE", "3.86 Mbps"),
        ("It keeps a mean quality of 0.815 at 900 ms latency.", "latency", "900 ms"),
        ("Online CTR rose from 2.1% to 2.5% during the test.", "CTR", "2.5%"),  # a change: the value reached
        ("Its feedback improves scoring (MAE 0.87 to 0.73) for experts.", "MAE", "0.73"),
        ("It raises recovery from 0.33 to 0.91 ROC-AUC over the baseline.", "ROC-AUC", "0.91"),
    ],
)
def test_metrics_value_forms(extractor, text, name, value):
    assert metrics(extractor, text).get(name) == {value}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In A/B tests it lifts results in terms of users' active days and session time per user.", "active days"),
        ("We report that it strikes the best balance of memory footprint, accuracy, and latency.", "latency"),
        ("Validity was assessed via precision, recall and F1 score.", "Precision"),
    ],
)
def test_metrics_context_lists_trade_offs_and_assessments(extractor, text, name):
    assert name in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("LexiMed: Better Relevance in Clinical Search. Results show it works.", "relevance"),
        ("Spelling repair matters in current relevance systems, results show.", "relevance"),
        ("Results show that reasoning rerankers with stronger relevance judgment help.", "relevance"),
    ],
)
def test_metrics_context_a_title_or_a_modifier_is_no_measure(extractor, text, name):
    assert name not in metrics(extractor, text)


# --- a metric word inside another name (MODIFIED, NAME_CONTINUES, TOOL_HEAD) -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Results show the ranker removes the slot-based CTR bias from logged clicks.", "CTR"),
        ("On the Harbor Retail Sales dataset the forecaster reaches MAE of 3.1.", "Sales"),
        ("We test it against Perplexity Sonar and two other answer engines.", "Perplexity"),
        ("We test it against Perplexity Sonar and two other answer engines.", "perplexity"),
        ("We train a graph scoring model to quantify shopper trust in reviews.", "graph scoring model"),
        ("We propose a hybrid vision framework to quantify leaf damage in crops.", "hybrid vision framework"),
    ],
)
def test_metrics_context_a_word_of_another_name_is_no_measure(extractor, text, name):
    assert name not in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Recall and NDCG of the shop ranker improve by 3% over the old one.", "Recall"),
        ("We define the refund share to quantify seller risk across 12 markets.", "refund share"),
    ],
)
def test_metrics_context_a_metric_word_before_a_list_or_defined(extractor, text, name):
    assert name in metrics(extractor, text)


def test_metrics_value_with_its_spread(extractor):
    text = "It keeps 215 ms +/- 18 ms average latency overhead across pipelines."
    assert metrics(extractor, text).get("latency") == {"215 ms +/- 18 ms"}


# --- senses by field (defined_otherwise, RANKING_SENSE) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MBR decoding beats maximum a posteriori (MAP) decoding in our results.", "MAP"),
        ("We propose Middle-layer Attention Prediction (MAP). MAP improves speed.", "MAP"),
        ("Emergent misalignment (EM) appears after fine-tuning on narrow data.", "EM"),
        ("The map of the city and MAP estimates of the posterior are shown.", "MAP"),
    ],
)
def test_metrics_an_acronym_in_another_sense(extractor, text, name):
    assert name not in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We report nDCG, MAP, and MRR on the TREC retrieval tracks.", "MAP"),
        ("It improves exact match (EM) by +6.5 on six QA benchmarks.", "EM"),
        ("Online, it lifts Daily Active Users (DAU) by 0.47%.", "DAU"),
        ("It reaches an area under the ROC curve (AUC) of about 0.73.", "AUC"),
        ("It yields improvements up to +43.5% (HR@1) and +9.7% (HR@5).", "HR@5"),
    ],
)
def test_metrics_an_acronym_in_its_metric_sense(extractor, text, name):
    assert name in metrics(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("The system keeps an agentic routing overhead of 0.126 ms.", "agentic routing overhead", "0.126 ms"),
        ("An A/B test yields 1.70% in user reading time.", "user reading time", "1.70%"),
        ("An A/B test yields improvements of 1.34% in click unique visitors.", "click unique visitors", "1.34%"),
        ("It slashes peak token usage by 69.9% at the same budget.", "peak token usage", "69.9%"),
        # the unit a measure is counted per (PER_UNIT)
        (
            "A live test shows a +0.62% lift in story reading time per session on the feed.",
            "story reading time per session",
            "+0.62%",
        ),
        # the qualities a judge rates
        ("Raters saw gains of +212% in narrative richness for the tutor.", "narrative richness", "+212%"),
        (
            "Under the judge panel, the planner reaches a step coherence of 0.81 on long plans.",
            "step coherence",
            "0.81",
        ),
        ("Graders found it lifts answer helpfulness by 14.2% on the forum set.", "answer helpfulness", "14.2%"),
    ],
)
def test_metrics_quantity_phrases_beside_a_value(extractor, text, name, value):
    assert metrics(extractor, text).get(name) == {value}


def test_metrics_a_cost_of_computing_with_a_value_is_a_measure(extractor):
    found = metrics(extractor, "The tagger cuts computational overhead by 41.5% on receipts.")
    assert found.get("computational overhead") == {"41.5%"}


def test_metrics_a_judged_quality_without_a_value_is_no_measure(extractor):
    assert "coherence" not in metrics(extractor, "Drafts from the tool read with coherence in 12 of our trials.")


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("The chunker keeps 93-100% answer coverage on all sets.", "answer coverage", "93-100%"),
        ("It reaches 97.6--100.0% exact match on the test split.", "exact match", "97.6--100.0%"),
    ],
)
def test_metrics_a_range_read_whole_once(extractor, text, name, value):
    found = metrics(extractor, text)
    assert found.get(name) == {value} and len(found) == 1


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # two acronyms that modify one noun name a task, not measures
        ("The embeddings feed the ranking models for CTR and CVR predictions in the shop.", {"CTR", "CVR"}, set()),
        ("The embeddings feed the ranking models for CTR/CVR prediction in the shop.", {"CTR", "CVR"}, set()),
        # measured: kept
        ("The ranker improves CTR and CVR by 2.1% and 1.3% respectively online.", set(), {"CTR", "CVR"}),
    ],
)
def test_metrics_coordinated_modifier(extractor, text, absent, present):
    found = {m.name for m in extractor(paper(text)) if m.kind == "metric"}
    assert not found & absent
    assert present <= found
