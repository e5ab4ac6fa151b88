"""One block of a reference list, split into the entries it holds."""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.parser.gluednames import split_glued_names
from citecheck.parser.sections import split_glued, split_items


def list_entries(block: Block, source: str, in_list: bool, fmt: str) -> list[Block]:
    """The entries of ``block``: a paragraph whose lines each open an entry is split at
    them (:func:`~citecheck.parser.sections.split_items`), and in a reference section an
    entry a converter glued onto the one before it is split off
    (:func:`~citecheck.parser.sections.split_glued`,
    :func:`~citecheck.parser.gluednames.split_glued_names`). ``in_list``: the block is in a
    reference section; ``fmt``: the document's format. A list run together across its
    lines is read by :mod:`citecheck.parser.runon` instead."""
    items = split_items(block, source) if block.kind is BlockKind.PARAGRAPH else [block]
    # An HTML entry a link names (``<li id="cite_note-3">``) is one entry by its markup.
    if in_list and not (fmt == "html" and block.label is not None):
        items = [glued for item in items for glued in split_glued(item, source)]
        items = [named for item in items for named in split_glued_names(item, source)]
    return items
