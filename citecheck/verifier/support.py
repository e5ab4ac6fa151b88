"""Does a claim's cited source say what the claim says? A lexical support score and verdict.

A claim is cut into parts (``parts.py``): content words (stemmed, stopwords dropped), names
(capitalised words) and numbers (compared in every equivalent spelling, ``numbers.py``).
``matching.py`` finds where each source has each part, with a credit in [0, 1] (near
spellings, hyphenated pieces, a count without its noun for part credit). In each source,
BM25 nominates candidate sentences; every passage of one to ``WINDOW`` consecutive sentences
around them is scored by the weighted share of the claim's parts it contains (the page's
years are context for every passage). The best passage is kept, then up to
``MAX_PASSAGES - 1`` more that add parts the first lacks (a claim often joins facts from
several places on a page).

``score`` = coverage x exp(-``PENALTY`` x missing), in [0, 1]: coverage is the weighted share
of parts the chosen passages contain; missing is the weight of the parts they lack, counted
in full when no readable source has the part anywhere and ``ELSEWHERE`` times when it is
elsewhere in a source. Because a claim is supported only when every part is, one missing
part costs a long claim as much as a short one; a share alone would forgive it.

Verdict: ``supported`` when every name and every number of the claim is somewhere in the
sources (credit at least ``STRICT_CREDIT``, as ``number-not-found`` asks of numbers) and the
score reaches ``SUPPORTED``; ``partially_supported`` when coverage reaches ``PARTIAL``;
``unsupported`` below; ``unverifiable`` when no source has text (or the claim has no content
words). Requiring every name and number in the chosen passages themselves, or every word
anywhere, loses more supported claims than it catches unsupported ones on WiCE dev (a page
names its subject once and then says "he"); a missing word costs through the score instead.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

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
from citecheck.verifier.parts import Part, PartKind, claim_parts
from citecheck.verifier.passages import bm25, terms

Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]

# Chosen on the WiCE dev split, then fixed: PENALTY, UNIT_APART and SUPPORTED by the rule of
# benchmarks/wice_cv.py (which also cross-validates that choice); WINDOW = 1 with three
# passages beats windows of 2 or 3 (a claim joins facts from far apart); more CANDIDATES,
# lemmas (lemminflect) and IDF or word-frequency weights did not help.
WEIGHTS: dict[PartKind, float] = {"word": 1.0, "name": 3.0, "number": 5.0}
"""Names and numbers weigh more: a source that lacks them rarely supports the claim."""
PENALTY = 0.1
ELSEWHERE = 0.25
SUPPORTED = 0.353
PARTIAL = 0.5
STRICT_ANYWHERE: tuple[PartKind, ...] = ("name", "number")
"""Kinds of part that must all be somewhere in the sources for ``supported``."""
STRICT_CREDIT = 0.2
"""Least credit that counts as somewhere: a count printed without its noun still is."""
CANDIDATES = 6
"""Sentences BM25 nominates per source; each seeds the windows around it."""
WINDOW = 1
MAX_PASSAGES = 3


@dataclass(frozen=True, slots=True)
class Support:
    """How well a claim's sources support it: the verdict, the score in [0, 1], the evidence."""

    verdict: Verdict
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class _Window:
    """A candidate passage: its source, first and last sentence, and each part's credit."""

    source: Source
    first: int
    last: int
    found: tuple[float, ...]
    coverage: float


@dataclass(frozen=True, slots=True)
class _Lookup:
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


def _share(parts: Sequence[Part], found: Sequence[float]) -> float:
    """Return the weighted share of the parts found (credits in [0, 1])."""
    total = sum(WEIGHTS[p.kind] for p in parts)
    return sum(WEIGHTS[p.kind] * f for p, f in zip(parts, found, strict=True)) / total


def _lookup(claim: str, parts: list[Part], source: Source) -> _Lookup:
    idx = index(source.text, source.sentences)
    credits = tuple(None if p.kind == "number" else word_credits(p, idx) for p in parts)
    units = []
    for part in parts:
        unit = unit_of(part, claim)
        units.append(None if unit is None else unit_credits(part, unit, idx))
    heading = frozenset(terms(f"{source.title or ''} {source.site_name or ''}"))
    context = tuple(p.kind != "number" and p.stem in heading for p in parts)
    years = idx.years | frozenset(text_keys(source.date or ""))
    return _Lookup(source, idx, credits, tuple(units), context, years)


def _number(part: Part, units: Credits | None, keys: frozenset[str], rows: range) -> float:
    """Credit of a number in a passage (``rows``) whose number keys are ``keys``."""
    if not any(need <= keys for need in part.needs):
        return 0.0
    if units is None:
        return 1.0
    return max((units.get(i, 0.0) for i in rows), default=0.0) or UNIT_APART


def _found(parts: list[Part], look: _Lookup, first: int, last: int) -> tuple[float, ...]:
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


def _windows(parts: list[Part], look: _Lookup) -> list[_Window]:
    """Score the candidate windows of one source."""
    prepared = look.idx.prepared
    ranked = bm25(prepared, [p.stem for p in parts if p.kind != "number"])
    seeds = heapq.nlargest(CANDIDATES, range(len(ranked)), key=ranked.__getitem__)
    spans = set()
    for seed in seeds:
        for size in range(1, WINDOW + 1):
            for first in range(max(seed - size + 1, 0), seed + 1):
                if first + size <= len(prepared.spans):
                    spans.add((first, first + size - 1))
    out = []
    for first, last in spans:
        found = _found(parts, look, first, last)
        out.append(_Window(look.source, first, last, found, _share(parts, found)))
    return out


def _anywhere(parts: list[Part], looks: list[_Lookup]) -> list[float]:
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


def _choose(parts: list[Part], windows: list[_Window]) -> list[_Window]:
    """Pick the best window, then up to MAX_PASSAGES - 1 that add the most missing credit."""
    windows.sort(key=lambda w: (-w.coverage, w.last - w.first, w.first, w.source.key))
    chosen = [windows[0]]
    covered = list(windows[0].found)
    while len(chosen) < MAX_PASSAGES:
        best, gain = None, 1e-9
        for window in windows[1:]:
            add = [max(0.0, f - c) for f, c in zip(window.found, covered, strict=True)]
            value = _share(parts, add)
            if value > gain:
                best, gain = window, value
        if best is None:
            break
        chosen.append(best)
        covered = [max(a, b) for a, b in zip(covered, best.found, strict=True)]
    return chosen


def support(claim: str, sources: Sequence[Source]) -> Support:
    """Score how well the sources' text supports the claim; see the module doc for the verdict."""
    readable = [s for s in sources if s.state == "ok" and s.text.strip()]
    parts = claim_parts(claim)
    if not readable or not parts:
        return Support("unverifiable", 0.0, ())
    looks = [_lookup(claim, parts, source) for source in readable]
    chosen = _choose(parts, [w for look in looks for w in _windows(parts, look)])
    covered = [max(w.found[i] for w in chosen) for i in range(len(parts))]
    anywhere = _anywhere(parts, looks)
    missing = sum(
        WEIGHTS[p.kind] * (1.0 - c) * (ELSEWHERE if there >= 0.5 else 1.0)
        for p, c, there in zip(parts, covered, anywhere, strict=True)
    )
    coverage = _share(parts, covered)
    score = min(1.0, coverage * math.exp(-PENALTY * missing))
    strict_ok = all(
        there >= STRICT_CREDIT
        for p, there in zip(parts, anywhere, strict=True)
        if p.kind in STRICT_ANYWHERE
    )
    if strict_ok and score >= SUPPORTED:
        verdict: Verdict = "supported"
    elif coverage >= PARTIAL:
        verdict = "partially_supported"
    else:
        verdict = "unsupported"
    return Support(verdict, round(score, 4), tuple(_evidence(w) for w in chosen))


def _evidence(window: _Window) -> Evidence:
    """Turn a chosen window into an Evidence passage with offsets into its source's text."""
    source = window.source
    spans = index(source.text, source.sentences).prepared.spans
    start, end = spans[window.first][0], spans[window.last][1]
    text = source.text[start:end]
    score = round(min(1.0, max(0.0, window.coverage)), 4)
    return Evidence(
        key=source.key, source=source.location, text=text, start=start, end=end, score=score
    )
