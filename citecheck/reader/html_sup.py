"""Superscript numerals that cite a numbered list (Vancouver, AMA): ``<sup>1</sup>``,
``<sup>2,3</sup>``, ``<sup>4–6</sup>``.

A superscript is a citation only when the page has a numbered reference list (an ``<ol>``,
or entries that open with their number, under a reference heading) that holds every number
it names, and only where a numeral could not be an exponent, a unit's power, an isotope's
mass number or an ordinal: not after a digit, a closing bracket or a symbol of one or two
letters (``10<sup>6</sup>``, ``m<sup>2</sup>``, ``mc<sup>2</sup>``, ``(a+b)<sup>2</sup>``),
and not glued to the word after it (``<sup>14</sup>C``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from citecheck.text.recache import lazy

_GROUP = lazy(r"^\[?\(?\s*(\d{1,3}(?:\s*[,;–—-]\s*\d{1,3})*)\s*\)?\]?$")
_PART = lazy(r"(\d{1,3})(?:\s*[–—-]\s*(\d{1,3}))?")
_LEAD = lazy(r"^\s*\[?(\d{1,3})[.\])]")
_TAGS = lazy(r"(?:<[^>]*>)*")
_WORD_END = lazy(r"[^\W\d_]+$")
_SENTENCE = frozenset(".,;:!?。，；：！？、")


@dataclass(slots=True)
class Superscripts:
    """The numbers of the page's numbered reference lists, and its source."""

    numbers: frozenset[int]
    source: str

    @classmethod
    def of(
        cls, body: Any, source: str, numbers: dict[int, int], heading: re.Pattern[str]
    ) -> Superscripts | None:
        """The superscripts of a page, or None when it has no numbered reference list."""
        found: set[int] = set()
        inside = False
        for el in body.css("h1, h2, h3, h4, h5, h6, li, p"):
            if len(el.tag) == 2 and el.tag[0] == "h":
                inside = bool(heading.match(" ".join(el.text(deep=True).split())))
            elif inside and el.mem_id in numbers:
                found.add(numbers[el.mem_id])
            elif inside and (m := _LEAD.match(el.text(deep=True))):
                found.add(int(m.group(1)))
        return cls(frozenset(found), source) if found else None

    def marker(self, el: Any, before: str, end: int) -> str | None:
        """The marker a ``<sup>`` is (``[2,3]``), or None; ``before`` is the text it is
        glued to (a blank when a space comes first), ``end`` where its end tag ends."""
        if el.css_first("a") is not None:
            return None  # a link's: the link says what it cites
        text = " ".join(el.text(deep=True).split())
        m = _GROUP.match(text)
        if m is None or not _cites(before, self._after(end)):
            return None
        wanted: list[int] = []
        for part in _PART.finditer(m.group(1)):
            first, last = int(part.group(1)), int(part.group(2) or part.group(1))
            if last < first or last - first > 50:
                return None
            wanted.extend(range(first, last + 1))
        if not wanted or not all(n in self.numbers for n in wanted):
            return None
        return f"[{m.group(1)}]"

    def _after(self, end: int) -> str:
        """The first character after ``end``, tags skipped."""
        tags = _TAGS.match(self.source, end)
        pos = tags.end() if tags else end
        return self.source[pos : pos + 1] or " "


def _cites(before: str, after: str) -> bool:
    """Whether the text around a superscript numeral lets it be a citation."""
    last = before[-1:] or " "
    if last.isspace() or last in _SENTENCE or last in "\"'”’»）」』》】":
        return not after.isalnum() or last in _SENTENCE
    if last.isdigit() or last in ")]}+-−=/^*":
        return False
    word = _WORD_END.search(before)
    return word is not None and len(word.group()) > 2 and not after.isalnum()


def cleanup_tag(el: Any) -> str | None:
    """The placeholder a wiki's inline cleanup tag is, written as a bracket, or None.

    Wikipedia's Template:Citation needed and its peers in other editions render as
    ``<sup class="noprint Inline-Template Template-Fact"><a …>要出典</a></sup>``; some
    editions put the brackets inside the link, some outside it, some leave them out. A tag
    without brackets is ``[要出典]`` when its words are a placeholder's
    (:data:`citecheck.text.vocab.PLACEHOLDER`); a bracketed one is read as text, and any
    other superscript gives None.
    """
    classes = (el.attributes.get("class") or "").split()
    if not any(c in _CLEANUP_CLASSES for c in classes):
        return None
    from citecheck.text.vocab import PLACEHOLDER

    text = " ".join(el.text(deep=True).split())
    if text.startswith("[") and text.endswith("]"):
        return None  # read as it stands: the bracket's place is where its text starts
    return f"[{text}]" if text and PLACEHOLDER.match(text) else None


_CLEANUP_CLASSES = frozenset({"Template-Fact", "Inline-Template"})
