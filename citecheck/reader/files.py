"""Reading a file or standard input into text: bytes from the operating system, decoded by
the reader for the file's format; every failure an :class:`InputError` naming the file."""

from __future__ import annotations

import errno
import os
import stat
import sys

from citecheck.model.errors import InputError
from citecheck.reader import decode, load


def display_path(path: str) -> str:
    """Return a path printable on one line: undecodable bytes and control characters escaped."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else _escape(c) for c in path)


def _escape(c: str) -> str:
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name could not decode
        return f"\\x{code - 0xDC00:02x}"
    return c.encode("unicode_escape").decode("ascii")


_PROBLEMS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENOTDIR: "a component of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
}


def _problem(path: str, exc: OSError) -> InputError:
    problem = _PROBLEMS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    if exc.errno == errno.ENOENT and os.path.islink(path):
        problem = "broken symbolic link"
    return InputError(display_path(path), problem)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _read_file(path: str) -> bytes:
    # Non-blocking open: opening a named pipe must not wait for a writer. Only regular
    # files are read, so a pipe, socket or device can neither hang nor flood the run.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _problem(path, exc) from None
    except ValueError:  # an embedded NUL character
        raise InputError(display_path(path), "invalid file name") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(display_path(path), "is a directory")
        if not stat.S_ISREG(mode):
            raise InputError(display_path(path), f"{_kind(mode)}, not a file; not checked")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError as exc:
        raise _problem(path, exc) from None
    finally:
        os.close(fd)


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("-", "no standard input")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read())
        return stream.read().encode("utf-8", "surrogateescape")
    except OSError as exc:
        raise InputError("-", (exc.strerror or str(exc)).lower()) from None


def read_path(path: str, encoding: str | None = None, name: str | None = None) -> str:
    """Read and decode one file (``-`` is stdin), raising :class:`InputError` on failure.

    Only regular files are read: a directory, named pipe, socket or device is an input
    error, as are missing, unreadable, binary and undecodable files. HTML pages and Word
    documents are read by their suffix (see :func:`citecheck.reader.load`), or by that of
    ``name`` for standard input (``--stdin-filename``).
    """
    if path == "-":
        data = _read_stdin()
        return load(data, "-", encoding, name) if name else decode(data, "-", encoding)
    return load(_read_file(path), display_path(path), encoding)
