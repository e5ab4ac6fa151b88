"""Sets of markers read from one block: which wins where two kinds read the same characters.

The marker finder (:mod:`citecheck.parser.finder`) reads a block with several readers
(brackets, superscripts, links, keys, author-year callouts); these helpers put their
findings together: a more specific kind wins over the characters it shares with another,
a label inside a link's text is no marker of its own, and a kept scan moves with its block.
"""

from __future__ import annotations

from bisect import bisect_right

from citecheck.model import Marker, MarkerKind, Placeholder
from citecheck.parser.markers import Scan


def heading_label(title: str) -> str:
    """A heading's text as a Pandoc reference label matches it: without its ``#`` marks
    and ``{#id}`` attributes, spaces squeezed, case folded."""
    title = title.strip().strip("#").strip()
    if title.endswith("}") and "{" in title:
        title = title[: title.rfind("{")]
    return " ".join(title.split()).casefold()


def moved(found: Scan, by: int) -> Scan:
    """Copies of a scan's markers and placeholders, ``by`` characters further on."""
    return Scan(
        [
            Marker(m.start + by, m.end + by, m.raw, m.keys, m.kind, m.group, m.problem)
            for m in found.markers
        ],
        [Placeholder(p.start + by, p.end + by, p.raw) for p in found.placeholders],
    )


def outside_link_texts(markers: list[Marker], spans: list[tuple[int, int]]) -> list[Marker]:
    """The markers but labels inside a link's text: ``[[PDF] Quercetin…](https://…)`` is a
    search result's title, its ``[PDF]`` no citation of its own."""
    if not spans or not markers:
        return markers
    return [
        m
        for m in markers
        if m.kind is not MarkerKind.LABEL or not any(s < m.start and m.end < e for s, e in spans)
    ]


def outside(markers: list[Marker], others: list[Marker]) -> list[Marker]:
    """The markers that overlap none of ``others`` (sorted by start)."""
    if not others or not markers:
        return markers
    starts = [o.start for o in others]
    return [m for m in markers if not overlaps(m, others, starts)]


def prefer(markers: list[Marker], winners: list[Marker]) -> list[Marker]:
    """``winners`` and the markers that overlap none of them, in document order: where two
    kinds read the same characters, the more specific wins."""
    if not winners:
        return markers
    return sorted(outside(markers, winners) + winners, key=lambda m: m.start)


def overlaps(marker: Marker, uses: list[Marker], starts: list[int]) -> bool:
    """Whether a scanned marker lies inside a link label (uses sorted by start)."""
    i = bisect_right(starts, marker.start) - 1
    near = uses[max(i, 0) : i + 2]
    return any(u.start < marker.end and marker.start < u.end for u in near)
