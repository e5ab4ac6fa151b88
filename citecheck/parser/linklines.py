"""A source list written one link a line, without numbers, as a copied page gives it.

Gemini's deep-research report, copied from its page as text, keeps its "Works cited" as a
line of its own above one line per source, ``Title - Site, accessed September 17, 2025,
https://…``, each ending with its link, with no number, bullet or blank line between
them: one paragraph, label and all. The report's numbers (``…in 2023.49``) count the
lines in order. A line counts as a source's when it ends with a link and opens with
text, not a list's or a quotation's mark; a paragraph of two such lines or more, every
line one, is a list of that many entries.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# A line of text that ends with a link: not a bullet, a number, a bracket, a heading, a
# quotation or a table's row (lists the line-start rules read already).
_SOURCE_LINE = lazy(
    r"[ \t]*(?![-*+•#>|\[]|\d{1,3}[.)][ \t])\S[^\n]{0,400}?\bhttps?://[^\s<>]+[ \t\r]*$", re.M
)


def link_lines(source: str, start: int, end: int) -> list[int] | None:
    """The starts of the lines of ``source[start:end]`` when there are two or more and
    every one is a source's line (see the module), else None."""
    starts: list[int] = []
    at = start
    while at < end:
        nl = source.find("\n", at, end)
        stop = end if nl < 0 else nl
        if source[at:stop].strip():
            if _SOURCE_LINE.fullmatch(source, at, stop) is None:
                return None
            starts.append(at)
        at = stop + 1
    return starts if len(starts) >= 2 else None


def opens_link_lines(source: str, at: int, end: int) -> bool:
    """Whether ``source[at:end]`` opens with two source lines (a list below a label)."""
    first = _SOURCE_LINE.match(source, at, end)
    if first is None:
        return False
    nl = source.find("\n", first.end(), end)
    return nl >= 0 and _SOURCE_LINE.match(source, nl + 1, end) is not None
