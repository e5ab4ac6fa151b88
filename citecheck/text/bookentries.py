"""A line that is a book's catalogue entry: it ends in the book's ISBN.

A wiki page's list of works about its subject (English "Further reading", Dutch
"Publicaties" or "Literatuur", German "Literatur") writes each book as author, title,
place, publisher, year and ISBN, one a line, without bullets when the page is copied as
text: ``Klaas van Berkel: Universiteit van het Noorden. … Hilversum, Verloren, 2014. ISBN
978-90-8704-466-4``. ISO 2108 makes the number the book's own identifier, and a
sentence of prose does not end with one, so a line whose last words are ``ISBN`` and an
ISBN-10 or ISBN-13 (or the words "no ISBN" of a book that has none: Dutch "geen ISBN",
German "keine ISBN", French "sans ISBN", Spanish "sin ISBN", Italian "senza ISBN") is an
entry: it ends its paragraph in a text whose lines a reader joins, and its sentences are
no claims.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_ISBN_END = lazy(
    r"(?:\bISBN(?:-1[03])?\s*:?\s*(?:97[89][\s-]*)?\d(?:[\s-]*\d){8}[\s-]*[\dXx]"
    r"|\b(?:no|geen|keine?|sans|sin|senza)\s+ISBN)[.)\]]?\s*$",
    re.I,
)
_LONGEST = 600  # characters of an entry


def ends_in_isbn(line: str) -> bool:
    """Whether ``line`` ends with an ISBN (or "no ISBN"), a full stop or bracket after it
    allowed."""
    return "ISBN" in line[-40:].upper() and _ISBN_END.search(line[-40:]) is not None


def book_entry(paragraph: str) -> bool:
    """Whether ``paragraph`` is one book's catalogue entry: at most 600 characters, on one
    line, ending in an ISBN (see the module)."""
    body = paragraph.strip()
    return len(body) <= _LONGEST and "\n" not in body and ends_in_isbn(body)
