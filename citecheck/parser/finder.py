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
from citecheck.parser.citekeys import CiteKeys
from citecheck.parser.flatnumbers import flat_habit, flat_numbers
from citecheck.parser.gluedcallouts import spaced_callouts, spaced_habit
from citecheck.parser.links import LinkCitations
from citecheck.parser.markers import Scan, normalise_label, scan
from citecheck.parser.markerset import (
    heading_label,
    moved,
    outside,
    outside_link_texts,
    prefer,
)
from citecheck.parser.memo import Memo, current
from citecheck.parser.nonmarkers import subscript
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
from citecheck.parser.starcalls import brace_calls, brace_habit, star_calls, star_habit
from citecheck.parser.superscripts import glued_word_habit, superscripts
from citecheck.parser.tablesources import source_cells
from citecheck.parser.titlecalls import TitleCalls
from citecheck.reader import Layout

_MARKERS = "markers"  # a memo's key for a block's markers
_AROUND = 64  # characters either side of a block that its markers may be read from


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
        self.starred, self.braced = self._book_calls(doc)
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
        self.token: object = None  # see _token

    def _book_calls(self, doc: Document) -> tuple[frozenset[str], frozenset[str]]:
        """The note keys a book calls by starred letters (``square miles. *a Its surface``,
        its lettered notes) and by braced numbers (``the Hale family.{1} Its wheel``, its
        numbered notes), each empty unless the text has that habit (see :mod:`.starcalls`)."""
        starred: frozenset[str] = frozenset()
        if self.lettered and "*" in self.masked:
            letters = frozenset(
                r.key
                for r in doc.references
                if r.kind is BlockKind.FOOTNOTE and r.key and len(r.key) <= 2 and r.key.isalpha()
            )
            starred = letters if star_habit(self.masked, letters) else frozenset()
        braced = doc.book and brace_habit(self.masked, self.numbers)
        return starred, self.numbers if braced else frozenset()

    def markers(self, block: Block) -> Scan:
        """Scan a block; reference-style links become markers of their own group.

        Under a :mod:`~citecheck.parser.memo` (the language server) the markers of a block
        are kept (see :meth:`_kept`); they are grouped here, after the block before."""
        memo = current()
        found = self._found(block) if memo is None else self._kept(memo, block)
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

    def _kept(self, memo: Memo, block: Block) -> Scan:
        """The markers of a block as the last check found them, moved to where the block
        now stands, when everything they were read from is unchanged: the block's text
        and masked text with :data:`_AROUND` characters either side (from its line's
        start), its reference-style links, and all the document's markers depend on
        besides (:meth:`_token`: the references, their labels and numbers, the habits).
        A table cell, a block with an inline link (which may add a linked source to the
        list) or a raised number (read from the tags around it) is scanned afresh."""
        lo_in = bisect_left(self.inline_starts, block.content_start)
        if block.cell or lo_in < bisect_left(self.inline_starts, block.end):
            return self._found(block)
        if self.sups and any(block.start <= s < block.end for s, _ in self.sups):
            return self._found(block)
        base = block.content_start
        text = self.doc.text
        lo = max(0, min(text.rfind("\n", 0, block.start) + 1, base - _AROUND))
        hi = block.end + _AROUND
        first = bisect_left(self.link_starts, lo)
        last = bisect_left(self.link_starts, hi)
        links = tuple((s - base, e - base, label) for s, e, label in self.links[first:last])
        where = (base - lo, block.end - base)
        key = (_MARKERS, self._token(memo), where, text[lo:hi], self.masked[lo:hi], links)
        kept: Scan = memo.get(key, lambda: moved(self._found(block), -base))
        return moved(kept, base)

    def _token(self, memo: Memo) -> object:
        """An object that stands for everything a block's markers are read from besides
        its own characters: the same object while all of it is as in the last check."""
        if self.token is None:
            doc = self.doc
            refs = tuple(
                (r.key, r.number, r.aliases, r.kind, r.section, r.text, r.title, r.outlet, r.year)
                for r in doc.references
            )
            more = tuple((r.authors, r.url, r.doi, r.note) for r in doc.references)
            rfcs = tuple(sorted(self.rfcs.items()))
            state = (self.labels, self.numbers, self.defined, self.own, self.headings, rfcs)
            habits = (
                self.lettered,
                self.glued,
                self.spaced,
                self.flat,
                self.parens,
                self.unlisted,
                self.starred,
                self.braced,
                self.pointers,
            )
            found = (
                self.citekeys is None,
                doc.explicit_numbers,
                self.authoryear.listing,
                bool(doc.sections),
                doc.bibliography,
                self.citekeys.outside if self.citekeys is not None else None,
            )
            self.token = memo.get((_MARKERS, refs, more, state, habits, found), object)
        return self.token

    def _found(self, block: Block) -> Scan:
        """The markers of a block, ungrouped."""
        found = scan(
            self.masked, block.content_start, block.end, self.labels, self.numbers, self.lettered
        )
        if self.own is not None:
            found.markers = [m for m in found.markers if normalise_label(m.keys[0]) != self.own]
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
            text = self.doc.text
            uses = [
                Marker(s, e, text[s:e], (label,), MarkerKind.LINK)
                for s, e, label in self.links[lo:hi]
                # ``A[i][0]`` reads as a reference link to "0": an index, not a link
                if label.casefold() in self.defined or not subscript(text, s, e)
            ]
            # ``[5][9]`` with no definition for 9 is two numbers, not a link labelled 9.
            if self.headings:  # ``[the half-angle formulae]``: a link to a section
                uses = [
                    u
                    for u in uses
                    if u.keys[0].casefold() in self.defined
                    or heading_label(u.keys[0]) not in self.headings
                ]
            plain = set(map(id, outside(uses, found.markers)))
            uses = [u for u in uses if u.keys[0].casefold() in self.defined or id(u) in plain]
            found.markers = prefer(found.markers, uses)
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
