"""The HTTP fetcher: redirects, retries with back-off, robots.txt, a size cap, deadlines,
conditional requests.

One ``httpx.Client`` is shared by all worker threads (its connection pool is thread-safe);
per-host and global semaphores bound how many requests are open at once, held only while
a request is open, not while waiting to retry. Redirects are followed by hand so that each
hop is checked: scheme, robots.txt, a loop, the cap on hops; the address check of every
hop happens where its socket opens (:mod:`.guard`).

Each URL is fetched under one deadline (``SourceOptions.deadline``, and the run's, whichever
comes first) that covers everything it takes: robots.txt, every hop and retry, waiting for
a slot, connecting, the headers and the body. httpx's timeouts start again with each byte
read, so a server trickling its headers a byte a second would never trip them; the deadline
is kept by the sockets themselves (:func:`.guard.deadline`). A body longer than the size
cap is cut there: the page is read as far as the cap and the :class:`Response` says so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from citecheck.sources.cache import Validators
from citecheck.sources.guard import (
    DeadlinePassed,
    GuardedTransport,
    Unreachable,
    deadline,
    remaining,
    tls_failure,
)
from citecheck.sources.model import SourceOptions, agent
from citecheck.sources.responses import FetchFailed, Response, failure, read_body, retry_after
from citecheck.sources.robots import ROBOTS_LIMIT, Robots
from citecheck.sources.targets import url_problem

__all__ = ["FetchFailed", "Fetcher", "Response"]

_RETRY = frozenset({429, 500, 502, 503, 504})
_DEAD = frozenset({404, 410})
_BLOCKED = frozenset({401, 403, 429, 451})
_REDIRECT = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"


class Fetcher:
    """Fetches URLs under :class:`SourceOptions`; use as a context manager."""

    def __init__(self, options: SourceOptions) -> None:
        self.options = options
        self.client = httpx.Client(
            transport=GuardedTransport(options.allow_private, options.total),
            headers={"User-Agent": agent(options), "Accept": _ACCEPT},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            trust_env=False,
        )
        self.slots = threading.BoundedSemaphore(options.total)
        self.hosts: dict[str, threading.BoundedSemaphore] = {}
        self.lock = threading.Lock()
        self.robots = Robots(self._robots_txt)
        self.run_until = options.run_until
        if self.run_until is None and options.run_deadline is not None:
            self.run_until = time.time() + options.run_deadline

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def fetch(
        self, url: str, validators: Validators | None = None, accept: str | None = None
    ) -> Response:
        """GET ``url`` after redirects, all of it before the deadline (see the module);
        raises :class:`FetchFailed` for anything but 2xx, or a 304 when ``validators``
        (of a cached copy) were sent and the server says the copy is current. ``accept``
        replaces the ``Accept`` header (content negotiation: doi.org's CSL JSON)."""
        opts = self.options
        now = time.monotonic()
        at = now + opts.deadline
        run_left = None if self.run_until is None else self.run_until - time.time()
        by_run = run_left is not None and now + run_left < at
        if by_run:
            at = now + max(0.0, run_left or 0.0)
        try:
            with deadline(at):
                if at <= now:
                    raise DeadlinePassed()
                return self._follow(
                    url, opts.max_bytes, opts.robots, validators=validators, accept=accept
                )
        except DeadlinePassed:
            if by_run:
                problem = f"not fetched within the run's deadline of {opts.run_deadline:g} s"
            else:
                problem = f"download did not finish within {opts.deadline:g} s"
            raise FetchFailed("failed", f"timed out: {problem}", final_url=None) from None

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        try:
            r = self._follow(url, ROBOTS_LIMIT, robots=False, hops=5)
        except FetchFailed as exc:
            if exc.status is not None:
                return exc.status, b""
            raise
        return r.status, r.body

    def _follow(
        self,
        url: str,
        cap: int,
        robots: bool,
        hops: int | None = None,
        validators: Validators | None = None,
        accept: str | None = None,
    ) -> Response:
        seen: list[str] = []
        limit = self.options.max_redirects if hops is None else hops
        while True:
            problem = url_problem(url)
            if problem:
                raise FetchFailed("error", problem, final_url=url if seen else None)
            if robots and (reason := self.robots.verdict(url)):
                raise FetchFailed("blocked", reason, final_url=url)
            seen.append(urldefrag(url)[0])
            asked = validators if validators and validators.final_url == url else None
            headers = asked.headers() if asked else {}
            r = self._attempts(url, cap, headers | {"Accept": accept} if accept else headers)
            location = r.headers.get("location")
            if r.status == 304 and asked:
                return r
            if r.status not in _REDIRECT or not location:
                return self._final(r, url)
            url = urljoin(url, location.strip())
            if urldefrag(url)[0] in seen:
                raise FetchFailed("failed", f"redirect loop after {len(seen)} hops", r.status, url)
            if len(seen) > limit:
                raise FetchFailed("failed", f"more than {limit} redirects", r.status, url)

    def _final(self, r: Response, url: str) -> Response:
        final = r.final_url
        if 200 <= r.status < 300:
            return r
        reason = httpx.codes.get_reason_phrase(r.status)
        line = f"HTTP {r.status} {reason}".strip()
        if r.status in _DEAD:
            raise FetchFailed("dead", line, r.status, final)
        if r.status in _BLOCKED or r.headers.get("cf-mitigated", "").lower() == "challenge":
            after = r.headers.get("retry-after")
            extra = f" (Retry-After: {after})" if r.status == 429 and after else ""
            raise FetchFailed("blocked", line + extra, r.status, final)
        raise FetchFailed("failed", line, r.status, final)

    def _attempts(self, url: str, cap: int, headers: dict[str, str]) -> Response:
        opts = self.options
        for attempt in range(opts.retries + 1):
            last = attempt == opts.retries
            try:
                r = self._once(url, cap, headers)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError) as exc:
                wait = opts.backoff * 2**attempt
                if last or tls_failure(exc) or _too_late(wait):
                    raise failure(exc, opts) from None
            except (httpx.HTTPError, Unreachable) as exc:
                raise failure(exc, opts) from None
            else:
                if r.status not in _RETRY or last:
                    return r
                wait = max(retry_after(r.headers.get("retry-after")), opts.backoff * 2**attempt)
                if wait > opts.max_retry_after or _too_late(wait):
                    return r
            time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            return self.hosts.setdefault(host, threading.BoundedSemaphore(self.options.per_host))

    def _once(self, url: str, cap: int, headers: dict[str, str]) -> Response:
        with (
            _slot(self._host_slot(url)),
            _slot(self.slots),
            self.client.stream("GET", url, headers=headers) as r,
        ):
            got = {k.lower(): v for k, v in r.headers.items()}
            body, cut = b"", None
            if 200 <= r.status_code < 300:
                body, cut = read_body(r, cap)
            return Response(url, str(r.url), r.status_code, got, body, time.time(), cut)


@contextmanager
def _slot(semaphore: threading.BoundedSemaphore) -> Iterator[None]:
    """Hold ``semaphore``, waiting for it no longer than the deadline allows."""
    if not semaphore.acquire(timeout=remaining()):
        raise DeadlinePassed()
    try:
        yield
    finally:
        semaphore.release()


def _too_late(wait: float) -> bool:
    """Whether waiting ``wait`` seconds would pass the deadline."""
    left = remaining()
    return left is not None and wait >= left
