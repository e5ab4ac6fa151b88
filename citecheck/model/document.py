"""A document: everything the parser understood about one text, and whether it cites
sources at all (what asks its claims to be cited)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from citecheck.model.blocks import (
    Block,
    BlockKind,
    Marker,
    MarkerKind,
    Placeholder,
    Section,
    Sentence,
)
from citecheck.model.entries import NonReference, Reference

READING_HEADING = re.compile(
    r"\b(?:further|additional|suggested|recommended)\s+reading\b|\bworks consulted\b"
    r"|\bfuentes\s+(?:de\s+consulta|consultadas)\b|\bfontes\s+consultadas\b"
    r"|\b(?:bibliograf[íi]a|obras)\s+consultadas?\b|\bouvrages\s+consultés",
    re.I,
)
"""A section title that names a reading list: sources listed, by design, without citation
("Works consulted", Spanish "Fuentes de consulta", "Bibliografía consultada", Portuguese
"Obras consultadas", French "Ouvrages consultés")."""
_CITING = (MarkerKind.NUMERIC, MarkerKind.LABEL, MarkerKind.AUTHOR_YEAR)


@dataclass(slots=True)
class Document:
    """Everything the parser understood about one text."""

    text: str
    fmt: str
    path: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    non_references: list[NonReference] = field(default_factory=list)
    explicit_numbers: bool = False
    linked_sources: bool = False
    """Sources are cited by the links an answer engine marks as its citations (ChatGPT's
    ``?utm_source=chatgpt.com``), with no reference list: the linked sources are the list."""

    wiki: bool = False
    """The text is a wiki's article (its HTML says MediaWiki made it): an article, whatever
    its reference list cites."""

    spec: bool = False
    """The text is an RFC or Internet-Draft by its markup (RFC XML's ``<rfc>`` root, or a
    page's header set in ``<pre>`` above its first heading): a spec, whatever its visible
    header lines."""

    book: bool = False
    """The text is a digitised book (a Project Gutenberg text or page): the profile reads it
    as a ``book``."""

    citeproc: bool = False
    """The text holds a bibliography Pandoc's citeproc rendered into it and cites its works
    (``<div id="refs" class="csl-bib-body">``, see :mod:`citecheck.reader.citeproc`)."""

    bibliography: str | None = None
    """A Pandoc source's bibliography kept in another file: the name its front matter gives
    (``refs.bib``), ``""`` when it names none, None when the document holds its own list or
    cites no keys. Its ``@key`` markers name entries of that file."""

    def _placeholders_in_prose(self) -> bool:
        """Whether a placeholder stands outside the notes: a note that asks for its source
        (``[^2]: Link needed.``) marks one claim, not a document that cites."""
        if not self.placeholders:
            return False
        notes = [(r.start, r.end) for r in self.references if r.kind is BlockKind.FOOTNOTE]
        return any(not any(a <= p.start < b for a, b in notes) for p in self.placeholders)

    def cites_sources(self) -> bool:
        """Whether the document cites sources at all: numbered or labelled markers, a
        reference section, placeholders, or notes (footnotes, or an essay's numbered
        endnotes) that mostly hold sources and that a claim cites. Links alone, notes
        written as asides (a book's explanatory footnotes, an essay's ``Notes``) or a
        reading list (Further reading) do not make an article whose claims need citing, nor
        does a reference section with nothing under its heading (a wiki page's plain-text
        extract keeps the heading and drops the list and every marker)."""
        if self._placeholders_in_prose():
            return True
        citing = [s for s in self.sections if not (s.endnotes or READING_HEADING.search(s.title))]
        if citing:
            starts = sorted(b.start for b in self.blocks if b.kind is not BlockKind.HEADING)
            # A section holds text when a block other than a heading starts inside it.
            if any(bisect_left(starts, s.start) < bisect_left(starts, s.end) for s in citing):
                return True
        ends = {k for k, s in enumerate(self.sections) if s.endnotes}
        notes = [
            r
            for r in self.references
            if r.kind is BlockKind.FOOTNOTE
            or (r.section in ends and r.kind is not BlockKind.LINKDEF)
        ]
        noted = {r.key for r in notes}
        if self.linked_sources or any(
            m.kind in _CITING and not (m.keys and noted.issuperset(m.keys)) for m in self.markers
        ):
            return True
        if not notes or 2 * sum(not r.note for r in notes) < len(notes):
            return False
        # Notes hung only on labels and headings ("Button[^1]." in a feature sample) give
        # the reader a link, not a claim's source.
        return any(s.claim and s.markers for s in self.sentences)
