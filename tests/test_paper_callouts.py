"""Numeric callouts in parentheses (``norms (1–5).``), as *Science*-style manuscripts cite.

They are read only where the document cites so: a numbered list (typed or numbered by
Word) that holds every number, several callouts naming a third of its entries, and fewer
bracketed numbers than callouts. Enumerations, equation numbers, statistics and the
numbers of figures and sections are never callouts.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from citecheck.api import analyse, check_file
from citecheck.config.settings import Settings
from citecheck.model import MarkerKind
from citecheck.parser.numparens import candidates, cites_with_parentheses
from citecheck.run.files import read_path

NUMBERS = frozenset(str(n) for n in range(1, 21))


def _read(text: str) -> list[str]:
    return [m.raw for m in candidates(text, 0, len(text), NUMBERS)]


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("norms for decades (1–5). Since", ["(1–5)"]),
        ("two kinds of norms (1, 2, 15). Injunctive", ["(1, 2, 15)"]),
        ("violated social norms (11,\n12). This", ["(11,\n12)"]),
        ("Since Asch’s early studies (6), evidence", ["(6)"]),
        # numbers the list does not hold, and years
        ("norms (1, 25) and in 2020 (2020)", []),
        # numbering words, and the list they open going on
        ("given in Eq. (2) and Equations (3) and (4); see Section (5)", []),
        ("Table (3) and Figure (4)", []),
        # statistics and operators
        ("the test gave F(1, 2) = 5.6 with x (3) = 4", []),
        ("y = a + b x (3)", []),
        # enumerations: after a colon, or (1) then (2) after "and" or a comma
        ("three questions: (1) whether norms changed, (2) whether behavior changed", []),
        ("we asked (1) whether norms changed and (2) whether they mattered", []),
        # a line opened by a number, or a capital after it
        ("steps.\n(1) Participants rated", []),
        ("the method (1) Joint: join", []),
        # two citations in a paragraph are not an enumeration
        ("recycling (1), taxes (2) and towels (3).", ["(1)", "(2)", "(3)"]),
    ],
)
def test_which_parenthesised_numbers_are_callouts(text: str, raws: list[str]) -> None:
    assert _read(text) == raws


def test_a_document_cites_with_parentheses_only_when_they_name_enough_entries() -> None:
    few = "norms (1). More (1). Again (2)."
    many = "norms (1–5). More (6, 7). Again (8). And (9)."
    spans = [(0, len(many))]
    assert not cites_with_parentheses([(0, len(few))], few, NUMBERS)  # 2 of 20 entries
    nine = frozenset(map(str, range(1, 10)))
    assert cites_with_parentheses(spans, many, nine)
    bracketed = many + " [1] [2] [3] [4] [5]"
    assert not cites_with_parentheses([(0, len(bracketed))], bracketed, nine)
    assert not cites_with_parentheses(spans, many, frozenset())


BODY = [
    "Social norms have attracted behavioral scientists for decades (1–3).",
    "Since Asch’s early studies of normative conformity (4), evidence has accrued (5).",
    "Children enforce group-wide norms from a young age (2, 6).",
    "We asked three questions: (1) whether norms changed and (2) whether behavior did.",
]
ENTRIES = [
    "C. Bicchieri, E. Xiao, Do the right thing. J. Behav. Decis. Mak. 22, 191–208 (2009).",
    "R. B. Cialdini, A focus theory of normative conduct. Adv. Exp. Soc. Psychol. 24 (1991).",
    "E. Fehr, I. Schurtenberger, Normative foundations. Nat. Hum. Behav. 2, 458–468 (2018).",
    "S. E. Asch, Studies of independence and conformity. Psychol. Monogr. 70, 1 (1956).",
    "M. Tomasello, The ultra-social animal. Eur. J. Soc. Psychol. 44, 187–194 (2014).",
    "K. Jensen, A. Vaish, The emergence of human prosociality. Front. Psychol. 5 (2014).",
    "H. Wickham, ggplot2: Elegant graphics for data analysis (Springer, 2016).",
]


def _manuscript(path: Path, typed: bool) -> Path:
    """A manuscript in Word: the body, then References numbered by typed digits or by
    Word's own numbering (the List Number style)."""
    document = docx.Document()
    document.add_heading("Descriptive norms", level=1)
    for text in BODY:
        document.add_paragraph(text)
    document.add_heading("References", level=1)
    for n, entry in enumerate(ENTRIES, 1):
        if typed:
            document.add_paragraph(f"{n}. {entry}")
        else:
            document.add_paragraph(entry, style="List Number")
    document.save(str(path))
    return path


@pytest.mark.parametrize("typed", [True, False], ids=["typed", "numbered-by-word"])
def test_word_manuscript_callouts_resolve_to_the_numbered_list(tmp_path: Path, typed: bool) -> None:
    path = _manuscript(tmp_path / "manuscript.docx", typed)
    report = check_file(str(path), Settings())
    found = [(f.code, f.line) for f in report.findings if f.code in ("CC001", "CC002", "CC003")]
    # Entry 7 (paragraph 13) is cited by nothing; the enumeration (1), (2) in paragraph 5
    # cites nothing either, so its claim stays uncited.
    assert found == [("CC001", 5), ("CC003", 13)], report.findings


def test_markers_are_numeric_and_span_their_parentheses() -> None:
    text = "# Norms\n\n" + "\n\n".join(BODY) + "\n\n## References\n\n"
    text += "\n".join(f"{n}. {e}" for n, e in enumerate(ENTRIES, 1)) + "\n"
    doc = analyse(text, fmt="md")[0]
    got = [(m.raw, m.keys) for m in doc.markers]
    assert got == [
        ("(1–3)", ("1", "2", "3")),
        ("(4)", ("4",)),
        ("(5)", ("5",)),
        ("(2, 6)", ("2", "6")),
    ]
    assert {m.kind for m in doc.markers} == {MarkerKind.NUMERIC}


def test_a_manuscript_template_s_own_heading_style_outlines_its_sections(tmp_path: Path) -> None:
    """papaja and other templates copy Heading 1 into a style of their own ("Heading 11",
    outline level 0): it heads sections, so the abstract's front matter ends there and
    the body is read as claims that cite."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    own = document.styles.add_style("Heading 11", WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    own.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Abstract")
    document.add_paragraph("We test for the absence of an effect.")
    document.add_paragraph("Introduction", style="Heading 11")
    document.add_paragraph(
        "Equivalence tests reject effects as large as the bounds (Lakens, 2017)."
    )
    document.add_paragraph("Power analyses often ignore the smallest effect size of interest.")
    document.add_paragraph("References", style="Heading 11")
    document.add_paragraph(
        "Lakens, D. (2017). Equivalence tests. Soc. Psychol. Personal. Sci., 8(4)."
    )
    document.add_paragraph("jamovi project. (2017). jamovi (Version 0.8) [Computer Software].")
    path = tmp_path / "template.docx"
    document.save(str(path))
    tags = [line.split("\t")[0] for line in read_path(str(path)).splitlines()]
    assert tags[2] == "H1" and tags[5] == "H1", tags
    report = check_file(str(path), Settings())
    # Lakens (2017) is cited in the body; the jamovi entry is cited by nothing.
    found = [(f.code, f.line) for f in report.findings if f.code in ("CC001", "CC003")]
    assert found == [("CC003", 8)], report.findings
