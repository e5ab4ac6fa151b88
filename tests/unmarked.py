"""A helper of the fix tests: what each sentence says once its markers are taken out."""

from __future__ import annotations

from citecheck.model import Document


def unmarked(text: str, doc: Document) -> list[str]:
    """Each sentence of ``doc`` (parsed from ``text``) without its markers, blanks collapsed."""
    out = []
    for s in doc.sentences:
        pieces, pos = [], s.start
        for m in s.markers:
            pieces.append(text[pos : m.start])
            pos = m.end
        pieces.append(text[pos : s.end])
        out.append(" ".join("".join(pieces).split()))
    return out
