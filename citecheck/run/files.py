"""Files: reading and decoding one input, and walking directories for inputs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from citecheck.reader.files import display_path, read_path

__all__ = ["display_path", "expand", "read_path"]

# Every suffix the readers take (reader.MARKDOWN_SUFFIXES among them: MultiMarkdown's .mmd).
WALK_SUFFIXES = (
    *(".md", ".markdown", ".mdown", ".mkd", ".mmd"),
    *(".txt", ".rst", ".rest", ".html", ".htm", ".docx"),
)
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


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
