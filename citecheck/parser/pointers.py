"""A document's own notation for pointing into the sections of another document.

RFC 3261 says "we use [HX.Y] to refer to Section X.Y of the current HTTP/1.1
specification (RFC 2616 [8])", then writes ``[H4.2]``, ``[H14.1]``, ``[H19.4.1]``: pointers
into an entry it cites by number, not label citations of entries of their own. The
notation is declared by a bracket whose section number is a placeholder (``[HX.Y]``,
``[SX.Y.Z]``); its prefix then makes a pointer of every bracket that holds the prefix and a
section number, unless a reference has that label.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

# The declaration: a prefix of capitals and a placeholder section number ``X.Y`` (``.Z``).
_DECLARED = lazy(r"\[([A-Z]{1,4})X\.Y(?:\.Z)?\]")
_POINTER = lazy(r"([A-Z]{1,4})(?:\d{1,3}(?:\.\d{1,3}){0,4}|X\.Y(?:\.Z)?)")


def pointer_prefixes(text: str) -> frozenset[str]:
    """The prefixes of the section-pointer notations ``text`` declares (``{"H"}``)."""
    if "X.Y" not in text:
        return frozenset()
    return frozenset(m.group(1) for m in _DECLARED.finditer(text))


def is_pointer(label: str, prefixes: frozenset[str]) -> bool:
    """Whether ``label`` (a bracket's content, ``H14.1``) is a section pointer of one of the
    declared notations ``prefixes``."""
    m = _POINTER.fullmatch(label)
    return m is not None and m.group(1) in prefixes
