"""Parser: blocks in, sentences, markers, claims and references out."""

from __future__ import annotations

from citecheck.model import Block, BlockKind, Document
from citecheck.parser import backmatter, claims
from citecheck.parser.anchors import anchored_notes
from citecheck.parser.answers import framing_sections
from citecheck.parser.body import Body, ParseOptions
from citecheck.parser.bundles import merge_bundles
from citecheck.parser.caretless import number_caretless_notes
from citecheck.parser.chatty import drop_typed
from citecheck.parser.entrylists import read_entries, summary_items
from citecheck.parser.leadins import share_lead_ins
from citecheck.parser.lonenotes import pair_lone_notes
from citecheck.parser.narration import narrations
from citecheck.parser.notelabels import settle_note_sections
from citecheck.parser.pendingnotes import pending_notes
from citecheck.parser.references import note_label
from citecheck.parser.restarts import restart_lists
from citecheck.parser.results import mark_results
from citecheck.parser.scoped import scope_sections
from citecheck.parser.sections import find_sections
from citecheck.parser.sourcelines import read_source_lines
from citecheck.parser.specprofile import html_docket
from citecheck.parser.works import works_item
from citecheck.reader import Layout, read
from citecheck.reader.bookmatter import gutenberg
from citecheck.reader.latexheads import latex_bibliography, latex_bibliography_source
from citecheck.reader.pagemarks import paged_text
from citecheck.reader.pdfheads import unbroken_text
from citecheck.text.vocab import REFERENCE_HEADING, reference_heading

__all__ = ["ParseOptions", "parse"]

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
    summary = summary_items(doc.blocks, layout)
    noted = read_entries(doc, source, summary)
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
