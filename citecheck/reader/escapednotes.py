"""Notes whose brackets a converter of HTML to Markdown escaped: ``\\[1\\]``.

An essay put online as HTML (Paul Graham's, many a personal site's) calls its notes with a
bracketed number, ``… a special-purpose subroutine. [1]``, and writes the notes after the
text, each paragraph opening with its number: ``[1] "But no one can read the program…"``.
A converter to Markdown (html2text, markdownify) escapes the brackets, ``\\[1\\]``, so that
they are not read as link labels, and the notes lose the heading-less block they stood in.
Read as they stand, the calls are numbers citing no list, and the notes are prose.

A note is read where a body paragraph opens with an escaped number followed by text
(``\\[1\\] "But no one…"``) and the same escaped number stands earlier in the text, outside
code: the paragraph becomes the note's definition (a ``FOOTNOTE`` block labelled ``^1``,
its text after the number) and each earlier ``\\[1\\]`` a call of it (a link use with the
note's label, which the parser reads as a marker of the note). A document that writes
``[^1]`` notes of its own is left alone: its notes are already read.
"""

from __future__ import annotations

from citecheck.model import BlockKind
from citecheck.reader import Layout
from citecheck.text.recache import lazy

_CALL = lazy(r"\\\[(\d{1,3})\\\]")
_OPEN = lazy(r"\\\[(\d{1,3})\\\][ \t]+(?=\S)")


def escaped_notes(layout: Layout) -> list[tuple[int, int, str]]:
    """Read the escaped-bracket notes of a Markdown layout (see the module): turns each
    note's paragraph into a ``FOOTNOTE`` block in place, blanks the numbers in
    ``layout.masked`` and returns the calls as link uses (start, end, label), in order."""
    text, masked = layout.text, layout.masked
    if "\\[" not in text or "[^" in text:
        return []
    opened = []
    for block in layout.blocks:
        if block.kind is not BlockKind.PARAGRAPH or block.cell:
            continue
        # The paragraph's text may start after the escaping backslash.
        m = _OPEN.match(text, block.content_start) or _OPEN.match(text, block.start)
        if m is not None and m.end() < block.end and masked[m.start(1)] != " ":
            opened.append((block, m))
    if not opened:
        return []
    first = min(block.start for block, _ in opened)
    calls: dict[str, list[tuple[int, int]]] = {}
    for c in _CALL.finditer(text, 0, first):
        if masked[c.start(1)] != " ":
            calls.setdefault(c.group(1), []).append(c.span())
    uses: list[tuple[int, int, str]] = []
    blank: list[tuple[int, int]] = []
    for block, m in opened:
        number = m.group(1)
        if number not in calls:
            continue
        label = f"^{number}"
        block.kind, block.label, block.content_start = BlockKind.FOOTNOTE, label, m.end()
        blank.append((m.start(), m.end()))
        for s, e in calls.pop(number):
            uses.append((s, e, label))
            blank.append((s, e))
    if blank:
        chars = list(masked)
        for s, e in blank:
            chars[s:e] = " " * (e - s)
        layout.masked = "".join(chars)
    return sorted(uses)
