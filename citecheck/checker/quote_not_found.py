"""A quotation in the claim is not in any source the claim cites.

What it does
    Finds each quotation of at least ``min-quote-words`` words (default 4) in a cited claim
    and looks for it, word for word, in the claim's sources: case, spaces, punctuation, quote
    marks and dashes are ignored; an ellipsis ("...", "…", "[…]") is an elision, each side of
    which must be found, in order, near the other; an editorial bracket ("[the company]")
    stands for a few words of the source, and one inside a word ("[T]he") only changes
    letters. A near match does not pass: one changed word, letter or digit is a misquote.
    The message shows the closest passage and the words that differ, and the claim's verdict
    is at most ``partially_supported``. Numbers inside such a quotation are checked here,
    not by ``number-not-found``. Only ``citecheck verify`` reads sources.

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
from typing import TYPE_CHECKING

from citecheck.checker.base import Context, Violation

if TYPE_CHECKING:
    from citecheck.verifier.quotes import Change

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
                where = f" [{quote.key}]" if len(claim.sources) > 1 and quote.key else ""
                message += f'; closest{where}: "{_short(quote.closest.closest)}"'
                message += _differences(quote.closest.changes)
            yield Violation(quote.start, quote.end, message)


def _differences(changes: tuple[Change, ...], most: int = 3) -> str:
    """The words that differ, as "; "tiny" where the source has "large", …"."""
    said = []
    for change in changes[:most]:
        if not change.printed:
            said.append(f'"{_short(change.quoted, 40)}" is not in the source')
        elif not change.quoted:
            said.append(f'the source also has "{_short(change.printed, 40)}"')
        else:
            quoted, printed = _short(change.quoted, 40), _short(change.printed, 40)
            said.append(f'"{quoted}" where the source has "{printed}"')
    more = len(changes) - most
    tail = f" and {more} more" if more > 0 else ""
    return f"; {', '.join(said)}{tail}" if said else ""


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
