"""Placeholder left in the draft.

What it does
    Reports ``[citation needed]``, ``[citation]``, ``[source?]``, ``[TK]`` and similar
    placeholders.

Why is this bad?
    A placeholder marks a claim the writer knew was unsourced; it must not be published.

Example
    ```text
    Ticket sales doubled in the first week of the festival. [citation needed]
    ```

Use instead
    ```text
    Ticket sales doubled in the first week of the festival. [1]

    References:
    1. Festival Office: First-week sales report
    ```

Fix
    Not fixable: the missing source must be found by a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC005"
NAME = "citation-needed"
SEVERITY = "error"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each placeholder."""
    for p in ctx.doc.placeholders:
        yield Violation(p.start, p.end, f"placeholder {p.raw} left in the draft; cite a source")
