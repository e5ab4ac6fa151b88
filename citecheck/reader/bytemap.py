"""UTF-8 byte offsets to character offsets, for parsers that report bytes (pulldown-cmark)."""

from __future__ import annotations

from bisect import bisect_right

from citecheck.text.recache import lazy

_NON_ASCII = lazy(r"[^\x00-\x7f]+")


class ByteMap:
    """Converts UTF-8 byte offsets of a text to character offsets."""

    __slots__ = ("_ends", "_extra")

    def __init__(self, text: str) -> None:
        self._ends: list[int] = []
        self._extra: list[int] = []
        extra = 0
        for m in _NON_ASCII.finditer(text):
            for i, ch in enumerate(m.group(), m.start()):
                extra += len(ch.encode("utf-8", "surrogatepass")) - 1
                self._ends.append(i + 1 + extra)
                self._extra.append(extra)

    @property
    def ascii(self) -> bool:
        """Whether the text is ASCII: every byte offset is its character offset."""
        return not self._ends

    def char(self, byte: int) -> int:
        """The character offset of a UTF-8 byte offset of the text."""
        if not self._ends:  # ASCII: a byte is a character
            return byte
        k = bisect_right(self._ends, byte)
        return byte - (self._extra[k - 1] if k else 0)
