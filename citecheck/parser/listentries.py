"""One block of a reference list, split into the entries it holds."""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.parser.gluednames import split_glued_names
from citecheck.parser.sections import split_items
from citecheck.text.recache import lazy


def list_entries(block: Block, source: str, in_list: bool, fmt: str) -> list[Block]:
    """The entries of ``block``: a paragraph whose lines each open an entry is split at
    them (:func:`~citecheck.parser.sections.split_items`), and in a reference section an
    entry a converter glued onto the one before it is split off
    (:func:`split_glued`,
    :func:`~citecheck.parser.gluednames.split_glued_names`). ``in_list``: the block is in a
    reference section; ``fmt``: the document's format. A list run together across its
    lines is read by :mod:`citecheck.parser.runon` instead. An entry a converter wrote
    without its authors opens with its year ("2023. Bliva: …"), which Markdown takes for
    the number of an ordered list's item and runs the entries of the lines below into it
    (lazy continuation lines): that item is split at its lines as a paragraph is."""
    lines = block.kind is BlockKind.PARAGRAPH or (
        block.kind is BlockKind.ITEM and _YEAR_ITEM.match(source, block.start) is not None
    )
    items = split_items(block, source) if lines else [block]
    # An HTML entry a link names (``<li id="cite_note-3">``) is one entry by its markup.
    if in_list and not (fmt == "html" and block.label is not None):
        items = [glued for item in items for glued in split_glued(item, source)]
        items = [named for item in items for named in split_glued_names(item, source)]
    return items


# A year where an ordered list's number would stand: "2023. Bliva: …" (no list runs to 1800).
_YEAR_ITEM = lazy(r"[ \t]*(?:18|19|20)\d\d\.[ \t]")
# An entry's own number at its start: "[27] …", "* [27] …", "27. …".
_OWN_NUMBER = lazy(r"[ \t]*(?:[-*+•][ \t]+)?(?:\[(\d{1,4})\]|(\d{1,4})\.)[ \t]")


def split_glued(item: Block, source: str) -> list[Block]:
    """Split an entry that a converter glued onto the line of the one before it
    (``* [27] C. Zhang, … Conference on * [28] Y. Zhang, …``). Only the next number in
    sequence, opening with a bullet or bracket as the list's entries do and followed by a
    capital (an author's name), starts a new entry; an entry citing ``[28]`` in its text
    stays whole."""
    own = _OWN_NUMBER.match(source, item.start, item.end)
    if own is None:
        return [item]
    bracketed = own.group(1) is not None
    number = int(own.group(1) or own.group(2))
    out: list[Block] = []
    start = item.start
    while True:
        nxt = number + 1
        pattern = (
            rf"[ \t](?:[-*+•][ \t]+)?\[{nxt}\][ \t]+(?=[A-Z])"
            if bracketed
            else rf"[ \t][-*+•][ \t]+{nxt}\.[ \t]+(?=[A-Z])"
        )
        m = re.compile(pattern).search(source, start + 1, item.end)
        if m is None or _OWN_NUMBER.fullmatch(source, start, m.start() + 1):
            break  # "[1] [2] Title": one source under two numbers, not an empty entry
        end = len(source[start : m.start()].rstrip()) + start
        out.append(
            Block(
                BlockKind.ITEM,
                start,
                end,
                start if out else item.content_start,
                section=item.section,
            )
        )
        start, number = m.start() + 1, nxt
    if not out:
        return [item]
    out.append(Block(BlockKind.ITEM, start, item.end, start, section=item.section))
    return out
