"""What follows an entry's title: the venue (journal, proceedings, book or publisher),
volume, issue and pages, in the forms the styles write them.

``Cognition, 38(2), 43–102`` (APA), ``Oncogene. 2010;29(11):1611-20`` (Vancouver),
``IEEE Trans. Comput., vol. 39, no. 9, pp. 1175–1185`` (IEEE), ``Journal 12, no. 3
(2005): 45–67`` (Chicago), ``Journal, 12(3):45–67, 1999`` (BibTeX plain), ``Nature 411,
494–498 (2001)``, ``Commun. ACM 12, 3 (1999), 45–67`` (ACM), ``In Proceedings of …, pages
1–8`` and ``London: Routledge`` (a book's publisher).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_DASH = r"\s*[-–—‐]+\s*"
_PAGES = lazy(rf"\b(?:pp?\.|pages?|S\.|seiten)\s*([A-Za-z]?\d+(?:{_DASH}[A-Za-z]?\d+)?)", re.I)
_VOL = lazy(r"\b(?:vol\.?|volume|bd\.|band|t\.|v\.)\s*(\d+[A-Za-z]?)", re.I)
# 50: 2, pp. 679 / 30:1: 16 (volume: issue); 37.2 (2011) (MLA); 1 pp. 35-50; 28 (2005)
_VOL_COLON_ISSUE = lazy(r"(?<![\d.])(\d{1,5})\s*:\s*(\d{1,3})\s*[:,]")
_VOL_DOT_ISSUE = lazy(r"(?<![\d.])(\d{1,4})\.(\d{1,3})\s*(?=\(|:)")
_VOL_BEFORE = lazy(r"(?<![\d.(])(\d{1,5})\s*(?:,\s*)?(?=pp?\.|\(\s*(?:[A-Z][a-z]+\.?\s*)?\d{4})")
_NO = lazy(r"\b(?:no\.?|nr\.?|issue|n°|num\.?|heft)\s*(\d+(?:[-–/]\d+)?)", re.I)
# 12(3):45-67, 12(3), 45-67, 12 (3) pp. 45-67, 2010;29(11):1611-20
_VOL_ISSUE = lazy(
    rf"(?<![\d.])(\d{{1,5}}[A-Z]?)\s*\(\s*([\w/–-]{{1,12}})\s*\)(?:\s*[:,]\s*(?:pp?\.\s*)?"
    rf"([A-Za-z]?\d+(?:{_DASH}[A-Za-z]?\d+)?))?"
)
# 411, 494-498 (Nature); 16: 491-497; 12, 3 (1999), 45-67 (ACM)
_VOL_PAGES = lazy(
    rf"(?<![\d.(])(\d{{1,5}})\s*[:,.]\s*(?:pp?\.\s*)?([A-Za-z]?\d+{_DASH}[A-Za-z]?\d+)\b"
)
_ACM = lazy(r"(?<![\d.])(\d{1,5}),\s*(\d{1,4})\s*\(\s*(?:[A-Z][a-z]+\.?\s*)?\d{4}\)")
_CHICAGO = lazy(r"(?<![\d.])(\d{1,5}),?\s+no\.\s*(\d+)", re.I)
_RANGE = lazy(rf"(?<![\d.])([A-Za-z]?\d+{_DASH}[A-Za-z]?\d+)(?![\d.])")
_IN = lazy(r"^(?:in\s*:?|in\s+the)\s+", re.I)
_EDITORS = lazy(r"\((?:eds?|hrsg|hg|dir)\.?\)[.,:]?|,\s*eds?\.,|^eds?\.\s[^,]{0,80}?,", re.I)
# What kind of work: "Technical Report KSL-91-71, Stanford University" names the issuer.
_KIND = lazy(
    r"^(?:technical\s+report|tech\.\s*rep(?:ort)?\.?|research\s+report|working\s+paper"
    r"|(?:ph\.?\s?d\.?|doctoral|master'?s|masters|m\.?\s?sc?\.?)\s+(?:thesis|dissertation)"
    r"|thesis|dissertation)\b[^,]*,\s*",
    re.I,
)
_PUBLISHER = lazy(r"^([A-Z][\w .'’-]{1,40}?)\s*:\s*((?:[A-Z]\.\s)*[^.,:;]{2,80}?)\s*(?:[.,;]|$)")
_VENUE_END = lazy(
    r"\s*(?:[,.;:]\s*(?=\d|vol\b|no\b|n°|pp?\.|pages\b|\(?\d{4})"
    r"|\s(?=\d{1,5}(?:\s*[(,:;]|\s+pp?\.|$))|\(\d{4}"
    r"|,\s*(?:[A-Z][a-z]+\.?\s+)?\d{4})",
    re.I,
)
_DATE_WORDS = lazy(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter)",
    re.I,
)


def _pages(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(_DASH, "-", value.strip())


def venue_parts(
    after: str, year: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """Read (venue, volume, issue, pages) from the text after an entry's title; any may
    be None. ``year`` is the entry's year, so that ``(2001)`` or ``, 2001`` is not read
    as a volume."""
    text = after.strip(" ,.;:")
    if year and year[:1].isdigit():  # the year is no volume ("Oncogene. 2010;29(11)")
        year_at = rf"\(\s*(?:[A-Z][a-z]+\.?\s*)?{year[:4]}[a-z]?\s*\)|(?<=[\s,.;]){year[:4]}[a-z]?"
        text = re.sub(rf"{year_at}(?=\s*[;.,:)]|$)", " ", text)
    volume = issue = pages = None
    if m := _PAGES.search(text):
        pages = _pages(m.group(1))
    if m := _VOL.search(text):
        volume = m.group(1)
    if m := _NO.search(text):
        issue = m.group(1)
    if volume is None and (m := _ACM.search(after)):
        volume, issue = m.group(1), m.group(2)
    if volume is None and (m := _CHICAGO.search(text)):
        volume, issue = m.group(1), m.group(2)
    if volume is None and (m := _VOL_ISSUE.search(text)):
        volume, issue = m.group(1), issue or m.group(2)
        pages = pages or _pages(m.group(3))
    if volume is None and (m := _VOL_COLON_ISSUE.search(text)):
        volume, issue = m.group(1), issue or m.group(2)
    if volume is None and (m := _VOL_DOT_ISSUE.search(after)):
        volume, issue = m.group(1), issue or m.group(2)
    if volume is None and (m := _VOL_PAGES.search(text)):
        volume, pages = m.group(1), pages or _pages(m.group(2))
    if volume is None and (m := _VOL_BEFORE.search(after)):
        volume = m.group(1)
    if volume is None and issue is not None and not _VOL.search(text):
        volume, issue = issue, None  # "L'Aide-soignante, mars 2004, n°55": the number
    if pages is None and (m := _RANGE.search(text)):
        pages = _pages(m.group(1))
    if (
        volume is None
        and pages is None
        and (m := re.search(r"(?<![\d.])(\d{1,4})\s*[,:]\s*(\d{1,6})\s*$", text))
    ):
        volume, pages = m.group(1), m.group(2)
    return _venue(text), volume, issue, pages


def _venue(text: str) -> str | None:
    """The name the work appeared in: a journal, proceedings, book, or the publisher."""
    text = _IN.sub("", text.strip(" ,.;:"))
    text = _KIND.sub("", text)
    if m := _EDITORS.search(text[:160]):  # "In C. Pinney and N. Mookherjee (eds) Book."
        text = text[m.end() :].strip(" ,.;:")
    if not text or text[0].isdigit():
        return None
    if (p := _PUBLISHER.match(text)) and not re.search(r"\d", p.group(2)):
        return p.group(2).strip()  # "London: Routledge", "Cambridge, MA: MIT Press"
    m = _VENUE_END.search(text)
    name = text[: m.start()] if m else text
    name = re.split(r"\.\s+(?=[A-Z][\w' -]{1,30}?\s?:\s)", name)[0]  # "Book. City: Publisher"
    name = re.split(r",\s+(?!and\b|&)(?=\S)", name)[0]  # "Journal, City" / ", June"
    name = re.sub(r"\s*\((?:\d+\w*\s*)?(?:ed|éd|edn|edition)\.?\)$", "", name.strip(" ,.;:"))
    if not name or (_DATE_WORDS.match(name) and len(name.split()) <= 2):
        return None
    return name
