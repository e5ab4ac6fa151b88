"""Title-only references found through a search backend (``verify --lookup`` with
``search-url``): SearXNG's JSON answers (recorded, ``tests/data/recordings/searxng``)
replayed on 127.0.0.1, the hits judged by host and title, the page found fetched and
verified, ``found: URL (search)`` in text and JSON, ``--write-sources``, ``--offline``,
and CC207 when the outlet's site has no page of that title."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
from pageserver import serving
from recordings import RECORDINGS, Replay, searxng
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.formats.json import schema
from citecheck.model import Reference
from citecheck.sources.search import Hit, Malformed, SearchAnswer, SearchQuery, hits, query_for
from citecheck.text.outlets import on_domains, outlet_domains
from citecheck.verifier.found import SEARCH_SAME, hit_score, judge_search

RUNNER = CliRunner()
ARTICLE = """\
Regulators fined the airline for months of delays. [1]
The storm shut three ports along the Gulf coast. [2]
The Moon was declared a protected park. [3]

References:
1. The Guardian: Airline fined over months of delays
2. Reuters: Storm shuts three Gulf ports
3. BBC News: Moon declared a protected park
"""
GUARDIAN_Q = "Airline fined over months of delays site:theguardian.com"
REUTERS_Q = "Storm shuts three Gulf ports site:reuters.com"
BBC_Q = "Moon declared a protected park site:bbc.co.uk"


WEB = "2026-10-06-search-web-zhcn.json"  # a live instance's answer: 55 results, 20 image cards
ZERO = "2026-10-06-search-default-general-zero.json"  # no results, five engines unresponsive
KOTRA = SearchQuery("加强人工智能监管", "KOTRA", ("kotra.or.kr",))


def result(url: str, title: str, content: str = "") -> dict:
    """One result as SearXNG writes it: the recorded answer's first web result's fields,
    another page's address, title and snippet."""
    recorded = json.loads((RECORDINGS / "searxng" / WEB).read_text("utf-8"))
    first = dict(recorded["results"][0])
    first.update(url=url, title=title, content=content, parsed_url=None)
    return first


def answer(query: str, *results: dict) -> bytes:
    """A SearXNG answer body (the recorded answer's envelope) holding ``results``."""
    recorded = json.loads((RECORDINGS / "searxng" / WEB).read_text("utf-8"))
    return json.dumps({**recorded, "query": query, "results": list(results)}).encode()


def page(title: str, text: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>" + (
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    )


@pytest.fixture
def site():
    with serving(("127.0.0.1", "127.0.0.2")) as s:
        yield s


def _serve(site, replay: Replay) -> None:
    from recordings import Answer

    json_type = {"Content-Type": "application/json"}
    other = site.url("/copied/airline", host="127.0.0.2")  # an aggregator quoting the headline
    guardian = site.url("/guardian/airline")
    body = answer(
        GUARDIAN_Q,
        result(other, "Airline fined over months of delays"),
        result(site.url("/guardian/shares"), "Airline shares rise after months of delays"),
        result(guardian, "Airline fined over months of delays | Business | The Guardian"),
    )
    replay.add("/search", Answer(GUARDIAN_Q, 200, json_type, body), q=GUARDIAN_Q)
    body = answer(REUTERS_Q, result(site.url("/reuters/storm"), "Storm shuts three Gulf …"))
    replay.add("/search", Answer(REUTERS_Q, 200, json_type, body), q=REUTERS_Q)
    body = answer(BBC_Q, result(site.url("/bbc/moon"), "Moon landing anniversary marked"))
    replay.add("/search", Answer(BBC_Q, 200, json_type, body), q=BBC_Q)
    site.page(
        "/guardian/airline",
        page(
            "Airline fined over months of delays",
            "Regulators fined the airline for months of delays on Tuesday.",
        ),
    )
    site.page(
        "/reuters/storm",
        page(
            "Storm shuts three Gulf ports",
            "The storm shut three ports along the Gulf coast, officials said.",
        ),
    )


def _config(tmp_path: Path, site, search: bool = True) -> Path:
    config = tmp_path / "citecheck.toml"
    lines = [f'search-url = "{site.url("/search")}"'] if search else []
    lines += ["[outlet-domains]"]
    lines += [f'"{o}" = ["127.0.0.1"]' for o in ("The Guardian", "Reuters", "BBC News")]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _verify(tmp_path: Path, site, *args: str, search: bool = True, fmt: str = "json"):
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    return RUNNER.invoke(
        app,
        ["verify", str(article), "--config", str(_config(tmp_path, site, search)),
         "--allow-private", "--cache-dir", str(tmp_path / "cache"), "--format", fmt,
         "--fetch-deadline", "30", *args],
    )  # fmt: skip


# The wire format ------------------------------------------------------------------------


def test_recorded_answers_read():
    body = (RECORDINGS / "searxng" / WEB).read_bytes()
    recorded = json.loads(body)["results"]
    got = hits(body)
    assert len(recorded) == 55 and len(got) == 35  # the 20 image cards left out
    assert [h.url for h in got] == [r["url"] for r in recorded if r["template"] == "default.html"]
    assert got[1] == Hit(
        "https://zh.wikipedia.org/wiki/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%E7%9B%91%E7%AE%A1",
        "人工智慧監管- 維基百科，自由的百科全書",
        got[1].content,
        "google cse",
    )
    assert got[1].content.startswith("人工智慧監管 編輯 ... 人工智慧監管是指公共部門")
    assert {h.engine for h in got} == {"naver", "google cse"}
    assert hits((RECORDINGS / "searxng" / ZERO).read_bytes()) == []


def test_a_recorded_answer_of_many_hosts_gives_the_page_on_the_outlets_site(tmp_path, site):
    """The recorded answer holds two results on the outlet's site (kotra.or.kr), the first
    of them another article, and 33 on other sites, some of them titled much like the
    listed article: only the second KOTRA result counts. Asked through the backend and the
    client, as verify --lookup asks (the answer replayed on 127.0.0.1)."""
    from citecheck.sources.indexes.client import Client
    from citecheck.sources.model import SourceOptions
    from citecheck.sources.search import Searxng

    replay = Replay(site)
    replay.add("/search", searxng(WEB), q=KOTRA.text, format="json", pageno="1")
    options = SourceOptions(cache_dir=tmp_path / "cache", allow_private=True, deadline=60.0)
    with Client(options) as client:
        got = Searxng(site.url("/search")).search(KOTRA, client)
    assert got.problem is None and len(got.hits) == 35
    on_site = [h for h in got.hits if on_domains(h.url, KOTRA.domains)]
    assert len(on_site) == 2 and on_site[0].title.startswith("我国建立人工智能安全监管制度")
    found = judge_search(got)
    assert found.verdict == "found" and found.hit == on_site[1] and found.score == 100.0
    assert "pDataId=25011707000058569512" in found.hit.url
    assert hit_score(on_site[0], KOTRA.title) < SEARCH_SAME
    # the same answer for an outlet none of whose pages it holds: not found, nothing close
    reuters = SearchQuery(KOTRA.title, "Reuters", ("reuters.com",))
    missed = judge_search(SearchAnswer(reuters, got.hits))
    assert missed.verdict == "not_found" and missed.hit is None and missed.closest is None


@pytest.mark.parametrize(
    "body",
    [b"<html>Forbidden</html>", b'{"error": "No query"}', b'{"results": {}}', b"\xff\xfe"],
)
def test_malformed_answers_raise(body):
    with pytest.raises(Malformed):
        hits(body)


def test_image_cards_and_rows_without_url_are_left_out():
    rows = [
        result("https://www.bbc.com/news/a", "A"),
        {**result("https://www.bbc.com/img.png", "B"), "template": "images.html"},
        {"title": "no url"},
        "not a result",
    ]
    assert [h.url for h in hits(answer("q", *rows))] == ["https://www.bbc.com/news/a"]


# Host and title -------------------------------------------------------------------------


def test_outlet_domains_come_from_the_table_and_the_setting():
    assert outlet_domains("NYT") == ("nytimes.com",)
    assert outlet_domains("Example Gazette") == ()
    assert outlet_domains("Example Gazette", (("Example Gazette", ("www.gazette.example",)),)) == (
        "gazette.example",
    )
    assert on_domains("https://edition.cnn.com/2025/x", ("cnn.com",))
    assert not on_domains("https://notcnn.com/x", ("cnn.com",))


def test_query_for_title_only_entries_only():
    text = "The New York Times: A title"
    nyt = Reference("1", 0, len(text), text, "item", outlet="The New York Times", title="A title")
    assert query_for(nyt) == SearchQuery("A title", "The New York Times", ("nytimes.com",))
    assert query_for(nyt).text == "A title site:nytimes.com"  # type: ignore[union-attr]
    linked = Reference(
        "2", 0, 1, "x", "item", outlet="CNN", title="A title", url="https://cnn.com/a"
    )
    assert query_for(linked) is None
    doi = Reference("3", 0, 1, "x", "item", title="A title", doi="10.1000/1")
    assert query_for(doi) is None


def test_a_hit_counts_only_on_the_outlet_site_with_the_listed_title():
    query = SearchQuery("Storm shuts three Gulf ports", "Reuters", ("reuters.com",))
    elsewhere = Hit("https://blog.example/storm", "Storm shuts three Gulf ports")
    related = Hit("https://www.reuters.com/b", "Gulf ports reopen after storm")
    cut = Hit("https://www.reuters.com/a", "Storm shuts three Gulf …")
    found = judge_search(SearchAnswer(query, (elsewhere, related, cut)))
    assert found.verdict == "found" and found.hit == cut
    missed = judge_search(SearchAnswer(query, (elsewhere, related)))
    assert missed.verdict == "not_found" and missed.closest == related
    assert hit_score(related, query.title) < SEARCH_SAME
    unknown = judge_search(SearchAnswer(query, problem="SearXNG: timed out"))
    assert unknown.verdict == "unknown"


# End to end -----------------------------------------------------------------------------


def test_title_only_references_are_found_and_verified(tmp_path, site):
    replay = Replay(site)
    _serve(site, replay)
    result_ = _verify(tmp_path, site, "--lookup")
    data = json.loads(result_.stdout)
    jsonschema.validate(data, json.loads(schema()))
    (file,) = data["files"]
    works = {w["key"]: w for w in file["works"]}
    assert works["1"]["found"] == site.url("/guardian/airline")
    assert works["1"]["found_by"] == "search" and works["1"]["way"] == "search"
    assert works["1"]["verdict"] == "found"
    assert works["2"]["found"] == site.url("/reuters/storm")
    assert works["3"]["verdict"] == "not_found" and works["3"]["found"] is None
    assert works["3"]["title"] == "Moon landing anniversary marked"  # the closest
    claims = {c["cites"][0]: c["verdict"] for c in file["claims"]}
    assert claims["1"] == "supported" and claims["2"] == "supported"
    assert claims["3"] == "unverifiable"
    missing = [f for f in file["findings"] if f["code"] == "CC207"]
    assert [f["line"] for f in missing] == [8]
    assert "no page on bbc.co.uk or bbc.com or 127.0.0.1 has this title" in missing[0]["message"]
    assert site.hits("/copied/airline") == 0 and site.hits("/guardian/shares") == 0
    assert "search-url" not in result_.stderr


def test_text_shows_found_sources(tmp_path, site):
    _serve(site, Replay(site))
    out = _verify(tmp_path, site, "--lookup", fmt="text").stdout
    assert f"[1] found: {site.url('/guardian/airline')} (search)" in out
    assert f"[2] found: {site.url('/reuters/storm')} (search)" in out


def test_nothing_is_searched_without_lookup_or_offline(tmp_path, site):
    replay = Replay(site)
    _serve(site, replay)
    data = json.loads(_verify(tmp_path, site).stdout)
    assert replay.hits("/search") == 0 and data["files"][0].get("works") is None
    data = json.loads(_verify(tmp_path, site, "--lookup", "--offline").stdout)
    assert replay.hits("/search") == 0
    works = {w["key"]: w for w in data["files"][0]["works"]}
    assert {w["verdict"] for w in works.values()} == {"unknown"}
    assert not [f for f in data["files"][0]["findings"] if f["code"] == "CC207"]


def test_without_a_backend_one_info_line_says_how(tmp_path, site):
    replay = Replay(site)
    _serve(site, replay)
    result_ = _verify(tmp_path, site, "--lookup", search=False)
    lines = [line for line in result_.stderr.splitlines() if "search-url" in line]
    assert len(lines) == 1 and lines[0].startswith("citecheck: info: ")
    assert "http://127.0.0.1:8888/search" in lines[0]
    assert replay.hits("/search") == 0


def test_write_sources_then_offline_reads_them(tmp_path, site):
    replay = Replay(site)
    _serve(site, replay)
    folder = tmp_path / "article.sources"
    folder.mkdir()
    manifest = folder / "sources.toml"
    manifest.write_text('9 = "old.html"\n', encoding="utf-8")
    first = _verify(tmp_path, site, "--lookup", "--write-sources", str(manifest))
    assert first.exit_code in (0, 1), first.stderr
    assert tomllib.loads(manifest.read_text("utf-8")) == {
        "9": "old.html",
        "1": site.url("/guardian/airline"),
        "2": site.url("/reuters/storm"),
    }
    searched = replay.hits("/search")
    again = json.loads(_verify(tmp_path, site, "--offline").stdout)
    claims = {c["cites"][0]: c["verdict"] for c in again["files"][0]["claims"]}
    assert claims["1"] == "supported" and claims["2"] == "supported"
    assert replay.hits("/search") == searched


def test_a_busy_backend_is_asked_again_after_retry_after(tmp_path, site):
    replay = Replay(site)
    _serve(site, replay)
    replay.routes["/search"].insert(
        0,
        type(replay.routes["/search"][0])(
            {"q": GUARDIAN_Q}, [searxng("too-many-requests.txt", Retry_After="1")], repeat=False
        ),
    )
    data = json.loads(_verify(tmp_path, site, "--lookup").stdout)
    works = {w["key"]: w for w in data["files"][0]["works"]}
    assert works["1"]["found"] == site.url("/guardian/airline")
    assert replay.hits("/search") >= 4  # the 429, then the three answers


def test_a_backend_that_stays_busy_or_answers_garbage_says_nothing(tmp_path, site):
    replay = Replay(site)
    replay.add("/search", searxng("too-many-requests.txt", Retry_After="0"), q=GUARDIAN_Q)
    replay.add("/search", searxng("no-query.json", status=200), q=REUTERS_Q)
    replay.add("/search", searxng(ZERO), q=BBC_Q)
    data = json.loads(_verify(tmp_path, site, "--lookup").stdout)
    (file,) = data["files"]
    works = {w["key"]: w for w in file["works"]}
    assert works["1"]["verdict"] == "unknown" and "429" in works["1"]["problem"]
    assert works["2"]["verdict"] == "unknown" and "no results list" in works["2"]["problem"]
    assert works["3"]["verdict"] == "not_found"  # answered, and nothing on the site
    assert [f["line"] for f in file["findings"] if f["code"] == "CC207"] == [8]


def test_a_bad_search_url_is_one_error_line(tmp_path, site):
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    config = tmp_path / "citecheck.toml"
    config.write_text('search-url = "ftp://searx.example/search"\n', encoding="utf-8")
    result_ = RUNNER.invoke(app, ["verify", str(article), "--config", str(config), "--lookup"])
    assert result_.exit_code == 2
    assert "search-url must be an http(s) URL" in result_.stderr


SEED = Path(__file__).parents[1] / ".." / "shared" / "seed" / "000_75297bddb94e8c7d.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is absent")
def test_the_mission_article_is_verified_end_to_end(tmp_path, site):
    """The six title-only sources of the mission's article, each searched on its outlet's
    site. The shared corpus holds none of the six pages, so the answers are built from the
    recorded answer's structure with loopback addresses (outlet-domains maps the outlets
    there) and pages that carry each listed title; an aggregator's copy on another host
    comes first in each answer and must be passed over."""
    from recordings import Answer

    from citecheck.api import analyse

    text = SEED.read_text(encoding="utf-8")
    doc, _ = analyse(text, path=str(SEED))
    listed = [r for r in doc.references if r.outlet and r.title]
    assert len(listed) == 6
    replay = Replay(site)
    for ref in listed:
        q = f"{ref.title} site:{outlet_domains(ref.outlet)[0]}"  # type: ignore[arg-type]
        path = f"/story/{ref.key}"
        body = answer(
            q,
            result(site.url(path, host="127.0.0.2"), ref.title),  # type: ignore[arg-type]
            result(site.url(path), f"{ref.title} - {ref.outlet}"),
        )
        replay.add("/search", Answer(q, 200, {"Content-Type": "application/json"}, body), q=q)
        site.page(path, page(ref.title, f"{ref.outlet} reported: {ref.title}."))  # type: ignore[arg-type]
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    config = tmp_path / "citecheck.toml"
    outlets = dict.fromkeys(r.outlet for r in listed)
    domains = "".join(f'"{o}" = ["127.0.0.1"]\n' for o in outlets)
    config.write_text(f'search-url = "{site.url("/search")}"\n[outlet-domains]\n{domains}')
    result_ = RUNNER.invoke(
        app,
        ["verify", str(article), "--config", str(config), "--allow-private", "--lookup",
         "--cache-dir", str(tmp_path / "cache"), "--format", "json"],
    )  # fmt: skip
    assert result_.stdout.startswith("{"), result_.stderr + result_.stdout
    (file,) = json.loads(result_.stdout)["files"]
    works = {w["key"]: w for w in file["works"]}
    assert {k: w["found"] for k, w in works.items()} == {
        r.key: site.url(f"/story/{r.key}") for r in listed
    }
    assert all(site.hits(f"/story/{r.key}") >= 1 for r in listed)
    assert not [f for f in file["findings"] if f["code"] in ("CC207", "CC208", "CC201")]
    assert not [c for c in file["claims"] if c["verdict"] == "unverifiable"]
