"""Claim with no covering citation.

What it does
    Flags a declarative sentence of the body (a claim) that no citation covers. With
    ``--scope paragraph`` (the default) a claim is covered when it, or a later sentence of
    the same paragraph, carries a marker; with ``--scope sentence`` every claim needs its
    own. A sentence whose marker cannot be read is left to ``malformed-citation``.
    Documents that cite nothing (no numbered or labelled markers, no reference list, only
    links or footnotes written as asides) are not checked.

Why is this bad?
    A reader cannot verify a claim that points to no source.

Example
    ```text
    The council approved the budget on Monday after a long debate. [1]

    The mayor plans to resign before the end of the year.

    References:
    1. City Herald: Council approves budget
    ```

Use instead
    ```text
    The council approved the budget on Monday after a long debate. [1]

    The mayor plans to resign before the end of the year. [2]

    References:
    1. City Herald: Council approves budget
    2. City Herald: Mayor to step down
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference

CODE = "CC001"
NAME = "uncited-claim"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each claim that no marker covers."""
    doc = ctx.doc
    if not doc.cites_sources():
        return
    where = "this sentence" if ctx.options.scope == "sentence" else "this paragraph"
    for sentence in doc.sentences:
        if not sentence.claim or sentence.covered_by or sentence.placeholder:
            continue
        if any(m.problem for m in sentence.markers):
            continue  # the writer meant to cite: malformed-citation reports the marker
        message = f"claim has no citation (no marker in {where} covers it)"
        best = ctx.titles.best(sentence.text)
        if best is not None:
            message += f"; it reads like {describe_reference(best[0])}"
        yield Violation(sentence.start, sentence.end, message)
