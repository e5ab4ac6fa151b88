"""What one fetch gives: a :class:`Response` whose body is read up to the size cap, or a
:class:`FetchFailed` with a one-line problem (from the exception that ended it), and how long
a ``Retry-After`` header asks to wait (see :mod:`citecheck.sources.http` for the fetcher)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

from citecheck.sources.guard import Unreachable, tls_failure
from citecheck.sources.model import SourceOptions, State


@dataclass(frozen=True, slots=True)
class Response:
    """A final (non-redirect) answer with its body; ``cut`` is the size cap (bytes) when
    the body was longer and only that much was read, else ``None``. A ``304`` answers a
    conditional request (:meth:`Fetcher.fetch` with ``validators``) and has no body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: float
    cut: int | None = None


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


def read_body(r: httpx.Response, cap: int) -> tuple[bytes, int | None]:
    """The decoded body, cut after at most ``cap`` bytes: (body, ``cap`` if it was cut,
    else ``None``). A cut body ends at its last line break (else space) in the final
    64 KiB before the cap, so that no character is split (for UTF-8 and the one-byte
    encodings) and the text ends at a whole line."""
    parts: list[bytes] = []
    size = 0
    for chunk in r.iter_bytes():
        parts.append(chunk)
        size += len(chunk)
        if size > cap:
            body = b"".join(parts)
            del parts
            floor = max(0, cap - 65536)
            end = body.rfind(b"\n", floor, cap)
            end = end if end >= 0 else body.rfind(b" ", floor, cap)
            return body[: end + 1 if end >= 0 else cap], cap
    return b"".join(parts), None


def retry_after(value: str | None) -> float:
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


def failure(exc: BaseException, opts: SourceOptions) -> FetchFailed:
    """The one-line :class:`FetchFailed` for an exception raised while fetching."""
    if isinstance(exc, Unreachable):
        return FetchFailed(exc.state, exc.problem)  # type: ignore[arg-type]
    if isinstance(exc, httpx.TimeoutException):
        return FetchFailed("failed", f"timed out after {opts.timeout:g} s")
    if isinstance(exc, httpx.ConnectError) and tls_failure(exc):
        detail = str(exc).split("] ")[-1].split(" (_ssl")[0][:100]
        return FetchFailed("failed", f"TLS failure: {detail}")
    if isinstance(exc, httpx.RemoteProtocolError):
        if "incomplete" in str(exc) or "complete message body" in str(exc):
            return FetchFailed("failed", "truncated body: the connection closed before its end")
        return FetchFailed("failed", f"malformed HTTP response: {str(exc)[:100]}")
    if isinstance(exc, httpx.DecodingError):
        return FetchFailed("failed", "body could not be decoded (bad gzip or deflate stream)")
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return FetchFailed("error", f"malformed URL ({str(exc)[:100]})")
    text = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return FetchFailed("failed", f"could not fetch: {text}")
