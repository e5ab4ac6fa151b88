"""The layout of a document and the citations in it: blocks, markers, placeholders,
sentences and reference sections, each located by character offsets into the text."""

from __future__ import annotations

import re
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
