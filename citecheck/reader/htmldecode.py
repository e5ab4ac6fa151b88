"""Decoding an HTML page: its byte-order mark, its ``<meta charset>``, the encoding its XML
declaration names (an XHTML page, XML 1.0 §4.3.3: ``<?xml version="1.0"
encoding="iso-2022-jp"?>`` with no ``<meta>``), or UTF-8; and refusing a file named
``.html`` that is another kind of file."""

from __future__ import annotations

import codecs
import re

from citecheck.model.errors import InputError

_META = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
# The XML declaration, which only the document's very start may hold.
_XML_DECL = re.compile(rb"<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"'][^>]*\?>")
_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 (Office 97-2003) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def decode_html(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode an HTML page: ``encoding``, else a byte-order mark, else its ``<meta charset>``
    (in the first 1024 bytes, as browsers prescan), else its XML declaration's encoding,
    else UTF-8.

    Raises :class:`InputError` for a page that is another kind of file (a zip archive, PDF or
    image named ``.html``) or that cannot be decoded.
    """
    from citecheck.reader import decode

    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(path, f"not an HTML page ({kind}); not checked")
    if encoding is None and not data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")):
        m = _META.search(data[:1024]) or _XML_DECL.match(data)
        if m:
            encoding = _charset(m.group(1).decode("ascii", "replace"))
    return decode(data, path, encoding)


def _charset(label: str) -> str | None:
    """The codec for a charset label; latin-1 and ASCII mean windows-1252 (WHATWG)."""
    name = label.strip().lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"):
        return "cp1252"
    if name.startswith(("utf-16", "utf16")):
        return None  # a page that reached the prescan as ASCII bytes is not UTF-16
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
