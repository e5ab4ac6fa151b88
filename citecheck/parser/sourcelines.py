"""Source lines: ``> 来源：…`` after a finding names the sources it rests on.

A research report written by a multi-agent "deep research" team (OpenClaw's, in Chinese)
closes each numbered finding with a line of its own, often a blockquote, that names its
sources in free form: ``> 来源：LinkedIn "A complete 2026 guide…" (Pathan, 2026)``,
``> 来源：同上；arXiv 2506.00054``, ``> Sources: Elysiate; dev.to``; the report's list
(``## 来源列表``, often a table) holds the same sources. The line is no claim, and it
cites: it attributes the text from the heading above it (or the source line before it) to
the list's entries it names.

A line names an entry when it holds the entry's title or one of the names its entry opens
with before `` - `` (outlet, venue, identifier: ``LinkedIn``, ``ACL 2025 Findings``,
``arXiv 2506.00054``, each of ``MLJourney / dev.to``); ``同上`` ("ibid.") names the
entries of the line before. Read only in a document with at least two such lines (the
habit of the report), each in a paragraph of its own; a line that names no entry of the
list is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from citecheck.model import BlockKind, Document, Marker, MarkerKind, Reference
from citecheck.text.recache import lazy

_LINE = lazy(
    r"[>\s]*(?:[*_]{1,2})?(?:来源|出处|資料來源|资料来源|sources?)(?:[*_]{1,2})?\s*[:：]\s*\S", re.I
)
_IBID = ("同上", "ibid")
_SPLIT = lazy(r"\s+[-–—]\s+|\s*/\s*|\s*[;；]\s*")
_MIN_NEEDLE = 4


def _needles(ref: Reference) -> list[str]:
    """The strings whose presence in a source line names ``ref``: its title, and the names
    its text opens with before `` - ``."""
    out = [ref.title.casefold()] if ref.title and len(ref.title) >= _MIN_NEEDLE else []
    head = re.split(r"\s+[-–—]\s+", ref.text, maxsplit=1)[0]
    if head != ref.text:
        out += [p.strip().casefold() for p in _SPLIT.split(head)]
    return [n for n in out if len(n) >= _MIN_NEEDLE]


def read_source_lines(doc: Document) -> None:
    """Turn each source line of ``doc`` into a marker citing the list's entries it names,
    covering the sentences it closes (in place)."""
    if not doc.references:
        return
    lines = [
        b
        for b in doc.blocks
        # A plain text's short line is read as a heading.
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and b.section is None
        and not b.cell
        and "\n" not in doc.text[b.content_start : b.end].strip()
        and _LINE.match(doc.text, b.start, b.end)
    ]
    if len(lines) < 2:
        return
    listed = [r for r in doc.references if r.key is not None and r.section is not None]
    needles = [(r.key, _needles(r)) for r in listed]
    own = {id(b) for b in lines}
    heads = [
        b.end
        for b in doc.blocks
        if b.kind is BlockKind.HEADING and b.section is None and id(b) not in own
    ]
    starts = [s.start for s in doc.sentences]
    before: tuple[str, ...] = ()
    last_end = 0
    for block in lines:
        said = doc.text[block.content_start : block.end].casefold()
        keys = [k for k, ns in needles if k is not None and any(n in said for n in ns)]
        if any(word in said for word in _IBID):
            keys = [*before, *keys]
        keys_t = tuple(dict.fromkeys(keys))
        if not keys_t:
            continue
        before = keys_t
        h = bisect_left(heads, block.start) - 1
        begin = max(heads[h] if h >= 0 else 0, last_end)
        last_end = block.end
        raw = doc.text[block.content_start : block.end].strip()
        # A group of its own: two source lines in a row are two citations, not one group.
        marker = Marker(block.content_start, block.end, raw, keys_t, MarkerKind.NUMERIC)
        marker.group = -1 - len(doc.markers)
        doc.markers = [m for m in doc.markers if not block.start <= m.start < block.end]
        i = bisect_left(starts, begin)
        placed = False
        while i < len(doc.sentences) and doc.sentences[i].start < block.end:
            sentence = doc.sentences[i]
            if sentence.start >= block.start:
                sentence.claim = False
                sentence.markers = () if placed else (marker,)
                sentence.covered_by = keys_t
                placed = True
            elif not sentence.covered_by:
                sentence.covered_by = keys_t
            i += 1
        doc.markers.append(marker)
    doc.markers.sort(key=lambda m: m.start)
