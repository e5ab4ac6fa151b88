"""Running notes: footnotes numbered anew for each letter, chapter or essay of a book.

A book of letters puts each letter's notes after it (Project Gutenberg's ``[Footnote 1:
…]`` blocks), a collection of essays ends each essay with notes from 1, and so the same
key is defined again and again: ``[1]`` in letter 221 is the note after letter 221, not
the first note of the book. Read as one list, every later note is a "second definition"
that nobody cites and every marker cites the first note.

A document's footnotes *run* when some key is defined twice and a marker citing that key
stands between the two definitions: each definition answers the markers before it. A
marker's key then resolves to the nearest definition of that key after it (the note that
follows its letter or chapter), else to the last one before it. A key defined twice with
no marker in between (two ``[^1]:`` at the end of a Markdown post) is a slip, and the
first definition still wins (see :mod:`citecheck.resolver`), and so it does for Markdown's
``[^1]:`` definitions, which a renderer links to the first.
"""

from __future__ import annotations

from bisect import bisect_left

from citecheck.model import BlockKind, Document, Reference
from citecheck.parser.markers import normalise_label

Scope = tuple[int, int, dict[str, Reference]]

MOST_ENTRIES = 2_000_000
"""Index entries over all spans past which a document's notes are not read as running
(each span keeps an index of its own): a book of thousands of notes numbered once."""


def _notes(doc: Document) -> list[Reference]:
    """The footnote definitions, in document order, but not Markdown's ``[^1]:``: a
    Markdown renderer links every ``[^1]`` to the first, so a second one is a slip."""
    notes = [
        r
        for r in doc.references
        if r.kind is BlockKind.FOOTNOTE
        and r.key is not None
        and not doc.text.startswith("[^", r.start)
        and not doc.text[r.start : r.start + 8].lstrip().startswith("[^")
    ]
    return sorted(notes, key=lambda r: r.start)


def _runs(doc: Document, notes: list[Reference]) -> bool:
    """Whether a key is defined twice with a marker citing it between the two."""
    where: dict[str, list[int]] = {}
    for note in notes:
        where.setdefault(note.key or "", []).append(note.start)
    repeated = {key: starts for key, starts in where.items() if len(starts) > 1}
    if not repeated:
        return False
    for marker in doc.markers:
        for key in marker.keys:
            starts = repeated.get(key)
            if starts and 0 < bisect_left(starts, marker.start) < len(starts):
                return True
    return False


def running_scopes(doc: Document, index: dict[str, Reference]) -> list[Scope]:
    """Spans of ``doc`` and their key indexes when its footnotes run (see the module),
    else ``[]``. The spans cover the text from its start to its end, cut at each note's
    start; in each, a note key maps to its nearest definition after the span (else the
    last before), every other key as in ``index``."""
    notes = _notes(doc)
    keys = len({n.key for n in notes})
    if (len(notes) + 1) * (len(index) + 2 * keys) > MOST_ENTRIES or not _runs(doc, notes):
        return []
    after: list[dict[str, Reference]] = [{} for _ in range(len(notes) + 1)]
    for j in range(len(notes) - 1, -1, -1):
        after[j] = after[j + 1] | {notes[j].key or "": notes[j]}
    before: dict[str, Reference] = {}
    bounds = [0] + [n.start for n in notes] + [max(len(doc.text), notes[-1].end)]
    scopes: list[Scope] = []
    for j in range(len(notes) + 1):
        if j:
            before[notes[j - 1].key or ""] = notes[j - 1]
        keyed = before | after[j]
        loose = {"~" + normalise_label(key): ref for key, ref in keyed.items()}
        if bounds[j] < bounds[j + 1]:
            scopes.append((bounds[j], bounds[j + 1], index | loose | keyed))
    return scopes
