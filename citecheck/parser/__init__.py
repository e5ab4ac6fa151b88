"""Parser: blocks in, sentences, markers, claims and references out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection

from citecheck.model import Block, BlockKind, Document, NonReference, Reference
from citecheck.parser import backmatter, claims
from citecheck.parser.anchors import anchored_notes
from citecheck.parser.answers import framing_sections
from citecheck.parser.body import Body, ParseOptions
from citecheck.parser.bundles import merge_bundles
from citecheck.parser.caretless import number_caretless_notes
from citecheck.parser.caretnotes import caret_notes
from citecheck.parser.chatty import drop_typed
from citecheck.parser.cutentries import goes_on
from citecheck.parser.leadins import share_lead_ins
from citecheck.parser.letternotes import letter_notes, passage_notes
from citecheck.parser.listentries import list_entries
from citecheck.parser.listhead import numbered_head
from citecheck.parser.lonenotes import pair_lone_notes
from citecheck.parser.lostnumbers import number_lost
from citecheck.parser.narration import narrations
from citecheck.parser.notelabels import settle_note_sections
from citecheck.parser.pagebreaks import without_marks
from citecheck.parser.parenlabels import number_paren_labels
from citecheck.parser.pendingnotes import pending_notes
from citecheck.parser.references import note_label, parse_item
from citecheck.parser.restarts import restart_lists
from citecheck.parser.results import mark_results
from citecheck.parser.rfcmentions import identified_rfc
from citecheck.parser.runon import run_on_lists
from citecheck.parser.scoped import scope_sections
from citecheck.parser.sections import find_sections
from citecheck.parser.sourcelike import EMPTY_ITEM, ERROR_ITEM, is_note
from citecheck.parser.sourcelines import read_source_lines
from citecheck.parser.sourcenotes import topic_notes
from citecheck.parser.specprofile import html_docket
from citecheck.parser.splitlabels import pair_split_labels
from citecheck.parser.tablerows import table_rows
from citecheck.parser.works import works_item
from citecheck.reader import Layout, read
from citecheck.reader.bookmatter import gutenberg
from citecheck.reader.latexheads import latex_bibliography, latex_bibliography_source
from citecheck.reader.pagemarks import paged_text
from citecheck.reader.pdfheads import unbroken_text
from citecheck.text.vocab import (
    NOTES_HEADING,
    READING_HEADING,
    REFERENCE_HEADING,
    reference_heading,
)

__all__ = ["ParseOptions", "parse"]

_PROSE_ITEMS = 3  # items a section needs before it can be judged prose
_PROSE_WORDS = 5  # words of an item with no source evidence that reads as prose
_BODY = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ITEM)


def parse(
    text: str, fmt: str, path: str | None = None, options: ParseOptions | None = None
) -> Document:
    """Parse a decoded text into a :class:`Document`."""
    opts = options or ParseOptions()
    heading = reference_heading(opts.reference_headings) if opts.reference_headings else None
    if fmt == "markdown" and (paged_text(text) or unbroken_text(text) or latex_bibliography(text)):
        fmt = "text"  # a PDF's text or LaTeX saved as .md: read as the plain text it is
    layout = read(text, fmt, heading)
    book = gutenberg(text)  # looked for in the source: an HTML reader masks the header
    # An HTML reader's text is the page as read, written at the offsets of its source.
    spec = layout.spec or (fmt == "html" and html_docket(text))  # a docket in <pre>, too
    text = layout.text
    doc = Document(text=text, fmt=fmt, path=path, blocks=layout.blocks, wiki=layout.wiki, spec=spec)
    doc.book, doc.citeproc = book, layout.citeproc
    # A draft or spec source whose tool builds the entries from the citations (kramdown-rfc,
    # mmark, Bikeshed, ReSpec) cites its sources with those link uses.
    doc.linked_sources = layout.spec and bool(layout.links)
    plain = fmt == "text" and not layout.notes_inline
    source = layout.masked if plain else latex_bibliography_source(text)
    doc.sections = find_sections(
        layout.blocks,
        layout.masked,
        heading or REFERENCE_HEADING,
        source,
        layout.listed,
        markup=fmt == "html",
    )
    if layout.anchors:
        anchored_notes(doc.blocks, layout)
    if plain and doc.sections:
        merge_bundles(doc.blocks, source)  # "^ Multiple sources:" and its lines: one entry
    summary = _summary_items(doc.blocks, layout)
    noted = _references(doc, source, summary)
    number_caretless_notes(doc)
    body = Body(doc, layout, opts)
    turn: str | None = None  # whose turn it is in an exported chat
    abstract: int | None = None  # the rank of the Abstract (or back matter) heading open
    works: int | None = None  # the rank of a list of works' heading open
    proofs = claims.proved(doc.blocks, layout.masked)
    # A wiki's explanatory note listed among references ([n 1], [a]) may cite others.
    explanatory = {r.start for r in doc.references if r.key and note_label(r.key)}
    for i, block in enumerate(doc.blocks):
        if block.kind in _BODY and block.section is None and block.start not in noted:
            if not block.cell:
                turn = _speaker(block, text, layout.masked) or turn
                abstract, no_claims = _abstract(block, text, abstract)
                works, listed = works_item(block, text, works)
                no_claims = no_claims or listed
            else:
                no_claims = abstract is not None
            own = turn != "user" and not no_claims and i not in proofs
            body.sentences(i, block, claims=own)
        elif i in summary or block.start in noted:
            body.sentences(i, block, claims=False)
        elif block.kind is BlockKind.FOOTNOTE or block.start in explanatory:
            doc.markers.extend(body.markers(block))  # notes may cite too
    _settle(doc, layout, opts)
    return doc


def _settle(doc: Document, layout: Layout, opts: ParseOptions) -> None:
    """The passes over the whole parsed document, in order: which sections are notes, notes
    paired with their calls, placeholders, typed lists, source lines, lead-ins shared
    (paragraph scope), section scopes, restarted lists, a paper's own results and an
    answer's framing sections."""
    settle_note_sections(doc)
    pair_lone_notes(doc)
    pending_notes(doc)
    drop_typed(doc, layout.masked)
    read_source_lines(doc)
    if opts.scope == "paragraph":
        share_lead_ins(doc, layout.masked)
        narrations(doc)
    scope_sections(doc)
    restart_lists(doc)
    mark_results(doc)
    framing_sections(doc)


def _summary_items(blocks: list[Block], layout: Layout) -> set[int]:
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


def _references(doc: Document, source: str, summary: Collection[int] = ()) -> set[int]:
    """Read the entries of the reference sections and the notes into ``doc``; return the
    starts of the blocks of a dropped section that are notes on sources named by topic
    (see :func:`_drop_prose_sections`)."""
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
    _mark_endnotes(doc)
    noted = _drop_prose_sections(doc, source)
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


def _speaker(block: Block, text: str, masked: str) -> str | None:
    """Whose turn a chat export's label opens (see :func:`claims.speaker`)."""
    words = masked[block.content_start : block.end].strip()
    if not words or (len(words) > 40 and ":" not in words[:20]):
        return None
    raw = text[block.start : block.end].strip()
    marked = block.kind is BlockKind.HEADING or raw.startswith(("**", "__"))
    return claims.speaker(words, marked)


def _abstract(block: Block, text: str, level: int | None) -> tuple[int | None, bool]:
    """Whether a body block belongs to the abstract or another section without claims (see
    :func:`backmatter.abstract_title`): returns the rank of that section's heading now open (None
    when none is) and whether the block is part of it. A bold line of its own ranks below
    every heading."""
    raw = text[block.start : min(block.end, block.start + 200)].strip()
    rank = block.level if block.kind is BlockKind.HEADING else 0
    opening = None  # a back-matter title or a run-in abstract, in one match
    if not rank and "\n" not in raw and raw.startswith(("**", "__")) and raw.endswith(("**", "__")):
        rank = 7  # **Abstract**, **Introduction**: a bold line serves as a heading
    elif not rank:
        opening = backmatter.OPENING.match(raw)
        if opening is not None and opening.group("back") is not None:
            rank = 7  # "Acknowledgements", "致谢" typed on a line of its own in the body style
    if rank:
        if level is not None and rank <= level:
            level = None
        if backmatter.abstract_title(raw):
            return rank, False
        return level, level is not None
    if block.kind is BlockKind.PARAGRAPH and opening is not None and opening.group("run_in"):
        return level, True
    return level, level is not None


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


def _mark_endnotes(doc: Document) -> None:
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


def _drop_prose_sections(doc: Document, source: str) -> set[int]:
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
