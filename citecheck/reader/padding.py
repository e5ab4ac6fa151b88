"""Tables whose rows are far shorter than their header, made harmless before parsing.

pulldown-cmark pads every body row of a GFM table with empty cells up to the header's width
(at most 2**18 cells a table). Lines of one character under a header of 512 columns are a
hundred events a character: seconds and gigabytes for a file of a few hundred kilobytes.
Such a table is read as paragraphs instead: its delimiter row is blanked in the copy the
parser reads, which has the same length, so every offset still holds.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

MIN_COLUMNS = 16  # narrower tables pad fewer than ``BUDGET`` cells a character
BUDGET = 8  # padding cells allowed per character of the table
# ``MIN_COLUMNS`` cells of ``|[ \t]*:?-+:?[ \t]*``, written to open with the literal pipe,
# which the engine then looks for at once instead of trying the group at every character.
_CELL = r"[ \t]*:?-+:?[ \t]*"
_WIDE_DELIMITER = lazy(rf"\|(?:{_CELL}\|){{{MIN_COLUMNS - 1}}}{_CELL}")
_DASHES = lazy(r"-+")
_BREAK = lazy(r"\r\n?|\n")


def _line_end(text: str, pos: int) -> tuple[int, int]:
    """Return where the line at ``pos`` ends and where the next one starts."""
    m = _BREAK.search(text, pos)
    return (m.start(), m.end()) if m else (len(text), len(text))


def unpadded(text: str) -> str:
    """Return ``text`` with the delimiter row of every over-padded table blanked.

    A table here is a delimiter row of at least ``MIN_COLUMNS`` columns and the lines up to
    the next blank one; its padding is the cells its rows lack (counted by their pipes).
    Work is linear: each line is looked at once.
    """
    cuts: list[tuple[int, int]] = []
    pos = 0
    while m := _WIDE_DELIMITER.search(text, pos):
        start = max(pos, *(text.rfind(c, pos, m.start()) + 1 for c in "\r\n"))
        end, pos = _line_end(text, m.end())
        row = text[start:end]
        if row.strip(" \t|:-"):
            continue  # a row of a table, not its delimiter row
        columns = len(_DASHES.findall(row))
        padding = 0
        while pos < len(text):
            line_end, after = _line_end(text, pos)
            line = text[pos:line_end]
            if not line.strip():
                break
            padding += max(0, columns - line.count("|") - 1)
            pos = after
        if padding > BUDGET * (pos - start):
            cuts.append((start, end))
    if not cuts:
        return text
    parts, done = [], 0
    for start, end in cuts:
        parts += [text[done:start], " " * (end - start)]
        done = end
    parts.append(text[done:])
    return "".join(parts)
