"""The HTTP fetcher: redirects, retries with back-off, robots.txt, a size cap, a deadline.

One ``httpx.Client`` is shared by all worker threads (its connection pool is thread-safe);
per-host and global semaphores bound how many requests are open at once, held only while
a request is open, not while waiting to retry. Redirects are followed by hand so that each
hop is checked: scheme, robots.txt, a loop, the cap on hops; the address check of every
hop happens where its socket opens (:mod:`.guard`).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from citecheck.sources.guard import GuardedTransport, Unreachable, tls_failure
from citecheck.sources.model import SourceOptions, State, agent
from citecheck.sources.robots import ROBOTS_LIMIT, Robots
from citecheck.sources.targets import url_problem

_RETRY = frozenset({429, 500, 502, 503, 504})
_DEAD = frozenset({404, 410})
_BLOCKED = frozenset({401, 403, 429, 451})
_REDIRECT = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class Response:
    """A final (non-redirect) answer with its whole body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: float


class FetchFailed(Exception):
    """A URL that gave no page: ``state`` and a one-line ``problem``."""

    def __init__(
        self, state: State, problem: str, status: int | None = None, final_url: str | None = None
    ) -> None:
        super().__init__(problem)
        self.state: State = state
        self.problem = problem
        self.status = status
        self.final_url = final_url


class _TooLarge(Exception):
    pass


def _mb(n: int) -> str:
    return f"{n / 1_048_576:g} MB"


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

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def fetch(self, url: str) -> Response:
        """GET ``url`` after redirects; raises :class:`FetchFailed` for anything but 2xx."""
        return self._follow(url, self.options.max_bytes, robots=self.options.robots)

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        try:
            r = self._follow(url, ROBOTS_LIMIT, robots=False, hops=5, truncate=True)
        except FetchFailed as exc:
            if exc.status is not None:
                return exc.status, b""
            raise
        return r.status, r.body

    def _follow(
        self, url: str, cap: int, robots: bool, hops: int | None = None, truncate: bool = False
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
            r = self._attempts(url, cap, truncate)
            location = r.headers.get("location")
            if r.status not in _REDIRECT or not location:
                return self._final(r, url)
            url = urljoin(url, location.strip())
            if urldefrag(url)[0] in seen:
                raise FetchFailed("error", f"redirect loop after {len(seen)} hops", r.status, url)
            if len(seen) > limit:
                raise FetchFailed("error", f"more than {limit} redirects", r.status, url)

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
        raise FetchFailed("error", line, r.status, final)

    def _attempts(self, url: str, cap: int, truncate: bool) -> Response:
        opts = self.options
        for attempt in range(opts.retries + 1):
            last = attempt == opts.retries
            try:
                r = self._once(url, cap, truncate)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError) as exc:
                if last or tls_failure(exc):
                    raise _failure(exc, opts) from None
                wait = opts.backoff * 2**attempt
            except (httpx.HTTPError, Unreachable, _TooLarge) as exc:
                raise _failure(exc, opts) from None
            else:
                if r.status not in _RETRY or last:
                    return r
                wait = max(_retry_after(r.headers.get("retry-after")), opts.backoff * 2**attempt)
                if wait > opts.max_retry_after:
                    return r
            time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            return self.hosts.setdefault(host, threading.BoundedSemaphore(self.options.per_host))

    def _once(self, url: str, cap: int, truncate: bool) -> Response:
        start = time.monotonic()
        deadline = start + self.options.deadline
        with self._host_slot(url), self.slots, self.client.stream("GET", url) as r:
            headers = {k.lower(): v for k, v in r.headers.items()}
            body = b""
            if 200 <= r.status_code < 300:
                body = _read(r, cap, truncate, deadline, self.options.deadline)
            return Response(url, str(r.url), r.status_code, headers, body, time.time())


def _read(r: httpx.Response, cap: int, truncate: bool, deadline: float, total: float) -> bytes:
    """The decoded body, at most ``cap`` bytes, before ``deadline`` (monotonic seconds)."""
    declared = r.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap and not truncate:
        raise _TooLarge(f"larger than the {_mb(cap)} cap (Content-Length {_mb(int(declared))})")
    parts: list[bytes] = []
    size = 0
    for chunk in r.iter_bytes():
        size += len(chunk)
        parts.append(chunk)
        if size > cap:
            if truncate:
                break
            raise _TooLarge(f"larger than the {_mb(cap)} cap")
        if time.monotonic() > deadline:
            raise _TooLarge(f"download did not finish within {total:g} s")
    return b"".join(parts)[:cap]


def _retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date), else 0."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0


def _failure(exc: BaseException, opts: SourceOptions) -> FetchFailed:
    """The one-line :class:`FetchFailed` for an exception raised while fetching."""
    if isinstance(exc, Unreachable):
        return FetchFailed("dead" if exc.state == "dead" else "error", exc.problem)
    if isinstance(exc, _TooLarge):
        return FetchFailed("error", str(exc))
    if isinstance(exc, httpx.TimeoutException):
        return FetchFailed("error", f"timed out after {opts.timeout:g} s")
    if isinstance(exc, httpx.ConnectError) and tls_failure(exc):
        detail = str(exc).split("] ")[-1].split(" (_ssl")[0][:100]
        return FetchFailed("error", f"TLS failure: {detail}")
    if isinstance(exc, httpx.RemoteProtocolError):
        if "incomplete" in str(exc) or "complete message body" in str(exc):
            return FetchFailed("error", "truncated body: the connection closed before its end")
        return FetchFailed("error", f"malformed HTTP response: {str(exc)[:100]}")
    if isinstance(exc, httpx.DecodingError):
        return FetchFailed("error", "body could not be decoded (bad gzip or deflate stream)")
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return FetchFailed("error", f"malformed URL ({str(exc)[:100]})")
    text = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return FetchFailed("error", f"could not fetch: {text}")
