"""An essay's numbered endnotes: asides resolve its markers without making it cite sources."""

from __future__ import annotations

from citecheck.api import analyse

ESSAY = """Bakeries

Most bakeries in small towns survive because the owners also own the building. [1]

Notes

[1] Even the bakeries that rent tend to rent from a relative, which comes to much the
same thing in the end, I suspect.

To be safe, ask the relative for a lease in writing before you buy the ovens, though few do.
"""

SOURCED = """Bakeries

Most bakeries in small towns survive because the owners also own the building. [1]

Notes

[1] M. Baker, "Rent and the rural bakery," Journal of Small Business Studies 12 (2019): 44-61.
"""


def test_aside_endnotes_resolve_markers_but_cite_nothing() -> None:
    doc, res = analyse(ESSAY, fmt="text")
    assert [s.endnotes for s in doc.sections] == [True]
    assert [(r.key, r.note) for r in doc.references] == [("1", True)]  # the loose paragraph goes
    assert [len(res.citations(r)) for r in doc.references] == [1]  # [1] resolves, not dangling
    assert not doc.cites_sources()


def test_source_endnotes_still_cite() -> None:
    doc, _ = analyse(SOURCED, fmt="text")
    assert [s.endnotes for s in doc.sections] == [False]
    assert doc.cites_sources()


def test_asides_in_other_languages_are_notes() -> None:
    from citecheck.parser.sourcelike import is_note

    assert is_note(
        "Alguns fundadores escutam mais do que outros, e isso é um indício de sucesso que eu"
        " sempre observei."
    )
    assert is_note(
        "Eine Besitzerin erzählte mir, dass sie einmal einen Nachtbäcker für einen Monat hatte"
        " und den ganzen Monat wach lag."
    )
    # An entry's title may hold one such word; it is a source, not an aside.
    assert not is_note(
        "KANT, Immanuel. Zur Frage, warum Aufklärung nötig ist. Berlinische Monatsschrift,"
        " Dezember 1784, S. 481-494."
    )
    assert not is_note(
        "SILVA, João. O que é uma padaria: história e ofício. São Paulo: Editora Atlas, 2010."
    )


PORTUGUESE = """Padarias

A maioria das padarias sobrevive porque os donos também são donos do prédio. [1]

Notas

[1] Mesmo as padarias que pagam aluguel costumam alugar de um parente, o que dá no
mesmo. Eu suspeito que isso é mais comum do que se pensa.

Nunca vi isso contado em lugar nenhum.
"""


def test_portuguese_endnotes_with_a_second_paragraph_are_read() -> None:
    doc, res = analyse(PORTUGUESE, fmt="text")
    assert [s.endnotes for s in doc.sections] == [True]
    assert [(r.key, r.note) for r in doc.references] == [("1", True)]
    assert [len(res.citations(r)) for r in doc.references] == [1]
    assert not doc.cites_sources()
