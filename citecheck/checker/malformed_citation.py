"""Numeric-looking marker that cannot be read.

What it does
    Reports markers such as ``[0]``, ``[3-1]``, ``[1,,2]`` or ``[1-]``: numeric groups with
    a zero, an empty element, a reversed or open range. An author-year callout whose entry
    the reference list holds but that could not be split from the list (a PDF's columns
    or letter-spaced lines) is a citation the reader could not resolve, not a malformed
    one: it is not reported (and not reported dangling either).

Why is this bad?
    The reader cannot tell which sources are meant; usually a typo.

Example
    ```text
    The stadium will host six matches next summer. [2-1]

    References:
    1. Sport Daily: Stadium chosen
    2. Sport Daily: Match schedule
    ```

Use instead
    ```text
    The stadium will host six matches next summer. [1-2]

    References:
    1. Sport Daily: Stadium chosen
    2. Sport Daily: Match schedule
    ```

Fix
    Not fixable: what the marker was meant to say is for a person to decide.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation
from citecheck.parser.authoryear import UNREAD_ENTRY

CODE = "CC006"
NAME = "malformed-citation"
SEVERITY = "error"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each marker the parser could not read."""
    for m in ctx.doc.markers:
        if m.problem and m.problem != UNREAD_ENTRY:
            yield Violation(m.start, m.end, f"{m.raw} cannot be read: {m.problem}")
