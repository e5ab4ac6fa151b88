"""Does one of a page's own titles name the same work as the title a reference lists?

Both titles are normalised (case, accents, quote marks, dashes, punctuation and spacing),
and the site's part is cut from either (:func:`citecheck.sources.titles.site_parts`: "Title |
Reuters", "BBC News - Title", "Title - BBC News"). :func:`title_score` gives 100 when the two
are equal or when one of at least ``MIN_PART_WORDS`` words begins or ends the other ("Title"
and "Title: a subtitle", "Blog name: Title"), else rapidfuzz's ratio (0-100); two titles
whose numbers differ (neither's numbers all in the other: "Issue 85" and "Issue 84", "Pi 3"
and "Pi 4") score 0, as issues of a series are different works. A page gives
itself several titles (``<title>``, ``og:title``, the ``<h1>`` …; see
:mod:`citecheck.sources.titles`): :func:`same_any` passes when any of them scores at least
``SAME`` against the listed title.

``SAME`` was chosen on the tuning half of ``benchmarks/titles.json`` (real pages paired with
entries written in the usual reference styles, with writers' slips, and entries naming
another page's or another issue's title): there the entries of the same page score 90.9 or
more and the wrong titles 50.0 or less, so every threshold from 52 to 90 gives no false
mismatch and catches every wrong title; 70 is the middle of that gap
(``python benchmarks/titles.py DIR tune --sweep``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from citecheck.text.recache import lazy

SAME = 70.0
"""Least score (0-100) between a page's title and a listed title of the same work."""

MIN_PART_WORDS = 3
"""A title that begins or ends the other ("Title" and "Title: a subtitle") must be this long."""

_PUNCT = lazy(r"[^\w\s]")
_NUMBER = lazy(r"\d+")


def normalise_title(title: str) -> str:
    """Return a title folded for comparison: lower case, no accents or punctuation."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    return " ".join(_PUNCT.sub(" ", text).split())


def _forms(title: str, site_name: str | None) -> set[str]:
    """The normalised title and its forms without a site prefix or suffix."""
    from citecheck.sources.titles import site_parts

    sites = [site_name] if site_name else []
    forms = {normalise_title(title)} | {normalise_title(p) for p in site_parts(title, sites)}
    return {f for f in forms if f}


def _part(one: str, two: str, site: str | None) -> bool:
    """Whether the shorter title, of at least MIN_PART_WORDS words, begins or ends the
    longer (at a word boundary), and is not the site's name (``site``, normalised) or a
    known outlet's: "Condé Nast Traveler" ends "The Best Shopping in Marrakech - Condé
    Nast Traveler" but names no work."""
    from citecheck.text.outlets import canonical

    short, long = sorted((one, two), key=len)
    if len(short.split()) < MIN_PART_WORDS or short == site or canonical(short) is not None:
        return False
    return long.startswith(short + " ") or long.endswith(" " + short)


def _same_numbers(one: str, two: str) -> bool:
    """Whether the numbers of one title are all in the other ("Issue 85" is not "Issue 84",
    "Python 3.6" not "Python 3.7"; a date in one title only does not count against it)."""
    a, b = set(_NUMBER.findall(one)), set(_NUMBER.findall(two))
    return a <= b or b <= a


def title_score(page_title: str, listed_title: str, site_name: str | None = None) -> float:
    """Return how alike a page's title and a listed title are, 0-100 (100: the same words,
    or one a part of the other, see :func:`_part`); ``site_name`` is the page's own site
    name, cut from either title when it stands after a separator. Uses rapidfuzz's
    normalised Indel ratio (``fuzz.ratio``) on the normalised forms."""
    from rapidfuzz import fuzz

    if not _same_numbers(normalise_title(page_title), normalise_title(listed_title)):
        return 0.0
    best = 0.0
    site = normalise_title(site_name) if site_name else None
    wants = _forms(listed_title, site_name)
    for page in _forms(page_title, site_name):
        for want in wants:
            if page == want or _part(page, want, site):
                return 100.0
            best = max(best, fuzz.ratio(page, want))
    return best


def best_score(
    page_titles: Iterable[str], listed_title: str, site_name: str | None = None
) -> float:
    """The highest :func:`title_score` of any of a page's titles against a listed title."""
    return max((title_score(t, listed_title, site_name) for t in page_titles), default=0.0)


def same_any(page_titles: Iterable[str], listed_title: str, site_name: str | None = None) -> bool:
    """Whether any of a page's titles names the same work as a reference's listed title
    (an empty listed title passes: there is nothing to compare)."""
    if not normalise_title(listed_title):
        return True
    return best_score(page_titles, listed_title, site_name) >= SAME


def same_title(page_title: str, listed_title: str, site_name: str | None = None) -> bool:
    """Whether a page's title names the same work as a reference's listed title."""
    return same_any((page_title,), listed_title, site_name)


def listed_readings(
    title: str | None, text: str, url: str | None, site_name: str | None
) -> tuple[str, ...]:
    """The ways to read a reference's title once its page's ``site_name`` is known: the
    parser's ``title``, the entry ``text`` read again with that site name as a known outlet
    (:func:`citecheck.parser.entrytitles.entry_title`), and the whole entry without its URL
    and date (:func:`citecheck.parser.entrytitles.entry_body`: "Harbour Board. Toll revenue
    2023" when nothing tells which part is the outlet). A ``title`` that is the site's own
    name ("Minecraft Update News. Minecraft 1.8. URL" read by its first segment) is an outlet
    read as the title and is dropped."""
    from citecheck.parser.entrytitles import entry_body, entry_title

    body = entry_body(text) or None
    if not site_name:
        return tuple(dict.fromkeys(t for t in (title, body) if t))
    again = entry_title(text, url, (site_name,))
    site = normalise_title(site_name).removeprefix("the ")
    first = title if title and normalise_title(title).removeprefix("the ") != site else None
    return tuple(dict.fromkeys(t for t in (first, again, body) if t))


def mismatch(
    page_titles: Iterable[str], site_name: str | None, title: str | None, text: str, url: str | None
) -> bool:
    """Whether a reference (its parsed ``title``, entry ``text`` and ``url``) names another
    work than its page (its ``page_titles`` and ``site_name``): no reading of the listed
    title (:func:`listed_readings`) is close to any of the page's titles. False when there is
    nothing to compare."""
    pages = tuple(page_titles)
    readings = listed_readings(title, text, url, site_name)
    if not pages or not readings:
        return False
    return not any(same_any(pages, r, site_name) for r in readings)
