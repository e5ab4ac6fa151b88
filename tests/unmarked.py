"""A helper of the fix tests: what each sentence says once its markers are taken out."""

from __future__ import annotations

from citecheck.model import Document


def unmarked(text: str, doc: Document) -> list[str]:
    """Each sentence of ``doc`` (parsed from ``text``) without its markers, blanks collapsed."""
    out = []
    for s in doc.sentences:
        pieces, pos = [], s.start
        prev = None
        for m in s.markers:
            between = text[pos : m.start]
            # The separators inside a group (``[1];[2]``) are the group's, not prose.
            if prev is None or prev.group != m.group or between.strip(" \t\n,;"):
                pieces.append(between)
            pos, prev = m.end, m
        pieces.append(text[pos : s.end])
        out.append(" ".join("".join(pieces).split()))
    return out
