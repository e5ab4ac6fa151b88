"""The tables of news outlets that :mod:`citecheck.text.outlets` looks names up in.

Built once from :data:`citecheck.text.outlet_names.OUTLETS` (and again with the aliases a
configuration adds): each name's key (its letters in lower case, a leading "the" dropped)
→ the canonical outlet, or None when several outlets share the name; each web domain → its
outlet; one pattern of every name, longest first; and each name's *anchor*, its rarest
word, with which :meth:`OutletTables.anchors` rules out in one split into words a text that
names no outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from citecheck.text.outlet_names import CASE_SENSITIVE as _CASE_SENSITIVE
from citecheck.text.outlet_names import OUTLETS
from citecheck.text.recache import lazy

# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not.
_ODD_CASES = str.maketrans({"İ": "i", "ı": "i", "K": "k", "ſ": "s"})
_LETTERS = lazy(r"[^\W\d_]+")
_THE = lazy(r"^the\s+", re.I)
_NOT_LETTERS = lazy(r"[\W_]+")
# The same runs in ASCII, as the words of a byte translation: other bytes become spaces,
# and capitals become small letters too for the words in lower case.
_ASCII_RUNS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ASCII_LOWER_RUNS = _ASCII_RUNS.translate(
    bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
)


def _ascii_runs(text: str, table: bytes = _ASCII_RUNS) -> list[str]:
    """The runs of letters of an ASCII text (in lower case with ``_ASCII_LOWER_RUNS``)."""
    return text.encode().translate(table).decode().split()


_COMMON_WORDS = frozenset(
    {"the", "new", "news", "times", "post", "world", "service", "daily", "agency", "of", "al"}
)


@dataclass(frozen=True, slots=True)
class OutletTables:
    """Name → canonical outlet (None when ambiguous), domain → outlet, the name pattern.

    ``exact`` and ``folded`` hold one word of every name, its *anchor* (as spelled for
    names matched case-sensitively, in lower case for the others): a text with none of them
    names no outlet, and one that holds a few is searched for the names of those alone.
    """

    names: dict[str, str | None]
    domains: dict[str, str]
    pattern: re.Pattern[str]
    exact: frozenset[str]
    folded: frozenset[str]
    lowered: frozenset[str]  # both, in lower case
    # (lower-case anchor, pattern, outlet) of each name, in order; the outlet is "" when the
    # name is not ASCII (case folding may make it stand for another).
    spelled: tuple[tuple[str, str, str | None], ...]

    def anchors(self, text: str) -> frozenset[str]:
        """The anchors a text holds, in lower case (cheap; none when it names no outlet)."""
        split: Callable[[str], list[str]] = _ascii_runs
        if text.isascii():
            words = _ascii_runs(text, _ASCII_LOWER_RUNS)
        else:  # no name has these letters, so exact words survive
            text, split = text.translate(_ODD_CASES), _LETTERS.findall
            words = split(text.lower())
        if self.lowered.isdisjoint(words):  # the usual case: one scan decides
            return frozenset()
        if self.folded.isdisjoint(words) and self.exact.isdisjoint(split(text)):
            return frozenset()
        return self.lowered.intersection(words)


_AMBIGUOUS = ("the times", "the post")  # names of several outlets, whatever the aliases


def alternation(alternatives: list[str]) -> str:
    return rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"


def _anchor(name: str) -> str:
    """The word of a name least likely to occur in ordinary prose."""
    words: list[str] = _LETTERS.findall(name)
    rare = [w for w in words if w.lower() not in _COMMON_WORDS] or words
    return max(rare, key=len)


@lru_cache(maxsize=8)
def tables(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> OutletTables:
    """Return the lookup tables and the name pattern, with configured aliases added."""
    names: dict[str, str | None] = {}
    domains: dict[str, str] = {}
    table = dict(OUTLETS)
    for canonical, aliases in extra:
        old_aliases, old_domains = table.get(canonical, ((), ()))
        table[canonical] = ((*old_aliases, *aliases), old_domains)
    for canonical, (aliases, doms) in table.items():
        for name in (canonical, *aliases):
            key = name_key(name)
            names[key] = canonical if names.get(key, canonical) == canonical else None
        for dom in doms:
            domains[dom] = canonical
    spelled = sorted({n for c, (a, _) in table.items() for n in (c, *a)}, key=len, reverse=True)
    sensitive = [n for n in spelled if n in _CASE_SENSITIVE or " " not in n]
    alternatives = [
        re.escape(n) if n in sensitive else "(?i:" + re.escape(n) + ")" for n in spelled
    ]
    exact = frozenset(_anchor(n) for n in sensitive)
    folded = frozenset(_anchor(n).lower() for n in spelled if n not in sensitive)
    lowered = folded | {a.lower() for a in exact}
    # The outlet a name's match stands for, as canonical() finds it ("the Post": none).
    anchored = tuple(
        (_anchor(n).lower(), alt, standing_for(n, names) if n.isascii() else "")
        for n, alt in zip(spelled, alternatives, strict=True)
    )
    # Every name at once: compiled (a long alternation) only for a text that holds many
    # anchors, which few do.
    everything = lazy(alternation(alternatives))
    return OutletTables(names, domains, everything, exact, folded, frozenset(lowered), anchored)


def name_key(name: str) -> str:
    name = _THE.sub("", name.strip())
    return _NOT_LETTERS.sub(" ", name).strip().casefold()


def standing_for(name: str, names: dict[str, str | None]) -> str | None:
    if name.strip().casefold() in _AMBIGUOUS:
        return None
    return names.get(name_key(name))
