"""Files: reading and decoding one input, and walking directories for inputs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from citecheck.errors import InputError
from citecheck.reader import decode

WALK_SUFFIXES = (".md", ".markdown", ".txt")
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


def read_path(path: str, encoding: str | None = None) -> str:
    """Read and decode one file (``-`` is stdin), raising :class:`InputError` on failure."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return decode(data, path, encoding)


def _skipped_dir(root: str, name: str) -> bool:
    """A folder never walked: version control, caches, dependencies, virtual environments."""
    if name in SKIP_DIRS or name.endswith(".egg-info"):
        return True
    return os.path.isfile(os.path.join(root, name, "pyvenv.cfg"))


def expand(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Yield files to check: files as given, directories walked for Markdown and text.

    Walking skips ``.git`` and other version-control folders, ``node_modules``, caches and
    any virtual environment (a folder holding ``pyvenv.cfg``). ``exclude`` globs (see
    :mod:`citecheck.globs`, relative to the working directory) drop walked folders and files
    as well as files named on the command line. Each file is yielded once, in input order.
    """
    from citecheck.globs import any_match, relative

    seen: set[str] = set()

    def wanted(path: str) -> bool:
        if path in seen or (exclude and any_match(exclude, relative(path))):
            return False
        seen.add(path)
        return True

    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not _skipped_dir(root, d)
                    and not (exclude and any_match(exclude, relative(os.path.join(root, d))))
                )
                for name in sorted(files):
                    path = os.path.normpath(os.path.join(root, name))
                    if name.lower().endswith(WALK_SUFFIXES) and wanted(path):
                        yield path
        elif wanted(os.path.normpath(p)):
            yield os.path.normpath(p)
