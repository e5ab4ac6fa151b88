"""Notes that name one work twice by design, which duplicate-reference leaves alone.

Two layouts give one work two entries on purpose: the notes and bibliography layout, where a
note cites a work and the bibliography lists it (:func:`noted`); and notes that can be called
only once (a Word footnote, a Pandoc inline note, a book's numbered note), where a source the
text leans on again is cited again in a note of its own (:func:`note_again`).
"""

from __future__ import annotations

from citecheck.checker.base import Context
from citecheck.model import BlockKind, Reference


def noted(ref: Reference, first: Reference) -> bool:
    """The notes and bibliography layout (Chicago notes-bibliography, a wiki's Notes and
    References): a numbered note in one section and an unnumbered bibliography entry in
    another name one work by design; the note cites it, the bibliography lists it."""
    if ref.section is None or first.section is None or ref.section == first.section:
        return False
    return (ref.key is None) != (first.key is None)


def note_again(ref: Reference, first: Reference, ctx: Context) -> bool:
    """A later note that cites again a source an earlier note cited, in a book, an essay
    or a thesis (profiles ``book`` and ``paper``), each note called by markers of its own,
    where a note can be called only once: a Word footnote, a Pandoc inline note
    (``^[…]``), a book's numbered note or endnote. Such notes are written where the text
    leans on a source, and the same source is cited again where it is leaned on again
    ("Vgl. Lippert (2019)" in notes 83, 86 and 88). A Markdown ``[^label]`` note can be
    called from several places, so a second note for one source is a duplicate. Two Word
    footnotes or endnotes are such notes in any kind of document: Word gives each callout
    its own note."""
    doc = ctx.doc
    if doc.fmt == "docx" and ref.kind is first.kind is BlockKind.FOOTNOTE:
        return True  # Word gives each callout its own note, in any kind of document
    if ctx.options.profile not in ("book", "paper"):
        return False
    ends = {k for k, s in enumerate(doc.sections) if s.endnotes}
    for r in (ref, first):
        if r.kind is not BlockKind.FOOTNOTE and r.section not in ends:
            return False
        if doc.fmt == "markdown" and doc.text.startswith("[^", r.start):
            return False  # a labelled note, which more than one call may share
    return bool(ctx.res.citations(ref)) and bool(ctx.res.citations(first))
