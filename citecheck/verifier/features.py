"""The lexical features of a claim against its sources, the input of the fitted support model.

Each feature is a number (most in [0, 1]) computed from where the sources have the claim's
parts (``windows.py``): how much of the claim the chosen passages cover (weighted, by kind,
weighted by rarity in the source), whether every name and number is somewhere, how many of
the claim's word pairs the passages print in the same order, whether one side negates and the
other does not, and the score of the hand-set rule used before the model (``lexical``).
``FEATURES`` names them in the order of the vector; ``coefficients.py`` holds the weights
fitted on them by ``benchmarks/support_cv.py``, which also measures which earn their place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from citecheck.sources.model import Source
from citecheck.text.recache import lazy
from citecheck.verifier.parts import Part, claim_parts
from citecheck.verifier.passages import terms
from citecheck.verifier.windows import (
    WEIGHTS,
    Lookup,
    Window,
    anywhere,
    choose,
    lookup,
    passage_text,
    share,
    windows,
)

PENALTY = 0.1
"""Cost of each missing unit of weight in ``lexical`` (the hand-set score)."""
ELSEWHERE = 0.25
"""Share of that cost when the missing part is elsewhere in a source."""
STRICT_CREDIT = 0.2
"""Least credit that counts as somewhere: a count printed without its noun still is."""
FOUND = 0.5
"""Least credit that counts a part as found when parts are counted."""

FEATURES = (
    "lexical",
    "coverage",
    "best_window",
    "words",
    "names",
    "numbers",
    "has_number",
    "anywhere",
    "names_anywhere",
    "numbers_anywhere",
    "strict",
    "rare",
    "rare_missing",
    "bigrams",
    "negation",
    "fuzzy",
    "bm25",
    "parts",
    "missing",
    "elsewhere",
    "passages",
)
"""The features, in the order of ``Match.vector``."""

_NEGATION = lazy(
    r"\b(?:not|no|never|nor|none|nobody|nothing|neither|without|cannot|\w+n['’]t)\b", re.I
)


@dataclass(frozen=True, slots=True)
class Match:
    """A claim against its readable sources: its parts, the chosen passages, each part's
    credit in them (``covered``) and anywhere in the sources, and the feature vector."""

    parts: tuple[Part, ...]
    chosen: tuple[Window, ...]
    covered: tuple[float, ...]
    anywhere: tuple[float, ...]
    vector: tuple[float, ...]


def match(claim: str, sources: Sequence[Source]) -> Match | None:
    """Compute the features of a claim against its sources (those with state ``ok`` and
    text); ``None`` when none has text or the claim has no content words."""
    readable = [s for s in sources if s.state == "ok" and s.text.strip()]
    parts = claim_parts(claim)
    if not readable or not parts:
        return None
    looks = [lookup(claim, parts, source) for source in readable]
    chosen = choose(parts, [w for look in looks for w in windows(parts, look)])
    covered = [max(w.found[i] for w in chosen) for i in range(len(parts))]
    there = anywhere(parts, looks)
    vector = _vector(claim, parts, looks, chosen, covered, there)
    return Match(tuple(parts), tuple(chosen), tuple(covered), tuple(there), vector)


def lexical(parts: Sequence[Part], covered: Sequence[float], there: Sequence[float]) -> float:
    """The hand-set score, in [0, 1]: coverage x exp(-``PENALTY`` x missing), where missing is
    the weight of the parts the passages lack, counted ``ELSEWHERE`` times when a source has
    the part elsewhere. One missing part costs a long claim as much as a short one."""
    missing = sum(
        WEIGHTS[p.kind] * (1.0 - c) * (ELSEWHERE if t >= FOUND else 1.0)
        for p, c, t in zip(parts, covered, there, strict=True)
    )
    return min(1.0, share(parts, covered) * math.exp(-PENALTY * missing))


def strict(parts: Sequence[Part], there: Sequence[float]) -> bool:
    """Whether every name and number of the claim is somewhere in the sources."""
    return all(
        t >= STRICT_CREDIT
        for p, t in zip(parts, there, strict=True)
        if p.kind in ("name", "number")
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 1.0


def _vector(
    claim: str,
    parts: list[Part],
    looks: list[Lookup],
    chosen: list[Window],
    covered: list[float],
    there: list[float],
) -> tuple[float, ...]:
    by_kind = {
        kind: [c for p, c in zip(parts, covered, strict=True) if p.kind == kind]
        for kind in ("word", "name", "number")
    }
    names_there = [t for p, t in zip(parts, there, strict=True) if p.kind == "name"]
    numbers_there = [t for p, t in zip(parts, there, strict=True) if p.kind == "number"]
    rare, rare_missing = _rarity(parts, looks, covered)
    text = " ".join(passage_text(w) for w in chosen)
    from rapidfuzz import fuzz

    values = {
        "lexical": lexical(parts, covered, there),
        "coverage": share(parts, covered),
        "best_window": chosen[0].coverage,
        "words": _mean(by_kind["word"]),
        "names": _mean(by_kind["name"]),
        "numbers": _mean(by_kind["number"]),
        "has_number": float(bool(by_kind["number"])),
        "anywhere": share(parts, there),
        "names_anywhere": min(names_there, default=1.0),
        "numbers_anywhere": min(numbers_there, default=1.0),
        "strict": float(strict(parts, there)),
        "rare": rare,
        "rare_missing": rare_missing,
        "bigrams": _bigrams(claim, chosen),
        "negation": float(bool(_NEGATION.search(claim)) != bool(_NEGATION.search(text))),
        "fuzzy": fuzz.token_set_ratio(claim.casefold(), text.casefold()) / 100.0,
        "bm25": _bm25(parts, looks),
        "parts": math.log1p(len(parts)),
        "missing": math.log1p(sum(c < FOUND for c in covered)),
        "elsewhere": max(0.0, share(parts, there) - share(parts, covered)),
        "passages": (len(chosen) - 1) / 2.0,
    }
    return tuple(values[name] for name in FEATURES)


def _rarity(parts: list[Part], looks: list[Lookup], covered: list[float]) -> tuple[float, float]:
    """IDF-weighted coverage of the claim's words and names (IDF over the sources' sentences:
    a word on every line of the page says little), and the IDF of the rarest part the
    passages lack, over the largest IDF possible (0 when none is missing)."""
    count = sum(len(look.idx.prepared.spans) for look in looks)
    top = math.log(count + 1)
    weights, got, worst = 0.0, 0.0, 0.0
    for part, credit in zip(parts, covered, strict=True):
        if part.kind == "number":
            continue
        df = sum(look.idx.prepared.df.get(part.stem, 0) for look in looks)
        idf = math.log((count + 1) / (df + 1)) + 1.0
        weights += idf
        got += idf * credit
        if credit < FOUND:
            worst = max(worst, (idf - 1.0) / top if top else 0.0)
    return (got / weights if weights else 1.0), worst


def _bigrams(claim: str, chosen: list[Window]) -> float:
    """Share of the claim's adjacent content-term pairs that a chosen passage prints adjacent
    too (1 for a claim of one term)."""
    want = set(_pairs(terms(claim)))
    if not want:
        return 1.0
    have: set[tuple[str, str]] = set()
    for window in chosen:
        have.update(_pairs(terms(passage_text(window))))
    return len(want & have) / len(want)


def _pairs(seq: list[str]) -> list[tuple[str, str]]:
    return list(pairwise(seq))


def _bm25(parts: list[Part], looks: list[Lookup]) -> float:
    """Best sentence's BM25 score over the most a sentence could score (each query term once
    in a sentence of average length), in [0, 1] for most sentences."""
    best = 0.0
    for look in looks:
        prepared = look.idx.prepared
        n = len(prepared.spans)
        query = {p.stem for p in parts if p.kind != "number"}
        ceiling = sum(
            math.log(1 + (n - prepared.df.get(t, 0) + 0.5) / (prepared.df.get(t, 0) + 0.5))
            for t in query
        )
        if ceiling > 0 and look.bm25:
            best = max(best, max(look.bm25) / ceiling)
    return min(best, 2.0)
