"""Internal document model: plain slotted dataclasses carrying character offsets.

Everything here refers to offsets into the decoded text; conversion to line:column happens
once, in :mod:`citecheck.text.lines`, when findings are stamped. The records of the public
report live in :mod:`citecheck.report`.

The records are kept in :mod:`~citecheck.model.blocks` (blocks, markers, placeholders,
sentences, reference sections), :mod:`~citecheck.model.entries` (references and their
fields) and :mod:`~citecheck.model.document` (the document), and are imported from here.
"""

from __future__ import annotations

from citecheck.model.blocks import (
    LISTED_HEADING,
    Block,
    BlockKind,
    Marker,
    MarkerKind,
    Placeholder,
    Section,
    Sentence,
)
from citecheck.model.document import READING_HEADING, Document
from citecheck.model.entries import EntryFields, Name, NonReference, Reference

__all__ = [
    "LISTED_HEADING",
    "READING_HEADING",
    "Block",
    "BlockKind",
    "Document",
    "EntryFields",
    "Marker",
    "MarkerKind",
    "Name",
    "NonReference",
    "Placeholder",
    "Reference",
    "Section",
    "Sentence",
]
