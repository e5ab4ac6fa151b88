"""The cited source could not be read: its link is dead, or the site would not serve it.

What it does
    Reports a cited reference whose source ``citecheck verify`` could not read. A dead link
    (404, 410, a host that does not exist, a refused connection) is a warning, and so is a
    server that gave no page when asked (a timeout, a redirect loop, too many redirects, a
    TLS failure, a malformed answer, a server error); a page that refused to serve (401,
    403, 429, 451, a bot wall, robots.txt) is reported at info level, since the source may
    well be there, and so is a page larger than the size cap, read only as far as the cap.
    Only ``citecheck verify`` reads sources; ``check`` never reports this rule.

Why is this bad?
    A reader who follows a dead link finds nothing to back the claim; the reference needs a
    working link or an archived copy.

Example
    ```text
    The bridge reopened to traffic on Friday morning. [1]

    References:
    1. Daily Post: Bridge reopens. https://news.example.com/gone
    ```

Source 1 (dead)
    ```text
    ```

Use instead
    ```text
    The bridge reopened to traffic on Friday morning. [1]

    References:
    1. Daily Post: Bridge reopens. https://news.example.com/bridge
    ```

Source 1
    ```text
    The bridge reopened to traffic on Friday morning after repairs.
    ```

Fix
    Not fixable: only a person can find a working link or an archived copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end

CODE = "CC201"
NAME = "source-unavailable"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each cited reference whose source is dead or failed (warning), blocked or
    cut at the size cap (info)."""
    if ctx.verification is None:
        return
    for ref in ctx.doc.references:
        source = ctx.verification.source_of(ref)
        if source is None:
            continue
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        if source.state in ("dead", "failed"):
            where = f"{source.location}: {source.problem or source.state}"
            yield Violation(ref.start, end, f"{describe_reference(ref)} is unreachable ({where})")
        elif source.state == "blocked":
            where = f"{source.location}: {source.problem or source.state}"
            message = f"{describe_reference(ref)} could not be read ({where})"
            yield Violation(ref.start, end, message, severity="info")
        elif source.cut is not None:
            cap = f"{source.cut / 1_048_576:g} MB"
            message = (
                f"{describe_reference(ref)} was read only in part ({source.location}: larger"
                f" than the {cap} cap, cut there; claims were checked against its first {cap})"
            )
            yield Violation(ref.start, end, message, severity="info")
