"""Span edits: what a fix changes, as (offset, old text, new text), applied once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


class OverlapError(ValueError):
    """Two edits touch the same characters; applying both would lose one of them."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old`` at character offset ``start`` of the text with ``new``."""

    start: int
    old: str
    new: str
    rule: str = ""
    """The code of the rule whose fix this edit is part of."""

    @property
    def end(self) -> int:
        """Offset just past the replaced characters."""
        return self.start + len(self.old)


def ordered(edits: Iterable[Edit]) -> list[Edit]:
    """Return edits sorted by offset, without no-ops and exact repeats.

    Raises :class:`OverlapError` when two edits overlap, or when two insertions land at
    the same offset (their order would be a guess).
    """
    unique = sorted({e for e in edits if e.old != e.new}, key=lambda e: (e.start, e.end))
    for before, after in pairwise(unique):
        if after.start < before.end or (after.start == before.start):
            raise OverlapError(
                f"edits at {before.start}-{before.end} and {after.start}-{after.end} overlap"
            )
    return unique


def verify(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """Return the edits in order, raising as :func:`apply` would, without the new text."""
    out = ordered(edits)
    for e in out:
        if text[e.start : e.end] != e.old:
            raise ValueError(f"edit at {e.start} expects {e.old!r}, text has another")
    return out


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` in one pass and return the new text.

    Raises :class:`ValueError` when an edit's ``old`` is not what the text holds at its
    offset (the edit was planned on another text), :class:`OverlapError` on overlaps.
    """
    parts: list[str] = []
    pos = 0
    for e in verify(text, edits):
        parts.append(text[pos : e.start])
        parts.append(e.new)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)
