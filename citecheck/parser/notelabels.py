"""A notes section read once: a note's own label is no citation, its later paragraphs no list.

A digitised book's HTML (Project Gutenberg's) gathers its notes under a ``FOOTNOTES``
heading, each a ``<div class="footnote">`` whose first paragraph opens with the note's
label, a link back to its call (``<a href="#FNanchor_37_37">[37]</a>``). The reader makes
each first paragraph a footnote definition; two things must not follow from it:

- the label ``[37]`` at the very start of note 37 read as a numeric marker citing entry
  37 of the section (a note does not cite itself);
- in a digitised book, the note's further paragraphs (a music example's "To hear this
  music (MIDI), click here", a continuation) read as a numbered list of their own beside
  the notes: the section is one of notes, and what it holds besides them is their text.
  (A wiki's list of notes is left as read: an item there whose back-link was not read is
  still an entry.)
"""

from __future__ import annotations

from collections import Counter

from citecheck.model import BlockKind, Document, MarkerKind

# A section is one of notes when its footnote definitions outnumber the rest this many times.
_NOTES_RATIO = 2


def settle_note_sections(doc: Document) -> None:
    """Drop, in place, the numeric markers that are a note's own label and the entries of
    a notes section that are not notes (see the module's docstring)."""
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    if not notes:
        return
    opens = {r.start for r in notes}
    doc.markers = [
        m for m in doc.markers if not (m.kind is MarkerKind.NUMERIC and m.start in opens)
    ]
    if not doc.book:
        return  # a wiki's list may hold a note whose back-link was not read: an entry still
    per: Counter[int] = Counter(r.section for r in notes if r.section is not None)
    others: Counter[int] = Counter(
        r.section
        for r in doc.references
        if r.section is not None and r.section in per and r.kind is BlockKind.PARAGRAPH
    )
    settled = {k for k, n in per.items() if n >= _NOTES_RATIO * others[k] and others[k]}
    if settled:
        doc.references = [
            r
            for r in doc.references
            if r.section not in settled or r.kind is not BlockKind.PARAGRAPH
        ]
