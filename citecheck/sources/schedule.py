"""Running fetches in threads so that no host has more than ``per_host`` at once.

Threads rather than asyncio: the stage's API is synchronous, the extractors (trafilatura's
lxml, pypdf) are blocking calls that would stall an event loop, and a few dozen threads
sharing one connection pool cost little. A shared board hands each free worker the first
waiting job whose host is below ``per_host`` while fewer than ``total`` jobs are fetching,
so no worker sits blocked on a busy host while another host's jobs wait. A job's slot is
given back as soon as its body is in, before its text is extracted, so the next request
to that host starts while the page is read; a few workers beyond ``total`` do that reading.
(The fetcher's own semaphores still bound redirect targets and robots.txt.)

A Ctrl-C (``KeyboardInterrupt`` in the waiting thread) stops the board: no job starts
after it, the caller's ``stop`` cuts what is under way, and the jobs not done are left
out of the result, so the caller can report what was read.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")
R = TypeVar("R")
_READERS = 4  # workers beyond ``total``, extracting while the others fetch
_GRACE = 2.0  # seconds given to the jobs under way after a Ctrl-C


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _Board:
    def __init__(self, urls: Sequence[str], per_host: int, total: int) -> None:
        self.waiting = [(i, _host(u)) for i, u in enumerate(urls)]
        self.active: Counter[str] = Counter()
        self.busy = 0
        self.per_host, self.total = per_host, total
        self.cond = threading.Condition()

    def take(self) -> tuple[int, str] | None:
        with self.cond:
            while self.waiting:
                if self.busy < self.total:
                    for n, (i, host) in enumerate(self.waiting):
                        if self.active[host] < self.per_host:
                            del self.waiting[n]
                            self.active[host] += 1
                            self.busy += 1
                            return i, host
                self.cond.wait()
            return None

    def stop(self) -> None:
        with self.cond:
            self.waiting.clear()
            self.cond.notify_all()

    def done(self, host: str) -> None:
        with self.cond:
            self.active[host] -= 1
            self.busy -= 1
            self.cond.notify_all()


def run(
    urls: Sequence[str],
    fetch: Callable[[str], T],
    finish: Callable[[str, T], R],
    per_host: int,
    total: int,
    stop: Callable[[], None] | None = None,
) -> dict[int, R]:
    """``finish(url, fetch(url))`` for every URL, ``fetch`` running at most ``per_host``
    per host name and ``total`` at once, ``finish`` outside those limits: index in
    ``urls`` → result. Neither callable may raise. On ``KeyboardInterrupt`` no job starts,
    ``stop()`` is called to cut those under way, and the results so far are returned
    (indexes missing for the jobs not done) once the workers have left, or after
    ``_GRACE`` seconds."""
    results: dict[int, R] = {}
    board = _Board(urls, max(1, per_host), max(1, total))

    def worker() -> None:
        while (job := board.take()) is not None:
            i, host = job
            try:
                got = fetch(urls[i])
            finally:
                board.done(host)
            results[i] = finish(urls[i], got)

    count = max(1, min(total + _READERS, len(urls)))
    threads = [
        threading.Thread(target=worker, name=f"citecheck-fetch-{n}", daemon=True)
        for n in range(count)
    ]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    except KeyboardInterrupt:
        board.stop()
        if stop is not None:
            stop()
        # A read cut by ``stop`` may end only at its timeout; the report need not wait for
        # it, and daemon threads do not hold the process at exit.
        until = time.monotonic() + _GRACE
        for thread in threads:
            thread.join(max(0.0, until - time.monotonic()))
    return dict(results)
