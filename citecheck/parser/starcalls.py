"""Starred-letter and braced note calls of a digitised book: ``square miles. *a Its
surface``, ``the Hale family.{1} Its wheel``.

Some Project Gutenberg texts (*Democracy in America*, PG 815) write each call of a lettered
note as an asterisk and the note's letter, standing apart from the words around it
(``*a``, ``rises another river, *b``), and set the note after the paragraph, its letter
alone on a line and its text in brackets (see :mod:`citecheck.reader.bookmatter`). The
letters start again at ``a`` in each chapter; :mod:`citecheck.resolver.running` gives each
call the nearest note of its letter after it.

A starred letter is a call only in a text with lettered notes that it names:
:func:`star_habit` counts at least :data:`HABIT` such calls of listed letters, so that an
asterisk before a letter elsewhere (an emphasis mark, a footnote symbol, a wildcard) is
not read as one. (Such a transcription may have lost Project Gutenberg's header lines.)

Other Project Gutenberg texts call a numbered note with the number in braces glued to the
word or stop before it (``family.{1}``) and set the note as ``{1} Parish Records…`` after
the paragraph or chapter. A braced number is a call only in a Project Gutenberg book whose
notes it numbers, again once :data:`HABIT` such calls are written (braces are a format
string's or a formula's elsewhere: ``{0}``, ``\\frac{1}{2}``).
"""

from __future__ import annotations

import re

from citecheck.model import BlockKind, Document, Marker, MarkerKind
from citecheck.text.recache import lazy

HABIT = 3
"""Starred calls of listed letters a book must write before any is read as a call."""

# The asterisk stands after a space, a line's start, an opening bracket or a sentence's
# punctuation (``augments.*d``); the letter or two after it end at a space, clause
# punctuation or the line's end.
_BRACE = lazy(r"(?<=[^\s{}\\_^$])\{(\d{1,3})\}(?![{\w])")
_STAR = lazy(r"(?<![^\s(\[.,;:!?\"”’])\*([a-z]{1,2})(?=[\s.,;:)\]]|$)")


def _habit(call: re.Pattern[str], masked: str, keys: frozenset[str]) -> bool:
    """Whether at least :data:`HABIT` of ``call``'s matches in ``masked`` name one of
    ``keys`` (group 1)."""
    seen = 0
    for m in call.finditer(masked):
        if m.group(1) in keys:
            seen += 1
            if seen >= HABIT:
                return True
    return False


def star_habit(masked: str, letters: frozenset[str]) -> bool:
    """Whether a book calls its lettered notes (``letters``) with starred letters."""
    return bool(letters) and "*" in masked and _habit(_STAR, masked, letters)


def star_calls(masked: str, start: int, end: int, letters: frozenset[str]) -> list[Marker]:
    """The starred calls in ``masked[start:end]`` of lettered notes (``letters``); each
    marker spans the asterisk and the letter, keyed by the letter."""
    return [
        Marker(m.start(), m.end(), m.group(), (m.group(1),), MarkerKind.LABEL)
        for m in _STAR.finditer(masked, start, end)
        if m.group(1) in letters
    ]


def brace_habit(masked: str, numbers: frozenset[str]) -> bool:
    """Whether a book calls its numbered notes (``numbers``) with braced numbers."""
    return bool(numbers) and "{" in masked and _habit(_BRACE, masked, numbers)


def brace_calls(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """The braced calls in ``masked[start:end]`` of numbered notes (``numbers``); each
    marker spans the braces and the number."""
    return [
        Marker(m.start(), m.end(), m.group(), (m.group(1),), MarkerKind.NUMERIC)
        for m in _BRACE.finditer(masked, start, end)
        if m.group(1) in numbers
    ]


def book_calls(
    doc: Document, masked: str, numbers: frozenset[str], lettered: bool
) -> tuple[frozenset[str], frozenset[str]]:
    """The note keys a book calls by starred letters (``square miles. *a Its surface``,
    its lettered notes) and by braced numbers (``the Hale family.{1} Its wheel``, its
    numbered notes), each empty unless the text has that habit (see :mod:`.starcalls`)."""
    starred: frozenset[str] = frozenset()
    if lettered and "*" in masked:
        letters = frozenset(
            r.key
            for r in doc.references
            if r.kind is BlockKind.FOOTNOTE and r.key and len(r.key) <= 2 and r.key.isalpha()
        )
        starred = letters if star_habit(masked, letters) else frozenset()
    braced = doc.book and brace_habit(masked, numbers)
    return starred, numbers if braced else frozenset()
