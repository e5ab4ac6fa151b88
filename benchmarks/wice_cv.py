"""How far the support verifier's constants, chosen on WiCE dev, can be trusted off dev.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/wice_cv.py            # in-sample and cross-validated table
    .venv/bin/python benchmarks/wice_cv.py --folds 5 --repeats 5

The constants of ``citecheck/verifier/support.py`` that decide a verdict (``PENALTY``, the
matcher's ``UNIT_APART`` and the ``SUPPORTED`` threshold) were chosen on dev. This script
chooses them again, from the small grid below, by the same rule: the best of
min(BA s/not - 0.92, BA s/rest - 0.78), i.e. the figure furthest behind its target. "In
sample" chooses on all of dev and reports dev; "cross-validated" chooses on k - 1 folds
(stratified by label) and predicts the held-out fold, repeated with other shuffles; its
AUROC pools the out-of-fold scores. Rows: ``verify`` reads each record's snapshot as the
sources stage reads a ``.txt`` snapshot (its segmentation, no title), ``verifier`` gives the
evidence sentences one a sentence with the page title, as ``benchmarks/wice.py`` does.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import wice

from citecheck.sources.extract import extract, sentences
from citecheck.sources.model import Source
from citecheck.verifier import matching, support

PENALTIES = (0.05, 0.1, 0.15, 0.2)
UNIT_APARTS = (0.3, 0.5)
Scored = list[tuple[bool, float]]
"""Per claim: whether every name and number is somewhere, and the score."""


def as_snapshot(record: wice.Record) -> Source:
    """The record's snapshot as the sources stage reads ``<stem>.sources/1.txt``."""
    line = wice.snapshot(record)
    got = extract((line.text + "\n").encode(), None, "1.txt", {})
    spans = sentences(got.text, got.media_type)
    return replace(line, text=got.text, sentences=spans, title=got.title, date=got.date)


def scored(claims: list[str], sources: list[Source], penalty: float, apart: float) -> Scored:
    """Score every claim with the given constants (and no threshold: the verdict then says
    only whether every name and number is somewhere)."""
    saved = support.PENALTY, support.UNIT_APART, support.SUPPORTED, matching.UNIT_APART
    support.PENALTY, support.UNIT_APART, support.SUPPORTED = penalty, apart, 0.0
    matching.UNIT_APART = apart
    try:
        out = []
        for claim, source in zip(claims, sources, strict=True):
            result = support.support(claim, [source])
            out.append((result.verdict == "supported", result.score))
        return out
    finally:
        support.PENALTY, support.UNIT_APART, support.SUPPORTED, matching.UNIT_APART = saved


def _figures(pairs: Scored, labels: list[str], threshold: float) -> dict[str, float]:
    predicted = [(ok and s >= threshold, s) for ok, s in pairs]
    return wice._figures(predicted, labels, 1.0, tune=False)


def _margin(pairs: Scored, labels: list[str], threshold: float) -> float:
    """min(BA s/not - target, BA s/rest - target) at a threshold (no AUROC: it is fast)."""
    hits = dict.fromkeys(("supported", "partially_supported", "not_supported"), 0)
    count = dict.fromkeys(hits, 0)
    for (ok, s), y in zip(pairs, labels, strict=True):
        count[y] += 1
        hits[y] += (ok and s >= threshold) == (y == "supported")
    recall = {y: hits[y] / (count[y] or 1) for y in hits}
    rest = (hits["partially_supported"] + hits["not_supported"]) / (
        (count["partially_supported"] + count["not_supported"]) or 1
    )
    ba_not = (recall["supported"] + recall["not_supported"]) / 2
    ba_rest = (recall["supported"] + rest) / 2
    return min(ba_not - wice.TARGETS["ba_not"], ba_rest - wice.TARGETS["ba_rest"])


def choose(grid: dict[tuple[float, float], Scored], labels: list[str], rows: list[int]) -> tuple:
    """Return the (penalty, apart, threshold) with the best margin on the claims ``rows``."""
    sub = [labels[i] for i in rows]
    best: tuple = (-9.0, 0.0, 0.0, 0.0)
    for (penalty, apart), pairs in grid.items():
        part = [pairs[i] for i in rows]
        for threshold in sorted({round(s, 3) for _, s in part}):
            margin = _margin(part, sub, threshold)
            if margin > best[0] + 1e-12:
                best = (margin, penalty, apart, threshold)
    return best[1:]


def folds(labels: list[str], k: int, seed: int) -> Iterator[list[int]]:
    """Yield k folds of claim indexes, each label spread evenly over them."""
    rng = random.Random(seed)
    buckets: list[list[int]] = [[] for _ in range(k)]
    at = 0
    for label in sorted(set(labels)):
        rows = [i for i, y in enumerate(labels) if y == label]
        rng.shuffle(rows)
        for i in rows:
            buckets[at % k].append(i)
            at += 1
    yield from buckets


def cross_validated(
    grid: dict[tuple[float, float], Scored], labels: list[str], k: int, repeats: int
) -> dict[str, float]:
    """Mean over repeats of the figures of out-of-fold predictions (see the module doc)."""
    runs = []
    for seed in range(repeats):
        predicted: Scored = [(False, 0.0)] * len(labels)
        for held in folds(labels, k, seed):
            train = sorted(set(range(len(labels))) - set(held))
            penalty, apart, threshold = choose(grid, labels, train)
            for i in held:
                ok, s = grid[(penalty, apart)][i]
                predicted[i] = (ok and s >= threshold, s)
        runs.append(wice._figures(predicted, labels, 1.0, tune=False))
    return {key: sum(r[key] for r in runs) / len(runs) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    """Print the in-sample and cross-validated figures of both rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", type=Path, default=wice.WICE)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no WiCE data at {args.data}", file=sys.stderr)
        return 2
    records = wice.load(args.data)
    claims = [" ".join(r["claim"].split()) for r in records]
    labels = [r["label"] for r in records]
    print(f"WiCE dev, {len(records)} claims; {args.folds}-fold x {args.repeats}")
    print(f"{'':22} {'BA s/not':>9} {'AUROC':>7} {'BA s/rest':>10} {'AUROC':>7}  chosen")
    for name, make in (("verify", as_snapshot), ("verifier", wice.snapshot)):
        sources = [make(r) for r in records]
        grid = {(p, a): scored(claims, sources, p, a) for p in PENALTIES for a in UNIT_APARTS}
        penalty, apart, threshold = choose(grid, labels, list(range(len(labels))))
        inside = _figures(grid[(penalty, apart)], labels, threshold)
        outside = cross_validated(grid, labels, args.folds, args.repeats)
        chosen = f"PENALTY={penalty} UNIT_APART={apart} SUPPORTED={threshold}"
        for tag, f in ((f"{name} in-sample", inside), (f"{name} cross-validated", outside)):
            print(
                f"{tag:22} {f['ba_not']:9.3f} {f['auroc_not']:7.3f} {f['ba_rest']:10.3f}"
                f" {f['auroc_rest']:7.3f}  {chosen if 'in-' in tag else ''}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
