"""Title lookups in OpenAlex against its recorded answers (openalexPro's cassettes,
tests/data/recordings/openalexPro), replayed on 127.0.0.1 by tests/recordings.py: the
work lists read, a work found among the recorded candidates, a made-up title not found,
an empty page, OpenAlex's 400 and a body of the wrong shape."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from pageserver import serving
from recordings import Replay, arxiv, cassette, openalex

from citecheck.sources.indexes import Query, look_up
from citecheck.sources.indexes.client import Client
from citecheck.sources.indexes.model import IndexOptions
from citecheck.sources.indexes.wire import Malformed, openalex_results
from citecheck.sources.model import SourceOptions
from citecheck.verifier.records import judge

SNOWBALL = openalex("oa_snowball")
CITED = SNOWBALL[5]  # filter=cited_by:…: the 38 works the two seed papers cite
EMPTY_FEED = "id_0000.0000_s0_m100_8b51d9633a68"


@pytest.fixture
def replay():
    with serving(("127.0.0.1",)) as site:
        yield Replay(site)


def ask(replay: Replay, tmp_path: Path, query: Query):
    options = SourceOptions(
        cache_dir=tmp_path / "cache", allow_private=True, backoff=0.01, deadline=120.0
    )
    indexes = IndexOptions(mailto="editor@example.org", **replay.urls())
    with Client(replace(options)) as client:
        return look_up(query, client, indexes)


def serve(replay: Replay, openalex_answer) -> None:
    """OpenAlex answers ``openalex_answer``; Crossref a recorded list of other works, arXiv
    its recorded empty feed: only OpenAlex can know the work."""
    replay.add("/openalex/works", openalex_answer)
    replay.add("/crossref/works", cassette("test_works_query")[0])
    replay.add("/arxiv/api/query", arxiv(EMPTY_FEED))


def test_recorded_work_lists_are_read():
    counts = [len(openalex_results(answer.body)) for answer in SNOWBALL]
    assert counts == [1, 2, 1, 5, 1, 38]
    by_id = {r.identifier: r for r in openalex_results(CITED.body)}
    glove = by_id["W2250539671"]
    assert glove.index == "openalex"
    assert glove.title == "Glove: Global Vectors for Word Representation"
    assert glove.authors == ("Pennington", "Socher", "Manning") and glove.years == (2014,)
    assert glove.url == "https://doi.org/10.3115/v1/d14-1162"
    # a work OpenAlex records without a title or a DOI: read, with what it has
    assert by_id["W2963341956"].title == "" and by_id["W2963341956"].authors[0] == "Devlin"
    assert by_id["W1854214752"].url == "https://openalex.org/W1854214752"
    search = openalex("pro_fetch_search_biodiversity_AND_finance")[0]
    assert json.loads(search.body)["meta"]["count"] == 429
    assert len(openalex_results(search.body)) == 200


@pytest.mark.parametrize(
    ("title", "author", "year", "work"),
    [
        ("GloVe: Global vectors for word representation", "Pennington", 2014, "W2250539671"),
        ("The PageRank citation ranking: bringing order to the web", "Page", 1999, "W1854214752"),
        ("TextRank: Bringing Order into Texts", "Mihalcea", 2004, "W1525595230"),
    ],
)
def test_a_title_search_finds_the_work_among_recorded_candidates(
    replay, tmp_path, title, author, year, work
):
    serve(replay, CITED)
    got = ask(replay, tmp_path, Query(title, author, year))
    assert got.asked == ("crossref", "openalex", "arxiv") and got.problem is None
    found = judge(got)
    assert found.verdict == "found", found
    assert found.record and found.record.index == "openalex" and found.record.identifier == work
    (asked,) = [p for _, p, _ in replay.site.log if p.startswith("/openalex/works")]
    params = {k: v[0] for k, v in parse_qs(urlsplit(asked).query).items()}
    assert params == {"search": title, "per-page": "5", "mailto": "editor@example.org"}


def test_a_wrong_year_or_first_author_is_a_mismatch(replay, tmp_path):
    serve(replay, CITED)
    title = "Glove: Global Vectors for Word Representation"
    late = judge(ask(replay, tmp_path, Query(title, "Pennington", 2017)))
    assert late.verdict == "mismatch" and "not 2017" in late.differences[-1]
    other = judge(ask(replay, tmp_path, Query(title, "Mikolov", 2014)))
    assert other.verdict == "mismatch" and other.record.identifier == "W2250539671"


def test_a_made_up_title_is_not_found(replay, tmp_path):
    serve(replay, CITED)
    got = ask(replay, tmp_path, Query("Global vectors for citation sentiment", "Pennington", 2014))
    judged = judge(got)
    assert judged.verdict == "not_found" and got.problem is None
    assert any(r.index == "openalex" for r in got.records)  # candidates came, none close


def test_an_empty_page_is_an_answer_with_no_candidates(replay, tmp_path):
    empty = openalex("pro_snowball")[4]
    assert json.loads(empty.body)["results"] == []
    serve(replay, empty)
    got = ask(
        replay, tmp_path, Query("Glove: Global Vectors for Word Representation", "Pennington", 2014)
    )
    assert got.problem is None and not [r for r in got.records if r.index == "openalex"]
    assert judge(got).verdict == "not_found"


def test_openalex_refusing_the_query_is_a_problem_not_a_verdict(replay, tmp_path):
    refused = openalex("pro_snowball")[0]
    assert refused.status == 400 and b"Invalid query parameters" in refused.body
    serve(replay, refused)
    query = Query("Glove: Global Vectors for Word Representation", "Pennington", 2014)
    got = ask(replay, tmp_path, query)
    assert got.problem == "OpenAlex: answered HTTP 400"
    assert judge(got).verdict == "unknown"  # OpenAlex did not search; Crossref knew nothing


def test_a_single_work_where_a_list_is_expected_is_malformed(replay, tmp_path):
    (work,) = openalex("api_call_200")
    with pytest.raises(Malformed):
        openalex_results(work.body)
    serve(replay, work)
    got = ask(
        replay, tmp_path, Query("Glove: Global Vectors for Word Representation", "Pennington", 2014)
    )
    assert got.problem and "OpenAlex" in got.problem and "no list of works" in got.problem
    assert judge(got).verdict == "unknown"
