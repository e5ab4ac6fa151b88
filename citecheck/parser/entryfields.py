"""A scholarly reference entry read into fields: authors, year, title, venue, volume,
issue, pages, identifiers, and the style it is written in.

The entry is read in the order styles write it. Identifiers go first (they have fixed
shapes, :mod:`citecheck.parser.entryids`). Then the year splits the rest where it follows
the authors: ``Bloom, N. (2024). Title.`` (APA, Harvard, natbib), ``Lind, Anna. 2014.
Title.`` (Chicago author-date, ACM); otherwise the authors end where a quoted title opens
(IEEE, MLA, Chicago notes), at Vancouver's full stop (``Ortiz B, Chen C.``) or at the first
full stop after a word that is no initial (``N. Bloom and R. Han. Title.``, BibTeX plain).
The title runs to its closing quote or its full stop; the venue, volume, issue and pages
follow (:mod:`citecheck.parser.entryvenue`). Names are read by
:func:`citecheck.parser.names.split_names`. PDF-to-text forms are undone first: ligatures
(``ﬁ``), words broken at a line end (``Mur- phy``), a leading number or label.
"""

from __future__ import annotations

import re
import unicodedata

from citecheck.model import EntryFields
from citecheck.parser.entryauthors import (
    QUOTED,
    SURNAME,
    VANCOUVER,
    authors_end,
    before_year,
    sentence_end,
)
from citecheck.parser.entryids import identifiers
from citecheck.parser.entryvenue import venue_parts
from citecheck.parser.names import split_names
from citecheck.text.recache import lazy

STYLES = (
    "apa",
    "harvard",
    "natbib",
    "chicago-author-date",
    "acm",
    "chicago-notes",
    "mla",
    "ieee",
    "vancouver",
    "nature",
    "bibtex-plain",
    "bibtex-alpha",
)
"""The styles :func:`read_entry` names. ``bibtex-plain`` stands for BibTeX's ``plain`` and
``unsrt`` (they differ only in the order of the list); ``nature`` for Nature's and
Science's numbered lists."""

_LONGEST = 1500
"""Characters of an entry read: a reference runs to a few hundred; a longer paragraph in a
list is prose, and its first stretch holds whatever fields it has (the patterns cost more
than linear time on long runs of unclosed quotes)."""
_LABEL = lazy(r"^\s*(?:\[([^\]\s]{1,12})\]|\(?(\d{1,4})[.)]?(?=\s))\s*")
_ALPHA = lazy(r"^[A-Z][A-Za-z+]{0,4}\d{2}[a-z]?$")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?"
_SPECIAL_YEAR = r"n\.\s?d\.|in\s+press|forthcoming|im\s+druck|s\.\s?d\."
_PAREN_YEAR = lazy(
    rf"\(\s*(?:[A-Z][a-z]+\.?\s+(?:\d{{1,2}},?\s+)?)?({_YEAR}|{_SPECIAL_YEAR})(?:\s*[,/][^()]{{0,25}})?\s*\)[.,:]?\s*",
    re.I,
)
_BARE_YEAR = lazy(rf"(?<=[.,:])\s+({_YEAR}|{_SPECIAL_YEAR})[.,:]\s+", re.I)
_ANY_YEAR = lazy(rf"(?<![\d/–-])({_YEAR})(?![\d/])|\b({_SPECIAL_YEAR})", re.I)
# The first author written surname first: "Bloom, N.", "Mangen, Anne,", "van Dijk, J."
_FIRST_INVERTED = lazy(
    rf"^{SURNAME}(?:\s{SURNAME})?,\s+(?:[A-Z]\.|[A-Z]{{1,2}}(?:,|$)|[A-Z][a-z]+(?:\s[A-Z]\.)*"
    r"(?:,|\.|\s*$|\s(?:and|&)\s))"
)
_PUB_NOTE = lazy(r"\s*\(([^():]{2,60}:\s*[^():]{2,80}?),?\s*(?:\d{4})?\)\s*$")
_EDITION = lazy(r"\s*\((?:\d+\w*\s*)?(?:ed|éd|edn|edition|aufl)\.?\)$", re.I)


def _clean(text: str) -> str:
    """Undo what PDF-to-text leaves in an entry: ligatures, line-end hyphens, spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\b(https?|ftp)\s*:\s*//\s*", r"\1://", text)  # "http ://cern.ch"
    text = re.sub(r"\b(doi|arXiv)\s+(?=[.:])", r"\1", text, flags=re.I)  # "doi :10.…"
    text = re.sub(r"\b10\s?\.\s?(\d{4,9})\s?/\s?", r"10.\1/", text)  # "10 .1088/…"
    text = re.sub(r"(arXiv\s*:?\s*)(\d{4})\s*\.\s*(\d{4,5})", r"\1\2.\3", text, flags=re.I)
    text = re.sub(r"(?<=[a-z])\s*-\s*(?=[a-z]+/\d{7})", "-", text)  # "gr -qc/9704045"
    for _ in range(3):  # "http://link .springer .com/…"
        text = re.sub(r"(://\S{0,200}?)\s+(?=\.[a-z]{2,}|(?:org|com|net|edu|gov)/)", r"\1", text)
    text = re.sub(r"(?<=[a-zà-ÿ])-\s+(?=[a-zà-ÿ])", "", text)
    text = re.sub(r"(?<=\w)-\s+(?=[A-Z])", "-", text)
    return " ".join(text.split())


def _venue_like(text: str) -> bool:
    """Whether the text after a comma in a title with no full stop can be a venue: it
    opens with a capital or holds a number (a volume, pages, a year)."""
    return text[:1].isupper() or any(c.isdigit() for c in text)


def _title(tail: str) -> tuple[str | None, str, bool]:
    """The title at the head of ``tail``, the text after it, and whether it was quoted."""
    if (q := QUOTED.match(tail)) or (q := QUOTED.search(tail[:3])):
        inner = next(g for g in q.groups() if g is not None)
        return inner.strip(" ,."), tail[q.end() :], True
    end = sentence_end(tail)
    if tail[end : end + 1] in ("?", "!"):
        end += 1
    title, after = tail[:end], tail[end:]
    if m := _PUB_NOTE.search(title):  # "Title (London: Routledge, 1994)"
        title, after = title[: m.start()], m.group(1) + after
    elif end == len(tail) and ", " in title and _venue_like(title.split(", ", 1)[1]):
        # no full stop: the title ends at a comma ("Title, Journal 12(3)"), unless what
        # follows reads as the title going on ("Motif, the basics")
        title, after = title.split(", ", 1)[0], ", " + title.split(", ", 1)[1]
    title = _EDITION.sub("", title.strip(" ,.;:"))
    return title or None, after, False


def read_entry(text: str) -> EntryFields:
    """Read one reference entry (plain text, one line or wrapped) into its fields.

    Every field is None (or empty) when the entry does not show it; nothing raises. The
    style is named only when the entry's shape matches one of :data:`STYLES`. Only the
    first ``_LONGEST`` characters are read.
    """
    text = _clean(text[:_LONGEST])
    fields = EntryFields()
    label = None
    if m := _LABEL.match(text):
        label = m.group(1) or m.group(2)
        text = text[m.end() :]
    ids = identifiers(text)
    for name in ("doi", "arxiv", "pmid", "pmcid", "isbn", "url"):
        setattr(fields, name, getattr(ids, name))
    rest = ids.rest
    head = rest[:200]
    year_at = "end"
    paren = _PAREN_YEAR.search(head)
    if paren and not (paren.start() > 0 and before_year(rest[: paren.start()])):
        paren = None
    bare = _BARE_YEAR.search(head)
    if bare and not (
        before_year(rest[: bare.start()])
        and (authors_end(rest) >= bare.start() - 1 or re.match(r"[-—–_]{2,}", rest))
    ):
        bare = None
    if paren and not (bare and bare.start() < paren.start()):
        author, year, tail = rest[: paren.start()], paren.group(1), rest[paren.end() :]
        year_at = "paren." if paren.group().rstrip().endswith(".") else "paren"
    elif bare:
        author, year, tail = rest[: bare.start()], bare.group(1), rest[bare.end() :]
        year_at = "bare"
    else:
        cut = authors_end(rest)
        author, tail, year = rest[:cut], rest[cut:].lstrip(" .,:;"), None
    fields.authors, fields.et_al = split_names(author)
    fields.title, after, quoted = _title(tail.strip(" ,.;:"))
    after = after.strip(" ,.;:")
    if year is None:
        years = list(_ANY_YEAR.finditer(after))
        if years:
            y = years[-1]
            year = y.group(1) or y.group(2)
    if year is None and (years := list(_ANY_YEAR.finditer(rest))):
        year = years[-1].group(1) or years[-1].group(2)
    fields.year = _year(year)
    parts = venue_parts(after, year)
    fields.venue, fields.volume, fields.issue, fields.pages = parts
    fields.style = _style(fields, label, year_at, quoted, author, after)
    if fields.style is None and fields.year is None:
        # No scholarly shape and no year ("Energy Desk: Wind slows as permits lag"): the
        # words before the first stop are a headline or an outlet, not authors.
        fields.authors, fields.et_al = (), False
    return fields


def _year(year: str | None) -> str | None:
    if year is None:
        return None
    low = " ".join(year.lower().split())
    if low.replace(" ", "") in ("n.d.", "s.d."):
        return "n.d."
    return low if not low[0].isdigit() else year


def _style(
    f: EntryFields, label: str | None, year_at: str, quoted: bool, author: str, after: str
) -> str | None:
    """Name the style from the shape read: where the year sits, how names and the
    volume are written, whether the title is quoted and the entry numbered."""
    first = author.strip()
    inverted = bool(_FIRST_INVERTED.match(first))
    initials_first = bool(re.match(r"^(?:[A-Z]\.\s?-?){1,3}\s*[^\W\d]", first))
    vancouver = bool(VANCOUVER.match(author.strip() + ". "))
    if label and _ALPHA.match(label):
        return "bibtex-alpha"
    if year_at.startswith("paren"):
        if "&" in first or year_at == "paren.":
            return "apa"
        return "harvard" if inverted else "natbib"
    if year_at == "bare":
        return "chicago-author-date" if inverted or vancouver else "acm"
    if vancouver or re.search(r"\b\d{4}[a-z]?\s*;\s*\d", after):
        return "vancouver"
    if quoted:
        if not inverted:
            return "ieee"
        if re.search(r"\(\d{4}\)\s*:", after) or (
            re.search(r"\bno\.", after) and not re.search(r"\bvol\.", after)
        ):
            return "chicago-notes"
        return "mla"
    if label and (re.search(r"\(\d{4}[a-z]?\)\.?$", after.strip()) or inverted):
        return "nature"
    if re.search(r"\d+\s*\(\w+\)\s*:\s*\d", after) or initials_first:
        return "bibtex-plain"
    if inverted:
        return "chicago-notes" if re.search(r"\d{4}\.?$", after.strip()) else "mla"
    return "bibtex-plain" if f.title else None
