"""Hostile servers on 127.0.0.1: headers and bodies trickled a byte at a time, deadlines per
source and per run, redirect loops, a redirect to a cloud metadata address, named private
hosts and networks, a page over the size cap. Timings are never asserted tightly: a run
must end well before the trickle would, whatever the machine's speed."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpcore
import pytest
from pageserver import serving
from typer.testing import CliRunner

from citecheck.api import check_text
from citecheck.cli.app import app
from citecheck.model import BlockKind, Reference
from citecheck.sources import Source, SourceOptions, load_sources
from citecheck.sources.addresses import Policy, parse_allowed

TRICKLE = 0.1  # seconds between two bytes of a trickling answer
PAD = 400  # bytes trickled: 40 s at TRICKLE, far beyond every deadline below


class RawServer:
    """A TCP server on 127.0.0.1 that answers each connection with ``handler(conn, path)``
    in a thread of its own, and counts the connections it accepts."""

    def __init__(self, handler: Callable[[socket.socket, str], None]) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.accepted = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    data = conn.recv(4096)
                    if not data:
                        return
                    head += data
                path = head.split(b" ", 2)[1].decode("ascii", "replace")
                if path == "/robots.txt":
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n")
                    conn.sendall(b"Connection: close\r\n\r\n")
                    return
                self.handler(conn, path)
            except OSError:
                pass

    def trickle(self, conn: socket.socket, data: bytes) -> None:
        """Send ``data`` one byte every :data:`TRICKLE` seconds until the server stops."""
        for byte in data:
            if self.stop.wait(TRICKLE):
                return
            conn.sendall(bytes([byte]))

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def trickling() -> Iterator[RawServer]:
    """``/headers`` trickles its headers, ``/body`` its body (after quick headers)."""

    def handler(conn: socket.socket, path: str) -> None:
        if path.startswith("/headers"):
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            pad = b"X-Pad: " + b"a" * PAD + b"\r\n"
            server.trickle(conn, b"Content-Type: text/plain\r\n" + pad + b"\r\nlate")
        else:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n")
            conn.sendall(b"Content-Length: %d\r\n\r\n" % PAD)
            server.trickle(conn, b"w" * PAD)

    server = RawServer(handler)
    try:
        yield server
    finally:
        server.close()


def refs(urls: list[str]) -> list[Reference]:
    return [Reference(str(i), 0, 0, "", BlockKind.ITEM, url=u) for i, u in enumerate(urls)]


def load(urls: list[str], **options: Any) -> list[Source]:
    opts: dict[str, Any] = {"allow_private": True, "use_cache": False, "backoff": 0.01}
    got = load_sources(None, refs(urls), SourceOptions(**{**opts, **options}))
    return list(got.values())


def test_trickled_headers_and_body_stop_at_the_deadline(trickling: RawServer) -> None:
    start = time.monotonic()
    headers, body = load([trickling.url("/headers"), trickling.url("/body")], deadline=1.0)
    took = time.monotonic() - start
    assert took < PAD * TRICKLE / 3  # well before either trickle would end (40 s)
    for got in (headers, body):
        assert (got.state, got.problem) == (
            "failed",
            "timed out: download did not finish within 1 s",
        )


def test_the_run_deadline_stops_every_fetch(trickling: RawServer) -> None:
    urls = [trickling.url(f"/body/{n}") for n in range(3)] + [trickling.url("/headers")]
    start = time.monotonic()
    got = load(urls, deadline=600.0, run_deadline=1.0, per_host=1)
    took = time.monotonic() - start
    assert took < PAD * TRICKLE / 3
    assert {(s.state, s.problem) for s in got} == {
        ("failed", "timed out: not fetched within the run's deadline of 1 s"),
    }
    # per_host=1: the first fetch held the host; the others never connected.
    assert trickling.accepted <= 2  # robots.txt and the first page


def test_the_deadline_covers_retries(tmp_path: Path) -> None:
    with serving(("127.0.0.1",)) as site:
        site.page("/busy", "<p>x</p>", status=503, headers={"Retry-After": "5"})
        start = time.monotonic()
        (got,) = load([site.url("/busy")], deadline=1.0, retries=5, max_retry_after=60.0)
        took = time.monotonic() - start
        assert site.hits("/busy") == 1  # waiting 5 s would pass the deadline: no retry
    assert took < 4
    assert (got.state, got.status, got.problem) == ("failed", 503, "HTTP 503 Service Unavailable")


def test_verify_reports_hostile_servers_as_source_unavailable(
    trickling: RawServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the command line: --fetch-deadline, --allow-private naming the host, and
    each hostile answer a CC201 warning."""
    with serving(("127.0.0.1",)) as site:
        site.redirect("/loop/a", "/loop/b")
        site.redirect("/loop/b", "/loop/a")
        for n in range(12):
            site.redirect(f"/hop/{n}", f"/hop/{n + 1}")
        article = tmp_path / "harbour.txt"
        urls = [
            trickling.url("/headers"),
            trickling.url("/body"),
            site.url("/loop/a"),
            site.url("/hop/0"),
        ]
        lines = [f"{n + 1}. Port Weekly: Harbour story {n + 1}. {u}" for n, u in enumerate(urls)]
        article.write_text(
            "Harbour news\n\nThe harbour counted many ships in the year. [1][2][3][4]\n\n"
            "References:\n" + "\n".join(lines) + "\n",
            "utf-8",
        )
        monkeypatch.chdir(tmp_path)
        start = time.monotonic()
        result = RUNNER.invoke(
            app,
            [
                "verify",
                str(article),
                "--allow-private",
                "127.0.0.1",
                "--fetch-deadline",
                "1.5",
                "--format",
                "json",
            ],
        )
        took = time.monotonic() - start
    assert took < PAD * TRICKLE / 2, result.output
    report = json.loads(result.stdout)
    found = {
        f["line"]: (f["severity"], f["message"].split(" (", 1)[1])
        for f in report["files"][0]["findings"]
        if f["rule"] == "source-unavailable"
    }
    assert found == {
        6: ("warning", f"{urls[0]}: timed out: download did not finish within 1.5 s)"),
        7: ("warning", f"{urls[1]}: timed out: download did not finish within 1.5 s)"),
        8: ("warning", f"{urls[2]}: redirect loop after 2 hops)"),
        9: ("warning", f"{urls[3]}: more than 10 redirects)"),
    }
    (claim,) = report["files"][0]["claims"]
    assert claim["verdict"] == "unverifiable"


def test_a_page_cut_at_the_cap_is_reported_and_its_part_used() -> None:
    lines = [f"Line {i}: the harbour counted {i * 7} ships.\n" for i in range(20_000)]
    lines[40] = "The harbour reopened on Monday after the storm, the port authority said.\n"
    lines[-40] = "The pier closed in June for repairs to its deck, the council said.\n"
    with serving(("127.0.0.1",)) as site:
        site.page("/big", "".join(lines), headers={"Content-Type": "text/plain; charset=utf-8"})
        site.page("/robots.txt", "", status=404)
        text = (
            "Harbour news\n\nThe harbour reopened on Monday after the storm. [1] The pier"
            " closed in June for repairs to its deck. [1]\n\n"
            f"References:\n1. Port Weekly: Harbour story. {site.url('/big')}\n"
        )
        options = SourceOptions(allow_private=True, use_cache=False, max_bytes=256 * 1024)
        report = check_text(text, sources=options)
    (found,) = [f for f in report.findings if f.rule == "source-unavailable"]
    assert (found.severity, found.line) == ("info", 6)
    assert found.message.endswith(
        f"({site.url('/big')}: larger than the 0.25 MB cap, cut there;"
        " claims were checked against its first 0.25 MB)"
    )
    # The part read is used; what lies beyond the cap is not there to back a claim.
    assert [c.verdict for c in report.claims] == ["supported", "unsupported"]


RUNNER = CliRunner()


def test_a_page_over_the_cap_is_cut_and_read_that_far(tmp_path: Path) -> None:
    lines = [f"Line {i}: the harbour authority counted {i * 7} ships.\n" for i in range(260_000)]
    body = "".join(lines).encode()
    assert len(body) > 12 * 1024 * 1024
    with serving(("127.0.0.1",)) as site:
        site.page("/big", body, headers={"Content-Type": "text/plain; charset=utf-8"})
        (got,) = load([site.url("/big")], use_cache=True, cache_dir=tmp_path)
        (again,) = load([site.url("/big")], use_cache=True, cache_dir=tmp_path)
        assert site.hits("/big") == 1
    cap = 10 * 1024 * 1024
    assert (got.state, got.cut, got.problem) == ("ok", cap, None)
    assert got.text.startswith(lines[0].strip())
    whole = len("".join(lines[: got.text.count("\n") + 1]))
    assert cap - 100 < whole <= cap  # cut at the last whole line before the cap
    assert got.text.endswith(lines[got.text.count("\n")].strip())
    assert (again.origin, again.cut, again.text) == ("cache", cap, got.text)


# Addresses ------------------------------------------------------------------------------


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses sockets were opened to."""
    seen: list[str] = []
    real = httpcore.SyncBackend.connect_tcp

    def spy(self: Any, host: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(host)
        return real(self, host, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", spy)
    return seen


def test_a_redirect_to_cloud_metadata_is_refused_even_from_an_allowed_host(
    connects: list[str],
) -> None:
    with serving(("127.0.0.1",)) as site:
        site.redirect("/meta", "http://169.254.169.254/latest/meta-data/")
        site.redirect("/ll", "http://169.254.10.1/")
        site.redirect("/name", "http://metadata.google.internal/computeMetadata/v1/")
        site.page("/robots.txt", "", status=404)
        paths = ["/meta", "/ll", "/name"]
        named = load([site.url(p) for p in paths], allow_private=("127.0.0.1",))
        anyp = load([site.url(p) for p in paths], allow_private=True)
    assert set(connects) == {"127.0.0.1"}  # no connection was attempted elsewhere
    for got in (named, anyp):
        assert [(s.state, s.problem) for s in got] == [
            (
                "error",
                "refused: 169.254.169.254 resolves to 169.254.169.254, a cloud metadata"
                " address (allow_private must name it)",
            ),
            (
                "error",
                "refused: 169.254.10.1 resolves to 169.254.10.1, a link-local address"
                " (allow_private must name it)",
            ),
            (
                "error",
                "refused: metadata.google.internal is a cloud metadata service"
                " (allow_private must name it)",
            ),
        ]


def test_allow_private_names_hosts_and_networks(
    connects: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo

    def fake(host: str, port: object, *args: object, **kwargs: object) -> object:
        if host == "intranet.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port))]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with serving() as site:
        site.page("/p", "<html><body><article><p>The pier opened in May.</p></article></body>")
        site.page("/robots.txt", "", status=404)
        site.redirect("/to-2", site.url("/p", "127.0.0.2"))
        one, other, hop = load(
            [site.url("/p"), site.url("/p", "127.0.0.2"), site.url("/to-2")],
            allow_private=("127.0.0.1",),
        )
        assert (one.state, other.state, hop.state) == ("ok", "error", "error")
        assert (
            other.problem
            == hop.problem
            == (
                "refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address"
                " (allow_private lifts this)"
            )
        )
        both = load([site.url("/p"), site.url("/to-2")], allow_private=("127.0.0.0/8",))
        assert [s.state for s in both] == ["ok", "ok"]
        by_name = load([f"http://intranet.test:{site.port}/p"], allow_private=("intranet.test",))
        assert [s.state for s in by_name] == ["ok"]


def test_the_policy_names_link_local_only_outright() -> None:
    def refused(allow: Any, address: str, host: str = "h") -> bool:
        return Policy(allow).problem(host, address) is not None

    assert refused(False, "10.1.2.3") and not refused(True, "10.1.2.3")
    assert not refused(("10.0.0.0/8",), "10.1.2.3") and refused(("10.0.0.0/8",), "192.168.0.1")
    assert not refused(True, "8.8.8.8") and not refused(("127.0.0.1",), "8.8.8.8")
    # Link-local and metadata: refused under True and under a wide network ...
    for allow in (True, ("0.0.0.0/0",), ("::/0",), ("fd00::/8",)):
        assert refused(allow, "169.254.169.254") and refused(allow, "fe80::1")
        assert refused(allow, "fd00:ec2::254")
    # ... allowed when named: the address, a link-local network, or the host name.
    assert not refused(("169.254.169.254",), "169.254.169.254")
    assert not refused(("169.254.0.0/16",), "169.254.169.254")
    assert not refused(("fe80::/10",), "fe80::1")
    assert not refused(("fd00:ec2::254",), "fd00:ec2::254")
    assert not refused(("metadata.google.internal",), "169.254.169.254", "metadata.google.internal")
    assert Policy(True).host_problem("metadata.google.internal") is not None
    assert Policy(("metadata.google.internal",)).host_problem("Metadata.Google.Internal.") is None


def test_allowed_entries_are_checked() -> None:
    assert parse_allowed(
        ["127.0.0.1, 10.0.0.0/8", "Intranet.Example.", "[::1]", "10.1.2.3/32"]
    ) == (
        "127.0.0.1",
        "10.0.0.0/8",
        "intranet.example",
        "::1",
        "10.1.2.3",
    )
    for bad in ("10.0.0.0/33", "exa mple.org", "http://x/", "a..b"):
        with pytest.raises(ValueError, match="not an IP address, a network or a host name"):
            parse_allowed([bad])


# Conditional requests -------------------------------------------------------------------


def test_a_stale_page_is_revalidated_not_downloaded(tmp_path: Path) -> None:
    state = {"etag": '"v1"', "body": "<p>The pier opened in May after two years of work.</p>"}
    counts = {"full": 0, "not modified": 0}
    modified = "Wed, 21 Oct 2026 07:28:00 GMT"

    def route(r: Any) -> None:
        etag = r.headers.get("If-None-Match")
        since = r.headers.get("If-Modified-Since")
        if etag == state["etag"] or (etag is None and since == modified):
            counts["not modified"] += 1
            r.answer(304, b"", {"ETag": state["etag"]})
            return
        counts["full"] += 1
        html = f"<html><body><article>{state['body']}</article></body></html>"
        hdrs = {"Content-Type": "text/html; charset=utf-8", "Last-Modified": modified}
        if state["etag"]:
            hdrs["ETag"] = state["etag"]
        r.answer(200, html.encode(), hdrs)

    with serving(("127.0.0.1",)) as site:
        site.routes["/pier"] = route
        site.page("/robots.txt", "", status=404)
        url = site.url("/pier")

        def fetch(max_age: float = 7.0) -> Source:
            opts = {"cache_dir": tmp_path, "max_age_days": max_age, "use_cache": True}
            (got,) = load([url], **opts)
            return got

        first = fetch()
        assert counts == {"full": 1, "not modified": 0} and first.origin == "network"
        entry = next(tmp_path.rglob("*.json"))
        data = json.loads(entry.read_text("utf-8"))
        assert (data["etag"], data["last_modified"]) == ('"v1"', modified)
        data["fetched_at"] -= 30 * 86400  # a month old: stale
        entry.write_text(json.dumps(data), "utf-8")

        renewed = fetch()
        assert counts == {"full": 1, "not modified": 1}
        assert (renewed.state, renewed.origin, renewed.text) == ("ok", "cache", first.text)
        assert time.time() - json.loads(entry.read_text("utf-8"))["fetched_at"] < 3600
        fetch()  # renewed: fresh again, so no request at all
        assert counts == {"full": 1, "not modified": 1}

        state.update(etag='"v2"', body="<p>The pier closed in June for repairs to its deck.</p>")
        changed = fetch(max_age=0)
        assert counts == {"full": 2, "not modified": 1}
        assert changed.origin == "network" and "closed in June" in changed.text

        state["etag"] = ""  # no ETag any more: Last-Modified alone revalidates
        fetch(max_age=0)
        assert counts == {"full": 3, "not modified": 1}
        fetch(max_age=0)
        assert counts == {"full": 3, "not modified": 2}
        sent = [h for _, p, h in site.log if p == "/pier"]
        assert sent[-1].get("If-Modified-Since") == modified and "If-None-Match" not in sent[-1]


def test_hostile_benchmark_runs() -> None:
    from benchscripts import load as load_bench

    bench = load_bench("hostile")
    took, problem = bench.trickle("headers", 0.5, 0.05, 200)  # a 10 s trickle
    assert took < 5 and problem == "timed out: download did not finish within 0.5 s"


def test_allow_private_alone_keeps_its_old_meaning(tmp_path: Path) -> None:
    from citecheck.cli.options import optional_values, overrides

    article = tmp_path / "a.md"
    article.write_text("x")
    fill = optional_values
    assert fill(["a.md", "--allow-private"]) == ["a.md", "--allow-private", "*"]
    assert fill(["--allow-private", "-f", "json"]) == ["--allow-private", "*", "-f", "json"]
    assert fill(["--allow-private", str(article)]) == ["--allow-private", "*", str(article)]
    assert fill(["--allow-private", "10.0.0.0/8"]) == ["--allow-private", "10.0.0.0/8"]
    assert fill(["--", "--allow-private"]) == ["--", "--allow-private"]
    assert overrides(allow_private=["*"]) == {"allow-private": True}
    assert overrides(allow_private=["127.0.0.1,::1", "wiki"]) == {
        "allow-private": ("127.0.0.1", "::1", "wiki")
    }


def test_a_slow_name_lookup_stops_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo
    release = threading.Event()

    def slow(host: str, *args: object, **kwargs: object) -> object:
        if host == "slow-dns.test":  # answers late, and never from the network
            release.wait(30)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    start = time.monotonic()
    try:
        (got,) = load(["http://slow-dns.test/page"], deadline=0.5)
    finally:
        release.set()
    assert time.monotonic() - start < 15  # the lookup would take 30 s
    assert (got.state, got.problem) == ("failed", "timed out: download did not finish within 0.5 s")
