"""Decoding a file's bytes into text: UTF-8 with or without a byte-order mark, UTF-16 and
UTF-32 with one, a single-byte encoding detected where the bytes are none of these, or the
encoding the user names; a binary file refused, a text with a few stray NULs (a PDF
extractor's) read with them dropped. Every failure is an :class:`InputError` that says
where (line and column, in bytes) and how to read the file."""

from __future__ import annotations

import codecs
import re

from citecheck.model.errors import InputError
from citecheck.text.recache import lazy

__all__ = ["MOST_CONTROLS", "MOST_NULS", "Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts like UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BYTE_BREAK = re.compile(rb"\r\n?|\n")
_SURROGATE = lazy("[\ud800-\udfff]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file contents, raising :class:`InputError` for binary or undecodable data.

    Without ``encoding``: UTF-8 (with or without a byte-order mark), or UTF-16 and UTF-32
    with a byte-order mark; bytes that are none of these are decoded with the single-byte
    encoding charset-normalizer detects (see :mod:`.encodings`), returned as a
    :class:`Decoded` that names it. A NUL character marks a binary file, unless NULs are
    stray (see :func:`_stray`: a text extracted from a PDF keeps a few): such a text is
    read with its NULs dropped, returned as a :class:`Decoded` whose ``nuls`` counts them.
    """
    if encoding:
        text = _decode_as(data, path, encoding)
        if _SURROGATE.search(text):  # only escape codecs make them; nothing can print them
            raise InputError(path, f"decoding as {encoding} gives unpaired surrogates")
    else:
        codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
        if codec is None and b"\x00" in data:
            return _stray_text(data, path)
        text = _decode_as(data, path, codec) if codec else _decode_utf8(data, path)
    if "\x00" in text:
        return _without_nuls(text, path)
    return text if isinstance(text, Decoded) else text.removeprefix("\ufeff")


MOST_NULS = 0.02
"""A text with NULs is read (them dropped) only while they are at most this share of it."""
MOST_CONTROLS = 0.01
"""... and other control characters (not tab, line or page breaks) at most this share."""
_CONTROL = lazy(r"[\x01-\x08\x0e-\x1f\x7f]")


def _stray(nuls: int, size: int, controls: int) -> bool:
    """Whether ``nuls`` NULs and ``controls`` other control characters among ``size`` are
    a text's stray bytes (a figure a PDF extractor wrote as UTF-16: a few hundred in 60 KB)
    rather than a binary file's (an image, a compressed stream: one byte in 256 or more is
    NUL, and one in ten another control character)."""
    return nuls <= size * MOST_NULS and controls <= size * MOST_CONTROLS


_CONTROL_BYTE = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")


def _stray_text(data: bytes, path: str) -> str:
    """Bytes with NULs and no byte-order mark: the text, NULs dropped, when they are stray
    and the rest is UTF-8 (or a detected single-byte encoding); else a binary file's
    :class:`InputError` (with the UTF-16 hint of :func:`_binary`)."""
    if not _stray(data.count(0), len(data), len(_CONTROL_BYTE.findall(data))):
        raise InputError(path, _binary(data))
    try:
        text = _decode_utf8(data, path)
    except InputError:
        raise InputError(path, _binary(data)) from None
    return _without_nuls(text, path)


def _without_nuls(text: str, path: str) -> str:
    """The text with its NULs dropped, as a :class:`Decoded` that counts them; a binary
    file's :class:`InputError` when they are not stray."""
    nuls = text.count("\x00")
    if not _stray(nuls, len(text), len(_CONTROL.findall(text))):
        raise InputError(path, "binary file (contains NUL characters); not checked")
    kept = Decoded(text.replace("\x00", "").removeprefix("\ufeff"))
    kept.assumed, kept.at = getattr(text, "assumed", ""), getattr(text, "at", 0)
    kept.nuls = nuls
    return kept


def _decode_as(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(path, f"unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at {_where(data, exc.start)}"
        raise InputError(path, f"cannot decode as {encoding} ({where})") from None
    except (UnicodeError, ValueError) as exc:
        raise InputError(path, f"cannot decode as {encoding} ({exc})") from None


class Decoded(str):
    """A text read with a caveat (see :func:`decode`). When its encoding was detected, not
    given, ``assumed`` is the encoding (a Python codec name, ``iso8859-1``) and ``at`` the
    offset of the first character that was not UTF-8; ``nuls`` counts the stray NUL
    characters dropped from it (0: none)."""

    assumed: str = ""
    at: int = 0
    nuls: int = 0


def _decode_utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from citecheck.reader.encodings import detect

        if (codec := detect(data)) is not None:
            try:
                text = Decoded(data.decode(codec))
            except UnicodeDecodeError:
                pass
            else:
                text.assumed, text.at = codec, len(data[: exc.start].decode("utf-8"))
                return text
        where = f"byte 0x{data[exc.start]:02x} at {_where(data, exc.start)}"
        raise InputError(
            path, f"not valid UTF-8 ({where}); use --encoding, e.g. --encoding cp1252"
        ) from None


def _where(data: bytes, offset: int) -> str:
    """Line and column (in bytes) of an offset, lines counted as an editor counts them."""
    starts = [m.end() for m in _BYTE_BREAK.finditer(data, 0, offset)]
    line_start = starts[-1] if starts else 0
    return f"line {len(starts) + 1}, column {offset - line_start + 1}"


def _binary(data: bytes) -> str:
    """Say why data is binary, and how to read it if it is UTF-16 without a byte-order mark."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 4 and max(even, odd) > len(head) // 4 and min(even, odd) == 0:
        order = "le" if odd else "be"
        return (
            "binary file (contains NUL bytes); if it is UTF-16 text without a byte-order mark,"
            f" use --encoding utf-16-{order}"
        )
    return "binary file (contains NUL bytes); not checked"
