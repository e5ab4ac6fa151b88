"""RFCs named by number: an entry that identifies an RFC, and prose that names a listed one.

An RFC or Internet-Draft cites its sources with callouts (``[33]``, ``[RFC2068]``) but
names many of them in the prose as well: RFC 2616 writes "as specified by RFC 2068" for
the work its list holds as ``[33] Fielding, R., … "Hypertext Transfer Protocol --
HTTP/1.1", RFC 2068, January 1997.`` An entry identifies the RFC whose number it gives
when it gives one only (``RFC 2068``, ``RFC2068``, ``BCP 9, RFC 2026``); its key may be a
number or any label. When the document cites that entry with a callout somewhere (see
:func:`called_out`), the prose's "RFC 2068" (not inside brackets, not a part of a longer
name or a URL, not in the abstract) cites it too, and so does a callout ``[RFC 2068]``
that no entry's label matches (RFC 2616's "[RFC 2068], section 14.19" beside its
``[33]``): the reader finds the RFC in the list by its number (see :func:`relabel`). An
RFC that no entry identifies (the document's own number in its running heads, an RFC named
in passing) is left alone. A standard named by its designation ("ISO 8601" for the entry
``[ISO8601]``) is read the same way (see :mod:`citecheck.parser.standardnames`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citecheck.model import Block, BlockKind, Marker, MarkerKind, Reference
from citecheck.parser.markers import normalise_label
from citecheck.parser.standardnames import IN_PROSE as _STANDARD
from citecheck.parser.standardnames import designation, is_designation
from citecheck.text.recache import lazy

_IN_ENTRY = lazy(r"(?<![\w/.-])RFC[ \u00a0]?(\d{1,5})(?![\w-])", re.I)
_BRACKET = lazy(r"\[([^\[\]\n]{1,80})\]")
_SPLIT = lazy(r"\s*[,;]\s*|\s+(?=Section|Appendix)")
_NEAR = 400  # blanks a page's markup may leave between a name and its callout
_ABSTRACT = lazy(r"^\W*abstract\W*$", re.I)
_GAP = lazy(r"[ \t\n\u00a0(]*")
_IN_PROSE = lazy(r"(?<![\w/.#\[-])RFC[ \u00a0]?(\d{1,5})(?![\w\]/-]|\.\d|\.html)")


def rfc_key(number: str | int) -> str:
    """The key an RFC is indexed under: ``RFC2068`` (no leading zeros)."""
    return f"RFC{int(number)}"


def identified_rfc(ref: Reference) -> str | None:
    """The RFC an entry identifies (``RFC2068``), when its key or its text names exactly
    one; None otherwise."""
    if ref.key and (m := _IN_ENTRY.fullmatch(ref.key.replace(" ", ""))):
        return rfc_key(m.group(1))
    found = {int(n) for n in _IN_ENTRY.findall(ref.text or "")}
    return rfc_key(found.pop()) if len(found) == 1 else None


def listed_rfcs(references: list[Reference], called: set[str]) -> dict[str, str]:
    """RFC key → the key of the entry that identifies it, for the entries whose key is in
    ``called`` (normalised, see :func:`called_out`); and a standard's designation (index
    form, :func:`~citecheck.parser.standardnames.designation`) → the key that spells it."""
    out: dict[str, str] = {}
    for ref in references:
        if not ref.key or normalise_label(ref.key) not in called:
            continue
        if (rfc := identified_rfc(ref)) is not None:
            out.setdefault(rfc, ref.key)
        elif is_designation(ref.key):
            out.setdefault(designation(ref.key), ref.key)
    return out


def called_out(masked: str, spans: Iterable[tuple[int, int]], links: list[str]) -> set[str]:
    """The keys the body calls out in brackets (``[33]``, ``[RFC2068, Section 4]``, ``[1,
    2]``) within ``spans``, or by the link uses ``links`` (an RFC XML ``<xref>``, a
    kramdown ``{{…}}``), normalised. Only an entry the document cites so is cited by the
    prose's naming it: one that no callout cites is unused, as idnits reports it ("no
    explicit reference was found in the text"), however often its number is named."""
    out = {normalise_label(k) for k in links}
    for s, e in spans:
        for m in _BRACKET.finditer(masked, s, e):
            for part in _SPLIT.split(m.group(1)):
                out.add(normalise_label(part))
    return out


def abstract_blocks(blocks: list[Block], text: str) -> frozenset[int]:
    """The starts of the blocks under an "Abstract" heading: an RFC's abstract names the
    RFCs it obsoletes or updates and cites none (RFC 7322, Section 4.3)."""
    out: set[int] = set()
    inside = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            inside = _ABSTRACT.match(text[block.start : block.end]) is not None
        elif inside:
            out.add(block.start)
    return frozenset(out)


def mentions(
    masked: str, start: int, end: int, listed: dict[str, str], callouts: list[Marker]
) -> list[Marker]:
    """Markers for the RFCs of ``listed`` that the prose of ``masked[start:end]`` names by
    number (``RFC 2068``), and its standards named by designation (``ISO 8601``), each
    citing the entry that identifies it. A name that a callout follows (``RFC 2068 [33]``,
    ``RFC 2119 ([RFC2119])``, ``ISO 8601 [ISO8601]``) is that callout's, not a citation of
    its own: ``callouts`` are the block's other markers, in order."""
    after = {c.start for c in callouts}
    out: list[Marker] = []
    named = [(m, rfc_key(m.group(1))) for m in _IN_PROSE.finditer(masked, start, end)]
    if any(not k.startswith("RFC") for k in listed):
        named += [(m, designation(m.group())) for m in _STANDARD.finditer(masked, start, end)]
        named.sort(key=lambda n: n[0].start())
    for m, index in named:
        key = listed.get(index)
        if key is None:
            continue
        gap = _GAP.match(masked, m.end(), min(m.end() + _NEAR, end))
        if gap is not None and gap.end() in after:
            continue
        out.append(Marker(m.start(), m.end(), m.group(), (key,), MarkerKind.LABEL))
    return out


def relabel(markers: list[Marker], listed: dict[str, str], labels: frozenset[str]) -> list[Marker]:
    """The markers with each label callout naming one RFC (``[RFC 2068]``) that no entry's
    label matches (``labels``, normalised) but an entry of ``listed`` identifies, citing that
    entry instead; the others as they are."""
    out: list[Marker] = []
    for m in markers:
        key = None
        if m.kind is MarkerKind.LABEL and len(m.keys) == 1:
            found = _IN_ENTRY.fullmatch(m.keys[0].strip())
            if found is not None and normalise_label(m.keys[0]) not in labels:
                key = listed.get(rfc_key(found.group(1)))
        if key is None:
            out.append(m)
        else:
            out.append(Marker(m.start, m.end, m.raw, (key,), m.kind, m.group, m.problem))
    return out
