"""A numbered source list whose entries run together, as a PDF export's text gives it.

Gemini's deep-research report lists its sources under "Works cited" as ``1. Title - Site,
https://…`` entries. Exported to PDF and extracted as text, the list keeps neither its
lines nor its paragraphs: an entry's number stands wherever the previous entry's link
ended, mid-line (``…/blog/rebate-management 12. What is Oracle GTM? …``) or at a line's
end (``…/pricing 8.`` then ``Tally vs ERPNext…`` below), and a wrapped title or link that
opens a line with ``- `` or ``10 `` reads as a list item or a paragraph of its own. Read
line by line, sixty entries become a dozen merged ones.

The list is read by its numbers instead: from the section's first block, opening with its
first number (``1.``), each next number in sequence (``2.``, ``3.``…) standing alone
between blank space, after the current entry's link (``http…`` or ``www.…``), opens the
next entry. An entry's title that names the next number (``Top 2. …``) stands before its
link and is not taken; an entry without a link (an uploaded file's name) ends only where
the next number opens a line. The blocks are read so only when the list's habit is clear:
:data:`HABIT` entries or more found in sequence, of which :data:`MID_LINE` or more open
mid-line (a list written one entry a line is read by its lines, as before), and the
entries found reach the section's last block.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

HABIT = 5
MID_LINE = 2
_FIRST = lazy(r"[ \t]*(\d{1,3})\.[ \t\n]")
_LINK = lazy(r"https?://|www\.")


def _next_start(source: str, start: int, end: int, number: int, links: list[int]) -> int | None:
    """Where the entry numbered ``number`` opens in ``source[start:end]`` (the current
    entry begins at ``start``; ``links`` are where the list's links start, in order), or
    None: after the current entry's link, or at a line's start (an entry without a link)."""
    pattern = re.compile(rf"(?<=\s){number}\.(?=[ \t]*\n?[ \t]*\S)")
    at = bisect_left(links, start)
    link = links[at] if at < len(links) else end
    for m in pattern.finditer(source, start + 1, end):
        if m.start() > link or source[m.start() - 1] == "\n":
            return m.start()
    return None


def run_on_entries(blocks: list[Block], source: str) -> list[Block] | None:
    """The entries of a reference section's blocks (``blocks``, in order, all of one
    section) read by their numbers, as the module describes; None when the blocks are not
    such a list. Each entry is an ITEM block from its number to the end of its text."""
    if not blocks:
        return None
    first = _FIRST.match(source, blocks[0].start, blocks[0].end)
    if first is None:
        return None
    end = blocks[-1].end
    number = int(first.group(1))
    starts = [blocks[0].start + (len(first.group(0)) - len(first.group(0).lstrip()))]
    links = [m.start() for m in _LINK.finditer(source, starts[0], end)]
    while True:
        nxt = _next_start(source, starts[-1], end, number + 1, links)
        if nxt is None:
            break
        starts.append(nxt)
        number += 1
    mid = sum(1 for s in starts[1:] if source[s - 1] != "\n" and source[s - 1] in " \t")
    if len(starts) < HABIT or mid < MID_LINE or starts[-1] < blocks[-1].start:
        return None
    section = blocks[0].section
    ends = [*starts[1:], end]
    return [
        Block(BlockKind.ITEM, s, s + len(source[s:e].rstrip()), s, section=section)
        for s, e in zip(starts, ends, strict=True)
    ]


def run_on_lists(blocks: list[Block], source: str) -> dict[int, list[Block]]:
    """For each reference section whose list runs together (:func:`run_on_entries`), the
    entries read by their numbers, keyed by the index in ``blocks`` of the section's first
    list block; the section's other list blocks map to ``[]`` (their text is in those
    entries). Sections read line by line are absent."""
    runs: dict[int, list[Block]] = {}
    group: list[int] = []

    def close() -> None:
        if len(group) > 0:
            entries = run_on_entries([blocks[i] for i in group], source)
            if entries is not None:
                runs[group[0]] = entries
                runs.update((i, []) for i in group[1:])
        group.clear()

    for i, block in enumerate(blocks):
        listed = block.section is not None and block.kind in (BlockKind.ITEM, BlockKind.PARAGRAPH)
        if not listed or (group and blocks[group[0]].section != block.section):
            close()
        if listed:
            group.append(i)
    close()
    return runs
