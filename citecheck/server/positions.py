"""Character offsets of a buffer to LSP positions and back.

LSP counts lines as an editor does (``\\n``, ``\\r\\n``, ``\\r``) and columns in the code
units the client and server agreed on (UTF-16 unless negotiated otherwise); citecheck
counts characters. pygls's own conversion splits lines with :meth:`str.splitlines`, which
also breaks at a form feed or U+2028, so lines are counted here with
:class:`citecheck.text.lines.LineIndex`.
"""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from citecheck.text.lines import LineIndex

Units = Callable[[str], int]
"""How many client code units a string is (pygls's ``PositionCodec.client_num_units``)."""


class Positions:
    """Offset ↔ ``Position`` for one text, in the client's code units."""

    __slots__ = ("_index", "_last", "_text", "_units")

    def __init__(self, text: str, units: Units) -> None:
        self._text, self._units = text, units
        self._index = LineIndex(text)
        self._last = self._index.position(len(text))[0]

    def position(self, offset: int) -> types.Position:
        """Return the position of a character offset (clamped to the text)."""
        offset = max(0, min(offset, len(self._text)))
        line, column = self._index.position(offset)
        start = offset - column + 1
        return types.Position(line - 1, self._units(self._text[start:offset]))

    def at(self, line: int, column: int) -> types.Position:
        """Return the position of a 1-based (line, column) in characters."""
        return self.position(self._index.line_start(line) + column - 1)

    def range(self, start: int, end: int) -> types.Range:
        """Return the range of the characters ``start``…``end``."""
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """Return the character offset of a position; past the end of a line is its end,
        past the last line the end of the text."""
        if position.line + 1 > self._last:
            return len(self._text)
        i = self._index.line_start(position.line + 1)
        units, text = 0, self._text
        while i < len(text) and units < position.character and text[i] not in "\r\n":
            units += self._units(text[i])
            i += 1
        return i
