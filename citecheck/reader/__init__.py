"""Readers: decode bytes and turn text into blocks over a masked copy of the text.

A reader returns a :class:`Layout`: the decoded text, a *masked* copy of equal length in
which everything that must never be scanned for markers (code, front matter, comments, link
destinations, page chrome, tables of contents) is blanked out, and the blocks.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from citecheck.errors import InputError
from citecheck.model import Block

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})


@dataclass(slots=True)
class Layout:
    """The decoded text, its masked copy and its blocks."""

    text: str
    masked: str
    blocks: list[Block]
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """Reference-style link and image labels (start, end, label), defined or not."""


def detect_format(path: str | None, fmt: str | None = None) -> str:
    """Return ``markdown`` or ``text`` from an explicit choice or the file's suffix."""
    if fmt:
        return "markdown" if fmt in ("md", "markdown") else "text"
    if path and PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file contents, raising :class:`InputError` for binary or undecodable data."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc.reason}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot decode UTF-16: {exc.reason}") from None
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise InputError(
            path, f"not valid UTF-8 ({where}); use --encoding, e.g. --encoding cp1252"
        ) from None


def read(text: str, fmt: str, heading: re.Pattern[str] | None = None) -> Layout:
    """Split a decoded text into blocks with the reader for its format.

    ``heading`` is the pattern of reference-section headings when it is not the default.
    """
    if fmt == "markdown":
        from citecheck.reader.markdown import read_markdown

        return read_markdown(text)
    from citecheck.reader.text import read_text

    return read_text(text) if heading is None else read_text(text, heading)
