"""Citation markers but no reference list.

What it does
    Reports, once, a document whose body carries citation markers but that has no
    reference section, footnote definitions or link definitions (or only a reference
    heading with nothing under it, such as a saved page's table of contents naming its
    lost References). Individual markers are then not reported as dangling.

Why is this bad?
    Every citation of the article points nowhere; the reference list was probably lost
    when the draft was pasted.

Example
    ```text
    The storm closed three schools on Tuesday morning. [1]
    ```

Use instead
    ```text
    The storm closed three schools on Tuesday morning. [1]

    Sources:
    - Weather Desk: Storm closes schools
    ```

Fix
    Not fixable: the sources must be written down by a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, listless
from citecheck.model import MarkerKind
from citecheck.parser.pandocbib import is_outside_key

CODE = "CC004"
NAME = "missing-reference-section"
SEVERITY = "error"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield one violation at the first marker when there is no reference list."""
    doc = ctx.doc
    if not doc.markers or not listless(doc):
        return
    markers = doc.markers
    if doc.bibliography is not None:  # ``[@key]`` of a bibliography kept in another file
        markers = [m for m in markers if not is_outside_key(m.raw)]
        if not markers:
            return
    first = markers[0]
    count = len(markers)
    plural = "marker" if count == 1 else "markers"
    if all(m.kind is MarkerKind.FOOTNOTE for m in markers):
        fix = "add the footnote definitions ([^1]: …)"
    else:
        fix = 'add a "References" section'
    yield Violation(
        first.start,
        first.end,
        f"{count} citation {plural} (first {first.raw}) but no reference list; {fix}",
    )
