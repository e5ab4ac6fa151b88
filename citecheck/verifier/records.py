"""Is the work an index recorded the work a reference lists? The judge of
``reference-not-found`` and ``reference-mismatch``.

A record is compared with the reference on three things: the title (both normalised as in
:func:`citecheck.verifier.titles.normalise_title`, then rapidfuzz's ``fuzz.ratio``, order
and all; the listed title is also compared cut to the record's length, since an entry's
title often runs on into its venue, and with the record's title cut at its subtitle,
since lists often drop it), the first author's surname (accents and case folded; one may
end the other: "van der Berg" and "Berg"), and the year (one of the years the record
carries: issued, printed, online; for an arXiv preprint, that year or up to two later,
when the published version came out). A title or first author the entry's fields got
wrong counts as no difference when the entry's whole text holds the record's title, or
its first author's surname before the title: a misread field is the parser's slip, not
the writer's.

``SAME_TITLE`` was chosen on the tune half of ``benchmarks/lookup.py`` (170 real works
from recorded Crossref and arXiv answers, listed as is, in sentence case, with the venue
run on and without the subtitle, and as many made-up references): the real titles all
score 100 against their records, and titles with words swapped for another work's score
86.4 at most, so every threshold from 87 to 100 separates them there
(``python benchmarks/lookup.py --sweep``); the real titles of ``benchmarks/titles.json``,
with writers' slips, score 90.9 or more against their pages. 89 lies between the two.

Verdicts: ``found`` (a record agrees on all three), ``mismatch`` (the identifier names a
work that differs on one or more, or a title search finds the title under another first
author or year), ``not_found`` (the identifier names no work; no candidate of a title
search comes close in title), ``unknown`` (the indexes could not answer: nothing is said).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from citecheck.sources.indexes.model import Lookup, Query, Record
from citecheck.verifier.titles import normalise_title

SAME_TITLE = 89.0
"""Least title score (0-100) of a record of the listed work."""

Verdict = Literal["found", "mismatch", "not_found", "unknown"]


@dataclass(frozen=True, slots=True)
class Judgement:
    """A lookup judged: the verdict, the record it rests on (the closest candidate for a
    title search that found none), what differs, and the title score (0-100)."""

    lookup: Lookup
    verdict: Verdict
    record: Record | None = None
    differences: tuple[str, ...] = ()
    score: float = 0.0


def title_score(listed: str, recorded: str) -> float:
    """How alike a listed title and a recorded one are, 0-100 (see the module)."""
    from rapidfuzz import fuzz

    a, b = normalise_title(listed), normalise_title(recorded)
    if not a or not b:
        return 0.0
    forms = {b, normalise_title(recorded.split(":", 1)[0])} - {""}
    best = 0.0
    for form in forms:
        if len(form.split()) < 3 and form != b:
            continue
        best = max(best, fuzz.ratio(a, form))
        if len(a) > len(form):  # the venue after the title
            cut = a[: len(form)]
            if a[len(form) : len(form) + 1] in ("", " "):
                best = max(best, fuzz.ratio(cut, form))
    return best


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if c.isalpha()).casefold()


def same_author(surname: str, record: Record) -> bool:
    """Whether ``surname`` is the record's first author's (a record without authors
    passes: there is nothing to compare)."""
    if not record.authors:
        return True
    a, b = _fold(surname), _fold(record.authors[0])
    if not a or not b:
        return True
    return a == b or (min(len(a), len(b)) >= 3 and (a.endswith(b) or b.endswith(a)))


def same_year(year: int, record: Record) -> bool:
    """Whether ``year`` is one the record carries (see the module)."""
    if not record.years:
        return True
    if record.index == "arxiv":
        return min(record.years) <= year <= max(record.years) + 2
    return year in record.years


def _in_entry(record: Record, entry: str | None) -> tuple[bool, bool]:
    """Whether the entry's whole text holds the record's title, and its first author's
    surname before the title (where a list puts its authors): what a misread field of the
    entry would otherwise make a difference."""
    if not entry:
        return False, False
    text = normalise_title(entry)
    title = normalise_title(record.title)
    at = f" {text} ".find(f" {title} ") if title else -1
    if not record.authors:
        return at >= 0, False
    head = text[: at if at >= 0 else len(text) // 2]
    return at >= 0, _fold(record.authors[0]) in {_fold(w) for w in head.split()}


def differences(
    query: Query, record: Record, score: float, entry: str | None = None
) -> tuple[str, ...]:
    """What the record says otherwise than the reference, as message phrases; ``entry``
    (the entry's whole text) keeps a misread title or first author from counting when
    the entry does hold the record's."""
    out: list[str] = []
    title_in, author_in = _in_entry(record, entry)
    if query.title and score < SAME_TITLE and not title_in:
        out.append(f"the title differs ({score:.0f}/100)")
    if query.author and record.authors and not same_author(query.author, record) and not author_in:
        out.append(f"the first author is {record.authors[0]}, not {query.author}")
    if query.year and record.years and not same_year(query.year, record):
        out.append(f"the year is {record.year}, not {query.year}")
    return tuple(out)


def judge(lookup: Lookup, entry: str | None = None) -> Judgement:
    """The :class:`Judgement` of one lookup (see the module for the verdicts); ``entry``
    is the reference's whole text, when there is one (see :func:`differences`)."""
    query = lookup.query
    if lookup.way != "title":
        if lookup.unknown:
            return Judgement(lookup, "not_found")
        if not lookup.records:
            return Judgement(lookup, "unknown")
        record = lookup.records[0]
        score = title_score(query.title, record.title) if query.title else 100.0
        diff = differences(query, record, score, entry)
        return Judgement(lookup, "mismatch" if diff else "found", record, diff, score)
    scored = [(title_score(query.title or "", r.title), r) for r in lookup.records]
    close = [(s, r) for s, r in scored if s >= SAME_TITLE]
    if not close:
        if lookup.problem is not None:
            return Judgement(lookup, "unknown")
        best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        return Judgement(lookup, "not_found", best[1], score=best[0])

    def fit(pair: tuple[float, Record]) -> tuple[int, float]:
        return -len(differences(query, pair[1], pair[0], entry)), pair[0]

    score, record = max(close, key=fit)
    diff = differences(query, record, score, entry)
    return Judgement(lookup, "mismatch" if diff else "found", record, diff, score)
