"""Where a claim's parts stand in its sources: candidate passages, the chosen ones, anywhere.

A claim is cut into parts (``parts.py``): content words (stemmed, stopwords dropped), names
(capitalised words) and numbers (compared in every equivalent spelling, ``numbers.py``).
``matching.py`` finds where each source has each part, with a credit in [0, 1] (near
spellings, hyphenated pieces, a count without its noun for part credit). In each source,
BM25 nominates ``CANDIDATES`` sentences; every passage of one to ``WINDOW`` consecutive
sentences around them is scored by the weighted share of the claim's parts it contains (the
page's title, site name and years are context for every passage). The best passage is kept,
then up to ``MAX_PASSAGES - 1`` more that add parts the first lacks (a claim often joins facts
from several places on a page). What comes out is the input of the support features
(``features.py``) and the evidence of the report.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.report import Evidence
from citecheck.sources.model import Source
from citecheck.verifier.matching import (
    UNIT_APART,
    Credits,
    Index,
    index,
    unit_credits,
    unit_of,
    word_credits,
)
from citecheck.verifier.numbers import text_keys
from citecheck.verifier.parts import Part, PartKind
from citecheck.verifier.passages import bm25, terms

# Chosen on the WiCE dev split: WINDOW = 1 with three passages beats windows of 2 or 3 (a
# claim joins facts from far apart); more CANDIDATES did not help.
WEIGHTS: dict[PartKind, float] = {"word": 1.0, "name": 3.0, "number": 5.0}
"""Names and numbers weigh more: a source that lacks them rarely supports the claim."""
CANDIDATES = 6
"""Sentences BM25 nominates per source; each seeds the windows around it."""
WINDOW = 1
MAX_PASSAGES = 3


@dataclass(frozen=True, slots=True)
class Window:
    """A candidate passage: its source, first and last sentence, each part's credit, and the
    weighted share of the claim's parts it holds."""

    source: Source
    first: int
    last: int
    found: tuple[float, ...]
    coverage: float


@dataclass(frozen=True, slots=True)
class Lookup:
    """One source and where it has each part of the claim (``None`` for a number); ``context``
    holds the parts every passage has: those in the page's title or site name (a page need not
    name its own outlet for "according to The New York Times"), and ``years`` the page's years
    and its date's number keys."""

    source: Source
    idx: Index
    credits: tuple[Credits | None, ...]
    units: tuple[Credits | None, ...]
    context: tuple[bool, ...]
    years: frozenset[str]
    bm25: tuple[float, ...]
    """Each sentence's BM25 score for the claim's words and names."""


def share(parts: Sequence[Part], found: Sequence[float]) -> float:
    """Return the weighted share (``WEIGHTS``) of the parts found (credits in [0, 1])."""
    total = sum(WEIGHTS[p.kind] for p in parts)
    return sum(WEIGHTS[p.kind] * f for p, f in zip(parts, found, strict=True)) / total


def lookup(claim: str, parts: list[Part], source: Source) -> Lookup:
    """Find where one readable source has each part of the claim."""
    idx = index(source.text, source.sentences)
    credits = tuple(None if p.kind == "number" else word_credits(p, idx) for p in parts)
    units = []
    for part in parts:
        unit = unit_of(part, claim)
        units.append(None if unit is None else unit_credits(part, unit, idx))
    heading = frozenset(terms(f"{source.title or ''} {source.site_name or ''}"))
    context = tuple(p.kind != "number" and p.stem in heading for p in parts)
    years = idx.years | frozenset(text_keys(source.date or ""))
    ranked = bm25(idx.prepared, [p.stem for p in parts if p.kind != "number"])
    return Lookup(source, idx, credits, tuple(units), context, years, tuple(ranked))


def _number(part: Part, units: Credits | None, keys: frozenset[str], rows: range) -> float:
    """Credit of a number in a passage (``rows``) whose number keys are ``keys``."""
    if not any(need <= keys for need in part.needs):
        return 0.0
    if units is None:
        return 1.0
    return max((units.get(i, 0.0) for i in rows), default=0.0) or UNIT_APART


def _found(parts: list[Part], look: Lookup, first: int, last: int) -> tuple[float, ...]:
    """Each part's credit in the passage of sentences ``first`` to ``last``."""
    rows = range(first, last + 1)
    keys = look.years.union(*look.idx.prepared.numbers[first : last + 1])
    out = []
    for k, (part, credits, units) in enumerate(zip(parts, look.credits, look.units, strict=True)):
        if look.context[k]:
            out.append(1.0)
        elif credits is None:
            out.append(_number(part, units, keys, rows))
        else:
            out.append(max((credits.get(i, 0.0) for i in rows), default=0.0))
    return tuple(out)


def windows(parts: list[Part], look: Lookup) -> list[Window]:
    """Score the candidate windows of one source."""
    ranked = look.bm25
    seeds = heapq.nlargest(CANDIDATES, range(len(ranked)), key=ranked.__getitem__)
    spans = set()
    count = len(look.idx.prepared.spans)
    for seed in seeds:
        for size in range(1, WINDOW + 1):
            for first in range(max(seed - size + 1, 0), seed + 1):
                if first + size <= count:
                    spans.add((first, first + size - 1))
    out = []
    for first, last in spans:
        found = _found(parts, look, first, last)
        out.append(Window(look.source, first, last, found, share(parts, found)))
    return out


def anywhere(parts: list[Part], looks: list[Lookup]) -> list[float]:
    """Each part's best credit anywhere in any of the sources."""
    out = [0.0] * len(parts)
    for look in looks:
        every = range(len(look.idx.prepared.spans))
        for k, (part, credits) in enumerate(zip(parts, look.credits, strict=True)):
            if look.context[k]:
                got = 1.0
            elif credits is None:
                got = _number(part, look.units[k], look.idx.keys | look.years, every)
            else:
                got = max(credits.values(), default=0.0)
            out[k] = max(out[k], got)
    return out


def choose(parts: list[Part], candidates: list[Window]) -> list[Window]:
    """Pick the best window, then up to MAX_PASSAGES - 1 that add the most missing credit."""
    candidates.sort(key=lambda w: (-w.coverage, w.last - w.first, w.first, w.source.key))
    chosen = [candidates[0]]
    covered = list(candidates[0].found)
    while len(chosen) < MAX_PASSAGES:
        best, gain = None, 1e-9
        for window in candidates[1:]:
            add = [max(0.0, f - c) for f, c in zip(window.found, covered, strict=True)]
            value = share(parts, add)
            if value > gain:
                best, gain = window, value
        if best is None:
            break
        chosen.append(best)
        covered = [max(a, b) for a, b in zip(covered, best.found, strict=True)]
    return chosen


def passage_text(window: Window) -> str:
    """The text of a window's sentences in its source."""
    spans = index(window.source.text, window.source.sentences).prepared.spans
    return window.source.text[spans[window.first][0] : spans[window.last][1]]


def evidence(window: Window) -> Evidence:
    """Turn a chosen window into an Evidence passage with offsets into its source's text."""
    source = window.source
    spans = index(source.text, source.sentences).prepared.spans
    start, end = spans[window.first][0], spans[window.last][1]
    score = round(min(1.0, max(0.0, window.coverage)), 4)
    return Evidence(
        key=source.key,
        source=source.location,
        text=source.text[start:end],
        start=start,
        end=end,
        score=score,
    )
