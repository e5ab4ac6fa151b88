"""An article's claim gate: the writer's framing is not asked for a source
(parser/claimgate.py, uncited-claim)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_file, check_text
from citecheck.config.settings import Settings
from citecheck.parser import parse
from citecheck.parser.claimgate import checkable, framing, unasked

STRATEGY = Path(__file__).parents[1] / "fixtures" / "kinds" / "claim-gate" / "strategy.md"


@pytest.mark.parametrize(
    "text",
    [
        "Its oat drink sold 1.2 million cartons in 2023.",
        "His partner Daniel Defert founded the AIDES charity in his memory.",
        "Gaps:** Slight lag behind Nykaa in quick commerce.",
        "The decree was called a “turning point” by the press.",
        "It was the first airport of the state to run a night service.",
        "Studies show that most readers never open a cited source.",
        "这座桥建于明代。",
    ],
)
def test_checkable_specifics(text):
    assert checkable(text)


@pytest.mark.parametrize(
    "text",
    [
        "Consistency matters more than volume.",
        "Mission:** Democratize science-powered skincare with playful appeal.",
        "The principle is nevertheless elegant, beautiful and theoretically fruitful.",
        "Переключатель темы и уважение системной темы.",
    ],
)
def test_no_checkable_specifics(text):
    assert not checkable(text)


@pytest.mark.parametrize(
    "text",
    [
        "Knowledge accounts for 50% of your marks.",
        "It is important to answer every review within a day.",
        "The key is authentic engagement rather than paid reach.",
        "This strategy leverages our research findings.",
        "We recommend a loyalty programme for repeat buyers.",
        "Важно: сетка должна быть еле заметной.",
        "Текст ниже можно копировать целиком в вашего агента.",
        "Pour réussir, il faut réviser chaque semaine.",
        "Para aprobar hay que practicar cada semana.",
        "The table below compares the most relevant low-budget choices.",
        "The following figure shows where each request goes.",
        "Your self-hosted Bedrock server cannot appear like a Realm in console menus.",
    ],
)
def test_framing(text):
    assert framing(text)


@pytest.mark.parametrize(
    "text",
    [
        # a condition with "you" states a fact; "US" and "Did You Know" are names
        "Merged cells cannot be drawn when you want to export to plain text.",
        "In 1944 it was renamed after US Army Air Forces Col. Harvey Weir Cook.",
        "On 22 February 2004, Did You Know made its first Main Page appearance.",
        # "our" of people at large is not the writer
        "Machine learning has revolutionized our understanding of obesity, up to 88%.",
        # a quotation's first person is the quoted speaker's
        'Sanger wrote that "we dare not allow any organization to decide".',
        "The figures were revised upward in 2021.",
        "The table tennis federation was founded in 1926.",
        "Your Name is a 2016 Japanese animated film.",
        "You Only Live Twice was released in 1967.",
    ],
)
def test_not_framing(text):
    assert not framing(text)


def test_a_report_in_its_own_voice_is_asked_only_for_its_checkable_claims():
    report = check_file(str(STRATEGY))
    assert report.profile == "article"
    assert [f.text for f in report.findings if f.code == "CC001"] == [
        "Its oat drink sold 1.2 million cartons in 2023.",
        "The brand's account passed 400,000 followers in March 2024.",
    ]


def test_profile_article_asked_explicitly_asks_every_claim():
    report = check_file(str(STRATEGY), Settings(profile="article"))
    texts = [f.text for f in report.findings if f.code == "CC001"]
    assert "Consistency matters more than volume." in texts
    assert "Our plan balances trust recovery with growth." in texts


ENCYCLOPEDIA = """# Influenza

Influenza is an infectious disease caused by influenza viruses. [1]

Shortness of breath usually develops several days after the first symptoms.
The droplets usually fall to the ground rather than travel through the air.
Most people recover within a week without treatment.
Outside the body, the virus is destroyed by household soap.
A minority of cases never develop noticeable symptoms.
Transmission without symptoms does occur.
Surfaces are easily decontaminated with household disinfectants.
The time from exposure to onset is typically about two days. [2]

## References

1. World Health Organization. Influenza fact sheet.
2. Centers for Disease Control. How flu spreads.
"""


def test_an_encyclopedia_keeps_its_general_statements():
    """Where the writer never speaks of themselves, a statement with no name or figure
    is still a claim: the gate lets only framing go."""
    doc = parse(ENCYCLOPEDIA, "markdown", "flu.md")
    assert unasked(doc) == frozenset()
    report = check_text(ENCYCLOPEDIA, path="flu.md")
    assert report.profile == "article"
    uncited = [f.text for f in report.findings if f.code == "CC001"]
    assert "Transmission without symptoms does occur." not in uncited  # covered by [2]
    one_paragraph = ENCYCLOPEDIA.replace(
        "The time from exposure to onset is typically about two days. [2]", ""
    )
    uncited = [f.text for f in check_text(one_paragraph, path="flu.md").findings]
    assert "A minority of cases never develop noticeable symptoms." in uncited
