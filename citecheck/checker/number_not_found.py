"""A number in the claim is in none of the sources the claim cites.

What it does
    Reads each number of a cited claim (counts, decimals, percentages, money, dates,
    "2.5 million") and looks for it in the claim's sources in every equivalent spelling
    ("2.5 million" = "2,500,000", "12 per cent" = "12%"). Only ``citecheck verify`` reads
    sources.

Why is this bad?
    Numbers change on the way from source to draft: a rounding, a typo, a figure from another
    year. A number no cited source has is a number nobody can check.

Example
    ```text
    The city planted 4,500 trees last year. [1]

    References:
    1. City Desk: Tree planting report
    ```

Source 1
    ```text
    The city planted 3,500 trees last year, most of them in the northern parks.
    ```

Use instead
    ```text
    The city planted 3,500 trees last year. [1]

    References:
    1. City Desk: Tree planting report
    ```

Source 1
    ```text
    The city planted 3,500 trees last year, most of them in the northern parks.
    ```

Fix
    Not fixable: the number must be checked against the source by a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC204"
NAME = "number-not-found"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each number of a claim that none of its readable sources contains."""
    if ctx.verification is None:
        return
    for claim in ctx.verification.claims:
        keys = claim.cited
        for number in claim.missing_numbers:
            yield Violation(number.start, number.end, f'"{number.text}" is not in {keys}')
