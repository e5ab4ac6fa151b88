"""Time the adversarial shapes of ``shapes.py`` at two sizes and show how the time grows.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/linear.py                     # every shape, 30,000 → 300,000
    .venv/bin/python benchmarks/linear.py --size 100000 --shape table
    .venv/bin/python benchmarks/linear.py --suppressions      # 30,000 suppression lines

Times are process seconds, the least of ``--repeat`` runs in this process. ``growth`` is the
time ratio divided by the size ratio: about 1 for linear work, about the size ratio for
quadratic. A shape whose growth passes ``--flag`` is marked, and the exit code is 1. This is
the clock-based companion of ``tests/test_linear.py``, which counts calls instead and so
cannot see work inside one C call of a Python-heavy shape.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import CLAIM, SHAPES, SUPPRESSION

from citecheck.api import check_text
from citecheck.config.settings import Settings

SETTINGS = Settings(select=("ALL",))


def cpu_seconds(text: str, fmt: str, repeat: int) -> float:
    """Return the least process time of ``repeat`` checks of ``text``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        check_text(text, fmt=fmt, settings=SETTINGS)
        best = min(best, time.process_time() - start)
    return best


def suppression_files(lines: int) -> dict[str, str]:
    """The suppression cases: ``lines`` directive lines, alone or each before a paragraph."""
    return {
        "suppression lines": SUPPRESSION * lines,
        "suppression, paragraph": "".join(f"{SUPPRESSION}{CLAIM} ({i})\n\n" for i in range(lines)),
    }


def main(argv: list[str] | None = None) -> int:
    """Print one row per shape and format; return 1 when a shape's growth is flagged."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=30_000, help="small size in characters")
    parser.add_argument("--factor", type=int, default=10, help="big size / small size")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (least counts)")
    parser.add_argument("--shape", default="", help="only shapes whose name contains this")
    parser.add_argument("--flag", type=float, default=3.0, help="growth that is flagged")
    parser.add_argument("--suppressions", action="store_true", help="time 30,000 lines")
    parser.add_argument("--json", action="store_true", help="print JSON rows")
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    if args.suppressions:
        for name, text in suppression_files(30_000).items():
            for fmt in ("text", "markdown"):
                seconds = cpu_seconds(text, fmt, args.repeat)
                rows.append({"shape": name, "format": fmt, "chars": len(text), "s": seconds})
                if not args.json:
                    print(f"{name:32} {fmt:8} {len(text):>9} chars {seconds:8.3f} s", flush=True)
    flagged = 0
    for name, make in SHAPES.items():
        if args.suppressions or args.shape not in name:
            continue
        for fmt in ("text", "markdown"):
            small, big = make(args.size), make(args.size * args.factor)
            t_small = cpu_seconds(small, fmt, args.repeat)
            t_big = cpu_seconds(big, fmt, args.repeat)
            growth = t_big / max(t_small, 1e-4) / (len(big) / len(small))
            mark = "  SUPER-LINEAR" if growth > args.flag else ""
            flagged += bool(mark)
            row = {"shape": name, "format": fmt, "small": t_small, "big": t_big, "growth": growth}
            rows.append(row)
            if not args.json:
                print(
                    f"{name:36} {fmt:8} {len(small):>8}: {t_small:7.3f} s  "
                    f"{len(big):>9}: {t_big:7.3f} s  growth {growth:5.2f}{mark}",
                    flush=True,
                )
    if args.json:
        print(json.dumps(rows, indent=1))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
