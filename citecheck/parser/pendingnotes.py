"""Notes that ask for their own source: ``.. [#] Link needed.``, ``[^3]: By default PHP seeds
the MT PRNG with the time (citation needed), …``.

A note is read as a note whatever it says, and the call before it cites it; but a note
whose words say its source is still to be found (see
:func:`citecheck.parser.sourcelike.pending_source`) is a placeholder as much as
``[citation needed]`` in the prose is: the claim that calls it has no source yet. Each such
note adds a :class:`~citecheck.model.Placeholder` over those words, which the
``citation-needed`` rule reports.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document, Placeholder
from citecheck.parser.sourcelike import pending_source
from citecheck.text.recache import lazy

# The note's label where its text is written after it: ``[^2]:``, ``.. [#]``, ``[Footnote 2:``
_LABEL = lazy(r"\s*(?:\[\^[^\]\n]*\]:|\.\.[ \t]+\[[^\]\n]*\]|\[Footnote[^:\n]{1,12}:)?\s*")


def pending_notes(doc: Document) -> None:
    """Add a placeholder for each footnote whose text asks for its source and that a marker
    calls, in place (a note no call reaches, its call in a code span, asks nothing of a
    claim)."""
    added: list[Placeholder] = []
    held = [(p.start, p.end) for p in doc.placeholders]
    called = {k for m in doc.markers for k in m.keys}
    for ref in doc.references:
        if ref.kind is not BlockKind.FOOTNOTE:
            continue
        if ref.key not in called and str(ref.number) not in called:
            continue
        lead = _LABEL.match(doc.text, ref.start, ref.end)
        start = lead.end() if lead else ref.start
        span = pending_source(doc.text[start : ref.end])
        if span is not None:
            s, e = start + span[0], start + span[1]
            if not any(a < e and s < b for a, b in held):  # "[citation needed]" is held
                added.append(Placeholder(s, e, doc.text[s:e]))
    if added:
        doc.placeholders = sorted([*doc.placeholders, *added], key=lambda p: p.start)
