"""A quotation in the claim is not in any source the claim cites.

What it does
    Finds each quotation of at least ``min-quote-words`` words (default 4) in a cited claim
    and looks for it in the claim's sources, with quotes, dashes, spaces and ellipses
    normalised (an ellipsis is a gap). A near match does not count when a digit changed or a
    negation was dropped or added. The message shows the closest passage. Only
    ``citecheck verify`` reads sources.

Why is this bad?
    A quotation is a promise that the source printed these words. A misquote is the error
    readers and the quoted people notice first.

Example
    ```text
    The minister said the plan was "a bold step for the whole country". [1]

    References:
    1. Daily Post: Minister presents the plan
    ```

Source 1
    ```text
    The minister called the plan "a careful step for the whole country" on Monday.
    ```

Use instead
    ```text
    The minister said the plan was "a careful step for the whole country". [1]

    References:
    1. Daily Post: Minister presents the plan
    ```

Source 1
    ```text
    The minister called the plan "a careful step for the whole country" on Monday.
    ```

Fix
    Not fixable: the quotation must be checked against the source by a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC203"
NAME = "quote-not-found"
SEVERITY = "error"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each quotation that none of its claim's readable sources prints."""
    if ctx.verification is None:
        return
    for claim in ctx.verification.claims:
        keys = claim.cited
        for quote in claim.missing_quotes:
            message = f'quotation "{_short(quote.quote)}" is not in {keys}'
            if quote.closest is not None:
                message += f'; closest: "{_short(quote.closest.closest)}"'
            yield Violation(quote.start, quote.end, message)


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
