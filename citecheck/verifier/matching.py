"""Where a source has each part of a claim: per-sentence credits in [0, 1].

A source is indexed once (cached: a source serves many claims): each stemmed term maps to
the sentences that hold it. A claim's word or name is found with credit 1 in the sentences
that hold its stem, or, for a hyphenated word ("African-Americans", "co-star"), every piece of
it; a near spelling (rapidfuzz ratio at least ``NEAR`` between stems of ``NEAR_LENGTH``
letters or more: "metabolises" / "metabolizes") gets ``NEAR_CREDIT``. A count with a noun
right after it ("three years", "55 teams") is found with credit 1 where the source prints the
number with that noun right after it too, and with ``UNIT_APART`` where it prints the number
without it: "It took three years" is not backed by a page whose only 3 is "3 Idiots".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from citecheck.verifier.numbers import numbers, provides
from citecheck.verifier.parts import Part
from citecheck.verifier.passages import STOP, TOKEN, Prepared, prepare, stem

NEAR = 88.0
"""Least rapidfuzz ratio (0-100) for a near spelling of a stem of NEAR_LENGTH letters or more."""
NEAR_LENGTH = 5
NEAR_CREDIT = 1.0
UNIT_APART = 0.5
"""Credit of a count the source prints, but never with the claim's noun right after it."""
UNIT_GAP = 3
"""Most characters between a number and its noun ("3 years", "3-year")."""

Credits = dict[int, float]
"""Sentence index → credit in (0, 1]."""


@dataclass(frozen=True, slots=True)
class Index:
    """One source ready to look claim parts up in: its prepared sentences, term → sentences,
    the stems long enough for near spellings, its years and every number key it offers."""

    prepared: Prepared
    text: str
    where: dict[str, frozenset[int]]
    holds: dict[str, frozenset[int]]
    """Number key → the sentences that offer it."""
    long: tuple[str, ...]
    years: frozenset[str]
    keys: frozenset[str]


@lru_cache(maxsize=32)
def index(text: str, sentences: tuple[tuple[int, int], ...]) -> Index:
    """Index a source's text and sentence spans (cached on both)."""
    prepared = prepare(text, sentences)
    where: defaultdict[str, set[int]] = defaultdict(set)
    holds: defaultdict[str, set[int]] = defaultdict(set)
    for i, (terms, keys) in enumerate(zip(prepared.terms, prepared.numbers, strict=True)):
        for term in terms:
            where[term].add(i)
        for key in keys:
            holds[key].add(i)
    years = prepared.years
    return Index(
        prepared=prepared,
        text=text,
        where={t: frozenset(s) for t, s in where.items()},
        holds={k: frozenset(s) for k, s in holds.items()},
        long=tuple(t for t in where if len(t) >= NEAR_LENGTH - 1),
        years=years,
        keys=prepared.keys | years,
    )


def _stem_credits(term: str, idx: Index) -> Credits:
    """Sentences holding a stem, or (with NEAR_CREDIT) a near spelling of it."""
    out: Credits = dict.fromkeys(idx.where.get(term, ()), 1.0)
    if len(term) >= NEAR_LENGTH and NEAR_CREDIT > 0:
        from rapidfuzz import fuzz, process

        for near, _, _ in process.extract(
            term, idx.long, scorer=fuzz.ratio, score_cutoff=NEAR, limit=None
        ):
            if near != term:
                for i in idx.where[near]:
                    out[i] = max(out.get(i, 0.0), NEAR_CREDIT)
    return out


def word_credits(part: Part, idx: Index) -> Credits:
    """Where a source has a word or a name of a claim."""
    out = _stem_credits(part.stem, idx)
    pieces = [p.casefold() for p in part.text.split("-")]
    if len(pieces) > 1 and all(pieces):
        found = [_stem_credits(stem(p), idx) for p in pieces if p not in STOP]
        if found:
            for i in set(found[0]).intersection(*found[1:]):
                out[i] = max(out.get(i, 0.0), min(f[i] for f in found))
    return out


def unit_of(part: Part, claim: str) -> str | None:
    """The stem of the noun right after a count of a claim ("three years" → "year"), if any."""
    if part.kind != "number":
        return None
    after = part.start + len(part.text)
    match = TOKEN.search(claim, after)
    if match is None or claim[after : match.start()].strip():
        return None
    low = match.group().casefold()
    if low in STOP or low[0].isdigit():
        return None
    return stem(low)


def unit_credits(part: Part, unit: str, idx: Index) -> Credits:
    """Sentences that print a claim's number with its noun right after it (credit 1)."""
    out: Credits = {}
    rows: set[int] = set()
    for need in part.needs:
        local = [idx.holds.get(key, frozenset()) for key in need if key not in idx.years]
        if local:
            rows |= frozenset.intersection(*local)
    for i in sorted(rows):
        start, end = idx.prepared.spans[i]
        for keys, noun in _printed(idx.text[start:end]):
            if noun is None or not any(need & keys for need in part.needs):
                continue
            if noun == unit or (len(noun) >= 4 and noun[:4] == unit[:4]):
                out[i] = 1.0
                break
    return out


@lru_cache(maxsize=1 << 14)
def _printed(sentence: str) -> tuple[tuple[frozenset[str], str | None], ...]:
    """Each number of a sentence: its match keys and the stem of the word right after it."""
    out = []
    for number in numbers(sentence):
        match = TOKEN.search(sentence, number.end)
        near = match is not None and match.start() - number.end <= UNIT_GAP
        noun = stem(match.group().casefold()) if match is not None and near else None
        out.append((frozenset(provides(number)), noun))
    return tuple(out)
