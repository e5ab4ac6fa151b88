"""Extraction of concurrently fetched pages: one lock in this process against worker processes.

trafilatura over lxml must not run in two threads at once (see
``citecheck/sources/workers.py``). Either the threads take turns behind one lock
(``citecheck.sources.extract.NATIVE``) or the pages go to worker processes
(``citecheck.sources.workers.Pool``), which also survive a crash or a hang of the
extractor. This script reads the same pages each way, from 8 threads as the fetcher does,
each way in a fresh process (so the pool's start-up, imports included, is counted), and
prints wall and CPU seconds (this process and its children) and their ratio to the
single-thread baseline measured in the same run.

The pages are real ones, listed in ``benchmarks/extract_pages.tsv`` (repository, commit,
path): trafilatura's own test pages. Bring them with ``--fetch-from REPO_DIR`` (a clone of
adbar/trafilatura at that commit) into DIR, then::

    python benchmarks/extract_isolation.py DIR [--repeat 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "extract_pages.tsv"
MODES = ("serial", "lock", "pool")


def manifest() -> list[dict[str, str]]:
    """Rows of the page list: ``repo``, ``commit``, ``path``."""
    with PAGES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def fetch(repo_dir: Path, out: Path) -> None:
    """Copy each listed page out of a clone at its commit into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for row in manifest():
        blob = subprocess.run(
            ["git", "-C", str(repo_dir), "show", f"{row['commit']}:{row['path']}"],
            capture_output=True,
            check=True,
        ).stdout
        (out / Path(row["path"]).name).write_bytes(blob)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def one(mode: str, folder: Path, workers: int) -> dict[str, float]:
    """Read every page of ``folder`` one way; wall and CPU seconds."""
    from concurrent.futures import ThreadPoolExecutor

    from citecheck.sources.extract import extract
    from citecheck.sources.workers import Pool

    bodies = [p.read_bytes() for p in sorted(folder.glob("*.htm*"))]
    wall, cpu = time.perf_counter(), _cpu()
    if mode == "serial":
        chars = [len(extract(b, "text/html").text) for b in bodies]
    elif mode == "lock":
        with ThreadPoolExecutor(8) as threads:
            chars = list(threads.map(lambda b: len(extract(b, "text/html").text), bodies))
    else:
        with Pool(workers) as pool, ThreadPoolExecutor(8) as threads:
            chars = list(
                threads.map(lambda b: len(pool.extract(b, "text/html", "", {}).text), bodies)
            )
    return {
        "wall": time.perf_counter() - wall,
        "cpu": _cpu() - cpu,
        "pages": len(bodies),
        "chars": sum(chars),
    }


def main() -> int:
    """Measure each mode ``--repeat`` times in fresh processes; print medians and ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--fetch-from", type=Path, help="a clone of the listed repository")
    ap.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fetch_from:
        fetch(args.fetch_from, args.folder)
    if args.one:
        print(json.dumps(one(args.one, args.folder, args.workers)))
        return 0
    if not any(args.folder.glob("*.htm*")):
        print(f"no pages in {args.folder}; bring them with --fetch-from", file=sys.stderr)
        return 2
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent), *sys.path[1:2]])}
    runs: dict[str, list[dict[str, float]]] = {m: [] for m in MODES}
    for _ in range(args.repeat):
        for mode in MODES:
            cmd = [sys.executable, __file__, str(args.folder), "--one", mode]
            cmd += ["--workers", str(args.workers)]
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
            runs[mode].append(json.loads(done.stdout))
    base = {k: statistics.median(r[k] for r in runs["serial"]) for k in ("wall", "cpu")}
    pages = runs["serial"][0]["pages"]
    print(f"{pages:.0f} pages, {args.repeat} runs each, {args.workers} workers, 8 threads")
    print(f"{'mode':8} {'wall s':>8} {'cpu s':>8} {'wall/serial':>12} {'cpu/serial':>11}")
    for mode in MODES:
        wall = statistics.median(r["wall"] for r in runs[mode])
        cpu = statistics.median(r["cpu"] for r in runs[mode])
        same = {r["chars"] for r in runs[mode]} == {runs["serial"][0]["chars"]}
        print(
            f"{mode:8} {wall:8.2f} {cpu:8.2f} {wall / base['wall']:12.2f} "
            f"{cpu / base['cpu']:11.2f}{'' if same else '  (text differs!)'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
