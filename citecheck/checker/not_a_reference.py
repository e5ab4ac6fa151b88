"""Reference-list item that is not a source.

What it does
    Reports an item of a reference section that does not read as a source: commentary
    or a question pasted into the list, a note to the editor (``TODO: …``, ``Note to
    editor: …``, ``More sources to come``), a credit line (``Additional reporting by …``),
    a topic, tag or category line, an error message such as ``[ERROR retrieving ref
    link]``. Such items take no number. Footnotes and the items of a Notes section are
    exempt from the commentary test: they may hold notes. An empty numbered item that a
    marker cites (``[7]`` alone, a note whose text a conversion lost) is reported at the
    marker, by dangling-citation (CC002), and not again here.

Why is this bad?
    The reference list is where readers look for sources; prose there is lost commentary
    and shifts the numbering readers expect.

Example
    ```text
    Officials confirmed the closure late on Sunday evening. [1]

    References:
    - Valley Times: Plant to close
    - This decision has sparked a lively debate among residents, many of whom have worked
      at the plant for decades and worry about what comes next for the town.
    ```

Use instead
    ```text
    Officials confirmed the closure late on Sunday evening. [1]

    References:
    - Valley Times: Plant to close
    ```

Fix
    Unsafe: ``citecheck fix --unsafe`` removes the item (its whole lines). Unsafe because the
    commentary may belong elsewhere in the article.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, first_line_end
from citecheck.parser.sourcelike import EMPTY_ITEM

CODE = "CC008"
NAME = "not-a-reference"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference-list item that is not a source. An empty numbered item that a
    marker cites (a wiki note whose text a conversion lost, ``[7]`` alone) is reported once,
    at the marker, by dangling-citation (CC002), which names the item's reason."""
    cited = {link.key for link in ctx.res.links if link.reference is None}
    for item in ctx.doc.non_references:
        if item.reason == EMPTY_ITEM and item.key in cited:
            continue
        end = first_line_end(ctx.doc.text, item.start, item.end)
        yield Violation(item.start, end, f"reference-list item is not a source: {item.reason}")
