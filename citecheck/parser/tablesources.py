"""Numbers in a table's sources column, which cite the numbered list by number.

A Gemini deep-research report tabulates what it found with a last column headed
``Source(s)`` and bare numbers in its cells (``| Persona Simulation | … | 26 |``,
``| 2, 11 |``): each number cites that entry of the report's numbered ``Works cited`` list,
as ``[26]`` would in prose. Read in pipe tables, where the header row names the column.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind, Marker, MarkerKind
from citecheck.parser.markerset import outside, prefer
from citecheck.text.recache import lazy

# A header naming the column of sources: "Source(s)", "Key Supporting Source(s)", "Refs".
_HEADER = lazy(r"\b(?:sources?(?:\(s\))?|refs?\.?|references?|citations?)\s*$", re.I)
_NUMBERS = lazy(r"\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*$")
_PIPE = lazy(r"(?<!\\)\|")


def source_cell(text: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """The marker of a pipe-table cell ``text[start:end]`` that holds only entry numbers
    (``26``, ``2, 11``) under a header naming sources; each number must be one the list
    holds (``numbers``). Returns one NUMERIC marker, or none."""
    cell = _NUMBERS.fullmatch(text, start, end)
    if cell is None:
        return []
    keys = tuple(k.strip() for k in re.split(r"[,;]", cell.group(1)))
    if not all(k in numbers for k in keys):
        return []
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].lstrip().startswith("|"):
        return []
    column = len(_PIPE.findall(text, line_start, start))
    header = _header_row(text, line_start)
    if header is None:
        return []
    cells = _PIPE.split(header)
    if column >= len(cells) or not _HEADER.search(cells[column].strip(" *_")):
        return []
    s, e = cell.start(1), cell.end(1)
    return [Marker(s, e, text[s:e], keys, MarkerKind.NUMERIC)]


def _header_row(text: str, line_start: int) -> str | None:
    """The first row of the pipe table whose row starts at ``line_start``."""
    first = None
    at = line_start
    while at > 0:
        prev = text.rfind("\n", 0, at - 1) + 1
        line = text[prev : at - 1].strip()
        if not line.startswith("|"):
            break
        first, at = line, prev
    return first


# A flattened table's header: one cell a line, the sources column's name alone on its line.
_HEADER_LINE = lazy(
    r"^[ \t]*(?:[\w ]{0,30}\b)?(?:sources?(?:\(s\))?|refs?\.?|references?|citations?)[ \t\r]*$",
    re.I | re.M,
)
_NUMBER_LINE = lazy(r"^[ \t]*(\d{1,3}(?:[ \t]*[,;][ \t]*\d{1,3})*)[ \t\r]*$", re.M)
_HEADER_WITHIN = 12  # lines: a header of one cell a line has few columns
FLAT_HABIT = 2


def flattened_cells(text: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """The markers of a table copied as text one cell a line (Gemini's report copied from
    its page: ``Date(s) of Incident`` / … / ``Source(s)``, then each row's cells, the last
    a line holding only entry numbers, ``2`` or ``26, 27``) in the paragraph
    ``text[start:end]``: each line of numbers alone, every number one the list holds
    (``numbers``), under a header line naming sources among the paragraph's first
    :data:`_HEADER_WITHIN` lines, when there are :data:`FLAT_HABIT` such lines or more.
    A marker stands after its row's cells, so it covers the row's text."""
    head = start
    for _ in range(_HEADER_WITHIN):
        nl = text.find("\n", head, end)
        if nl < 0:
            return []
        if _HEADER_LINE.fullmatch(text, head, nl):
            break
        head = nl + 1
    else:
        return []
    found: list[Marker] = []
    for m in _NUMBER_LINE.finditer(text, head, end):
        keys = tuple(k.strip() for k in re.split(r"[,;]", m.group(1)))
        if all(k in numbers for k in keys):
            found.append(Marker(m.start(1), m.end(1), m.group(1), keys, MarkerKind.NUMERIC))
    return found if len(found) >= FLAT_HABIT else []


def source_cells(
    text: str, masked: str, block: Block, numbers: frozenset[str], markers: list[Marker]
) -> list[Marker]:
    """``markers`` of ``block`` with the numbers of a table's sources column added: a pipe
    table's cell (:func:`source_cell`, read in ``text``) or a table copied one cell a line
    (:func:`flattened_cells`, read in the ``masked`` copy)."""
    if block.cell:
        return prefer(markers, source_cell(text, block.content_start, block.end, numbers))
    if block.kind is BlockKind.PARAGRAPH:
        cells = flattened_cells(masked, block.content_start, block.end, numbers)
        return prefer(markers, outside(cells, markers))
    return markers
