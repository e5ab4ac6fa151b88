"""Tufte sidenotes written where they are called, in Markdown: ``[^ note]``, ``[^{-} note]``.

The syntax of tufte-markdown (``@tufte-markdown/remark-sidenotes``, after Tufte CSS): a
footnote bracket whose caret is followed by a blank, ``[^ text]``, is a numbered sidenote
written inline, and one whose caret is followed by ``{-}``, ``[^{-} text]``, an unnumbered
margin note. A footnote reference (``[^label]``) has no blank after its caret, so the two
never meet. A regular expression's negated class (``[^ \t]``, ``[^ a-z]``) has the same
opening: a note's text must open with a letter and hold at least three words of two
letters, and a note in code (blank in the masked copy) is none.

Each note becomes a ``FOOTNOTE`` block over its text, labelled ``^side-1``, ``^side-2`` …
in document order, and its opening characters (``[^``, ``[^{-}``) a link use with that
label, which the parser reads as a marker of the note (see :mod:`.inlinenotes`).
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_SIDENOTE = lazy(
    r"(?<![\\\w])\[\^(?:[ \t]*\{-\})?[ \t]+"
    r"((?=[^\W\d_])(?:[^\[\]]|\[[^\[\]\n]{0,200}\]){1,3000}?)\]"
)
_WORDS = lazy(r"[^\W\d_]{2,}")
LEAST_WORDS = 3
"""Words of two letters, at least, in a sidenote's text (``[^ a-z]`` is a class)."""


def sidenotes(
    text: str, masked: str, taken: list[tuple[int, int]]
) -> list[tuple[Block, tuple[int, int, str], tuple[int, int]]]:
    """The sidenotes of a Markdown text outside code and outside the spans ``taken`` by
    other notes: for each, its ``FOOTNOTE`` block, the link use (start, end, label) of its
    call and the span (start of its text, end of its bracket) to blank in the masked copy."""
    found: list[tuple[Block, tuple[int, int, str], tuple[int, int]]] = []
    for m in _SIDENOTE.finditer(text):
        if masked[m.start()] != "[" or not masked[m.start(1) : m.end(1)].strip():
            continue  # in code
        if any(s <= m.start() < e for s, e in taken):
            continue
        if len(_WORDS.findall(m.group(1))) < LEAST_WORDS:
            continue
        label = f"^side-{len(found) + 1}"
        block = Block(BlockKind.FOOTNOTE, m.start(1), m.end(1), m.start(1), label=label)
        found.append((block, (m.start(), m.start(1), label), (m.start(1), m.end())))
    return found
