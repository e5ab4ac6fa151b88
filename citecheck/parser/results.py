"""The sentences of a Results section: a paper's own findings.

A paper's Results section reports what its writers measured or, in a review, what they
tallied over the studies they included ("Thirty-one (25%) studies reported trapping at a
single site", "the most commonly trapped species were…"). Such sentences carry the cues a
claim about others' work carries ("studies reported", "the most commonly"), yet they are
the paper's data; only a sentence that names others' work there needs a source (see
:func:`citecheck.parser.citeworthy.citation_worthy`). A Results section runs from its
heading ("Results", "4 Results", "Ergebnisse", "Résultats", "结果分析") to the next heading
of its rank or above.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document
from citecheck.parser.profile import RESULTS_HEADING


def mark_results(doc: Document) -> None:
    """Mark the sentences that stand in a Results section (``Sentence.results``)."""
    inside: set[int] = set()
    rank: int | None = None  # the level of the Results heading open
    for i, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING and block.section is None:
            if rank is not None and block.level <= rank:
                rank = None
            title = doc.text[block.content_start : block.end].strip()
            if rank is None and len(title) < 60 and RESULTS_HEADING.match(title):
                rank = block.level
            continue
        if rank is not None:
            inside.add(i)
    if not inside:
        return
    for sentence in doc.sentences:
        if sentence.block in inside:
            sentence.results = True
