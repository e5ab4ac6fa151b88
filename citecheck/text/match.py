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
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain

from citecheck.model import Reference
from citecheck.text.recache import lazy

_TOKEN = lazy(r"[^\W\d_][\w'’.-]*")
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


# ASCII bytes that are not token characters become spaces: the words of the result are
# the runs of token characters, and each run holds one token, from its first letter on.
_NOT_TOKEN = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_'.-") else 32 for c in range(256)
)
_LEAD = "0123456789_'.-"


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


# Runs are words, and numbers that never come back (a long document has tens of thousands):
# a small cache keeps the words without growing with the numbers.
@lru_cache(maxsize=1 << 13)
def _run_stem(run: str) -> str | None:
    """Return the stem of the token a run of ASCII token characters holds."""
    return _stem(run.lstrip(_LEAD))  # "" (no letter, no token) has no stem


def stems(text: str) -> frozenset[str]:
    """Return the content stems of a text."""
    if text.isascii():  # the tokens of _TOKEN, by one translation and a split
        runs = text.encode().translate(_NOT_TOKEN).decode().split()
        return frozenset(filter(None, map(_run_stem, runs)))
    return frozenset(filter(None, map(_stem, _TOKEN.findall(text))))


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
        df = Counter(chain.from_iterable(self.terms))
        self.postings: dict[str, list[int]] = defaultdict(list)
        if not direct:
            for i, terms in enumerate(self.terms):
                for t in terms:
                    self.postings[t].append(i)
        # A stem's weight depends on its count alone: one logarithm per count.
        weight = {d: math.log((n + 1) / (d + 0.5)) for d in set(df.values())}
        self.idf = {t: weight[d] for t, d in df.items()}
        # Sorted sums: a set's order changes with the hash seed, and float sums with order.
        self.norm = [sum(map(self.idf.__getitem__, sorted(terms))) for terms in self.terms]
        self._position = {id(r): i for i, r in enumerate(self.refs)}
        self._eligible = [
            len(terms) >= MIN_TITLE and norm > 0
            for terms, norm in zip(self.terms, self.norm, strict=True)
        ]
        self._direct = [i for i in range(n) if self._eligible[i]] if direct else None
        self._matchable = sum(self._eligible)
        self._matchable_ids: frozenset[int] | None = None
        # The stems of the titles compared directly: a claim that shares fewer than
        # MIN_SHARED of them with all these titles together shares fewer with each.
        self._union = frozenset().union(*(self.terms[i] for i in self._direct or ()))
        self._titled = [(i, id(self.refs[i]), self.terms[i]) for i in self._direct or ()]
        self._last: tuple[str | None, frozenset[str]] = (None, frozenset())

    def covers(self, ids: frozenset[int]) -> bool:
        """Whether ``ids`` hold every reference a claim can match (:meth:`best` finds no
        other). The ids of those are gathered only when there are no more of them than
        ``ids``: a long document has tens of thousands."""
        if self._matchable > len(ids):
            return False
        if self._matchable_ids is None:
            self._matchable_ids = frozenset(
                id(r) for r, ok in zip(self.refs, self._eligible, strict=True) if ok
            )
        return self._matchable_ids <= ids

    def _words(self, claim: str) -> frozenset[str]:
        """The claim's stems (remembered: rules ask twice about one claim)."""
        if self._last[0] != claim:
            self._last = (claim, stems(claim))
        return self._last[1]

    def _candidates(self, claim: str, least: int) -> list[tuple[int, list[str]]]:
        """Ref positions that share ``least`` stems or more with a claim, found through the
        index, with those stems in claim order, in the order of the first stem each shares
        (then of the document).

        The index's postings of the claim's uncrowded stems are counted in one pass; only
        the titles whose count, with every crowded stem added, can reach ``least`` are
        compared with the claim (one set intersection each)."""
        words = self._words(claim)
        lists: list[list[int]] = []
        crowded = 0
        for t in sorted(words):
            postings = self.postings.get(t)
            if postings is None:
                continue
            if len(postings) > MAX_POSTINGS:
                crowded += 1
            else:
                lists.append(postings)
        counts = Counter(chain.from_iterable(lists))  # in claim order, then the document's
        if not crowded:  # a count is all the stems a title shares
            terms = self.terms
            return [
                (i, sorted(words.intersection(terms[i]))) for i, n in counts.items() if n >= least
            ]
        short = least - crowded  # fewer uncrowded stems than this cannot reach least
        found: list[tuple[int, list[str]]] = []
        for i, n in counts.items():
            if n >= short and len(ts := words.intersection(self.terms[i])) >= least:
                found.append((i, sorted(ts)))
        # Claim order is sorted order: by the first shared stem, then the document's.
        found.sort(key=lambda c: (c[1][0], c[0]))
        return found

    def best(
        self, claim: str, exclude: frozenset[int] = frozenset(), floor: float = 0.5
    ) -> tuple[Reference, float] | None:
        """Return the best-matching reference outside ``exclude`` (ids) scoring ``floor``+."""
        if self._direct is not None:
            return self._best_direct(claim, exclude, floor)
        top: tuple[Reference, float] | None = None
        # The count is checked before the score is summed: most candidates share little.
        for i, ts in self._candidates(claim, MIN_SHARED):
            if not self._eligible[i]:
                continue
            ref = self.refs[i]
            if id(ref) in exclude:
                continue
            score = sum(map(self.idf.__getitem__, ts)) / self.norm[i]
            if score >= floor and (top is None or score > top[1]):
                top = (ref, score)
        return top

    def _best_direct(
        self, claim: str, exclude: frozenset[int], floor: float
    ) -> tuple[Reference, float] | None:
        """:meth:`best` over few titles, each compared with the claim in one set operation:
        the titles that share MIN_SHARED stems or more, in the order of the first stem each
        shares (then of the document), as the index would nominate them."""
        terms = self._words(claim)
        if len(terms & self._union) < MIN_SHARED:
            return None
        found = [
            (i, shared)
            for i, ref, title in self._titled
            if ref not in exclude and len(shared := terms.intersection(title)) >= MIN_SHARED
        ]
        if len(found) > 1:
            found.sort(key=lambda c: min(c[1]))  # stable: the document's order within a stem
        top: tuple[Reference, float] | None = None
        weight = self.idf.__getitem__
        for i, shared in found:
            score = sum(map(weight, sorted(shared))) / self.norm[i]
            if score >= floor and (top is None or score > top[1]):
                top = (self.refs[i], score)
        return top

    def score_of(self, claim: str, refs: list[Reference]) -> float:
        """Return the best score among given references (0 when none has a title)."""
        terms = self._words(claim)
        best = 0.0
        for ref in refs:
            i = self._position.get(id(ref))
            if i is None or not self._eligible[i]:
                continue
            ts = sorted(terms.intersection(self.terms[i]))  # in claim order
            if ts:
                best = max(best, sum(map(self.idf.__getitem__, ts)) / self.norm[i])
        return best
