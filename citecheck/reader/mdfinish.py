"""What the Markdown reader does once pulldown-cmark's events are read: the masked copy
(prose copied, the rest blanked, line breaks kept); the blocks of link definitions and of
the notes written inside footnotes; the bullet that only holds a numbered entry dropped;
and the passes over the layout (notes written where they are called, an Internet-Draft's
references, citeproc's bibliography, the cells of HTML tables)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.citeproc import citeproc_lists
from citecheck.reader.linkdefs import fold as _fold
from citecheck.reader.linkdefs import redefinitions, split_footnote
from citecheck.reader.mdtables import table_cells
from citecheck.text.recache import lazy

__all__ = ["drafted", "kept_blocks", "linkdefs", "masked_copy"]

_NOT_NEWLINE = lazy(r"[^\n]")


def kept_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """The blocks that hold content (an empty item stays, its content at its start), in
    order of their starts, less the bullets that only open a nested item."""
    kept = [b for b in blocks if b.content_start >= 0 or b.kind is BlockKind.ITEM]
    for b in kept:
        if b.content_start < 0:
            b.content_start = b.end = b.start
    kept.sort(key=lambda b: b.start)
    return [b for i, b in enumerate(kept) if not _opens_nested(text, b, kept[i + 1 :])]


def _opens_nested(text: str, block: Block, after: list[Block]) -> bool:
    """An empty item whose line goes on with a nested item: the bullet of docling's
    ``- 1. Auer, C.: …`` (a numbered entry exported inside a bullet). The numbered
    item is the entry; the bullet is no item of its own."""
    if block.kind is not BlockKind.ITEM or block.end > block.start or not after:
        return False
    nxt = after[0]
    return nxt.kind is BlockKind.ITEM and "\n" not in text[block.start : nxt.start]


def drafted(layout: Layout, html_blocks: list[tuple[int, int]]) -> Layout:
    """Notes written where they are called (see :mod:`.inlinenotes`); an
    Internet-Draft's references and citations (see :mod:`.ietfmd`); citeproc's
    bibliography, headed or not (see :mod:`.citeproc`); the cells of HTML tables
    (see :mod:`.mdtables`)."""
    citeproc_lists(layout)
    table_cells(layout, html_blocks)
    if "[^" in layout.text or "^[" in layout.text:
        from citecheck.reader.ietfmd import merge_links
        from citecheck.reader.inlinenotes import inline_notes

        if (noted := inline_notes(layout.text, layout.masked)) is not None:
            layout.masked = noted[0]
            layout.blocks = sorted(layout.blocks + noted[1], key=lambda b: b.start)
            layout.links = merge_links(layout.links, noted[2])
            # A link inside a note is the note's source, not a citation of the sentence.
            spans = [(b.start, b.end) for b in noted[1]]
            layout.inline = [x for x in layout.inline if not any(s <= x[0] < e for s, e in spans)]
    if "{{" not in layout.masked and "@" not in layout.masked:
        return layout
    from citecheck.reader.ietfmd import ietf_references, merge_links

    if (drafted := ietf_references(layout.text, layout.masked, layout.blocks)) is not None:
        layout.masked, layout.blocks = drafted[0], drafted[1]
        layout.links = merge_links(layout.links, drafted[2])
        layout.spec = True
    return layout


def linkdefs(
    text: str,
    blocks: list[Block],
    definitions: dict[str, Any],
    span: Callable[[Any], tuple[int, int]],
    outer: list[Any],
) -> None:
    """Add to ``blocks`` a block per link definition, the definitions pulldown-cmark left
    as text, and the notes written inside footnotes (see :mod:`.linkdefs`)."""
    known: dict[str, str] = {}
    lines: set[int] = set()
    for label, d in definitions.items():
        s, e = span(d["span"])
        blocks.append(Block(BlockKind.LINKDEF, s, e, s, label=label))
        known[_fold(label)] = label
        lines.add(text.rfind("\n", 0, s) + 1)
    if known:
        outer_spans = [span(rng) for rng in outer]
        blocks.extend(redefinitions(text, known, lines, outer_spans))
    # An empty definition swallowed nothing (and has no content to scan from).
    for block in [b for b in blocks if b.kind is BlockKind.FOOTNOTE]:
        if block.content_start >= 0:
            blocks.extend(split_footnote(text, block, known))


def masked_copy(text: str, copies: list[tuple[int, int]]) -> str:
    """``text`` with only the spans of ``copies`` kept, the rest blanked (line breaks kept;
    a CR becomes a line break)."""
    parts, pos = [], 0
    for begin, e in sorted(copies):
        s = max(begin, pos)
        if e <= s:
            continue
        parts.append(_blank(text[pos:s]))
        parts.append(text[s:e])
        pos = e
    parts.append(_blank(text[pos:]))
    masked = "".join(parts)
    if "\r" in masked:
        masked = masked.replace("\r\n", " \n").replace("\r", "\n")
    return masked


def _blank(text: str) -> str:
    """``text`` with every character but a line break blanked."""
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)
