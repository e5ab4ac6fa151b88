"""The page the reference links to has another title than the one the list gives.

What it does
    Compares every title a cited page gives itself (``<title>``, ``og:title``,
    ``twitter:title``, ``citation_title``, ``dc.title``, the JSON-LD headline, the main
    ``<h1>``; a PDF's metadata title and first-page heading) with the title the reference
    lists, ignoring case, punctuation and site suffixes such as ``| Reuters``, and reports
    only when none is close. Only ``citecheck verify`` reads sources.

Why is this bad?
    A different title usually means the link points to another story than the one the writer
    meant, or the list has the title wrong: either way the reader is sent elsewhere.

Example
    ```text
    The council approved the new budget on Monday evening. [1]

    References:
    1. Local Gazette: "Council approves budget"
    ```

Source 1 (title: Harbour festival draws record crowds | Local Gazette)
    ```text
    The council approved the new budget on Monday evening.
    ```

Use instead
    ```text
    The council approved the new budget on Monday evening. [1]

    References:
    1. Local Gazette: "Council approves budget"
    ```

Source 1 (title: Council approves budget | Local Gazette)
    ```text
    The council approved the new budget on Monday evening.
    ```

Fix
    Not fixable: only a person can tell whether the link or the title is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end

CODE = "CC202"
NAME = "title-mismatch"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each cited reference whose page calls itself something else."""
    if ctx.verification is None:
        return
    from citecheck.verifier.titles import mismatch

    for ref in ctx.doc.references:
        source = ctx.verification.source_of(ref)
        if source is None or source.state != "ok" or not ref.title:
            continue
        titles = source.titles or ((source.title,) if source.title else ())
        if not mismatch(titles, source.site_name, ref.title, ref.text, ref.url):
            continue
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        shown = " ".join((source.title or titles[0]).split())[:100]
        yield Violation(ref.start, end, f'{describe_reference(ref)}: the page is titled "{shown}"')
