"""Author-year citations: ``(Smith, 2020)``, ``Smith et al. (2020)``, ``(Smith 12)``.

The styles of APA, Harvard, Chicago author-date and MLA cite a work by its authors'
surnames and its year instead of a number. A callout is matched to an entry of the
reference list by the first author's surname and the year (``2020a`` and ``2020b`` told
apart by the letter the entry carries, or by their order), a two-author callout by both
surnames, ``et al.`` by an entry with more than one author. Surnames are compared without
case, diacritics or particles (``van``, ``de``, ``al-``), so ``(Van der Berg, 2020)`` cites
``van der Berg, J. (2020)``.

Forms read:

- parenthetical: ``(Smith, 2020)``, ``(Smith & Lee, 2020; Ng, 2019a)``, ``(Smith et al.,
  2020, p. 4)``, ``(see Smith 2020)``, ``(Smith, 2019, 2020)``, ``(WHO, n.d.)``, and the
  same in square brackets, ``[Smith et al., 2020]``; a group whose works a comma
  separates, ``(Ryther and Dunstan 1971, Nixon 1995)``;
- narrative: ``Smith (2020)``, ``Smith and Lee (2020)``, ``Smith et al. [2020]``,
  ``Smith's (2020)``;
- MLA: ``(Smith 12)``, ``(Smith and Lee 45–47)``, when one entry has that surname.

A callout that matches no entry is still a citation (a dangling one) when it cannot be
anything else: a comma between name and year, ``et al.`` or two names. A bare ``Name 2020``
or ``Name (2020)`` that matches nothing (``(March 2020)``, ``Tenet (2020)``) is prose.
The reader of a document without entries that carry a year never looks for callouts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from citecheck.model import Marker, MarkerKind, Reference
from citecheck.parser.authors import PARTICLE_START, PARTICLES, authors, fold, years
from citecheck.parser.memo import current
from citecheck.text.recache import lazy

# A surname: optional particles, then a capitalised word (hyphens and apostrophes inside).
_NAMED = "names and years"  # a memo's key for an entry's
_SURNAME = rf"(?:(?i:{PARTICLES})(?:\s+|[-’']))*[^\W\d_][\w’'-]*"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.(?:-[a-z])?|(?i:forthcoming|in\s+press)"
# Years of one callout: "2019, 2020", and letters after the first ("1945a,b").
_YEARS = rf"(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}|[a-z](?![\w.])))*"
# An organisation or a name of several words: "World Health Organization", "Harbour Trust".
# A group author's last word may be lower case: "Posit team", "the PyMC developers".
_GROUP = r"(?:\s+(?:team|group|consortium|collaboration|project|developers|contributors))?"
_FIRST = rf"{_SURNAME}(?:\s+(?:(?:of|for|the|on)\s+)?[A-Z][\w’'-]*){{0,5}}{_GROUP}"
# APA tells apart two works of the same first author and year by as many names as it takes
# before "et al.": "Wickham, Hester, et al., 2024" (group ``also``).
_NAMES = (
    rf"(?P<first>{_FIRST})"
    rf"(?P<rest>\s+(?i:et\s+al)\.?|(?:\s*,\s*(?P<also>{_SURNAME})){{1,2}},?\s+(?i:et\s+al)\.?"
    rf"|(?:\s*,\s*{_SURNAME}(?:\s+[A-Z][\w’'-]+)?)*,?\s+(?:&|and)\s+(?P<second>{_SURNAME}(?:\s+[A-Z][\w’'-]+){{0,3}})(?:\s+(?:Jr|Sr)\.?)?)?"
)
# Between names and year: a comma (full-width ``，`` in Chinese text, often with no space
# after it) or a space.
_SEP = r"(?:(?P<sep>\s*[,，])\s*|\s+)"
_LOCATOR = (
    r"(?:,?\s*(?i:p|pp|para|paras|ch|chap|chapter|sec|section|fig|figure|table|appendix|eq|n)"
    r"\.?\s*[\divxlc]+(?:\.\d+)*(?:\s*[-–]\s*[\divxlc]+)?"
    r"|,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)"
)
_PIECE = lazy(
    # "(BADS, Acerbi and Ma, 2017)": a method's acronym, then its callout.
    rf"^(?:[A-Z][A-Z0-9-]{{1,11}}s?,\s+(?=[A-Z][a-z]))?"
    rf"(?:(?i:see\s+also|see|e\.g\.|i\.e\.|cf\.|compare|also|as\s+in|adapted\s+from|based\s+on"
    rf"|from|via|after|(?:image|figure|data|photo)\s+(?:source|credit)s?:)\s*,?\s+)?"
    rf"{_NAMES}{_SEP}(?P<years>{_YEARS})"
    rf"{_LOCATOR}?(?:\s*,\s*for\s+[\w\s]{{1,40}})?\s*$",
)
# A citation manager's field with free text around the callout (Zotero, Mendeley: "prefix"
# and "suffix"): ``(prefix Seo, 2019, pp. 10–20 suffix)``, ``(reviewed in Smith, 2020, and
# elsewhere)``. Read only when the callout names an entry.
_CALLOUT = rf"{_NAMES}{_SEP}(?P<years>{_YEARS}){_LOCATOR}?"
_SUFFIX = r",?\s+[a-z][^()]{0,80}"
_FRAMED = (
    lazy(rf"^(?:[a-z][\w’'.-]*,?\s+){{1,6}}{_CALLOUT}(?:{_SUFFIX})?\s*$"),
    lazy(rf"^{_CALLOUT}{_SUFFIX}$"),
)
# A callout closing a parenthetical aside: "(as there are gender differences in
# perception, see McCreary, 2002)", "(e.g., for the Laplace approximation, MacKay, 1998)",
# "(e.g., from MAP optimizations as in Li et al., 2024)". Read only when the callout names
# an entry. The marker is the callout; ``at`` is where it opens.
_CLOSING = lazy(
    rf"^[^()]{{3,200}}?\s(?P<at>)(?:(?i:see\s+also|see|e\.g\.|cf\.|as\s+in)\s*,?\s+)?"
    rf"(?=[^\W\d_a-zß-ÿ]|(?i:{PARTICLES})[\s’'-])"
    rf"{_CALLOUT}\s*$"
)
_MLA = lazy(
    rf"^{_NAMES}\s+(?P<pages>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)\s*$",
)
# A parenthetical callout, or one in square brackets (``[Raffel et al., 2019]``, as some
# LaTeX styles print it) that is not a link's text (``[…](url)``), or in the full-width
# parentheses of Chinese and Japanese text (``（黄雪茹，2025）``).
_PAREN = lazy(r"\(([^()\n]{4,400})\)|\[([^\[\]\n]{4,400})\](?![(\[])|（([^（）()\n]{3,400})）")
# A Chinese callout's "et al.": ``李秀等`` (the name and 等, no space).
_DENG = "等"
# A comma may part "et al." or a second name from the year: "Borrell et al., (1997)",
# "Oh & Cho, (2025)" (a habit of writers of Spanish), never one name alone ("Lima, (2020)").
_NARRATIVE = lazy(
    rf"(?<![\w’'-]){_NAMES}(?:['’]s?)?(?(rest),?)\s+(?:\((?P<pyears>{_YEARS})"
    rf"{_LOCATOR}?\)|\[(?P<byears>{_YEAR})\])",
)
_RETRIES = 8
# "1945a,b": the letters after the first year name years of their own.
_LETTERS = lazy(r"(\d{4})[a-z](?:\s*,\s*[a-z](?![\w.]))+")


def _spell_letters(m: re.Match[str]) -> str:
    """``1945a,b`` spelt out: ``1945a, 1945b``."""
    year = m.group(1)
    return ", ".join(year + letter for letter in re.findall(r"[a-z]", m.group()[4:]))


# The comma after a year that the next work's name follows: "Nixon 1995, Howarth and…",
# or "and" between two callouts: "(Dou et al., 2019 and Chang et al., 2017)".
_YEAR_COMMA = lazy(r"(\d{4}[a-z]?)(?:,|\s+and)\s+(?=[^\W\d_])")
_POSSESSIVE = lazy(r"['’]s?$")
_ONE_YEAR = lazy(_YEAR, re.I)
# Words that open a capitalised "Name 2020" and are not authors.
_NOT_NAME_WORDS = """january february march april may june july august september october
    november december
    jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter since
    until in on at by from before after during of the a an and or version ver v release
    fiscal fy q1 q2 q3 q4 table figure fig section sec chapter ch eq equation appendix page
    pp p vol volume no number issue part step phase year years circa ca about around early
    late mid end see also eg ie cf compare as"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


@dataclass(slots=True)
class _Entry:
    ref: Reference
    surnames: tuple[str, ...]
    years: frozenset[str]
    letters: frozenset[str]


def _year_key(year: str) -> str:
    low = year.casefold()
    if low.startswith(("forthcoming", "in")):
        return "in press"
    return "n.d." if low.startswith("n") else low


@dataclass(slots=True)
class AuthorYearIndex:
    """The entries of a document by first author's surname, and the callouts that cite them."""

    entries: list[_Entry] = field(default_factory=list)
    by_surname: dict[str, list[_Entry]] = field(default_factory=dict)
    strict: bool = False
    """The list is in author-year style: a callout that names no entry is dangling."""
    group: dict[tuple[int, ...], int] | None = None
    """While a parenthetical group is read: how many callouts of it named each set of tied
    entries (see :meth:`tied`)."""

    @classmethod
    def of(cls, references: Iterable[Reference], numbered: bool = False) -> AuthorYearIndex:
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

    def scan(self, text: str, start: int, end: int, narratives: bool = True) -> list[Marker]:
        """Callouts in ``text[start:end]`` as markers (offsets into ``text``), in order;
        parenthetical ones only unless ``narratives``."""
        found: list[Marker] = []
        for m in _PAREN.finditer(text, start, end):
            inner = m.lastindex or 1
            got = self._parenthetical(text, m.start(inner), m.end(inner))
            if inner == 2 and len(got) == 1 and got[0].raw == m.group(2).strip():
                # ``[Lee et al. 2021]``: the brackets are the marker's, as a label's are.
                got = [Marker(m.start(), m.end(), m.group(), got[0].keys, MarkerKind.AUTHOR_YEAR)]
            found.extend(got)
        if not narratives:
            return found
        taken = [(mk.start, mk.end) for mk in found]
        pos, retries = start, 0
        while n := _NARRATIVE.search(text, pos, end):
            pos = n.end()
            if any(s < n.end() and n.start() < e for s, e in taken):
                continue
            marker = self._narrative(text, n)
            if marker is not None:
                found.append(marker)
            elif n.group("rest") and retries < _RETRIES:
                # "In contrast, Lee and Paek (2014)": the match opened at "contrast"; the
                # callout opens at a later name.
                pos, retries = n.end("first"), retries + 1
        found.sort(key=lambda mk: mk.start)
        return found

    def _parenthetical(self, text: str, lo: int, hi: int) -> list[Marker]:
        self.group = {}
        try:
            return self._pieces(text, lo, hi)
        finally:
            self.group = None

    def _pieces(self, text: str, lo: int, hi: int) -> list[Marker]:
        out: list[Marker] = []
        pos = lo
        spans: list[tuple[int, int]] = []
        for piece in text[lo:hi].replace("；", ";").split(";"):  # full-width too, same length
            s = pos + len(piece) - len(piece.lstrip())
            e = pos + len(piece.rstrip())
            pos += len(piece) + 1
            spans.extend(_comma_group(text, s, e))
        for s, e in spans:
            body = text[s:e]
            if m := _PIECE.match(body):
                keys = self._keys(m, m.group("years"), loose=bool(m.group("sep")))
            elif m := (_FRAMED[0].match(body) or _FRAMED[1].match(body)):
                keys = self._keys(m, m.group("years"), loose=False, sure=False)
            elif m := _CLOSING.match(body):
                keys = self._keys(m, m.group("years"), loose=False, sure=False)
                s = s + m.start("at")  # noqa: PLW2901 - the marker is the callout
            elif (m := _MLA.match(body)) and not _not_name(m.group("first")):
                ref = self.find(m.group("first"), m.group("second"), _many(m), None)
                keys = (ref.key,) if ref is not None and ref.key else ()
            else:
                continue
            if keys:
                out.append(Marker(s, e, text[s:e], keys, MarkerKind.AUTHOR_YEAR))
        return out

    def _narrative(self, text: str, m: re.Match[str]) -> Marker | None:
        years = m.group("pyears") or m.group("byears")
        words = _POSSESSIVE.sub("", m.group("first")).split()
        named = any(fold(" ".join(words[i:])) in self.by_surname for i in range(len(words)))
        if "," in (m.group("rest") or "") and not named:
            return None  # "However, Masuda et al. (2017)": the callout opens at a later name
        keys = self._keys(m, years, loose=False)
        if not keys:
            return None
        return Marker(m.start(), m.end(), m.group(), keys, MarkerKind.AUTHOR_YEAR)

    def _keys(
        self, m: re.Match[str], years: str, loose: bool, sure: bool = True
    ) -> tuple[str, ...]:
        """Keys of the entries a callout names; its own text for each year that names none
        when the callout cannot be prose (and ``sure`` allows it)."""
        words = _POSSESSIVE.sub("", m.group("first")).split()
        # "The Harbour Trust (1912)": the longest run of the words before the year that
        # names an author, else the last word.
        firsts = [" ".join(words[i:]) for i in range(len(words))]
        first = next((f for f in firsts if fold(f) in self.by_surname), firsts[-1])
        deng = len(first) > 1 and first.endswith(_DENG) and _cjk(first[0])
        first = first[:-1] if deng else first  # "李秀等": 李秀 and others
        # "jamovi project": a group author written in small letters names its entry.
        if _not_name(first) and not (" " in first and fold(first) in self.by_surname):
            return ()
        second, many = m.group("second") or m.group("also"), _many(m) or deng
        keys: list[str] = []
        sure = sure and self.strict and (loose or many or bool(second))
        name = f"{first}{_DENG}" if deng else _callout_name(m, first)
        for y in _ONE_YEAR.findall(_LETTERS.sub(_spell_letters, years)):
            year = _year_key(y)
            ref = self.find(first, second, many, year)
            tied = self.tied(first, second, many, year) if ref is not None else []
            if tied and self.group is not None:
                # One group names two such works by repeating the callout: the first
                # names the first entry, the next the second.
                sig = tuple(id(r) for r in tied)
                n = self.group.get(sig, 0)
                self.group[sig] = n + 1
                ref, tied = tied[n % len(tied)], []
            if tied:  # which of them is meant cannot be told: the callout names each
                keys.extend(r.key for r in tied if r.key)
            elif ref is not None and ref.key:
                keys.append(ref.key)
            elif sure:
                keys.append(f"{name}, {y}")
        return tuple(dict.fromkeys(keys))


def _comma_group(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The callouts of a group whose works a comma separates (ESA, CSE: ``(Ryther and
    Dunstan 1971, Nixon 1995)``), when each part reads as a callout; else the whole span."""
    if "," not in text[s:e] or _PIECE.match(text[s:e]):
        return [(s, e)]
    parts: list[tuple[int, int]] = []
    at = s
    for m in _YEAR_COMMA.finditer(text, s, e):
        parts.append((at, m.start() + len(m.group(1))))
        at = m.end()
    parts.append((at, e))
    if len(parts) < 2 or not all(_PIECE.fullmatch(text[a:b]) for a, b in parts):
        return [(s, e)]
    return parts


def narrative(marker: Marker) -> bool:
    """Whether a marker is a narrative callout, whose names are words of the sentence
    (``Smith (2020)``, ``Smith et al. [2020]``, Pandoc's ``@smith2020``)."""
    raw = marker.raw
    return marker.kind is MarkerKind.AUTHOR_YEAR and ("(" in raw or "[" in raw or raw[:1] == "@")


def _many(m: re.Match[str]) -> bool:
    rest = m.group("rest") or ""
    return "et" in rest.casefold() and "al" in rest.casefold()


def _cjk(char: str) -> bool:
    """Whether a character is a CJK ideograph (a Chinese or Japanese name has no case)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _not_name(word: str) -> bool:
    if not word[:1].isupper() and not PARTICLE_START.match(word) and not _cjk(word[:1]):
        return True
    return word.casefold().strip(".") in _NOT_NAMES


def _callout_name(m: re.Match[str], first: str) -> str:
    second = m.group("second")
    if _many(m):
        return f"{first} et al."
    return f"{first} & {second}" if second else first


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
    if not surnames and whole and _cjk(whole[0]) and len(whole) <= 4:
        surnames = (whole,)  # "黄雪茹. 生成式人工智能…": one author, named whole
    return named, letters, surnames, whole
