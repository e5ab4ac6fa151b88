"""Notes a PDF converter writes under a lone marker line: ``[^0]`` above ``[^0]: …``.

Converters such as marker and MinerU keep a page's footnotes where they stood, each as a
marker line of its own with the note's definition straight below it, and give every note
of the document the same label (``[^0]``). Each lone marker cites the note under it: a
label defined more than once that way is many notes, not one note defined twice and a
dangling marker.
"""

from __future__ import annotations

from collections import Counter

from citecheck.model import BlockKind, Document


def pair_lone_notes(doc: Document) -> None:
    """Give each note under a lone marker line a key of its own (``^0``, ``^0.2``, …) and
    the marker above it the same key. Changes ``doc`` in place."""
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE and r.key]
    repeated = {k for k, n in Counter(r.key for r in notes).items() if n > 1}
    if not repeated:
        return
    text = doc.text
    by_start = {m.start: m for m in doc.markers}
    seen: Counter[str] = Counter()
    for note in notes:
        key = note.key
        if key is None or key not in repeated:
            continue
        line = text.rfind("\n", 0, note.start)
        above = text.rfind("\n", 0, line) + 1 if line > 0 else -1
        if above < 0 or text[above:line].strip() != f"[{key}]":
            continue
        lead = above + len(text[above:line]) - len(text[above:line].lstrip())
        marker = by_start.get(lead)
        if marker is None or marker.keys != (key,):
            continue
        seen[key] += 1
        if seen[key] > 1:
            note.key = f"{key}.{seen[key]}"
            marker.keys = (note.key,)
