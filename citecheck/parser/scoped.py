"""Source lists that close a section of their own and attribute that section's text.

Research-agent reports (open_deep_research, STORM's per-section outlines) end each ``##``
section with its own ``### Sources`` list and write no inline markers: the list attributes
the section it closes, as a footnote attributes its sentence. A reference section is *scoped*
when its heading ranks below a body heading above it (its parent) and either the document
goes on with body text after it, or another such list closes another section. A document
whose one list ends it ("# Title … ## References") keeps a list for the whole document.

A scoped list covers the sentences from its parent heading to its own heading, unless that
span carries markers of its own: then the markers say which claim rests on which source, and
the ordinary rules apply. Its entries are cited by the section they close.
"""

from __future__ import annotations

from bisect import bisect_left

from citecheck.model import Block, BlockKind, Document


def _parent(blocks: list[Block], at: int, lists: set[int]) -> int | None:
    """Index of the nearest body heading above block ``at`` that ranks above it, or None
    when a heading of the same or a lower rank, or another list's, comes first."""
    level = blocks[at].level
    for j in range(at - 1, -1, -1):
        block = blocks[j]
        if block.kind is not BlockKind.HEADING:
            continue
        if block.start in lists or block.level >= level:
            return None  # a sibling list or section: not the list of one section
        return j
    return None


def scope_sections(doc: Document) -> None:
    """Set ``covers`` on each scoped reference section of ``doc`` and cover the claims of
    the span it closes with the keys of its entries (in place)."""
    blocks = doc.blocks
    if not doc.sections:
        return
    heads = {b.start: i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING}
    lists = {s.start for s in doc.sections}
    nested: list[tuple[int, int, int]] = []  # (section, parent heading, list heading)
    for k, section in enumerate(doc.sections):
        at = heads.get(section.start)
        if at is None or blocks[at].level >= 7:
            continue  # a label line ("Sources:") has no rank to compare
        parent = _parent(blocks, at, lists)
        if parent is not None and any(
            b.section is None and b.kind is not BlockKind.HEADING for b in blocks[parent + 1 : at]
        ):
            nested.append((k, parent, at))
    if not nested:
        return
    parents = {p for _, p, _ in nested}
    first_end = min(doc.sections[k].end for k, _, _ in nested)
    after = any(b.section is None and b.start >= first_end for b in blocks)
    if len(parents) < 2 and not after:
        return
    keys: dict[int, tuple[str, ...]] = {}
    for ref in doc.references:
        if ref.section is not None and ref.key is not None:
            keys[ref.section] = (*keys.get(ref.section, ()), ref.key)
    for k, parent, at in nested:
        span = (blocks[parent].start, blocks[at].start)
        if any(span[0] <= m.start < span[1] for m in doc.markers):
            continue  # the section cites with markers of its own
        doc.sections[k].covers = span
        cover = keys.get(k, ())
        sentences = doc.sentences
        i = bisect_left(sentences, span[0], key=lambda s: s.start)
        while i < len(sentences) and sentences[i].start < span[1]:
            if not sentences[i].covered_by:
                sentences[i].covered_by = cover
            i += 1
