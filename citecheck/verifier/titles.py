"""Does a page's own title name the same work as the title a reference lists?

Both titles are normalised (case, quote marks, dashes, punctuation and spacing), then the
site's part is cut from the page title: a suffix or prefix after " | ", " - ", " – ", " — ",
" :: " or " · " that names the site ("Title | Reuters", "BBC News - Title", "Title - BBC
News"), either the given ``site_name`` or any last part of at most ``MAX_SITE_WORDS`` words.
The titles are the same when one equals the other or rapidfuzz's ratio of the two reaches
``SAME`` (a word's spelling, an article dropped); a title of at least ``MIN_PREFIX_WORDS`` words
that begins the other also passes ("Title" and "Title: a subtitle").
"""

from __future__ import annotations

import re
import unicodedata

SAME = 90.0
"""Least rapidfuzz ratio (0-100) between two normalised titles of one work."""
MAX_SITE_WORDS = 4
"""A title part after a separator with at most this many words may be the site's name."""

MIN_PREFIX_WORDS = 4
"""A title that begins the other ("Title" and "Title: a subtitle") must be this long."""

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_PUNCT = re.compile(r"[^\w\s]")


def normalise_title(title: str) -> str:
    """Return a title folded for comparison: lower case, no accents or punctuation."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    return " ".join(_PUNCT.sub(" ", text).split())


def _candidates(page_title: str, site_name: str | None) -> list[str]:
    """Return the page title and its forms without a site prefix or suffix."""
    parts = _SEPARATOR.split(page_title.strip())
    forms = [page_title]
    site = normalise_title(site_name) if site_name else None
    for cut in range(1, len(parts)):
        head, tail = parts[:cut], parts[cut:]
        for keep, drop in ((head, tail), (tail, head)):
            dropped = " ".join(drop)
            named = site is not None and normalise_title(dropped) in (site, f"the {site}")
            short = len(dropped.split()) <= MAX_SITE_WORDS
            if named or short:
                forms.append(" - ".join(keep))
    return forms


def _prefix(one: str, two: str) -> bool:
    """Whether the shorter title, of at least MIN_PREFIX_WORDS words, begins the longer."""
    short, long = sorted((one, two), key=len)
    return len(short.split()) >= MIN_PREFIX_WORDS and long.startswith(short + " ")


def same_title(page_title: str, listed_title: str, site_name: str | None = None) -> bool:
    """Whether a page's title names the same work as a reference's listed title."""
    from rapidfuzz import fuzz

    listed = normalise_title(listed_title)
    if not listed:
        return True
    listed_forms = {listed} | {normalise_title(f) for f in _candidates(listed_title, site_name)}
    for form in _candidates(page_title, site_name):
        page = normalise_title(form)
        for want in listed_forms:
            if not page or not want:
                continue
            if page == want or _prefix(page, want):
                return True
            if fuzz.ratio(page, want) >= SAME:
                return True
    return False
