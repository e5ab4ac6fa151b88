"""Patterns with a cheap test in front: the strings a pattern cannot match without.

A search for one of many words (``\\b(?:journal|volume|…)\\b`` with IGNORECASE) tries every
alternative at every word of the text: slow, and usually fruitless. Most texts hold none of
the pattern's *needles* (substrings that every match contains), and a substring test
(``in``) over them costs a fraction of the search, so the pattern runs only on texts that
hold one. Needles are lower case for a pattern that ignores case, and then tested against
the lower-cased text; a text that is not ASCII is always searched, since IGNORECASE folds
letters (``ſ``, ``K``) that ``str.lower`` does not. ``tests/test_needles.py`` checks that
each guarded pattern gives what the bare pattern gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.text.recache import lazy


@dataclass(frozen=True, slots=True)
class Guarded:
    """A compiled pattern and the needles every one of its matches contains."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    fold: bool  # the pattern ignores case: needles are looked for in the lower-cased text

    @classmethod
    def of(cls, pattern: str, needles: str, flags: int = 0) -> Guarded:
        """Compile ``pattern`` (on its first use); ``needles`` is a space-separated list
        (``_`` for a space)."""
        fold = bool(flags & re.IGNORECASE)
        words = tuple(n.replace("_", " ") for n in needles.split())
        return cls(lazy(pattern, flags), tuple(w.lower() for w in words) if fold else words, fold)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when the text holds no needle.

        ``low`` is ``text.lower()`` when the text is ASCII, else None (see :func:`lowered`).
        """
        probe = low if self.fold else text
        if probe is not None and not any(map(probe.__contains__, self.needles)):
            return None
        return self.pattern.search(text)


def lowered(text: str) -> str | None:
    """The text in lower case when it is ASCII (where lower case is what IGNORECASE
    compares), else None."""
    return text.lower() if text.isascii() else None
