"""HTML tables inside a Markdown text: their cells are read as a table's cells.

PDF-to-Markdown converters write a table they cannot set in Markdown's pipes as raw HTML:
MinerU writes each table as one line (``<html><body><table><tr><td>VGG-16 [41]</td>
<td>28.07</td>…``), marker and docling write ``<table>`` blocks when cells span rows or
columns, and authors paste HTML tables into READMEs. CommonMark reads such a block as
HTML (spec section 4.6, "HTML blocks") and the Markdown reader leaves HTML blank, so the
callouts a table of results holds (the compared methods' references) were never read.

:func:`table_cells` copies the text of each cell (``<td>``, ``<th>``; the tags inside it
left blank) of the tables in the text's HTML blocks into the masked copy and makes each
cell a block, a cell: scanned for markers, never a claim, as a pipe table's cells are.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.text.recache import lazy

_CELL = lazy(r"<(t[dh])\b[^<>]{0,400}>(.*?)</\1\s*>", re.S | re.I)
_TAG = lazy(r"<[^<>]{0,400}>")


def table_cells(layout: Layout, spans: list[tuple[int, int]]) -> None:
    """Read the cells of the HTML tables in the HTML blocks ``spans`` (character offsets of
    ``layout.text``): their text is copied into ``layout.masked`` and each cell with text
    becomes a block (``cell``), in document order. A text without tables is left as is."""
    text = layout.text
    spans = [(s, e) for s, e in spans if "<t" in text[s:e].lower()]
    if not spans:
        return
    masked = list(layout.masked)
    cells: list[Block] = []
    for start, end in spans:
        for m in _CELL.finditer(text, start, end):
            parts = _text_parts(text, m.start(2), m.end(2))
            if not parts:
                continue
            for s, e in parts:
                masked[s:e] = text[s:e]
            first, last = parts[0][0], parts[-1][1]
            block = Block(BlockKind.PARAGRAPH, first, last, first, cell=True)
            cells.append(block)
    if not cells:
        return
    layout.masked = "".join(masked)
    layout.blocks = sorted(layout.blocks + cells, key=lambda b: b.start)


def _text_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between tags that hold more than blanks."""
    out, pos = [], start
    for m in _TAG.finditer(text, start, end):
        if text[pos : m.start()].strip():
            out.append(_trimmed(text, pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        out.append(_trimmed(text, pos, end))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
