"""Which search result, if any, is the page a title-only reference lists?

A hit (:class:`citecheck.sources.search.Hit`) counts only when both hold:

- its host is one of the outlet's web domains or below one
  (:func:`citecheck.text.outlets.on_domains`; the domains come from the outlet table and
  the ``outlet-domains`` setting): a story "in The New York Times" is on nytimes.com,
  whatever an aggregator or a blog that quotes its headline says;
- its title names the listed title, as a page's title is compared with a listed one for
  ``title-mismatch`` (:func:`citecheck.verifier.titles.title_score`: normalised titles,
  the site's part cut, rapidfuzz's ratio, one title beginning the other counting as the
  same), at least :data:`SEARCH_SAME`. Engines cut long titles and mark the cut with
  ``…`` or ``...``; the cut is dropped first, so the shown part begins the listed title.

``SEARCH_SAME`` is stricter than ``title-mismatch``'s ``SAME`` (70): a search's wrong
answers are not unrelated pages but the site's other stories on the same event, which
share most of their words. ``python benchmarks/search_titles.py DIR``: the real pages of
``benchmarks/titles.json`` score 90.9 or more against the titles their entries list (tune
half; 90.4 on the holdout half), and other pages 50.0 or less (leaving aside one entry per
half whose title the parser took for the site's name, which scores 100 against anything
that site publishes); the six stories of the mission's article, each against the five
others, score up to 70.1 ("U.S. Military Prepares for Possible Action Against Mexican Drug
Cartels" against "Trump Orders Military Action Against Latin American Drug Cartels"),
above ``SAME``. 85 lies between 70.1 and 90.4, nearer the real pairs: a wrong page taken
as found is verified as if the writer had cited it, while a page missed is only reported
as not found.

The first hit that counts, in the backend's order, is the page found. When the backend
answered and no hit counts, the outlet's site holds no page of that title as far as the
search can tell: evidence for ``reference-not-found`` (a :class:`Found` with no ``hit``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.sources.search import Hit, SearchAnswer
from citecheck.verifier.titles import title_score

SEARCH_SAME = 85.0
"""Least title score (0-100) of a search result taken as the listed page."""

_CUT = re.compile(r"\s*(?:\.{3}|…)\s*$")


@dataclass(frozen=True, slots=True)
class Found:
    """A search judged: the answer, the hit taken as the listed page (None: none counts),
    its title score (0-100), and the closest hit on the outlet's site when none counts."""

    answer: SearchAnswer
    hit: Hit | None = None
    score: float = 0.0
    closest: Hit | None = None

    @property
    def verdict(self) -> str:
        """``found``, ``not_found`` (the backend answered; no page counts) or ``unknown``
        (it could not answer, or the outlet's domains are unknown)."""
        if self.hit is not None:
            return "found"
        if self.answer.problem or not self.answer.query.domains:
            return "unknown"
        return "not_found"


def hit_score(hit: Hit, listed: str) -> float:
    """How alike a hit's title and a listed title are, 0-100, the engine's ``…`` cut
    dropped (see the module)."""
    return title_score(_CUT.sub("", hit.title), listed)


def judge_search(answer: SearchAnswer) -> Found:
    """The page found for one search (see the module)."""
    from citecheck.text.outlets import on_domains

    query = answer.query
    if answer.problem or not query.domains:
        return Found(answer)
    best: tuple[float, Hit] | None = None
    for hit in answer.hits:
        if not on_domains(hit.url, query.domains):
            continue
        score = hit_score(hit, query.title)
        if score >= SEARCH_SAME:
            return Found(answer, hit, score)
        if best is None or score > best[0]:
            best = (score, hit)
    if best is None:
        return Found(answer)
    return Found(answer, None, best[0], best[1])
