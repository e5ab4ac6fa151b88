"""Notes that name one work twice by design, which duplicate-reference leaves alone.

Two layouts give one work two entries on purpose: the notes and bibliography layout, where a
note cites a work and the bibliography lists it (:func:`noted`, and :func:`listed_by_note`
for a bibliography that numbers its entries or shares a section with the notes, as a Word
paper's footnotes and ``Quellenverzeichnis`` do); and notes that can be called only once (a
Word footnote, a Pandoc inline note, a book's numbered note), where a source the text leans
on again is cited again in a note of its own (:func:`note_again`).
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


def listed_by_note(ref: Reference, first: Reference, ctx: Context) -> Reference | None:
    """The bibliography entry of a note and an entry that name one work, when the pair is
    the notes and bibliography layout; else None. One of the two is a footnote or endnote
    (a Word footnote, a Markdown ``[^1]`` note) that a marker calls; the other is an entry
    of a reference section (numbered or not, in the notes' section or not) that no marker
    calls: the note cites the work, the bibliography lists it ("Sebastian Brockmeyer,
    „Versionsverwaltung“, unter: https://…" in footnote 19 and as entry 4 of the
    ``Quellenverzeichnis``). An entry the text calls by its own key stays a duplicate of a
    note that names it again."""
    for note, entry in ((ref, first), (first, ref)):
        if note.kind is not BlockKind.FOOTNOTE or entry.kind in _NOTES:
            continue
        if entry.section is None or ctx.res.citations(entry):
            continue
        if ctx.res.citations(note):
            return entry
    return None


_NOTES = (BlockKind.FOOTNOTE, BlockKind.LINKDEF)


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
