"""Peak memory and CPU of reading one big HTML page, before and after the big-page pass.

A page is built to ``--mb`` megabytes (default 10) in two shapes: ``article``, the
paragraphs of a real page repeated (a long document: a report, a transcript, a thread),
and ``scripts``, a real page carrying megabytes of inline JSON (what a single-page
application's server sends). Each is read in a fresh process, as an extraction worker
reads it, two ways:

- ``before``: trafilatura on the whole page, what ``sources/extract.py`` did for any size;
- ``after``: :func:`citecheck.sources.extract.extract`, which drops scripts and styles
  from a page above ``BIG_HTML`` characters and reads what is still above it with the
  plain block-text pass.

Printed per shape and way: peak resident memory of the process (``ru_maxrss``), that peak
above the process's resident memory after a warm-up page, CPU seconds, characters of text
out, and the after/before ratios measured in the same run. The real page is one of
``benchmarks/extract_pages.tsv`` (see ``extract_isolation.py`` for how to bring them)::

    python benchmarks/extract_memory.py DIR [--mb 10]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE_PAGE = "nature.com.telescope.html"
SHAPES = ("article", "scripts")
WAYS = ("before", "after")


def build(shape: str, base: bytes, size: int) -> bytes:
    """A page of about ``size`` bytes of the given shape, from the real page ``base``."""
    if shape == "article":
        paragraphs = re.findall(rb"<p[ >].*?</p>", base, re.S)
        head = b"<html><head><title>A long report</title></head><body><article>"
        body = b"\n".join(paragraphs)
        repeated = body * (size // max(1, len(body)) + 1)
        return head + repeated[: size - len(head)] + b"</article></body></html>"
    record = b'{"id":"' + b"x" * 40 + b'","text":"' + b"y" * 48 + b'"},'
    blob = b'<script id="__DATA__" type="application/json">['
    blob += record * ((size - len(base)) // len(record)) + b"{}]</script>"
    return base.replace(b"</body>", blob + b"</body>", 1)


def one(shape: str, way: str, folder: Path, size: int) -> dict[str, float]:
    """Read one page one way in this process; memory in MB, CPU in seconds."""
    from citecheck.sources.extract import _main, extract
    from citecheck.sources.walls import bot_wall

    page = build(shape, (folder / BASE_PAGE).read_bytes(), size)
    extract(b"<html><body><p>A first page loads the libraries.</p></body></html>", "text/html")
    warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    if way == "before":
        html = page.decode("utf-8", "replace")
        text = _main(html).text
        bot_wall({}, html, len(text))
    else:
        text = extract(page, "text/html").text
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "page_mb": len(page) / 1_048_576,
        "peak_mb": peak,
        "above_warm_mb": peak - warm,
        "cpu_s": time.process_time() - cpu,
        "text_chars": len(text),
    }


def main() -> int:
    """Measure each shape both ways in fresh processes; print figures and ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the pages of extract_pages.tsv")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--one", nargs=2, metavar=("SHAPE", "WAY"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    size = int(args.mb * 1_048_576)
    if args.one:
        print(json.dumps(one(args.one[0], args.one[1], args.folder, size)))
        return 0
    if not (args.folder / BASE_PAGE).is_file():
        print(f"{args.folder / BASE_PAGE} is missing (see extract_isolation.py)", file=sys.stderr)
        return 2
    print(f"{'shape':8} {'way':7} {'page MB':>8} {'peak MB':>8} {'+warm MB':>9} {'cpu s':>7} text")
    got: dict[tuple[str, str], dict[str, float]] = {}
    for shape in SHAPES:
        for way in WAYS:
            cmd = [sys.executable, __file__, str(args.folder), "--mb", str(args.mb)]
            done = subprocess.run([*cmd, "--one", shape, way], capture_output=True, check=True)
            r = got[shape, way] = json.loads(done.stdout)
            print(
                f"{shape:8} {way:7} {r['page_mb']:8.1f} {r['peak_mb']:8.0f} "
                f"{r['above_warm_mb']:9.0f} {r['cpu_s']:7.2f} {r['text_chars']:.0f}"
            )
    for shape in SHAPES:
        b, a = got[shape, "before"], got[shape, "after"]
        print(
            f"{shape}: after/before peak {a['peak_mb'] / b['peak_mb']:.2f}, above warm-up "
            f"{a['above_warm_mb'] / max(1.0, b['above_warm_mb']):.2f}, "
            f"cpu {a['cpu_s'] / max(1e-3, b['cpu_s']):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
