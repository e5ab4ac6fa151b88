"""Notes whose numbering restarts with each chapter: each chapter's calls cite its own notes.

A book set as HTML (Project Gutenberg's ``<div class="notetext">`` after each chapter), or
a Markdown book whose chapters each end with ``[^1]: …``, numbers its notes from 1 again in
every chapter. Read as one run of definitions, every later ``1`` would be a second
definition (duplicate-reference) and every later call would cite the first chapter's note.

The notes of the body (definitions outside any reference section) *restart* when, walked in
order, they fall into at least two groups, a new group opening where a key repeats, and
before every group after the first, past the group before it, the text calls at least half
of the group's keys. Each group then serves the span from the end of the group before it
(the start of the document for the first) to its own end (the end of the document for the
last). Two definitions of one key with no calls between them (a slip: ``[^1]: a`` and
``[^1]: b`` together at the end) do not restart: the second stays a duplicate. Link
definitions and Markdown's ``[^1]:`` footnote definitions never restart: a Markdown
renderer (CommonMark, GitHub, Pandoc) sends every use of a label to its first definition,
so a second one is a duplicate wherever it stands. Books converted to HTML or text
(Project Gutenberg's notes after each chapter) restart.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from citecheck.model import BlockKind, Document, Reference

LEAST_CALLED = 0.5
"""The share of a later group's keys that the text between the groups must call."""


def note_groups(doc: Document) -> list[tuple[int, int, list[Reference]]]:
    """The groups of restarting body notes as ``(start, end, definitions)``: the span of
    the text each serves (character offsets) and its definitions in order; ``[]`` when the
    notes do not restart (see the module docstring)."""
    notes = [
        r
        for r in doc.references
        if r.section is None
        and r.key is not None
        and r.kind is not BlockKind.LINKDEF
        and not doc.text[r.start : r.start + 8].lstrip().startswith("[^")
    ]
    groups: list[list[Reference]] = []
    keys: set[str] = set()
    for ref in notes:
        if not groups or ref.key in keys:
            groups.append([])
            keys = set()
        groups[-1].append(ref)
        keys.add(ref.key)  # type: ignore[arg-type]
    if len(groups) < 2:
        return []
    calls = sorted((m.start, key) for m in doc.markers for key in m.keys)
    offsets = [c[0] for c in calls]
    for before, group in pairwise(groups):
        lo = bisect_left(offsets, before[-1].end)
        hi = bisect_left(offsets, group[0].start)
        called = {key for _, key in calls[lo:hi]}
        wanted = {r.key for r in group}
        if len(wanted & called) < LEAST_CALLED * len(wanted):
            return []
    out: list[tuple[int, int, list[Reference]]] = []
    start = 0
    for k, group in enumerate(groups):
        end = len(doc.text) if k == len(groups) - 1 else group[-1].end
        out.append((start, end, group))
        start = end
    return out
