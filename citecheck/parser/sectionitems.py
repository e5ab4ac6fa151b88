"""How a paragraph of a reference section splits into entries: one whose lines each open
an entry (``[1] …`` on consecutive lines is one Markdown paragraph; so are author-year
entries written one a line, a PDF conversion's entries with the page tail of the one above
at the start of their line, an RFC's ``[LABEL]  entry`` label column and lines of links),
and where an entry's line ends."""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.parser.authors import PARTICLES
from citecheck.parser.linklines import link_lines
from citecheck.text.recache import lazy

__all__ = ["ITEM_START", "line_end", "split_items"]

ITEM_START = lazy(
    r"^(?P<lead>\{\{[<%][^\n]{0,200}?[>%]\}\}[ \t]*)?"  # a Hugo shortcode (an anchor) first
    r"[ \t]{0,3}(?:\[[^\[\]\n]{1,80}\][ \t]|\[\d{1,9}\]\(|\d{1,3}[.)][ \t]|[a-z]{1,2}[.)][ \t]"
    r"|[-*+•^][ \t])",
    re.M,
)


# An author-year entry on a line of its own: "Lind, A. (1999) …", "Ross, B. and Moe, C.
# (2005) …", "Harbour Trust (1912) …", the line before it finished.
_ENTRY_HEAD = (
    rf"(?:(?:(?:{PARTICLES})[ -])*"
    r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"
    r",[ \t]+(?:[A-Z]\.|[A-Z][a-z]+)[^\n]{0,160}?|[A-Z][^\n,()]{1,60})"
    r"\(?(?:(?:1[6-9]|20)\d\d[a-z]?\b|(?i:in press|forthcoming|n\.d\.))"
)
# The line before may end in Markdown's hard line break, two blanks or more (MinerU ends
# every line of a list so: ``…arXiv:2309.15564.   ``).
_AUTHOR_ENTRY = lazy(
    r"(?:(?<=[.)\]>]\n)|(?<=[.)\]>]\r\n)|(?<=[.)\]>]  \n)|(?<=[.)\]>]   \n)|(?<=[.)\]>]    \n))"
    r"[ \t]{0,3}" + _ENTRY_HEAD
)
# A PDF conversion moves the page tail of an entry to the start of the next entry's line
# ("Journal of Hydrology 48,\n107–118. Van Wyk, D.B., 1987. …"): the entry opens after
# the tail, which stays with the entry above. Group 1 is where the entry opens.
_TAIL_ENTRY = lazy(
    r"(?<=[,;:]\n)[ \t]{0,3}(?:pp?\.\s*)?\d{1,6}(?:[–-]\d{1,6})?\.[ \t]+(" + _ENTRY_HEAD + ")"
)


# An RFC's label column: ``[RFC2119]  Bradner, S., …``, the label then two spaces or more,
# its continuation lines indented under the entry. A page that wraps the plain text in
# markup may indent a label line by the width of the tags it masks, so any indentation
# opens an entry when the paragraph itself opens with such a label.
_LABEL_COLUMN = lazy(r"\[[A-Za-z0-9][^\[\]\n]{0,40}\][ \t]{2,}(?=\S)")
_LABEL_COLUMN_LINE = lazy(r"^[ \t]*(\[[A-Za-z0-9][^\[\]\n]{0,40}\][ \t]{2,}(?=\S))", re.M)


def split_items(block: Block, source: str) -> list[Block]:
    """Split a paragraph of a reference section whose lines each open an entry
    (``[1] …`` on consecutive lines is one Markdown paragraph; so are author-year entries
    written one a line, and an RFC's ``[LABEL]  entry`` lines, however indented; a line
    may open with a Hugo shortcode before its label: ``{{< anchor "cite:2" >}}[2] …``)."""
    end = line_end(source, block.end)
    # A line may set a Hugo shortcode before its entry (``{{< anchor "cite:2" >}}[2] …``):
    # the entry starts after it.
    opened = list(ITEM_START.finditer(source, block.start, end))
    starts = [m.end("lead") if m.group("lead") else m.start() for m in opened]
    line_of = {m.end("lead"): m.start() for m in opened if m.group("lead")}  # entry → line
    if opened and opened[0].start() == block.start:
        block = Block(block.kind, starts[0], block.end, starts[0], section=block.section)
    if (not starts or starts[0] != block.start) and _LABEL_COLUMN.match(source, block.start):
        starts = [m.start(1) for m in _LABEL_COLUMN_LINE.finditer(source, block.start, end)]
        starts = [block.start, *(s for s in starts if s > block.start)]
    elif not starts and (lines := link_lines(source, block.start, end)):
        starts = lines
    elif not starts and "\n" in source[block.start : end]:
        found = [m.start() for m in _AUTHOR_ENTRY.finditer(source, block.start, end)]
        found += [m.start(1) for m in _TAIL_ENTRY.finditer(source, block.start, end)]
        starts = [block.start, *sorted(s for s in found if s > block.start)]
    if len(starts) < 2 or starts[0] != block.start:
        return [block]
    ends = [*(line_of.get(s, s) for s in starts[1:]), end]
    return [
        Block(BlockKind.ITEM, s, len(source[s:e].rstrip()) + s, s, section=block.section)
        for s, e in zip(starts, ends, strict=True)
    ]


def line_end(source: str, end: int) -> int:
    """The end of the line ``end`` is on (a Markdown item ends at its last text, before a
    link's destination or an autolink)."""
    nl = source.find("\n", end)
    nl = len(source) if nl < 0 else nl
    rest = source[end:nl]
    return end + len(rest.rstrip()) if rest.strip() else end
