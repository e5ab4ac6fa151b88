"""The same reference twice in one marker group.

What it does
    Reports a key repeated within one group of adjacent markers, such as ``[1][1]``,
    ``[2, 2]`` or ``[1-3][2]``.

Why is this bad?
    Harmless to the reader but a sign of a copy-and-paste slip: often another source was
    meant.

Example
    ```text
    Turnout reached a record high this year. [1][1]

    References:
    1. Poll Watch: Record turnout
    ```

Use instead
    ```text
    Turnout reached a record high this year. [1]

    References:
    1. Poll Watch: Record turnout
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation
from citecheck.parser.markers import groups

CODE = "CC011"
NAME = "duplicate-citation"
SEVERITY = "info"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield at the marker that repeats a key of its group."""
    for run in groups(ctx.doc.markers):
        seen: set[str] = set()
        text = "".join(m.raw for m in run)
        for marker in run:
            repeated = [
                k for k in dict.fromkeys(marker.keys) if k in seen or marker.keys.count(k) > 1
            ]
            for key in repeated:
                yield Violation(marker.start, marker.end, f"[{key}] is cited twice in {text}")
            seen.update(marker.keys)
