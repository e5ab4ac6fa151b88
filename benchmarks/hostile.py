"""Hostile-server benchmark: how long a trickling server holds a fetch, and what a page over
the size cap costs in memory.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/hostile.py [--deadline 5] [--every 0.1] [--bytes 400]

A raw socket server on 127.0.0.1 sends its headers, then (a second case) its body, one
byte every ``--every`` seconds for ``--bytes`` bytes. The figure to watch is the time the
fetch took against ``--deadline`` (target: the deadline plus a little, never the trickle's
length, printed beside it as the baseline). The memory case serves a 14 MB text page and
prints the peak of Python allocations (tracemalloc) while it is fetched and cut at the
10 MB cap, against the cap.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's local page server

from pageserver import serving  # noqa: E402

from citecheck.model import BlockKind, Reference  # noqa: E402
from citecheck.sources import SourceOptions, load_sources  # noqa: E402
from citecheck.sources.http import Fetcher  # noqa: E402


def trickle(where: str, deadline: float, every: float, size: int) -> tuple[float, str]:
    """Fetch from a server that trickles its ``where`` ("headers" or "body") a byte every
    ``every`` seconds for ``size`` bytes: (seconds the fetch took, its problem)."""
    stop = threading.Event()
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def send(conn: socket.socket, data: bytes) -> None:
        for byte in data:
            if stop.wait(every):
                return
            conn.sendall(bytes([byte]))

    def one(conn: socket.socket) -> None:
        with conn:
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += conn.recv(4096) or b"\r\n\r\n"
                if b"/robots.txt" in head.split(b"\r\n", 1)[0]:
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    return
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
                if where == "headers":
                    send(conn, b"X-Pad: " + b"a" * size + b"\r\n\r\n")
                else:
                    conn.sendall(b"Content-Length: %d\r\n\r\n" % size)
                    send(conn, b"w" * size)
            except OSError:
                pass

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=one, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    ref = Reference("1", 0, 0, "", BlockKind.ITEM, url=f"http://127.0.0.1:{port}/page")
    options = SourceOptions(allow_private=True, use_cache=False, deadline=deadline)
    start = time.monotonic()
    (got,) = load_sources(None, [ref], options).values()
    took = time.monotonic() - start
    stop.set()
    server.close()
    return took, got.problem or got.state


def big_page_peak(megabytes: float = 14.0) -> tuple[int, int, int]:
    """(page bytes, body bytes kept, peak bytes allocated) fetching a text page of
    ``megabytes`` under the default 10 MB cap."""
    line = "Line {}: the harbour authority counted {} ships.\n"
    body = "".join(line.format(i, i * 7) for i in range(int(megabytes * 18_500))).encode()
    with serving(("127.0.0.1",)) as site:
        site.page("/big", body, headers={"Content-Type": "text/plain; charset=utf-8"})
        site.page("/robots.txt", "", status=404)
        with Fetcher(SourceOptions(allow_private=True, use_cache=False)) as fetcher:
            fetcher.robots.verdict(site.url("/"))
            tracemalloc.start()
            got = fetcher.fetch(site.url("/big"))
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    return len(body), len(got.body), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deadline", type=float, default=5.0)
    parser.add_argument("--every", type=float, default=0.1)
    parser.add_argument("--bytes", type=int, default=400)
    args = parser.parse_args()
    length = args.every * args.bytes
    for where in ("headers", "body"):
        took, problem = trickle(where, args.deadline, args.every, args.bytes)
        print(
            f"trickled {where}: {took:.1f} s (deadline {args.deadline:g} s, trickle "
            f"{length:g} s, ratio to deadline {took / args.deadline:.2f}): {problem}"
        )
    size, kept, peak = big_page_peak()
    mb = 1_048_576
    print(
        f"page of {size / mb:.1f} MB: {kept / mb:.2f} MB kept, fetch peak {peak / mb:.1f} MB"
        f" ({peak / kept:.2f} x the part kept)"
    )


if __name__ == "__main__":
    main()
