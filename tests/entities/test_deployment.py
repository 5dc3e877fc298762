"""Deployment cues and the companies deployed on."""

from __future__ import annotations

import pytest

from tests.entities.helpers import found, mention, paper


@pytest.mark.parametrize(
    "text",
    [
        "The model is deployed at Kuaishou App, serving 400 million users daily.",
        "Online A/B tests on Meituan confirm the gains.",
        "It has been launched in production on Taobao.",
    ],
)
def test_deployment_marks_deployed_companies(extractor, text):
    assert all(m.deployed for m in extractor(paper(text)) if m.kind == "company")
    assert found(extractor, text, "company")


def test_deployment_company_without_a_cue_is_not_deployed(extractor):
    assert mention(extractor, "We use logs released by Kuaishou.", "company", "Kuaishou").deployed is False


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The system has been deployed at Zalandor, a fashion platform.", "Zalandor"),
        ("Online A/B tests on Quokkashop App show gains.", "Quokkashop"),
    ],
)
def test_deployment_finds_companies_the_lexicon_lacks(extractor, text, company):
    assert mention(extractor, text, "company", company).deployed


def test_deployment_companies_given_as_examples_are_dropped(extractor):
    text = "Short-video platforms such as TikTok, Instagram and YouTube attract users."
    assert found(extractor, text, "company") == []


@pytest.mark.parametrize(
    "text",
    [
        "It powers tailored offers on online platforms (e.g., Alipay).",
        "Platforms like TikTok reshape how users discover music.",
        "Short-video apps (TikTok, Kuaishou, etc.) dominate attention.",
    ],
)
def test_deployment_example_cue_before_or_etc_after_makes_an_example(extractor, text):
    assert found(extractor, text, "company") == []


def test_deployment_example_cue_elsewhere_in_the_sentence_is_not_about_the_company(extractor):
    text = "Experiments on the industrial dataset from Meituan show it beats baselines including DIN and DCN."
    assert "Meituan" in found(extractor, text, "company")


def test_deployment_url_is_not_a_company(extractor):
    assert found(extractor, "Code: https://github.com/microsoft/foo.", "company") == []


@pytest.mark.parametrize(
    "text",
    [
        "The quantised network is deployed on FPGAs with little memory.",
        "The planner has been deployed on the traffic platform of Qingshan District, Wuhan.",
        "It was shown through deployment at the Molecular and Cellular Imaging Department of a lab.",
    ],
)
def test_deployment_hardware_places_and_institutions_are_not_companies(extractor, text):
    assert found(extractor, text, "company") == []
