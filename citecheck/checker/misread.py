"""Whether a numbered reference list was misread: most cited numbers find no entry.

A conversion can break a numbered list so that its numbers no longer open its entries:
OCR of a two-column page puts a column of bare labels (``[28]``, ``(29]``, ``[30]``) apart
from the column of entries, a layout sets the labels in a column of their own. The list
parser then reads a few entries and many empty numbers, and every marker citing the rest
would be a dangling-citation (CC002) error: hundreds of false alarms for one misread list.
When most distinct cited numbers (from :data:`FROM` up) resolve to nothing, the list was
misread rather than the citations wrong; unread-citations (CC013) says so once, and the
per-marker and per-item findings about those numbers are not reported.

Two cases keep their findings, as they are what they seem:

- an empty numbered note in a list holding few unlabelled entries (fewer than half as many
  as its empty numbers: a wiki's notes whose text a conversion lost, ``[243]`` alone between
  labelled notes) is a broken note, not a split label: its markers stay dangling;
- numbers that lie beyond a complete, contiguous list (``1``–``40`` all read, the text
  cites up to ``60``) are entries missing from the list.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from citecheck.checker.base import Context
from citecheck.model import Marker
from citecheck.parser.sourcelike import EMPTY_ITEM

FROM = 10
"""Cited numbers from this one up are counted: below it a short list's slips dominate."""
LEAST_CITED = 5
"""Distinct cited numbers (from :data:`FROM` up), at least, before a list is judged."""
SHARE = 0.5
"""Over this share of those numbers unresolved, the list is judged misread."""
DANGLING = "CC002"
NOT_A_REFERENCE = "CC008"
"""The codes of the rules whose findings a misread list's numbers and items do not get."""
"""Over this share of those numbers unresolved, the list is judged misread."""


@dataclass(frozen=True, slots=True)
class Misread:
    """A numbered list judged misread: what was not resolved, and what not to report."""

    cited: int
    """Distinct numbers cited, from :data:`FROM` up."""
    unresolved: tuple[int, ...]
    """Those of them that resolve to no entry, ascending."""
    markers: frozenset[tuple[int, int]]
    """Spans (start, end) of the markers citing a number that resolves to nothing (below
    :data:`FROM` too): not dangling-citation."""
    items: frozenset[int]
    """Starts of the list's items that are not sources (its bare labels and the fragments
    between its entries): not not-a-reference."""
    first: Marker
    """The first marker citing an unresolved number, where the one finding is reported."""


def misread(ctx: Context) -> Misread | None:
    """Judge the document's numbered list (see the module docstring): a :class:`Misread`
    when over :data:`SHARE` of at least :data:`LEAST_CITED` distinct cited numbers from
    :data:`FROM` up resolve to nothing (no entry, or an empty number in a list that also
    holds at least half as many unlabelled entries), unless all of them lie beyond a
    complete, contiguous list; else None."""
    doc, res = ctx.doc, ctx.res
    numbered = {r.number for r in doc.references if r.number is not None}
    starts = [s.start for s in doc.sections]

    def section_of(at: int) -> int | None:
        k = bisect_right(starts, at) - 1
        return k if k >= 0 and at < doc.sections[k].end else None

    empty = {
        n.key: section_of(n.start)
        for n in doc.non_references
        if n.reason == EMPTY_ITEM and n.key and n.key.isdigit()
    }
    if not numbered and not empty:
        return None  # no numbered list read: missing-reference-section's to report
    unlabelled = _unlabelled(ctx, {k for k in empty.values() if k is not None})
    bare: dict[int | None, int] = {}
    for k in empty.values():
        bare[k] = bare.get(k, 0) + 1
    # Labels set apart leave as many entries without one; a wiki's lost notes leave none
    # (a bibliography of a few books beside hundreds of empty notes is not their entries).
    split = {k: 2 * unlabelled.get(k, 0) >= n for k, n in bare.items()}
    cited: set[int] = set()
    unresolved: dict[int, Marker] = {}
    spans: set[tuple[int, int]] = set()
    for link in res.links:
        if not link.key.isdigit() or link.marker.problem:
            continue
        number = int(link.key)
        if number >= FROM:
            cited.add(number)
        if link.reference is not None:
            continue
        if link.key in empty and not split.get(empty[link.key], False):
            continue  # a broken note among labelled ones: reported as it is
        spans.add((link.marker.start, link.marker.end))
        if number >= FROM:
            unresolved.setdefault(number, link.marker)
    if len(cited) < LEAST_CITED or len(unresolved) <= SHARE * len(cited):
        return None
    if not any(k in empty for k in map(str, unresolved)) and _beyond(numbered, unresolved):
        return None
    lists = {r.section for r in doc.references if r.number is not None} | set(empty.values())
    items = frozenset(n.start for n in doc.non_references if section_of(n.start) in lists)
    first = min(unresolved.values(), key=lambda m: m.start)
    return Misread(len(cited), tuple(sorted(unresolved)), frozenset(spans), items, first)


def _unlabelled(ctx: Context, sections: set[int]) -> dict[int | None, int]:
    """How many items without a label each of ``sections`` holds (entries whose numbers a
    conversion set apart)."""
    counts: dict[int | None, int] = {}
    for ref in ctx.doc.references:
        if ref.key is None and ref.section in sections:
            counts[ref.section] = counts.get(ref.section, 0) + 1
    return counts


def _beyond(numbered: set[int], unresolved: dict[int, Marker]) -> bool:
    """Whether the list read is complete and contiguous (1 to its last number) and every
    unresolved number lies past its end."""
    if not numbered or min(numbered) > 1:
        return False
    top = max(numbered)
    return len(numbered) == top and min(unresolved) > top


def describe(found: Misread) -> str:
    """The one finding's message: how many cited numbers were not resolved, which."""
    shown = ", ".join(map(str, found.unresolved[:8]))
    more = "…" if len(found.unresolved) > 8 else ""
    return (
        f"{len(found.unresolved)} of {found.cited} cited numbers from {FROM} up resolve to "
        f"no entry ({shown}{more}): the numbered reference list was likely misread (labels "
        "set apart from their entries by a conversion or a layout), so dangling-citation "
        "and not-a-reference are not reported for those numbers and the list's items"
    )
