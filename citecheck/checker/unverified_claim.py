"""None of the sources the claim cites could be read.

What it does
    Reports a cited claim when ``citecheck verify`` could read none of its sources: each is
    dead, blocked, empty or has no address and no local snapshot. Only ``citecheck verify``
    reads sources.

Why is this bad?
    Nothing was checked: the claim may be right, but no one can say so from here. Add a
    snapshot of the source (``<article>.sources/<key>.html``) or a working link.

Example
    ```text
    The bridge reopened to traffic on Friday morning. [1]

    References:
    1. Daily Post: Bridge reopens
    ```

Use instead
    ```text
    The bridge reopened to traffic on Friday morning. [1]

    References:
    1. Daily Post: Bridge reopens
    ```

Source 1
    ```text
    The bridge reopened to traffic on Friday morning after repairs.
    ```

Fix
    Not fixable: add a snapshot of the source or a working link.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC206"
NAME = "unverified-claim"
SEVERITY = "info"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each cited claim none of whose sources could be read."""
    if ctx.verification is None:
        return
    for claim in ctx.verification.claims:
        if claim.sources:
            continue
        states = []
        for ref in claim.references:
            source = ctx.verification.source_of(ref)
            why = source.problem or source.state if source else "no address and no snapshot"
            states.append(f"[{ref.key}] {why}")
        message = "no cited source could be read: " + "; ".join(states)
        yield Violation(claim.sentence.start, claim.sentence.end, message)
