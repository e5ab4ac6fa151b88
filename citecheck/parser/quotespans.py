"""The later sentences of a quotation: one quoted claim, not several.

A quotation of more than one sentence (``Potvin said that "when you start a new project,
you have a wealth of libraries already available to you. Almost everything has already
been done." Engineers can…``) is cut by the segmenter at each of its full stops, and each
piece is tested as a claim of its own: the one quoted statement, and its one attribution,
is then counted two or three times, and a sentence with no subject of the writer's own
("Almost everything has already been done.") is reported as uncited. The quotation's
first sentence carries the claim (and the attribution before it); a sentence that opens
inside a quotation begun in an earlier sentence of the same paragraph is part of it.

A quotation is read only where its marks pair within the paragraph: an opening mark
(``“``, or ``"`` after a blank or bracket) with the next closing one (``”``, or ``"`` after
a character that is not a blank); a closing mark with none open (an inch mark, ``5'10"``)
is passed over. A quotation longer than :data:`_LONGEST` characters is left alone: a block quote
of many sentences, or a pairing gone wrong.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from citecheck.model import Sentence
from citecheck.text.recache import lazy

_LONGEST = 800  # characters of a quotation read as one claim
_MARKS = lazy('["“”]')


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` (one paragraph): (opening mark, closing mark)
    offsets, in order. A ``“``, or a ``"`` after a blank, a bracket or the paragraph's
    start, opens one; the next ``”``, or ``"`` after a character that is not a blank,
    closes it (copies mix the two: ``"You need … robots too.”``). A closing mark with none
    open (an inch mark) and an opening mark never closed are passed over."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _MARKS.finditer(text, start, end):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > start else " "
        if opened < 0:
            if ch == "“" or (ch == '"' and (before.isspace() or before in "([—–-")):
                opened = i
        elif ch == "“":
            opened = i  # a new quotation: the one before never closed
        elif not before.isspace():
            spans.append((opened, i))
            opened = -1
    return [s for s in spans if s[1] - s[0] <= _LONGEST]


def quoted_continuations(sentences: Sequence[Sentence], text: str, start: int, end: int) -> None:
    """Mark as no claim each unmarked sentence of a paragraph (``text[start:end]``) that
    opens inside a quotation begun in an earlier sentence (see the module)."""
    if len(sentences) < 2 or ('"' not in text[start:end] and "“" not in text[start:end]):
        return
    spans = quotations(text, start, end)
    if not spans:
        return
    opening = [o for o, _ in spans]  # in order, the quotations apart from one another
    for sentence in sentences[1:]:
        if not sentence.claim or sentence.markers:
            continue
        lead = sentence.start
        while lead < sentence.end and text[lead].isspace():
            lead += 1
        k = bisect_left(opening, sentence.start) - 1  # the last quotation opened before it
        if k >= 0 and lead < spans[k][1]:
            sentence.claim = False
