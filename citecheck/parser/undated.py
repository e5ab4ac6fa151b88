"""Author callouts of entries without a year: ``(vgl. Okafor et al.)``, ``(Portal c)``.

The German author-year styles of Citavi and of DIN 1505-2 write an entry that names no year
(a web page, a manual) as ``Autor: Titel`` — ``Okafor, Ada; Lindqvist, Per;
Sato, Ken: Scheduling Pipelines …`` — and cite it by its authors alone:
``(vgl. Okafor et al.)``. A work with no person for author gets a short label that
opens its entry, and Citavi tells apart such works of one label by a letter after it, as
it does years: ``Portal a: Overview …``, ``Portal b: Documentation …``,
cited ``(vgl. Portal b)``. With no year to match, :mod:`.authoryear` never reads them.

An entry is indexed here when it names no year and opens with ``Name: Title`` (the name
within 120 characters, no full stop before the colon but an initial's): by its whole
label when the name is a short one with no comma (``Portal c``), else by its first
author's surname (the words before the first comma) with the number of authors the
semicolons or slashes part. A parenthetical cites it when, after a paraphrase's prefix
(``vgl.``, ``siehe``, ``cf.``, ``see``) and before a page (``, S. 4``), it holds the
label, or the first surname with ``et al.``/``u. a.`` (three authors or more), with ``und``,
``and``, ``&`` or ``/`` and the second surname (two), or alone (one). A surname two such
entries share names neither. It is read only where the list is in author-year style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import Marker, MarkerKind, Reference
from citecheck.parser.authors import fold, years
from citecheck.text.recache import lazy

__all__ = ["UndatedIndex"]

# "Name: Title": the opening up to the first colon, no sentence's full stop before it.
_OPENING = lazy(r"^\W{0,3}(?P<name>[^\W\d][^:\n]{0,118}?)\s*:\s+\S")
_SENTENCE_STOP = lazy(r"[^\W\d]{2}\.\s")
_AUTHOR_SEPARATOR = lazy(r"\s*(?:;|/|\bund\b|\band\b|&)\s*")
_PAREN = lazy(
    r"\((?:(?:vgl|cf|see|siehe|s)\.?\s+)?(?P<name>[^\W\d][^()\d;:,\n]{0,60}?)"
    r"(?:\s*,\s*(?:s|sp|p|pp|kap|abs)\.?\s*\d[^()\n]{0,20})?\)",
    re.IGNORECASE,
)
_CALLOUT = lazy(
    r"^(?P<first>[^\W\d][\w’'-]*)(?:\s+(?P<many>et\.?\s*al\.?|u\.\s?a\.)"
    r"|\s*(?:\bund\b|\band\b|&|/)\s*(?P<second>[^\W\d][\w’'-]*))?$",
    re.IGNORECASE,
)
_LABEL_WORDS = 4


@dataclass(slots=True)
class UndatedIndex:
    """Entries with no year by their label and by first surname, and their callouts."""

    labels: dict[str, Reference] = field(default_factory=dict)
    by_surname: dict[str, list[tuple[Reference, tuple[str, ...]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, references: list[Reference]) -> UndatedIndex:
        """Index the keyed entries of ``references`` that name no year and open with
        ``Name: Title``."""
        index = cls()
        shared: set[str] = set()
        for ref in references:
            if ref.key is None or ref.note or years(ref)[0]:
                continue
            m = _OPENING.match(ref.text)
            if m is None or _SENTENCE_STOP.search(m.group("name")):
                continue
            name = " ".join(m.group("name").split())
            if "," not in name and len(name.split()) <= _LABEL_WORDS:
                label = fold(name)
                if label in index.labels:
                    shared.add(label)
                if label:
                    index.labels[label] = ref
                if " " in name:
                    continue
            pieces = [p for p in _AUTHOR_SEPARATOR.split(name) if p.strip()]
            surnames = tuple(fold(p.split(",")[0]) for p in pieces)
            if surnames and surnames[0]:
                index.by_surname.setdefault(surnames[0], []).append((ref, surnames))
        for label in shared:
            del index.labels[label]
        return index

    def __bool__(self) -> bool:
        return bool(self.labels or self.by_surname)

    def scan(self, text: str, start: int, end: int) -> list[Marker]:
        """The callouts in ``text[start:end]`` of indexed entries, as markers over what
        the parentheses hold (offsets into ``text``), in order."""
        found: list[Marker] = []
        for m in _PAREN.finditer(text, start, end):
            ref = self.find(m.group("name"))
            if ref is not None and ref.key:
                a, b = m.start() + 1, m.end() - 1
                found.append(Marker(a, b, text[a:b], (ref.key,), MarkerKind.AUTHOR_YEAR))
        return found

    def find(self, name: str) -> Reference | None:
        """The one entry a callout's names (``Portal c``, ``Okafor et al.``,
        ``Krüger und Lenz``) cite, or None."""
        name = " ".join(name.split())
        if (ref := self.labels.get(fold(name))) is not None:
            return ref
        m = _CALLOUT.match(name)
        if m is None or not m.group("first")[0].isupper():
            return None
        pool = self.by_surname.get(fold(m.group("first")), [])
        if m.group("many"):
            pool = [(r, s) for r, s in pool if len(s) >= 3]
        elif m.group("second"):
            second = fold(m.group("second"))
            pool = [(r, s) for r, s in pool if len(s) == 2 and s[1] == second]
        else:
            pool = [(r, s) for r, s in pool if len(s) == 1]
        return pool[0][0] if len(pool) == 1 else None
