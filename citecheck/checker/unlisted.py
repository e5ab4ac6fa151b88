"""Numbered callouts in parentheses in a text that has no reference list to resolve them.

A journal's body text extracted without its back matter (a *Science* or *PNAS* report cut
for a corpus: ``… phase separation (12). … a passivation agent (13–17).``) cites by the
numbers of a list the file does not hold. The parser reads parenthesised numbers as
citations only against a numbered list (:mod:`citecheck.parser.numparens`), so here they
are read nowhere; ``unread-citations`` reports them once instead of a finding per sentence.

They count as callouts under the same exclusions the parser applies (an equation's,
figure's or step's number, an enumeration ``(1) … (2)``, a number glued to a word or beside
an operator), and only when they look like a numbered style: :data:`LEAST_CALLOUTS` or more,
naming :data:`LEAST_NUMBERS` numbers or more, at least one of them a range or a list
(``(13–17)``, ``(13, 15)``), which an enumeration never is.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document, Marker
from citecheck.parser.numparens import candidates

LEAST_CALLOUTS = 5
LEAST_NUMBERS = 5
_ANY = frozenset(str(n) for n in range(1, 1000))


def unlisted_callouts(doc: Document) -> list[Marker]:
    """The parenthesised numbered callouts of a document without reference entries or
    read markers, in document order; empty when there are too few to be a citation style
    or when the document has a list or reads its citations."""
    if doc.references or doc.markers:
        return []
    found: list[Marker] = []
    for block in doc.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            found.extend(candidates(doc.text, block.start, block.end, _ANY))
    numbers = {k for m in found for k in m.keys}
    grouped = any(len(m.keys) > 1 for m in found)
    if len(found) < LEAST_CALLOUTS or len(numbers) < LEAST_NUMBERS or not grouped:
        return []
    return found
