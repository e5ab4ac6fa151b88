"""Asking an index: GET through citecheck's own fetcher, answers kept in the cache.

Requests go through :class:`citecheck.sources.http.Fetcher`, as every source does: the
address guard, the per-URL deadline and the run's, the per-host and total caps, retries
with back-off that honour ``Retry-After``, the size cap. The answers are kept in the
on-disk cache (a folder ``indexes/`` under the cache folder, so a DOI's CSL JSON and its
landing page, both at ``https://doi.org/…``, never share an entry), 404s included, and
read from there while fresh, or whatever their age with ``--offline``, which never opens
a socket. robots.txt is not read: these are APIs made for programs, whose own terms (rate
limits, the polite pool) apply instead.

Why not habanero, pyalex or arxiv (the well-kept clients of these APIs): each opens its
own connections (httpx, requests or urllib), so its requests would skip the address guard,
the deadlines, the shared per-host caps and this cache, and ``--offline`` could not hold
them; the requests themselves are one GET each, and reading the answers is
:mod:`.wire`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from citecheck.sources.cache import Cache
from citecheck.sources.model import SourceOptions, failed

_NOT_FOUND = frozenset({404, 410})


@dataclass(frozen=True, slots=True)
class Reply:
    """An index's answer: the HTTP status (200, 404, 410 or 400) and the body."""

    status: int
    body: bytes


class Unanswered(Exception):
    """No answer to read: offline and not cached, a timeout, a 429 or 5xx after the
    retries, a refused address (one line)."""


class Client:
    """Gets index URLs under ``options`` (a :class:`SourceOptions`); thread-safe; close
    it (or use it as a context manager) to close its connections."""

    def __init__(self, options: SourceOptions) -> None:
        self.options = replace(options, robots=False)
        folder = options.cache_dir / "indexes"
        self.cache = Cache(folder, options.max_age_days) if options.use_cache else None
        self._fetcher: object | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections, if any were opened."""
        from citecheck.sources.http import Fetcher

        if isinstance(self._fetcher, Fetcher):
            self._fetcher.__exit__(None, None, None)

    def get(self, url: str, accept: str | None = None) -> Reply:
        """The answer at ``url`` (asked with ``accept`` as the ``Accept`` header, else the
        fetcher's): from the cache when fresh (any age offline), else the network.
        Raises :class:`Unanswered` when there is no answer to read."""
        from citecheck.sources.http import Fetcher, FetchFailed

        cached = self.cache.get(url, url, stale_ok=self.options.offline) if self.cache else None
        if cached is not None and cached.state in ("ok", "empty"):
            return Reply(cached.status or 200, cached.text.encode("utf-8"))
        if cached is not None and cached.state == "dead":
            return Reply(cached.status or 404, b"")
        if self.options.offline:
            raise Unanswered("offline, and the index's answer is not in the cache")
        with self._lock:
            if self._fetcher is None:
                self._fetcher = Fetcher(self.options)
            fetcher = self._fetcher
        assert isinstance(fetcher, Fetcher)
        try:
            r = fetcher.fetch(url, accept=accept)
        except FetchFailed as exc:
            if exc.status in _NOT_FOUND:
                self._put(url, exc.status, "dead", b"")
                return Reply(exc.status or 404, b"")
            if exc.status == 400:  # a malformed identifier: arXiv's answer to "abc"
                return Reply(400, b"")
            raise Unanswered(exc.problem) from None
        if r.cut is not None:
            raise Unanswered(f"the index's answer is longer than the {r.cut} byte cap")
        self._put(url, r.status, "ok", r.body, r.fetched_at)
        return Reply(r.status, r.body)

    def _put(
        self, url: str, status: int | None, state: str, body: bytes, at: float | None = None
    ) -> None:
        if self.cache is None:
            return
        text = body.decode("utf-8", errors="replace")
        source = replace(
            failed(url, url, "dead", "not found", status=status, final_url=url),
            state=state,  # type: ignore[arg-type]
            problem=None if state == "ok" else "not found",
            text=text,
            fetched_at=at,
        )
        self.cache.put(source, None)
