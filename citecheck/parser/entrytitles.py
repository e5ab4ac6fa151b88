"""The title of one reference entry, in the styles writers cite web pages with.

An entry names a work and where it appeared, and the styles put the two in every order:
``Outlet. Title. URL``, ``Title. Outlet. URL``, ``Title | Outlet``, ``Title - Outlet``,
``"Title," Outlet``, ``Outlet: Title``, APA (``Author, A. (2020, May 1). Title. Outlet. URL``
and, without an author, ``Title. (2020, May 1). Outlet.``), MLA and Chicago (``Author.
"Title." Outlet, …``), IEEE (``A. Author, "Title," Outlet, …``), Vancouver (``Author A.
Title. Outlet [Internet]. 2020 …``) and Harvard (``Author, A. (2020) 'Title', Outlet, 1
May. Available at: URL``). Which part is the outlet is decided by what is known of
outlets (:mod:`citecheck.text.outlets`) and by the entry's URL: a part whose words are all in
the URL's host (or its first path segment) names the site ("Herald Sun" and
``heraldsun.com.au``, "Voodoo Engineering" and ``medium.com/voodoo-engineering``). When
nothing tells which part is the outlet, the entry keeps the general reading of
:mod:`citecheck.parser.references`; the title-mismatch rule passes a listed title that
begins or ends with the page's own, so a title read with its outlet still matches.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from citecheck.text.outlets import canonical, outlet_from_url
from citecheck.text.recache import lazy

MAX_OUTLET_WORDS = 6
"""A part longer than this is not an outlet's name."""

_URL = lazy(r"(?:https?|ftp)://[^\s<>\"'\]]+|\bwww\.[^\s<>\"'\]]+|\bdoi:\s*\S+")
_ACCESS = lazy(
    r"\[(?:Online|Internet|online)\]\.?|\[cited[^\]]*\]\.?|\b(?:Available|Retrieved)\s+(?:from|at)\s*:?"
    r"|\bAvailable\s*:|\(?\b(?:Accessed|Retrieved|Last accessed|Viewed)\b[^()]*?\d{4}\)?\.?"
    r"|\bURL\s*:",
    re.I,
)
# A quoted title: at the start, or after ". ", ", " or ": " (not a quoted word inside a title).
_QUOTED = lazy(r"(?:^|(?<=[.,:]\s))[\"“]([^\"“”]{3,300}?)[,.]?[\"”]")
_YEAR_PAREN = lazy(
    r"\((?:(?:1[5-9]\d\d|20\d\d)[a-z]?(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:[-–]\d{1,2})?)?)?|n\.\s?d\.)\)\.?\s*"
)
_VANCOUVER_AUTHORS = lazy(
    r"^(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*\s+[A-Z]{1,3}(?:,\s+|\.\s+))+(?:et al\.\s+)?"
)
_PERSONS = lazy(
    r"^(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?,\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*)(?:,\s*)?"
    r"(?:&\s*|and\s+)?)+$"
)  # APA authors: "Lind, A.", "Lind, A., & Moe, C."
_APA_AUTHORS = lazy(r"^[A-Z][\w&'’. -]{1,60}$")  # a group: "Port Authority."
# Harvard: "Lind, A. (2024) 'Title', Outlet, 4 May." or "Outlet (2024) 'Title', 4 May."
_HARVARD = lazy(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?\)\s+['‘](.{3,300}?)['’](?:,\s|\.?$)")
_SEGMENT = lazy(
    r"(?<=[\w)\]?!'’\"”.])(?<!\bp)(?<!\bpp)(?<!\bvol)(?<!\bno)(?<!\bed)(?<!\bal)(?<!\bvs)(?<!\b[A-Z])"
    r"\.\s+(?=[\w\"“'‘])"
)
_TRAILING_SITE = lazy(r"^(.{3,})\s+(?:\||-{1,2}|–|—|::|·)\s+([^|–—]{2,60})$")
_DATE_TAIL = lazy(
    r"(?:,?\s*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?,?\s*(?:1[6-9]\d\d|20\d\d)|\s*\((?:1[6-9]\d\d|20\d\d)\))\.?\s*$"
)
_YEAR_TAIL = lazy(r",?\s*\(?(?:1[6-9]\d\d|20\d\d)\)?$")  # "Outlet, 2024"
_LETTERS = lazy(r"[^a-z0-9]+")
_STOP = frozenset({"the", "news", "blog", "magazine", "online", "com", "www", "and", "of"})


def _site_words(url: str | None) -> str:
    """The URL's host and first path segment (when another follows it), lower case, letters
    and digits run together."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    path = parts.path.strip("/").split("/")
    first = path[0] if len(path) > 1 else ""  # a lone segment is the page's own slug
    return _LETTERS.sub("", f"{parts.hostname or ''}{first}".lower())


_DOMAIN = lazy(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|org|net|edu|gov|int|info|io|co|uk|us|ca|au|de|fr|eu|nz|in|news|blog|dev|tech)$",
    re.I,
)


def looks_like_site(title: str | None) -> bool:
    """Whether a title read by the general rules is an outlet's name or a domain (as in
    ``Outlet. Title.`` read from its first segment): then :func:`entry_title` reads again."""
    return title is not None and (bool(_DOMAIN.match(title)) or canonical(title) is not None)


def names_site(part: str, url: str | None, sites: tuple[str, ...] = ()) -> bool:
    """Whether ``part`` of an entry is an outlet's name: one of ``sites`` (the name the
    page gives its site), a known outlet, a domain, the outlet of the URL's domain, or
    words that are all in the URL's host or first path segment."""
    part = part.strip(" .,;:*_")
    words = _fold(part).split()
    if not words or len(words) > MAX_OUTLET_WORDS:
        return False
    if sites and _key(part) in {_key(site) for site in sites}:
        return True
    if canonical(part) is not None or _DOMAIN.match(part):
        return True
    outlet = outlet_from_url(url) if url else None
    if outlet and _LETTERS.sub("", outlet.lower()) in (
        _LETTERS.sub("", part.lower()),
        _LETTERS.sub("", "the" + part.lower()),
    ):
        return True
    site = _site_words(url)
    if not site:
        return False
    folded = [_LETTERS.sub("", w.lower()) for w in words]
    useful = [w for w in folded if w and w not in _STOP]
    if not useful:
        return False
    joined = "".join(useful)
    return (len(joined) >= 3 and joined in site) or all(len(w) >= 2 and w in site for w in useful)


def _fold(text: str) -> str:
    """Accents dropped ("Condé" → "Conde"), for comparing with a host name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(name: str) -> str:
    return " ".join(_LETTERS.sub(" ", _fold(name).lower()).split()).removeprefix("the ")


def _clean(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _ACCESS.sub(" ", text)
    return " ".join(text.split()).strip(" .,;<>")


def _strip(title: str) -> str | None:
    title = title.strip(" .,;:")
    return title if len(title) >= 3 and any(c.isalpha() for c in title) else None


def _without_outlet(parts: list[str], url: str | None, sites: tuple[str, ...]) -> list[str]:
    """``parts`` (segments of an entry) without a leading or trailing outlet's name."""
    if len(parts) > 1 and names_site(_YEAR_TAIL.sub("", parts[-1]), url, sites):
        parts = parts[:-1]
    if len(parts) > 1 and names_site(parts[0], url, sites):
        parts = parts[1:]
    return parts


def _vancouver(text: str, url: str | None) -> str | None:
    """``Author A. Title. Outlet [Internet]. 2020 …``: the title between the authors and the
    outlet that stands before ``[Internet]``."""
    head = text.split("[Internet]", maxsplit=1)[0].strip(" .")
    head = _VANCOUVER_AUTHORS.sub("", head, count=1)
    parts = _SEGMENT.split(head)
    if len(parts) > 1:
        parts = parts[:-1]  # the outlet, which always stands before [Internet]
    return _strip(". ".join(parts))


def _apa(text: str, url: str | None, sites: tuple[str, ...]) -> str | None:
    """``Author, A. (2020, May 1). Title. Outlet.`` or ``Title. (2020, May 1). Outlet.``"""
    m = _YEAR_PAREN.search(text)
    if m is None or m.start() == 0:
        return None
    before, after = text[: m.start()].strip(), _clean(text[m.end() :])
    after_parts = _SEGMENT.split(after) if after else []
    rest = _without_outlet(after_parts, url, sites)
    if rest == after_parts:  # no outlet known: the title is the segment after the date
        rest = rest[:1]  # ("Title. Publisher. ISBN …")
    if _PERSONS.match(before):
        return _strip(". ".join(rest))
    if len(after_parts) <= 1:
        return _strip(before)  # no author: "Title. (2020, May 1). Outlet."
    if _APA_AUTHORS.match(before) or names_site(before, url, sites):
        return _strip(". ".join(rest))  # a group as the author: "Reuters. (2020). Title."
    return None


def entry_body(text: str) -> str:
    """The entry without its URL, access note ("Retrieved …", "[Internet]") and closing
    date: a listed title that still holds its outlet ("Harbour Board. Toll revenue 2023"),
    for the title-mismatch rule, which passes one that begins or ends with the page's."""
    return _DATE_TAIL.sub("", _clean(text))


def entry_title(text: str, url: str | None, sites: tuple[str, ...] = ()) -> str | None:
    """Return the title of a cleaned reference entry (one line, Markdown links as their
    text), or None when no style above matches or nothing tells which part is the outlet
    (the caller keeps what it read).

    ``url`` is the entry's URL and ``sites`` names the site is known by (the page's own
    site name, once fetched): both tell which part names the site. Raises nothing.
    """
    if (m := _QUOTED.search(text)) and (title := _strip(m.group(1))):
        return title
    if (m := _HARVARD.search(text)) and (title := _strip(m.group(1))):
        return title
    if "[Internet]" in text:
        return _vancouver(_URL.sub(" ", text), url)
    if _YEAR_PAREN.search(text) and (title := _apa(text, url, sites)):
        return title
    clean = _DATE_TAIL.sub("", _clean(text))
    trailing = (m := _TRAILING_SITE.match(clean)) is not None and names_site(m.group(2), url, sites)
    if m is not None and trailing:
        clean = m.group(1)  # "Title | Outlet": what stands before "A: B" is the title's
    parts = [p for p in _SEGMENT.split(clean) if p.strip()]
    if len(parts) > 1:  # "Outlet. Title." or "Title. Outlet.", when the outlet is known
        kept = _without_outlet(parts, url, sites)
        return _strip(". ".join(kept)) if kept != parts else None
    head, sep, tail = clean.partition(": ")
    if sep and not trailing:  # "Outlet: Title" when the outlet is known
        return _strip(tail) if names_site(head, url, sites) else None
    return _strip(clean) if trailing else None
