"""Back references of author-year text: ``(ebd.)``, ``(vgl. ebd., S. 12)``, ``(ibid., p. 4)``.

A writer who cites the same work twice in a row may write, instead of its authors and
year, the word for "the same place": Latin ``ibid.``/``ibidem``, German ``ebd.``/``ebenda``
(the Zitierleitfäden of German universities, after DIN 1505-2: the same source, another
page), often with a page of its own (``ebd.: 3``, ``ibid., p. 4``)
and the prefix of a paraphrase (``vgl.``, ``cf.``, ``see``). Such a parenthetical cites the
work of the author-year callout read before it, in the same paragraph or an earlier one.

It is read only in a document whose list is in author-year style, where callouts are read
at all; one with no callout before it names nothing and is dropped. A group that names
another work beside it (``(ebd.: 18; vgl. Havelock 1963: 47)``) is left to the callout
reader. The marker's keys are filled in document order, by :class:`Previous`, after the
block's markers are read (a block's markers may be kept across checks; the callout before
it may not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.model import Marker, MarkerKind
from citecheck.text.recache import lazy

__all__ = ["BACK_REFERENCE", "Previous", "back_references"]

BACK_REFERENCE = "a back reference to the callout before it"
"""The ``problem`` a back reference carries until :meth:`Previous.resolve` names its work."""

# The word, perhaps after a paraphrase's prefix, perhaps with a locator after a comma, a
# colon or a space (``ebd. S. 5``); never a second work after ";".
_BACK = lazy(
    r"\((?P<inner>(?:(?:vgl|cf|siehe|see|s)\.?\s+)?(?:ebenda|ebd|ibidem|ibid)\b\.?"
    r"(?:\s*[,:]?\s*(?=\w)[^();\n]{1,40}?)?)\s*\)",
    re.IGNORECASE,
)
# What may follow the word: a locator, not prose (``(ebd. und die Autorin)``).
_LOCATOR = lazy(
    r"\s*[,:]?\s*(?:(?:s|sp|p|pp|kap|abs|rn|rz|ch|chap|sec|fig|n)\.?\s*)?[\divxlc]+"
    r"(?:\.\d+)*(?:\s*[-–]\s*[\divxlc]+)?(?:\s?ff?\.?)?"
    r"(?:\s*[,&]?\s*(?:s|sp|p|pp|kap|abs|rn|rz|ch|chap|sec|fig|n)\.?\s*[\divxlc]+(?:\.\d+)*)*",
    re.IGNORECASE,
)


def back_references(text: str, start: int, end: int) -> list[Marker]:
    """The back references in ``text[start:end]``, as markers over what the parentheses
    hold (offsets into ``text``), in order; each has no keys yet and the problem
    :data:`BACK_REFERENCE`."""
    found: list[Marker] = []
    for m in _BACK.finditer(text, start, end):
        inner = m.group("inner")
        word = re.search(r"(?i)ebenda|ebd|ibidem|ibid", inner)
        assert word is not None  # the pattern holds one
        rest = inner[word.end() :].lstrip(".")
        if rest.strip() and not _LOCATOR.fullmatch(rest):
            continue
        a, b = m.start("inner"), m.end("inner")
        found.append(Marker(a, b, text[a:b], (), MarkerKind.AUTHOR_YEAR, problem=BACK_REFERENCE))
    return found


@dataclass(slots=True)
class Previous:
    """The keys of the last author-year callout read, block after block in document order."""

    keys: tuple[str, ...] = ()

    def resolve(self, markers: list[Marker]) -> list[Marker]:
        """``markers`` (a block's, in order) with each back reference given the keys of the
        callout before it, and those with none before them left out; remembers the last
        callout's keys for the blocks after."""
        out: list[Marker] = []
        for m in markers:
            if m.problem == BACK_REFERENCE:
                if not self.keys:
                    continue
                m.keys, m.problem = self.keys, None
            elif m.kind is MarkerKind.AUTHOR_YEAR and m.keys and m.problem is None:
                self.keys = m.keys
            out.append(m)
        return out
