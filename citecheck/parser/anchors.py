"""Links into the document: ``[1](#page-0-0)``, ``[^1](#fn:1)``, ``[(Lind et al.,](#page-9-2)``.

Converters of PDF and HTML write citations as links to the id of the entry they cite
(``<span id="page-9-2"></span>Anna Lind…`` in the reference list). A link to an id that an
entry carries cites that entry, whatever its text says; a link to an id elsewhere (a
heading, a figure, a table: ``Table [2](#page-9-0)``) is not a citation; a link whose
target is nowhere on the page cites by its number (``[^1](#fn:1)`` cites note 1).

A body paragraph that opens with an id some link points to (``<span id="page-0-0"></span>
<sup>1.</sup> The levy figures…``) is a note, not prose: it becomes a footnote definition.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from citecheck.model import Block, BlockKind, Document, Reference
from citecheck.reader import Layout


@dataclass(slots=True)
class AnchorTargets:
    """What the ids of a document name: the entries they open, and the other ids."""

    entries: dict[str, Reference] = field(default_factory=dict)
    elsewhere: set[str] = field(default_factory=set)


def _targets(layout: Layout) -> set[str]:
    return {url[1:] for _, _, url in layout.inline if url.startswith("#") and len(url) > 1}


def anchored_notes(blocks: list[Block], layout: Layout) -> None:
    """Turn each body paragraph that opens with a linked id into a footnote definition
    (label ``#id``), in place."""
    targets = _targets(layout)
    if not targets:
        return
    offsets = [at for at, _ in layout.anchors]
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH or block.section is not None or block.cell:
            continue
        i = bisect_right(offsets, block.content_start) - 1
        while i >= 0 and offsets[i] >= block.start:
            ident = layout.anchors[i][1]
            if ident in targets:
                block.kind, block.label = BlockKind.FOOTNOTE, "#" + ident
                break
            i -= 1


def anchor_targets(doc: Document, anchors: list[tuple[int, str]]) -> AnchorTargets:
    """Map each id to the entry whose text holds it; the rest are ids of other things."""
    found = AnchorTargets()
    if not anchors:
        return found
    refs = sorted((r for r in doc.references if r.key), key=lambda r: r.start)
    starts = [r.start for r in refs]
    for at, ident in anchors:
        i = bisect_right(starts, at) - 1
        if i >= 0 and refs[i].start <= at < max(refs[i].end, refs[i].start + 1):
            found.entries.setdefault(ident, refs[i])
        else:
            found.elsewhere.add(ident)
    return found
