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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Self

from citecheck.model import Reference
from citecheck.parser.authors import PARTICLES, authors, fold, years
from citecheck.parser.calloutforms import cjk
from citecheck.parser.memo import current
from citecheck.text.recache import lazy

_NAMED = "names and years"  # a memo's key for an entry's
# Up to two given names or initials before a surname at the head of an entry.
_GIVEN = r"(?:[^\W\d_][\w’'-]*\.?\s+){0,2}"
# An organisation as author: capitalised words (and the small words between them: "of",
# "for", "and", "the", "&"; "de", "del", "la", "y" of Spanish, "des", "du", "et" of French,
# "für", "der", "und" of German, "do", "da", "e" of Portuguese, "di", "della" of Italian),
# then perhaps its short form in brackets, then the full stop, comma or bracketed year
# after it. Its initials skip the small words: "Organización Internacional del Trabajo"
# is "OIT", as the organisation calls itself.
_ORGANISATION = lazy(
    r"(?P<name>[^\W\d_a-z][\w’'-]+(?:\s+(?:of|for|and|the|on|&|de|del|la|las|los|el|y|e"
    r"|des|du|et|für|der|die|das|und|do|da|dos|di|della|dei|per|[^\W\d_a-z][\w’'-]+)){1,8})"
    r"(?:\s*\((?P<short>[A-Z][A-Za-z]{1,9})\))?\s*(?:[.,]|\((?:1[5-9]|20)\d\d)"
)


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


# What follows an author written whole at an entry's opening: its end, a year or a title.
_WRITTEN = lazy(r"(?:[.,:]\s*|\s+)(?:\(|\d|[^\W\d_])")


@dataclass(slots=True)
class EntryIndex:
    """The entries of a document by first author's surname (and an organisation's short
    names), with the years each names."""

    entries: list[_Entry] = field(default_factory=list)
    by_surname: dict[str, list[_Entry]] = field(default_factory=dict)
    strict: bool = False
    """The list is in author-year style: a callout that names no entry is dangling."""
    listing: str = ""
    """The text of the document's reference sections, read entries and unread alike
    (``parser.authoryear.listing``)."""
    looked: dict[tuple[str, str], bool] = field(default_factory=dict)
    unnamed: list[Reference] = field(default_factory=list)
    """Every keyed entry, for a callout that names none by the surnames read: names garbled
    by a conversion (GROBID's ``Higgins Jpt, Green S (2008)``, ``Boh Burton-Jones A``)
    are still in the entry's opening words (:meth:`opening`)."""

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
            index.unnamed.append(ref)
            # Both read the entry's text alone: kept by it under a memo (the server).
            read = partial(_names_and_years, ref)
            named, letters, surnames, whole, short = (
                read() if memo is None else memo.get((_NAMED, ref.text), read)
            )
            if not surnames:
                continue
            entry = _Entry(ref, surnames, named, letters)
            index.entries.append(entry)
            for name in dict.fromkeys((surnames[0], whole, *short)):
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

    def written(self, name: str) -> bool:
        """Whether an entry opens with ``name`` as written, case and all, as its author: a
        software project or a group that writes its name in small letters (``textmood.
        (2024)``, ``scikit-learn (2024)``), cited so (``(textmood, 2024)``)."""
        entries = self.by_surname.get(fold(name), [])
        return any(
            e.ref.text.startswith(name) and _WRITTEN.match(e.ref.text, len(name)) for e in entries
        )

    def opening(self, name: str, year: str) -> Reference | None:
        """The one entry whose text opens with ``name`` (as a callout writes it; after two
        words at most: ``Boh Burton-Jones A``) and names ``year``, or None: for a callout
        that names no entry by the surnames read from the entries."""
        if not self.unnamed or not year[:4].isdigit() or not name.strip():
            return None
        if re.fullmatch(PARTICLES, name.strip(), re.IGNORECASE):
            return None  # "(Van and Salomon, 1997)": a particle is no surname of its own
        words = r"[\s-]+".join(map(re.escape, name.split()))
        pattern = re.compile(rf"\W{{0,3}}{_GIVEN}{words}\b", re.IGNORECASE)
        found = [r for r in self.unnamed if year[:4] in r.text and pattern.match(r.text)]
        return found[0] if len(found) == 1 else None

    def unread(self, name: str, year: str) -> bool:
        """Whether the reference sections hold an entry of first author ``name`` (as a
        callout writes it) and ``year`` that was not read as one: a line (or a stretch after
        ``;`` or ``.``) that opens with the name (or with two given names and the name:
        ``George Kapetanios, Yongcheol Shin (2006)``), the year within the next 300
        characters.
        The list is then in the document but part of it could not be split into entries (a
        PDF's columns, letter-spaced lines); a callout of such an entry is not dangling."""
        if not self.listing or not year[:4].isdigit():
            return False
        if re.fullmatch(PARTICLES, name.strip(), re.IGNORECASE):
            return False  # a particle is no surname of its own
        key = (name, year[:4])
        if key not in self.looked:
            words = name.split()
            if not words:
                return False
            # Letter-spaced by a PDF's extraction too: "X u ,M . ,W u ,J ." for "Xu, M., Wu, J.".
            written = r"[\s-]+".join(r"\s?".join(map(re.escape, w)) for w in words)
            pattern = rf"(?:^|[;.]\s)[^\w\n]{{0,3}}{_GIVEN}{written}\b[^\n]?.{{0,300}}?{year[:4]}"
            found = re.search(pattern, self.listing, re.IGNORECASE | re.MULTILINE | re.DOTALL)
            self.looked[key] = found is not None
        return self.looked[key]

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
) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], str, tuple[str, ...]]:
    """The years an entry names, those written with a letter, its authors' surnames, the
    whole first name, and an organisation's short names (none when it names no year: those
    of such an entry are never read)."""
    named, letters = years(ref)
    if not named:
        return named, letters, (), "", ()
    surnames, whole = authors(ref)
    if not surnames and whole and cjk(whole[0]) and len(whole) <= 4:
        surnames = (whole,)  # "黄雪茹. 生成式人工智能…": one author, named whole
    return named, letters, surnames, whole, short_names(ref.text) if surnames else ()


def short_names(entry: str) -> tuple[str, ...]:
    """Folded short names of an organisation that opens an entry: the initials of its name
    (``World Health Organization`` → ``who``) and a short form in brackets after it
    (``Centers for Disease Control and Prevention (CDC)`` → ``cdc``). None for a person
    (``Smith, J.``, ``J. Smith``) or a name of one word."""
    m = _ORGANISATION.match(entry)
    if m is None:
        return ()
    words = [w for w in m.group("name").split() if w[0].isupper()]
    if len(words) < 2 or any(len(w.rstrip(".")) < 2 for w in words):
        return ()  # "J. Smith", "Smith J": a person's initials
    names = ["".join(w[0] for w in words)]
    if m.group("short"):
        names.append(m.group("short"))
    return tuple(dict.fromkeys(fold(n) for n in names))
