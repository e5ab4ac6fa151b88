"""Hover, go to definition and find references: between markers and reference entries.

On a marker, hover shows the entries its keys resolve to (and, when the server verifies,
the verdict ``citecheck verify --offline`` gives the claim that carries it); go to
definition jumps to the entry; on an entry, find references lists the markers citing it.
"""

from __future__ import annotations

from lsprotocol import types

from citecheck.model import Marker, Reference
from citecheck.server.diagnostics import Checked


def marker_at(checked: Checked, offset: int) -> Marker | None:
    """The marker under a character offset (its last character included)."""
    doc, _ = checked.parsed
    for marker in doc.markers:
        if marker.start <= offset <= marker.end:
            return marker
    return None


def entry_at(checked: Checked, offset: int) -> Reference | None:
    """The reference entry under a character offset."""
    doc, _ = checked.parsed
    for ref in doc.references:
        if ref.start <= offset < max(ref.end, ref.start + 1):
            return ref
    return None


def resolved(checked: Checked, marker: Marker) -> list[tuple[str, Reference | None]]:
    """Each key of a marker and the entry it resolves to (None: none)."""
    _, res = checked.parsed
    return [(link.key, link.reference) for link in res.links if link.marker is marker]


def _location(checked: Checked, start: int, end: int) -> types.Location:
    return types.Location(uri=checked.uri, range=checked.positions.range(start, end))


def _verdict(checked: Checked, marker: Marker) -> str | None:
    """The verdict of the claim carrying a marker, when claims were verified."""
    claims = checked.report.claims or []
    pos = checked.positions
    for claim in claims:
        start = pos.offset(pos.at(claim.line, claim.column))
        if start <= marker.start <= start + len(claim.text) + len(marker.raw) + 1:
            verdict = claim.verdict.replace("_", " ")
            return f"verify: **{verdict}** (support {claim.score:.2f})"
    return None


def hover(checked: Checked, offset: int) -> types.Hover | None:
    """What a marker cites: one line per key, in Markdown."""
    marker = marker_at(checked, offset)
    if marker is None:
        return None
    lines = []
    for key, ref in resolved(checked, marker):
        if ref is None:
            lines.append(f"`{key}`: no entry")
        else:
            text = " ".join(ref.text.split())
            lines.append(f"`{key}` → {text[:300] + '…' if len(text) > 300 else text}")
    verdict = _verdict(checked, marker)
    if verdict:
        lines.append(verdict)
    if not lines:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(lines)),
        range=checked.positions.range(marker.start, marker.end),
    )


def definition(checked: Checked, offset: int) -> list[types.Location]:
    """The entries the marker under the offset resolves to."""
    marker = marker_at(checked, offset)
    if marker is None:
        return []
    seen: set[int] = set()
    out = []
    for _, ref in resolved(checked, marker):
        if ref is not None and id(ref) not in seen:
            seen.add(id(ref))
            out.append(_location(checked, ref.start, ref.end))
    return out


def references(checked: Checked, offset: int, declaration: bool) -> list[types.Location]:
    """The markers citing the entry under the offset (or the marker's entries' markers),
    with the entry itself when ``declaration``."""
    _, res = checked.parsed
    entries: list[Reference] = []
    ref = entry_at(checked, offset)
    if ref is not None:
        entries = [ref]
    elif (marker := marker_at(checked, offset)) is not None:
        entries = [r for _, r in resolved(checked, marker) if r is not None]
    out: list[types.Location] = []
    for entry in {id(e): e for e in entries}.values():
        if declaration:
            out.append(_location(checked, entry.start, entry.end))
        out.extend(_location(checked, m.start, m.end) for m in res.citations(entry))
    return out
