"""The reference-style links of a block as markers (``[text][1]``, ``[1]``, ``[Smith]``):
a use whose label names a link definition cites it. One that names none is a marker
only where nothing else reads its characters and it is not an index (``A[i][0]``) or a
link to a section by its heading (Pandoc's implicit header references,
``[the half-angle formulae]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import Marker, MarkerKind
from citecheck.parser.markerset import heading_label, outside, prefer
from citecheck.parser.nonmarkers import subscript

if TYPE_CHECKING:
    from citecheck.parser.finder import MarkerFinder

__all__ = ["link_uses"]


def link_uses(
    finder: MarkerFinder, links: list[tuple[int, int, str]], markers: list[Marker]
) -> list[Marker]:
    """``markers`` with those of a block's reference-style link uses (``links``: start, end
    and label of each, in order) that cite."""
    text = finder.doc.text
    uses = [
        Marker(s, e, text[s:e], (label,), MarkerKind.LINK)
        for s, e, label in links
        # ``A[i][0]`` reads as a reference link to "0": an index, not a link
        if label.casefold() in finder.defined or not subscript(text, s, e)
    ]
    # ``[5][9]`` with no definition for 9 is two numbers, not a link labelled 9.
    if finder.headings:  # ``[the half-angle formulae]``: a link to a section
        uses = [
            u
            for u in uses
            if u.keys[0].casefold() in finder.defined
            or heading_label(u.keys[0]) not in finder.headings
        ]
    plain = set(map(id, outside(uses, markers)))
    uses = [u for u in uses if u.keys[0].casefold() in finder.defined or id(u) in plain]
    return prefer(markers, uses)
