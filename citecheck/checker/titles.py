"""Titles of two references: what sets one issue of a series apart, and where two differ.

Near-identical titles of one outlet are one source, unless the words that differ number
an issue of a series: a date, a number, a part, a volume or an edition ("Labour market
overview: December 2022" and "…: December 2023", "part 1" and "part 2"). Those words are
the title's *marks*; two titles with different marks are different sources.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from citecheck.text.recache import lazy

_WORDS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter",
        "morning", "afternoon", "evening", "night", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "first", "second",
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "a", "b", "c", "d", "e",
    )
)  # fmt: skip
# After these words a letter or a roman numeral numbers the part: "Part B", "Volume I".
_SERIES = frozenset(
    (
        "part", "pt", "vol", "volume", "book", "chapter", "ch", "no", "number", "issue",
        "season", "episode", "ep", "phase", "act", "appendix", "annex", "section",
        "edition", "ed",
    )
)  # fmt: skip
_ROMAN = lazy(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_NUMBER = lazy(r"\d")
_ROMANISH = lazy(r"(?<!\S)[ivxlc]+(?!\S)")  # a word that a roman numeral could be
_SHOWN = 40


def marks(title: str) -> tuple[str, ...]:
    """Return the words of a normalised title (lower case, words separated by single
    spaces) that number an issue of a series: numbers, dates, ordinals, roman numerals
    (``ii`` or longer, or any after a word such as "part"), and letters after "part"."""
    words = title.split()
    if _WORDS.isdisjoint(words) and not _NUMBER.search(title) and not _ROMANISH.search(title):
        return ()  # the usual case: no word that can number an issue
    out = []
    for i, word in enumerate(words):
        after_series = i > 0 and words[i - 1] in _SERIES
        named = word in _WORDS or _ROMAN.fullmatch(word)
        if _NUMBER.search(word) or (named and (len(word) > 1 or after_series)):
            out.append(word)
    return tuple(out)


def difference(a: str, b: str) -> tuple[str, str] | None:
    """Return the stretch where two titles differ, one word of context on each side and
    ``…`` for what is left out, as ``(in a, in b)``; None when they are the same words."""
    aw, bw = a.rstrip(" .").split(), b.rstrip(" .").split()
    ops = [
        op for op in SequenceMatcher(None, aw, bw, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if not ops:
        return None
    i1, i2 = max(ops[0][1] - 1, 0), min(ops[-1][2] + 1, len(aw))
    j1, j2 = max(ops[0][3] - 1, 0), min(ops[-1][4] + 1, len(bw))
    return _show(aw, i1, i2), _show(bw, j1, j2)


def _show(words: list[str], lo: int, hi: int) -> str:
    text = " ".join(words[lo:hi])
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1].rstrip() + "…"
        hi = len(words)
    return ("…" if lo else "") + text + ("…" if hi < len(words) else "")
