"""Sentence segmentation with sentencex, markers taken out before and mapped back after.

Marker groups (with the space before them) are removed from a block's text, the rest is
segmented, and every boundary is mapped back to the original offsets. A group that follows a
sentence's full stop therefore ends that sentence instead of opening the next one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sentencex import get_sentence_boundaries

from citecheck.model import Marker

_LIST_NUMBER = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s*$", re.I)
# Closing parenthesis or quote after terminal punctuation, then a capitalised word.
_MISSED = re.compile(r"[.!?][)\"”’]\s+(?=[\"“‘(]?[A-Z])")


def _strip_markers(
    text: str, start: int, end: int, markers: list[Marker]
) -> tuple[str, list[int], list[int]]:
    """Remove marker groups and the blanks before them; return text and an offset map."""
    parts: list[str] = []
    cuts: list[int] = []  # positions in the stripped text where something was removed
    shifts: list[int] = []  # total characters removed up to and including that cut
    pos, removed, length = start, 0, 0
    for marker in markers:
        cut_from = marker.start
        while cut_from > pos and text[cut_from - 1] in " \t":
            cut_from -= 1
        parts.append(text[pos:cut_from])
        length += cut_from - pos
        removed += marker.end - cut_from
        cuts.append(length)
        shifts.append(removed)
        pos = marker.end
    parts.append(text[pos:end])
    return "".join(parts), cuts, shifts


def _to_original(i: int, start: int, cuts: list[int], shifts: list[int], after: bool) -> int:
    """Map a stripped offset back; ``after`` puts a boundary past removed markers."""
    k = bisect_right(cuts, i) if after else bisect_right(cuts, i - 1)
    return start + i + (shifts[k - 1] if k else 0)


def _pieces(stripped: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for b in get_sentence_boundaries("en", stripped):
        s, e = b["start_index"], b["end_index"]
        for m in _MISSED.finditer(stripped, s, e):
            spans.append((s, m.end()))
            s = m.end()
        spans.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _LIST_NUMBER.match(stripped[merged[-1][0] : merged[-1][1]]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def segment(text: str, start: int, end: int, markers: list[Marker]) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in ``text[start:end]``, markers included."""
    inside = [m for m in markers if start <= m.start and m.end <= end]
    stripped, cuts, shifts = _strip_markers(text, start, end, inside)
    out: list[tuple[int, int]] = []
    for s, e in _pieces(stripped):
        os_ = _to_original(s, start, cuts, shifts, after=bool(out))
        oe = _to_original(e, start, cuts, shifts, after=True)
        chunk = text[os_:oe]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if oe - trail > os_ + lead:
            out.append((os_ + lead, oe - trail))
    return out
