"""Entries of a list typed with their number in parentheses: ``(1) Eliane Viennot, …``.

A French or Spanish blog post, a newspaper column and many essays end with ``NOTES`` and
paragraphs that open with the note's number in parentheses, ``(1)``, ``(2)`` (in Pandoc's
Markdown, escaped: ``\\(1\\)``), called in the text by the same ``(1)``. The number is the
entry's own, as ``1.`` or ``[1]`` would be: :func:`number_paren_labels` gives it to the
entry, so the list is a numbered one (its parenthesised callouts are read, see
:mod:`citecheck.parser.numparens`) and a paragraph after the last note with no number (a
photo credit, a sign-off) takes no number from its place.

Only a list in which two or more entries open so, numbered 1, 2, … in order, is read so.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Reference
from citecheck.text.recache import lazy

_PAREN = lazy(r"^\\?\((\d{1,3})\\?\)\s")
_MIN = 2


def number_paren_labels(listed: list[Reference]) -> None:
    """Give each entry of ``listed`` (a document's list entries, in order) that opens with
    ``(n)`` the number ``n``, for each section whose entries so numbered are two or more
    and run 1, 2, … in order. Changes ``number`` (the key follows from it)."""
    by_section: dict[int | None, list[tuple[Reference, int]]] = {}
    for ref in listed:
        if ref.number is not None or ref.kind is BlockKind.FOOTNOTE:
            continue
        if m := _PAREN.match(ref.text):
            by_section.setdefault(ref.section, []).append((ref, int(m.group(1))))
    for found in by_section.values():
        numbers = [n for _, n in found]
        if len(found) < _MIN or numbers != list(range(1, len(found) + 1)):
            continue
        for ref, n in found:
            ref.number = n
