"""A reference list largely uncited while the body shows citations that were not read.

The likeliest reason is a marker style citecheck does not read, which
:mod:`citecheck.checker.unread_citations` reports once instead of a finding per entry and
per claim. A list is largely uncited with at least :data:`LEAST_ENTRIES` keyed entries
(reading lists, a section's own ``Sources`` and shadowed copies aside) and under
:data:`CITED_SHARE` of them cited; the body shows citations with at least
:data:`LEAST_MARKS` marks not read as markers: HTML or Unicode superscript numerals,
numeric groups in parentheses or brackets naming entries of the list (``(1–5)``,
``[3]``), or an uncited entry's first author's surname followed by its year in the same
sentence (``Cialdini (1990)``, ``Parker et al. 2018``).
"""

from __future__ import annotations

import re

from citecheck.checker.base import Context
from citecheck.checker.silentmarks import SUP_HTML
from citecheck.model import BlockKind, Reference
from citecheck.text.recache import lazy
from citecheck.text.vocab import READING_HEADING

LEAST_ENTRIES = 5
"""Fewer keyed entries than this and an uncited list is too small to tell a style from."""
CITED_SHARE = 0.25
"""Under this share of entries cited, the list is largely uncited."""
LEAST_MARKS = 3
"""Marks in the body that look like unread citations, at least."""

_SUP_UNICODE = lazy(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
_NUMERIC_GROUP = lazy(
    r"[(\[](\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8})[)\]]"  # (1–5), (1, 2, 15), [3]
)
_NUMBERS = lazy(r"\d{1,3}")


def _entries(ctx: Context) -> list[Reference]:
    """The keyed entries uncited-reference looks at (reading lists and shadowed copies
    aside)."""
    sections = ctx.doc.sections
    reading = {i for i, s in enumerate(sections) if s.covers or READING_HEADING.search(s.title)}
    return [
        r
        for r in ctx.doc.references
        if r.key is not None and id(r) not in ctx.res.shadowed and r.section not in reading
    ]


def _marks(ctx: Context, uncited: list[Reference], listed: int) -> int:
    """How many marks in the body look like citations the parser did not read."""
    doc = ctx.doc
    read = {(m.start, m.end) for m in doc.markers}
    body = [
        doc.text[b.start : b.end]
        for b in doc.blocks
        if b.section is None and b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)
    ]
    text = "\n".join(body)
    count = len(SUP_HTML.findall(text)) + len(_SUP_UNICODE.findall(text))
    for m in _NUMERIC_GROUP.finditer(text):
        numbers = [int(n) for n in _NUMBERS.findall(m.group(1))]
        if numbers and all(1 <= n <= listed for n in numbers) and (m.start(), m.end()) not in read:
            count += 1
    # A surname counts as a callout with its entry's year after it in the same sentence
    # (``Cialdini (1990)``, ``Nolan's survey of 2008``): a title's word read as an entry's
    # author (``Oracle``, ``Trade`` of a web page's title) named in the prose is none.
    called = {(name, r.year) for r in uncited if r.year and (name := _first_surname(r))}
    for name, year in called:
        if len(name) > 2 and re.search(rf"\b{re.escape(name)}\b{_BEFORE_YEAR}\b{year}", text):
            count += 1
    return count


# What may stand between a callout's surname and its year: words of the same sentence,
# ``et al.`` among them (``Parker et al. 2018``, ``Nolan's survey of 2008``).
_BEFORE_YEAR = r"(?:et\s+al\.|[^.!?\n]){0,80}?"


def _first_surname(ref: Reference) -> str | None:
    """The first author's surname: from the entry's scholarly fields where read, else the
    list parser's first author (``Cialdini, R.`` → ``Cialdini``, ``R. Cialdini`` →
    ``Cialdini``)."""
    if ref.fields and ref.fields.authors and ref.fields.authors[0].surname:
        return ref.fields.authors[0].surname.split()[-1]
    if not ref.authors or not ref.authors[0].split():
        return None
    first = ref.authors[0]
    return first.split(",", 1)[0].split()[-1] if "," in first else first.split()[-1]


def uncited_list(ctx: Context) -> tuple[int, int, Reference] | None:
    """A reference list largely uncited while the body shows marks not read: (entries,
    cited, first entry) or None."""
    entries = _entries(ctx)
    if len(entries) < LEAST_ENTRIES:
        return None
    uncited = [r for r in entries if not ctx.res.citations(r)]
    cited = len(entries) - len(uncited)
    if cited >= CITED_SHARE * len(entries):
        return None
    if _marks(ctx, uncited, len(entries)) < LEAST_MARKS:
        return None
    return len(entries), cited, min(entries, key=lambda r: r.start)
