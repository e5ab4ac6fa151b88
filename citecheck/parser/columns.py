"""Text laid out in two columns side by side, as ``pdftotext -layout`` writes a two-column page.

Each line of such a text holds a line of the left column, a gutter of blanks, and the line
of the right column beside it: the sentences of both columns interleave, line by line, so
neither a sentence, a citation nor the reference list can be read from it. A text is taken
for one when at least :data:`LEAST_LINES` lines, and :data:`SHARE` of its lines of prose,
hold two runs of prose (:data:`RUN` characters or more, mostly letters) a gutter of three
blanks or more apart, the gutter starting in the middle third of the line.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

LEAST_LINES = 30
"""Fewer lines side by side than this are a table or a figure, not a page of columns."""
SHARE = 0.25
"""At least this share of the lines of prose must be side by side."""
RUN = 20
"""The least length of each column's part of a line."""

_GUTTER = lazy(r"\S( {3,})\S")
# A line with a gutter of three blanks or more between two runs of text: the candidates.
_GUTTERED = lazy(r"^[^\n]*?\S {3,}\S[^\n]*$", re.M)
_LETTERS = lazy(r"[^\W\d_]")
# A line with at least RUN letters: a line of prose, the share's denominator.
# (Between two letters a run of other characters, taken whole: no backtracking.)
_PROSE_LINE = lazy(rf"^(?:(?:[\d_]|[^\w\n])*+[^\W\d_]){{{RUN}}}", re.M)


def side_by_side(text: str) -> int | None:
    """Return the offset of the first line of two columns side by side in ``text``, when the
    text is laid out in columns (see the module docstring), else None."""
    candidates = [m for m in _GUTTERED.finditer(text) if _paired(m.group())]
    if len(candidates) < LEAST_LINES:
        return None  # most texts stop here, after one pass of one expression
    prose = len(_PROSE_LINE.findall(text))
    if len(candidates) >= SHARE * prose:
        return candidates[0].start()
    return None


def _paired(line: str) -> bool:
    """Whether a line holds two runs of prose a gutter apart, the gutter mid-line."""
    body = line.rstrip()
    width = len(body)
    for m in _GUTTER.finditer(body):
        start, end = m.start(1), m.end(1)
        if not width / 3 <= start <= 2 * width / 3:
            continue
        left, right = body[:start].strip(), body[end:].strip()
        if _prose(left) and _prose(right):
            return True
    return False


def _prose(part: str) -> bool:
    return len(part) >= RUN and len(_LETTERS.findall(part)) >= 0.6 * len(part)
