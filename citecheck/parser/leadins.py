"""A lead-in and the list or quotation it introduces share their citations.

Answer engines and reports write ``Recent studies show that:`` above a list whose items
carry the markers, or ``…finite cognitive bandwidth:[2]`` above the quotation it cites. In
paragraph scope (a citation covers the run of sentences it ends), the lead-in and what it
introduces are one run: a lead-in with no marker is covered by the markers of its list, and
the items or quotation under a cited lead-in are covered by the lead-in's markers. So is a
paragraph that introduces the table right below it ("The table below lists…") by the
markers of that table's caption and cells.
"""

from __future__ import annotations

import re

from citecheck.model import BlockKind, Document, Sentence
from citecheck.text.recache import lazy

_LEAD_IN = lazy(r":[\"'”’)\]*_\s]*$")
_QUOTED = lazy(r"\s*>")
_TABLE_INTRO = lazy(
    r"\b(?:table|chart|graph)\s+below\b|\bthe\s+following\s+(?:table|chart|graph)\b"
    r"|\b(?:this|the)\s+table\b",
    re.I,
)


def _own_keys(sentences: list[Sentence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for s in sentences for m in s.markers for k in m.keys))


def share_lead_ins(doc: Document, masked: str) -> None:
    """Cover lead-ins by their lists and lists by their lead-ins (paragraph scope), in
    place on ``doc.sentences``."""
    by_block: dict[int, list[Sentence]] = {}
    for sentence in doc.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        own = by_block.get(i)
        if block.kind is not BlockKind.PARAGRAPH or not own or block.section is not None:
            continue
        if not block.cell and i + 1 < len(blocks) and blocks[i + 1].cell:
            _table_intro(doc, masked, own, i, by_block)
        last = own[-1]
        body = masked[last.start : last.end]
        for marker in reversed(last.markers):  # "bandwidth:[2]": the colon before the group
            body = body[: marker.start - last.start].rstrip() or body
        if not _LEAD_IN.search(body):
            continue
        run = _introduced(doc, i)
        listed = [s for j in run for s in by_block.get(j, [])]
        if not listed:
            continue
        lead_keys = _own_keys([last])
        list_keys = _own_keys(listed)
        if list_keys:
            for sentence in own:
                if not sentence.covered_by:
                    sentence.covered_by = list_keys
        if lead_keys:
            for sentence in listed:
                if not sentence.covered_by:
                    sentence.covered_by = lead_keys


def _table_intro(
    doc: Document, masked: str, own: list[Sentence], i: int, by_block: dict[int, list[Sentence]]
) -> None:
    """Cover a paragraph that introduces the table after it with the table's markers."""
    if not _TABLE_INTRO.search(masked, own[0].start, own[-1].end):
        return
    cells: list[Sentence] = []
    j = i + 1
    while j < len(doc.blocks) and doc.blocks[j].cell:
        cells.extend(by_block.get(j, []))
        j += 1
    keys = _own_keys(cells)
    if keys:
        for sentence in own:
            if not sentence.covered_by:
                sentence.covered_by = keys


def _introduced(doc: Document, i: int) -> list[int]:
    """Indexes of the blocks a lead-in at block ``i`` introduces: the list items that
    follow it, or a quotation (``> …``) right after it."""
    blocks, run = doc.blocks, []
    j = i + 1
    while j < len(blocks) and blocks[j].kind is BlockKind.ITEM and blocks[j].section is None:
        run.append(j)
        j += 1
    if run:
        return run
    if j < len(blocks) and blocks[j].kind is BlockKind.PARAGRAPH and blocks[j].section is None:
        line_start = doc.text.rfind("\n", 0, blocks[j].start) + 1
        if _QUOTED.match(doc.text, line_start):
            return [j]
    return []
