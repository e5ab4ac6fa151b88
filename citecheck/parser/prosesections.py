"""Sections of a reference list that are no list: a notes section of the writer's asides
(its numbered entries stay entries, flagged notes) and a section named References that
reads as prose (its blocks go back to the body). Both are judged by whether the entries show
a source: an address, a DOI, a year, authors, an outlet or a label of their own."""

from __future__ import annotations

from bisect import bisect_right

from citecheck.model import Block, BlockKind, Document, NonReference, Reference
from citecheck.parser.listhead import numbered_head
from citecheck.parser.rfcmentions import identified_rfc
from citecheck.parser.sourcelike import EMPTY_ITEM, ERROR_ITEM, is_note
from citecheck.parser.sourcenotes import topic_notes
from citecheck.text.vocab import NOTES_HEADING

__all__ = ["drop_prose_sections", "mark_endnotes"]

_PROSE_ITEMS = 3  # items a section needs before it can be judged prose
_PROSE_WORDS = 5  # words of an item with no source evidence that reads as prose


def _sourced(ref: Reference) -> bool:
    """Whether an entry shows a source: an address, a DOI, a year, authors, an outlet, a
    label of its own (``[RFC2119]``) or, in an entry that shows its number or label, the
    number of the one RFC it is (``[1] …, RFC 1341.``, an identifier as a DOI is; see
    :mod:`.rfcmentions`). An unnumbered line naming an RFC (a registry table's row, a
    field's description) is not an entry by that."""
    web = (ref.url or "").startswith(("http://", "https://", "ftp://"))
    labelled = ref.key is not None and not ref.key.isdigit()
    shown = web or bool(ref.doi or ref.year or ref.authors or ref.outlet) or labelled
    listed = ref.key is not None or ref.number is not None
    return shown or (listed and identified_rfc(ref) is not None)


def _prose(ref: Reference) -> bool:
    """An entry with no source that reads as a sentence or introduces what follows."""
    text = ref.text.rstrip()
    return not _sourced(ref) and (len(text.split()) >= _PROSE_WORDS or text.endswith(":"))


def mark_endnotes(doc: Document) -> None:
    """A notes section of numbered entries, most of them asides (an essay's ``Notes``,
    ``[1] Even the desire to protect one's children seems weaker…``), holds the writer's
    endnotes: they stay entries, which its markers resolve to, each flagged a note when it
    reads as an aside (see :func:`sourcelike.is_note`), and the section is marked
    ``endnotes``. An unnumbered paragraph there goes on the note before it or thanks the
    readers: it is no entry."""
    for k, section in enumerate(doc.sections):
        if not NOTES_HEADING.search(section.title):
            continue
        listed = [r for r in doc.references if r.section == k and r.kind is not BlockKind.LINKDEF]
        numbered = [r for r in listed if r.number is not None]
        if not numbered or 2 * sum(is_note(r.text) for r in numbered) <= len(numbered):
            continue
        section.endnotes = True
        loose = {id(r) for r in listed if r.number is None and r.key is None}
        doc.references = [r for r in doc.references if id(r) not in loose]
        for ref in numbered:
            ref.note = is_note(ref.text)


# What a section of prose still holds: link definitions, and the footnotes a converter
# wrote at the end of the page under the last heading (Pandoc's ``div.footnotes`` after a
# closing "Notes" section of the writer's own paragraphs).
_KEPT_IN_PROSE = frozenset({BlockKind.LINKDEF, BlockKind.FOOTNOTE})


def _end_section(doc: Document, k: int, end: int) -> None:
    """End section ``k`` at ``end``: its entries, set-aside items and blocks after it go
    back to the body."""
    doc.sections[k].end = end
    doc.references = [
        r for r in doc.references if r.section != k or r.start < end or r.kind in _KEPT_IN_PROSE
    ]
    doc.non_references = [n for n in doc.non_references if not end <= n.start < _after(doc, k)]
    for block in doc.blocks:
        if block.section == k and block.start >= end:
            block.section = None


def _after(doc: Document, k: int) -> int:
    """Where the section after ``k`` starts (the text's end after the last)."""
    return doc.sections[k + 1].start if k + 1 < len(doc.sections) else len(doc.text)


def drop_prose_sections(doc: Document, source: str) -> set[int]:
    """A section named References whose items read as prose and mostly show no source (a
    spec's section on how its own cross-references work, a how-to) is prose: its blocks
    go back to the body: two in three of its items show no source, and one of them reads as
    prose. Short items with no evidence either way (``A: B 1``) keep it a list. Its link
    definitions and footnotes stay what they are. Returns the starts of the blocks of
    dropped sections written as notes on sources named by topic (:mod:`.sourcenotes`),
    which are read with no claim."""
    if not doc.sections:
        return set()
    refs: dict[int, list[Reference]] = {}
    for ref in doc.references:
        if ref.section is not None and ref.kind not in _KEPT_IN_PROSE:
            refs.setdefault(ref.section, []).append(ref)
    starts = [s.start for s in doc.sections]
    nons: dict[int, list[NonReference]] = {}
    for non in doc.non_references:
        if non.reason == ERROR_ITEM or (non.reason == EMPTY_ITEM and (non.key or "").isdigit()):
            continue  # an entry its tool failed to fetch, or a number left empty: broken
        k = bisect_right(starts, non.start) - 1
        if k >= 0 and non.start < doc.sections[k].end:
            nons.setdefault(k, []).append(non)
    prose: set[int] = set()
    for k in range(len(doc.sections)):
        listed, others = refs.get(k, []), nons.get(k, [])
        items = len(listed) + len(others)
        if items < _PROSE_ITEMS or 3 * sum(map(_sourced, listed)) >= items:
            continue
        if doc.sections[k].endnotes or not (others or any(_prose(r) for r in listed)):
            continue
        if (head := numbered_head(listed, others, _sourced)) is not None:
            _end_section(doc, k, head)  # the list it opens with, then body (listhead.py)
            continue
        prose.add(k)
    if not prose:
        return set()
    doc.references = [
        r for r in doc.references if r.section not in prose or r.kind in _KEPT_IN_PROSE
    ]
    held: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.section in prose and block.kind is not BlockKind.HEADING:
            held.setdefault(block.section, []).append(block)
    noted = {b.start for blocks in held.values() for b in topic_notes(blocks, source)}
    dropped = {id(n) for k in prose for n in nons.get(k, [])}
    doc.non_references = [n for n in doc.non_references if id(n) not in dropped]
    for block in doc.blocks:
        if block.section in prose:
            block.section = None
    return noted
