"""A wiki's note that cites a source and then quotes it: a source, however long its quote.

A Wikipedia reference may hold, after the citation, the passage it supports (the
``quote=`` field of the citation templates) or a remark: ``Harvey 2022, p. 3, "Unlike
Hitler's coup attempt, Trump already held …"`` (a short note to a work of the Works
cited, then the quotation), or ``Baker, Peter (February 25, 2025). "Under Trump, America's
New Friends". The New York Times. Retrieved March 2, 2025. It would be hard to think of …``
(a full citation, then the quotation unquoted). Read as a whole, the quotation's running
text outweighs the citation and the entry reads as commentary; dropped, it takes its
number with it and every entry after it is numbered one short of the page's own numbers.

:func:`cites_first` tells an entry that opens with such a citation: a short note (one to
four surnames, a year, an optional page, then a quotation) or a full citation (a quoted
title, then the date it was retrieved). Such an entry is a source whatever follows.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_NAME = r"[A-Z][\w'’.-]+(?:[ -](?:[A-Z][\w'’.-]+|de|van|von|der|la|le))?"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# "Harvey 2022, p. 3, "…", "Castañeda & Jenks 2023, p. 246, "…", "Parker & Towler 2019,
# p. 505; 513, "…", "Franks & Hesami 2021, "…": names, a year, pages, then a quotation.
_SHORT_NOTE = lazy(
    rf"^{_NAME}(?:\s*(?:,|&|and)\s*{_NAME}){{0,3}}(?:\s+et\s+al\.?)?\s+\(?\d{{4}}[a-z]?\)?"
    r"(?:,\s*(?:pp?\.\s*)?[\dxivlc]+(?:\s*[–-]\s*\d+)?(?:\s*[;,]\s*\d+(?:\s*[–-]\s*\d+)?)*)?"
    r"[,:]\s*[\"“]"
)
# '… "Title". Outlet. Retrieved March 2, 2025.' or 'Retrieved 2 March 2025': a quoted
# title, then, within the citation's length, the date it was retrieved.
_RETRIEVED = lazy(
    rf"[\"“][^\"”\n]{{3,300}}[\"”][^\"“”\n]{{0,200}}?\bRetrieved\s+"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
)


def cites_first(text: str) -> bool:
    """Whether an entry (one cleaned line) opens with a citation, a short note with its
    quotation or a full citation with its retrieval date, whatever comes after it."""
    if _SHORT_NOTE.match(text):
        return True
    m = _RETRIEVED.search(text, 0, 600)
    return m is not None and m.start() < 300
