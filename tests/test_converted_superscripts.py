"""Raised citation numbers a PDF conversion wrote as TeX, and a numbered list some of whose
entries lost their numbers (reader/texsups.py, parser/lostnumbers.py).

MinerU writes a superscript citation as a formula of its own (``infants$^{2,3}$``,
``et al. $ ^{12} $ used``); marker drops the number of a list item now and then, or hides
it behind an anchor (``<span id="page-9-0"></span>9.``). Fixture:
fixtures/kinds/converted-superscripts.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file
from citecheck.reader.texsups import raise_tex_superscripts

FIXTURE = (
    Path(__file__).parents[1] / "fixtures" / "kinds" / "converted-superscripts" / "mineru-nature.md"
)


def test_tex_superscripts_are_raised_digits_in_the_masked_copy() -> None:
    text = "## Introduction\n\nin infants$^{2,3}$. De Moor et al. $ ^{12} $ used  $^{44-46}$ ."
    plain, masked = raise_tex_superscripts(text, text)
    assert len(plain) == len(masked) == len(text)
    assert "infants²,³     ." in masked and "al. ¹²" in masked and "⁴⁴-⁴⁶" in masked
    assert "$" not in plain  # their dollar signs pair with no other formula's
    # a formula with anything else in it, and an exponent, stay formulas
    for formula in ("$E = mc^{2}$", "$10^{-13}$", "$x^{2}$", "$^{a}$"):
        assert raise_tex_superscripts(formula, formula) == (formula, formula)


def test_affiliation_marks_above_the_abstract_are_no_citations() -> None:
    text = "# Title\n\nAna Ruiz $ ^{1,2} $\n\n## Abstract\n\nShown before$^{1}$."
    _, masked = raise_tex_superscripts(text, text)
    assert "Ruiz $ ^{1,2} $" in masked and "before¹" in masked


def test_converted_paper_reads_tex_superscripts_and_lost_numbers() -> None:
    doc, _ = analyse(FIXTURE.read_text("utf-8"), path="paper.md")
    assert [r.key for r in doc.references] == [str(n) for n in range(1, 13)]
    by_line: dict[int, list[tuple[str, ...]]] = {}
    for m in doc.markers:
        by_line.setdefault(doc.text.count("\n", 0, m.start) + 1, []).append(m.keys)
    assert by_line[13] == [("1",), ("2", "3"), ("4",), ("5",), ("6", "7", "8")]
    assert 3 not in by_line  # the authors' affiliations
    # ``$E = mc^{2}$`` is a formula: nothing cites [2] after "energy"
    energy = doc.text.index("The energy")
    assert not [m for m in doc.markers if energy <= m.start < energy + 60]


def test_only_the_entry_cited_nowhere_is_told() -> None:
    report = check_file(str(FIXTURE))
    assert [(f.code, f.line) for f in report.findings] == [("CC003", 30)]


def test_an_unnumbered_tail_or_a_list_of_labels_keeps_no_number() -> None:
    body = "Cooling cut deaths by a third in the trials so far<sup>1,2</sup>.\n\n## References\n\n"
    entries = (
        "1. Shankaran S. Hypothermia. N Engl J Med. 2005.\n2. Gluckman PD. Cooling. Lancet. 2005.\n"
    )
    doc, _ = analyse(
        body + entries + "- Further reading: Sarnat HB. Encephalopathy. 1976.\n", path="p.md"
    )
    assert [r.key for r in doc.references] == ["1", "2", None]
