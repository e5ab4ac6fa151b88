"""Numbers in a table's sources column, which cite the numbered list by number.

A Gemini deep-research report tabulates what it found with a last column headed
``Source(s)`` and bare numbers in its cells (``| Persona Simulation | … | 26 |``,
``| 2, 11 |``): each number cites that entry of the report's numbered ``Works cited`` list,
as ``[26]`` would in prose. Read in pipe tables, where the header row names the column.
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind
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
