"""Sentence segmentation with sentencex, markers taken out before and mapped back after.

Marker groups and placeholders (with the space before them) are removed from a block's text,
the rest is segmented, and every boundary is mapped back to the original offsets. A group
that follows a sentence's full stop therefore ends that sentence instead of opening the next
one; a group between terminal punctuation and a capitalised word is a boundary even where
sentencex reads the full stop as an abbreviation's (``…into the U.K. [7] Staff said…``).

sentencex errs both ways on news prose, so its pieces are adjusted: ordinary words it takes
for abbreviations (``in May. Economists…``, ``say no. Supporters…``) and a Unicode
ellipsis before a capital outside a quotation end a sentence; each item of an inline
enumeration (``1) The first item 2) The second item``, see :mod:`.enumeration`) is a
sentence. A piece that ends with an abbreviation that never ends a sentence (``approx.``,
``Dr.``) or does not before this continuation (``Tab. 4 shows…``, ``& Co. at noon``; see
:mod:`.abbreviations`), a bare list number (``1.``, ``Step 2.``), a number before a
lower-case continuation (``parts: 1. a tax cut``) or three spaced dots (``weakened . . .
was``) runs on into the next, as does a piece cut inside a dotted initialism (``non-U.`` |
``S. profits``; ``the U.S.`` | ``National Security Agency``; see
:mod:`citecheck.text.initialisms`).
Spaced dots after a full stop glued to a word (``compounds. . . . The practice``) open the
next sentence, as the pySBD golden rules write it; four spaced dots (``a period . . . .
Next``) end the sentence they close.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from citecheck.model import Marker, Placeholder
from citecheck.parser.abbreviations import (
    is_abbreviation,
    may_run_on,
    never_final,
    runs_on_before,
)
from citecheck.parser.ellipses import ends_in_omission, open_with_ellipses, quote_depth
from citecheck.parser.memo import current
from citecheck.parser.sentencex_chunks import boundaries
from citecheck.text.enumeration import enumeration, is_enumerator
from citecheck.text.initialisms import cut_inside
from citecheck.text.recache import lazy

_LIST_NUMBER = lazy(
    r"^(?:(?:Step|Part|Phase|Stage|Item|Option|Point|Question)\s+)?"
    r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.):]\s*$",
    re.I,
)
_NUMBER_END = lazy(r"(?<![\d.,])\d{1,3}\.\s*$")
_LOWER_START = lazy(r"^\s*[a-z]")
_CAPITAL = r"(?=[\"“‘(]?[A-Z])"
# A boundary sentencex missed: a closing bracket or quote after terminal punctuation, a
# Unicode ellipsis, a URL and full stop, or a plain word and full stop (checked against the
# abbreviations below), each followed by a capitalised word.
_MISSED = lazy(
    r"(?:[.!?][)\"”’]+|…|(?:https?://|www\.)\S{0,200}?[^\s.]\.|(?<![\w.’'-])(?P<word>[A-Za-z]+)\.)"
    rf"\s+{_CAPITAL}"
)
# What every boundary of ``_MISSED`` contains: a cheap test before the costly search.
_MAYBE_MISSED = lazy(r"[.!?…)\"”’]\s+[\"“‘(]?[A-Z]")
_TERMINAL_END = lazy(r"(?:[.!?…]|\.\.\.)[)\"”’»]*$")
_NEXT_OPENS = lazy(rf"\s+{_CAPITAL}")
_TAIL = 200
_NOT_BLANK = lazy(r"\S")
_SENTENCE_END = lazy(r"[.!?…][\"'”’)\]»]*\s*$")
_LAST_WORD = lazy(r"(?<![\w.])([^\W\d_]+)\.\s*$")  # letters of any script (``тыс.``)
_LETTERS = lazy(r"[^\W\d_]+")
_WORD_SPAN = 40

Removable = Marker | Placeholder
_SEGMENT = "segment"  # a memo's key for spans


def _strip(
    text: str, start: int, end: int, removed: Sequence[Removable]
) -> tuple[str, list[int], list[int]]:
    """Remove markers and placeholders and the blanks before them; return text and map."""
    parts: list[str] = []
    cuts: list[int] = []  # positions in the stripped text where something was removed
    shifts: list[int] = []  # total characters removed up to and including that cut
    pos, total, length = start, 0, 0
    for item in removed:
        if item.start < pos:
            continue
        cut_from = item.start
        while cut_from > pos and text[cut_from - 1] in " \t":
            cut_from -= 1
        parts.append(text[pos:cut_from])
        length += cut_from - pos
        total += item.end - cut_from
        cuts.append(length)
        shifts.append(total)
        pos = item.end
    parts.append(text[pos:end])
    return "".join(parts), cuts, shifts


def _to_original(i: int, start: int, cuts: list[int], shifts: list[int], after: bool) -> int:
    """Map a stripped offset back; ``after`` puts a boundary past removed markers."""
    k = bisect_right(cuts, i) if after else bisect_right(cuts, i - 1)
    return start + i + (shifts[k - 1] if k else 0)


def _missed(stripped: str, s: int, e: int) -> list[int]:
    """Return the boundaries sentencex missed inside ``stripped[s:e]``.

    An ellipsis inside a quotation that is still open (``“We will fight … We will…”``)
    marks an omission, not the end of the sentence.
    """
    out: list[int] = []
    if not _MAYBE_MISSED.search(stripped, s, e):
        return out
    seen, depth = s, 0  # double quotes opened and not closed in stripped[s:seen]
    for m in _MISSED.finditer(stripped, s, e):
        word = m.group("word")
        if word is not None and is_abbreviation(word):
            continue
        if stripped[m.start()] == "…":
            depth += quote_depth(stripped, seen, m.start(), depth)
            seen = m.start()
            if depth > 0:
                continue
        out.append(m.end())
    return out


def _forced(stripped: str, cuts: list[int]) -> list[int]:
    """Return boundaries at removed groups that follow terminal punctuation and open a word."""
    out = []
    for cut in dict.fromkeys(cuts):  # adjacent groups share a cut: test it once
        if _TERMINAL_END.search(stripped, max(0, cut - 8), cut) and _NEXT_OPENS.match(
            stripped, cut
        ):
            out.append(cut)
    return out


def _runs_on(piece: str, following: str, whole: bool = True) -> bool:
    """Whether a piece cannot end a sentence and continues into the following one.

    ``piece`` may be only the tail of a longer piece (``whole`` false): a match at its very
    start then proves nothing, since the text before it is not seen.
    """
    if whole and _LIST_NUMBER.match(piece):
        return True
    if cut_inside(piece, following):
        return True  # ``non-U.`` | ``S. profits``, ``the U.S.`` | ``National …``
    # The patterns below end in a full stop and blanks: each is searched for only near the
    # end of the piece, where a match must start.
    last = len(piece.rstrip())
    if not last or piece[last - 1] != ".":
        return False
    # Spaced dots and a number end with a blank or a digit before the full stop, not a letter.
    if not piece[last - 2 : last - 1].isalpha():
        if ends_in_omission(piece, last):
            return True
        m = _NUMBER_END.search(piece, max(0, last - 4))
        if m and (whole or m.start()) and _LOWER_START.match(following):
            return True
    # The usual end, a word of letters after a blank, decides at once when no abbreviation
    # rule knows that word; anything else goes to the search.
    word = piece[:last].rsplit(None, 1)[-1][:-1]
    if word.isascii() and word.isalpha() and not may_run_on(word):
        return False
    m = _LAST_WORD.search(piece, max(0, last - _WORD_SPAN))
    if m is None and last > _WORD_SPAN and _LETTERS.fullmatch(piece, last - _WORD_SPAN, last - 1):
        m = _LAST_WORD.search(piece)  # a word longer than the span searched
    if not m or not (whole or m.start()):
        return False
    return never_final(m.group(1)) or runs_on_before(m.group(1), following)


def _tail(text: str, start: int, end: int) -> tuple[str, bool]:
    """The end of ``text[start:end]`` that decides whether it runs on, and if it is all.

    Pieces that run on are merged and grow; testing only their tail keeps the merge linear.
    """
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    begin = max(start, last - _TAIL)
    return text[begin:end], begin == start


def _pieces(stripped: str, forced: list[int], label: str) -> list[tuple[int, int]]:
    items = dict(enumeration(stripped, label=label))  # enumerator start -> end
    splits = sorted({*forced, *items})
    spans: list[tuple[int, int]] = []
    for begin, e in boundaries(stripped):
        s = begin
        inside = splits[bisect_right(splits, s) : bisect_left(splits, e)]
        last = s + len(stripped[s:e].rstrip())  # text after p is not blank iff p < last
        missed = _missed(stripped, s, e)
        for p in sorted({*missed, *inside}) if missed or inside else ():
            if p < last and stripped[s:p].strip():
                spans.append((s, p))
                s = p
        spans.append((s, e))
    open_with_ellipses(stripped, spans)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _joined(stripped, items, merged[-1], s, e):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _joined(
    stripped: str, items: dict[int, int], previous: tuple[int, int], s: int, e: int
) -> bool:
    """Whether the piece ``s:e`` continues the merged piece ``previous``.

    A piece that opens an enumeration's item never continues; a piece that holds only an
    enumerator (``1.)``, ``• 9.``) always runs on into its item. sentencex cuts before
    any ``2)`` that precedes a capital; outside an enumeration of sentences that cut
    stands only after terminal punctuation (``…or 2) Google`` continues).
    """
    lead = _lead(stripped, s, e)
    if items:
        if lead in items:
            return False
        head = _lead(stripped, *previous)
        if head in items and not stripped[items[head] : s].strip():
            return True
    tail, whole = _tail(stripped, *previous)
    following = stripped[s:e]
    if is_enumerator(stripped, lead) and not _SENTENCE_END.search(tail):
        return True
    return _runs_on(tail, following, whole)


def _lead(text: str, s: int, e: int) -> int:
    """The first offset in ``text[s:e]`` that is not blank (``e`` if there is none)."""
    m = _NOT_BLANK.search(text, s, e)
    return m.start() if m else e


def segment(
    text: str, start: int, end: int, markers: Sequence[Removable], label: str = ""
) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in ``text[start:end]``, markers included.

    ``markers`` may hold placeholders too: they stay with the sentence they follow.
    ``label`` is the list-item label before the text (``1)``, ``a.``), if it is an item's.
    The spans depend on ``text[start:end]``, the markers' spans within it and ``label``
    alone: under a :mod:`~citecheck.parser.memo` they are kept by those.
    """
    inside = sorted((m for m in markers if start <= m.start and m.end <= end), key=_start)
    memo = current()
    if memo is None:
        return _segment(text, start, end, inside, label)
    key = (_SEGMENT, text[start:end], tuple((m.start - start, m.end - start) for m in inside))
    spans = memo.get(
        (*key, label), lambda: _relative(_segment(text, start, end, inside, label), start)
    )
    return [(start + s, start + e) for s, e in spans]


def _relative(spans: list[tuple[int, int]], start: int) -> tuple[tuple[int, int], ...]:
    return tuple((s - start, e - start) for s, e in spans)


def _segment(
    text: str, start: int, end: int, inside: list[Removable], label: str
) -> list[tuple[int, int]]:
    stripped, cuts, shifts = _strip(text, start, end, inside)
    starts = [m.start for m in inside]
    out: list[tuple[int, int]] = []
    for s, e in _pieces(stripped, _forced(stripped, cuts), label):
        if cuts:
            os_ = _to_original(s, start, cuts, shifts, after=bool(out))
            oe = _to_original(e, start, cuts, shifts, after=True)
        else:  # nothing was removed: offsets are only shifted by the block's start
            os_, oe = start + s, start + e
        chunk = text[os_:oe]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        # A marker may be blank in ``text`` (a Markdown link label): keep it in its sentence.
        mine = inside[bisect_left(starts, os_) : bisect_left(starts, oe)] if inside else ()
        last = max(m.end for m in mine) if mine else 0
        if mine:  # a sentence that opens with a blank marker opens at the marker
            lead = min(lead, mine[0].start - os_)
        if oe - trail > os_ + lead:
            out.append((os_ + lead, max(oe - trail, min(last, oe))))
    return out


def _start(item: Removable) -> int:
    return item.start
