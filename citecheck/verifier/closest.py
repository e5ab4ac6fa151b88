"""The passage of a source nearest a quote it does not print, and the words that differ.

rapidfuzz's best partial alignment (``fuzz.partial_ratio_alignment``, the substring of the
source with the highest Indel similarity to the quote) places the passage; its edges are then
moved, a few words either way, to the window of whole words whose word-level similarity
(``difflib.SequenceMatcher`` over words, Ratcliff/Obershelp) is highest. A quotation the
source prints itself wins when it is nearer, since a misquoted phrase was most often a quoted
phrase there too ("Trump whisperer" for the page's "Trump tamer"). The differences are the
non-equal blocks of the same word-level comparison: a word the quote has where the source
has another, a word the quote adds, a word it leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from citecheck.verifier.quotewords import (
    Change,
    Piece,
    Quote,
    QuoteMatch,
    Words,
    quotations,
    split_words,
)

SLACK = 3
"""How many words each edge of the aligned passage may move."""


def _ratio(quote: Sequence[str], passage: Sequence[str]) -> float:
    return SequenceMatcher(None, quote, passage, autojunk=False).ratio()


def _likeness(quote: Sequence[str], passage: Sequence[str]) -> tuple[float, int, float]:
    """Words in common less half a word for each word of length the two differ by, then
    the fewer places that differ (one changed word rather than one added and one lost),
    then the letters in common (rapidfuzz's ratio: "Cleaner" is nearer "Greener")."""
    from rapidfuzz import fuzz

    matcher = SequenceMatcher(None, quote, passage, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    places = sum(1 for op in matcher.get_opcodes() if op[0] != "equal")
    letters = fuzz.ratio(" ".join(quote), " ".join(passage))
    return common - 0.5 * abs(len(passage) - len(quote)), -places, letters


def _window(quote: list[str], source: Words, first: int, last: int) -> tuple[int, int]:
    """The window of whole words near ``first:last`` most like the quote: the most words in
    common, less half a word for each word of length it differs by (so "in 2020" stays in
    the passage for a quote of "in 2021", and a stray "the" beyond it does not come in)."""
    best, best_key = (first, last), (-float("inf"), 0, 0.0)
    for lo in range(max(0, first - SLACK), min(len(source), first + SLACK + 1)):
        for hi in range(max(lo + 1, last - SLACK), min(len(source), last + SLACK) + 1):
            key = _likeness(quote, source.folded(lo, hi))
            if key > best_key:
                best, best_key = (lo, hi), key
    return best


def _aligned(quote: list[str], source: Words) -> tuple[int, int, tuple[float, int, float]]:
    """The word window of the source nearest the quote and its :func:`_likeness`."""
    from rapidfuzz import fuzz

    hit = fuzz.partial_ratio_alignment(" ".join(quote), source.joined, processor=None)
    if hit is None:
        return 0, 0, (-float("inf"), 0, 0.0)
    first = source.word_at(hit.dest_start)
    last = source.word_at(max(hit.dest_start, hit.dest_end - 1)) + 1
    lo, hi = _window(quote, source, first, last)
    return lo, hi, _likeness(quote, source.folded(lo, hi))


def _changes(
    quote: list[str], written: list[str], passage: list[str], printed: list[str], elided: bool
) -> tuple[tuple[int, int], tuple[Change, ...]]:
    """The differing words, and the passage's words trimmed of edges the quote lacks."""
    ops: list[tuple[str, int, int, int, int]] = []
    for op in SequenceMatcher(None, quote, passage, autojunk=False).get_opcodes():
        if ops and op[0] != "equal" and ops[-1][0] != "equal":  # a delete next to an insert
            last = ops.pop()
            ops.append(("replace", last[1], op[2], last[3], op[4]))
        else:
            ops.append(op)
    while ops and ops[0][0] == "insert":
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    if not ops:
        return (0, len(passage)), ()
    changes = tuple(
        Change(" ".join(written[i1:i2]), " ".join(printed[j1:j2]))
        for tag, i1, i2, j1, j2 in ops
        if tag != "equal" and not (elided and tag == "insert")
    )
    return (ops[0][3], ops[-1][4]), changes


@lru_cache(maxsize=32)
def _printed(text: str) -> tuple[tuple[Quote, Words], ...]:
    """The quotations a source prints, as words (cached: read once per source)."""
    return tuple((quote, split_words(quote.text)) for quote in quotations(text, 1))


def closest(cuts: list[Piece], text: str, source: Words) -> QuoteMatch:
    """The passage of ``text`` nearest a quote not found (cut into ``cuts``), as a
    :class:`QuoteMatch` with ``found`` false, the similarity (0-100) and the changes."""
    quote = " ".join(p.needle for p in cuts).split(" ")
    written = [w for p in cuts for w in p.written]
    lo, hi, score = _aligned(quote, source)  # score: likeness, in words
    passage, base = source, 0
    for printed, inner in _printed(text):
        near = _likeness(quote, inner.folded(0, len(inner)))
        if near > score:
            lo, hi, score, passage, base = 0, len(inner), near, inner, printed.start
    if hi <= lo:
        return QuoteMatch(False, 0, 0, "", 0.0)
    folded = passage.folded(lo, hi)
    shown = [text[slice(*(base + at for at in passage.span(i, i + 1)))] for i in range(lo, hi)]
    (keep_lo, keep_hi), changes = _changes(quote, written, folded, shown, len(cuts) > 1)
    start, end = passage.span(lo + keep_lo, lo + keep_hi)
    start, end = start + base, end + base
    similarity = _ratio(quote, folded[keep_lo:keep_hi])
    return QuoteMatch(False, start, end, text[start:end], round(100 * similarity, 1), changes)
