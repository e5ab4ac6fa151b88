"""References not numbered in order of first citation.

What it does
    Off by default. Reports a numbered reference whose number differs from its rank in the
    order of first citation (Vancouver style: the first source cited is 1, the next new
    one 2, and so on). Numbered Markdown link definitions (``[3]: https://…``, as answer
    engines write their sources) are numbered references too.

Why is this bad?
    House styles that number by first citation let readers predict where a source sits;
    a list out of order suggests renumbering was missed after an edit.

Example
    ```text
    The ferry service resumes in May. [2] Fares will rise by ten percent. [1]

    References:
    1. Harbour News: Fares to rise
    2. Harbour News: Ferry resumes
    ```

Use instead
    ```text
    The ferry service resumes in May. [1] Fares will rise by ten percent. [2]

    References:
    1. Harbour News: Ferry resumes
    2. Harbour News: Fares to rise
    ```

Fix
    Safe: ``citecheck fix`` (with this rule selected) reorders the list by first citation and
    renumbers it and every marker; a range stays a range while its numbers are consecutive
    and is split otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, first_line_end
from citecheck.model import BlockKind, Marker, MarkerKind, Reference

CODE = "CC012"
NAME = "reference-order"
SEVERITY = "info"
ENABLED = False


def number_of(ref: Reference) -> int | None:
    """The number of a numbered entry, or of a link definition ``[3]: https://…`` (how
    answer engines list their sources), or None."""
    if ref.number is not None:
        return ref.number
    key = ref.key or ""
    return int(key) if ref.kind is BlockKind.LINKDEF and key.isdigit() else None


def by_number(marker: Marker) -> bool:
    """Whether a marker cites by number: ``[2]``, ``[1-3]``, ``[1](url)``, and ``[2]`` or
    ``[text][2]`` that cite a link definition (not a named link, which cites its URL)."""
    if marker.kind is MarkerKind.NUMERIC:
        return True
    raw = marker.raw
    return marker.kind is MarkerKind.LINK and "](" not in raw and raw[1:-1].strip().isdigit()


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each numbered reference cited out of order."""
    order: list[int] = []
    seen: set[int] = set()
    for link in ctx.res.links:
        ref = link.reference
        if ref is None or not by_number(link.marker) or (number := number_of(ref)) is None:
            continue
        if number not in seen:
            seen.add(number)
            order.append(number)
    numbered = {n: r for r in ctx.doc.references if (n := number_of(r)) is not None}
    for rank, number in enumerate(order, 1):
        if number != rank:
            ref = numbered[number]
            end = first_line_end(ctx.doc.text, ref.start, ref.end)
            yield Violation(
                ref.start, end, f"[{number}] is the {_ordinal(rank)} source cited; number it {rank}"
            )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
