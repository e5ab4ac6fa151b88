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


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Yield files to check: files as given, directories walked for Markdown and text."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")
                )
                for name in sorted(files):
                    if name.lower().endswith(WALK_SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield p
