"""Suppression comment that suppresses nothing.

What it does
    Reports a ``<!-- citecheck: ignore RULE -- reason -->`` comment whose next block has no
    finding of that rule, a ``<!-- citecheck: disable-file RULE -->`` comment whose file has
    none, and suppression comments that cannot be read (an unknown rule, a comment that does
    not stand on a line of its own). Suppressions of rules that did not run are not
    reported. The checker reports these itself once the other rules have run, so this
    module's ``check`` yields nothing.

Why is this bad?
    A stale suppression hides the next real problem of that rule in the block, and a
    suppression with a typo silently suppresses nothing.

Example
    ```text
    <!-- citecheck: ignore uncited-claim -- the budget figure is common knowledge -->
    The council approved the budget on Monday after a long debate. [1]

    References:
    1. City Herald: Council approves budget
    ```

Use instead
    ```text
    The council approved the budget on Monday after a long debate. [1]

    References:
    1. City Herald: Council approves budget
    ```

Fix
    Not fixable: remove the comment by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC100"
NAME = "unused-suppression"
SEVERITY = "info"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield nothing: the checker reports unused suppressions after the other rules ran."""
    yield from ()
