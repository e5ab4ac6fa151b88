"""Offsets to 1-based line:column, counting lines as an editor does.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line; a form feed, U+2028 or other characters that
:meth:`str.splitlines` treats as breaks do not.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate

from citecheck.text.recache import lazy

_BREAK = lazy(r"\r\n?|\n")
_NEXT = (1).__add__
# Splitting at LF is the faster way to find the line starts, but it copies the text into
# its lines at once: past this many characters the breaks are searched for instead.
_SPLIT_MAX = 1 << 20


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        # An array of machine integers: 8 bytes a line, not the 40 of a list of ints (a
        # long document has a hundred thousand lines).
        if "\r" in text or len(text) > _SPLIT_MAX:
            self._starts = array("q", [0])
            self._starts.extend(m.end() for m in _BREAK.finditer(text))
        else:  # LF only: each line starts one past the end of the one before
            lengths = map(_NEXT, map(len, text.split("\n")))
            self._starts = array("q", accumulate(lengths, initial=0))
            self._starts.pop()  # where a line after the last would start
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where a 1-based line starts."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def label(self, start: int, end: int) -> str | None:
        """Return where a span is, for a file without lines (None: line:column say it)."""
        return None
