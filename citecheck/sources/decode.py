"""Bytes to text: which character set a body is in, and what kind of body it is.

The order follows the WHATWG encoding sniffing algorithm (a byte-order mark, then the
transport's ``charset``, then a ``<meta>`` declaration in the first 4 KB), then strict
UTF-8, then charset-normalizer's guess. ``iso-8859-1`` and ``ascii`` labels are read as
windows-1252, as browsers do (WHATWG Encoding Standard, "Encodings").
"""

from __future__ import annotations

import codecs
import re

from citecheck.text.recache import lazy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.I,
)
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
_PDF = b"%PDF-"
_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_TEXTUAL = lazy(r"^(?:text/|application/(?:xhtml\+xml|xml|json|ld\+json|rss\+xml|atom\+xml)$)")


def _codec(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or ``None`` when it is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset(body: bytes, declared: str | None, html: bool) -> str:
    """The codec to decode ``body`` with: BOM, declared ``charset``, ``<meta>``, UTF-8,
    then charset-normalizer's best guess (windows-1252 if it has none)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    found = _codec(declared)
    if found:
        return found
    if html:
        meta = _META.search(body[:4096])
        found = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
        if found:
            return found
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    return _codec(best.encoding if best else None) or "cp1252"


def decode(body: bytes, declared: str | None, html: bool) -> str:
    """``body`` as text (see :func:`charset`); undecodable bytes become U+FFFD."""
    return body.decode(charset(body, declared, html), errors="replace")


def sniff(body: bytes, content_type: str | None, name: str = "") -> str | None:
    """The media type to read ``body`` as: ``application/pdf``, ``text/html``,
    ``text/plain`` or ``text/markdown``; ``None`` for a binary body that is none of them.

    The content's first bytes win over the declared type (servers label PDFs
    ``application/octet-stream`` and HTML ``text/plain``); a file name's extension
    decides between text and Markdown.
    """
    declared = (content_type or "").split(";")[0].strip().lower()
    lower = name.lower()
    if body.startswith(_PDF) or (declared == "application/pdf" and _PDF in body[:1024]):
        return "application/pdf"
    if _HTML.match(body[:2048]) or declared in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if lower.endswith((".html", ".htm")):
        return "text/html"
    if b"\x00" in body[:8192] and not body.startswith(tuple(b for b, _ in _BOMS[1:])):
        return None
    if declared and not _TEXTUAL.match(declared):
        return None
    if lower.endswith((".md", ".markdown")) or declared == "text/markdown":
        return "text/markdown"
    return "text/plain"
