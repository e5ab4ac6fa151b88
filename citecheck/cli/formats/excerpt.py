"""The source line under a finding, cut to the terminal's width, with its mark in cells.

Widths are terminal cells, not characters: a CJK character or an emoji takes two cells,
a combining mark none (``rich.cells.cell_len``, the measure rich itself prints with), so
the carets under an excerpt line up with what the terminal shows. A line too wide is cut
at a word and the cut is marked with ``…``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len

from citecheck.report import Finding
from citecheck.text.recache import lazy

ELLIPSIS = "…"
CONTEXT = 20
"""Cells of context kept left of the mark when the line has to be cut on the left."""
_CONTROL = lazy(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_BREAK = lazy(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A line to show, the marked characters in it and the same range in cells."""

    text: str
    start: int
    end: int
    cell_start: int
    cell_end: int


def source_lines(source: str | None) -> list[str]:
    """Split a checked text into lines as an editor numbers them."""
    return _BREAK.split(source) if source else []


def _visible(line: str) -> str:
    # One character for one: a tab is one cell here, and a control character (a form
    # feed, an escape) is shown as U+FFFD instead of acting on the terminal.
    return _CONTROL.sub("\ufffd", line.replace("\t", " "))


def excerpt(lines: list[str], f: Finding, width: int) -> Excerpt | None:
    """Return the finding's first source line fitted into ``width`` cells, or None.

    Only a window of a few widths around the mark is measured and copied, so many findings
    on one long line (a whole document without line breaks) stay cheap.
    """
    if f.line > len(lines) or width < 1:
        return None
    raw = lines[f.line - 1]
    start = min(f.column - 1, len(raw))
    if f.end_line == f.line:
        end = f.end_column - 1
    else:
        end = len(raw)
        while end > start and raw[end - 1].isspace():
            end -= 1
    low, high = max(0, start - 4 * width), min(len(raw), start + 4 * width)
    line = _visible(raw[low:high])
    start, end = start - low, min(end, high) - low
    end = min(max(end, start + 1), max(len(line), start + 1))
    if not line.strip():
        return None
    return fit(line, start, end, width)


def _left_edge(line: str, start: int, width: int) -> int:
    """The first character shown: ``CONTEXT`` cells before the mark, at a word start."""
    left, cells, context = start, 0, min(CONTEXT, width // 3)
    while left > 0 and cells + cell_len(line[left - 1]) <= context:
        left -= 1
        cells += cell_len(line[left])
    # Fill the window from the right end when the mark is near it.
    tail = cell_len(line[left:])
    while left > 0 and tail + cell_len(line[left - 1]) <= width - 1:
        left -= 1
        tail += cell_len(line[left])
    if left > 0:
        space = line.find(" ", left, start)
        if space != -1:
            left = space + 1
    return left


def fit(line: str, start: int, end: int, width: int) -> Excerpt:
    """Cut ``line`` to ``width`` cells around ``[start, end)``, at words, marking cuts."""
    if cell_len(line) <= width:
        return Excerpt(line, start, end, cell_len(line[:start]), cell_len(line[:end]))
    left = _left_edge(line, start, width)
    prefix = ELLIPSIS if left else ""
    room = width - cell_len(prefix) - cell_len(ELLIPSIS)
    right, cells = left, 0
    while right < len(line) and cells + cell_len(line[right]) <= room:
        cells += cell_len(line[right])
        right += 1
    suffix = ""
    if right < len(line):
        space = line.rfind(" ", left, right + 1)
        if space > max(start, left + room // 2):
            right = space
        while right > left + 1 and line[right - 1] == " ":
            right -= 1
        suffix = ELLIPSIS
    shown = prefix + line[left:right] + suffix
    offset = len(prefix) - left
    mark_start = max(start, left) + offset
    mark_end = min(max(end, start + 1), right) + offset
    if end > right:  # the mark runs on past the cut: underline the ellipsis too
        mark_end = len(shown)
    mark_end = max(mark_end, min(mark_start + 1, len(shown)))
    return Excerpt(
        shown,
        mark_start,
        mark_end,
        cell_len(shown[:mark_start]),
        cell_len(shown[:mark_end]),
    )


def carets(ex: Excerpt) -> str:
    """Return the ``^~~~`` line under an excerpt, aligned in cells."""
    return " " * ex.cell_start + "^" + "~" * max(0, ex.cell_end - ex.cell_start - 1)
