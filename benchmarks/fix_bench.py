"""How ``citecheck fix`` scales: its time against ``check`` on the same article, measured in
this run, for articles of growing size full of things to fix.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/fix_bench.py

Each article has n sentences, each with a repeated key, and n numbered references of which
half repeat an earlier URL, all out of order (every fixable rule has work). The table shows
seconds for ``check`` and for ``fix --unsafe`` with every rule selected, their ratio, and how
``fix`` grows when n doubles (2.0 is linear).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from citecheck import check_text
from citecheck.api import fix_text
from citecheck.config.settings import Settings

ALL = Settings(select=("ALL",))


def article(n: int) -> str:
    """A plain-text article of ``n`` sentences and ``n`` numbered references."""
    body = "\n\n".join(
        f"Sentence number {i} says something about the town. [{i % n + 1}][{i * 7 % n + 1}]"
        f"[{i % n + 1}]"
        for i in range(n)
    )
    refs = "\n".join(
        f"{i}. Outlet {i}: Title number {i} https://x{i % (n // 2)}.example.com/a"
        for i in range(1, n + 1)
    )
    return f"{body}\n\nReferences:\n{refs}\n"


def best(run: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """Best of ``repeat`` wall-clock timings of ``run(text)``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Print the table."""
    print(f"{'n':>6} {'check s':>8} {'fix s':>8} {'fix/check':>9} {'fix growth':>10}")
    previous = None
    for n in (250, 500, 1000, 2000):
        text = article(n)
        check = best(lambda t: check_text(t, settings=ALL), text)
        fix = best(lambda t: fix_text(t, settings=ALL, unsafe=True), text)
        growth = f"{fix / previous:10.2f}" if previous else f"{'':>10}"
        print(f"{n:>6} {check:8.3f} {fix:8.3f} {fix / check:9.2f} {growth}")
        previous = fix


if __name__ == "__main__":
    main()
