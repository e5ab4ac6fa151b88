"""The entries of a document: each block of a reference section, each footnote and link
definition read into a :class:`Reference` (or a :class:`NonReference`), in order; an entry
cut by a page mark or a blank line joined again; a list's entries numbered by their labels,
or by their places where it shows none. A summary of the sources that cites link
definitions as prose does is no list of its own (:func:`summary_items`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from citecheck.model import Block, BlockKind, Document, Reference
from citecheck.parser.caretnotes import caret_notes
from citecheck.parser.cutentries import goes_on
from citecheck.parser.letternotes import letter_notes, passage_notes
from citecheck.parser.listentries import list_entries
from citecheck.parser.lostnumbers import number_lost
from citecheck.parser.pagebreaks import without_marks
from citecheck.parser.parenlabels import number_paren_labels
from citecheck.parser.prosesections import drop_prose_sections, mark_endnotes
from citecheck.parser.references import parse_item
from citecheck.parser.runon import run_on_lists
from citecheck.parser.splitlabels import pair_split_labels
from citecheck.parser.tablerows import table_rows
from citecheck.reader import Layout
from citecheck.text.vocab import NOTES_HEADING, READING_HEADING

__all__ = ["read_entries", "summary_items"]


def summary_items(blocks: list[Block], layout: Layout) -> set[int]:
    """Items of a reference section that cite link definitions (``* **Ledger**: …
    ([Harbour Trust][1])``): a summary of the sources above their definitions, which
    cites them as prose does and is not a list of its own. Returns their indexes."""
    if not layout.links or not any(b.kind is BlockKind.LINKDEF for b in blocks):
        return set()
    defined = {" ".join(b.label.split()).casefold() for b in blocks if b.label}
    uses = [s for s, _, label in layout.links if " ".join(label.split()).casefold() in defined]
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if block.section is None or block.kind not in (BlockKind.ITEM, BlockKind.PARAGRAPH):
            continue
        at = bisect_left(uses, block.content_start)
        if at < len(uses) and uses[at] < block.end:
            found.add(i)
    return found


def read_entries(doc: Document, source: str, summary: Collection[int] = ()) -> set[int]:
    """Read the entries of the reference sections and the notes into ``doc``; return the
    starts of the blocks of a dropped section that are notes on sources named by topic
    (see :func:`.prosesections.drop_prose_sections`)."""
    outlets: dict[str, str] = {}  # one string per outlet, not one per reference
    last: tuple[Block, Reference] | None = None  # the list's last entry and its block
    rows = table_rows(doc.blocks, source) if any(b.cell for b in doc.blocks) else {}
    runs = run_on_lists(doc.blocks, source) if doc.sections and doc.fmt != "html" else {}
    for i, written in enumerate(doc.blocks):
        if i in summary or (i in runs and not runs[i]):
            continue
        block = rows.get(i, written) if rows else written  # a table row: one entry
        if block is None:
            continue
        in_list = block.section is not None and block.kind in (BlockKind.ITEM, BlockKind.PARAGRAPH)
        if not (in_list or block.kind in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)):
            continue
        title = doc.sections[block.section or 0].title if in_list else ""
        # A notes section or a reading list may describe its sources in sentences.
        # So may any entry of a wiki's list, where a note explains beside the sources.
        notes = in_list and bool(
            doc.wiki or NOTES_HEADING.search(title) or READING_HEADING.search(title)
        )
        # A list run together is read by its numbers (runon.py).
        items = runs[i] if i in runs else list_entries(block, source, in_list, doc.fmt)
        # Where the next block starts: an item whose line runs on into it (an HTML list's
        # items written on one line) ends there.
        limit = doc.blocks[i + 1].start if i + 1 < len(doc.blocks) else None
        for item in items:
            if last is not None and in_list and goes_on(source, last[0], item):
                # The rest of an entry after a page mark (see pagebreaks.py) or a blank
                # line (cutentries.py).
                whole = Block(BlockKind.ITEM, last[0].start, item.end, last[0].content_start)
                whole.section = last[0].section
                ref, non = parse_item(whole, without_marks(source, last[0].end, item.start), notes)
                if ref is not None and last[1] is doc.references[-1]:
                    doc.references[-1] = ref
                    last = (whole, ref)
                    continue
            ref, non = parse_item(item, source, notes, limit if item is items[-1] else None)
            last = (item, ref) if in_list and ref is not None else None
            if ref is not None:
                if ref.outlet:
                    ref.outlet = outlets.setdefault(ref.outlet, ref.outlet)
                doc.references.append(ref)
            if non is not None:
                doc.non_references.append(non)
    pair_split_labels(doc)
    mark_endnotes(doc)
    noted = drop_prose_sections(doc, source)
    letter_notes(doc, source)
    passage_notes(doc)
    listed = [r for r in doc.references if r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)]
    number_paren_labels(listed)
    number_lost(listed, {n.key for n in doc.non_references if n.key})
    doc.explicit_numbers = any(r.number is not None for r in listed)
    # Notes numbered where they are called (wikitext's <ref>) own the numbers: a list of
    # sources beside them is cited by their text, not by its positions.
    numbered_notes = any(
        r.kind is BlockKind.FOOTNOTE and r.number is not None for r in doc.references
    )
    if not doc.explicit_numbers and not numbered_notes:
        _number_by_position(doc, source)
    for ref in doc.references:
        if ref.key is None and ref.number is not None:
            ref.key = str(ref.number)
    return noted


def _number_by_position(doc: Document, masked: str) -> None:
    """Number the keyless entries of a list that shows no numbers by their places, in order.
    A wiki page's text (lettered notes, then references, each entry after a caret) is read
    as the page shows it (see :mod:`citecheck.parser.caretnotes`)."""
    unnumbered, gaps = caret_notes(doc, masked)
    listed = [r for r in doc.references if r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)]
    starts = [g.start for g in gaps]
    n = 0
    for ref in listed:
        if ref.key is None and id(ref) not in unnumbered:
            n += 1
            ref.number = n + bisect_left(starts, ref.start)
    numbered = sorted(r.start for r in listed if r.number is not None)
    for i, gap in enumerate(gaps):
        gap.key = str(bisect_left(numbered, gap.start) + i + 1)
