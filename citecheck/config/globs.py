"""Path globs with gitignore-like meaning, for ``per-file-ignores`` and ``--exclude``.

A pattern without a slash matches any single path component (``drafts``, ``*.txt``); a
pattern with a slash is anchored at the base directory, ``*`` and ``?`` stay inside one
component and ``**`` spans any number of them. A pattern that matches a directory matches
everything beneath it.
"""

from __future__ import annotations

import os
import re
from fnmatch import fnmatchcase
from functools import lru_cache


@lru_cache(maxsize=256)
def _anchored(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1 : close].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body[:1] in "!^" and body else "[" + body + "]")
            i = close + 1
            continue
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + "(?:/.*)?")


def relative(path: str, base: str | None = None) -> str:
    """Return ``path`` relative to ``base`` (default: the working directory), with slashes."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(base or os.curdir))
    except ValueError:  # another drive on Windows
        rel = absolute
    return rel.replace(os.sep, "/")


def matches(pattern: str, relpath: str) -> bool:
    """Return whether a slash-separated relative path matches a pattern."""
    pat = pattern.strip()
    while pat.startswith("./"):
        pat = pat[2:]
    pat = pat.rstrip("/")
    if not pat:
        return False
    if "/" not in pat:
        return any(fnmatchcase(part, pat) for part in relpath.split("/"))
    if relpath.startswith("../"):
        return False
    return _anchored(pat).fullmatch(relpath) is not None


def any_match(patterns: tuple[str, ...], relpath: str) -> bool:
    """Return whether any pattern matches."""
    return any(matches(p, relpath) for p in patterns)
