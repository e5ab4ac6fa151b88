"""Ellipses: an omission inside a sentence, or the end of one.

Spaced dots follow MLA style, as the pySBD golden rules (43-48) do: three spaced dots after
a word (``weakened . . . was``) mark an omission inside a sentence; a sentence that ends
with an omission has four (``a period . . . . Next``), or a full stop glued to the word
and three spaced dots that open the next sentence (``compounds. . . . The practice``). An
ellipsis inside a quotation that is still open is an omission too.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

# Three spaced dots after a word mark an omission inside a sentence; one that ends a
# sentence has four (``a period . . . .``, ``compounds. . . .``), as MLA style writes it.
_OMISSION_END = lazy(r"(?<=[^\s.!?])\s\.\s\.\s\.\s*$")
# A full stop glued to a word, then an ellipsis of spaced dots closing the piece.
_GLUED_ELLIPSIS = lazy(r"(?<=\w[.!?])\s\.\s\.\s\.$")


def ends_in_omission(piece: str, last: int | None = None) -> bool:
    """Whether ``piece`` ends with three spaced dots after a word: it does not end there.

    ``last`` is the length of ``piece`` without its trailing blanks, when known.
    """
    if last is None:
        last = len(piece.rstrip())
    return bool(_OMISSION_END.search(piece, max(0, last - 6)))


def quote_depth(text: str, s: int, e: int, depth: int) -> int:
    """How much ``text[s:e]`` changes the depth of open double quotes (straight ones toggle)."""
    piece = text[s:e]
    change = piece.count("“") - piece.count("”")
    for _ in range(piece.count('"')):
        change += -1 if depth + change > 0 else 1
    return change


def open_with_ellipses(stripped: str, spans: list[tuple[int, int]]) -> None:
    """Move a spaced ellipsis after a sentence's full stop to the sentence that follows.

    ``…compounds. . . . The practice…``: the full stop glued to the word ends the sentence,
    and the spaced dots after it mark an omission at the start of the next (MLA style; the
    pySBD golden rule 48). ``…a period . . . . Next`` keeps all four dots.
    """
    for i in range(len(spans) - 1):
        s, e = spans[i]
        last = s + len(stripped[s:e].rstrip())
        m = _GLUED_ELLIPSIS.search(stripped, max(s, last - 8), last)
        if m and m.start() > s:
            spans[i] = (s, m.start())
            spans[i + 1] = (m.start(), spans[i + 1][1])
