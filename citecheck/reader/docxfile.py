"""Opening a Word document safely: what is not one, is encrypted, or would unpack too far.

A ``.docx`` is a zip archive holding ``word/document.xml``. A password-protected one is an
OLE2 compound file holding an ``EncryptedPackage`` stream instead; a Word 97-2003 ``.doc``
is an OLE2 file too. The sizes a zip archive declares bound what reading it unpacks
(Python's zipfile stops at the declared size), so they are checked before anything is read.
"""

from __future__ import annotations

import io
import zipfile

from citecheck.model.errors import InputError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
MAX_EXPANDED = 256 * 1024 * 1024
"""Largest total size of the archive's members once unpacked (bytes)."""
MAX_RATIO = 100
"""Largest unpacked-to-packed ratio of a member over 16 MB; XML packs about 10 to 1."""


def check_archive(data: bytes, path: str) -> zipfile.ZipFile:
    """Open the zip archive of a Word document; raise :class:`InputError` for a file that
    is not one, is encrypted or would unpack past :data:`MAX_EXPANDED` bytes."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:  # a stream name in the compound file's directory
            raise InputError(path, "encrypted Word document (password-protected); not checked")
        raise InputError(path, "a Word 97-2003 document, not .docx; save it as .docx to check it")
    if not data.startswith(b"PK"):
        raise InputError(path, "not a Word document (not a zip archive); not checked")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(path, f"damaged Word document ({exc}); not checked") from None
    total = sum(i.file_size for i in infos)
    bomb = any(
        i.file_size > 16 << 20 and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    )
    if total > MAX_EXPANDED or bomb:
        raise InputError(
            path,
            f"refused: the archive would unpack to {total >> 20} MB from {len(data) >> 10} KB"
            " (a zip bomb?); not checked",
        )
    if "word/document.xml" not in archive.namelist():
        raise InputError(
            path, "not a Word document (a zip archive without word/document.xml); not checked"
        )
    return archive
