"""A 429 with ``Retry-After`` is waited for, as long as it asks, then asked again: the
fetcher's clock is replaced by one that moves only when it sleeps, so the waits are read,
not timed, and no test waits.

The 429 is SearXNG's limiter's, as recorded (``searxng/too-many-requests.txt``: its
plain-text body; the limiter sends no ``Retry-After``, so the test adds one, as a reverse
proxy in front of an instance or OpenAlex's own limiter does: OpenAlex lists
``Retry-After`` among the headers it exposes, in every answer of openalexPro's
cassettes). No public recording of a 429 that carries ``Retry-After``, from these
services or another API's cassettes, was found (tests/data/recordings/README.md)."""

from __future__ import annotations

import time
from email.utils import formatdate
from pathlib import Path

import pytest
from pageserver import serving
from recordings import Replay, cassette, searxng

from citecheck.sources import http
from citecheck.sources.indexes import Query, look_up
from citecheck.sources.indexes.client import Client
from citecheck.sources.indexes.model import IndexOptions
from citecheck.sources.model import SourceOptions
from citecheck.verifier.records import judge

PONE = "10.1371/journal.pone.0033693"


class Clock:
    """``time`` as the fetcher sees it: ``sleep`` returns at once and moves the clock on
    by what was asked, so an HTTP date in ``Retry-After`` is read against it."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def time(self) -> float:
        return time.time() + sum(self.slept)

    def monotonic(self) -> float:
        return time.monotonic()


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(http, "time", fake)
    return fake


@pytest.fixture
def replay():
    with serving(("127.0.0.1",)) as site:
        yield Replay(site)


def ask(replay: Replay, tmp_path: Path, **kw):
    options = SourceOptions(
        cache_dir=tmp_path / "cache", allow_private=True, backoff=0.01, deadline=120.0, **kw
    )
    with Client(options) as client:
        return look_up(Query(doi=PONE), client, IndexOptions(**replay.urls()))


def test_the_wait_is_what_retry_after_asks_in_seconds(replay, tmp_path, clock):
    busy = searxng("too-many-requests.txt", Retry_After="7")
    assert busy.status == 429 and busy.body == b"Too Many Requests"
    replay.add(f"/crossref/works/{PONE}", busy, cassette("test_works_with_one_id")[0])
    got = ask(replay, tmp_path)
    assert got.records and got.records[0].identifier == PONE
    assert clock.slept == [7.0]  # not the 0.01 s back-off: the server's word wins
    assert replay.hits(f"/crossref/works/{PONE}") == 2


def test_the_wait_is_read_from_an_http_date(replay, tmp_path, clock):
    when = formatdate(clock.time() + 20, usegmt=True)
    busy = searxng("too-many-requests.txt", Retry_After=when)
    replay.add(f"/crossref/works/{PONE}", busy, cassette("test_works_with_one_id")[0])
    assert ask(replay, tmp_path).records
    (slept,) = clock.slept
    assert 18.0 < slept <= 20.0  # the date has whole seconds


def test_each_429_is_waited_for_in_turn_up_to_the_retries(replay, tmp_path, clock):
    busy = [searxng("too-many-requests.txt", Retry_After=str(n)) for n in (3, 5)]
    replay.add(f"/crossref/works/{PONE}", *busy, cassette("test_works_with_one_id")[0])
    assert ask(replay, tmp_path, retries=2).records
    assert clock.slept == [3.0, 5.0]


def test_a_wait_past_the_cap_is_not_waited_and_says_why(replay, tmp_path, clock):
    busy = searxng("too-many-requests.txt", Retry_After="600")
    replay.add(f"/crossref/works/{PONE}", busy)
    replay.add(f"/doi/{PONE}", busy)
    got = ask(replay, tmp_path, max_retry_after=30.0)
    assert clock.slept == []
    assert got.problem and "429" in got.problem and "Retry-After: 600" in got.problem
    assert replay.hits(f"/crossref/works/{PONE}") == 1
    assert judge(got).verdict == "unknown"  # busy is not "no such work"
