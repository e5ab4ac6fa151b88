"""Running heads that a PDF extract repeats word for word, digits and all, with no page
mark between them: an Elsevier paper's ``A.S. Alqarawi et al.`` over ``Computers and
Geotechnics 130 (2021) 103926`` over the page number, on every page but the first.

A line counts when it recurs (spaces aside) four times or more, mostly one a page
(:data:`_PAGE_LINES` lines apart or more), and on most of its pages stands next to a page
number alone on its line, or in a stack of such lines (three at most) that a page number
closes: the head of a page. A refrain or a repeated table header has no page number
beside it. Used by
:func:`citecheck.reader.pagemarks.furniture`.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from citecheck.text.recache import lazy

_LEAST = 4
_PAGE_LINES = 15
_SHORTEST, _LONGEST = 12, 90
_STACK = 3  # lines of a page's head at most, its page number aside
_SPACES = lazy(r"\s+")
_LETTERS = lazy(r"[^\W\d_]{2,}")
_PAGE_NUMBER = lazy(r"^\s*\d{1,4}\s*$")


def stacked_heads(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes (into ``lines``, (start, end) pairs of ``text``) of the lines of running
    heads stacked with a page number, and of those page numbers (see the module docs)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (s, e) in enumerate(lines):
        if e - s < _SHORTEST:
            continue
        line = text[s:e].strip()
        # one long word is a head too: a German thesis's "Quellenverzeichnis" over "88"
        if _SHORTEST <= len(line) <= _LONGEST and _LETTERS.search(line):
            groups[_SPACES.sub(" ", line)].append(i)
    heads = {
        i
        for members in groups.values()
        if len(members) >= _LEAST and _spread(members)
        for i in members
    }
    if not heads:
        return set()
    found: set[int] = set()
    for members in groups.values():
        if not heads.issuperset(members):
            continue
        beside = [_beside(text, lines, i, heads) for i in members]
        if sum(1 for b in beside if b is not None) * 4 >= len(members) * 3:
            found.update(members)
            found.update(j for b in beside if b for j in b if _number(text, lines, j))
            found.difference_update(_headings(members, beside))
    return found


def _headings(members: list[int], beside: list[list[int] | None]) -> list[int]:
    """The members that open a page under its head: the same words just below the page
    number that closes the head above them ("Quellenverzeichnis", "88", "Quellenverzeichnis"):
    the chapter's own heading, which the head repeats on the chapter's first page."""
    closing = {b[-1] for b, i in zip(beside, members, strict=True) if b and b[-1] > i}
    return [i for b, i in zip(beside, members, strict=True) if b and b[-1] < i and b[-1] in closing]


def _spread(members: list[int]) -> bool:
    """Whether three gaps in four between recurring lines are a page long (a page that
    holds only a figure is shorter)."""
    gaps = [b - a for a, b in pairwise(members)]
    return sum(1 for gap in gaps if gap >= _PAGE_LINES) * 4 >= len(gaps) * 3


def _number(text: str, lines: list[tuple[int, int]], j: int) -> bool:
    return bool(_PAGE_NUMBER.match(text[lines[j][0] : lines[j][1]]))


def _beside(text: str, lines: list[tuple[int, int]], i: int, heads: set[int]) -> list[int] | None:
    """The lines that make a page's head with line ``i``: the recurring lines next to it
    (three at most in all) and the page number alone on its line just above or below them;
    None when no page number closes the stack."""
    lo = hi = i
    while lo - 1 in heads and hi - lo < _STACK - 1:
        lo -= 1
    while hi + 1 in heads and hi - lo < _STACK - 1:
        hi += 1
    for j in (lo - 1, hi + 1):
        if 0 <= j < len(lines) and _number(text, lines, j):
            return [*range(lo, hi + 1), j]
    return None
