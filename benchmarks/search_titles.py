"""The title threshold of a search result (``citecheck.verifier.found.SEARCH_SAME``).

A search for a title-only reference returns pages of the outlet's site; the listed page
must score at least the threshold, and the site's other stories must not. Two sets:

- the real pages of ``benchmarks/titles.json`` and the entries written for them (see
  ``benchmarks/titles.py``; bring the pages into DIR as it says): the parsed listed title
  of each entry against the page's own titles (what an engine shows as the result's
  title), ``same`` (the entry's page) and ``other`` (another page's or issue's title);
- the hard negatives of a search: stories about one event on the same sites, which share
  most of their words: the six titles of the mission's article (``../shared/seed``), each
  against the five others (30 pairs; skipped when ``../shared`` is absent).

Usage::

    python benchmarks/search_titles.py DIR

prints, per half, the lowest scores of the same page and the highest of another, and the
highest score between two stories of the article.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

SEED = Path(__file__).parents[1] / ".." / "shared" / "seed" / "000_75297bddb94e8c7d.txt"


def _pages(pages_dir: Path, split: str) -> tuple[list[float], list[float]]:
    import importlib

    import titles

    from citecheck.sources.search import Hit
    from citecheck.verifier.found import hit_score

    extract_module = importlib.import_module("citecheck.sources.extract")
    real = extract_module.extract

    def extract(*args: object, **kwargs: object) -> object:
        try:
            return real(*args, **kwargs)
        except extract_module.Unreadable:  # a page drawn by JavaScript: no titles
            return type("Empty", (), {"titles": (), "title": None, "site_name": None})()

    titles.extract = extract  # type: ignore[attr-defined]
    extract_module.extract = extract
    same: list[float] = []
    other: list[float] = []
    for row in titles.measure(pages_dir, split):
        if not row["listed"] or not row["titles"]:
            continue
        score = max(hit_score(Hit("", t), str(row["listed"])) for t in row["titles"])  # type: ignore[attr-defined]
        (same if row["same"] else other).append(score)
    return sorted(same), sorted(other)


def _article() -> list[float]:
    from citecheck.api import analyse
    from citecheck.sources.search import Hit
    from citecheck.verifier.found import hit_score

    if not SEED.is_file():
        return []
    doc, _ = analyse(SEED.read_text(encoding="utf-8"), path=str(SEED))
    listed = [r.title for r in doc.references if r.title and r.outlet]
    return sorted(hit_score(Hit("", a), b) for a, b in itertools.permutations(listed, 2))


def main(argv: list[str] | None = None) -> int:
    """Print the scores (see the module)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="folder of the pages of titles.json")
    args = parser.parse_args(argv)
    for split in ("tune", "holdout"):
        same, other = _pages(args.pages, split)
        print(
            f"{split}: same page {len(same)}, lowest {[round(s, 1) for s in same[:3]]}; "
            f"another page {len(other)}, highest {[round(s, 1) for s in other[-3:]]}"
        )
    pairs = _article()
    if pairs:
        print(
            f"article: {len(pairs)} pairs of stories, highest {[round(s, 1) for s in pairs[-3:]]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
