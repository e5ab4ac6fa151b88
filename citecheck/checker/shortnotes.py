"""Works cited by short notes: a list's entries that another list's notes name.

A wiki page that cites books page by page keeps two lists: the notes, each a short note
("Kranish & Fisher 2017, pp. 30, 37.", "Blair 2015, p. 24; Haberman 2022, p. 7."), and
the Works cited (or Sources, Bibliography), each a full entry ("Kranish, Michael; Fisher,
Marc (2017). Trump Revealed …"). No marker of the text calls a work of the second list:
the notes call it by its first author's surname and year. :func:`short_noted` collects
the surname and year each short note names, and :func:`named` tells an entry they name,
which is then cited.
"""

from __future__ import annotations

from citecheck.model import Document, Reference
from citecheck.text.recache import lazy

_NAME = r"[A-Z][\w'’-]+(?:\s(?:[A-Z][\w'’-]+|de|van|von|der|la|le))?"
# A short note, after the backlink letters a saved page keeps ("a b Blair 2015, p. 24"),
# or after another source of the same note ("…; Haberman 2022", a bundle's next line):
# one to four surnames, "et al.", a year with no parenthesis (a full entry's "Marsh, Ann
# (2001)." names no other); group 1 the first surname, group 2 the year.
_SHORT = lazy(
    rf"(?:^(?:[a-z]{{1,2}}\s){{0,60}}|[;.:]\s+)({_NAME})"
    rf"(?:(?:\s*,\s*|\s+&\s+|\s+and\s+){_NAME}){{0,3}}(?:\s+et\s+al\.?)?"
    r"\s+(\d{4})[a-z]?(?=[,.;:]|\s*$)"
)
# An entry's first author as a full entry writes it: "Kranish, Michael; …" → Kranish.
_FIRST_SURNAME = lazy(r"^(?:[a-z]{1,2}\s){0,60}([A-Z][\w'’ -]{0,40}?),\s")


def short_noted(doc: Document) -> set[tuple[str, str]]:
    """The (surname, year) pairs the document's short notes name, surnames case-folded."""
    found: set[tuple[str, str]] = set()
    for ref in doc.references:
        if len(ref.text) > 600:
            continue
        for m in _SHORT.finditer(ref.text):
            found.add((m.group(1).casefold(), m.group(2)))
    return found


def named(ref: Reference, noted: set[tuple[str, str]]) -> bool:
    """Whether a full entry is the work a short note names: its first author's surname and
    its year are a pair of ``noted`` (see :func:`short_noted`)."""
    if not noted or not ref.year:
        return False
    m = _FIRST_SURNAME.match(ref.text)
    if m is None:
        return False
    return (m.group(1).strip().casefold(), str(ref.year)[:4]) in noted
