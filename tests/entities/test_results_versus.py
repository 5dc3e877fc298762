"""Results whose values are set against each other in brackets after their metric
(`higher recall than A (63.1% vs. 37.0%)`, comparison_elided); on sentences written here,
with phrasings that must give no result. All names and numbers are invented."""

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
