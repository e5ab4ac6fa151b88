"""A Project Gutenberg plain text in ISO-8859-1 whose notes stand after the paragraph that
calls them, ``[1]  Note text`` with no ``FOOTNOTES:`` heading: the file is decoded as
detected, and its notes are read as notes (reader/bookmatter.py, reader/text.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse_file, check_file
from citecheck.model import BlockKind

BOOK = """The Project Gutenberg EBook of Music in Novels\r
\r
*** START OF THIS PROJECT GUTENBERG EBOOK MUSIC IN NOVELS ***\r
\r
CHAPTER I\r
\r
He was fond of Mendelssohn[1] and often sang at the piano of an\r
evening. The café on the corner kept a harp for him.[2]\r
\r
\r
[1]  In his speech at Birmingham on 'Literature and Art'\r
     (1853) he makes special reference to the 'great music\r
     of Mendelssohn.'\r
\r
[2]  Moore's _Irish Melodies_.\r
\r
The song became popular in the forties, and the tune was\r
frequently used for other words.[A]\r
\r
[A] Frimmel's _Beethoven_, p. 12.\r
\r
*** END OF THIS PROJECT GUTENBERG EBOOK MUSIC IN NOVELS ***\r
"""


def test_a_latin_1_book_with_notes_after_the_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "12345-8.txt"
    path.write_bytes(BOOK.encode("latin-1"))
    report = check_file(str(path))
    assert report.encoding in ("iso8859-1", "cp1252")  # the same bytes here
    doc, res = analyse_file(str(path))
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [r.key for r in notes] == ["1", "2", "A"]
    assert notes[0].text.endswith("of Mendelssohn.'")
    assert all(res.citations(r) for r in notes)
    assert not [f for f in report.findings if f.code in ("CC002", "CC003", "CC004")]


def test_a_bracket_line_outside_a_book_is_no_note() -> None:
    """Only a Gutenberg book sets its notes so; elsewhere ``[1] …`` after a blank line is
    a list's entry as before."""
    from citecheck.api import analyse

    text = "A claim.[1]\n\nReferences\n\n[1]  Smith, J. A study. 2020.\n"
    doc, _ = analyse(text, path="a.txt")
    assert [r.kind for r in doc.references] == [BlockKind.ITEM]
