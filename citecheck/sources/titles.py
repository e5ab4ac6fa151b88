"""Every title a page or a PDF gives itself, for comparing with the title a reference lists.

A page names itself in several places, and a writer copies whichever they saw: the
``<title>`` (often with the site's name after `` | `` or `` - ``), ``og:title``,
``twitter:title``, the Highwire ``citation_title`` scholarly pages carry, Dublin Core
``dc.title``, the ``headline`` (or ``name``) of a JSON-LD ``Article``, and the main ``<h1>``.
A PDF names itself in its document information (``/Title``) and in the heading of its first
page, set in the largest type. :func:`html_titles` and :func:`pdf_titles` return them all, in
that order, each once; the title-mismatch rule passes when any is close to the listed title.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from citecheck.text.recache import lazy

MAX_TITLE = 300
"""Longer strings are not titles (a description or a paragraph in the wrong field)."""
MAX_SITE_WORDS = 5
"""A ``<title>`` part after a separator with at most this many words may be the site's name."""
MAX_H1 = 3
"""A page with more ``<h1>`` than this outside its article has no main one."""

_SPACES = lazy(r"\s+")
# "Title | Outlet", "Outlet - Title", "Title — Outlet", "Title :: Outlet", "Title · Outlet".
_SITE_SEPARATOR = lazy(r"\s+(?:\||-{1,2}|–|—|::|·|•|»|/)\s+|\s*\|\s*")
_META = {
    "og:title": "property",
    "twitter:title": "name",
    "citation_title": "name",
    "dc.title": "name",
    "dcterms.title": "name",
}
_ARTICLE_TYPES = lazy(r"Article|Posting|Report|WebPage|CreativeWork|Blog|Story", re.I)


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _unique(titles: Iterable[str | None]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for title in titles:
        if title and (clean := _tidy(title)) and len(clean) <= MAX_TITLE:
            seen.setdefault(clean, None)
    return tuple(seen)


def site_parts(title: str, site_names: Iterable[str] = ()) -> list[str]:
    """Return ``title`` without its site's name: the parts left when a leading or trailing
    part after a separator (``|``, `` - ``, ``–``, ``—``, ``::``, ``·``) is cut, when that part
    is one of ``site_names`` or a known outlet ("BBC News - Title"), or, at the end, has at
    most ``MAX_SITE_WORDS`` words and no more than the part kept (the site's name is the
    short part: "Title | Reuters", "Title | World | Example Times"). Empty when there is no
    such part."""
    parts = [p for p in _SITE_SEPARATOR.split(title.strip()) if p.strip()]
    if len(parts) < 2:
        return []
    from citecheck.text.outlets import canonical

    names = {_fold(n) for n in site_names if n}
    out: list[str] = []
    for cut in range(1, len(parts)):
        for keep, drop, tail in (
            (parts[:cut], parts[cut:], True),
            (parts[cut:], parts[:cut], False),
        ):
            dropped, kept = " ".join(drop), " ".join(keep)
            named = _fold(dropped) in names or canonical(dropped) is not None
            short = len(dropped.split()) <= min(MAX_SITE_WORDS, len(kept.split()))
            if named or (short and tail):
                out.append(" - ".join(keep))
    return out


def _fold(text: str) -> str:
    return re.sub(r"^the\s+", "", _tidy(text).casefold())


def html_titles(html: str, extracted: str | None = None) -> tuple[str, ...]:
    """Every title an HTML page gives itself: ``extracted`` (the extractor's choice) first,
    then ``og:title``, ``twitter:title``, ``citation_title``, ``dc.title``, JSON-LD
    ``headline``/``name``, ``<title>``, ``<title>`` without its site name (see
    :func:`site_parts`), and the main ``<h1>`` (the first inside ``<article>`` or ``<main>``,
    else the page's first when it has at most ``MAX_H1``). Whitespace is collapsed; each
    title appears once. A page lxml cannot parse gives ``extracted`` alone."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return _unique([extracted])
    found: list[str | None] = [extracted]
    metas: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META or key in ("og:site_name", "application-name", "headline"):
            metas.setdefault(key, []).append(meta.get("content") or "")
    for key in _META:
        found.extend(metas.get(key, [])[:1])
    found.extend(metas.get("headline", [])[:1])
    found.extend(_jsonld_titles(root))
    head = [_tidy(t.text_content()) for t in root.iter("title")][:1]
    sites = [*metas.get("og:site_name", []), *metas.get("application-name", [])]
    for title in head:
        found.append(title)
        found.extend(site_parts(title, sites))
    found.extend(_main_h1(root))
    titles = _unique(found)
    # The site's own name ("Medium", "Wikipedia") in a title field names no work.
    named = {_fold(s) for s in sites}
    kept = tuple(t for t in titles if _fold(t) not in named)
    return kept or titles


def _main_h1(root: Any) -> list[str]:
    main = root.xpath("(//article//h1 | //main//h1 | //*[@itemprop='headline'])[1]")
    if main:
        return [main[0].text_content()]
    h1s = root.xpath("//h1")
    return [h1s[0].text_content()] if 0 < len(h1s) <= MAX_H1 else []


def _jsonld_titles(root: Any) -> Iterator[str]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        yield from _walk(data, 0)


def _walk(data: object, depth: int) -> Iterator[str]:
    """``headline`` and ``name`` of the JSON-LD objects that are articles or pages."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:20]:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            for field in ("headline", "name", "alternativeHeadline"):
                value = data.get(field)
                if isinstance(value, str):
                    yield value
        for field in ("@graph", "mainEntity", "mainEntityOfPage"):
            if field in data:
                yield from _walk(data[field], depth + 1)


def pdf_titles(reader: Any, metadata_title: str | None) -> tuple[str, ...]:
    """Every title a PDF gives itself: ``metadata_title`` (its ``/Title``), the text set in
    the largest type on the first page (its heading), and the first page's first line
    and first two lines (a title that wraps). ``reader`` is a ``pypdf.PdfReader``; a page
    that pypdf cannot walk gives the metadata title alone."""
    from pypdf.errors import PyPdfError

    found: list[str | None] = [metadata_title]
    if not reader.pages:
        return _unique(found)
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            scale = abs(float(tm[3]) * float(cm[3])) or 1.0
            runs.append((round(size * scale, 1), text))

    try:
        first = reader.pages[0].extract_text(visitor_text=visit) or ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return _unique(found)
    if runs:
        biggest = max(size for size, _ in runs)
        heading = " ".join(t for size, t in runs if size >= biggest - 0.5)
        found.append(heading)
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    found.extend(lines[:1])
    if len(lines) > 1:
        found.append(f"{lines[0]} {lines[1]}")
    return _unique(found)
