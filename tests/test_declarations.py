"""A thesis's declaration of authorship and its thanks are forms, not claims
(citecheck.parser.declarations); a section that merely explains or discusses a declaration
is prose like any other."""

from __future__ import annotations

import pytest

from citecheck.parser import declarations


@pytest.mark.parametrize(
    "title",
    [
        "Eidesstattliche Erklärung",
        "Selbstständigkeitserklärung",
        "## Selbständigkeitserklärung",
        "Declaration of Authorship",
        "Author's declaration of originality",
        "Oświadczenie autora",
        "Ringraziamenti",
        "致谢",
        "独创性声明",
    ],
)
def test_declaration_and_thanks_titles(title: str) -> None:
    assert declarations.title(title)


@pytest.mark.parametrize(
    "title",
    ["Erklärung", "Declaration", "The Declaration of Independence", "Danksagungen im Mittelalter"],
)
def test_a_bare_or_longer_title_is_no_form(title: str) -> None:
    assert not declarations.title(title)


@pytest.mark.parametrize(
    "head",
    [
        "Hiermit erkläre ich, dass ich die vorliegende Arbeit selbstständig verfasst habe.",
        "Ich versichere hiermit an Eides statt, dass ich die Arbeit selbst geschrieben habe.",
        "I hereby declare that this thesis is my own work.",
        "Uprzedzony o odpowiedzialnosci karnej na podstawie art. 115 ust. 1 i 2 ustawy",
        "Oświadczam, że niniejszą pracę wykonałem osobiście.",
        "Il sottoscritto Mario Rossi dichiaro che la presente tesi è frutto del mio lavoro.",
    ],
)
def test_a_declaration_formula_opens_the_paragraph(head: str) -> None:
    assert declarations.opens(head)


@pytest.mark.parametrize(
    "head",
    [
        "I hereby declare war on the Kingdom of Prussia, the king told the envoys.",
        "Die Regierung erklärte hiermit den Notstand.",
        "Studies show that students rarely read the declaration they sign [3].",
    ],
)
def test_other_paragraphs_are_no_declaration(head: str) -> None:
    assert not declarations.opens(head)
