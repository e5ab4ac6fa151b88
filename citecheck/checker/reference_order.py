"""References not numbered in order of first citation.

What it does
    Off by default. Reports a numbered reference whose number differs from its rank in the
    order of first citation (Vancouver style: the first source cited is 1, the next new
    one 2, and so on).

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
from citecheck.model import MarkerKind

CODE = "CC012"
NAME = "reference-order"
SEVERITY = "info"
ENABLED = False


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each numbered reference cited out of order."""
    order: list[int] = []
    seen: set[int] = set()
    for link in ctx.res.links:
        ref = link.reference
        if ref is None or ref.number is None or link.marker.kind is not MarkerKind.NUMERIC:
            continue
        if ref.number not in seen:
            seen.add(ref.number)
            order.append(ref.number)
    by_number = {r.number: r for r in ctx.doc.references if r.number is not None}
    for rank, number in enumerate(order, 1):
        if number != rank:
            ref = by_number[number]
            end = first_line_end(ctx.doc.text, ref.start, ref.end)
            yield Violation(
                ref.start, end, f"[{number}] is the {_ordinal(rank)} source cited; number it {rank}"
            )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
