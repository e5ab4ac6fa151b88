"""An entry a PDF conversion cut at a page break: ``… Minimal Hodgkin-Huxley type models``,
``---``, ``#### Page 64``, ``for different classes of cortical and thalamic neurons. …``.

Converters that mark pages (marker's ``#### Page N`` under a rule, a ``[Page 9]`` footer)
leave the rest of an entry that runs over a page as a paragraph of its own after the mark.
It opens with a small letter, and the entry above it has no closing full stop: it is the
same entry, read as one with the page mark blanked.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_MARKS = lazy(r"(?:\s|-{3,}|\*{3,}|#{1,6}[ \t]+Page[ \t]+\d{1,4}|\[Page \d{1,4}\])*")


def continues(source: str, before_end: int, start: int) -> bool:
    """Whether the item at ``start`` goes on with the entry that ends at ``before_end``:
    only page marks lie between, one of them at least, the entry has no closing full stop
    and the item opens with a small letter."""
    between = source[before_end:start]
    if "\n" not in between or not between.strip() or not _MARKS.fullmatch(between):
        return False
    last = source[before_end - 1 : before_end]
    return last not in ".!?" and source[start : start + 1].islower()


def without_marks(source: str, before_end: int, start: int) -> str:
    """``source`` with the page marks between an entry and its rest blanked (offsets
    hold), to read the two as one entry."""
    return source[:before_end] + " " * (start - before_end) + source[start:]
