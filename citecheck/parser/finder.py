"""The markers of one block: brackets, raised numbers, links and author-year callouts.

Each kind is found by its own module (:mod:`.markers`, :mod:`.superscripts`, :mod:`.links`,
:mod:`.authoryear`); this one puts them together for a block: where two read the same
characters, the more specific wins (a link into the list over the callout in its text, a
callout over a bracket inside it), and markers side by side are grouped.
"""

from __future__ import annotations

from bisect import bisect_left

from citecheck.model import Block, BlockKind, Document, Marker, MarkerKind
from citecheck.parser.anchors import anchor_targets
from citecheck.parser.authoryear import AuthorYearIndex, listing
from citecheck.parser.backrefs import Previous, back_references
from citecheck.parser.citekeys import CiteKeys
from citecheck.parser.flatnumbers import flat_habit, flat_numbers
from citecheck.parser.gluedcallouts import spaced_callouts, spaced_habit
from citecheck.parser.keptmarkers import kept
from citecheck.parser.links import LinkCitations
from citecheck.parser.linkuses import link_uses
from citecheck.parser.markers import Scan, normalise_label, scan
from citecheck.parser.markerset import (
    heading_label,
    outside,
    outside_link_texts,
    prefer,
)
from citecheck.parser.memo import current
from citecheck.parser.numparens import candidates, cites_with_parentheses
from citecheck.parser.ownlabel import own_label
from citecheck.parser.pandocbib import bibliography_outside
from citecheck.parser.pointers import bracket_citations, pointer_prefixes
from citecheck.parser.rfcmentions import (
    abstract_blocks,
    called_out,
    listed_rfcs,
    mentions,
    relabel,
)
from citecheck.parser.standardnames import names_standards
from citecheck.parser.starcalls import book_calls, brace_calls, star_calls
from citecheck.parser.superscripts import glued_word_habit, superscripts
from citecheck.parser.tablesources import source_cells
from citecheck.parser.titlecalls import TitleCalls
from citecheck.parser.undated import UndatedIndex
from citecheck.reader import Layout


class MarkerFinder:
    """Finds the markers of the blocks of one document, in document order."""

    def __init__(self, doc: Document, layout: Layout) -> None:
        self.doc, self.masked = doc, layout.masked
        self.links = layout.links
        self.link_starts = [s for s, _, _ in layout.links]
        self.inline = layout.inline
        self.sups = layout.sups
        self.inline_starts = [s for s, _, _ in layout.inline]
        self.defined = frozenset(
            " ".join(r.key.split()).casefold()
            for r in doc.references
            if r.kind is BlockKind.LINKDEF and r.key
        )
        # Pandoc's implicit header references: ``[the half-angle formulae]`` links to the
        # section of that heading, when no definition takes the label.
        self.headings = frozenset(
            heading_label(doc.text[b.content_start : b.end])
            for b in doc.blocks
            if b.kind is BlockKind.HEADING and doc.fmt == "markdown"
        )
        self.labels = frozenset(normalise_label(r.key) for r in doc.references if r.key)
        self.numbers = frozenset(str(r.number) for r in doc.references if r.number is not None)
        # "[1] [13] Title": 13 names a listed source too
        self.numbers |= {a for r in doc.references for a in r.aliases}
        self.glued = glued_word_habit(self.masked, self.numbers)  # "simulators3."
        self.spaced = spaced_habit(self.masked, self.numbers)  # "deaths1 and" (PDF text)
        self.flat = flat_habit(self.masked)  # "…关键技术 1。": Gemini's numbers, copied
        self.lettered = any(len(k) <= 2 and k.isalpha() for k in self.labels)
        self.starred, self.braced = book_calls(doc, self.masked, self.numbers, self.lettered)
        # ``norms (1–5).``: parenthesised numbers cite a typed or Word-numbered list when
        # the body uses them so (see :mod:`.numparens`).
        body = (
            (b.content_start, b.end)
            for b in doc.blocks
            if b.section is None and b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)
        )
        self.parens = doc.explicit_numbers and cites_with_parentheses(
            body, self.masked, self.numbers
        )
        # ``[H14.1]`` where the text declares ``[HX.Y]`` (see :mod:`.pointers`)
        self.pointers = pointer_prefixes(self.masked)
        own = own_label(doc.text)  # ``[RFC6787]`` in RFC 6787 names itself, unless listed
        self.own = own if own not in self.labels else None
        # "as specified by RFC 2068", "ISO 8601 does not": the prose names a listed RFC or
        # standard (see :mod:`.rfcmentions`)
        self.rfcs: dict[str, str] = {}
        if "RFC" in self.masked or names_standards(self.masked):
            spans = ((b.content_start, b.end) for b in doc.blocks if b.section is None)
            called = called_out(self.masked, spans, [k for _, _, k in layout.links])
            self.rfcs = listed_rfcs(doc.references, called)
        # An abstract names the RFCs a document obsoletes or updates; it cites none.
        self.abstract = abstract_blocks(doc.blocks, doc.text) if self.rfcs else frozenset()
        self.cites = LinkCitations(
            doc, self.labels, anchors=anchor_targets(doc, layout.anchors), citing=layout.citing
        )
        listed = [
            r for r in doc.references if r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)
        ]
        self.authoryear = AuthorYearIndex.of(listed, numbered=doc.explicit_numbers)
        self.authoryear.listing = listing(doc)
        # ``(“Протяженность …” 2016)``: a work with no author, cited by its title
        self.titles = TitleCalls.of(listed) if self.authoryear else None
        # With no reference list at all, a callout that cannot be prose (``(Yao et al.,
        # 2022)``, ``(Smith, 2020; Ng, 2019)``) is still a citation: of a list that is missing.
        self.unlisted = not doc.references and not doc.sections
        if self.unlisted:
            self.authoryear.strict = True
        # Whether blocks are scanned for author-year or title-year callouts (asked once: the
        # scan runs on every block).
        self.listed_authoryear = bool(self.authoryear)
        # ``(vgl. Okafor et al.)``: entries with no year, cited by their authors; the
        # callout an ``(ebd.)`` cites (see :mod:`.undated`, :mod:`.backrefs`)
        self.undated, self.previous = (
            UndatedIndex.of(listed) if self.listed_authoryear else UndatedIndex(),
            Previous(),
        )
        self.calls_out = self.listed_authoryear or self.unlisted or self.titles is not None
        self.citekeys: CiteKeys | None = None
        if listed and any(c in self.masked for c in ("@", "\\cite", "[", "{%")):
            keys = CiteKeys(listed, self.authoryear)
            self.citekeys = keys if keys.matches(self.masked) else None
        if not listed and (kept := bibliography_outside(doc.text, self.masked)) is not None:
            # ``[@bush-1999]`` with ``bibliography: refs.bib``: keys of a list kept elsewhere
            doc.bibliography = kept.name
            self.citekeys = CiteKeys([], self.authoryear, outside=kept)
        elif self.unlisted:  # ``[olah2017feature]``: keys of a list that is missing
            self.citekeys = CiteKeys([], self.authoryear, raw_only=True)
        # One copy of each spelling and each tuple of keys: a long document writes ``[2]``
        # tens of thousands of times, and each marker would hold its own.
        self.raws: dict[str, str] = {}
        self.keys: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.token: object = None  # see keptmarkers._token

    def markers(self, block: Block) -> Scan:
        """Scan a block; reference-style links become markers of their own group.

        Under a :mod:`~citecheck.parser.memo` (the language server) the markers of a block
        are kept (see :mod:`.keptmarkers`); they are grouped here, after the block before."""
        memo = current()
        found = self.scan_block(block) if memo is None else kept(self, memo, block)
        if self.listed_authoryear:
            found.markers = self.previous.resolve(found.markers)
        # Markers side by side, with nothing but separators between, form one group
        # (``[1][2]``, ``[4], [5]``, ``[1][1]`` written as link labels alike).
        group = self.doc.markers[-1].group if self.doc.markers else 0
        prev_end, kind = -1, MarkerKind.NUMERIC
        for m in found.markers:
            between = self.masked[prev_end : m.start] if prev_end >= 0 else "x"
            # Reference links a space apart are links side by side, not one citation.
            touching = between == "" or "," in between or ";" in between
            if between.strip(" \t\n,;") or (not touching and MarkerKind.LINK in (kind, m.kind)):
                group += 1
            m.group, prev_end, kind = group, m.end, m.kind
            m.raw = self.raws.setdefault(m.raw, m.raw)
            m.keys = self.keys.setdefault(m.keys, m.keys)
            m.end = block.end if m.end == block.end else m.end  # the block's int, not a copy
        return found

    def scan_block(self, block: Block) -> Scan:
        """The markers of a block, ungrouped."""
        found = scan(
            self.masked, block.content_start, block.end, self.labels, self.numbers, self.lettered
        )
        if self.own is not None:
            found.markers = [  # a malformed marker has no key, and is no self-citation
                m for m in found.markers if not m.keys or normalise_label(m.keys[0]) != self.own
            ]
        if found.markers:
            found.markers = bracket_citations(
                found.markers, self.doc.text, self.masked, self.labels, self.pointers
            )
        if self.numbers:
            raised = superscripts(
                self.doc.text,
                self.masked,
                block.content_start,
                block.end,
                self.sups,
                self.numbers,
                self.glued,
            )
            if self.spaced:
                flat = spaced_callouts(self.masked, block.content_start, block.end, self.numbers)
                raised = prefer(flat, raised)
            found.markers = prefer(found.markers, raised)
        if self.flat:
            flat = flat_numbers(self.masked, block.content_start, block.end)
            found.markers = prefer(found.markers, outside(flat, found.markers))
        if self.parens:
            called = candidates(self.masked, block.content_start, block.end, self.numbers)
            found.markers = prefer(found.markers, outside(called, found.markers))
        if self.starred:
            starred = star_calls(self.masked, block.content_start, block.end, self.starred)
            found.markers = prefer(found.markers, outside(starred, found.markers))
        if self.braced:
            braced = brace_calls(self.masked, block.content_start, block.end, self.braced)
            found.markers = prefer(found.markers, outside(braced, found.markers))
        if self.numbers:  # ``| … | 26 |`` under ``Source(s)``, or such a table flattened
            cells = source_cells(self.doc.text, self.masked, block, self.numbers, found.markers)
            found.markers = cells
        # ``[^1](#fn:1)``: the link cites; the bracket inside it is not a marker of its own.
        inline = self._inline(block)
        found.markers = prefer(outside_link_texts(found.markers, self._spans(block)), inline)
        if self.rfcs and block.start not in self.abstract:
            named = mentions(self.masked, block.content_start, block.end, self.rfcs, found.markers)
            found.markers = prefer(found.markers, outside(named, found.markers))
            found.markers = relabel(found.markers, self.rfcs, self.labels)
        if self.citekeys is not None:  # ``[@smith2020, p. 4]``, ``\cite{smith2020}``
            keyed = self.citekeys.markers(self.masked, block.content_start, block.end)
            found.markers = prefer(found.markers, keyed)
        if self.calls_out:
            found.markers = self._callouts(block, found.markers, inline)
        lo = bisect_left(self.link_starts, block.content_start)
        hi = bisect_left(self.link_starts, block.end)
        if lo < hi:
            found.markers = link_uses(self, self.links[lo:hi], found.markers)
        return found

    def _callouts(self, block: Block, markers: list[Marker], inline: list[Marker]) -> list[Marker]:
        """``markers`` with the block's author-year and title-year callouts."""
        if self.listed_authoryear or (self.unlisted and block.kind is not BlockKind.HEADING):
            # With no list, only a parenthetical callout is sure to be one, and not in a
            # heading: ``#### FairJob Dataset (Academic, 2022)`` dates what it names.
            callouts = self.authoryear.scan(
                self.masked, block.content_start, block.end, narratives=not self.unlisted
            )
            # A link into the list says which entry it cites, whatever callout its text holds.
            markers = prefer(markers, outside(callouts, inline))
            if self.listed_authoryear:  # ``(vgl. ebd., S. 12)``: the work cited before
                back = back_references(self.masked, block.content_start, block.end)
                if self.undated:
                    back += self.undated.scan(self.masked, block.content_start, block.end)
                markers = prefer(markers, outside(sorted(back, key=lambda m: m.start), markers))
        if self.titles is not None:
            titled = self.titles.scan(self.masked, block.content_start, block.end)
            markers = prefer(markers, outside(titled, markers))
        return markers

    def _spans(self, block: Block) -> list[tuple[int, int]]:
        """The spans of a block's inline links, in order."""
        lo = bisect_left(self.inline_starts, block.content_start)
        hi = bisect_left(self.inline_starts, block.end)
        return [(s, e) for s, e, _ in self.inline[lo:hi]]

    def _inline(self, block: Block) -> list[Marker]:
        """Markers for the inline links of a block that cite (``[1](url)``, named ones)."""
        lo = bisect_left(self.inline_starts, block.content_start)
        hi = bisect_left(self.inline_starts, block.end)
        found = (self.cites.marker(s, e, url) for s, e, url in self.inline[lo:hi])
        return [m for m in found if m is not None]
