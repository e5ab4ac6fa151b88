"""Files: reading and decoding one input, and walking directories for inputs."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator

from citecheck.model.errors import InputError
from citecheck.reader import decode, load

WALK_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".docx")
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


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


def _skipped_dir(root: str, name: str) -> bool:
    """A folder never walked: version control, caches, dependencies, virtual environments,
    and the ``<article>.sources`` snapshot folders of ``citecheck verify``."""
    if name in SKIP_DIRS or name.endswith((".egg-info", ".sources")) or name == ".citecheck-cache":
        return True
    return os.path.isfile(os.path.join(root, name, "pyvenv.cfg"))


def expand(
    paths: Iterable[str], exclude: tuple[str, ...] = (), unmatched: list[str] | None = None
) -> Iterator[str]:
    """Yield files to check: files as given, directories walked for Markdown, text, HTML
    and Word documents.

    Walking skips ``.git`` and other version-control folders, ``node_modules``, caches, the
    snapshot folders of ``verify`` (``*.sources``) and any virtual environment (a folder
    holding ``pyvenv.cfg``). ``exclude`` globs (see
    :mod:`citecheck.config.globs`, relative to the working directory) drop walked folders and files
    as well as files named on the command line. Each file is yielded once, in input order.
    A directory in which no file to check is found is appended to ``unmatched`` (a file
    named on the command line and excluded is skipped quietly, as pre-commit expects).
    """
    from citecheck.config.globs import any_match, relative

    seen: set[str] = set()

    def wanted(path: str) -> bool:
        if path in seen or (exclude and any_match(exclude, relative(path))):
            return False
        seen.add(path)
        return True

    for p in paths:
        if p == "-":
            if p not in seen:
                seen.add(p)
                yield p
        elif os.path.isdir(p):
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not _skipped_dir(root, d)
                    and not (exclude and any_match(exclude, relative(os.path.join(root, d))))
                )
                for name in sorted(files):
                    path = os.path.normpath(os.path.join(root, name))
                    if not name.lower().endswith(WALK_SUFFIXES):
                        continue
                    found = found or path in seen
                    if wanted(path):
                        found = True
                        yield path
            if not found and unmatched is not None:
                unmatched.append(display_path(p))
        elif wanted(os.path.normpath(p)):
            yield os.path.normpath(p)
