"""Project Gutenberg texts whose notes are indented (*The Prince*, PG 1232: `` [1] Duke
Lodovico was…``) or whose transcriber's notes hold a legend of bracketed symbols (PG 16351:
``[O]  = A circle``, ``[C/2]``, ``[16] = Sixteenth-note``): the notes are read as notes, the
legend's symbols and their uses in the prose are no citations (reader/bookmatter.py,
reader/text.py, parser/markers.py, parser/nonmarkers.py), on
fixtures/kinds/gutenberg-legend-notes."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.parser.nonmarkers import legend

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "gutenberg-legend-notes"


def _read(name: str) -> tuple[str, str]:
    path = KIND / name
    return path.read_text("utf-8"), str(path)


def test_indented_notes_restarting_each_chapter_are_notes() -> None:
    text, path = _read("indented-notes.txt")
    doc, res = analyse(text, path=path)
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [r.key for r in notes] == ["1", "2", "1"]
    assert all(res.citations(r) for r in notes)
    assert notes[0].text.startswith("The duke was the younger son")
    assert check_text(text, path=path).findings == []


def test_a_legend_of_symbols_is_neither_notes_nor_citations() -> None:
    text, path = _read("legend.txt")
    doc, _ = analyse(text, path=path)
    assert [r.key for r in doc.references] == ["1", "2"]  # [01] and [02], as numbers
    keys = {k for m in doc.markers for k in m.keys}
    assert not keys & {"O", "C", "C/2", "C/4", "L", "B", "16"}
    assert check_text(text, path=path).findings == []


def test_legend_symbol_opens_its_line() -> None:
    text = "[16] = Sixteenth-note\nas shown [2] = the second"
    assert legend(text, 0, 4)
    at = text.index("[2]")
    assert not legend(text, at, at + 3)  # inside a line: left to the other rules


def test_a_note_whose_label_stands_in_a_paragraph_of_its_own() -> None:
    """A Gutenberg HTML note that quotes a letter opens with its label alone in a ``<p>``
    (PG 17074's notes 85 and 86): the note is the whole ``div.footnote``, not its
    paragraphs read as entries of a list of their own."""
    text, path = _read("letter-note.html")
    doc, res = analyse(text, path=path)
    notes = {r.key: r for r in doc.references}
    assert list(notes) == ["^1", "^2"]
    assert "Gentlemen and Friends" in notes["^1"].text
    assert all(res.citations(r) for r in notes.values())
