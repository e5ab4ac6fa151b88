"""Does a claim's cited source say what the claim says? A lexical support score and verdict.

A claim is cut into parts (``parts.py``): content words (stemmed, stopwords dropped), names
(capitalised words) and numbers (compared in every equivalent spelling, ``numbers.py``). In
each source, BM25 nominates candidate sentences; every passage of one to ``WINDOW``
consecutive sentences around them is scored by the weighted share of the claim's parts it
contains (a word also counts when rapidfuzz finds a near spelling; the page's title and its
years are context for every passage). The best passage is kept, then up to
``MAX_PASSAGES - 1`` more that add parts the first lacks (a claim often joins two facts from
two places on a page).

``score`` = coverage x exp(-``PENALTY`` x missing), in [0, 1]: coverage is the weighted share
of parts the chosen passages contain; missing is the weight of the parts they lack, counted
in full when no readable source has the part anywhere and ``ELSEWHERE`` times when it is
elsewhere in a source. Because a claim is supported only when every part is, one missing
part costs a long claim as much as a short one; a share alone would forgive it.

Verdict: ``supported`` when every name and every number of the claim is somewhere in the
sources (as ``number-not-found`` asks of numbers) and the score reaches ``SUPPORTED``;
``partially_supported`` when coverage reaches ``PARTIAL``; ``unsupported`` below;
``unverifiable`` when no source has text (or the claim has no content words). Requiring
every name and number in the chosen passages themselves, or every word anywhere, loses
more supported claims than it catches unsupported ones on WiCE dev (a page names its
subject once and then says "he"); a missing word costs through the score instead.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from citecheck.sources.model import Source
from citecheck.verifier.numbers import text_keys
from citecheck.verifier.parts import Part, PartKind, claim_parts
from citecheck.verifier.passages import Prepared, bm25, prepare, terms

Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]

# Chosen on the WiCE dev split (benchmarks/wice.py), then fixed; see the module doc. On dev,
# supported vs the rest is best near SUPPORTED = 0.2 and PENALTY = 0.2 (0.1 and 0.3 lose 0.02
# to 0.03 of balanced accuracy); MAX_PASSAGES = 2 beats 1 (facts in two places) and ties 3.
WEIGHTS: dict[PartKind, float] = {"word": 1.0, "name": 3.0, "number": 5.0}
"""Names and numbers weigh more: a source that lacks them rarely supports the claim."""
PENALTY = 0.2
ELSEWHERE = 0.25
SUPPORTED = 0.2
PARTIAL = 0.5
STRICT_ANYWHERE: tuple[PartKind, ...] = ("name", "number")
"""Kinds of part that must all be somewhere in the sources for ``supported``."""
CANDIDATES = 6
"""Sentences BM25 nominates per source; each seeds the windows around it."""
WINDOW = 3
MAX_PASSAGES = 2
NEAR = 88.0
"""Least rapidfuzz ratio (0-100) for a near spelling of a stem of NEAR_LENGTH letters or more."""
NEAR_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage of a source: the reference key, its location, text, offsets and coverage."""

    key: str
    source: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Support:
    """How well a claim's sources support it: the verdict, the score in [0, 1], the evidence."""

    verdict: Verdict
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class _Window:
    """A candidate passage: its source, first and last sentence, and which parts it has."""

    source: Source
    first: int
    last: int
    found: tuple[bool, ...]
    coverage: float


def _near(word: str, vocab: frozenset[str]) -> bool:
    """Whether the vocabulary has a near spelling of a stem."""
    if len(word) < NEAR_LENGTH:
        return False
    from rapidfuzz import fuzz, process

    return process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=NEAR) is not None


def _found(part: Part, words: frozenset[str], keys: frozenset[str]) -> bool:
    """Whether a passage (its terms and number keys) contains a part."""
    if part.kind == "number":
        return any(need <= keys for need in part.needs)
    return part.stem in words or _near(part.stem, words)


def _share(parts: list[Part], found: Sequence[bool]) -> float:
    """Return the weighted share of the parts found."""
    total = sum(WEIGHTS[p.kind] for p in parts)
    return sum(WEIGHTS[p.kind] for p, f in zip(parts, found, strict=True) if f) / total


def _spans(prepared: Prepared, seeds: list[int]) -> set[tuple[int, int]]:
    """Return the (first, last) sentence indexes of every window of up to WINDOW over seeds."""
    out = set()
    for seed in seeds:
        for size in range(1, WINDOW + 1):
            for first in range(max(seed - size + 1, 0), seed + 1):
                if first + size <= len(prepared.spans):
                    out.add((first, first + size - 1))
    return out


def _context(source: Source, prepared: Prepared) -> tuple[frozenset[str], frozenset[str]]:
    """Return what every passage of a source leans on: its title's and its site's terms (a
    page need not name its own outlet for "according to The New York Times") and its years."""
    keys = prepared.years | text_keys(source.date or "")
    return frozenset(_heading_terms(source)), frozenset(keys)


def _heading_terms(source: Source) -> list[str]:
    return terms(f"{source.title or ''} {source.site_name or ''}")


def _windows(parts: list[Part], source: Source) -> list[_Window]:
    """Score the candidate windows of one source."""
    prepared = prepare(source.text, source.sentences)
    title, years = _context(source, prepared)
    ranked = bm25(prepared, [p.stem for p in parts if p.kind != "number"])
    seeds = heapq.nlargest(CANDIDATES, range(len(ranked)), key=ranked.__getitem__)
    out = []
    for first, last in _spans(prepared, seeds):
        words = title.union(*prepared.terms[first : last + 1])
        keys = years.union(*prepared.numbers[first : last + 1])
        found = tuple(_found(p, words, keys) for p in parts)
        out.append(_Window(source, first, last, found, _share(parts, found)))
    return out


def _anywhere(parts: list[Part], sources: list[Source]) -> list[bool]:
    """Whether each part is anywhere in any of the sources."""
    vocab: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    for source in sources:
        prepared = prepare(source.text, source.sentences)
        vocab |= prepared.vocab | frozenset(_heading_terms(source))
        keys |= prepared.keys | prepared.years
    return [_found(p, vocab, keys) for p in parts]


def _choose(parts: list[Part], windows: list[_Window]) -> list[_Window]:
    """Pick the best window, then up to MAX_PASSAGES - 1 that add the most missing parts."""
    windows.sort(key=lambda w: (-w.coverage, w.last - w.first, w.first))
    chosen = [windows[0]]
    covered = list(windows[0].found)
    while len(chosen) < MAX_PASSAGES:
        best, gain = None, 0.0
        for window in windows[1:]:
            add = [f and not c for f, c in zip(window.found, covered, strict=True)]
            value = _share(parts, add)
            if value > gain:
                best, gain = window, value
        if best is None:
            break
        chosen.append(best)
        covered = [a or b for a, b in zip(covered, best.found, strict=True)]
    return chosen


def support(claim: str, sources: Sequence[Source]) -> Support:
    """Score how well the sources' text supports the claim; see the module doc for the verdict."""
    readable = [s for s in sources if s.state == "ok" and s.text.strip()]
    parts = claim_parts(claim)
    if not readable or not parts:
        return Support("unverifiable", 0.0, ())
    windows = [w for source in readable for w in _windows(parts, source)]
    chosen = _choose(parts, windows)
    covered = [any(w.found[i] for w in chosen) for i in range(len(parts))]
    anywhere = _anywhere(parts, readable) if not all(covered) else covered
    missing = sum(
        WEIGHTS[p.kind] * (ELSEWHERE if there else 1.0)
        for p, c, there in zip(parts, covered, anywhere, strict=True)
        if not c
    )
    coverage = _share(parts, covered)
    score = coverage * math.exp(-PENALTY * missing)
    strict_ok = all(a for p, a in zip(parts, anywhere, strict=True) if p.kind in STRICT_ANYWHERE)
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
    prepared = prepare(source.text, source.sentences)
    start, end = prepared.spans[window.first][0], prepared.spans[window.last][1]
    text = source.text[start:end]
    return Evidence(source.key, source.location, text, start, end, round(window.coverage, 4))
