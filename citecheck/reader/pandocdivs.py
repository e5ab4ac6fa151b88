"""Pandoc's fenced divs: ``::: {#refs}`` … ``:::``, ``::: warning`` … ``:::``.

Pandoc wraps a part of a Markdown page in a div between colon fences; a thesis or an
article written for citeproc sets ``::: {#refs}`` and ``:::`` under its "References"
heading to say where the list it builds from the bibliography file goes. CommonMark knows
no such fence, so a Markdown reader takes the fence lines for a paragraph: under a
references heading, an entry ``{#refs}`` that nothing cites, and a list that makes the
file seem to hold its bibliography. The fence lines are blanked in the copy the Markdown
parser reads (same length, so offsets do not move); the text itself is unchanged.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# An opening fence with its attributes or class ("::: {#refs}", "::::: note") or a closing
# one ("::::"), alone on its line.
_FENCE = lazy(r"^[ \t]{0,3}:{3,}[ \t]*(?:\{[^{}\n]{0,200}\}|[\w-]{1,40})?[ \t]*:*[ \t]*$", re.M)


def pandoc_divs(text: str) -> str:
    """``text`` with the fence lines of Pandoc's fenced divs blanked (see the module); the
    same length, line for line."""
    if ":::" not in text:
        return text
    return _FENCE.sub(lambda m: " " * len(m.group()), text)
