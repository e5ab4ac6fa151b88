"""A local HTTP server for the sources tests and the fetch benchmark.

Serves routes written by the tests on 127.0.0.1 (and 127.0.0.2 as a second host), with an
optional latency per request, and counts requests in flight per host and in all, so a
test can assert the fetcher's concurrency limits. Nothing here reaches beyond loopback.
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[["Request"], None]


class Request(BaseHTTPRequestHandler):
    """One request; routes write the answer with :meth:`answer` or by hand."""

    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers answer
    disable_nagle_algorithm = True  # headers and body go in two writes

    def log_message(self, format: str, *args: object) -> None:
        pass

    left = False

    def leave(self) -> None:
        """Stop counting this request as in flight (once): the answer is on its way."""
        if not self.left:
            self.left = True
            self.server.site.leave((self.headers.get("Host") or "").rsplit(":", 1)[0])

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        """Send ``status``, ``headers`` (Content-Length added) and ``body``."""
        # Counted out before the answer goes, so a client that has its answer never sees
        # this request as still in flight.
        self.leave()
        self.send_response(status)
        sent = {k.lower() for k in (headers or {})}
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if "content-length" not in sent:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        site = self.server.site
        self.left = False  # one connection carries several requests
        site.enter(
            (self.headers.get("Host") or "").rsplit(":", 1)[0],
            self.path,
            dict(self.headers.items()),
        )
        try:
            if site.latency:
                site.stopping.wait(site.latency)
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self.answer(404, b"<html><body><p>Not found</p></body></html>")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.leave()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (as the fetcher does at the size cap) is no error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """Routes, counters and the servers on each loopback host."""

    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1", "127.0.0.2")) -> None:
        self.routes: dict[str, Handler] = {}
        self.latency = 0.0
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.active: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.active_total = 0
        self.peak_total = 0
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.servers = [_Server((host, 0), Request) for host in hosts]
        self.port = self.servers[0].server_address[1]
        for server in self.servers[1:]:  # the same port on every host, so URLs read alike
            server.server_close()
        self.servers = [self.servers[0]] + [_Server((h, self.port), Request) for h in hosts[1:]]
        for server in self.servers:
            server.site = self
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The address of ``path`` on ``host``."""
        return f"http://{host}:{self.port}{path}"

    def enter(self, host: str, path: str, headers: dict[str, str]) -> None:
        """Log a request and count it in flight for ``host`` and in all."""
        with self.lock:
            self.log.append((host, path, headers))
            self.active[host] += 1
            self.active_total += 1
            self.peak[host] = max(self.peak[host], self.active[host])
            self.peak_total = max(self.peak_total, self.active_total)

    def leave(self, host: str) -> None:
        """Count a request of ``host`` out."""
        with self.lock:
            self.active[host] -= 1
            self.active_total -= 1

    def hits(self, path: str) -> int:
        """How many requests asked for ``path``, on any host."""
        return sum(1 for _, p, _ in self.log if p == path)

    def close(self) -> None:
        """Wake sleeping routes and stop every server."""
        self.stopping.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()

    # Routes --------------------------------------------------------------------------

    def page(
        self, path: str, body: bytes | str, status: int = 200, headers: dict[str, str] | None = None
    ) -> None:
        """Serve ``body`` (HTML unless ``headers`` say otherwise) with ``status``."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        hdrs = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        self.routes[path] = lambda r: r.answer(status, data, hdrs)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        """Redirect ``path`` to ``to`` (relative or absolute)."""
        self.routes[path] = lambda r: r.answer(status, b"", {"Location": to})

    def gzipped(self, path: str, html: str) -> None:
        """Serve ``html`` gzip-compressed, with ``Content-Encoding: gzip``."""
        data = gzip.compress(html.encode("utf-8"))
        hdrs = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
        self.routes[path] = lambda r: r.answer(200, data, hdrs)

    def slow(self, path: str, seconds: float, body: str = "<p>late</p>") -> None:
        """Answer ``path`` only after ``seconds`` (or when the server stops)."""

        def route(r: Request) -> None:
            self.stopping.wait(seconds)
            r.answer(200, body.encode())

        self.routes[path] = route

    def trickle(self, path: str, every: float = 0.5) -> None:
        """Headers at once, then a byte of body every ``every`` seconds, with no
        Content-Length, until the server stops or the client hangs up: a download that never
        ends yet never leaves a read waiting long, whatever the machine's load."""

        def route(r: Request) -> None:
            r.close_connection = True
            r.leave()
            r.send_response(200)
            r.send_header("Content-Type", "text/html; charset=utf-8")
            r.send_header("Connection", "close")
            r.end_headers()
            try:
                r.wfile.write(b"<html><body><p>")
                while not self.stopping.wait(every):
                    r.wfile.write(b"w")
                    r.wfile.flush()
            except OSError:  # the client hung up
                return

        self.routes[path] = route

    def stream(self, path: str, total: int, chunk: int = 64 * 1024) -> None:
        """``total`` bytes of HTML, with no Content-Length, until the client hangs up."""

        def route(r: Request) -> None:
            r.close_connection = True
            r.send_response(200)
            r.send_header("Content-Type", "text/html; charset=utf-8")
            r.send_header("Connection", "close")
            r.end_headers()
            r.wfile.write(b"<html><body><p>")
            block = b"word " * (chunk // 5)
            sent = 0
            while sent < total and not self.stopping.is_set():
                r.wfile.write(block)
                sent += len(block)

        self.routes[path] = route

    def truncated(self, path: str, html: str) -> None:
        """A Content-Length larger than the body sent before the connection closes."""
        data = html.encode()

        def route(r: Request) -> None:
            r.close_connection = True
            r.send_response(200)
            r.send_header("Content-Type", "text/html")
            r.send_header("Content-Length", str(len(data) * 3))
            r.end_headers()
            r.wfile.write(data)

        self.routes[path] = route


@contextmanager
def serving(hosts: tuple[str, ...] = ("127.0.0.1", "127.0.0.2")) -> Iterator[Site]:
    """A :class:`Site` on ``hosts`` for the duration of a ``with`` block."""
    site = Site(hosts)
    try:
        yield site
    finally:
        site.close()


def pdf_literal(s: str) -> str:
    """``s`` as a PDF string literal."""
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def minimal_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A one-page PDF (PDF 1.4, Helvetica) that prints ``lines``, written by hand."""
    text = " T* ".join(f"{pdf_literal(line)} Tj" for line in lines)
    return page_pdf(f"BT /F1 12 Tf 16 TL 72 720 Td {text} ET".encode("latin-1"), title)


def page_pdf(content: bytes, title: str | None = None) -> bytes:
    """A one-page PDF (PDF 1.4, Helvetica as /F1) drawn by the operators ``content``, with
    ``title`` as its document information title."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title {pdf_literal(title or '')} >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    info = b" /Info 6 0 R" if title else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)
