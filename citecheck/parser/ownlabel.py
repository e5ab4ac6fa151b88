"""A spec's label for itself: ``[RFC6787]`` in RFC 6787.

An RFC's IANA registrations name the document that registers each value in a Reference
column (``speechrecog    Speech Recognizer     [RFC6787]``); before publication that is
``[RFCXXXX]`` or "This document", and the RFC Editor writes in the number. The label names
the document itself, which no reference list holds: it is no citation, and never a dangling
one.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_HEAD = 4000  # characters of the document's head where its number stands
_NUMBER = lazy(
    r"^\s*Request\s+for\s+Comments\s*:\s*(\d{1,5})\b"  # the plain-text header
    r"|^number\s*:\s*(\d{1,5})\s*$"  # kramdown-rfc front matter
    r"|^name\s*=\s*\"RFC\"\s*\n\s*value\s*=\s*\"(\d{1,5})\""  # mmark's title block
    r"|<meta\s+name=\"rfc\.number\"\s+content=\"(\d{1,5})\"",  # xml2rfc HTML
    re.I | re.M,
)


def own_label(text: str) -> str | None:
    """The normalised label (``rfc6787``) a document's own RFC number gives, or None when
    its head states no number."""
    m = _NUMBER.search(text, 0, _HEAD)
    if m is None:
        return None
    return "rfc" + next(g for g in m.groups() if g)
