"""Where a Word document keeps its sources: a German thesis's footnotes over a
``Quellenverzeichnis`` whose entries hang their second line in a one-row table, an R
Markdown manuscript's entries in the Bibliography style with no heading, and a report whose
writer typed every title in the body style. Each document is built here with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from tests.test_docx_input import note_ref, notes_part
from tests.test_docx_structure import check, claims, numbered, numbering


def _hanging(d: docx.document.Document, first: str, rest: str) -> None:
    """An entry whose second line hangs under an indent: the first line a paragraph, the
    rest in the second cell of a borderless one-row table whose first cell is empty."""
    d.add_paragraph(first)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 1).text = rest


def test_a_thesis_citing_by_footnotes_reads_its_quellenverzeichnis(tmp_path: Path) -> None:
    """Repeated note citations ("Vgl. Lippert (2019)" twice, "Ebd.") are one source cited
    at several places; the Quellenverzeichnis is read, each entry whole, and no entry is
    called uncited for want of a key the notes do not use."""
    d = docx.Document()
    d.add_heading("Mandantenfähigkeit", 1)
    p = d.add_paragraph("Jeder Mandant sieht in der Datenbank nur seine eigenen Zeilen.")
    note_ref(p, "footnote", 1)
    p = d.add_paragraph("Die Trennung geschieht über eine Mandanten-ID in jeder Tabelle.")
    note_ref(p, "footnote", 2)
    p = d.add_paragraph("Row Level Security prüft die ID bei jeder Abfrage.")
    note_ref(p, "footnote", 3)
    p = d.add_paragraph("Die Rolle des Mandanten darf die Richtlinie nicht umgehen.")
    note_ref(p, "footnote", 4)
    lippert = "Vgl. Lippert, Jan (2019): Mandantenfähigkeit mit PostgreSQL"
    notes_part(
        d,
        "footnote",
        {1: lippert, 2: "Ebd.", 3: lippert, 4: "Vgl. PostgreSQL (o.J.): Row Security Policies"},
    )
    d.add_heading("Quellenverzeichnis", 1)
    _hanging(
        d,
        "Lippert, Jan (2019): Mandantenfähigkeit mit PostgreSQL; Online:",
        "https://www.example.org/lippert/mandanten [letzter Aufruf: 12.01.2024]",
    )
    _hanging(
        d,
        "PostgreSQL (o.J.): Row Security Policies; Online:",
        "https://www.postgresql.org/docs/current/ddl-rowsecurity.html [letzter Aufruf: 12.01.2024]",
    )
    _hanging(
        d,
        "Steiner, René (2021): Grundkurs Relationale Datenbanken – Einführung in die Praxis;",
        "10. Auflage; Wiesbaden: Springer Vieweg; ISBN: 978-3-658-32833-4",
    )
    path = tmp_path / "bachelorarbeit.docx"
    d.save(str(path))
    found, parsed = check(path)
    listed = [r for r in parsed["references"] if not (r["key"] or "").startswith("^")]
    assert [r["text"].split(":")[0] for r in listed] == [
        "Lippert, Jan (2019)",
        "PostgreSQL (o.J.)",
        "Steiner, René (2021)",
    ]
    assert listed[0]["text"].endswith("[letzter Aufruf: 12.01.2024]")  # one entry, whole
    assert "10. Auflage" in listed[2]["text"]
    assert [f["code"] for f in found] == []


def _bibliography(d: docx.document.Document, entries: list[str]) -> None:
    if "Bibliography" not in [s.name for s in d.styles]:
        d.styles.add_style("Bibliography", WD_STYLE_TYPE.PARAGRAPH)
    for entry in entries:
        d.add_paragraph(entry, style="Bibliography")


def test_bibliography_style_entries_without_a_heading_are_the_list(tmp_path: Path) -> None:
    """R Markdown writes the reference list after the last section in the Bibliography
    style, with no title: it is the list (no missing-reference-section), and a callout
    with no entry in it is dangling."""
    d = docx.Document()
    d.add_heading("Introduction", 2)
    d.add_paragraph(
        "Rodents make up around 40% of all mammal species (Burgin et al. 2018). They breed "
        "early and die young (Dobson and Oli 2007). Trapping effort varies by habitat "
        "(Han et al. 2015)."
    )
    d.add_heading("Supplementary material", 2)
    d.add_paragraph("Table 3")
    d.add_paragraph("Rodents trapped per species")
    _bibliography(
        d,
        [
            "Burgin, Connor J., Jocelyn P. Colella, and Nathan S. Upham. 2018. “How Many Species "
            "of Mammals Are There?” Journal of Mammalogy 99 (1): 1–14.",
            "Dobson, F Stephen, and Madan K Oli. 2007. “Fast and Slow Life Histories of Rodents.” "
            "Rodent Societies, 99–105.",
        ],
    )
    path = tmp_path / "manuscript.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [s["title"] for s in parsed["sections"]] == ["References"]
    assert len(parsed["references"]) == 2
    assert [(f["code"], f["message"]) for f in found] == [
        ("CC002", "(Han et al. 2015) has no entry in References")
    ]


def test_bibliography_style_under_a_reference_heading_opens_no_second_list(
    tmp_path: Path,
) -> None:
    d = docx.Document()
    d.add_paragraph("Rodents make up around 40% of all mammal species (Burgin et al. 2018).")
    d.add_heading("References", 1)
    _bibliography(
        d,
        [
            "Burgin, Connor J., and Nathan S. Upham. 2018. “How Many Species of Mammals Are "
            "There?” Journal of Mammalogy 99 (1): 1–14.",
            "Dobson, F Stephen, and Madan K Oli. 2007. “Fast and Slow Life Histories of Rodents.” "
            "Rodent Societies, 99–105.",
        ],
    )
    path = tmp_path / "listed.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [s["title"] for s in parsed["sections"]] == ["References"]
    assert [f["code"] for f in found] == ["CC003"]  # Dobson and Oli is never cited


def test_an_introduction_typed_in_the_body_style_ends_the_front_matter(tmp_path: Path) -> None:
    """A student report with no heading styles: its "Abstract" opens the front matter, its
    "Introduction" typed as a plain paragraph closes it, so the body's sentences are claims
    and its plain "References" over numbered entries is the list."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1)})
    d.add_paragraph("Abstract")
    d.add_paragraph("A local storage drive keeps a user's files and a list of tasks.")
    d.add_paragraph("Introduction")
    d.add_paragraph("Object oriented design splits the program into classes [1].")
    d.add_paragraph("The interface is drawn with the GLUT library of OpenGL [2].")
    d.add_paragraph("References")
    numbered(d, "Bjarne Stroustrup. The C++ Programming Language. Addison-Wesley, 2013.", 10)
    numbered(d, "Mark J. Kilgard. The OpenGL Utility Toolkit (GLUT). SGI, 1996.", 10)
    path = tmp_path / "report.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    assert claims(parsed) == [
        "Object oriented design splits the program into classes [1].",
        "The interface is drawn with the GLUT library of OpenGL [2].",
    ]
    assert [f["code"] for f in found] == []


def test_a_bibliography_followed_by_a_list_of_figures_is_still_the_list(tmp_path: Path) -> None:
    """A German Masterarbeit sets its "Literaturverzeichnis" and then its
    "Abbildungsverzeichnis" in a title style that is no heading; the entries in the
    Bibliography style between them are the list, whatever follows it."""
    d = docx.Document()
    d.add_heading("Einleitung", 1)
    d.add_paragraph(
        "Große Sprachmodelle beruhen auf der Transformer-Architektur [1]. Retrieval-Augmented "
        "Generation ergänzt sie um externes Wissen [2]."
    )
    d.add_paragraph("Literaturverzeichnis")
    _bibliography(
        d,
        [
            "[1]\tA. Vaswani u. a., „Attention is All you Need“, in Advances in Neural "
            "Information Processing Systems, Curran Associates, Inc., 2017.",
            "[2]\tP. Lewis u. a., „Retrieval-Augmented Generation for Knowledge-Intensive NLP "
            "Tasks“, in Advances in Neural Information Processing Systems, 2020, S. 9459–9474.",
        ],
    )
    d.add_paragraph("Abbildungsverzeichnis")
    d.add_paragraph("Abb. 1: Kategorisierung von Arbeiten zur Vereinigung von LLM und KG")
    path = tmp_path / "masterarbeit.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert len(parsed["references"]) == 2
    assert [f["code"] for f in found] == []


def test_author_date_entries_without_style_or_heading_end_the_document(tmp_path: Path) -> None:
    """A bookdown manuscript exported without its styles: the entries citeproc wrote are
    plain paragraphs after the author's note, with no heading; the callouts name them."""
    d = docx.Document()
    d.add_paragraph("Data skills in biology")
    d.add_paragraph(
        "Statistics has long been taught to biologists (see, for example: Finney 1968;"
        " Royal Statistical Society 1947). Programming is hard to learn (e.g., Boulay 1986)."
    )
    d.add_paragraph("Email: author@example.org")
    d.add_paragraph(
        "Boulay, Benedict du. 1986. “Some Difficulties of Learning to Program.” Journal of"
        " Educational Computing Research 2 (1): 57–73."
    )
    d.add_paragraph("Finney, D. J. 1968. “Teaching Biometry in the University.” Biometrics 24.")
    d.add_paragraph(
        "Royal Statistical Society. 1947. “Report on the Teaching of Statistics.” Journal of"
        " the Royal Statistical Society 110 (1): 51–57."
    )
    path = tmp_path / "article.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [s["title"] for s in parsed["sections"]] == ["References"]
    assert [len(r["cited_at"]) for r in parsed["references"]] == [1, 1, 1]
    assert [f["code"] for f in found] == []


def test_numbered_titles_are_headings_when_no_paragraph_has_a_heading_style(
    tmp_path: Path,
) -> None:
    """Section numbers kept in the text of a file whose heading styles were lost."""
    d = docx.Document()
    d.add_paragraph("1 Teaching data skills")
    d.add_paragraph("1.1 Introduction")
    d.add_paragraph("Data analysis is a core outcome of every biology programme (Finney 1968).")
    d.add_paragraph("1.2 What students expect")
    d.add_paragraph("Most students expect to work in the laboratory (Boulay 1986).")
    d.add_paragraph("2 cups of flour are enough for one loaf")
    d.add_paragraph("Boulay, Benedict du. 1986. “Some Difficulties of Learning.” JECR 2.")
    d.add_paragraph("Finney, D. J. 1968. “Teaching Biometry in the University.” Biometrics 24.")
    d.add_paragraph("Royal Statistical Society. 1947. “Report on Teaching Statistics.” JRSS.")
    path = tmp_path / "typed.docx"
    d.save(str(path))
    _, parsed = check(path)
    headings = [s["text"] for s in parsed["sentences"] if s.get("heading")]
    assert headings == ["1 Teaching data skills", "1.1 Introduction", "1.2 What students expect"]
    # One numbered paragraph alone makes no outline.
    d = docx.Document()
    d.add_paragraph("1 Teaching data skills")
    d.add_paragraph("Data analysis is a core outcome of every biology programme.")
    d.save(str(path))
    _, parsed = check(path)
    assert not [s for s in parsed["sentences"] if s.get("heading")]
