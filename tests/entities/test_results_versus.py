"""Results whose values are set against each other in brackets after their metric
(`higher recall than A (63.1% vs. 37.0%)`) or reached by a best metric after a comma
(`the best F1 among them, reaching 62.3% on A and 71.2% on B`), comparison_elided; on
sentences written here, with phrasings that must give no result. All names and numbers are invented."""

from __future__ import annotations

import pytest

from extractors.entities import EntityExtractor
from tests.entities.helpers import paper


def results(extractor: EntityExtractor, abstract: str) -> set[tuple[str, str | None, str | None]]:
    return {(m.name, m.value, m.baseline) for m in extractor(paper(abstract)) if m.kind == "result"}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # each value of the list; the first over the one method named before the brackets
        (
            "ZetaNet achieves higher accuracy than KiloNet (85.2% vs. 80.1%).",
            {("accuracy", "85.2%", "KiloNet"), ("accuracy", "80.1%", None)},
        ),
        # spreads and a p-value after the list; over two methods, whose is the first is not said
        (
            "ZetaNet achieves higher accuracy than KiloNet or VexNet (63.1% $\\pm$ 29.5% vs. 37.0% "
            "$\\pm$ 23.8% vs. 17.3% ± 13.1%; p < 0.01).",
            {("accuracy", "63.1%", None), ("accuracy", "37.0%", None), ("accuracy", "17.3%", None)},
        ),
        # values without a unit
        ("ZetaNet improves F1 (0.82 vs. 0.75) on Quorra.", {("F1", "0.82", None), ("F1", "0.75", None)}),
    ],
)
def test_results_versus_in_brackets_after_the_metric(extractor, abstract, expected):
    assert expected <= results(extractor, abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        # not values: counts of something else
        "ZetaNet uses fewer parameters than KiloNet (3 layers vs. 12 layers).",
        # a list of measures: which value is whose is not said
        "ZetaNet improves precision and F1 over KiloNet (85.2% vs. 80.1%).",
        # another metric comes between
        "ZetaNet improves accuracy over KiloNet and its latency (120 ms vs. 300 ms).",
        # names, not values
        "ZetaNet improves accuracy on three datasets (KiloNet vs. VexNet).",
    ],
)
def test_results_versus_gives_the_metric_no_foreign_values(extractor, abstract):
    got = results(extractor, abstract)
    assert not {r for r in got if r[0] in ("accuracy", "F1", "precision") and r[1] in ("85.2%", "80.1%", "120 ms")}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "ZetaNet achieves the best evidence F1 of the five controllers, reaching 61.8% on plain inputs "
            "and 70.4% under noise.",
            {("evidence F1", "61.8%", None), ("evidence F1", "70.4%", None)},
        ),
        (
            "ZetaNet achieves the best F1 at every scale, reaching 70.8, 51.7, and 46.2.",
            {("F1", "70.8", None), ("F1", "51.7", None), ("F1", "46.2", None)},
        ),
    ],
)
def test_results_reached_by_a_best_metric_after_a_comma(extractor, abstract, expected):
    assert expected <= results(extractor, abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        # the value is followed by another measure's name, or counts something else
        "ZetaNet achieves the best F1 on Quorra, with 3 agents and 12 tools.",
        # not a best metric
        "ZetaNet achieves competitive F1 on Quorra, reaching 70.8 on clean data.",
    ],
)
def test_results_reached_needs_a_best_metric_and_bare_values(extractor, abstract):
    assert not results(extractor, abstract)
