"""Finding the page of a reference that lists no URL or identifier, through a search
backend the user runs.

A newsroom or AI-written draft lists its sources as ``The New York Times: Trump Quietly
Signs Order …``: an outlet and a title, nothing to fetch. Such a reference becomes a
:class:`SearchQuery` (its title, its outlet and the outlet's web domains,
:func:`citecheck.text.outlets.outlet_domains`), asked of a :class:`Backend`, which gives
:class:`Hit` s (address, title, snippet, engine), best first as the backend ranks them.
Which hit, if any, is the listed page is judged in :mod:`citecheck.verifier.found`;
nothing here compares.

:class:`Searxng` asks a SearXNG instance's JSON API (``GET /search?q=…&format=json``; the
instance must list ``json`` under ``search.formats`` in its ``settings.yml``, else it
answers 403), with ``site:DOMAIN`` in the query when the outlet's domains are known, so
the engines behind it search that site alone. Other backends implement :class:`Backend`.

Requests go through :class:`citecheck.sources.indexes.client.Client`, as index lookups do:
the fetcher's address guard, deadlines, per-host caps and retries that honour
``Retry-After``, answers kept in the cache, and ``--offline`` reading the cache only
(never a socket).

Wire format: SearXNG's ``searx/webutils.py`` (``get_json_response``) writes ``query``,
``results`` (each with ``url``, ``title``, ``content``, ``engine``, ``template`` …),
``answers``, ``corrections``, ``infoboxes``, ``suggestions`` and ``unresponsive_engines``;
recorded answers are in ``tests/data/recordings/searxng`` (origin in its README).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode

from citecheck.model import Reference
from citecheck.sources.indexes.client import Client, Unanswered
from citecheck.sources.model import SourceOptions
from citecheck.text.outlets import outlet_domains

__all__ = ["Backend", "Hit", "SearchAnswer", "SearchQuery", "Searxng", "query_for", "search_all"]

SETUP = (
    "references with no URL are not searched: set search-url to a SearXNG instance's "
    '/search endpoint (e.g. search-url = "http://127.0.0.1:8888/search" in citecheck.toml, '
    "with json under search.formats in its settings.yml) to find them"
)
"""The info line of a ``verify --lookup`` run without a search backend."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A reference as a search needs it: the listed title, the outlet as listed, and the
    outlet's web domains (``()`` when unknown: the result's host cannot be checked, so no
    result counts)."""

    title: str
    outlet: str | None
    domains: tuple[str, ...]

    @property
    def text(self) -> str:
        """What is typed into the search box: the title, and ``site:`` the outlet's first
        domain when one is known, else the outlet's name."""
        if self.domains:
            return f"{self.title} site:{self.domains[0]}"
        return f"{self.title} {self.outlet}" if self.outlet else self.title


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: its address, its title as the engine shows it (often cut, with
    ``…``), the snippet and the engine that gave it."""

    url: str
    title: str
    content: str = ""
    engine: str | None = None


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """What the backend answered for one query: the hits, best first, or ``problem`` when
    it could not answer (offline and not cached, a timeout, a 429 after the retries, a
    403 from an instance without JSON output, a malformed body)."""

    query: SearchQuery
    hits: tuple[Hit, ...] = ()
    problem: str | None = None
    backend: str = "searxng"


class Backend(Protocol):
    """A search backend: one query in, its hits out, through the given client."""

    @property
    def name(self) -> str:
        """The backend's name (``searxng``)."""
        ...

    def search(self, query: SearchQuery, client: Client) -> SearchAnswer:
        """The hits for ``query``; never raises for the backend's failure (``problem``)."""
        ...


class Malformed(ValueError):
    """An answer that is not the backend's JSON (one line)."""


@dataclass(frozen=True, slots=True)
class Searxng:
    """SearXNG's JSON API at ``url`` (its ``/search`` endpoint)."""

    url: str
    name: str = "searxng"

    def request(self, query: SearchQuery) -> str:
        """The GET URL for ``query``: ``q``, ``format=json``, first page only."""
        sep = "&" if "?" in self.url else "?"
        return self.url + sep + urlencode({"q": query.text, "format": "json", "pageno": 1})

    def search(self, query: SearchQuery, client: Client) -> SearchAnswer:
        """Ask the instance; see :class:`Backend`."""
        try:
            reply = client.get(self.request(query), accept="application/json")
        except Unanswered as exc:
            return SearchAnswer(query, problem=f"SearXNG: {exc}")
        if reply.status != 200:
            return SearchAnswer(query, problem=f"SearXNG answered HTTP {reply.status}")
        try:
            return SearchAnswer(query, tuple(hits(reply.body)))
        except Malformed as exc:
            return SearchAnswer(query, problem=f"SearXNG: {exc}")


def hits(body: bytes) -> list[Hit]:
    """The web results of a SearXNG JSON answer (``results`` whose ``template`` is absent
    or ``default.html``; image and video cards left out), in order. Raises
    :class:`Malformed` for a body that is not that JSON."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Malformed(f"the answer is not JSON ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise Malformed("the answer has no results list")
    out = []
    for item in data["results"]:
        if not isinstance(item, dict):
            continue
        url, title = item.get("url"), item.get("title")
        if not isinstance(url, str) or not url or not isinstance(title, str):
            continue
        if item.get("template") not in (None, "default.html"):
            continue
        content = item.get("content")
        engine = item.get("engine")
        out.append(
            Hit(
                url,
                title,
                content if isinstance(content, str) else "",
                engine if isinstance(engine, str) else None,
            )
        )
    return out


def query_for(
    ref: Reference, extra_domains: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> SearchQuery | None:
    """The search query of a reference that lists nothing to read (no URL, DOI or arXiv
    id) but a title; ``None`` for any other."""
    from citecheck.sources.indexes import query_of

    if ref.url or ref.note or not ref.title:
        return None
    q = query_of(ref)
    if q.doi or q.arxiv:
        return None
    domains = outlet_domains(ref.outlet, extra_domains) if ref.outlet else ()
    return SearchQuery(ref.title, ref.outlet, domains)


def search_all(
    queries: Sequence[SearchQuery], options: SourceOptions, backend: Backend
) -> list[SearchAnswer]:
    """Ask ``backend`` each query, two at a time (the fetcher's per-host cap holds too),
    in order."""
    if not queries:
        return []
    with Client(options) as client, ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda q: backend.search(q, client), queries))
