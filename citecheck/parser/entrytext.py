"""An entry's text read into fields: cleaned to one plain line, then its URL, DOI, year,
authors, outlet and title.

An item of a reference list, a footnote or a link definition comes as written: Markdown
links and emphasis, inline HTML, LaTeX font commands and ties, backslash escapes, URLs and
DOIs a PDF's line breaks cut. :func:`clean` turns it into one plain line and keeps its link
targets (never a wiki's help links: ``ISBN``, ``doi``, a linked date); :func:`read_fields`
fills a :class:`~citecheck.model.Reference` from that line; :func:`styled_title`,
:func:`link_title` and :func:`fallback_title` find the title where the entry's style puts it.
Item keys, labels and what is not a source are read in :mod:`citecheck.parser.references`.
"""

from __future__ import annotations

import html
import re

from citecheck.model import EntryFields, Reference
from citecheck.parser.authors import PARTICLES
from citecheck.parser.sourcelike import AUTHORS, NAME_LIST, OUTLET_TITLE, QUOTED
from citecheck.text.outlets import find_outlet, outlet_from_url
from citecheck.text.recache import lazy
from citecheck.text.urls import trim_url
from citecheck.text.vocab import HTML_TAG

# A date as a link's whole text: a wiki's old linked dates (``Retrieved on [2006](…/2006)-
# [10-06](…/October_6)``) point at the day's page, never at the entry's source.
_DATE_LABEL = lazy(
    r"^\s*(?:\d{1,4}(?:-\d{1,2}){0,2}|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:January"
    r"|February|March|April|May|June|July|August|September|October|November|December))\s*$"
)
_LEAD_LINK = lazy(
    r"^(?:[*_]{0,3}([A-Z][^\[\]:*_\n]{1,60}?)[*_]{0,3}:\s+)?[*_]{0,3}\[([^\[\]\n]{3,300})\]"
    r"\(\s*<?https?://"
)
# A link's destination stops at the next "[", an angle URL at the next "<": each scan ends
# where the next could start, so a run of unclosed openers costs linear time, not quadratic.
_MD_LINK = lazy(
    r"!?\[([^\[\]]*)\]\(\s*<?((?:[^()\s>\[]|\([^()\s>\[]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
# A link whose text names an identifier scheme ("ISBN", "doi", "Bibcode" pointing to the
# wiki's page about that scheme), or a wiki's book-lookup page, is help for the reader, not
# the source: Wikipedia writes one in most citations of books and journals.
_ID_LABEL = lazy(
    r"^\s*(?:ISBN|e?ISSN|doi|Bibcode|OCLC|PMID|PMC|JSTOR|S2CID|arXiv|hdl|LCCN|OSTI|MR|Zbl|SSRN"
    r"|CiteSeerX|ASIN|ISNI|VIAF|ProQuest|ERIC)\s*$",
    re.I,
)
_ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")
_ANGLE_URL = lazy(r"<((?:https?|ftp)://[^<>]+)>")
# LaTeX kept in an entry of a ``thebibliography`` list: font commands around words and
# ties (``T.~H. Cormen``, ``C.~Stein``), never a URL's ``~user``.
_LATEX_FONT = lazy(r"\\(?:emph|textit|textbf|textsc|textrm|textsl|texttt|mbox|url)\{([^{}]*)\}")
_TIE = lazy(r"(?<=[.\w])~(?=[A-Z\\])")
_URL = lazy(r"(?:https?|ftp)://[^\s<>\"'\]]+")
# A URL a PDF's line break cut where it could not end: after the dot of an unfinished host
# name or after "/", "=", "&", "?", "_" or "-".
_WRAPPED_URL = lazy(r"((?:https?|ftp)://(?:[^\s/]*\.|\S*[/=&?_-]))\n[ \t]*(?=[\w%/?=&.~-])")
# A URL whose underscore a PDF's text gave as a space ("…/paper files/paper/2022/hash/…",
# NeurIPS' addresses): the path goes on after the space, a word and a "/".
_SPACED_URL = lazy(r"((?:https?|ftp)://[^\s<>\"]*\w) (\w[\w.~%-]*/[^\s<>\"]*)")
_DOI = lazy(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
# A PDF conversion breaks a DOI after a full stop: "10.1371/journal.pcbi. 1002771".
_BROKEN_DOI = lazy(r"(10\.\d{4,9}/[^\s\"<>]*\.) (\d[\w.-]*)")
_YEAR = lazy(r"\b(1[6-9]\d\d|20\d\d)[a-z]?\b")
_SEGMENT = lazy(
    r"(?<=[a-z0-9)\]])(?<!\bp)(?<!\bpp)(?<!\bvol)(?<!\bno)(?<!\bed)(?<!\bal)\.\s+(?=[A-Z0-9])"
)
_INITIALS_FIRST = lazy(rf"^(?:(?:{PARTICLES})[ -])*[A-Z][\w'’-]+,\s+[A-Z]\.")
_SPACE_PUNCT = lazy(r"\s+([,.;:])")
# Emphasis marks, but not the underscores of an address (``…/Matrix_(mathematics)``).
_EMPHASIS = lazy(r"((?:https?|ftp)://[^\s<>\"'\]*]+)|(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


def clean(source: str) -> tuple[str, list[str]]:
    """Turn an item's Markdown or wrapped text into one plain line; return its link targets."""
    urls: list[str] = []

    def link(m: re.Match[str]) -> str:
        if not (
            _ID_LABEL.match(m.group(1))
            or "Special:BookSources" in m.group(2)
            or _DATE_LABEL.match(m.group(1))
        ):
            urls.append(m.group(2))
        return m.group(1)

    # Each substitution runs only on items that hold what it replaces.
    if "://" in source and "\n" in source:  # PDF text: "https://en.\nwikipedia.org/w/…"
        source = _WRAPPED_URL.sub(r"\1", _SPACED_URL.sub(r"\1_\2", source))
    if "<" in source:
        source = _ANGLE_URL.sub(lambda m: " " + "".join(m.group(1).split()) + " ", source)
    if "](" in source:
        source = _MD_LINK.sub(link, source)
    if "<" in source:  # inline HTML: <span id="page-37-1"></span>, <sup>, <i>
        source = HTML_TAG.sub("", source)
    source = html.unescape(source)
    if "\\" in source or "~" in source:  # LaTeX: "T.~H. Cormen. \\emph{Introduction}"
        source = _LATEX_FONT.sub(r"\1", source) if "\\" in source else source
        source = _TIE.sub(" ", source) if "~" in source else source
    if "\\" in source:  # Markdown's backslash escapes: "\[2005.14165\] GPT-4 \| OpenAI"
        source = _ESCAPE.sub(r"\1", source)
    if "*" in source or "_" in source:
        source = _EMPHASIS.sub(lambda m: m.group(1) or "", source)
    # str.split and the pattern's \s agree on what is a space.
    return _SPACE_PUNCT.sub(r"\1", " ".join(source.split())).strip(), urls


def read_fields(ref: Reference, text: str, urls: list[str]) -> None:
    """Fill outlet, title, authors, year, URL and DOI from a cleaned reference string; the
    entry's scholarly fields (:func:`citecheck.parser.entryfields.read_entry`) are read
    from the same string when first asked for (``Reference.fields``)."""
    if m := _DOI.search(_BROKEN_DOI.sub(r"\1\2", text) if ". " in text else text):
        ref.doi = trim_url(m.group(1))
    web = [u for u in urls if u.startswith(("http://", "https://"))]
    if m := _URL.search(text):
        web.insert(0, m.group())
    if web:
        ref.url = trim_url(web[0])
    if m := _YEAR.search(_URL.sub(" ", text) if "://" in text else text):
        ref.year = int(m.group(1))
    if m := AUTHORS.match(text):
        names = re.split(r",?\s+(?:and|&)\s+|(?<=\.),\s*", m.group(1).strip(" ,"))
        ref.authors = tuple(n.strip(" ,") for n in names if n.strip(" ,"))
    if m := OUTLET_TITLE.match(text):
        ref.outlet, ref.title = m.group(1).strip(), m.group(2).strip()
        if _URL.search(ref.title):  # "Outlet: Title. https://…": the URL is not the title's
            ref.title = _URL.sub("", ref.title).strip(" .,;<>") or None
    elif m := QUOTED.search(text):
        ref.title = m.group(1).strip(" .,")
    ref.outlet = ref.outlet or find_outlet(text) or (outlet_from_url(ref.url) if ref.url else None)
    ref.entry = _read_entry  # read when first asked for: a check rarely asks


def _read_entry(text: str) -> EntryFields:
    """:func:`citecheck.parser.entryfields.read_entry` (imported on first use)."""
    from citecheck.parser.entryfields import read_entry

    return read_entry(text)


def styled_title(ref: Reference, text: str) -> None:
    """The title of a web page's entry as its style places it (``Outlet. Title. URL``, APA,
    Vancouver …; see :mod:`citecheck.parser.entrytitles`). Entries of scholarly works (a DOI)
    and entries with no web address keep the reading above, unless it is an outlet's name
    or the entry is in Vancouver style (``[Internet]``)."""
    if ref.doi:
        return
    from citecheck.parser.entrytitles import entry_title, looks_like_site

    web = ref.url is not None and ref.url.startswith(("http://", "https://"))
    if not (web or "[Internet]" in text or looks_like_site(ref.title)):
        return

    ref.title = entry_title(text, ref.url) or ref.title


def link_title(ref: Reference, raw: str) -> None:
    """An entry that opens with a web link (``[Title](https://…) …``, ``Outlet: [Title](…)``):
    the link text is the title."""
    if not (m := _LEAD_LINK.match(raw)):
        return
    title = clean(m.group(2))[0].strip(' "“”.')
    if len(title) < 3 or _URL.match(title) or title.isdigit():
        return
    if m.group(1):
        ref.outlet = m.group(1).strip()
    elif ":" in title:
        return  # "[Outlet: Title](…)" or a title with a subtitle: as the text reads
    ref.title = title


# Authors, then the year in brackets, then the title: "Lind, A. (2011a) Dredging costs."
_AFTER_YEAR = lazy(r"^([^()]{2,300}?)\((?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)\)\.?\s+(?=\S)")


def fallback_title(text: str) -> str | None:
    """The title of an unquoted entry: the first segment, or the second after authors."""
    text = _URL.sub("", text).strip(" .,;<>")
    if (m := _AFTER_YEAR.match(text)) and (
        AUTHORS.match(text)
        or NAME_LIST.match(text)
        or _INITIALS_FIRST.match(text)
        or (len(m.group(1)) <= 60 and ". " not in m.group(1))
    ):
        rest = _SEGMENT.split(text[m.end() :])[0].strip(" ,;:")
        if len(rest) >= 3:
            return rest
    parts = [p.strip(" ,;:") for p in _SEGMENT.split(text)]
    if len(parts) > 1 and (
        NAME_LIST.match(parts[0] + ", ")
        or AUTHORS.match(parts[0] + ".")
        or re.search(r"\(\d{4}[a-z]?\)$", parts[0])
    ):
        parts = parts[1:]
    title = parts[0] if parts else ""
    return title if len(title) >= 3 and not _YEAR.fullmatch(title) else None
