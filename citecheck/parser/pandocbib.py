"""A Pandoc source whose bibliography is another file: ``bibliography: refs.bib``.

A blog post or an article written for Pandoc's citeproc cites by the keys of a
bibliography: ``[@bush-1999]``, ``[see @smith-2004, p. 4; @bedford-2012]``, in-text
``@huddleston-2020 showed``. The entries are in a ``.bib`` (or CSL JSON) file named by the
front matter's ``bibliography:`` field, or by the site's build settings; citeproc writes the
list when the page is built, so the source holds no list. Checked as a single file, such a
source was read as citing nothing: every claim beside a ``[@key]`` was reported uncited.

Its citations are read here as citations of a list kept outside the file: a bracketed group
whose every ``;``-separated item holds an ``@key`` (not a link's text, ``[@jack](…)``, and
not a pandoc-crossref label such as ``@fig:plot``, ``@eq:area``, ``@tbl:variables``, which
points to a figure, an equation or a table of the same page), and an in-text ``@key``
that one of those groups cites, or, when the front matter names a bibliography, that has a
key's shape (a digit in it: ``@huddleston-2020``; a social-media handle has none). A
source is taken to cite this way when its front matter names a bibliography or when it
holds bracketed citations of two keys at least (:func:`bibliography_outside`). An empty
``::: {#refs}`` div under a "References" heading is where citeproc will write the list, not
a list the file holds.

The keys are markers (they cover the claims they stand by), but name entries citecheck
cannot see: they are never dangling, the missing list is not reported, and
``unread-citations`` says once that their sources were not checked. MultiMarkdown's
``[#key]`` citations of a BibTeX file its metadata names are read the same way (see
:mod:`citecheck.parser.mmdcites`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.parser import mmdcites
from citecheck.text.recache import lazy

_KEY = r"[\w](?:[\w:.#$%&+?<>~/-]*\w)?"
_FRONT = lazy(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = lazy(r"^bibliography:[ \t]*(.*)$", re.M)
_LISTED = lazy(r"\n[ \t]*-[ \t]*(\S[^\n]*)")
# A bracketed group (over a line break, not a blank line), not a link's text (``[…](``,
# ``[…][``) nor a definition (``[…]:``).
_GROUP = lazy(r"(?<![\]\\])\[((?:[^\[\]\n]|\n(?![ \t]*\n)){1,300})\](?![(\[:])")
_AT = lazy(r"(?<![\w.@])-?@(" + _KEY + r")")
_IN_TEXT = lazy(r"(?<![\w.@\[;/])@(" + _KEY + r")(?!\w)")
_CROSSREF = lazy(r"^(?:fig|tbl|eq|sec|lst|tab|thm|lem|def|cor|prp|app)[:.]", re.I)
_DIGIT = lazy(r"\d")
# A bibliography the file holds: LaTeX's environment as Pandoc keeps it, or citeproc's div
# with entries in it. An empty ``::: {#refs}`` div (closed at once, or left open at the end)
# only tells citeproc where to write the list it builds from the bibliography file.
_HELD = lazy(
    r"^:::+[ \t]*(?:thebibliography\b|\{#refs\b[^\n]*\n(?![ \t\n]*(?::::|\Z)))"
    r"|\\begin\{thebibliography\}",
    re.M,
)

LEAST_KEYS = 2
"""Distinct keys in bracketed citations that make an undeclared source a Pandoc citer."""


@dataclass(frozen=True, slots=True)
class Outside:
    """A bibliography kept outside the document: the file its front matter names (``""``
    when it names none) and the keys its bracketed citations cite."""

    name: str
    keys: frozenset[str]
    multimarkdown: bool = False
    """The citations are MultiMarkdown's ``[#key]``, not Pandoc's ``[@key]``."""


def declared(text: str) -> str | None:
    """The bibliography a Markdown source's YAML front matter names (``refs.bib``; the
    first of a list, others counted as ``refs.bib, …``), or None."""
    front = _FRONT.match(text)
    if front is None or "bibliography:" not in front.group(1):
        return None
    m = _FIELD.search(front.group(1))
    if m is None:
        return None
    value = m.group(1).strip().strip("\"'[]")
    if not value:
        rest = _LISTED.match(front.group(1), m.end())
        value = rest.group(1).strip().strip("\"'") if rest else ""
    return value or ""


def _groups(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The keys of the bracketed citations of ``text[start:end]``: (start, end, key)."""
    found: list[tuple[int, int, str]] = []
    for g in _GROUP.finditer(text, start, end):
        items = g.group(1).split(";")
        pos = g.start(1)
        keys: list[tuple[int, int, str]] = []
        for item in items:
            at = _AT.search(text, pos, pos + len(item))
            pos += len(item) + 1
            if at is None:
                keys = []
                break
            keys.append((at.start(), at.end(), at.group(1)))
        if keys and not any(_CROSSREF.match(k) for _, _, k in keys):
            found.extend(keys)
    return found


def bibliography_outside(text: str, masked: str) -> Outside | None:
    """How a source cites a bibliography kept in another file (see the module), or None
    when it does not: its front matter (or MultiMarkdown's metadata) names one, or its
    prose (``masked``) holds bracketed citations of :data:`LEAST_KEYS` distinct keys at
    least; and it holds no bibliography of its own (``::: thebibliography``,
    ``::: {#refs}``), read or not."""
    if _HELD.search(text):
        return None  # the list is in the file, if unread (see unread-citations)
    if (mmd := _multimarkdown(text, masked)) is not None:
        return mmd
    if "@" not in masked:
        return None
    name = declared(text)
    keys = frozenset(k for _, _, k in _groups(masked, 0, len(masked)))
    if name is None and len(keys) < LEAST_KEYS:
        return None
    if not keys and not any(_keylike(m.group(1)) for m in _IN_TEXT.finditer(masked)):
        return None
    return Outside(name or "", keys)


def _multimarkdown(text: str, masked: str) -> Outside | None:
    """A MultiMarkdown source citing ``[#key]`` a BibTeX file its metadata names, or with
    :data:`mmdcites.LEAST_KEYS` distinct keys at least (see :mod:`.mmdcites`), or None."""
    if "[#" not in masked:
        return None
    keys = mmdcites.keys(masked)
    name = mmdcites.metadata_bibliography(text)
    if not keys or (name is None and len(keys) < mmdcites.LEAST_KEYS):
        return None
    return Outside(name or "", frozenset(), multimarkdown=True)


def _keylike(key: str) -> bool:
    return bool(_DIGIT.search(key)) and not _CROSSREF.match(key)


def outside_keys(
    text: str, start: int, end: int, outside: Outside
) -> list[tuple[int, int, str, bool]]:
    """The Pandoc keys of ``text[start:end]`` citing a bibliography kept outside:
    ``(start, end, key, in_text)`` (see the module for which are read)."""
    if outside.multimarkdown:
        return mmdcites.cites(text, start, end)
    found: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for s, e, key in _groups(text, start, end):
        found.append((s, e, key, False))
        taken.append((s, e))
    for m in _IN_TEXT.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        key = m.group(1)
        if _CROSSREF.match(key):
            continue
        if key in outside.keys or (outside.name and _keylike(key)):
            found.append((m.start(), m.end(), key, True))
    return found


def is_outside_key(raw: str) -> bool:
    """Whether a marker's text is a Pandoc key (``@key``, ``-@key``) or a MultiMarkdown
    citation (``[#key]``)."""
    return raw.startswith(("@", "-@")) or mmdcites.is_cite(raw)
