"""The lookup benchmark (benchmarks/lookup.py) on its recorded index: made-up references
are found, real ones are not flagged, on the holdout half the threshold was not chosen on,
each written as a list entry and taken through the parser as ``verify --lookup`` does."""

from __future__ import annotations

from benchscripts import load


def test_made_up_references_are_found_and_real_ones_pass() -> None:
    bench = load("lookup")
    references = bench.all_references()
    assert sum(c.real for c in references) >= 100
    assert sum(not c.real for c in references) == sum(c.real for c in references)
    rows = bench.judged(references, parsed=True)  # written as entries, parsed, looked up
    detection, false_alarms, made_up, real = bench.rates(rows, "holdout")
    assert made_up >= 50 and real >= 50
    assert detection >= 0.95
    assert false_alarms <= 0.02
    # every kind of made-up reference is among those found
    kinds = {c.kind for c, v, _ in rows if not c.real and v in ("not_found", "mismatch")}
    assert kinds == set(bench.KINDS)
