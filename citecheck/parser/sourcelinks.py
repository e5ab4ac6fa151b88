"""What a blog's prose cites without markers: inline links to source pages, and epigraphs.

A blog post cites the way journalists do: the words a source supports link to it
(``Many are [pointing to the Sagebrush Rebellion](https://www.hcn.org/articles/…)``). Such a
link covers the sentence it sits in (not the sentences before it, as a marker would: it
supports its own words); the link is its own source. Only a link to a *source page*
counts: a news outlet citecheck knows, a government or intergovernmental site (``.gov``,
``.gov.uk``, ``.gc.ca``, ``.europa.eu``, ``.int``, ``.mil``), a PDF, or an article's
address (a dated path, or a slug of three words or more, or of two below a folder:
``/2016/01/…``, ``/articles/sagebrush-rebellion``). A link to an encyclopaedia entry
(Wikipedia, Wiktionary, any ``/wiki/`` page), a code host, a social or question-and-answer
site, or a site's home page is a gloss or a pointer, not a source.

An epigraph, a quotation set apart at the top of a post and closed by its attribution
(``---Samuel Hays``, ``— Wendell Berry``), is someone else's words quoted for effect, not the
writer's claim.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from citecheck.text.outlets import outlet_from_url
from citecheck.text.recache import lazy

_GLOSS_HOSTS = lazy(
    r"(?:^|\.)(?:wikipedia|wiktionary|wikimedia|wikidata|wikiquote|github|gitlab|bitbucket"
    r"|youtube|twitter|x|facebook|instagram|linkedin|quora|reddit|stackoverflow|stackexchange)"
    r"\.(?:org|com)$"
)
_GOVERNMENT = lazy(
    r"(?:^|\.)(?:gov|mil|int|gov\.[a-z]{2}|gc\.ca|gouv\.fr|europa\.eu|admin\.ch|bund\.de)$"
)
_DATED = lazy(r"/(?:19|20)\d\d/(?:\d\d/)?")
_SLUG = lazy(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}", re.I)
_SHORT_SLUG = lazy(r"[a-z0-9]+[-_][a-z0-9]+", re.I)

ATTRIBUTION = re.compile(r"(?:^|\n|\s)(?:-{2,3}|—|―|–)\s*\*?[A-Z][^\n]{1,80}$")
"""The attribution line that closes an epigraph: ``---Samuel Hays``, ``— W. Berry, 1977``."""
_ATTRIBUTION_LINE = lazy(r"(?:-{2,3}|—|―|–)\s*\*?[A-Z][^\n]{1,80}")


def source_link(destination: str) -> bool:
    """Whether an inline link's destination is a source page (see the module's notes)."""
    try:
        parts = urlsplit(destination)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host or _GLOSS_HOSTS.search(host):
        return False
    path = parts.path.rstrip("/")
    if not path or path.startswith("/wiki/"):
        return False  # a home page, or a wiki's article (a gloss)
    if _GOVERNMENT.search(host) or outlet_from_url(destination) is not None:
        return True
    last = path.rsplit("/", 1)[-1]
    if last.lower().endswith(".pdf") or _DATED.search(path) or _SLUG.fullmatch(last):
        return True
    return path.count("/") >= 2 and bool(_SHORT_SLUG.fullmatch(last))  # /articles/two-words


def attribution(raw: str) -> bool:
    """Whether a block is an epigraph's attribution line alone (``— Mary Austin``), as HTML
    sets it in a paragraph of its own after the quotation."""
    line = raw.strip().lstrip("> \t")
    return "\n" not in line and bool(_ATTRIBUTION_LINE.fullmatch(line))


def epigraph(raw: str) -> bool:
    """Whether a block's text (its source, Markdown ``>`` marks included) reads as an
    epigraph: a quotation that ends in an attribution line."""
    body = raw.rstrip()
    if not body or len(body) > 1500:
        return False
    lines = [line.lstrip("> \t") for line in body.splitlines()]
    return bool(ATTRIBUTION.search("\n".join(lines)))
