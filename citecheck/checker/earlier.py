"""The earlier entries of a reference list, kept for comparison with each new entry.

:func:`citecheck.checker.duplicates.duplicates` walks a list once; for the two comparisons
that cannot be a lookup of a key it keeps the entries seen so far here. :class:`OutletTitles`
holds one outlet's titles, sorted by length too, so that only titles of a near length are
scored (rapidfuzz ``ratio`` of 92 or more needs lengths within 8 % of their sum), at most
2,000 of them. :class:`WorksByAuthor` holds the entries by their first author's surname, so
that one work listed in two styles, or as a preprint and its published version, is found
among the last 50 entries of that author (see :mod:`citecheck.checker.works`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from citecheck.checker.titles import marks
from citecheck.checker.works import first_author, preprint, same_work
from citecheck.model import Reference

_TITLE_CUTOFF = 92
_MAX_FUZZY_GROUP = 2000
_MAX_WORKS = 50  # earlier entries of one first author compared with each new one


class OutletTitles:
    """The earlier references of one outlet and their titles, also sorted by title length."""

    __slots__ = ("by_length", "exact", "lengths", "marks", "positions", "refs", "titles")

    def __init__(self) -> None:
        self.refs: list[Reference] = []
        self.titles: list[str] = []
        self.marks: list[tuple[str, ...] | None] = []  # found when first compared
        # Up to _MAX_FUZZY_GROUP titles, in order of length (then of the document), with
        # their positions: the titles near a length are one slice, scored in one call.
        self.lengths: list[int] = []
        self.by_length: list[str] = []
        self.positions: list[int] = []
        self.exact: dict[str, Reference] = {}

    def first_like(self, title: str) -> Reference | None:
        """Return the earliest reference whose title is near-identical (rapidfuzz ratio)
        and numbers the same issue (the same :func:`marks`)."""
        n = len(self.refs)
        lo = 0 if n < _MAX_FUZZY_GROUP else n - 50
        if lo == 0 and title in self.exact:
            return self.exact[title]  # a title seen before: the answer is known
        # A ratio of 92 or more needs |a - b| <= 0.08 (a + b): only near lengths can match.
        size = len(title)
        low, high = int(size * 0.92 / 1.08) - 1, int(size * 1.08 / 0.92) + 2
        if lo:
            candidates = [j for j in range(lo, n) if low <= len(self.titles[j]) < high]
            choices = [self.titles[j] for j in candidates]
        else:
            i, k = bisect_left(self.lengths, low), bisect_left(self.lengths, high)
            candidates, choices = self.positions[i:k], self.by_length[i:k]
        if not candidates:
            return None
        from rapidfuzz import fuzz, process

        hits = process.extract(
            title, choices, scorer=fuzz.ratio, score_cutoff=_TITLE_CUTOFF, limit=None
        )
        if not hits:
            return None
        mark = marks(title)
        same = [candidates[h[2]] for h in hits if self._marks(candidates[h[2]]) == mark]
        return self.refs[min(same)] if same else None

    def _marks(self, j: int) -> tuple[str, ...]:
        """The :func:`marks` of the title of the ``j``-th reference."""
        found = self.marks[j]
        if found is None:
            found = self.marks[j] = marks(self.titles[j])
        return found

    def add(self, ref: Reference, title: str, first: Reference | None) -> None:
        """Remember a reference with its normalised title and the earlier one it repeats."""
        n = len(self.refs)
        if n < _MAX_FUZZY_GROUP:
            at = bisect_right(self.lengths, len(title))
            self.lengths.insert(at, len(title))
            self.by_length.insert(at, title)
            self.positions.insert(at, n)
        # Later references come after this one: the earliest match for this title is
        # ``first`` or, when there was none, this reference itself.
        self.exact.setdefault(title, first or ref)
        self.refs.append(ref)
        self.titles.append(title)
        self.marks.append(None)


class WorksByAuthor:
    """The earlier entries by their first author's surname, for one work listed in two
    styles or as preprint and published version (see :mod:`citecheck.checker.works`)."""

    __slots__ = ("by_name", "preprints")

    def __init__(self) -> None:
        self.by_name: dict[str, list[Reference]] = {}
        self.preprints: dict[int, bool] = {}

    def _preprint(self, ref: Reference) -> bool:
        if (known := self.preprints.get(id(ref))) is None:
            known = self.preprints[id(ref)] = preprint(ref)
        return known

    def first_like(self, ref: Reference) -> tuple[Reference | None, str]:
        """The earliest entry that is the same work as ``ref`` and why; remembers ``ref``."""
        name = first_author(ref)
        if name is None:
            return None, ""
        group = self.by_name.setdefault(name, [])
        found: tuple[Reference | None, str] = (None, "")
        for earlier in group[-_MAX_WORKS:]:
            # Only a year in common or a preprint beside a publication can make one work:
            # a cheap test before the titles are compared.
            year = ref.year is not None and earlier.year == ref.year
            if not year and self._preprint(earlier) == self._preprint(ref):
                continue
            if why := same_work(earlier, ref):
                found = (earlier, why)
                break
        group.append(ref)
        return found

    def add(self, ref: Reference) -> None:
        """Remember an entry found to repeat another by its address."""
        if name := first_author(ref):
            self.by_name.setdefault(name, []).append(ref)
