"""Index lookups against recorded answers of Crossref, doi.org and arXiv, replayed on
127.0.0.1 (tests/recordings.py): what is asked, what is read, what is judged."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pageserver import serving
from recordings import Answer, Replay, arxiv, cassette, openalex, searxng

from citecheck.sources.indexes import Query, arxiv_id, look_up, look_up_all
from citecheck.sources.indexes.client import Client
from citecheck.sources.indexes.model import IndexOptions
from citecheck.sources.indexes.wire import Malformed, crossref_items, openalex_results
from citecheck.sources.model import SourceOptions
from citecheck.verifier.records import SAME_TITLE, judge, title_score

PONE = "10.1371/journal.pone.0033693"
SCIENCE = "10.1126/science.169.3946.635"


@pytest.fixture
def replay():
    with serving(("127.0.0.1",)) as site:
        yield Replay(site)


def options(tmp_path: Path, **kw) -> SourceOptions:
    base = SourceOptions(
        cache_dir=tmp_path / "cache", allow_private=True, backoff=0.01, deadline=120.0
    )
    return replace(base, **kw)


def indexes(replay: Replay, **kw) -> IndexOptions:
    return IndexOptions(mailto="editor@example.org", **replay.urls(), **kw)


def ask(replay: Replay, tmp_path: Path, query: Query, **kw):
    with Client(options(tmp_path, **kw)) as client:
        return look_up(query, client, indexes(replay))


def test_a_doi_crossref_knows_is_read_from_its_recorded_answer(replay, tmp_path):
    replay.add(f"/crossref/works/{PONE}", cassette("test_works_with_one_id")[0])
    got = ask(replay, tmp_path, Query(doi=PONE))
    assert got.problem is None and not got.unknown
    (record,) = got.records
    assert record.index == "crossref" and record.identifier == PONE
    assert record.title.startswith("Methylphenidate")
    assert record.authors and record.years and 2012 in record.years
    # the polite pool: the address goes with every Crossref request
    assert any("mailto=editor%40example.org" in p for _, p, _ in replay.site.log)


def test_a_doi_no_index_knows_is_unknown(replay, tmp_path):
    replay.add("/doi/10.1126/foo", cassette(
        "test_content_negotiation_raises_an_http_error_with_bad_requests")[0])  # fmt: skip
    got = ask(replay, tmp_path, Query(title="Anything at all", doi="10.1126/foo"))
    assert got.unknown and not got.records and got.asked == ("crossref", "doi.org")
    assert judge(got).verdict == "not_found"


def test_doi_org_answers_by_content_negotiation_when_crossref_does_not_know(replay, tmp_path):
    csl = next(a for a in cassette("test_content_negotiation_citeproc_json") if a.status == 200)
    replay.add(f"/doi/{SCIENCE}", csl)
    got = ask(replay, tmp_path, Query(doi=SCIENCE))
    (record,) = got.records
    assert record.index == "doi.org" and record.identifier == SCIENCE
    assert record.title.startswith("The Structure of Ordinary Water: New data and")
    accepts = [h.get("Accept") for _, p, h in replay.site.log if p.startswith("/doi/")]
    assert accepts == ["application/vnd.citationstyles.csl+json"]


def test_a_429_with_retry_after_is_waited_for_and_asked_again(replay, tmp_path):
    busy = searxng("too-many-requests.txt", Retry_After="1")  # a limiter's recorded 429
    replay.add(f"/crossref/works/{PONE}", busy, cassette("test_works_with_one_id")[0])
    got = ask(replay, tmp_path, Query(doi=PONE))
    assert got.records and replay.hits(f"/crossref/works/{PONE}") == 2


def test_a_429_past_the_retries_is_no_answer_and_no_finding(replay, tmp_path):
    busy = searxng("too-many-requests.txt", Retry_After="1")  # a limiter's recorded 429
    replay.add(f"/crossref/works/{PONE}", busy)
    replay.add(f"/doi/{PONE}", busy)
    got = ask(replay, tmp_path, Query(doi=PONE), retries=0)
    assert got.problem and "429" in got.problem and not got.unknown
    assert judge(got).verdict == "unknown"


def test_a_malformed_body_is_a_problem_not_a_verdict(replay, tmp_path):
    whole = cassette("test_works_with_one_id")[0]
    cut = gzip.decompress(whole.body)[:500]  # the recorded answer, cut short
    broken = Answer(whole.uri, 200, {"Content-Type": "application/json"}, cut)
    replay.add(f"/crossref/works/{PONE}", broken)
    replay.add(f"/doi/{PONE}", broken)
    got = ask(replay, tmp_path, Query(doi=PONE))
    assert got.problem and "not JSON" in got.problem
    assert judge(got).verdict == "unknown"


def test_arxiv_ids_known_empty_and_malformed(replay, tmp_path):
    replay.add(
        "/arxiv/api/query", arxiv("id_1605.08386_s0_m100_199195aa31ad"), id_list="1605.08386"
    )
    replay.add("/arxiv/api/query", arxiv("id_0000.0000_s0_m100_8b51d9633a68"), id_list="0000.0000")
    replay.add("/arxiv/api/query", arxiv("id_abc_s0_m100_b79c8dcf6bc3"), id_list="abc")
    known = ask(replay, tmp_path, Query(arxiv="1605.08386"))
    (record,) = known.records
    assert record.title == "Heat-bath random walks with Markov bases"
    assert record.identifier == "1605.08386" and record.years == (2016,)
    assert ask(replay, tmp_path, Query(arxiv="0000.0000")).unknown
    assert ask(replay, tmp_path, Query(arxiv="abc")).unknown


def test_a_title_search_finds_the_work_among_recorded_candidates(replay, tmp_path):
    listing = cassette("test_works_field_queries")[0]
    items = json.loads(gzip.decompress(listing.body))["message"]["items"]
    real = next(i for i in items if i.get("title") and i.get("author"))
    replay.add("/crossref/works", listing)
    replay.add("/openalex/works", openalex("pro_snowball")[4])  # OpenAlex's empty page
    replay.add("/arxiv/api/query", arxiv("id_0000.0000_s0_m100_8b51d9633a68"))  # an empty feed
    year = real["issued"]["date-parts"][0][0]
    author = real["author"][0]["family"]
    found = judge(ask(replay, tmp_path, Query(real["title"][0], author, year)))
    assert (
        found.verdict == "found" and found.record and found.record.identifier == real["DOI"].lower()
    )
    made_up = judge(
        ask(replay, tmp_path, Query("Quantum turbulence in sourdough starters", author, year))
    )
    assert made_up.verdict == "not_found" and made_up.score < SAME_TITLE
    wrong_year = judge(ask(replay, tmp_path, Query(real["title"][0], author, year + 5)))
    assert wrong_year.verdict == "mismatch" and f"not {year + 5}" in wrong_year.differences[-1]


def test_offline_reads_only_what_the_cache_holds(replay, tmp_path):
    replay.add(f"/crossref/works/{PONE}", cassette("test_works_with_one_id")[0])
    online = ask(replay, tmp_path, Query(doi=PONE))
    before = len(replay.site.log)
    offline = ask(replay, tmp_path, Query(doi=PONE), offline=True)
    assert offline.records == online.records and len(replay.site.log) == before
    nothing = ask(replay, tmp_path, Query(doi="10.1371/notcached"), offline=True)
    assert nothing.problem and "offline" in nothing.problem and len(replay.site.log) == before


def test_a_404_is_cached_like_an_answer(replay, tmp_path):
    ask(replay, tmp_path, Query(doi="10.1371/notarealdoi"))
    asked = len(replay.site.log)
    again = ask(replay, tmp_path, Query(doi="10.1371/notarealdoi"))
    assert again.unknown and len(replay.site.log) == asked


def test_look_up_all_keeps_the_order_and_skips_what_gives_no_handle(replay, tmp_path):
    replay.add(f"/crossref/works/{PONE}", cassette("test_works_with_one_id")[0])
    got = look_up_all([Query(), Query(doi=PONE)], options(tmp_path), indexes(replay))
    assert got[0] is None and got[1] is not None and got[1].records


def test_wire_readers_refuse_what_is_not_the_format():
    with pytest.raises(Malformed):
        crossref_items(b"<html>busy</html>")
    with pytest.raises(Malformed):
        openalex_results(b'{"message": {"items": []}}')
    listing = cassette("test_works_query")[0]
    assert len(crossref_items(gzip.decompress(listing.body))) == 2


def test_arxiv_ids_are_read_from_entries_and_urls():
    assert arxiv_id("Windisch, T. (2016). Heat-bath. arXiv:1605.08386v2.") == "1605.08386"
    assert arxiv_id("https://arxiv.org/abs/hep-th/9901001") == "hep-th/9901001"
    assert arxiv_id("Page 1605.08386 of nothing") is None


def test_title_score_reads_past_the_venue_and_a_dropped_subtitle():
    record = "rfishbase: exploring, manipulating and visualizing FishBase data from R"
    listed = record + ". Journal of Fish Biology, 81(6), 2030-2039"
    assert title_score(listed, record) == 100
    assert title_score("Heat-bath random walks", "Heat-bath random walks: with Markov bases") == 100
    assert (
        title_score(
            "Cold-bath random runs with Markov bases", "Heat-bath random walks with Markov bases"
        )
        < SAME_TITLE
    )


def test_a_misread_title_or_author_is_no_difference_when_the_entry_holds_the_records(
    replay, tmp_path
):
    replay.add(f"/crossref/works/{PONE}", cassette("test_works_with_one_id")[0])
    got = ask(replay, tmp_path, Query(title="PLoS ONE", author="Garcia", year=2012, doi=PONE))
    record = got.records[0]
    entry = f"{record.authors[0]}, A., Garcia, B. (2012). PLoS ONE. {record.title}. doi:{PONE}"
    assert judge(got).verdict == "mismatch"
    assert judge(got, entry).verdict == "found"
    elsewhere = f"Garcia, B. (2012). PLoS ONE. A study of something else. doi:{PONE}"
    assert judge(got, elsewhere).differences[:1] == (judge(got).differences[0],)
