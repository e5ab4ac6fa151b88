"""Fixing files: read the bytes, fix the text, write it back atomically, byte for byte.

The text is decoded as ``check`` decodes it and encoded back the same way (the same codec,
byte-order mark and line endings, which decoding keeps), so every byte outside the edited
spans is unchanged; a file whose bytes would not survive that round trip is not written.
The new file is written beside the old one and moved over it with :func:`os.replace`, after
checking that nobody changed the file since it was read.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass

from citecheck.model.errors import InputError
from citecheck.reader import decode
from citecheck.run.files import display_path, read_path

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Original:
    """A file as it was read: its bytes, how they decode and how to encode a new text."""

    path: str
    data: bytes
    text: str
    bom: bytes
    codec: str

    def encode(self, text: str) -> bytes:
        """Encode a new text as the original was (byte-order mark included)."""
        return self.bom + text.encode(self.codec)


def read(path: str, encoding: str | None = None) -> Original:
    """Read and decode a file to fix; :class:`InputError` when it cannot be, or when its
    bytes would not come back unchanged from decoding and encoding."""
    text = read_path(path, encoding)  # the same checks and messages as ``check``
    shown = display_path(path)
    with open(path, "rb") as fh:
        data = fh.read()
    if decode(data, shown, encoding) != text:
        raise InputError(shown, "changed while being read; not fixed")
    if getattr(text, "nuls", 0):
        raise InputError(shown, "holds stray NUL bytes (dropped on reading); not fixed")
    # Not UTF-8 and no encoding given: written back in the encoding detected on reading.
    assumed = getattr(text, "assumed", None)
    bom, codec = b"", encoding or assumed or "utf-8"
    if not (encoding or assumed):
        bom, codec = next(((b, c) for b, c in _BOMS if data.startswith(b)), (b"", "utf-8"))
    original = Original(path, data, text, bom, codec)
    try:
        same = original.encode(text) == data
    except (UnicodeError, LookupError):
        same = False
    if not same:
        raise InputError(shown, f"its bytes do not round-trip through {codec}; not fixed")
    return original


def writable(path: str) -> str | None:
    """Why a file cannot be rewritten (read-only, folder not writable), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return (exc.strerror or str(exc)).lower()
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "read-only file; not fixed"
    folder = os.path.dirname(os.path.realpath(path)) or "."
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is not writable; not fixed"
    return None


def write(original: Original, text: str) -> None:
    """Replace the file with ``text`` atomically; :class:`InputError` when the file changed
    since it was read (the other edit wins: nothing is written) or cannot be written."""
    shown = display_path(original.path)
    if problem := writable(original.path):
        raise InputError(shown, problem)
    target = os.path.realpath(original.path)  # a symbolic link stays a link to the new file
    folder = os.path.dirname(target) or "."
    data = original.encode(text)
    fd, tmp = tempfile.mkstemp(prefix=".citecheck-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        with open(target, "rb") as fh:
            if fh.read() != original.data:
                raise InputError(shown, "changed while being fixed; not written, run fix again")
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(shown, f"cannot write: {(exc.strerror or str(exc)).lower()}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
