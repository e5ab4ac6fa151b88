"""Sources cut into sentences of stemmed terms, and BM25 to pick a claim's candidate sentences.

Terms are lower-cased word tokens without stopwords, stemmed with the Snowball English
stemmer (PyStemmer). BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework:
BM25 and Beyond", 2009; k1 = 1.2, b = 0.75) ranks the sentences of one source at a time.
It is a few lines here rather than ``bm25s`` or ``rank-bm25``: each corpus is one source's
sentences (tens to a few thousand), built once per source and queried by a handful of claims,
where those libraries' matrix set-up costs more than the scoring, and ``rank-bm25`` has not
been maintained since 2022.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from citecheck.text.recache import lazy
from citecheck.verifier.numbers import document_keys, text_keys

K1 = 1.2
B = 0.75

TOKEN = lazy(r"[^\W_]+(?:['’.&-][^\W_]+)*")
_STOPWORDS = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would yet you your yours its it's he's she's they're
one ones become became later currently since s t us within upon
however moreover furthermore meanwhile nevertheless nonetheless therefore thus hence indeed
instead still though although whereas
"""
STOP = frozenset(_STOPWORDS.split())


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Return the Snowball stem of a lower-cased word, possessive and dots dropped."""
    word = word.removesuffix("'s").removesuffix("’s").replace(".", "")
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def terms(text: str) -> list[str]:
    """Return the stemmed content terms of a text, in order (numbers kept as written)."""
    out = []
    for token in TOKEN.findall(text):
        low = token.casefold()
        if low in STOP or (len(low) < 2 and not low.isdigit()):
            continue
        out.append(stem(low))
    return out


@dataclass(frozen=True, slots=True)
class Prepared:
    """One source's sentences ready to score: spans, term sets, number keys and BM25 stats.

    ``norms`` holds each sentence's BM25 length normalisation ``K1 * (1 - B + B * length /
    avgdl)`` and ``keys`` the union of ``numbers``: what every claim citing the source
    would otherwise compute again over all its sentences.
    """

    spans: tuple[tuple[int, int], ...]
    terms: tuple[frozenset[str], ...]
    counts: tuple[Counter[str], ...]
    numbers: tuple[frozenset[str], ...]
    df: dict[str, int]
    avgdl: float
    vocab: frozenset[str]
    norms: tuple[float, ...]
    keys: frozenset[str]
    years: frozenset[str]


@lru_cache(maxsize=32)
def prepare(text: str, sentences: tuple[tuple[int, int], ...]) -> Prepared:
    """Cut a source's text into its sentences' terms (cached: a source serves many claims)."""
    spans = tuple((s, e) for s, e in sentences if e > s) or ((0, len(text)),)
    counts = tuple(Counter(terms(text[s:e])) for s, e in spans)
    df: Counter[str] = Counter()
    for count in counts:
        df.update(count.keys())
    lengths = [sum(c.values()) for c in counts]
    avgdl = max(sum(lengths) / len(spans), 1.0)
    numbers = tuple(frozenset(text_keys(text[s:e])) for s, e in spans)
    keys = frozenset().union(*numbers)
    return Prepared(
        spans=spans,
        terms=tuple(frozenset(c) for c in counts),
        counts=counts,
        numbers=numbers,
        df=dict(df),
        avgdl=avgdl,
        vocab=frozenset(df),
        norms=tuple(K1 * (1 - B + B * length / avgdl) for length in lengths),
        keys=keys,
        years=frozenset(document_keys(keys)),
    )


def bm25(prepared: Prepared, query: list[str]) -> list[float]:
    """Return the BM25 score of every sentence of a prepared source for the query terms.

    A sentence that has none of the query's terms scores 0 after one set test; the others
    sum their terms' weights in the order of ``idf``, as a loop over every term would."""
    n = len(prepared.spans)
    idf = {
        t: math.log(1 + (n - prepared.df[t] + 0.5) / (prepared.df[t] + 0.5))
        for t in set(query)
        if t in prepared.df
    }
    weights = list(idf.items())
    scores = [0.0] * n
    counts, norms = prepared.counts, prepared.norms
    for index, have in enumerate(prepared.terms):
        if have.isdisjoint(idf):
            continue
        count, norm, score = counts[index], norms[index], 0.0
        for term, weight in weights:
            if term in count:  # a Counter of terms holds only positive counts
                tf = count[term]
                score += weight * tf * (K1 + 1) / (tf + norm)
        scores[index] = score
    return scores
