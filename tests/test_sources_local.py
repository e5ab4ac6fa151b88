"""Snapshots beside the article, sources.toml, the cache, and the order they are asked in."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from pathlib import Path

import pytest
from pageserver import minimal_pdf, serving

from citecheck.model import BlockKind, Reference
from citecheck.model.errors import ConfigError
from citecheck.parser import parse
from citecheck.sources import SourceOptions, load_sources
from citecheck.sources.cache import Cache, url_hash
from citecheck.sources.model import Source

NEWS = (Path(__file__).parent / "data" / "sources" / "news.html").read_text("utf-8")
ARTICLE = """# Border row

Mexico's president said her government would not accept foreign troops.[1] A working
group on fentanyl has met 14 times.[2] A survey found 38 per cent cut spending.[3]

## References

1. The Harbour Times. "Mexico rejects U.S. military action". https://news.example/mexico
2. Ministry of Foreign Affairs. "Joint statement". https://gov.example/statement
3. Household survey 2024. doi:10.1234/survey.2024
"""


def ref(key: str, url: str | None = None, doi: str | None = None) -> Reference:
    return Reference(key, 0, 0, "", BlockKind.ITEM, url=url, doi=doi)


def snapshot(key: str, text: str) -> Source:
    url = "https://a.example/x"
    spans = ((0, len(text)),)
    return Source(
        key,
        url,
        url,
        200,
        "ok",
        None,
        "T",
        None,
        None,
        text,
        spans,
        "network",
        "text/plain",
        time.time(),
    )


def test_article_sources_folder_is_read_by_default(tmp_path: Path) -> None:
    article = tmp_path / "border.md"
    article.write_text(ARTICLE)
    folder = tmp_path / "border.sources"
    (folder / "border").mkdir(parents=True)
    (folder / "border" / "1.html").write_text(NEWS)
    (folder / "2.txt").write_text("The working group has met 14 times since October.\n")
    (folder / "survey.pdf").write_bytes(minimal_pdf(["38 per cent of households cut spending."]))
    (folder / "sources.toml").write_text(
        '"https://doi.org/10.1234/survey.2024" = "unused.md"\n3 = "survey.pdf"\n'
    )
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    doc = parse(article.read_text(), "markdown", str(article))
    got = load_sources(
        str(article), doc.references, SourceOptions(offline=True, cache_dir=tmp_path / "cache")
    )
    assert list(got) == ["1", "2", "3"]
    assert all(
        s.state == "ok" and s.origin == "snapshot" and s.status is None for s in got.values()
    )
    assert got["1"].title == "Mexico rejects U.S. military action against cartels"
    assert got["1"].location == str(folder / "border" / "1.html")
    assert got["2"].text == "The working group has met 14 times since October."
    assert got["3"].media_type == "application/pdf"
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_sources_toml_maps_keys_and_urls(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Page A\n\nText of page A.\n")
    (tmp_path / "b.txt").write_text("Text of page B.\n")
    (tmp_path / "sources.toml").write_text(
        'K1 = "a.md"\n"https://www.b.example/page/?utm_source=x" = "b.txt"\nK3 = "gone.html"\n'
    )
    refs = [ref("K1", "https://a.example/"), ref("K2", "http://b.example/page"), ref("K3")]
    got = load_sources(
        None, refs, SourceOptions(sources_dir=tmp_path, offline=True, cache_dir=tmp_path / "c")
    )
    assert (got["K1"].title, got["K1"].text) == ("Page A", "# Page A\n\nText of page A.")
    assert got["K2"].text == "Text of page B."
    assert (got["K3"].state, got["K3"].origin) == ("error", "snapshot")
    assert "gone.html does not exist" in (got["K3"].problem or "")


def test_bad_sources_toml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("1 = [unclosed\n")
    with pytest.raises(ConfigError, match=r"sources\.toml"):
        load_sources(None, [ref("1")], SourceOptions(sources_dir=tmp_path, offline=True))


def test_keys_that_are_not_file_names_are_not_looked_up(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("outside")
    folder = tmp_path / "src"
    folder.mkdir()
    got = load_sources(
        None,
        [ref("../secret")],
        SourceOptions(sources_dir=folder, offline=True, cache_dir=tmp_path / "c"),
    )
    assert got["../secret"].state == "error" and got["../secret"].origin == "network"


def test_cache_round_trip_and_age(tmp_path: Path) -> None:
    cache = Cache(tmp_path, max_age_days=7)
    assert cache.put(snapshot("x", "Some text."), "abc")
    entry = json.loads(next(tmp_path.rglob("*.json")).read_text())
    assert {"url", "final_url", "status", "fetched_at", "content_hash", "text"} <= set(entry)
    back = cache.get("https://a.example/x#section", "1")
    assert back is not None and (back.key, back.origin, back.text) == ("1", "cache", "Some text.")
    assert (tmp_path / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")
    old = snapshot("x", "Old.")
    Cache(tmp_path, 7).put(Source(**{**_fields(old), "fetched_at": time.time() - 8 * 86400}), None)
    assert cache.get("https://a.example/x", "1") is None
    assert cache.get("https://a.example/x", "1", stale_ok=True) is not None


def _fields(s: Source) -> dict[str, object]:
    return {name: getattr(s, name) for name in Source.__slots__}  # type: ignore[attr-defined]


def test_unreadable_entries_are_misses_and_errors_are_not_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path, 7)
    path = tmp_path / "v1" / url_hash("https://a.example/x")[:2]
    path.mkdir(parents=True)
    (path / f"{url_hash('https://a.example/x')}.json").write_text('{"version": 1, "url": ')
    assert cache.get("https://a.example/x", "1") is None
    failed = Source(**{**_fields(snapshot("x", "")), "state": "error", "text": "", "sentences": ()})
    assert not cache.put(failed, None)


def _writer(folder: Path, text: str, count: int) -> None:
    cache = Cache(folder, 7)
    for _ in range(count):
        cache.put(snapshot("x", text), hashlib.sha256(text.encode()).hexdigest())


def test_two_runs_sharing_the_cache_never_see_a_torn_entry(tmp_path: Path) -> None:
    texts = [f"Version {n} " + "word " * 20_000 for n in range(2)]
    reader = Cache(tmp_path, 7)
    reader.put(snapshot("x", texts[0]), None)
    spawn = multiprocessing.get_context("spawn")  # fresh interpreters, as two runs are
    runs = [spawn.Process(target=_writer, args=(tmp_path, t, 40)) for t in texts]
    for run in runs:
        run.start()
    seen: list[str] = []
    while any(run.is_alive() for run in runs) or len(seen) < 50:
        got = reader.get("https://a.example/x", "1")
        seen.append(got.text if got is not None else "(missing)")
    for run in runs:
        run.join()
    assert all(run.exitcode == 0 for run in runs)
    assert all(t in texts for t in seen)  # the old entry or the new one, never none or half
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_snapshot_then_cache_then_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the default cache is in the working directory
    with serving(("127.0.0.1",)) as site:
        site.page("/one", NEWS)
        site.page("/two", NEWS)
        (tmp_path / "snaps").mkdir()
        (tmp_path / "snaps" / "A.txt").write_text("Local copy.")
        refs = [ref("A", site.url("/one")), ref("B", site.url("/two"))]
        options = SourceOptions(sources_dir=tmp_path / "snaps", allow_private=True)
        first = load_sources(None, refs, options)
        assert (first["A"].origin, first["B"].origin) == ("snapshot", "network")
        assert (tmp_path / ".citecheck-cache" / "CACHEDIR.TAG").is_file()
        second = load_sources(None, refs, options)
        assert second["B"].origin == "cache" and second["B"].text == first["B"].text
        assert (site.hits("/one"), site.hits("/two")) == (0, 1)
        third = load_sources(
            None,
            refs,
            SourceOptions(sources_dir=tmp_path / "snaps", allow_private=True, max_age_days=0),
        )
        assert third["B"].origin == "network" and site.hits("/two") == 2


def test_a_sources_folder_that_does_not_exist_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_sources(None, [ref("1")], SourceOptions(sources_dir=tmp_path / "nope", offline=True))
