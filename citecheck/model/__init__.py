"""Internal document model: plain slotted dataclasses carrying character offsets.

Everything here refers to offsets into the decoded text; conversion to line:column happens
once, in :mod:`citecheck.text.lines`, when findings are stamped. The records of the public
report live in :mod:`citecheck.report`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

# Whitespace that ``" ".join(text.split())`` would change: any but a space, or two spaces
# (``\s`` and ``str.split`` agree on what is whitespace).
_UNEVEN = re.compile(r"[^\S ]| {2}")


class BlockKind(StrEnum):
    """What a block of the document is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    FOOTNOTE = "footnote"
    LINKDEF = "linkdef"


class MarkerKind(StrEnum):
    """How a citation marker is written."""

    NUMERIC = "numeric"
    LABEL = "label"
    FOOTNOTE = "footnote"
    LINK = "link"
    AUTHOR_YEAR = "author-year"


READING_HEADING = re.compile(
    r"\b(?:further|additional|suggested|recommended)\s+reading\b|\bworks consulted\b", re.I
)
"""A section title that names a reading list: sources listed, by design, without citation."""
_CITING = (MarkerKind.NUMERIC, MarkerKind.LABEL, MarkerKind.AUTHOR_YEAR)


LISTED_HEADING = "references"
"""The label of a heading whose reader saw a reference list under it (a wiki's
``<ol class="references">``): a reference section whatever its name."""


@dataclass(slots=True)
class Block:
    """A unit of layout: a heading, a paragraph, a list item or a definition."""

    kind: BlockKind
    start: int
    end: int
    content_start: int
    level: int = 0
    label: str | None = None
    number: int | None = None
    section: int | None = None
    cell: bool = False
    """A table cell: scanned for markers, never a claim."""


@dataclass(slots=True)
class Marker:
    """One bracketed citation, e.g. ``[1, 3-5]``, ``[RFC2119]`` or ``[^note]``."""

    start: int
    end: int
    raw: str
    keys: tuple[str, ...]
    kind: MarkerKind
    group: int = 0
    problem: str | None = None


@dataclass(slots=True)
class Placeholder:
    """A citation placeholder left in a draft, e.g. ``[citation needed]``."""

    start: int
    end: int
    raw: str


@dataclass(slots=True)
class Sentence:
    """A sentence of the body with the markers it carries.

    Its text is read from the document's (``source``) when asked for: a long document has
    hundreds of thousands of sentences, and a copy of each would cost as much again as
    the document. Only a sentence that whitespace normalising changes keeps its own
    (``normal``); see :meth:`of`.
    """

    start: int
    end: int
    source: str = field(repr=False, compare=False)
    """The document's text, which ``start`` and ``end`` index."""
    block: int
    markers: tuple[Marker, ...] = ()
    heading: bool = False
    claim: bool = False
    placeholder: bool = False
    covered_by: tuple[str, ...] = ()
    results: bool = False
    """The sentence stands in a Results section (a paper's own findings)."""
    normal: str | None = field(default=None, repr=False, compare=False)
    """The text with its whitespace normalised, when that differs from the source's."""

    @classmethod
    def of(cls, source: str, start: int, end: int, block: int, heading: bool = False) -> Sentence:
        """The sentence ``source[start:end]`` of a block (an index into the blocks)."""
        normal = None
        if start < end and (
            _UNEVEN.search(source, start, end) or source[start] == " " or source[end - 1] == " "
        ):
            normal = " ".join(source[start:end].split())
        return cls(start, end, source, block, heading=heading, normal=normal)

    @property
    def text(self) -> str:
        """The sentence's text, each run of whitespace one space, none at either end."""
        normal = self.normal
        return self.source[self.start : self.end] if normal is None else normal


@dataclass(slots=True)
class Section:
    """A reference section, from its heading to the next heading of its rank."""

    title: str
    start: int
    end: int
    covers: tuple[int, int] | None = None
    """The body span (start, end) a section's own list attributes (a report whose sections
    each end in ``### Sources``); None for a list that serves the whole document."""
    serves: tuple[int, int] | None = None
    """The body span (start, end) whose markers this list's keys answer, when numbering
    restarts with each list (an answer transcript's ``Citations:`` after every answer, a
    book's notes after every chapter); None for a list whose keys serve the whole document."""
    endnotes: bool = False
    """The section holds the writer's numbered endnotes, mostly asides (an essay's
    ``Notes``): read like footnotes, not as a list of sources."""
    citeproc: bool = False
    """The section is a run of author-date entries that closes the document with no
    heading, as citeproc writes its list (see :mod:`citecheck.parser.headless`)."""


@dataclass(frozen=True, slots=True)
class Name:
    """One author of an entry: ``surname`` as written (particles kept: ``van der Berg``),
    ``given`` the given names or initials as written (``"A. B."``, ``"AB"``, ``"Anna"``;
    empty for a group author such as ``World Health Organization``)."""

    surname: str
    given: str = ""


@dataclass(slots=True)
class EntryFields:
    """A scholarly entry read into fields (see :mod:`citecheck.parser.entryfields`).

    ``year`` keeps its letter (``"2020a"``) or reads ``"n.d."`` / ``"in press"``; ``venue``
    is the journal, proceedings, book or publisher the work appeared in; ``pages`` is
    ``"45-67"`` or one page or article number; ``doi`` is bare (``10.1000/x``), ``arxiv``
    the identifier (``2101.00001v2``, ``hep-th/9901001``), ``pmcid`` with its ``PMC``,
    ``isbn`` digits and ``X`` only. ``style`` names the style recognised (``apa``,
    ``ieee`` …; see :data:`citecheck.parser.entryfields.STYLES`) or is None."""

    style: str | None = None
    authors: tuple[Name, ...] = ()
    et_al: bool = False
    year: str | None = None
    title: str | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    isbn: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Reference:
    """A parsed entry of a reference list, footnote definition or link definition."""

    key: str | None
    start: int
    end: int
    text: str
    kind: BlockKind
    section: int | None = None
    number: int | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    note: bool = False
    """A footnote that holds commentary rather than a source."""
    entry: EntryFields | Callable[[str], EntryFields] | None = field(
        default=None, repr=False, compare=False
    )
    """The entry's scholarly fields, or the function that reads them from ``text`` when
    :attr:`fields` is first asked for (most checks never ask)."""
    aliases: tuple[str, ...] = ()
    """Other keys the entry is cited by: ``[\\[1\\]](…) [\\[13\\]](…) Title`` is one source
    cited as 1 and as 13."""

    @property
    def fields(self) -> EntryFields | None:
        """The entry read as a scholarly reference, field by field (None for a link
        definition); read from ``text`` on first use."""
        entry = self.entry
        if entry is None or isinstance(entry, EntryFields):
            return entry
        self.entry = read = entry(self.text)
        return read

    @fields.setter
    def fields(self, value: EntryFields | None) -> None:
        self.entry = value


@dataclass(slots=True)
class NonReference:
    """A reference-list item that does not read as a source."""

    start: int
    end: int
    text: str
    reason: str
    key: str | None = None


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
