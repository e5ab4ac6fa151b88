"""Positions in a Word document: a paragraph number and an excerpt instead of a line.

A Word document has no lines: the reader writes one paragraph a line, so the line index
of :mod:`citecheck.text.lines` counts paragraphs, and a finding is labelled by its
paragraph (``p12 "The council approved…"``) or note.
"""

from __future__ import annotations

from citecheck.text.lines import LineIndex


class ParagraphIndex(LineIndex):
    """The text of a Word document (one paragraph a line, each opened by a tag): the
    column counts from the paragraph's text, and a span is labelled ``p12 "excerpt…"``."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (paragraph line, column in the paragraph's text)."""
        line, col = super().position(offset)
        tag = self._text.find("\t", self.line_start(line), self.line_start(line) + 4)
        return line, max(1, col - (tag + 1 - self.line_start(line)) if tag >= 0 else col)

    def label(self, start: int, end: int) -> str:
        """Return ``p12 "excerpt…"`` (or ``footnote 2 "…"``) for a span."""
        from citecheck.reader.docx_layout import location  # Word's reader only for Word

        line = super().position(start)[0]
        return location(self._text, self.line_start(line), line, start, end)


def index(text: str, fmt: str) -> LineIndex:
    """Return the index that stamps positions for a text of the given format."""
    return ParagraphIndex(text) if fmt == "docx" else LineIndex(text)
