"""Notes written where they are called (reader/inlinenotes.py): htmldoc's
``@[^1 text](fn:1)`` and Pandoc's ``^[text]`` are notes, their calls markers; a text whose
only sources are such notes is checked as a book is (parser/profile.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.parser.profile import detect

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "inline-notes"


def _analysed(name: str):
    path = KIND / name
    return analyse(path.read_text("utf-8"), path=str(path))


def test_htmldoc_notes_are_notes_and_their_calls_markers() -> None:
    doc, res = _analysed("htmldoc.md")
    notes = {r.key: r for r in doc.references}
    assert list(notes) == ["^1", "^2", "^3"]  # not the one in the code block
    assert all(r.kind is BlockKind.FOOTNOTE for r in doc.references)
    assert notes["^1"].url.endswith("//gothicchess.org/long_answer.html")
    assert notes["^2"].text == "New Rules for Classic Games, 1992, page 25"
    assert [m.raw for m in doc.markers] == ["@[^1", "@[^2", "@[^3"]
    assert all(res.citations(r) for r in doc.references)
    # The note's text is no part of the sentence that calls it.
    claims = [s for s in doc.sentences if s.markers]
    assert not any("archive.ph" in doc.text[s.start : s.end] for s in claims)


def test_pandoc_inline_notes() -> None:
    doc, res = _analysed("pandoc.md")
    assert [r.key for r in doc.references] == ["^inline-1", "^inline-2", "^inline-3"]
    assert doc.references[1].url == "https://www.openstenoproject.org/plover/"
    # One marker a note: the link inside the note is the note's source, not a citation.
    assert [m.keys for m in doc.markers] == [("^inline-1",), ("^inline-2",), ("^inline-3",)]
    assert all(res.citations(r) for r in doc.references)


def test_a_text_noted_inline_is_checked_as_a_book() -> None:
    """A post whose only sources are inline notes asks a marker only where a claim leans
    on others' work, not of the writer's own account."""
    doc, _ = _analysed("htmldoc.md")
    assert detect(doc) == "book"
    text = (KIND / "htmldoc.md").read_text("utf-8")
    assert check_text(text, path="post.md").findings == []
    # The same post with the note as a reference-style footnote reads as an article.
    plain = "The pie rule helps the second player.[^1]\n\n[^1]: New Rules, 1992.\n"
    doc, _ = analyse(plain, path="post.md")
    assert detect(doc) == "article"


def test_carets_that_are_no_notes() -> None:
    text = "Inline code `x^[1]` and a power 2^[n] stay.\n\n```\ny = a^[b]\n```\n"
    doc, _ = analyse(text, path="code.md")
    assert doc.references == []
    doc, _ = analyse("Stenographers write chords^[like piano chords] fast.\n", path="a.md")
    assert [r.text for r in doc.references] == ["like piano chords"]


def test_tufte_sidenotes_are_notes() -> None:
    """tufte-markdown's ``[^ note]`` and ``[^{-} margin note]`` (reader/sidenotes.py)."""
    doc, res = _analysed("sidenotes.md")
    assert [r.key for r in doc.references] == ["^side-1", "^side-2", "^fn"]
    assert doc.references[1].text.startswith("Snell and Theeuwes")
    assert [m.raw for m in doc.markers] == ["[^ ", "[^{-} ", "[^fn]"]
    assert all(res.citations(r) for r in doc.references)
    # A note's text is no part of the sentence that calls it.
    assert not any("landing page" in s.text for s in doc.sentences)


def test_brackets_that_are_no_sidenotes() -> None:
    for text in (
        "Keep what [^ a-z] matches, then the rest.\n",  # a negated class: too few words
        "In code `[^ this is not a note]` stays.\n",
        "A call[^label] is a footnote call.\n\n[^label]: The footnote's own text here.\n",
        "Digits [^ 12 34 56] are no words.\n",
    ):
        doc, _ = analyse(text, path="a.md")
        assert not any(r.key.startswith("^side") for r in doc.references), text
