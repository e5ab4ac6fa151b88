"""The markers of a block kept across checks under a :mod:`~citecheck.parser.memo` (the
language server): a block whose characters, surroundings and links are as in the last
check, in a document whose references and habits are too, has the markers it had, moved
to where it now stands."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from citecheck.model import Block
from citecheck.parser.markers import Scan
from citecheck.parser.markerset import moved
from citecheck.parser.memo import Memo

if TYPE_CHECKING:
    from citecheck.parser.finder import MarkerFinder

__all__ = ["kept"]

_MARKERS = "markers"  # a memo's key for a block's markers
_AROUND = 64  # characters either side of a block that its markers may be read from


def kept(finder: MarkerFinder, memo: Memo, block: Block) -> Scan:
    """The markers of a block as the last check found them, moved to where the block
    now stands, when everything they were read from is unchanged: the block's text
    and masked text with :data:`_AROUND` characters either side (from its line's
    start), its reference-style links, and all the document's markers depend on
    besides (:func:`_token`: the references, their labels and numbers, the habits).
    A table cell, a block with an inline link (which may add a linked source to the
    list) or a raised number (read from the tags around it) is scanned afresh."""
    lo_in = bisect_left(finder.inline_starts, block.content_start)
    if block.cell or lo_in < bisect_left(finder.inline_starts, block.end):
        return finder.scan_block(block)
    if finder.sups and any(block.start <= s < block.end for s, _ in finder.sups):
        return finder.scan_block(block)
    base = block.content_start
    text = finder.doc.text
    lo = max(0, min(text.rfind("\n", 0, block.start) + 1, base - _AROUND))
    hi = block.end + _AROUND
    first = bisect_left(finder.link_starts, lo)
    last = bisect_left(finder.link_starts, hi)
    links = tuple((s - base, e - base, label) for s, e, label in finder.links[first:last])
    where = (base - lo, block.end - base)
    key = (_MARKERS, _token(finder, memo), where, text[lo:hi], finder.masked[lo:hi], links)
    kept: Scan = memo.get(key, lambda: moved(finder.scan_block(block), -base))
    return moved(kept, base)


def _token(finder: MarkerFinder, memo: Memo) -> object:
    """An object that stands for everything a block's markers are read from besides
    its own characters: the same object while all of it is as in the last check."""
    if finder.token is None:
        doc = finder.doc
        refs = tuple(
            (r.key, r.number, r.aliases, r.kind, r.section, r.text, r.title, r.outlet, r.year)
            for r in doc.references
        )
        more = tuple((r.authors, r.url, r.doi, r.note) for r in doc.references)
        rfcs = tuple(sorted(finder.rfcs.items()))
        state = (finder.labels, finder.numbers, finder.defined, finder.own, finder.headings, rfcs)
        habits = (
            finder.lettered,
            finder.glued,
            finder.spaced,
            finder.flat,
            finder.parens,
            finder.unlisted,
            finder.starred,
            finder.braced,
            finder.pointers,
        )
        found = (
            finder.citekeys is None,
            doc.explicit_numbers,
            finder.authoryear.listing,
            bool(doc.sections),
            doc.bibliography,
            finder.citekeys.outside if finder.citekeys is not None else None,
        )
        finder.token = memo.get((_MARKERS, refs, more, state, habits, found), object)
    return finder.token
