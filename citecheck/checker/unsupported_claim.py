"""The sources the claim cites do not say what it says.

What it does
    Scores how much of a cited claim's content (content words, names, numbers) the best
    passages of its sources cover (see ``citecheck.verifier.support``) and reports the claim
    when its verdict is ``unsupported`` or its score is below ``support-threshold`` (default
    0.2: a claim that low lacks most of what it says). The message names the best passage and
    its score. Only ``citecheck verify`` reads sources.

Why is this bad?
    A citation that does not back its sentence is worse than none: it lends the claim an
    authority the source never gave it.

Example
    ```text
    The mayor announced a ban on cars in the old town from next spring. [1]

    References:
    1. City Desk: Harbour festival
    ```

Source 1
    ```text
    The harbour festival drew record crowds on Saturday. Boats from twelve ports took part.
    ```

Use instead
    ```text
    The harbour festival drew record crowds on Saturday. [1]

    References:
    1. City Desk: Harbour festival
    ```

Source 1
    ```text
    The harbour festival drew record crowds on Saturday. Boats from twelve ports took part.
    ```

Fix
    Not fixable: only a person can find the source that backs the claim.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation

CODE = "CC205"
NAME = "unsupported-claim"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each claim whose support score is below the threshold."""
    if ctx.verification is None:
        return
    threshold = ctx.options.support_threshold
    for claim in ctx.verification.claims:
        support = claim.support
        if not claim.sources or support.verdict == "unverifiable":
            continue
        if support.verdict != "unsupported" and support.score >= threshold:
            continue
        keys = claim.cited
        message = f"{keys} does not back this claim (support {support.score:.2f})"
        if support.evidence:
            best = " ".join(support.evidence[0].text.split())
            best = best if len(best) <= 90 else best[:89].rsplit(" ", 1)[0] + "…"
            message += f'; best passage [{support.evidence[0].key}]: "{best}"'
        yield Violation(claim.sentence.start, claim.sentence.end, message)
