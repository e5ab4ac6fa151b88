"""Offsets to 1-based line:column, counting lines as an editor does.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line; a form feed, U+2028 or other characters that
:meth:`str.splitlines` treats as breaks do not.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _BREAK.finditer(text))
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where a 1-based line starts."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]
