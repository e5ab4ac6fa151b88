"""Running fetches in threads so that no host has more than ``per_host`` at once.

Threads rather than asyncio: the stage's API is synchronous, the extractors (trafilatura's
lxml, pypdf) are blocking calls that would stall an event loop, and ``total`` (16) threads
sharing one connection pool cost little. A shared board hands each free worker the first
waiting job whose host is below its limit, so workers never sit blocked on a busy host
while another host's jobs wait (the fetcher's own semaphores still bound redirect targets).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")


class _Board:
    def __init__(self, urls: Sequence[str], per_host: int) -> None:
        self.waiting = [(i, (urlsplit(u).hostname or "").lower()) for i, u in enumerate(urls)]
        self.active: Counter[str] = Counter()
        self.per_host = per_host
        self.cond = threading.Condition()

    def take(self) -> tuple[int, str] | None:
        with self.cond:
            while self.waiting:
                for n, (i, host) in enumerate(self.waiting):
                    if self.active[host] < self.per_host:
                        del self.waiting[n]
                        self.active[host] += 1
                        return i, host
                self.cond.wait()
            return None

    def done(self, host: str) -> None:
        with self.cond:
            self.active[host] -= 1
            self.cond.notify_all()


def run(urls: Sequence[str], work: Callable[[str], T], per_host: int, total: int) -> list[T]:
    """``work(url)`` for every URL, at most ``per_host`` per host name and ``total`` at
    once; results in the order of ``urls``. ``work`` must not raise."""
    results: dict[int, T] = {}
    board = _Board(urls, max(1, per_host))

    def worker() -> None:
        while (job := board.take()) is not None:
            i, host = job
            try:
                results[i] = work(urls[i])
            finally:
                board.done(host)

    workers = max(1, min(total, len(urls)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citecheck-fetch") as pool:
        for future in [pool.submit(worker) for _ in range(workers)]:
            future.result()
    return [results[i] for i in range(len(urls))]
