"""What an index lookup asks and what it gets back: a :class:`Query` per reference, the
:class:`Record` s the indexes hold, a :class:`Lookup` per query, and the options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Index = Literal["crossref", "doi.org", "arxiv", "openalex", "search"]
Way = Literal["doi", "arxiv", "title", "search"]

CROSSREF = "https://api.crossref.org"
OPENALEX = "https://api.openalex.org"
ARXIV = "https://export.arxiv.org/api/query"
DOI = "https://doi.org"


@dataclass(frozen=True, slots=True)
class Query:
    """What a reference says of its work, as narrow as a lookup needs: the listed title,
    the first author's surname, the year, the DOI (``10.…``, no resolver prefix) and the
    arXiv id (``2101.00001`` or ``hep-th/9901001``, no version)."""

    title: str | None = None
    author: str | None = None
    year: int | None = None
    doi: str | None = None
    arxiv: str | None = None

    @property
    def way(self) -> Way | None:
        """How the work is looked up: by DOI, else arXiv id, else title and first author
        (only with both a title and an author); ``None`` when it cannot be."""
        if self.doi:
            return "doi"
        if self.arxiv:
            return "arxiv"
        if self.title and self.author:
            return "title"
        return None


@dataclass(frozen=True, slots=True)
class Record:
    """A work as an index records it: the index, its identifier there (a DOI, an arXiv id,
    an OpenAlex id), the title, the authors' surnames in order, the years it carries
    (issued, printed, online, posted: a reference may give any), and its address."""

    index: Index
    identifier: str
    title: str
    authors: tuple[str, ...]
    years: tuple[int, ...]
    url: str | None

    @property
    def year(self) -> int | None:
        """The earliest year the record carries."""
        return min(self.years) if self.years else None


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the indexes answered for one :class:`Query`.

    ``way`` is how it was asked; ``records`` what came back (for an identifier, the work
    it names; for a title, the candidates, best first as the indexes rank them);
    ``unknown`` is true when an index said the identifier names no work (404, an empty
    arXiv feed, an id arXiv calls malformed); ``problem`` is set when no index could
    answer (offline and not cached, a timeout, a 429 after retries, a malformed body):
    then nothing can be said of the work."""

    query: Query
    way: Way
    records: tuple[Record, ...] = ()
    unknown: bool = False
    problem: str | None = None
    asked: tuple[Index, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexOptions:
    """Which indexes are asked and how: ``mailto`` is the address sent to Crossref and
    OpenAlex (their "polite pool": faster, and a contact when something goes wrong); the
    base URLs may point elsewhere (a mirror, or a test server on loopback)."""

    mailto: str | None = None
    crossref: str = CROSSREF
    openalex: str = OPENALEX
    arxiv: str = ARXIV
    doi: str = DOI
    rows: int = 5
    """How many candidates a title search asks each index for."""
    search_url: str | None = None
    """A search backend's endpoint (SearXNG's ``/search``, asked with ``format=json``) for
    references with no URL or identifier (:mod:`citecheck.sources.search`); ``None``: no
    search."""
    outlet_domains: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Outlet name → its web domains, beyond :mod:`citecheck.text.outlet_names`' table."""
