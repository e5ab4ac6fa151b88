"""Quotations in a claim, and whether a source printed them word for word.

``quotations(claim)`` finds the quoted spans of at least ``min_words`` words, in straight
("…") or curly (“…”, ‘…’) double or single quotes and guillemets. A single straight quote only
opens after a space or an opening bracket, so apostrophes ("Rock'n'roll") open nothing.

``find_quote(quote, text)`` passes a quote only when the source has its words, in order and
all of them, compared as words: case folded (and NFKC, so "ﬁ" is "fi"), curly and straight
apostrophes alike, dashes, quote marks, punctuation and runs of spaces between words ignored
("Trump—whisperer" is "Trump whisperer"), a number kept whole ("41.3"; "2,500" is "2500"). A near
spelling does not pass: one changed word, letter or digit is a misquote. Two marks cut a
quote into pieces that must each be found word for word, in order:

- an ellipsis ("...", "…", ". . .", "[…]", "[...]", "(…)") is an elision: the next piece
  starts within ``MAX_GAP`` characters of the end of the last (words left out);
- an editorial bracket standing as a word ("[the company] said", "[sic]") is an insertion
  that replaces at most ``MAX_INSERTION`` characters of the source (a name for "it", or
  nothing); a bracket inside a word ("[T]he", "organi[z]ation") only changes letters, so its
  brackets are dropped and its letters compared.

A quote not found carries the closest passage of the source (``closest.py``) and the words
that differ, so the message can say "tiny" where the source has "large".
"""

from __future__ import annotations

from citecheck.verifier.closest import closest
from citecheck.verifier.quotewords import (
    MAX_GAP,
    MAX_INSERTION,
    Change,
    Piece,
    Quote,
    QuoteMatch,
    pieces,
    quotations,
    words,
)

__all__ = ["MAX_GAP", "MAX_INSERTION", "Change", "Quote", "QuoteMatch", "find_quote", "quotations"]


def _find_word(joined: str, needle: str, start: int, stop: int) -> int:
    """The first position in [start, stop] where needle stands as whole words, or -1."""
    at = joined.find(needle, start)
    while 0 <= at <= stop:
        end = at + len(needle)
        if (at == 0 or joined[at - 1] == " ") and (end == len(joined) or joined[end] == " "):
            return at
        at = joined.find(needle, at + 1)
    return -1


def _exact(cuts: list[Piece], joined: str) -> tuple[int, int] | None:
    """Find the pieces in order, each within its reach of the last; the span in joined."""
    first = _find_word(joined, cuts[0].needle, 0, len(joined))
    while first >= 0:
        end = first + len(cuts[0].needle)
        for piece in cuts[1:]:
            at = _find_word(joined, piece.needle, end, end + 1 + piece.reach)
            if at < 0:
                break
            end = at + len(piece.needle)
        else:
            return first, end
        first = _find_word(joined, cuts[0].needle, first + 1, len(joined))
    return None


def find_quote(quote: str, text: str, nearest: bool = True) -> QuoteMatch:
    """Find a quote in a text word for word (see the module doc), or the closest passage.

    Offsets are into ``text``; ``closest`` is the matched or nearest passage of ``text``;
    ``changes`` the words in which a quote not found differs from it. With ``nearest``
    false, a quote not found comes back without a closest passage (cheaper: the caller
    only wants to know whether the source prints it).
    """
    cuts = pieces(quote)
    source = words(text)
    if not cuts or not source.joined:
        return QuoteMatch(False, 0, 0, "", 0.0)
    span = _exact(cuts, source.joined)
    if span is not None:
        first, last = source.word_at(span[0]), source.word_at(span[1] - 1) + 1
        start, end = source.span(first, last)
        return QuoteMatch(True, start, end, text[start:end], 100.0)
    return closest(cuts, text, source) if nearest else QuoteMatch(False, 0, 0, "", 0.0)
