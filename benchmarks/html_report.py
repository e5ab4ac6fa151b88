"""Size and browser load time of the HTML evidence report for runs of 50, 100 and 500 articles.

Run from a clone with the dev extra installed and Debian's chromium at /usr/bin/chromium::

    .venv/bin/python benchmarks/html_report.py              # table
    .venv/bin/python benchmarks/html_report.py --json       # the same figures as JSON
    .venv/bin/python benchmarks/html_report.py --sizes 50 500 --repeat 5

From a seed (no network) it writes the largest run's articles with ``generate.py`` and, for
each article, a snapshot per cited reference (``<stem>.sources/<n>.txt``: the paragraphs
that cite ``[n]`` and some that do not), so every claim is verified and carries evidence as
in a real run. Each run is ``citecheck verify --offline --format html --output-file`` over
the first N articles, in a child process. The page is then opened from ``file://`` in
headless Chromium (Playwright) ``--repeat`` times, each time in a new tab; the load time is
the navigation's ``loadEventEnd`` (from the start of navigation to the end of the ``load``
event), and the median is kept. Opening the first claim's evidence is timed too.

Printed per N: the page's bytes, bytes per article, elements per article, the median load
time and the evidence click time; then the growth of bytes per article and of load time
against linear, ``x(500) / (10 x x(50))`` for totals (1.0 is linear).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_corpus

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_MARKER = re.compile(r"\[(\d+)\]")
_FILLER = (
    "The agency did not respond to a request for comment on Monday.",
    "Figures for the previous year were revised in March.",
    "Officials declined to say when a decision would be taken.",
)


def write_articles(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` plain-text articles and a snapshot per cited reference of each."""
    write_corpus(folder, count, "text", seed)
    rng = random.Random(f"html-report:{seed}")
    articles = sorted(folder.rglob("*.txt"))
    for article in articles:
        body = article.read_text("utf-8").split("References:")[0].splitlines()[1:]
        cited: dict[str, list[str]] = {}
        for paragraph in body:
            for key in set(_MARKER.findall(paragraph)):
                cited.setdefault(key, []).append(_MARKER.sub("", paragraph))
        sources = article.with_suffix(".sources")
        sources.mkdir()
        for key, paragraphs in cited.items():
            lines = [*paragraphs, *rng.sample(_FILLER, 2)]
            rng.shuffle(lines)
            (sources / f"{key}.txt").write_text("\n\n".join(lines) + "\n", "utf-8")
    return articles


def render(articles: list[Path], out: Path, cache: Path) -> float:
    """Run ``citecheck verify`` over the articles into an HTML report; return its seconds."""
    command = [sys.executable, "-m", "citecheck", "verify", "--offline", "--cache-dir"]
    command += [str(cache), "--format", "html", "--output-file", str(out), "--jobs", "2"]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, *map(str, articles)], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"citecheck verify failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def browse(pages: dict[int, Path], repeat: int) -> dict[int, dict[str, float]]:
    """Open each page ``repeat`` times in a new tab; median load and evidence times (ms)."""
    from playwright.sync_api import sync_playwright

    out: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True
        )
        for n, path in pages.items():
            loads, clicks, elements = [], [], 0.0
            for _ in range(repeat):
                page = context.new_page()
                page.goto(path.as_uri(), wait_until="load")
                loads.append(
                    page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                )
                elements = page.evaluate("document.getElementsByTagName('*').length")
                clicks.append(
                    page.evaluate(
                        "() => { const t = performance.now();"
                        " document.querySelector('.c.v-supported, .c').click();"
                        " document.body.offsetHeight; return performance.now() - t; }"
                    )
                )
                page.close()
            out[n] = {
                "load_ms": statistics.median(loads),
                "click_ms": statistics.median(clicks),
                "elements": elements,
            }
        context.close()
    return out


def measure(sizes: list[int], repeat: int = 3, seed: int = 0) -> dict[str, Any]:
    """Write, render and open the reports; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = write_articles(root / "articles", max(sizes), seed)
        pages: dict[int, Path] = {}
        rows: dict[int, dict[str, float]] = {}
        for n in sizes:
            pages[n] = root / f"report-{n}.html"
            seconds = render(articles[:n], pages[n], root / "cache")
            size = pages[n].stat().st_size
            rows[n] = {"bytes": size, "bytes_per_article": size / n, "render_s": seconds}
        for n, timing in browse(pages, repeat).items():
            rows[n] |= timing
            rows[n]["elements_per_article"] = timing["elements"] / n
    small, large = min(sizes), max(sizes)
    ratio = large / small
    growth = {
        "bytes": rows[large]["bytes"] / (ratio * rows[small]["bytes"]),
        "load_ms": rows[large]["load_ms"] / (ratio * rows[small]["load_ms"]),
    }
    return {"sizes": {str(n): rows[n] for n in sizes}, "growth": growth, "repeat": repeat}


def table(fig: dict[str, Any]) -> str:
    """The figures as a table."""
    lines = [
        f"{'articles':>8} {'bytes':>11} {'bytes/article':>14} {'elements/article':>17}"
        f" {'load ms':>8} {'evidence ms':>12} {'verify+render s':>16}"
    ]
    for n, row in fig["sizes"].items():
        lines.append(
            f"{n:>8} {row['bytes']:>11,} {row['bytes_per_article']:>14,.0f}"
            f" {row['elements_per_article']:>17.0f} {row['load_ms']:>8.0f}"
            f" {row['click_ms']:>12.1f} {row['render_s']:>16.1f}"
        )
    g = fig["growth"]
    lines.append(
        f"growth against linear (largest / smallest, per article): bytes {g['bytes']:.2f},"
        f" load time {g['load_ms']:.2f} (1.0 is linear); median of {fig['repeat']} loads"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 1 when the largest report takes 2 s or more to load."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 500])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    fig = measure(sorted(args.sizes), args.repeat, args.seed)
    print(json.dumps(fig, indent=2) if args.json else table(fig))
    slowest = fig["sizes"][str(max(args.sizes))]["load_ms"]
    return 0 if slowest < 2000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
