"""Quotations as words: where a claim quotes, and the words a quote and a source are
compared by (see :mod:`citecheck.verifier.quotes` for the rules)."""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from citecheck.text.recache import lazy

MAX_GAP = 400
"""Most characters (of the normalised source) that an ellipsis may stand for."""
MAX_INSERTION = 60
"""Most characters (of the normalised source) that an editorial bracket may replace."""

_QUOTES = lazy(
    r"\"(?P<a>[^\"\n]+)\"|“(?P<b>[^”\n]+)”|„(?P<c>[^“”\n]+)[“”]|«\s?(?P<d>[^»\n]+?)\s?»"
    r"|(?:(?<=^)|(?<=[\s(\[]))[‘'](?P<e>[^‘’'\n]+?)[’'](?![\w])"
)
_WORD = lazy(r"\w+(?:['’]\w+)*")
_TOKEN = lazy(r"\w+(?:['’ʼ]\w+)*(?:[.,]\d+)*|[%‰$€£¥]")
"""A word as quotes are compared: letters and digits with inner apostrophes, a number
whole ("41.3", "2,500"), or a sign that is part of a number ("%", "$")."""
_ELLIPSIS = r"\.\s?\.\s?\.|…|[\[(]\s*(?:\.\s?\.\s?\.|…)\s*[\])]"
_CUT = lazy(rf"(?P<elision>{_ELLIPSIS})|(?<!\w)\[(?P<insert>[^\]]*)\](?!\w)")
_INWORD = lazy(r"\[(\w{1,3})\]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span of a claim: the words inside the quote marks and their offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Change:
    """Words that differ between a quote and its closest passage: ``quoted`` where the
    source has ``printed`` (either may be empty: a word added, or a word left out)."""

    quoted: str
    printed: str


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote was found in a text (offsets into it), or the closest passage if not."""

    found: bool
    start: int
    end: int
    closest: str
    score: float = 0.0
    """100 for a match word for word, the similarity (0-100) of the closest passage else."""
    changes: tuple[Change, ...] = ()
    """For a quote not found: the words in which it differs from ``closest``."""


def quotations(claim: str, min_words: int = 4) -> list[Quote]:
    """Return the quotations of a claim that have at least ``min_words`` words, in order."""
    found = []
    for match in _QUOTES.finditer(claim):
        group = next(g for g in ("a", "b", "c", "d", "e") if match.group(g) is not None)
        inner = match.group(group)
        if len(_WORD.findall(inner)) >= min_words:
            found.append(Quote(inner, match.start(group), match.end(group)))
    return found


_THOUSANDS = lazy(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def fold(word: str) -> str:
    """Return a word as quotes compare it: NFKC, case folded, one kind of apostrophe, and a
    number without its thousands commas ("1,500" is "1500": the same figure, printed)."""
    if not word.isascii():
        word = unicodedata.normalize("NFKC", word).replace("’", "'").replace("ʼ", "'")
    if "," in word and _THOUSANDS.fullmatch(word):
        word = word.replace(",", "")
    return "".join(word.casefold().split())


@dataclass(frozen=True, slots=True)
class Words:
    """A text as words: ``joined`` holds the folded words with one space between, and for
    word ``i``, ``at[i]`` is where it starts in ``joined`` and ``spans[2i:2i+2]`` where it
    stands in the text (arrays, so a long page costs a few bytes a word)."""

    joined: str
    at: array[int]
    spans: array[int]

    def __len__(self) -> int:
        return len(self.at)

    def word_at(self, position: int) -> int:
        """The index of the word that holds (or last starts before) a position of joined."""
        return max(0, bisect_right(self.at, position) - 1)

    def folded(self, first: int, last: int) -> list[str]:
        """The folded words ``first`` to ``last`` (exclusive)."""
        if first >= last:
            return []
        stop = self.joined.find(" ", self.at[last - 1])
        end = len(self.joined) if stop < 0 else stop
        return self.joined[self.at[first] : end].split(" ")

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in the text from the start of word ``first`` to the end of ``last - 1``."""
        return self.spans[2 * first], self.spans[2 * last - 1]


def split_words(text: str) -> Words:
    """Split a text into the words quotes are compared by."""
    at: array[int] = array("q")
    spans: array[int] = array("q")
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        word = fold(match.group())
        if not word:
            continue
        at.append(position)
        spans.extend((match.start(), match.end()))
        parts.append(word)
        position += len(word) + 1
    return Words(" ".join(parts), at, spans)


words = lru_cache(maxsize=64)(split_words)
""":func:`split_words`, cached for sources: every claim citing a source asks again."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a quote between two cuts: its folded words (``needle``), the words as
    the quote writes them, and how far after the end of the last piece it may start."""

    needle: str
    written: tuple[str, ...]
    reach: int


def pieces(quote: str) -> list[Piece]:
    """Cut a quote at its elisions and insertions into pieces of folded words."""
    out: list[Piece] = []
    reach = 0  # the first piece may start anywhere; see _exact
    at = 0
    for cut in [*_CUT.finditer(quote), None]:
        chunk = _INWORD.sub(r"\1", quote[at : cut.start() if cut else len(quote)])
        written = tuple(m.group() for m in _TOKEN.finditer(chunk) if fold(m.group()))
        if written:
            out.append(Piece(" ".join(fold(w) for w in written), written, reach))
            reach = 0
        if cut is not None:
            reach += MAX_GAP if cut.group("elision") else MAX_INSERTION
            at = cut.end()
    return out
