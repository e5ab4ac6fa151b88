"""The encoding of a text file that is not UTF-8, detected with charset-normalizer.

Project Gutenberg's ``-8.txt`` files are ISO-8859-1, many older pages and exports are
Windows-1252 or another single-byte code page. charset-normalizer
(https://github.com/jawah/charset_normalizer, the detector of ``requests``) decodes a
sample with each plausible code page and keeps the one whose text is least "chaotic"
(unlikely runs of symbols, accents and case changes) and most coherent with a language's
letter frequencies. It is a dependency already (``sources/decode.py`` reads fetched pages
with it), and, unlike chardet, is MIT-licensed and kept up for current Python versions.
"""

from __future__ import annotations

import codecs

SAMPLE = 400_000
"""Bytes of a file the detector reads (it samples them again in chunks)."""
MOST_CHAOS = 0.2
"""A best guess more "chaotic" than this (the share of unlikely characters) is no text."""
_MULTIBYTE = ("utf_16", "utf_32", "utf_7")
_WESTERN = frozenset({"latin_1", "cp1252"})


def detect(data: bytes) -> str | None:
    """The Python codec name (``iso8859-1``, ``cp1252``) of the text ``data`` most likely
    is, or None when charset-normalizer finds none, or only a guess whose decoded text is
    mostly noise (binary data), or a UTF-16/32/7 (without a byte-order mark such a file is
    refused with advice, see :func:`citecheck.reader.decoding.decode`)."""
    from charset_normalizer import from_bytes

    found = from_bytes(data[:SAMPLE])
    best = found.best()
    if best is None or best.chaos > MOST_CHAOS or best.encoding.startswith(_MULTIBYTE):
        return None
    name = best.encoding
    # A short text fits several code pages as well (é is the same byte in most): among
    # the guesses as good as the best, the Western one wins, the likeliest by far.
    tied = [r for r in found if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    if name not in _WESTERN and any(_WESTERN & set(r.could_be_from_charset) for r in tied):
        name = next(c for r in tied for c in r.could_be_from_charset if c in _WESTERN)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
