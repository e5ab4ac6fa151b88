"""Claim-to-source matching: which reference's title a claim reads like.

Claims and titles become sets of crude stems (lower case, plural and tense endings cut, first
five letters kept), weighted by inverse document frequency over the reference titles, so
words every title shares ("cartels" in an article about cartels) count for little. An
inverted index keeps the work proportional to the words a claim shares with titles. A stem
that more than ``MAX_POSTINGS`` titles share does not nominate candidates on its own (it
still counts in their scores): without that, a document with thousands of references costs
claims × references.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from citecheck.model import Reference

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_ASCII_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_'.-]*")  # the same tokens, faster, in ASCII
_STOPWORDS = """
a about above after again against all also am an and any are as at be because been
before being between both but by can could did do does doing down during each few for
from further had has have having he her here hers him his how i if in into is it its
itself just me more most my no nor not now of off on once only or other our out over own
same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why
will with would yet you your says said according new news
"""
_STOP = frozenset(_STOPWORDS.split())
MIN_SHARED = 3
MIN_TITLE = 5  # a title of three words matches any claim on its topic
MAX_POSTINGS = 64
_DIRECT = 16  # up to this many titles, no index (at most MAX_POSTINGS)


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str | None:
    """Return the stem of one token, or None for stopwords and single letters."""
    word = token.casefold().strip(".'’-").removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or word in _STOP:
        return None
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:5]


def stems(text: str) -> frozenset[str]:
    """Return the content stems of a text."""
    tokens = (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)
    return frozenset(filter(None, map(_stem, tokens)))


class TitleIndex:
    """Reference titles, indexed by stem, scored against claims."""

    def __init__(self, references: list[Reference]) -> None:
        self.refs = [r for r in references if r.title and r.key]
        # Sorted tuples, not sets: a title's few stems cost a sixth of the memory so, which
        # counts for a document with tens of thousands of references.
        self.terms = [tuple(sorted(stems(r.title or ""))) for r in self.refs]
        n = len(self.refs)
        # Few titles: each is compared with a claim in one set operation, with no index. No
        # stem can have more than MAX_POSTINGS titles then: the index would nominate the same.
        direct = n <= _DIRECT
        df: dict[str, int] = defaultdict(int)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(self.terms):
            for t in terms:
                df[t] += 1
                if not direct:
                    self.postings[t].append(i)
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        # Sorted sums: a set's order changes with the hash seed, and float sums with order.
        self.norm = [sum(self.idf[t] for t in sorted(terms)) for terms in self.terms]
        self._position = {id(r): i for i, r in enumerate(self.refs)}
        self._eligible = [
            len(terms) >= MIN_TITLE and norm > 0
            for terms, norm in zip(self.terms, self.norm, strict=True)
        ]
        self._direct = [i for i in range(n) if self._eligible[i]] if direct else None
        self._last: tuple[str | None, list[str], frozenset[str]] = (None, [], frozenset())

    def _words(self, claim: str) -> tuple[list[str], frozenset[str]]:
        """The claim's stems in sorted order and as a set (remembered: rules ask twice
        about one claim)."""
        if self._last[0] != claim:
            terms = stems(claim)
            self._last = (claim, sorted(terms), terms)
        return self._last[1], self._last[2]

    def _candidates(self, claim: str, least: int) -> list[tuple[int, list[str]]]:
        """Ref positions that share ``least`` stems or more with a claim, with those stems
        in claim order, in the order of the first stem each shares (then of the document)."""
        words, terms = self._words(claim)
        if self._direct is None:
            return [(i, ts) for i, ts in self._shared(words).items() if len(ts) >= least]
        found = [
            (i, shared)
            for i in self._direct
            if len(shared := terms.intersection(self.terms[i])) >= least
        ]
        if len(found) > 1:
            found.sort(key=lambda c: min(c[1]))  # stable: the document's order within a stem
        return [(i, sorted(shared)) for i, shared in found]

    def _shared(self, words: list[str]) -> dict[int, list[str]]:
        """Candidate ref positions → the stems they share with a claim, in claim order."""
        shared: dict[int, list[str]] = defaultdict(list)
        crowded = False
        for t in words:
            postings = self.postings.get(t, ())
            if len(postings) > MAX_POSTINGS:
                crowded = True
                continue
            for i in postings:
                shared[i].append(t)
        if crowded:
            shared = self._complete(words, shared)
        return shared

    def _complete(self, words: list[str], shared: dict[int, list[str]]) -> dict[int, list[str]]:
        """Give candidates all the stems they share, crowded ones too, in claim order."""
        full = {i: [t for t in words if t in self.terms[i]] for i in shared}
        first = {t: k for k, t in enumerate(words)}
        return {i: full[i] for i in sorted(full, key=lambda i: (first[full[i][0]], i))}

    def best(
        self, claim: str, exclude: frozenset[int] = frozenset(), floor: float = 0.5
    ) -> tuple[Reference, float] | None:
        """Return the best-matching reference outside ``exclude`` (ids) scoring ``floor``+."""
        top: tuple[Reference, float] | None = None
        # The count is checked before the score is summed: most candidates share little.
        for i, ts in self._candidates(claim, MIN_SHARED):
            if not self._eligible[i]:
                continue
            ref = self.refs[i]
            if id(ref) in exclude:
                continue
            score = sum(self.idf[t] for t in ts) / self.norm[i]
            if score >= floor and (top is None or score > top[1]):
                top = (ref, score)
        return top

    def score_of(self, claim: str, refs: list[Reference]) -> float:
        """Return the best score among given references (0 when none has a title)."""
        terms = self._words(claim)[1]
        best = 0.0
        for ref in refs:
            i = self._position.get(id(ref))
            if i is None or not self._eligible[i]:
                continue
            ts = sorted(terms.intersection(self.terms[i]))  # in claim order
            if ts:
                best = max(best, sum(self.idf[t] for t in ts) / self.norm[i])
        return best
