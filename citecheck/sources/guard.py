"""Where a request may go: http(s) only, and by default only to globally routable addresses.

The address check happens where the socket is opened (a network backend under httpcore),
on every address the name resolves to, for the first request and for every redirect and
robots.txt alike; the connection then goes to the address that was checked, so a name
that resolves differently a moment later (DNS rebinding) cannot slip through. A draft must
not make a CI runner read its cloud metadata (169.254.169.254) or an intranet page.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class Unreachable(Exception):
    """A connection that was not made: ``dead`` (no such host, refused) or ``error``."""

    def __init__(self, state: str, problem: str) -> None:
        super().__init__(problem)
        self.state = state
        self.problem = problem


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What makes ``ip`` off limits, or ``None`` for a global unicast address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name, flag in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return name
    return None if ip.is_global else "non-global"


def resolve(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses to connect to for ``host``; raises :class:`Unreachable` when the name
    does not resolve or (unless ``allow_private``) any address is not global."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
            raise Unreachable("dead", f"DNS failure: no such host {host}") from None
        raise Unreachable("error", f"DNS failure for {host}: {exc.strerror}") from None
    except UnicodeError:
        raise Unreachable("error", f"malformed URL (bad host name {host!r})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            kind = _kind(ipaddress.ip_address(address.split("%")[0]))
            if kind:
                raise Unreachable(
                    "error",
                    f"refused: {host} resolves to {address}, a {kind} address"
                    " (allow_private lifts this)",
                )
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses :func:`resolve` allows."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

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
        for address in resolve(host, port, self.allow_private):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                refused = refused or isinstance(exc.__cause__, ConnectionRefusedError)
                last = exc
        if refused:
            raise Unreachable("dead", f"connection refused by {host}:{port}")
        raise last if last else Unreachable("error", f"no address for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connection pool opens sockets through
    :class:`GuardedBackend` and never reads proxy settings from the environment."""

    def __init__(self, allow_private: bool, connections: int) -> None:
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
