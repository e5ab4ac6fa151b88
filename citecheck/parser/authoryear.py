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
from dataclasses import dataclass

from citecheck.model import Document, Marker, MarkerKind
from citecheck.parser.authors import PARTICLES, fold
from citecheck.parser.calloutforms import (
    BLANK_LINE,
    CAPITALS,
    CLOSING,
    DENG,
    FRAMED,
    LETTERS,
    MLA,
    NARRATIVE,
    ONE_YEAR,
    PAREN,
    PIECE,
    POSSESSIVE,
    YEAR_COMMA,
    callout_name,
    cjk,
    has_et_al,
    joined,
    not_name,
    spell_letters,
    unbroken,
)
from citecheck.parser.entrymatch import EntryIndex, year_key
from citecheck.text.recache import lazy

_PAREN = PAREN  # the pattern start-up time is measured on (tests/test_startup.py)
_RETRIES = 8
# Small words a narrative callout's match may open with that are no particle of a name.
LEADING_WORDS = lazy(rf"(?:(?!(?i:{PARTICLES})\s)[a-z][\w’'-]*\s+)*(?=[^\W\d_a-zß-ÿ])")
PARTICLE_WORDS = lazy(rf"(?<!\S)(?i:{PARTICLES})(?!\S)")
# A callout of an entry the list holds but that could not be read: a citation, not a
# dangling one (see ``EntryIndex.unread``).
UNREAD_ENTRY = "its entry is in the reference list but could not be read"


@dataclass(slots=True)
class AuthorYearIndex(EntryIndex):
    """The entries of a document by first author's surname, and the callouts that cite them."""

    group: dict[tuple[int, ...], int] | None = None
    """While a parenthetical group is read: how many callouts of it named each set of tied
    entries (see :meth:`tied`)."""
    skipped: bool = False
    """The last callout read named an entry the list holds unread (see :meth:`unread`)."""

    def scan(self, text: str, start: int, end: int, narratives: bool = True) -> list[Marker]:
        """Callouts in ``text[start:end]`` as markers (offsets into ``text``), in order;
        parenthetical ones only unless ``narratives``."""
        found: list[Marker] = []
        for m in PAREN.finditer(text, start, end):
            inner = m.lastindex or 1
            if BLANK_LINE.search(text, m.start(inner), m.end(inner)):
                continue  # "(" and ")" of two paragraphs
            got = self._parenthetical(text, m.start(inner), m.end(inner))
            if inner == 2 and len(got) == 1 and got[0].raw == m.group(2).strip():
                # ``[Lee et al. 2021]``: the brackets are the marker's, as a label's are.
                got = [Marker(m.start(), m.end(), m.group(), got[0].keys, MarkerKind.AUTHOR_YEAR)]
            found.extend(got)
        if not narratives:
            return found
        taken = [(mk.start, mk.end) for mk in found]
        pos, retries = start, 0
        while n := NARRATIVE.search(text, pos, end):
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
        # Read over the callout's line ends: ``(Kirk-\nley et al., 2018)`` as ``Kirkley``.
        clean, where = unbroken(text[lo:hi])
        out: list[Marker] = []
        for s, e, body in _works(clean):
            if m := PIECE.match(body):
                keys = self._keys(m, m.group("years"), loose=bool(m.group("sep")))
            elif m := (FRAMED[0].match(body) or FRAMED[1].match(body)):
                keys = self._keys(m, m.group("years"), loose=False, sure=False)
            elif m := CLOSING.match(body):
                keys = self._keys(m, m.group("years"), loose=False, sure=False)
                s = s + m.start("at")  # noqa: PLW2901 - the marker is the callout
            elif (m := MLA.match(body)) and not not_name(m.group("first")):
                ref = self.find(m.group("first"), m.group("second"), has_et_al(m), None)
                keys = (ref.key,) if ref is not None and ref.key else ()
            else:
                continue
            if keys or self.skipped:
                a = lo + (s if where is None else where[s])
                b = lo + (e if where is None else where[e - 1] + 1)
                problem = None if keys else UNREAD_ENTRY
                out.append(Marker(a, b, text[a:b], keys, MarkerKind.AUTHOR_YEAR, problem=problem))
        return out

    def _narrative(self, text: str, m: re.Match[str]) -> Marker | None:
        years = m.group("pyears") or m.group("byears")
        words = POSSESSIVE.sub("", m.group("first")).split()
        named = any(fold(" ".join(words[i:])) in self.by_surname for i in range(len(words)))
        if "," in (m.group("rest") or "") and not named:
            return None  # "However, Masuda et al. (2017)": the callout opens at a later name
        keys = self._keys(m, years, loose=False)
        if not keys and not self.skipped:
            return None
        problem = None if keys else UNREAD_ENTRY
        # "by Chen (2019)", "and Tadi and Kortchemski (2021)": the callout opens at the name.
        lead = LEADING_WORDS.match(m.group())
        at = m.start() + (lead.end() if lead else 0)
        raw = text[at : m.end()]
        return Marker(at, m.end(), raw, keys, MarkerKind.AUTHOR_YEAR, problem=problem)

    def _keys(
        self, m: re.Match[str], years: str, loose: bool, sure: bool = True
    ) -> tuple[str, ...]:
        """Keys of the entries a callout names; its own text for each year that names none
        when the callout cannot be prose (and ``sure`` allows it)."""
        self.skipped = False
        words = POSSESSIVE.sub("", m.group("first")).split()
        # "The Harbour Trust (1912)": the longest run of the words before the year that
        # names an author, else the last word.
        firsts = [" ".join(words[i:]) for i in range(len(words))]
        first = next((f for f in firsts if fold(f) in self.by_surname), firsts[-1])
        deng = len(first) > 1 and first.endswith(DENG) and cjk(first[0])
        first = first[:-1] if deng else first  # "李秀等": 李秀 and others
        # "jamovi project", "textmood": a group author written in small letters names
        # its entry (one word only when the entry opens with it as written).
        if not_name(first) and not (
            (" " in first and fold(first) in self.by_surname) or self.written(first)
        ):
            return ()
        second, many = m.group("second") or m.group("also"), has_et_al(m) or deng
        keys: list[str] = []
        # "Tadi and Witzany Financial Innovation (2025)", a running head; "Tian Wang & Dongmei
        # Hu (2019)", a cover page citing the paper itself: a second author of several
        # capitalised words is a sure callout only when it names an entry.
        plain = bool(second) and len(second.split()) - len(PARTICLE_WORDS.findall(second)) == 1
        paired = bool(m.group("also")) or (plain and joined(m))
        # A callout of an unread entry is one in any form; a dangling one only in a sure form.
        unread = sure and self.strict
        sure = unread and (loose or many or paired)
        name = f"{first}{DENG}" if deng else callout_name(m, first)
        for y in ONE_YEAR.findall(LETTERS.sub(spell_letters, years)):
            year = year_key(y)
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
            elif unread and (listed := self.opening(first, y)) is not None and listed.key:
                keys.append(listed.key)
            elif unread and self.unread(first, y):
                self.skipped = True
            elif sure:
                keys.append(f"{' '.join(name.split())}, {y}")
        return tuple(dict.fromkeys(keys))


def _comma_group(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The callouts of a group whose works a comma separates (ESA, CSE: ``(Ryther and
    Dunstan 1971, Nixon 1995)``), when each part reads as a callout; else the whole span."""
    if "," not in text[s:e] or PIECE.match(text[s:e]):
        return [(s, e)]
    parts: list[tuple[int, int]] = []
    at = s
    for m in YEAR_COMMA.finditer(text, s, e):
        parts.append((at, m.start() + len(m.group(1))))
        at = m.end()
    parts.append((at, e))
    if len(parts) < 2 or not all(PIECE.fullmatch(text[a:b]) for a, b in parts):
        return [(s, e)]
    return parts


def _works(inner: str) -> list[tuple[int, int, str]]:
    """The works a parenthetical names, as spans of ``inner`` and the text each is read as:
    split at ``;`` (full-width too) and at the commas of ESA and CSE groups. ABNT separates
    the authors of one work by ``;`` and writes them in capitals: ``(SILVA; SANTOS, 2019)``
    is read as one work of Silva and Santos (``(MCMC; Robert, 2007)`` is not)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in inner.replace("；", ";").split(";"):  # same length
        s = pos + len(piece) - len(piece.lstrip())
        e = pos + len(piece.rstrip())
        pos += len(piece) + 1
        spans.extend(_comma_group(inner, s, e))
    works: list[tuple[int, int, str]] = []
    names: list[tuple[int, int]] = []
    for s, e in spans:
        if CAPITALS.fullmatch(inner, s, e):
            names.append((s, e))
            continue
        # Only when the last author is in capitals too: "(MCMC; Robert, 2007)" names a
        # method, then a work.
        last = PIECE.match(inner[s:e]) if names else None
        if last and CAPITALS.fullmatch(last.group("first")):
            joined = [inner[a:b] for a, b in names] + [inner[s:e]]
            body = ", ".join(joined[:-1]) + " & " + joined[-1]
            works.append((names[0][0], e, body))
        else:
            works.extend((a, b, inner[a:b]) for a, b in names)
            works.append((s, e, inner[s:e]))
        names = []
    works.extend((a, b, inner[a:b]) for a, b in names)
    return works


def listing(doc: Document) -> str:
    """The text of a document's reference sections, each from its heading to the next
    section's (or the text's end, 60,000 characters at most): a list whose entries could
    not all be split is still there to look in (see ``EntryIndex.unread``), even where
    its section was closed early."""
    text, sections = doc.text, doc.sections
    if not sections:
        return ""
    ends = [s.start for s in sections[1:]] + [len(text)]
    return "\n".join(
        text[s.start : min(end, s.start + 60_000)] for s, end in zip(sections, ends, strict=True)
    )


def narrative(marker: Marker) -> bool:
    """Whether a marker is a narrative callout, whose names are words of the sentence
    (``Smith (2020)``, ``Smith et al. [2020]``, Pandoc's ``@smith2020``)."""
    raw = marker.raw
    return marker.kind is MarkerKind.AUTHOR_YEAR and ("(" in raw or "[" in raw or raw[:1] == "@")
