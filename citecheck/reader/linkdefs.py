"""Link definitions pulldown-cmark does not report: repeated labels, and definitions a
footnote swallowed."""

from __future__ import annotations

import re
from bisect import bisect_right

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_DEF_LINE = lazy(r"^ {0,3}\[((?:[^\]\\\n]|\\.){1,200})\]:[ \t]*(?:\n[ \t]*)?(\S[^\n]*)$", re.M)


def fold(label: str) -> str:
    """A link label as CommonMark matches it: case and runs of blanks do not count."""
    return " ".join(label.split()).casefold()


def redefinitions(
    text: str, known: dict[str, str], lines: set[int], outer: list[tuple[int, int]]
) -> list[Block]:
    """Blocks for the later definitions of a label, which pulldown-cmark drops.

    pulldown-cmark keeps a label's first definition and drops the later ones without an
    event: each becomes a block under the first one's label, to be reported. ``known`` maps
    folded labels to labels as defined, ``lines`` holds the line starts of the definitions
    reported, ``outer`` the (start, end) character offsets of the top-level blocks in order.
    """
    starts = [s for s, _ in outer]
    found: list[Block] = []
    for m in _DEF_LINE.finditer(text):
        label = known.get(fold(m.group(1)))
        if label is None or m.start() in lines:
            continue
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or outer[k][1] <= m.start():  # not inside a paragraph, code or list
            found.append(Block(BlockKind.LINKDEF, m.start(), m.end(), m.start(), label=label))
    return found


def split_footnote(text: str, block: Block, known: dict[str, str]) -> list[Block]:
    """The definitions written straight after a footnote, which it swallowed as lazy
    continuation lines; writers mean them as definitions of their own. The footnote's
    ``block.end`` is cut before the first of them."""
    cut = None
    found: list[Block] = []
    for m in _DEF_LINE.finditer(text, block.content_start, block.end):
        label = m.group(1)
        if fold(label) in known or m.start() == block.start:
            continue
        cut = m.start() if cut is None else cut
        kind = BlockKind.FOOTNOTE if label.startswith("^") else BlockKind.LINKDEF
        start = m.start(2) if kind is BlockKind.FOOTNOTE else m.start()
        found.append(Block(kind, m.start(), m.end(), start, label=label))
    if cut is not None:
        block.end = min(block.end, cut)
    return found
