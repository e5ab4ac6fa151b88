"""A reference list written as a table: one entry per row, not per cell.

A research report may list its sources in a pipe table under its list's heading
(``## 来源列表`` / ``## Sources``: ``| # | Source | Type | Credibility |``, one source a
row). Each cell is a block of its own; read one by one, a row would give four entries,
the header row four more. The row's source is its longest cell (the title, outlet and
year; the other cells number, type or rate it); the header row, above the ``|---|`` line,
names the columns and is no entry.
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_RULE = lazy(r"[ \t]*\|?[ \t]*:?-{2,}")


def table_rows(blocks: list[Block], source: str) -> dict[int, Block | None]:
    """For each cell of a pipe table in a reference section of ``blocks``: the entry it
    stands for (an ITEM block over the row's longest cell, keyed by that cell's index) or
    None (the row's other cells, and every cell of a header row). Cells outside sections,
    and the cells of HTML and Word tables, are left out."""
    out: dict[int, Block | None] = {}
    row: list[int] = []
    line_end = -1

    def close() -> None:
        if not row:
            return
        first = blocks[row[0]].start
        if not source[source.rfind("\n", 0, first) + 1 : first].lstrip().startswith("|"):
            row.clear()  # an HTML or Word table: its cells stay as they are read
            return
        nxt = source.find("\n", line_end) + 1 if line_end >= 0 else 0
        header = bool(nxt) and _RULE.match(source, nxt) is not None
        widest = max(row, key=lambda i: blocks[i].end - blocks[i].content_start)
        for i in row:
            out[i] = None
        if not header:
            cell = blocks[widest]
            item = Block(BlockKind.ITEM, cell.start, cell.end, cell.content_start)
            item.section = cell.section
            out[widest] = item
        row.clear()

    for i, block in enumerate(blocks):
        if not (block.cell and block.section is not None):
            close()
            continue
        if row and source.find("\n", blocks[row[-1]].end, block.start) >= 0:
            close()
        row.append(i)
        line_end = source.find("\n", block.end)
        line_end = len(source) if line_end < 0 else line_end
    close()
    return out
