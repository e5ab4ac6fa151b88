"""Bracketed labels in a spec page that cite nothing: quoted text, not citations.

A spec page whose reference lists are lists of labels (xml2rfc, rfc2629.xslt: see
:func:`citecheck.reader.html_speclists.labelled_lists`) writes every citation as a link to its
entry (``<a href="#RFC2119">[RFC2119]</a>``). A bracketed label there that names no entry
of its lists is part of an example the spec quotes (a field definition written as another
document would write it: ``Foo-Example is an Item Structured Header [RFC8941].``), so it is
blanked from the masked text and never read as a marker. Numbers (``[1]``) and footnote
keys are left alone. The paragraph or list item that holds such a label quotes the example,
so it is never a claim either (it is marked as a cell: scanned for markers, never a claim).
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_LABEL = lazy(r"\[([A-Za-z][A-Za-z0-9._/+-]{1,40})\]")
_NOT_WORD = lazy(r"[\W_]+")


def _fold(label: str) -> str:
    """A label as markers are matched to entries: case and punctuation ignored (the
    ``[WOFF2-ER]`` of the text names the entry labelled ``WOFF2ER``)."""
    return _NOT_WORD.sub("", label).casefold()


def blank_unlisted_labels(masked: str, keys: set[str], blocks: list[Block]) -> str:
    """Blank (with spaces, offsets kept) every ``[LABEL]`` of ``masked`` whose label is not
    one of ``keys``, the labels of the page's reference lists, and mark the unlabelled
    paragraphs and list items holding one as quoted (``cell``); returns the new masked
    text, ``masked`` itself when ``keys`` is empty."""
    if not keys:
        return masked
    folded = {_fold(k) for k in keys}
    out = list(masked)
    spans = []
    for m in _LABEL.finditer(masked):
        label = m.group(1)
        if _fold(label) in folded or not any(c.isdigit() or c.isupper() for c in label):
            continue
        out[m.start() : m.end()] = " " * (m.end() - m.start())
        spans.append(m.start())
    for block in blocks:
        quoting = any(block.start <= at < block.end for at in spans)
        if quoting and block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM) and block.label is None:
            block.cell = True
    return "".join(out)
