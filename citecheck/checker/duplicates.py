"""Which entries of a reference list repeat an earlier one, and why.

:func:`duplicates` walks the list once, in the document's order, and pairs each entry with
the first entry it repeats: by DOI or arXiv id, by URL (normalised by
:func:`citecheck.text.urls.split_url`), by title at the same path on another host, by
outlet and near-identical title (rapidfuzz ``ratio`` of 92 or more), by authors, year and
title written in another style or as a preprint and its published version
(:mod:`citecheck.checker.works`), or by identical note text. The rule
:mod:`citecheck.checker.duplicate_reference` reports the pairs; ``fix`` merges them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from citecheck.checker.notepractice import listed_by_note, note_again, noted
from citecheck.checker.titles import difference, marks
from citecheck.checker.works import (
    arxiv_id,
    different_works,
    first_author,
    fragment,
    lettered_apart,
    locator,
    preprint,
    same_work,
    text_key,
)
from citecheck.model import BlockKind, Reference
from citecheck.parser.answers import answer_of
from citecheck.text.outlets import canonical
from citecheck.text.recache import lazy
from citecheck.text.urls import doi_key, split_url

if TYPE_CHECKING:
    from citecheck.checker.base import Context


_TITLE_CUTOFF = 92
_MAX_FUZZY_GROUP = 2000
_MAX_WORKS = 50  # earlier entries of one first author compared with each new one
_MIRROR_WORDS = 4  # a mirror: this many title words or more, at a path of two segments
_PUNCTUATION = lazy(r"[^\w\s]")


def _title(ref: Reference) -> str:
    return " ".join(_PUNCTUATION.sub(" ", ref.title or "").casefold().split())


class _Outlet:
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


class _Works:
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


def _addresses(ref: Reference, title: str) -> Iterator[tuple[str, str]]:
    """Yield ``(why, key)`` for each way of naming the source: DOI, URL, title and path."""
    doi = doi_key(ref.doi) if ref.doi else None
    if doi is None and ref.url:
        doi = doi_key(ref.url)  # https://doi.org/10.…
    if doi:
        yield "same arXiv paper" if doi.startswith("10.48550/arxiv.") else "same DOI", "doi:" + doi
    if (arxiv := arxiv_id(ref)) and not (doi or "").endswith(arxiv):
        yield "same arXiv paper", "doi:10.48550/arxiv." + arxiv  # "arXiv:2308.06256"
    parts = split_url(ref.url) if ref.url else None
    if parts:
        host, rest = parts
        place, pages = locator(ref)
        if place:  # the same page of a PDF before the same PDF
            yield "same URL", "url:" + host + rest + "#" + place
        elif pages:  # the same pages its text names ("hier S. 9") before the same PDF
            yield "same URL", "url:" + host + rest + "@" + pages
        elif anchor := fragment(ref.url):  # the same anchor before the same page
            yield "same URL", "url:" + host + rest + "#" + anchor
        yield "same URL", "url:" + host + rest
        path = rest.partition("?")[0]
        if path.count("/") >= 2 and len(title.split()) >= _MIRROR_WORDS:
            yield "same title and path on another host", "path:" + rest + " " + title


def _listed(ref: Reference, ctx: Context, starts: list[int]) -> bool:
    """A link definition is a source when it is numbered or inside a reference section;
    elsewhere two names for one link are ordinary writing."""
    if ref.kind is not BlockKind.LINKDEF or (ref.key or "").isdigit():
        return True
    i = bisect_right(starts, ref.start) - 1
    return i >= 0 and ref.start < ctx.doc.sections[i].end


_YEAR_TAIL = lazy(r"\s*\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)\W*$")


def _cited_again(ref: Reference, first: Reference, ctx: Context) -> bool:
    """The same work under the same title in the lists of two sections that each close
    their own span (a report's per-section ``### Sources``): each section cites it."""
    sections = ctx.doc.sections
    here, there = ref.section, first.section
    if here is None or there is None or here == there:
        return False
    if not (sections[here].covers and sections[there].covers):
        return False
    return _bare_title(ref) == _bare_title(first) != ""


def _homepage(key: str) -> bool:
    """Whether an address key is a site's home page (``url:hbsp.com``: no path or query)."""
    return key.startswith("url:") and not any(c in key[4:] for c in "/?#")


def _bare_title(ref: Reference) -> str:
    """The normalised title without a trailing ``(2022)``."""
    return " ".join(_PUNCTUATION.sub(" ", _YEAR_TAIL.sub("", ref.title or "")).casefold().split())


def _named_again(
    ref: Reference,
    first: Reference,
    why: str | None,
    entry: Reference,
    naming: dict[int, Reference],
    ctx: Context,
    listed: set[int] | None,
) -> Iterator[tuple[Reference, Reference, str | None]]:
    """A pair of a note and the bibliography ``entry`` it names (the notes and bibliography
    layout): the entry's id goes into ``listed`` (the note cites it), and the pair is no
    duplicate. Yields ``(note, earlier note, why)`` when another note named the entry
    first and this note repeats it (a Markdown ``[^label]`` note, which several calls may
    share; not a Word footnote: :func:`note_again`). ``naming`` maps an entry's id to the
    first note that named it, and is updated."""
    if listed is not None:
        listed.add(id(entry))
    note = ref if entry is first else first
    earlier = naming.setdefault(id(entry), note)
    if earlier is not note and not note_again(note, earlier, ctx):
        yield note, earlier, why


def duplicates(
    ctx: Context, listed: set[int] | None = None
) -> Iterator[tuple[Reference, Reference, str | None]]:
    """Yield ``(reference, earlier, why)`` for each reference that repeats an earlier one;
    ``why`` is None for a second definition of a key (``earlier`` is the first). The ids of
    bibliography entries that a called note names (the notes and bibliography layout, see
    :func:`citecheck.checker.notepractice.listed_by_note`) are added to ``listed``, and
    such pairs are not yielded."""
    # Lists whose numbering restarts (one per answer of a transcript) are compared each
    # with itself: two answers citing one page list it once each, by design.
    groups: dict[int, tuple[dict[str, Reference], dict[str, _Outlet], _Works]] = {}
    naming: dict[int, Reference] = {}  # a bibliography entry's id → the first note naming it
    sections = ctx.doc.sections
    starts = [s.start for s in sections]
    for ref in ctx.doc.references:
        if (kept := ctx.res.shadowed.get(id(ref))) is not None:
            yield ref, kept, None
            continue
        if not _listed(ref, ctx, starts):
            continue
        apart = ref.section is not None and sections[ref.section].serves is not None
        group_key = ref.section if apart and ref.section is not None else -1
        if (ref.key or "").startswith("^") and (turn := answer_of(ref.key)) is not None:
            # An exported thread numbers each answer's list apart ([^7_2], [^8_2]): the
            # same page or file in two answers' lists is each answer citing it, not a
            # duplicate, so each answer's list is compared only with itself.
            group_key = -2 - turn
        if group_key not in groups:
            groups[group_key] = ({}, {}, _Works())
        seen, by_outlet, works = groups[group_key]
        first, why, title = None, "", _title(ref)
        for reason, key in _addresses(ref, title):
            earlier = seen.setdefault(key, ref)
            if first is None and earlier is not ref:
                if (key.startswith("doi:") or _homepage(key)) and different_works(ref, earlier):
                    # One identifier on two works: a slip, not one source twice; a site's
                    # home page names its publisher, not one of its works.
                    continue
                first, why = earlier, reason
        if first is None:
            first, why = works.first_like(ref)
        else:
            works.add(ref)
        if first is None and ref.outlet and title:
            name = canonical(ref.outlet) or ref.outlet.casefold()
            if (group := by_outlet.get(name)) is None:
                group = by_outlet[name] = _Outlet()
            first = group.first_like(title)
            if first is not None:
                why = "same outlet and near-identical title"
                if first.title and ref.title and (diff := difference(first.title, ref.title)):
                    why += f', differing in "{diff[1]}" and "{diff[0]}"'
            group.add(ref, title, first)
        if (words := text_key(ref)) is not None:  # last: the other reasons say more
            earlier = seen.setdefault("text:" + words, ref)
            if first is None and earlier is not ref:
                first, why = earlier, "same text"
        if first is None or _cited_again(ref, first, ctx) or noted(ref, first):
            continue
        if (entry := listed_by_note(ref, first, ctx)) is not None:
            yield from _named_again(ref, first, why, entry, naming, ctx, listed)
            continue
        if note_again(ref, first, ctx) or lettered_apart(ref, first, why):
            continue
        yield ref, first, why
