"""What gives away a research paper extracted from its PDF as plain text.

A PDF text extractor keeps the lines of each page and little else: a heading is a line
among the lines of prose (``Abstract``, ``1 Introduction``, ``RESULTS``), often with no
blank line around it, so the reader takes it for part of a paragraph. An extract of the
body alone (no title, abstract or headings, as in a *Science* report cut for a corpus) still
shows the journal's pages: running heads with a page counter (``Kim et al., Science 368,
155–160 (2020) 10 April 2020 1 of 6``), figure captions (``Fig. 2. Structural properties
…``) and callouts of the figures (``(Fig. 1D)``, ``(fig. S3)``). Both are read here for
:mod:`citecheck.parser.profile`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.text.recache import lazy

# A line short enough to be a heading, with what it holds (no terminal full stop).
_SHORT_LINE = lazy(r"^[ \t]*([A-Z0-9][^\n]{2,58}?)[ \t]*$", re.M)
_TERMINAL = frozenset(".,;!?")
_NUMBERED = lazy(r"^(?:\d+|[IVX]+)(?:\.\d+)*\.?\s+[A-Z]")
_MOST_WORDS = 5  # an unnumbered heading line has this many words at most
# "Abstract" on its line, or run in: "Abstract—Dense meshes…" (IEEE), "Abstract. The…" (LNCS).
_ABSTRACT = lazy(
    r"^[ \t]*(?:abstract|a b s t r a c t)(?:[ \t]*[.:—–-]?[ \t]*$|[ \t]*[.:—–][ \t]*[A-Z])",
    re.I | re.M,
)
_ABSTRACT_HEAD = 8000  # an abstract opens a paper: looked for in its first characters
# ``1 of 6`` in a running head, the same total three times or more.
_COUNTER = lazy(r"(?<![\w.])\d{1,3} of (\d{1,3})(?![\w.])")
# A caption opens its line or follows a running head run into the prose ("… A R T I C L E
# Fig. 2. Structural properties").
_CAPTION = lazy(r"(?:^|\s)(?:Fig\.|Figure|FIG\.|FIGURE)\s*\d{1,2}[.:|]\s+[A-Z(]", re.M)
_FIGURE_CALLOUT = lazy(r"\((?:see\s+)?(?:Fig|fig|Figs|figs|Figure|figure|Figures)\.?\s*S?\d")
_LEAST_CAPTIONS = 2
_LEAST_CALLOUTS = 5
_LEAST_COUNTERS = 3


def heading_lines(text: str) -> Iterator[str]:
    """Yield the lines of ``text`` that may be headings a PDF extractor left among the
    prose: short lines opening with a capital or a number, without a closing full stop;
    unnumbered ones of :data:`_MOST_WORDS` words at most; ``Abstract`` only in the first
    :data:`_ABSTRACT_HEAD` characters."""
    if _ABSTRACT.search(text, 0, _ABSTRACT_HEAD):
        yield "Abstract"
    for m in _SHORT_LINE.finditer(text):
        title = m.group(1)
        if title[-1] in _TERMINAL:
            continue
        if not _NUMBERED.match(title) and len(title.split()) > _MOST_WORDS:
            continue
        if title.casefold().startswith("abstract"):
            continue  # only at the head of the text (above)
        yield title


def journal_pages(text: str) -> bool:
    """Whether a text keeps a journal's pages: a running head's page counter ``N of M``
    three times or more with the same ``M``, at least two figure captions and five
    callouts of figures."""
    totals: dict[str, int] = {}
    for m in _COUNTER.finditer(text):
        totals[m.group(1)] = totals.get(m.group(1), 0) + 1
    if not totals or max(totals.values()) < _LEAST_COUNTERS:
        return False
    if len(_CAPTION.findall(text)) < _LEAST_CAPTIONS:
        return False
    return len(_FIGURE_CALLOUT.findall(text)) >= _LEAST_CALLOUTS
