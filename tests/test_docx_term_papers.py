"""Term papers and case studies written in Word: a contents list, numbered chapters that are
the writer's own steps (data, modelling, evaluation) with no Introduction or Conclusion, and a
short list of sources. The writer speaks of their own work ("unser Datensatz", "in dieser
Fallstudie"), so the text reads as a paper: its own work and its explanation of the methods
are not claims; a statement about the world with a cue ("weit verbreitet", "in vielen
Branchen") still asks for a source. A thesis's draft of notes under the same contents list,
which never speaks of its own work, stays an article. Each document is built here with
python-docx."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import check_file
from tests.test_docx_structure import check

_CONTENTS = [
    "1. Unternehmensbeschreibung 3",
    "2. Data Understanding 4",
    "3. Modeling 6",
    "4. Evaluation 8",
    "Quellen 10",
]
_WORLD = [
    "Stornierungen sind in der Hotelbranche ein weit verbreitetes Problem.",
    "Machine Learning hat sich in vielen Branchen als mächtiges Werkzeug erwiesen.",
]
_EXPLAINED = [
    "Ein Random Forest fasst viele Entscheidungsbäume zu einem Ensemble zusammen.",
    "Die Precision misst den Anteil der richtig vorhergesagten Stornierungen.",
    "Ein Entscheidungsbaum teilt die Daten an jedem Knoten nach einem Merkmal.",
    "Die logistische Regression schätzt die Wahrscheinlichkeit einer Klasse.",
]


def _term_paper(own: list[str]) -> docx.document.Document:
    """A German case study: the contents list, four numbered chapters holding ``own`` (the
    writer's sentences), two statements about the world and textbook explanation, and a
    "Quellen" list whose one entry the text cites."""
    d = docx.Document()
    d.add_heading("Inhaltsverzeichnis", 1)
    for entry in _CONTENTS:
        d.add_paragraph(entry)
    d.add_heading("1. Unternehmensbeschreibung", 1)
    d.add_paragraph(_WORLD[0])
    d.add_paragraph("Die Stornierungsrate lag 2019 bei etwa 40 Prozent [1].")
    d.add_heading("2. Data Understanding", 1)
    d.add_paragraph(own[0])
    d.add_paragraph(own[1])
    d.add_heading("3. Modeling", 1)
    d.add_paragraph(_WORLD[1])
    for sentence in _EXPLAINED:
        d.add_paragraph(sentence)
    d.add_paragraph(own[2])
    d.add_heading("4. Evaluation", 1)
    d.add_paragraph(own[3])
    d.add_heading("Quellen", 1)
    d.add_paragraph(
        '[1] D-EDGE Hospitality Solutions, "European Hotel Distribution Study", '
        "Zugriff am 2. Juli 2023, https://www.d-edge.com/european-hotel-distribution-study"
    )
    return d


def test_a_word_case_study_that_reports_its_own_work_is_a_paper(tmp_path: Path) -> None:
    """Its own steps and its explanation of the models are not asked for a source; the two
    statements about the industry are."""
    d = _term_paper(
        [
            "In dieser Fallstudie sagen wir Stornierungen eines Hotels voraus.",
            "Unser Datensatz enthält 36.000 Buchungen mit 19 Merkmalen.",
            "Wir trainieren vier Modelle auf 80 Prozent der Buchungen.",
            "Unser Random Forest erreicht eine Genauigkeit von 0,90.",
        ]
    )
    path = tmp_path / "Hausarbeit.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1"]
    assert check_file(str(path)).profile == "paper"
    assert [(f["code"], f["text"]) for f in found] == [("CC001", s) for s in _WORLD]


def test_a_draft_of_notes_under_a_contents_list_stays_an_article(tmp_path: Path) -> None:
    """The same chapters written as notes, never speaking of the writer's own work: an
    article, each uncited statement asked for a source."""
    d = _term_paper(
        [
            "Der Datensatz enthält 36.000 Buchungen mit 19 Merkmalen.",
            "Die Buchungen stammen aus zwei Hotels in Portugal.",
            "Vier Modelle werden auf 80 Prozent der Buchungen trainiert.",
            "Der Random Forest erreicht eine Genauigkeit von 0,90.",
        ]
    )
    path = tmp_path / "Bachelorarbeit.docx"
    d.save(str(path))
    found, _ = check(path)
    assert check_file(str(path)).profile == "article"
    texts = [f["text"] for f in found if f["code"] == "CC001"]
    assert _EXPLAINED[0] in texts and _WORLD[1] in texts
