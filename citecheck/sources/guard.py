"""Where a request may go and for how long: http(s) only, by default only to globally
routable addresses, and never past the request's deadline.

The address check happens where the socket is opened (a network backend under httpcore),
on every address the name resolves to, for the first request and for every redirect and
robots.txt alike; the connection then goes to the address that was checked, so a name
that resolves differently a moment later (DNS rebinding) cannot slip through. A draft must
not make a CI runner read its cloud metadata (169.254.169.254) or an intranet page.

Deadlines are kept at the same place: every socket the backend opens is wrapped so that
each name lookup, connect, handshake, read and write waits at most until the deadline of
the request being made in that thread (:func:`deadline`), and fails once it has passed. httpx's own
timeouts bound each operation and start again with every byte; this bounds the request.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from citecheck.sources.addresses import Policy


class Unreachable(Exception):
    """A connection that was not made: ``dead`` (no such host, refused), ``error`` (an
    address the policy refuses) or ``failed`` (the name could not be looked up now)."""

    def __init__(self, state: str, problem: str) -> None:
        super().__init__(problem)
        self.state = state
        self.problem = problem


class DeadlinePassed(Exception):
    """The deadline set by :func:`deadline` passed before the request finished."""


_local = threading.local()


def _left(timeout: float | None) -> float | None:
    """``timeout`` cut to the time left before this thread's deadline; raises
    :class:`DeadlinePassed` when none is left."""
    at: float | None = getattr(_local, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise DeadlinePassed()
    return left if timeout is None else min(timeout, left)


def _passed() -> bool:
    at: float | None = getattr(_local, "at", None)
    return at is not None and time.monotonic() >= at


@contextmanager
def deadline(at: float | None) -> Iterator[None]:
    """Run the block under a deadline (``time.monotonic()`` seconds; the earlier one
    wins when nested): every connect, TLS handshake, read and write of a request made in
    this thread waits at most until then, and once it is past raises
    :class:`DeadlinePassed`, so no server, however slowly it trickles its headers or body,
    holds a request longer. ``None`` sets no deadline."""
    before: float | None = getattr(_local, "at", None)
    _local.at = at if before is None else before if at is None else min(at, before)
    try:
        yield
    finally:
        _local.at = before


def remaining() -> float | None:
    """Seconds left before this thread's deadline (``None``: no deadline), at least 0."""
    at: float | None = getattr(_local, "at", None)
    return None if at is None else max(0.0, at - time.monotonic())


def resolve(host: str, port: int, policy: Policy) -> list[str]:
    """The addresses to connect to for ``host``; raises :class:`Unreachable` when the name
    does not resolve or any address is one ``policy`` refuses."""
    refused = policy.host_problem(host)
    if refused:
        raise Unreachable("error", refused)
    try:
        infos = _lookup(host, port)
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
            raise Unreachable("dead", f"DNS failure: no such host {host}") from None
        raise Unreachable("failed", f"DNS failure for {host}: {exc.strerror}") from None
    except UnicodeError:
        raise Unreachable("error", f"malformed URL (bad host name {host!r})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        problem = policy.problem(host, address)
        if problem:
            raise Unreachable("error", problem)
    return addresses


def _lookup(host: str, port: int) -> list[Any]:
    """``socket.getaddrinfo`` for ``host``, given up on at the thread's deadline (the
    lookup itself goes on in a daemon thread until the resolver gives up)."""
    if remaining() is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    box: list[Any] = []

    def look() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the asking thread
            box.append(exc)

    thread = threading.Thread(target=look, name="citecheck-dns", daemon=True)
    thread.start()
    thread.join(remaining())
    if not box:
        raise DeadlinePassed()
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]  # type: ignore[no-any-return]


class _TimedStream(httpcore.NetworkStream):
    """A socket stream whose every wait is cut to the thread's deadline (:func:`deadline`)."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self.inner.read(max_bytes, _left(timeout))
        except httpcore.ReadTimeout:
            if _passed():
                raise DeadlinePassed() from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self.inner.write(buffer, _left(timeout))
        except httpcore.WriteTimeout:
            if _passed():
                raise DeadlinePassed() from None
            raise

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        try:
            return _TimedStream(self.inner.start_tls(ssl_context, server_hostname, _left(timeout)))
        except httpcore.ConnectTimeout:
            if _passed():
                raise DeadlinePassed() from None
            raise

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses :func:`resolve` allows,
    with every wait cut to the thread's :func:`deadline`."""

    def __init__(self, allow_private: bool | Iterable[str]) -> None:
        self.policy = Policy(allow_private)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve and check ``host``, then connect to its addresses in order."""
        refused = False
        last: Exception | None = None
        for address in resolve(host, port, self.policy):
            try:
                stream = super().connect_tcp(
                    address, port, _left(timeout), local_address, socket_options
                )
            except httpcore.ConnectTimeout as exc:
                if _passed():
                    raise DeadlinePassed() from None
                last = exc
            except httpcore.ConnectError as exc:
                refused = refused or isinstance(exc.__cause__, ConnectionRefusedError)
                last = exc
            else:
                return _TimedStream(stream)
        if refused:
            raise Unreachable("dead", f"connection refused by {host}:{port}")
        raise last if last else Unreachable("failed", f"no address for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connection pool opens sockets through
    :class:`GuardedBackend` and never reads proxy settings from the environment."""

    def __init__(self, allow_private: bool | Iterable[str], connections: int) -> None:
        context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=context, trust_env=False)
        # httpx builds its pool without a way to pass a network backend; rebuild it with one.
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=connections,
            max_keepalive_connections=connections,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_private),
        )


def tls_failure(exc: BaseException) -> bool:
    """Whether a connection error was a TLS handshake or certificate failure."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "SSL" in str(seen)[:80]:
            return True
        seen = seen.__cause__ or seen.__context__
    return False
