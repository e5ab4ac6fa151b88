"""A numbered list some of whose entries lost their numbers in a conversion.

marker and other PDF-to-Markdown converters drop the number of a list item now and then
(``- Moretto, M. et al. COLOMBOS v3.0 …``, ``- 8. Ge, H. …``, ``- Zhang, W. …``), or hide
it behind an anchor (``- <span id="page-11-0"></span>19. Gautier, L. …``). The entries
that kept theirs stand at the places their numbers name, so the others take their places:
the callouts ``<sup>9</sup>`` and ``<sup>12,13</sup>`` cite the ninth and the thirteenth
entries, not a number the list lacks.

Only a list (the entries of one section) in which at least two entries kept their
numbers, every one of them its place, and at least one before the last of them lost it,
is numbered so (unnumbered items after the last number are a tail of their own), and only
when no item that is not a source holds one of the numbers it would give (labels an OCR
set apart from their entries, ``[7]`` alone, are paired elsewhere or told, see
:mod:`citecheck.parser.splitlabels`).
"""

from __future__ import annotations

from itertools import groupby

from citecheck.model import Reference


def number_lost(listed: list[Reference], taken: set[str]) -> None:
    """Give each entry of ``listed`` (a document's list entries, in order) that has no
    number the place it holds in its section's list, when that list's numbered entries all
    stand at their places and no key of ``taken`` (those of the items that are not
    sources) is among the places (see the module's docstring). Changes ``number`` and
    ``key``."""
    for _, group in groupby(listed, key=lambda r: r.section):
        entries = list(group)
        numbered = [(i, r.number) for i, r in enumerate(entries, 1) if r.number is not None]
        if len(numbered) < 2 or len(numbered) == len(entries):
            continue
        if any(i != n for i, n in numbered):
            continue
        lost = [i for i, r in enumerate(entries, 1) if r.number is None and r.key is None]
        if not lost or lost[-1] > numbered[-1][0] or any(str(i) in taken for i in lost):
            continue  # a label's item, or an unnumbered tail (further reading, a note)
        for i, ref in enumerate(entries, 1):
            if ref.number is None and ref.key is None:
                ref.number, ref.key = i, str(i)
