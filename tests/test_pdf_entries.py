"""Reference lists of papers converted from PDF whose entries' lines break anywhere.

A conversion keeps the PDF's line breaks, so an entry's tail (``365:663– 670``) or a whole
author-year entry (``Bond S (2002) Dynamic panel data models: … Portuguese``) stands on a
line that ends without a stop and is followed by a capital: that is no heading, and the list
goes on to its last entry.
"""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import analyse, check_file

_NUMBERED = (
    "Therapeutic cooling of term infants cut deaths by a third in the trials\n"
    "reported so far.3,4 Early staging of the encephalopathy predicts the outcome\n"
    "at eighteen months in most of the infants examined within six hours.5\n"
    "\n"
    "REFERENCES\n"
    "3. Shankaran S, Laptook AR. Whole-body hypothermia for neonates. N Engl J Med. 2005;\n"
    "353:1574 –1584\n"
    "4. Gluckman PD, Wyatt JS. Selective head cooling: multicentre\n"
    "randomised trial. Lancet. 2005;\n"
    "365:663– 670\n"
    "5. Sarnat HB, Sarnat MS. Neonatal encephalopathy following fetal distress. Arch\n"
    "Neurol. 1976;33:696 –705\n"
)

_AUTHOR_YEAR = (
    # a SAGE paper's text: the prose is not hard-wrapped (lines past 100 characters)
    "New supply in the most critical districts of the region changes affordability very "
    "little in the long run (Barker, 2004), and the dynamic panel methods that instrument\n"
    "supply with its own lags are the usual remedy for the endogeneity of prices and supply "
    "in such data (Bond, 2002), as the simulations of the model show for every district.\n"
    "\n"
    "References\n"
    "Barker K (2004) Review of Housing Supply: Delivering Stability – Securing Our Future,\n"
    "Final Report. London: ODPM.\n"
    "Bissell D (2014) Transforming commuting mobilities: The memory of practice. Environment and\n"
    "Planning A 46(8): 1946–1965.\n"
    "Bond S (2002) Dynamic panel data models: A guide to micro data methods and practice. "
    "Portuguese\n"
    "Economic Journal 1: 141–162.\n"
    "Bramley G (1994) An affordability crisis in British housing: Dimensions, causes and "
    "policy impact.\n"
    "Housing Studies 9(1): 103–124.\n"
)


def test_entry_tail_on_its_own_line_stays_with_its_entry() -> None:
    for path in ("paper.txt", "paper.md"):
        doc, _ = analyse(_NUMBERED, path=path)
        assert [r.key for r in doc.references] == ["3", "4", "5"], path
        assert "365:663" in doc.references[1].text


def test_author_year_entry_line_is_no_heading() -> None:
    doc, _ = analyse(_AUTHOR_YEAR, path="paper.txt")
    titles = [r.title or "" for r in doc.references]
    assert len(doc.references) == 4
    assert titles[2].startswith("Dynamic panel data models")
    assert titles[3].startswith("An affordability crisis")


# --- superscript callouts flattened onto the word before them ----------------------

_CALLOUT_BODY = (
    "An estimated 23% of the 4 million neonatal deaths1 and 8% of all deaths at 5 years are\n"
    "associated with asphyxia at birth.2 Death or disability occurs in 53% of infants with\n"
    "moderate encephalopathy.3,4 Sarnat and Sarnat described 3 stages, and others have\n"
    "reported that mild encephalopathy rarely leaves impairment.5 A neurodevelopmental\n"
    "assessment6 was done by trained staff. Cooling must start early to be effective7; its\n"
    "timing was studied in sheep by Gunn et al8 that showed benefit. Mild hypercapnia\n"
    "protects the brain, as Mallard et al.9 found. Levels of CO2 and H2O, GPT4 and covid19\n"
    "cases, day2 samples and\n"
    "the Hapln1 gene were recorded.\n"
    "\n"
    "REFERENCES\n"
)


def _callout_list(count: int) -> str:
    return "".join(
        f"{n}. Author{n} A. Title number {n}. J Med. 200{n % 10};{n}:1-9\n"
        for n in range(1, count + 1)
    )


def test_superscripts_glued_to_words_cite_in_a_habitual_text() -> None:
    for path in ("paper.txt", "paper.md"):
        doc, _ = analyse(_CALLOUT_BODY + _callout_list(9), path=path)
        keys = [m.keys for m in doc.markers]
        assert ("1",) in keys and ("6",) in keys and ("7",) in keys and ("8",) in keys, path
        cited = {k for m in doc.markers for k in m.keys}
        assert cited == {str(n) for n in range(1, 10)}, path
        texts = [doc.text[m.start : m.end] for m in doc.markers]
        assert all(t[:1].isdigit() for t in texts)  # CO2, H2O, GPT4, covid19, day2, Hapln1


def test_superscripts_glued_to_words_in_a_word_document(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph(" ".join(_CALLOUT_BODY.split("\n\n", maxsplit=1)[0].split("\n")))
    d.add_heading("References", level=1)
    for entry in _callout_list(9).splitlines():
        d.add_paragraph(entry)
    path = tmp_path / "paper.docx"
    d.save(str(path))
    report = check_file(str(path))
    assert [f.code for f in report.findings if f.code in ("CC002", "CC003")] == []


def test_glued_digits_without_the_habit_or_the_list_are_no_callouts() -> None:
    once = "The neonatal deaths1 and the assessment6 were counted.\n\nREFERENCES\n"
    doc, _ = analyse(once + _callout_list(9), path="paper.txt")
    assert doc.markers == []
    # the numbers are not the list's: the list stops at 5
    doc, _ = analyse(_CALLOUT_BODY + _callout_list(5), path="paper.txt")
    assert all(int(k) <= 5 for m in doc.markers for k in m.keys)
    assert "6" not in {k for m in doc.markers for k in m.keys}


def test_names_with_numbers_in_a_habitual_text_are_no_callouts() -> None:
    grammar = "\nThe grammar allows rule1 | rule2, then (rule1 rule2) and rule1 again.\n"
    body, refs = _CALLOUT_BODY.split("\n\n", maxsplit=1)
    doc, _ = analyse(body + grammar + "\n" + refs + _callout_list(9), path="paper.txt")
    at = doc.text.index("The grammar")
    assert [m for m in doc.markers if at <= m.start < at + len(grammar)] == []
