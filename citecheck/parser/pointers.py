"""A document's own notation for pointing into the sections of another document, and a
saved page's menu of bracketed links.

RFC 3261 says "we use [HX.Y] to refer to Section X.Y of the current HTTP/1.1
specification (RFC 2616 [8])", then writes ``[H4.2]``, ``[H14.1]``, ``[H19.4.1]``: pointers
into an entry it cites by number, not label citations of entries of their own. The
notation is declared by a bracket whose section number is a placeholder (``[HX.Y]``,
``[SX.Y.Z]``); its prefix then makes a pointer of every bracket that holds the prefix and a
section number, unless a reference has that label.

A page saved from the IETF datatracker keeps its menu, ``[Search] [txt|pdf] [Tracker] [WG]
[Email]``: a line of bracketed words, most of them no citation's shape; ``[WG]`` there is a
link of the page, not a citation.
"""

from __future__ import annotations

from citecheck.model import Marker, MarkerKind
from citecheck.parser.markers import normalise_label
from citecheck.parser.nonmarkers import glued_to_code
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


_GROUP = lazy(r"\[([^\[\]\n]{1,1000})\]")
_MENU_LINE = lazy(r"[ \t]*(?:\[[^\[\]\n]{1,1000}\][ \t]*){3,}")
_WORDY = lazy(r"[a-z|]")


def in_menu(text: str, start: int) -> bool:
    """Whether the bracket at ``start`` stands on a line of bracketed words only, three or
    more, most of which hold a lower-case letter or a ``|`` (a saved page's menu)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    hi = len(text) if hi < 0 else hi
    if hi - lo > 4000 or not _MENU_LINE.fullmatch(text, lo, hi):
        return False
    groups = _GROUP.findall(text, lo, hi)
    return 2 * sum(1 for g in groups if _WORDY.search(g)) > len(groups)


def bracket_citations(
    markers: list[Marker], text: str, masked: str, labels: frozenset[str], prefixes: frozenset[str]
) -> list[Marker]:
    """``markers`` (of one block, offsets into ``text``) without the indexes of code
    (see :func:`.glued_to_code`) and, among unlisted labels (``labels`` normalised), the
    section pointers of the notations ``prefixes`` and the links of a saved page's menu.
    Only a bracket after masked code or markup, an unlisted label or a document with a
    declared notation is looked at."""
    return [
        m
        for m in markers
        if not (
            (m.start and (masked[m.start - 1] != text[m.start - 1] or text[m.start - 1] in ">\\"))
            or prefixes
            or (m.kind is MarkerKind.LABEL and normalise_label(m.keys[0]) not in labels)
        )
        or not _not_citation(m, text, masked, labels, prefixes)
    ]


def _not_citation(
    m: Marker, text: str, masked: str, labels: frozenset[str], prefixes: frozenset[str]
) -> bool:
    if m.kind is MarkerKind.NUMERIC:
        return glued_to_code(text, masked, m.start)
    if m.kind is not MarkerKind.LABEL or len(m.keys) != 1:
        return False
    if normalise_label(m.keys[0]) in labels:
        return False
    return is_pointer(m.keys[0], prefixes) or in_menu(text, m.start)
