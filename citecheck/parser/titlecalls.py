"""Author-date callouts of works with no author: the title stands where the names would.

The author-date styles list and cite a work that names no author by its title: the
entry opens with the title, and the callout gives the title (or its first words) and the
year, a quoted title for an article or a page, an italic one for a book or a report
(The Chicago Manual of Style, 17th ed., 15.32; APA Publication Manual, 7th ed., 8.14).
Pandoc's citeproc writes them so: ``(“Протяженность автомобильных дорог …” 2016)``,
``(Стратегия развития арктической зоны …, n.d.)``, ``(“Global Tide Report” 2019; Lind
1999)``. The author-year reader (:mod:`.authoryear`) looks for names before the year and
finds none to match; these callouts are read here.

A bracketed item is such a callout when its text before the year (``1987``, ``2016a``,
``n.d.``) opens with the same :data:`LEAST_WORDS` words or more as the title at the head
of an entry that names no author, and that entry carries the year (or none, or
``n.d.``). Words are compared folded (case, quotation marks and punctuation aside), so a
callout that shortens the title to its first words, or ends it in an ellipsis, still
names its entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.model import Marker, MarkerKind, Reference
from citecheck.text.recache import lazy

LEAST_WORDS = 2
_COMPARED = 6  # words of a title compared at most
_PARENS = lazy(r"\(([^()\n]{6,400})\)")
_ITEM = lazy(r"^\s*(?P<title>\S.*?)[\s,]+(?P<year>(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.)\s*$", 0)
_WORD = lazy(r"[^\W_]+")
_YEAR = lazy(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_NO_DATE = lazy(r"\bn\.\s?d\b", 0)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))[:_COMPARED]


@dataclass(slots=True)
class _Titled:
    key: str
    words: tuple[str, ...]
    years: frozenset[str]


@dataclass(slots=True)
class TitleCalls:
    """The entries of a list that name no author, by the first words of their title."""

    entries: list[_Titled]

    @classmethod
    def of(cls, refs: list[Reference]) -> TitleCalls | None:
        """The index of ``refs`` that open with a title and name no author, or None when
        there is none (the scan is then skipped)."""
        entries = []
        for ref in refs:
            if ref.authors or not ref.key or not ref.title:
                continue
            head = ref.text.lstrip(" \t“”\"'«»„")
            title = ref.title.strip(" \t“”\"'«»„")
            if not title or not head.startswith(title[:12]):
                continue  # the title is not what the entry opens with
            words = _words(title)
            if len(words) < LEAST_WORDS:
                continue
            years = frozenset(_YEAR.findall(ref.text))
            if _NO_DATE.search(ref.text) or not years:
                years |= {"n.d."}
            entries.append(_Titled(ref.key, words, years))
        return cls(entries) if entries else None

    def scan(self, masked: str, start: int, end: int) -> list[Marker]:
        """The title-year callouts between ``start`` and ``end`` of ``masked``, one
        marker per bracketed item that names an entry (see the module's docstring)."""
        found: list[Marker] = []
        for m in _PARENS.finditer(masked, start, end):
            at = m.start(1)
            for item in m.group(1).split(";"):
                key = self._named(item)
                if key is not None:
                    lead = len(item) - len(item.lstrip())
                    s, e = at + lead, at + len(item.rstrip())
                    found.append(Marker(s, e, masked[s:e], (key,), MarkerKind.AUTHOR_YEAR))
                at += len(item) + 1
        return found

    def _named(self, item: str) -> str | None:
        m = _ITEM.match(item)
        if m is None:
            return None
        words = _words(m.group("title"))
        if len(words) < LEAST_WORDS:
            return None
        year = m.group("year")
        year = "n.d." if year.startswith("n") else year.rstrip("abcdefghijklmnopqrstuvwxyz")
        for entry in self.entries:
            n = min(len(words), len(entry.words))
            if words[:n] == entry.words[:n] and year in entry.years:
                return entry.key
        return None
