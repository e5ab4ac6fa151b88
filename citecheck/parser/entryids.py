"""Identifiers written in a reference entry: DOI, arXiv id, PMID, PMCID, ISBN and URL.

Each is found by its own shape (Crossref's DOI pattern, arXiv's new ``2101.00001v2`` and
old ``hep-th/9901001`` ids, written ``arXiv:…`` or as an arxiv.org address) and cut out
of the text, with its lead-in (``doi:``, ``Available at``, ``[Online]``, ``Retrieved
from``, ``Accessed …``), so that what remains reads as authors, title and venue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.text.recache import lazy

_DOI = lazy(r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_ARXIV_NEW = r"\d{4}\.\d{4,5}(?:v\d+)?"
_ARXIV_OLD = r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?"
_ARXIV = lazy(
    rf"(?:\barXiv\s*(?:preprint|e-prints?)?\s*(?:arXiv\s*)?:?\s*|https?://(?:www\.)?arxiv\.org/"
    rf"(?:abs|pdf)/)({_ARXIV_NEW}|{_ARXIV_OLD})(?:\.pdf)?(?:\s*\[[\w.-]+\])?",
    re.I,
)
_PMID = lazy(r"\bPMID\s*:?\s*(\d{1,9})\b")
_PMCID = lazy(r"\bPMCID\s*:?\s*(?:PMC)*\s?(\d{3,9})\b|\b(?:PMC)+\s?(\d{3,9})\b")
_ISBN = lazy(r"\bISBN(?:-1[03])?\s*:?\s*((?:97[89][\s-]*)?\d(?:[\s-]*\d){8}[\s-]*[\dXx])(?![\dXx])")
# What follows an identifier glued on by PDF-to-text: "10.1103/X.4.041024.URL https…".
_GLUED = lazy(r"[.,;]\s*(?:URL|arXiv|https?|Available|PMID|PMCID|ISBN|\[pii\]).*$", re.I)
_URL = lazy(r"(?:https?|ftp)://[^\s<>\"]+|\bwww\.[a-z0-9-]+\.[^\s<>\"]+", re.I)
_LEAD_INS = lazy(
    r"\s*(?:\[online\]\.?|available\s+(?:at|from|online)\s*:?|retrieved\s+(?:on\s+[^,]+,\s*)?"
    r"from\s*:?|url\s*:?|online\s*:|accessed\s*:?\s*(?:on\s+)?[\w ,.-]{0,30}\d{4}\.?"
    r"|\[(?:cited|accessed)[^\]]*\]\.?|\(accessed[^)]*\)\.?)\s*",
    re.I,
)
_TRIM = ".,;:)]}>»”\"'"


@dataclass(slots=True)
class Identifiers:
    """The identifiers of one entry and the text left when they are cut out."""

    rest: str
    doi: str | None = None
    arxiv: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    isbn: str | None = None
    url: str | None = None


def _trim(value: str) -> str:
    while value and value[-1] in _TRIM:
        if value[-1] == ")" and value.count("(") >= value.count(")"):
            break
        value = value[:-1]
    return value


def identifiers(text: str) -> Identifiers:
    """Find the identifiers of ``text`` (one entry, whitespace normalised); return them
    with the text that remains (identifiers and lead-ins replaced by a space)."""
    ids = Identifiers(text)
    spans: list[tuple[int, int]] = []
    if m := _ARXIV.search(text):
        ids.arxiv = m.group(1)
        spans.append(m.span())
    if m := _DOI.search(text):
        ids.doi = _trim(_GLUED.sub("", m.group(1)))
        spans.append((m.start(), m.start(1) + len(m.group(1))))
    if m := _PMID.search(text):
        ids.pmid = m.group(1)
        spans.append(m.span())
    if m := _PMCID.search(text):
        ids.pmcid = "PMC" + (m.group(1) or m.group(2))
        spans.append(m.span())
    if m := _ISBN.search(text):
        ids.isbn = re.sub(r"[^\dX]", "", m.group(1).upper())
        spans.append(m.span())
    for m in _URL.finditer(text):
        url = _trim(m.group().split(";http")[0])
        if not ids.url and "doi.org/" not in url:
            ids.url = url if "://" in url else "http://" + url
        spans.append((m.start(), m.start() + len(m.group())))
    if spans:
        chars = list(text)
        for start, end in spans:
            chars[start:end] = [" "] * (end - start)
        rest = "".join(chars)
        rest = _LEAD_INS.sub(" ", " ".join(rest.split()))
        ids.rest = " ".join(rest.split()).strip(" ,;:")
    return ids
