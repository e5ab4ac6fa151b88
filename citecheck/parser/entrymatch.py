"""Matching an author-year callout to its entry: by first author's surname and year.

A callout (``(Smith, 2020)``, ``Smith et al. (2020a)``) names an entry of the reference
list by the first author's surname and the year: ``2020a`` and ``2020b`` are told apart by
the letter the entry carries, or by their order; a two-author callout by both surnames;
``et al.`` by an entry with more than one author. Surnames are compared folded (no case,
diacritics or particles: ``parser.authors.fold``), so ``(Van der Berg, 2020)`` and
``(SILVA, 2019)`` name ``van der Berg, J. (2020)`` and ``Silva, J. (2019)``. An
organisation is also named by the initials of its name or the short form its entry gives
in brackets: ``(WHO, 2020)`` names ``World Health Organization (WHO). (2020)``.

How the callouts are read is ``parser.authoryear``'s part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Self

from citecheck.model import Reference
from citecheck.parser.authors import authors, fold, years
from citecheck.parser.calloutforms import cjk
from citecheck.parser.memo import current

_NAMED = "names and years"  # a memo's key for an entry's


@dataclass(slots=True)
class _Entry:
    ref: Reference
    surnames: tuple[str, ...]
    years: frozenset[str]
    letters: frozenset[str]


def year_key(year: str) -> str:
    low = year.casefold()
    if low.startswith(("forthcoming", "in")):
        return "in press"
    return "n.d." if low.startswith("n") else low


@dataclass(slots=True)
class EntryIndex:
    """The entries of a document by first author's surname (and an organisation's short
    names), with the years each names."""

    entries: list[_Entry] = field(default_factory=list)
    by_surname: dict[str, list[_Entry]] = field(default_factory=dict)
    strict: bool = False
    """The list is in author-year style: a callout that names no entry is dangling."""

    @classmethod
    def of(cls, references: Iterable[Reference], numbered: bool = False) -> Self:
        """Index the entries that name authors and a year.

        ``numbered`` says the list numbers its entries, so callouts that match nothing are
        not taken for citations (the list is not in author-year style).
        """
        index = cls()
        listed = 0
        memo = current()
        for ref in references:
            listed += 1
            if ref.key is None or ref.note:
                continue
            # Both read the entry's text alone: kept by it under a memo (the server).
            read = partial(_names_and_years, ref)
            named, letters, surnames, whole = (
                read() if memo is None else memo.get((_NAMED, ref.text), read)
            )
            if not surnames:
                continue
            entry = _Entry(ref, surnames, named, letters)
            index.entries.append(entry)
            for name in dict.fromkeys((surnames[0], whole)):
                if name:
                    index.by_surname.setdefault(name, []).append(entry)
        index.strict = not numbered and 2 * len(index.entries) >= listed > 0
        return index

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(
        self, first: str, second: str | None, many: bool, year: str | None
    ) -> Reference | None:
        """The entry a callout names (``year`` None for MLA), or None."""
        pool = self.by_surname.get(fold(first), [])
        if year is not None:
            base = year[:4] if year[:4].isdigit() else year
            pool = [e for e in pool if base in e.years]
            if year[:4].isdigit() and year[4:].isalpha() and len(pool) > 1:
                lettered = [e for e in pool if year in e.letters]
                if lettered:
                    pool = lettered
                else:  # 2020a, 2020b by the order of the list
                    n = ord(year[4]) - ord("a")
                    pool = pool[n : n + 1]
            elif year[:4].isdigit() and len(pool) > 1:
                # "Wang et al. (2024)" beside "Wang, C., 2024a" and "Wang, Z., 2024b": the
                # entry the list gives no letter.
                pool = [e for e in pool if not e.letters] or pool
        if len(pool) > 1 and second:
            pool = [e for e in pool if fold(second) in e.surnames[1:]] or pool
        if len(pool) > 1:
            want = 2 if second else (3 if many else 1)
            pool = sorted(pool, key=lambda e: abs(min(len(e.surnames), 3) - want))
        if year is None and len({id(e.ref) for e in pool}) != 1:
            return None
        return pool[0].ref if pool else None

    def tied(self, first: str, second: str | None, many: bool, year: str) -> list[Reference]:
        """The entries a callout without a letter names equally well: two works of one first
        author and year that the list gives no ``a``/``b`` (``Fu et al. (2023)`` with two Fu
        et al. 2023 entries). One entry, or none, when the callout tells them apart."""
        if not year[:4].isdigit() or year[4:]:
            return []
        pool = [
            e for e in self.by_surname.get(fold(first), []) if year in e.years and not e.letters
        ]
        if len(pool) < 2:
            return []
        if second:
            pool = [e for e in pool if fold(second) in e.surnames[1:2]]
        else:
            pool = [e for e in pool if (len(e.surnames) > 2) == many and len(e.surnames) != 2]
        return [e.ref for e in pool] if len(pool) > 1 else []


def _names_and_years(
    ref: Reference,
) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], str]:
    """The years an entry names, those written with a letter, and its authors' surnames
    and whole first name (none when it names no year: those of such an entry are never
    read)."""
    named, letters = years(ref)
    if not named:
        return named, letters, (), ""
    surnames, whole = authors(ref)
    if not surnames and whole and cjk(whole[0]) and len(whole) <= 4:
        surnames = (whole,)  # "黄雪茹. 生成式人工智能…": one author, named whole
    return named, letters, surnames, whole
