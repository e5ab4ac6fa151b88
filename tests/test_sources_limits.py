"""Politeness and safety of the fetcher: concurrency limits, User-Agent, addresses that are
not global, offline runs that open no socket, and nothing written outside the cache."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest
from benchscripts import load
from pageserver import serving

from citecheck import __version__
from citecheck.model import BlockKind, Reference
from citecheck.sources import SourceOptions, addresses, load_sources, target_url
from citecheck.sources.addresses import _kind

NEWS = (Path(__file__).parent / "data" / "sources" / "news.html").read_text("utf-8")
PAGE = NEWS.replace("Analysts in Mexico City", "Analysts in {}")
HOSTS = tuple(f"127.0.0.{n}" for n in range(1, 11))


def refs(urls: list[str]) -> list[Reference]:
    return [Reference(f"r{i}", 0, 0, "", BlockKind.ITEM, url=u) for i, u in enumerate(urls)]


def test_per_host_and_total_limits(tmp_path: Path) -> None:
    with serving(HOSTS) as site:
        site.latency = 0.15
        for n in range(3):
            site.page(f"/p{n}", PAGE.format(n))
        site.page(
            "/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
        )
        urls = [site.url(f"/p{n}", host) for host in HOSTS for n in range(3)]
        got = load_sources(None, refs(urls), SourceOptions(allow_private=True, cache_dir=tmp_path))
        assert all(s.state == "ok" for s in got.values())
        assert max(site.peak.values()) == 2  # per host, robots.txt included
        assert site.peak_total == 16
        assert len(site.log) == 40  # 30 pages and one robots.txt per host

        site.peak.clear()
        site.peak_total = 0
        few = SourceOptions(allow_private=True, use_cache=False, per_host=1, total=3)
        load_sources(None, refs(urls[:9]), few)
        assert max(site.peak.values()) == 1 and site.peak_total == 3


def test_user_agent_names_citecheck_and_its_version(tmp_path: Path) -> None:
    with serving(("127.0.0.1",)) as site:
        site.page("/a", PAGE.format("a"))
        load_sources(
            None, refs([site.url("/a")]), SourceOptions(allow_private=True, use_cache=False)
        )
        agents = {headers.get("User-Agent") for _, _, headers in site.log}
    assert len(agents) == 1
    assert agents.pop().startswith(f"citecheck/{__version__} ")  # type: ignore[union-attr]


def test_loopback_private_and_link_local_are_refused_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo

    def fake(host: str, port: object, *args: object, **kwargs: object) -> object:
        if host == "intranet.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with serving(("127.0.0.1",)) as site:
        site.page("/a", PAGE.format("a"))
        urls = [
            site.url("/a"),
            "http://intranet.test/wiki",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:127.0.0.1]/",
            "http://0.0.0.0/",
        ]
        got = load_sources(None, refs(urls), SourceOptions(cache_dir=tmp_path))
        assert site.log == []
    kinds = [(s.state, (s.problem or "").split(", a ")[-1]) for s in got.values()]
    lifts, named = "(allow_private lifts this)", "(allow_private must name it)"
    assert kinds == [
        ("error", f"loopback address {lifts}"),
        ("error", f"private address {lifts}"),
        ("error", f"cloud metadata address {named}"),
        ("error", f"loopback address {lifts}"),
        ("error", f"unspecified address {lifts}"),
    ]


def test_a_redirect_to_a_private_address_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Treat 127.0.0.1 as if it were a public address, and 127.0.0.2 as what it is.
    def kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(ip) == "127.0.0.1" else _kind(ip)

    monkeypatch.setattr(addresses, "_kind", kind)
    with serving() as site:
        site.page("/inside", PAGE.format("inside"))
        site.redirect("/hop", site.url("/inside", "127.0.0.2"))
        (got,) = load_sources(
            None, refs([site.url("/hop")]), SourceOptions(cache_dir=tmp_path)
        ).values()
        assert site.hits("/hop") == 1 and site.hits("/inside") == 0
    assert got.state == "error"
    assert (
        got.problem
        == "refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address (allow_private lifts this)"
    )


def test_address_kinds() -> None:
    for address, kind in [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fd00:ec2::254", "cloud metadata"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "non-global"),
        ("224.0.0.1", "multicast"),
        ("::ffff:10.1.2.3", "private"),
    ]:
        assert _kind(ipaddress.ip_address(address)) == kind, address


def test_offline_never_opens_a_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(("127.0.0.1",)) as site:
        site.page("/cached", PAGE.format("cached"))
        url = site.url("/cached")
        load_sources(None, refs([url]), SourceOptions(allow_private=True, cache_dir=tmp_path))

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a socket was opened while offline")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, no_network)
    urls = [url, "https://example.org/news", "ftp://example.org/x"]
    got = list(
        load_sources(
            None, refs(urls), SourceOptions(offline=True, cache_dir=tmp_path, max_age_days=0)
        ).values()
    )
    assert (got[0].state, got[0].origin) == ("ok", "cache")  # stale, but better than nothing
    assert (got[1].state, got[1].problem) == (
        "error",
        "offline, and not in the snapshots or the cache",
    )
    assert got[2].state == "error"


def test_nothing_is_written_outside_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "story.md"
    article.write_text("# Story\n\nThe committee agreed the budget.[1]\n\n## References\n\n1. x\n")
    (tmp_path / "story.sources").mkdir()
    (tmp_path / "story.sources" / "2.txt").write_text("Local text.")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with serving(("127.0.0.1",)) as site:
        site.page("/a", PAGE.format("a"))
        site.page("/big", "x" * 2000, status=404)
        urls = [site.url("/a"), site.url("/big"), "http://[bad", site.url("/missing")]
        items = [*refs(urls), Reference("2", 0, 0, "", BlockKind.ITEM)]
        got = load_sources(str(article), items, SourceOptions(allow_private=True))
    assert [s.state for s in got.values()] == ["ok", "dead", "error", "dead", "ok"]
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p in before} == before
    new = [p.relative_to(tmp_path).parts[0] for p in after if p not in before]
    assert new and set(new) == {".citecheck-cache"}


def test_doi_is_fetched_through_doi_org() -> None:
    ref = Reference(
        "1", 0, 0, "", BlockKind.ITEM, doi="10.1002/(SICI)1097-4571(199806)49:8<693::AID>3.0.CO;2-0"
    )
    assert (
        target_url(ref)
        == "https://doi.org/10.1002/(SICI)1097-4571(199806)49%3A8%3C693%3A%3AAID%3E3.0.CO%3B2-0"
    )
    ref.url = "https://journal.example/article/7"
    assert target_url(ref) == "https://journal.example/article/7"


def test_fetch_benchmark_runs_and_bounds_add_up() -> None:
    bench = load("fetch")
    assert bench.least_time(200, 1, 0.05, 2, 16) == pytest.approx(101 * 0.05)
    assert bench.least_time(200, 10, 0.05, 2, 16) == pytest.approx(14 * 0.05)
    _took, _least, ok, (per_host, total, requests) = bench.run(6, 2, 0.0)
    assert (ok, requests) == (6, 8) and per_host <= 2 and total <= 16
