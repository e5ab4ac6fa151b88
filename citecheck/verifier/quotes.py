"""Quotations in a claim, and where (or whether) a source printed them.

``quotations(claim)`` finds the quoted spans of at least ``min_words`` words, in straight
("…") or curly (“…”, ‘…’) double or single quotes and guillemets. A single straight quote only
opens after a space or an opening bracket, so apostrophes ("Rock'n'roll") open nothing.

``find_quote(quote, text)`` compares with whitespace, dashes, quote marks and case normalised.
An ellipsis ("...", "…", ". . .") or an editorial bracket ("[…]", "[the committee]") inside the
quote is a gap: the pieces around it must all be found, in order, within a few hundred
characters of one another. A near match (rapidfuzz's best partial alignment, score at least
``NEAR``) counts only when its digits and its negations ("not", "no", "never", "n't",
"without", …) are the same as the quote's, so "rose 41%" never passes for "rose 14%" and
"did not agree" never for "did agree". The result always carries the closest passage: for a
quote not found, the alignment or a quotation the source prints, whichever is nearer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload

NEAR = 90.0
"""Least rapidfuzz partial ratio (0-100) of a near match: a letter or two of spelling."""
MAX_GAP = 400
"""Most characters allowed between two pieces of a quote cut by an ellipsis."""

_QUOTES = re.compile(
    r"\"(?P<a>[^\"\n]+)\"|“(?P<b>[^”\n]+)”|„(?P<c>[^“”\n]+)[“”]|«\s?(?P<d>[^»\n]+?)\s?»"
    r"|(?:(?<=^)|(?<=[\s(\[]))[‘'](?P<e>[^‘’'\n]+?)[’'](?![\w])"
)
_DASHES = str.maketrans(
    dict.fromkeys("-‐‑‒–—―−", " ") | dict.fromkeys("“”„«»″", '"') | dict.fromkeys("‘’‚′`", "'")
)
_SPACE = re.compile(r"\s")
_DROP = re.compile(r"(?:^|(?<= )) ")
_GAP = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[[^\]]*\])\s*")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|none|nobody|nothing|nowhere|without|cannot)\b|n't\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span of a claim: the words inside the quote marks and their offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote was found in a text (offsets into it), or the closest passage if not."""

    found: bool
    start: int
    end: int
    closest: str
    score: float = 0.0
    """100 for a verbatim match (after normalisation), the rapidfuzz ratio otherwise."""


def quotations(claim: str, min_words: int = 4) -> list[Quote]:
    """Return the quotations of a claim that have at least ``min_words`` words, in order."""
    found = []
    for match in _QUOTES.finditer(claim):
        group = next(g for g in ("a", "b", "c", "d", "e") if match.group(g) is not None)
        inner = match.group(group)
        if len(_WORD.findall(inner)) >= min_words:
            found.append(Quote(inner, match.start(group), match.end(group)))
    return found


def _normal_char(char: str) -> str:
    """Return the normalised form of one character ("" to drop, " " for any space)."""
    if char.isspace():
        return " "
    return char.translate(_DASHES).casefold()  # a dash is a space: "Trump-whisperer"


class _Offsets(Sequence[int]):
    """For each character of a normalised text, the offset it came from: kept runs of the
    original text, so a megabyte of source costs a few numbers instead of a tuple of ints."""

    __slots__ = ("_length", "_origins", "_starts")

    def __init__(self, runs: list[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._origins: list[int] = []
        at = 0
        for start, end in runs:
            self._starts.append(at)
            self._origins.append(start)
            at += end - start
        self._length = at

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + index - self._starts[run]


@lru_cache(maxsize=64)
def _normalise(text: str) -> tuple[str, Sequence[int]]:
    """Return a normalised text and, for each of its characters, the offset it came from.

    Whole-text ``str`` operations do the work of :func:`_normal_char` on each character:
    ``\\s`` is ``str.isspace`` and case folding maps each character on its own; a space
    at the start or after a space is dropped. A text in which case folding lengthens a
    character ("ß" is "ss") goes character by character."""
    spaced = _SPACE.sub(" ", text).translate(_DASHES)
    folded = spaced.casefold()
    if len(folded) != len(spaced):
        return _normalise_each(text)
    runs: list[tuple[int, int]] = []
    at = 0
    for drop in _DROP.finditer(folded):
        if drop.start() > at:
            runs.append((at, drop.start()))
        at = drop.end()
    if at < len(folded):
        runs.append((at, len(folded)))
    return "".join(folded[start:end] for start, end in runs), _Offsets(runs)


def _normalise_each(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`_normalise` one character at a time (a character may fold into several)."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        norm = _normal_char(char)
        if norm == " " and (not out or out[-1] == " "):
            continue
        for piece in norm:
            out.append(piece)
            where.append(index)
    return "".join(out), tuple(where)


def _pieces(quote: str) -> list[str]:
    """Split a quote at its gaps into normalised pieces, without edge punctuation."""
    pieces = []
    for part in _GAP.split(quote):
        norm = _normalise(part)[0].strip(" \"',.;:!?")
        if norm:
            pieces.append(norm)
    return pieces


def _exact(pieces: list[str], norm: str) -> tuple[int, int] | None:
    """Find the pieces in order, each within MAX_GAP of the last; return the normalised span."""
    first = norm.find(pieces[0])
    while first >= 0:
        end = first + len(pieces[0])
        for piece in pieces[1:]:
            at = norm.find(piece, end, end + MAX_GAP + len(piece))
            if at < 0:
                break
            end = at + len(piece)
        else:
            return first, end
        first = norm.find(pieces[0], first + 1)
    return None


def _same_facts(quote: str, passage: str) -> bool:
    """Whether a quote and a passage have the same digits and the same negations."""
    digits = re.findall(r"\d+", quote) == re.findall(r"\d+", passage)
    negations = [m.lower() for m in _NEGATION.findall(quote)]
    return digits and negations == [m.lower() for m in _NEGATION.findall(passage)]


def _widen(norm: str, start: int, end: int) -> tuple[int, int]:
    """Stretch a normalised span to whole words."""
    while start > 0 and norm[start - 1].isalnum():
        start -= 1
    while end < len(norm) and norm[end].isalnum():
        end += 1
    return start, end


def find_quote(quote: str, text: str) -> QuoteMatch:
    """Find a quote in a text: verbatim after normalisation, or a near match of the same facts.

    Offsets are into ``text``; ``closest`` is the matched or nearest passage of ``text``.
    """
    pieces = _pieces(quote)
    norm, where = _normalise(text)
    if not pieces or not norm:
        return QuoteMatch(False, 0, 0, "", 0.0)
    span = _exact(pieces, norm)
    if span is not None:
        start, end = where[span[0]], where[span[1] - 1] + 1
        return QuoteMatch(True, start, end, text[start:end], 100.0)
    from rapidfuzz import fuzz

    joined = " ".join(pieces)
    hit = fuzz.partial_ratio_alignment(joined, norm, processor=None)
    if hit is None:
        return QuoteMatch(False, 0, 0, "", 0.0)
    lo, hi = _widen(norm, hit.dest_start, max(hit.dest_end, hit.dest_start + 1))
    start, end = where[lo], where[min(hi, len(where)) - 1] + 1
    while start < end and text[start].isspace():
        start += 1
    passage = text[start:end]
    ok = hit.score >= NEAR and _same_facts(joined, _normalise(passage)[0])
    if not ok:
        start, end = _closest(joined, text, (start, end))
    return QuoteMatch(ok, start, end, text[start:end], round(hit.score, 1))


def _closest(joined: str, text: str, aligned: tuple[int, int]) -> tuple[int, int]:
    """The passage nearest a quote that was not found: the best partial alignment, or a
    quotation the source prints itself when that is nearer (rapidfuzz ratio of the whole
    passage), since a misquoted phrase was most often a quoted phrase there too."""
    from rapidfuzz import fuzz

    best, score = aligned, fuzz.ratio(joined, _normalise(text[slice(*aligned)])[0])
    for quote in quotations(text, 1):
        near = fuzz.ratio(joined, _normalise(quote.text)[0].strip(" \"',.;:!?"))
        if near > score:
            best, score = (quote.start, quote.end), near
    return best
