"""The fetcher against a real HTTP server on 127.0.0.1: statuses, redirects, robots.txt,
retries, charsets, compression, caps and timeouts; every failure is one line."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pageserver import Request, Site, minimal_pdf, serving

from citecheck.model import BlockKind, Reference
from citecheck.sources import Source, SourceOptions, load_sources

NEWS = (Path(__file__).parent / "data" / "sources" / "news.html").read_text("utf-8")
ROBOTS = "User-agent: *\nDisallow: /private/\n"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serving() as s:
        yield s


@pytest.fixture(autouse=True)
def robots(site: Site) -> None:
    site.page("/robots.txt", ROBOTS, headers={"Content-Type": "text/plain"})


def load(site: Site, tmp: Path, *paths: str, **options: object) -> list[Source]:
    refs = [
        Reference(str(i), 0, 0, "", BlockKind.ITEM, url=site.url(p) if p.startswith("/") else p)
        for i, p in enumerate(paths)
    ]
    opts = {"allow_private": True, "cache_dir": tmp / "cache", "backoff": 0.01, **options}
    return list(load_sources(None, refs, SourceOptions(**opts)).values())  # type: ignore[arg-type]


def test_news_page_over_http(site: Site, tmp_path: Path) -> None:
    site.page("/news", NEWS)
    (got,) = load(site, tmp_path, "/news")
    assert (got.state, got.status, got.origin, got.problem) == ("ok", 200, "network", None)
    assert got.title == "Mexico rejects U.S. military action against cartels"
    assert "Related stories" not in got.text and "outrageous" not in got.text
    assert got.final_url == site.url("/news")
    assert got.text[got.sentences[1][0] : got.sentences[1][1]].startswith("Mexico's president")


def test_pdf_over_http(site: Site, tmp_path: Path) -> None:
    body = minimal_pdf(["Inflation eased to 2.4 per cent in March."], title="Monthly bulletin")
    site.page("/bulletin", body, headers={"Content-Type": "application/pdf"})
    (got,) = load(site, tmp_path, "/bulletin")
    assert (got.state, got.media_type, got.title) == ("ok", "application/pdf", "Monthly bulletin")
    assert got.text == "Inflation eased to 2.4 per cent in March."


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (404, "dead"),
        (410, "dead"),
        (401, "blocked"),
        (403, "blocked"),
        (451, "blocked"),
        (500, "failed"),
        (418, "failed"),
    ],
)
def test_status_mapping(site: Site, tmp_path: Path, status: int, state: str) -> None:
    site.page(f"/status/{status}", "<p>no</p>", status=status)
    (got,) = load(site, tmp_path, f"/status/{status}", retries=0)
    assert (got.state, got.status, got.text) == (state, status, "")
    assert got.problem is not None and got.problem.startswith(f"HTTP {status}")


def test_429_waits_as_retry_after_asks(site: Site, tmp_path: Path) -> None:
    calls: list[float] = []

    def route(r: Request) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            r.answer(429, b"slow down", {"Retry-After": "1"})
        else:
            r.answer(200, NEWS.encode(), {"Content-Type": "text/html"})

    site.routes["/busy"] = route
    (got,) = load(site, tmp_path, "/busy")
    assert got.state == "ok" and len(calls) == 2
    assert calls[1] - calls[0] >= 0.95  # honoured, not the 0.01 s back-off


def test_429_asking_too_long_is_blocked_at_once(site: Site, tmp_path: Path) -> None:
    site.page("/later", "<p>x</p>", status=429, headers={"Retry-After": "3600"})
    (got,) = load(site, tmp_path, "/later")
    assert (got.state, got.status) == ("blocked", 429)
    assert got.problem == "HTTP 429 Too Many Requests (Retry-After: 3600)"
    assert site.hits("/later") == 1


def test_server_errors_are_retried_with_back_off(site: Site, tmp_path: Path) -> None:
    site.page("/flaky", "<p>x</p>", status=503)
    (got,) = load(site, tmp_path, "/flaky", retries=2)
    assert (got.state, got.status, site.hits("/flaky")) == ("failed", 503, 3)


def test_redirect_chain_across_hosts(site: Site, tmp_path: Path) -> None:
    site.page("/moved/final", NEWS)
    site.redirect("/r1", "/r2", 301)
    site.redirect("/r2", site.url("/r3", "127.0.0.2"), 307)
    site.redirect("/r3", "/moved/final", 308)
    (got,) = load(site, tmp_path, "/r1")
    assert got.state == "ok"
    assert (got.location, got.final_url) == (site.url("/r1"), site.url("/moved/final", "127.0.0.2"))


def test_redirect_loop_and_too_many_redirects(site: Site, tmp_path: Path) -> None:
    site.redirect("/loop/a", "/loop/b")
    site.redirect("/loop/b", "/loop/a#again")
    for n in range(14):
        site.redirect(f"/hop/{n}", f"/hop/{n + 1}")
    loop, many = load(site, tmp_path, "/loop/a", "/hop/0")
    assert (loop.state, loop.problem) == ("failed", "redirect loop after 2 hops")
    assert (many.state, many.problem) == ("failed", "more than 10 redirects")
    assert site.hits("/hop/11") == 0


def test_redirect_to_another_scheme_is_refused(site: Site, tmp_path: Path) -> None:
    site.redirect("/to-file", "file:///etc/passwd")
    (got,) = load(site, tmp_path, "/to-file")
    assert got.state == "error" and "unsupported scheme file" in (got.problem or "")


def test_robots_txt_is_honoured(site: Site, tmp_path: Path) -> None:
    site.page("/private/page", NEWS)
    site.page("/nocc/page", NEWS)
    site.page("/public", NEWS)
    private, public = load(site, tmp_path, "/private/page", "/public")
    assert (private.state, private.problem) == (
        "blocked",
        f"robots.txt of 127.0.0.1:{site.port} disallows /private/page",
    )
    assert public.state == "ok"
    # A group naming citecheck is the one that applies (RFC 9309 §2.2.1).
    site.page(
        "/robots.txt", "User-agent: citecheck\nDisallow: /nocc/\n\nUser-agent: *\nDisallow: /\n"
    )
    mine, public = load(site, tmp_path, "/nocc/page", "/public")
    assert (mine.state, public.state) == ("blocked", "ok")
    assert site.hits("/private/page") == site.hits("/nocc/page") == 0


def test_robots_txt_unreachable_forbids_and_missing_allows(site: Site, tmp_path: Path) -> None:
    site.page("/open", NEWS)
    site.page("/robots.txt", "down", status=503)
    (down,) = load(site, tmp_path, "/open", retries=0)
    assert down.state == "blocked" and "unreachable (HTTP 503)" in (down.problem or "")
    site.page("/robots.txt", "none", status=404)
    (fine,) = load(site, tmp_path, "/open", retries=0)
    assert fine.state == "ok"


def test_non_utf8_charsets(site: Site, tmp_path: Path) -> None:
    text = "Le président a déclaré que la souveraineté n’était pas négociable, a-t-il dit."
    body = f"<html><body><article><p>{text}</p></article></body></html>"
    site.page(
        "/latin", body.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    cyr = "Правительство заявило, что переговоры продолжатся на следующей неделе в столице."
    meta = (
        "<html><head><meta charset='windows-1251'></head>"
        f"<body><article><p>{cyr}</p></article></body></html>"
    )
    site.page("/cyr", meta.encode("cp1251"), headers={"Content-Type": "text/html"})
    latin, cyrillic = load(site, tmp_path, "/latin", "/cyr")
    assert latin.text == text and cyrillic.text == cyr


def test_gzip_body(site: Site, tmp_path: Path) -> None:
    site.gzipped("/zipped", NEWS)
    (got,) = load(site, tmp_path, "/zipped")
    assert got.state == "ok" and "met 14 times since October" in got.text
    sent = [h for _, p, h in site.log if p == "/zipped"][-1]
    assert "gzip" in sent.get("Accept-Encoding", "")


def test_fifty_megabytes_are_cut_at_the_cap(site: Site, tmp_path: Path) -> None:
    site.stream("/huge", 50 * 1024 * 1024)
    (huge,) = load(site, tmp_path, "/huge", retries=0, max_bytes=1024 * 1024)
    assert (huge.state, huge.cut, huge.problem) == ("ok", 1024 * 1024, None)
    assert huge.text.startswith("word word") and len(huge.text) < 1024 * 1024


def test_slow_page_times_out_and_endless_page_hits_the_deadline(site: Site, tmp_path: Path) -> None:
    site.slow("/slow", 30.0)

    def endless(r: Request) -> None:
        r.close_connection = True
        r.send_response(200)
        r.send_header("Content-Type", "text/html")
        r.send_header("Connection", "close")
        r.end_headers()
        while not site.stopping.wait(0.02):
            r.wfile.write(b"<p>more</p>")

    site.routes["/endless"] = endless
    slow, never = load(site, tmp_path, "/slow", "/endless", timeout=0.3, deadline=0.5)
    assert (slow.state, slow.problem) == ("failed", "timed out after 0.3 s")
    assert (never.state, never.problem) == (
        "failed",
        "timed out: download did not finish within 0.5 s",
    )
    assert site.hits("/slow") == 1


def test_truncated_binary_and_empty_bodies(site: Site, tmp_path: Path) -> None:
    site.truncated("/cut", NEWS)
    site.page("/logo", b"\x89PNG\r\n\x1a\n" + bytes(200), headers={"Content-Type": "image/png"})
    site.page("/blank", "<html><head><title>Live</title></head><body></body></html>")
    cut, logo, blank = load(site, tmp_path, "/cut", "/logo", "/blank", retries=0)
    assert (cut.state, cut.problem) == (
        "failed",
        "truncated body: the connection closed before its end",
    )
    assert (logo.state, logo.problem) == (
        "error",
        "binary body (image/png), not a page or a document",
    )
    assert (blank.state, blank.text, blank.title) == ("empty", "", "Live")


def test_bad_addresses_are_one_line_each(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo

    def fake(host: str, *args: object, **kwargs: object) -> object:
        if host.endswith(".test"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    site.page("/fine", NEWS)
    urls = [
        "http://no-such-host.test/a",
        f"http://127.0.0.1:{port}/",
        f"https://127.0.0.1:{site.port}/fine",
        "ftp://example.org/file",
        "javascript:alert(1)",
        "http://exa mple.org/",
        "http://[::1/",
        "https:///nohost",
        "/fine",
    ]
    got = load(site, tmp_path, *urls, retries=0)
    problems = [(s.state, (s.problem or "").split(":")[0]) for s in got]
    assert problems == [
        ("dead", "DNS failure"),
        ("dead", "connection refused by 127.0.0.1"),
        ("failed", "TLS failure"),
        ("error", "unsupported scheme ftp"),
        ("error", "unsupported scheme javascript"),
        ("error", "malformed URL (bad host name 'exa mple.org')"),
        ("error", "malformed URL (Invalid IPv6 URL)"),
        ("error", "malformed URL (no host)"),
        ("ok", ""),
    ]
    assert all("\n" not in (s.problem or "") for s in got)


def test_a_robots_txt_that_times_out_is_asked_once(site: Site, tmp_path: Path) -> None:
    site.slow("/robots.txt", 30.0)
    site.page("/one", NEWS)
    site.page("/two", NEWS)
    before = site.hits("/robots.txt")
    one, two = load(site, tmp_path, "/one", "/two", timeout=0.3)
    assert (
        (one.state, one.problem) == (two.state, two.problem) == ("failed", "timed out after 0.3 s")
    )
    assert site.hits("/robots.txt") - before == 1
    assert site.hits("/one") == site.hits("/two") == 0


def test_retry_after_as_seconds_or_a_date() -> None:
    from email.utils import formatdate

    from citecheck.sources.responses import retry_after

    assert retry_after("7") == 7.0
    assert 50 <= retry_after(formatdate(time.time() + 60, usegmt=True)) <= 60
    assert retry_after("soon") == retry_after(None) == 0.0
