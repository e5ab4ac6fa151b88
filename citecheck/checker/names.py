"""Rule names as users type them: the nearest code or name to a typo."""

from __future__ import annotations

from difflib import SequenceMatcher, get_close_matches


def rule_hint(name: str) -> str:
    """Return ``; did you mean 'x'?`` with the nearest rule code or name, or nothing."""
    from citecheck.checker import BY_NAME

    typed = name.strip().casefold()
    near = get_close_matches(typed, list(BY_NAME), n=3)
    if not near:
        return ""
    # Of equally close names, the one that starts like the typo (CC01 → CC012, not CC201),
    # then the first in order (CC01 → CC012, not CC013).
    best = max(sorted(near), key=lambda c: (_ratio(typed, c), _shared_start(typed, c)))
    rule = BY_NAME[best]
    shown = rule.CODE if best == rule.CODE.casefold() else rule.NAME
    return f"; did you mean {shown!r}?"


def _shared_start(one: str, two: str) -> int:
    n = 0
    while n < min(len(one), len(two)) and one[n] == two[n]:
        n += 1
    return n


def _ratio(one: str, two: str) -> float:
    return SequenceMatcher(None, one, two).ratio()
