"""Fetch benchmark: 200 references served by a local server with 50 ms latency each.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/fetch.py [--refs 200] [--latency 0.05] [--hosts 1 10]

For each layout (all references on one host, or spread over N loopback hosts) it prints
the time ``load_sources`` took (median of ``--repeat`` runs) and the least time the
concurrency limits allow (2 requests at a time per host, 16 in all, robots.txt fetched once
per host before its pages): the ratio of the two is the figure to watch (target: within
1.5 ×). As a baseline measured in the same run, "floor" is the same fetch with no latency:
the fetcher's and extractor's own work. No cache is used, so every page is fetched;
extraction runs as it does for real (a 3 KB news page each). The server runs in a process of
its own.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import statistics
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's local page server

from pageserver import serving  # noqa: E402

from citecheck.model import BlockKind, Reference  # noqa: E402
from citecheck.sources import SourceOptions, load_sources  # noqa: E402

NEWS = (ROOT / "tests" / "data" / "sources" / "news.html").read_text("utf-8")


def least_time(refs: int, hosts: int, latency: float, per_host: int, total: int) -> float:
    """Lower bound of the wall time: robots.txt of every host, then its pages, each request
    taking ``latency``, at most ``per_host`` per host and ``total`` at once."""
    per = [refs // hosts + (1 if h < refs % hosts else 0) for h in range(hosts)]
    rounds_host = max(1 + math.ceil(n / per_host) for n in per)  # robots.txt, then pages
    rounds_all = math.ceil(hosts / total) + math.ceil(refs / total)
    return max(rounds_host, rounds_all) * latency


def serve(names: tuple[str, ...], refs: int, latency: float, pipe: Connection) -> None:
    """The page server, in a process of its own so that its work is not the fetcher's."""
    with serving(names) as site:
        site.latency = latency
        for n in range(refs):
            site.page(f"/story/{n}", NEWS.replace("Analysts in Mexico City", f"Analysts ({n})"))
        site.page(
            "/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
        )
        pipe.send(site.port)
        pipe.recv()
        pipe.send((max(site.peak.values()), site.peak_total, len(site.log)))


def run(refs: int, hosts: int, latency: float) -> tuple[float, float, int, tuple[int, int, int]]:
    """Fetch ``refs`` pages spread over ``hosts``: (seconds, least seconds, pages read,
    (peak per host, peak in all, requests))."""
    names = tuple(f"127.0.0.{n}" for n in range(1, hosts + 1))
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(names, refs, latency, theirs))
    server.start()
    port = ours.recv()
    items = [
        Reference(
            str(n), 0, 0, "", BlockKind.ITEM, url=f"http://{names[n % hosts]}:{port}/story/{n}"
        )
        for n in range(refs)
    ]
    options = SourceOptions(allow_private=True, use_cache=False)
    start = time.perf_counter()
    got = load_sources(None, items, options)
    took = time.perf_counter() - start
    ours.send("stop")
    peaks = ours.recv()
    server.join()
    ok = sum(s.state == "ok" for s in got.values())
    return took, least_time(refs, hosts, latency, options.per_host, options.total), ok, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refs", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    parser.add_argument("--hosts", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=3, help="runs per layout (median shown)")
    args = parser.parse_args()
    print(f"{args.refs} references, {args.latency * 1000:g} ms per request, limits 2/host 16 total")
    print(f"{'hosts':>5} {'time s':>7} {'least s':>7} {'ratio':>6} {'floor s':>7} {'ok':>4}"
          f" {'requests':>8} {'peak/host':>9} {'peak all':>8}")  # fmt: skip
    for hosts in args.hosts:
        runs = [run(args.refs, hosts, args.latency) for _ in range(args.repeat)]
        took, bound, ok, (host, total, requests) = sorted(runs)[len(runs) // 2]
        floor = statistics.median(run(args.refs, hosts, 0.0)[0] for _ in range(args.repeat))
        print(f"{hosts:>5} {took:>7.2f} {bound:>7.2f} {took / bound:>6.2f} {floor:>7.2f} {ok:>4}"
              f" {requests:>8} {host:>9} {total:>8}")  # fmt: skip
    print("least: what the limits allow; floor: the same run with no latency (own work)")


if __name__ == "__main__":
    main()
