"""MultiMarkdown's citations: ``[#Doe:2006]``, with a locator ``[p. 23][#Doe:2006]``.

MultiMarkdown (Fletcher Penney's Markdown dialect, file suffix ``.mmd``) cites by the key
of a bibliography entry written between brackets after a ``#``: ``[#Doe:2006]``, or with
a locator before it, ``[p. 23][#Doe:2006]`` (MultiMarkdown User's Guide, "Citations").
The entries are either in the file, as definitions ``[#Doe:2006]: John Doe. *Some Big
Fancy Book*. Vanity Press, 2006.`` (read as any other keyed list: a citation then names
its entry), or in a BibTeX file that the document's metadata names, ``BibTeX: refs`` (the
run of ``Key: value`` lines that opens the file, up to the first blank line: see
:mod:`citecheck.reader.mmdmeta`), from which LaTeX builds the list. In that second case
the file holds no list and its citations were read as nothing, so a thesis with hundreds
of them passed with no finding at all.

Here a document with no list of its own cites a bibliography kept outside in this style
when its metadata names a BibTeX file or when it holds citations of :data:`LEAST_KEYS`
distinct keys at least. The keys are read as :mod:`citecheck.parser.pandocbib` reads
Pandoc's: markers that cover the claims beside them, never dangling, told once by
``unread-citations`` as not checked. A key starts with a letter and holds no blank
(``[#123]``, a changelog's issue number, is no citation, and neither is ``[# Title]``).
"""

from __future__ import annotations

import re

from citecheck.reader.mmdmeta import metadata_end
from citecheck.text.recache import lazy

# A key: a letter, then letters, digits and the punctuation keys are written with.
_KEY = r"[A-Za-z][\w:.+/'&-]*"
# ``[#Key]`` not followed by ``:`` (a definition) nor ``(`` (a link's text).
_CITE = lazy(r"(?<![\\!])\[#(" + _KEY + r")\](?![:(])")
_RAW = lazy(r"^\[#" + _KEY + r"\]$")
_BIBTEX = lazy(r"^bibtex[ \t]*:[ \t]*(\S[^\n]*)$", re.M | re.I)

LEAST_KEYS = 2
"""Distinct keys that make a document with no metadata a MultiMarkdown citer."""


def metadata_bibliography(text: str) -> str | None:
    """The BibTeX file the MultiMarkdown metadata names (``BibTeX: refs``), or None."""
    end = metadata_end(text)
    if not end:
        return None
    m = _BIBTEX.search(text, 0, end)
    return m.group(1).strip() if m else None


def cites(text: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    """The citations of ``text[start:end]``: ``(start, end, key, False)``, each span the
    whole ``[#Key]`` (the locator's brackets before it are not part of it)."""
    if "[#" not in text[start:end]:
        return []
    return [(m.start(), m.end(), m.group(1), False) for m in _CITE.finditer(text, start, end)]


def keys(text: str) -> frozenset[str]:
    """The distinct keys cited in ``text``."""
    return frozenset(k for _, _, k, _ in cites(text, 0, len(text)))


def is_cite(raw: str) -> bool:
    """Whether a marker's text is a MultiMarkdown citation (``[#Key]``)."""
    return _RAW.match(raw) is not None
