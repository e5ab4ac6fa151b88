"""Numbered entries whose labels a conversion set apart: a run of bare labels, then the run
of entries they number.

A two-column page converted to text (OCR, a PDF's text layer, a table flattened to lines)
may give a reference list's labels as a column of their own, before the entries:

```text
[7]

[8]

[9]

O. Park, "Optical interconnects at scale," …

P. Quinn, "Hybrid packet and circuit switching," …

R. Ross, "Optical rings for racks," …
```

Read item by item, that is three empty numbered items and three unlabelled entries: every
marker citing 7 to 9 would dangle. When a run of at least :data:`LEAST_RUN` empty items
numbered in sequence is followed, in the same section and with nothing between, by exactly
as many unlabelled entries, the labels are given to the entries in order. Runs whose counts
differ (OCR lost or merged a line) are left as they are: the misread list is then reported
once (see :mod:`citecheck.checker.misread`).
"""

from __future__ import annotations

from bisect import bisect_right

from citecheck.model import BlockKind, Document, NonReference, Reference
from citecheck.parser.sourcelike import EMPTY_ITEM

LEAST_RUN = 3
"""Bare labels in sequence, at least, before a run is paired with the entries after it."""


def pair_split_labels(doc: Document) -> None:
    """Give each run of bare labels to the run of as many unlabelled entries after it, in
    order (in place): the entries take the labels' keys and numbers, the empty items go."""
    starts = [s.start for s in doc.sections]

    def section_of(at: int) -> int | None:
        k = bisect_right(starts, at) - 1
        return k if k >= 0 and at < doc.sections[k].end else None

    items: list[tuple[int, int | None, Reference | NonReference]] = [
        (r.start, r.section, r)
        for r in doc.references
        if r.section is not None and r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)
    ]
    items += [(n.start, section_of(n.start), n) for n in doc.non_references]
    items.sort(key=lambda t: t[0])
    paired: set[int] = set()
    i = 0
    while i < len(items):
        run = _labels(items, i)
        if len(run) < LEAST_RUN:
            i += 1
            continue
        section = items[i][1]
        j = i + len(run)
        entries: list[Reference] = []
        while j < len(items) and len(entries) < len(run) + 1:
            _, where, item = items[j]
            if (
                where != section
                or not isinstance(item, Reference)
                or item.key is not None
                or item.number is not None
            ):
                break
            entries.append(item)
            j += 1
        if len(entries) == len(run):
            for label, entry in zip(run, entries, strict=True):
                entry.key, entry.number = label.key, int(label.key or 0)
                paired.add(id(label))
        i += len(run)
    if paired:
        doc.non_references = [n for n in doc.non_references if id(n) not in paired]


def _labels(
    items: list[tuple[int, int | None, Reference | NonReference]], i: int
) -> list[NonReference]:
    """The run of empty items numbered in sequence that starts at ``items[i]`` (same
    section), or ``[]``."""
    run: list[NonReference] = []
    section = items[i][1]
    for _, where, item in items[i:]:
        if (
            where != section
            or not isinstance(item, NonReference)
            or item.reason != EMPTY_ITEM
            or not (item.key or "").isdigit()
        ):
            break
        if run and int(item.key or 0) != int(run[-1].key or 0) + 1:
            break
        run.append(item)
    return run
