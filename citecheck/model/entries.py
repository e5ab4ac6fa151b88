"""The entries of a reference list: a reference with its scholarly fields (read when first
asked for), its authors' names, and a list item that does not read as a source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from citecheck.model.blocks import BlockKind


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
