"""The new numbers of a fix's reference list, decided once before any marker is rewritten.

Two fixes number a list anew: reference-order (CC012) numbers the entries in order of their
first citation, and the removals of a fix (duplicates, uncited entries) leave gaps in a list
numbered 1…n, which closing renumbers. A list is left as numbered when its numbers are
shared with link definitions or defined twice, when its footnotes or unlabelled definitions
cannot be reordered, or when a new number would capture a marker that now dangles.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from citecheck.checker.base import Context
from citecheck.checker.reference_order import by_number, number_of
from citecheck.fixer import lists
from citecheck.fixer.edits import Edit
from citecheck.model import BlockKind, Reference

Reported = Callable[[str, int], tuple[str, int, int] | None]
"""The finding of a code reported at an offset, if any (see ``plan._Builder.at``)."""


def numbered(ctx: Context) -> list[Reference]:
    """The numbered entries of the list, those that a key defined twice shadows left out:
    its numbered items, or with none, its numbered link definitions."""
    shadowed = ctx.res.shadowed
    refs = [r for r in ctx.doc.references if id(r) not in shadowed]
    items = [r for r in refs if r.number is not None]
    if items:
        return items
    # No numbered list: the numbered link definitions are the list (``[3]: https://…``).
    return [r for r in refs if number_of(r) is not None]


def renumber(
    ctx: Context,
    removals: Collection[int],
    redirect: Mapping[int, Reference],
    at: Reported,
) -> tuple[dict[int, int], list[tuple[str, int, int]], list[Edit]]:
    """New numbers: by first citation for reference-order, else closing the gaps that
    removals leave in a list numbered 1…n (or by position).

    ``removals`` holds the starts of the entries the fix removes, ``redirect`` maps the id
    of a removed copy to the entry its markers move to. Returns the new number of each kept
    entry (by id; empty when the list keeps its numbers), the reference-order findings the
    new order repairs, and the edits of the list.
    """
    doc, text, listed_in = ctx.doc, ctx.doc.text, numbered(ctx)
    kept = [r for r in listed_in if r.start not in removals]
    reorder = [k for r in listed_in if (k := at("CC012", r.start))]
    left = [r for r in doc.references if r.start not in removals]
    items = any(r.number is not None for r in left)
    if (items and any(r.number is None and (r.key or "").isdigit() for r in left)) or any(
        number_of(r) is not None and id(r) in ctx.res.shadowed for r in left
    ):
        return {}, [], []  # numbers shared with link definitions or defined twice: keep them
    if reorder and _orderable(ctx, kept):
        listed = {id(r): r for r in kept}
        placed: dict[int, Reference] = {}
        for link in ctx.res.links:
            ref = link.reference
            if ref is None or not by_number(link.marker):
                continue
            ref = redirect.get(id(ref), ref)
            if id(ref) in listed:
                placed.setdefault(id(ref), ref)
        order = [*placed.values(), *(r for r in kept if id(r) not in placed)]
        numbers = {id(r): n for n, r in enumerate(order, 1)}
        edits = lists.reorder(text, kept, order, list(range(1, len(order) + 1)), "CC012")
        return numbers, reorder, edits
    if len(kept) == len(listed_in) or [number_of(r) for r in listed_in] != list(
        range(1, len(listed_in) + 1)
    ):
        return {}, [], []
    numbers = {id(r): n for n, r in enumerate(kept, 1)}
    relabelled = [lists.relabel(text, r, numbers[id(r)], "CC007") for r in kept]
    return numbers, [], [e for e in relabelled if e is not None]


def _orderable(ctx: Context, kept: list[Reference]) -> bool:
    doc = ctx.doc
    if any(r.kind is BlockKind.FOOTNOTE for r in kept):
        return False
    definitions = any(r.kind is BlockKind.LINKDEF for r in kept)
    if (doc.explicit_numbers or definitions) and any(
        lists.label(doc.text, r) is None for r in kept
    ):
        return False
    dangling = [
        int(k.key)
        for k in ctx.res.links
        if k.reference is None and k.key.isdigit() and by_number(k.marker)
    ]
    return all(d > len(kept) for d in dangling)  # a new number must not capture one
