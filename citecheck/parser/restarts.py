"""Numbered lists that restart at 1, each answering the markers of the text before it.

An answer transcript copied from Perplexity or a similar engine ends every answer with its
own ``Citations:`` list numbered from 1; a book or a long report may end each chapter with
its notes numbered from 1. ``[2]`` in the third answer is the third list's second entry,
not the first list's. Read as one list, every later list is a run of "second definitions"
and every later marker cites the first answer's sources.

A document's numbered lists *restart* when there are at least two, each numbered from 1,
and body text with markers sits before each of them (after the list before it), most of
whose numbers the list holds. Each list
then serves the span from the end of the list before it (or the start of the document) to
its own start: the resolver looks a marker's key up in the list that serves it first (see
:func:`citecheck.resolver.resolve`). Lists of a document that does not restart (a wiki's
Notes then References, both at the end) keep serving the whole document.
"""

from __future__ import annotations

from bisect import bisect_left

from citecheck.model import Document, Section


def _numbered(doc: Document) -> dict[int, list[int]]:
    """Section index → the numbers of its numbered entries, in order."""
    out: dict[int, list[int]] = {}
    for ref in doc.references:
        if ref.section is not None and ref.key is not None and ref.key.isdigit():
            out.setdefault(ref.section, []).append(int(ref.key))
    return out


def restart_lists(doc: Document) -> None:
    """Set ``serves`` on each list of ``doc`` whose numbering restarts (in place)."""
    numbered = _numbered(doc)
    lists: list[Section] = [
        doc.sections[k] for k in sorted(numbered) if numbered[k] and numbered[k][0] == 1
    ]
    if len(lists) < 2 or len(lists) != len(numbered):
        return
    markers = sorted(doc.markers, key=lambda m: m.start)
    starts = [m.start for m in markers]
    begin = 0
    spans: list[tuple[int, int]] = []
    for k, section in zip(sorted(numbered), lists, strict=True):
        at = bisect_left(starts, begin)
        if at >= len(starts) or starts[at] >= section.start:
            return  # no marker before this list: lists at the end serve the whole document
        # Most numbers cited before the list must be its own: an appendix's notes 1)–3)
        # after a spec's references do not answer the [17] and [40] of the text above them.
        own = set(numbered[k])
        keys = [
            key
            for m in markers[at : bisect_left(starts, section.start)]
            for key in m.keys
            if key.isdigit()
        ]
        if 2 * sum(int(key) in own for key in keys) <= len(keys):
            return
        spans.append((begin, section.start))
        begin = section.end
    for section, span in zip(lists, spans, strict=True):
        section.serves = span
