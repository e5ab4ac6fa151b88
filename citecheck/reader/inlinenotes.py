"""Notes written where they are called, in Markdown: a note is a note, its call a marker.

Two syntaxes are read here, and tufte-markdown's sidenotes in :mod:`.sidenotes`:

- htmldoc's (the Markdown of Sam Trenholme's blog tools): ``@[^1 Note text](fn:1)``, the
  note's number, its text and a link to the note (``fn:1``), put where the note is called;
- Pandoc's inline notes: ``^[Note text]``, numbered by Pandoc in document order.

Each note becomes a ``FOOTNOTE`` block over its text (labelled ``^1``, or ``^inline-1`` for
Pandoc's, which Pandoc numbers with the ``[^label]`` notes), and its call a link use over
the opening characters (``@[^1``, ``^[``) with the note's label, which the parser reads as
a marker of that note. A caret after a digit (``2^[n]``) is taken for mathematics. The
note's text is blanked in the masked copy: it is not part of the sentence that calls it.
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.reader.sidenotes import sidenotes
from citecheck.text.recache import lazy

_HTMLDOC = lazy(r"@\[\^(\w{1,12})[ \t\n]+((?:[^\[\]]|\[[^\[\]\n]{0,200}\]){1,3000}?)\]\(fn:\1\)")
_OPENER = lazy(r"(?:@\[\^\w{1,12}[ \t\n]+|\^\[)\Z")
_PANDOC = lazy(r"(?<![\\\d])\^\[(?!\s)((?:[^\[\]]|\[[^\[\]\n]{0,200}\]){1,3000}?)\]")


def inline_notes(
    text: str, masked: str
) -> tuple[str, list[Block], list[tuple[int, int, str]]] | None:
    """The inline notes of a Markdown text whose note text is prose in the masked copy
    (not code): the masked copy with the notes' text blanked, a ``FOOTNOTE`` block a note
    and a link use (start, end, label) a call; None when the text has none."""
    if "[^" not in text and "^[" not in text:
        return None
    blocks: list[Block] = []
    uses: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _HTMLDOC.finditer(text):
        if not masked[m.start(2) : m.end(2)].strip():
            continue  # in code
        label = "^" + m.group(1)
        blocks.append(Block(BlockKind.FOOTNOTE, m.start(2), m.end(2), m.start(2), label=label))
        uses.append((m.start(), m.end(1), label))
        spans.append((m.start(2), m.end()))
    n = 0
    for m in _PANDOC.finditer(text):
        if masked[m.start()] != "^" or any(s <= m.start() < e for s, e in spans):
            continue
        n += 1
        label = f"^inline-{n}"
        blocks.append(Block(BlockKind.FOOTNOTE, m.start(1), m.end(1), m.start(1), label=label))
        uses.append((m.start(), m.start(1), label))
        spans.append((m.start(1), m.end()))
    for block, use, span in sidenotes(text, masked, spans):  # ``[^ note]`` (see .sidenotes)
        blocks.append(block)
        uses.append(use)
        spans.append(span)
    if not blocks:
        return None
    parts, pos = [], 0
    for s, e in sorted(spans):
        parts.append(masked[pos:s])
        parts.append("".join("\n" if c == "\n" else " " for c in masked[s:e]))
        pos = e
    parts.append(masked[pos:])
    return "".join(parts), blocks, uses


def is_inline_note(text: str, start: int) -> bool:
    """Whether a note whose text starts at ``start`` is written inline (see the module)."""
    return _OPENER.search(text, max(0, start - 20), start) is not None
