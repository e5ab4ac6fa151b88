"""HTML source: a lexer for source offsets, and a canvas to write what a reader sees.

The tree comes from a real HTML parser (see :mod:`citecheck.reader.html`), which keeps no
source offsets. The lexer here finds where each text run, tag and comment of the source
lies, so that the tree's text nodes can be matched to them in order. The canvas then
writes what a reader sees into a copy of the source of the same length, each word at the
offset where it starts in the source, so that line:column of every finding is that of the
HTML source.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from citecheck.text.recache import lazy

_TAG = lazy(
    r"<!--.*?(?:--!?>|\Z)|<[!?][^>]*+>?|</?([A-Za-z][^\s/>]*+)(?:=\s*+\"[^\"]*+\"|=\s*+'[^']*+'|[^>])*+>",
    re.S,
)
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_LINE_PART = lazy(r"[^\r\n]+")
_BREAK_CHAR = lazy(r"[\r\n]")
_WORD = lazy(r"[^ \t\n\r\f]+")


@dataclass(slots=True)
class Token:
    """A tag, comment or text run of the source: ``name`` is a tag name, ``""`` for text,
    ``"!"`` for a comment or declaration."""

    start: int
    end: int
    name: str
    closing: bool = False


def tokens(source: str) -> list[Token]:
    """Split the source into tags, comments and text runs, in order.

    The contents of ``<script>``, ``<style>``, ``<textarea>`` and the other raw-text
    elements are one text run each, as the HTML tokenizer reads them.
    """
    out: list[Token] = []
    pos, n = 0, len(source)
    lower: str | None = None
    while pos < n:
        m = _TAG.search(source, pos)
        if m is None:
            out.append(Token(pos, n, ""))
            break
        if m.start() > pos:
            out.append(Token(pos, m.start(), ""))
        name = (m.group(1) or "").lower()
        if not name:
            out.append(Token(m.start(), m.end(), "!"))
            pos = m.end()
            continue
        closing = source[m.start() + 1] == "/"
        out.append(Token(m.start(), m.end(), name, closing))
        pos = m.end()
        if name in _RAW_TEXT and not closing:
            lower = source.lower() if lower is None else lower
            stop = lower.find("</" + name, pos)
            stop = n if stop < 0 else stop
            if stop > pos:
                out.append(Token(pos, stop, ""))
            pos = stop
    return out


def run_text(source: str, token: Token) -> str:
    """The text of a run as the parser reads it: character references decoded, each line
    break one ``\\n``."""
    raw = source[token.start : token.end]
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(slots=True)
class Piece:
    """Visible text at a source span: ``text`` is what a reader sees there; ``shown`` puts it
    in the masked copy too; ``glue`` joins it to the piece before it into one word."""

    start: int
    end: int
    text: str
    shown: bool = True
    glue: bool = False
    mask: str = ""
    """What the masked copy shows of it, one character in, when not ``shown``: a link's
    label written ``[label](url)``."""
    anchor: int = -1
    """Where its text is in the source, when that is not its start (a marker's number)."""
    at: int = -1
    """Where the canvas wrote it."""


class Canvas:
    """Two copies of the source, blank but for line breaks, to write visible text into.

    Writes are kept as (offset, text) and laid over the blank copy once, at the end.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.breaks = [m.start() for m in _BREAK_CHAR.finditer(source)]
        self.text: list[tuple[int, str]] = []
        self.masked: list[tuple[int, str]] = []

    def words(self, start: int, end: int, shown: bool, joined: bool) -> list[Piece]:
        """Split a text run of the source into word pieces; the first is glued to the piece
        before it when ``joined`` (only tags between: ``<b>Paris</b>'s`` is one word)."""
        raw = self.source[start:end]
        out: list[Piece] = []
        plain = "&" not in raw and "\n" not in raw and "\r" not in raw
        for m in _WORD.finditer(raw):
            if plain and out:  # the rest of a plain run is written as it stands: one piece
                last = raw.rstrip()
                out.append(Piece(start + m.start(), start + len(last), last[m.start() :], shown))
                break
            glue = joined and not out and m.start() == 0
            out.append(Piece(start + m.start(), start + m.end(), _visible(m.group()), shown, glue))
        return out

    def write(self, pieces: list[Piece]) -> None:
        """Write each run of glued pieces (a word) from the start of its span on.

        Character references make the visible text of a span shorter than its source and a
        marker (``<sup>…3…</sup>`` as ``[3]``) makes it different, so each word is packed
        to the left of its span, and line breaks of the source stay where they are. Words
        inside an open bracket follow one another (``[<i>citation needed</i>]``).
        """
        i, pos, depth, n = 0, 0, 0, len(pieces)
        while i < n:
            j = i + 1
            while j < n and pieces[j].glue:
                j += 1
            start, end = pieces[i].start, pieces[j - 1].end  # pieces are in source order
            if depth > 0 and pos < start:
                start = self._skip_breaks(pos + 1, start)
            for k in range(i, j):
                piece = pieces[k]
                text = piece.text
                if "\n" in text or "\r" in text:
                    text = text.replace("\n", " ").replace("\r", " ")
                if piece.anchor > start:  # a marker stays where its text is, if it fits
                    start = max(start, min(piece.anchor, piece.end - len(text)))
                if "[" in text or "]" in text:
                    depth = max(0, depth + text.count("[") - text.count("]"))
                start = self._put(self._skip_breaks(start, end), end, text, piece)
            pos = start
            i = j

    def _put(self, pos: int, end: int, text: str, piece: Piece) -> int:
        piece.at = pos
        k = bisect_left(self.breaks, pos)
        if k == len(self.breaks) or self.breaks[k] >= pos + len(text):
            text = text[: max(0, end - pos)]
            self.text.append((pos, text))
            if piece.shown:
                self.masked.append((pos, text))
            elif piece.mask:
                self.masked.append((pos + 1, piece.mask[: max(0, len(text) - 1)]))
            return pos + len(text)
        for ch in text:  # the span runs over a line break (inside a tag): around it
            pos = self._skip_breaks(pos, end)
            if pos >= end:
                break
            self.text.append((pos, ch))
            if piece.shown:
                self.masked.append((pos, ch))
            pos += 1
        return pos

    def masked_text(self, piece: Piece) -> str:
        """What the masked copy shows of a written piece."""
        return piece.text if piece.shown else piece.mask

    def _skip_breaks(self, pos: int, end: int) -> int:
        while pos < end and self.source[pos] in "\r\n":
            pos += 1
        return pos

    def copy(self, start: int, end: int) -> None:
        """Copy a span of the source as it is into the document text (a comment)."""
        for m in _LINE_PART.finditer(self.source, start, end):
            self.text.append((m.start(), m.group()))

    def result(self) -> tuple[str, str]:
        """The document text and its masked copy (line breaks as the other readers give)."""
        blank = _LINE_PART.sub(lambda m: " " * len(m.group()), self.source)
        masked = _lay(blank, self.masked)
        if "\r" in masked:
            masked = masked.replace("\r\n", " \n").replace("\r", "\n")
        return _lay(blank, self.text), masked


def _lay(blank: str, writes: list[tuple[int, str]]) -> str:
    parts, cursor = [], 0
    for pos, text in sorted(writes, key=lambda w: w[0]):
        if pos < cursor or not text:
            continue
        parts.append(blank[cursor:pos])
        parts.append(text)
        cursor = pos + len(text)
    parts.append(blank[cursor:])
    return "".join(parts)


def _visible(raw: str) -> str:
    return html.unescape(raw) if "&" in raw else raw
