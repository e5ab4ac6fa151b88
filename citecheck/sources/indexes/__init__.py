"""Looking references up in scholarly indexes: does the work exist, and what do the
indexes record of it?

Each reference becomes a narrow :class:`Query` (title, first author's surname, year,
DOI, arXiv id; :func:`query_of`), looked up (:func:`look_up`) by the strongest handle it
has:

- a DOI: Crossref's ``/works/{doi}``; when Crossref does not know it (a DataCite or mEDRA
  DOI) or cannot answer, doi.org with ``Accept: application/vnd.citationstyles.csl+json``
  (content negotiation, answered by the DOI's registration agency). A DOI both call
  unknown (404) names no work.
- an arXiv id: the arXiv API (``?id_list=``); an empty feed, or an error entry for an id
  arXiv calls malformed, names no work.
- else a title and a first author: Crossref's ``/works?query.bibliographic=…&query.author=…``,
  OpenAlex's ``/works?search=…`` and the arXiv API's ``search_query`` (surname and title
  words), a few candidates each. An index that answers a search with anything but 200
  (OpenAlex's 400 "Invalid query parameters") did not search: its silence is a problem
  noted, not evidence that the work does not exist.

Whether a record is the reference's work is judged in :mod:`citecheck.verifier.records`;
nothing here compares. Requests go through :mod:`.client` (the fetcher, its guard and
deadlines, the cache, ``--offline``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlencode

from citecheck.model import Reference
from citecheck.sources.indexes.client import Client, Unanswered
from citecheck.sources.indexes.model import Index, IndexOptions, Lookup, Query, Record
from citecheck.sources.indexes.wire import (
    Malformed,
    arxiv_feed,
    crossref_items,
    crossref_work,
    csl_json,
    openalex_results,
)
from citecheck.sources.model import SourceOptions

__all__ = [
    "IndexOptions",
    "Lookup",
    "Query",
    "Record",
    "arxiv_id",
    "look_up",
    "look_up_all",
    "query_of",
]

CSL = "application/vnd.citationstyles.csl+json"
_ARXIV_ID = re.compile(
    r"(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf)/)"
    r"(\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?",
    re.IGNORECASE,
)


def arxiv_id(text: str) -> str | None:
    """The arXiv id an entry's text or URL gives (``arXiv:2101.00001v2``,
    ``https://arxiv.org/abs/hep-th/9901001``), without its version; ``None`` when none."""
    m = _ARXIV_ID.search(text)
    return m.group(1) if m else None


def _surname(author: str) -> str:
    """The surname of an author as a list writes it: ``Windisch, T.`` → ``Windisch``,
    ``T. Windisch`` → ``Windisch``."""
    if "," in author:
        return author.split(",", 1)[0].strip()
    words = [w for w in author.split() if not w.rstrip(".").isupper() or len(w) > 3]
    return (words or author.split() or [""])[-1].strip(".,;")


def query_of(ref: Reference) -> Query:
    """What a reference gives a lookup (see :class:`Query`): the entry's scholarly fields
    (:mod:`citecheck.parser.entryfields`) where they were read, else what the list
    parser took (its title, its first author, its year, its DOI, an arXiv id in the
    URL or text)."""
    f = ref.fields
    arxiv = (f.arxiv if f else None) or arxiv_id(" ".join(filter(None, (ref.url, ref.text))))
    if f and f.authors and f.authors[0].surname:
        author: str | None = f.authors[0].surname
    else:
        author = _surname(ref.authors[0]) if ref.authors else None
    year = ref.year
    if year is None and f and f.year and f.year[:4].isdigit():
        year = int(f.year[:4])
    title = (f.title if f else None) or ref.title
    doi = ref.doi or (f.doi if f else None)
    return Query(title, author or None, year, doi, arxiv)


def look_up_all(
    queries: Sequence[Query], options: SourceOptions, indexes: IndexOptions
) -> list[Lookup | None]:
    """Look each query up (in order; ``None`` for one that gives no way to look it up),
    a few at a time (the fetcher's per-host cap still holds)."""
    wanted = [i for i, q in enumerate(queries) if q.way is not None]
    out: list[Lookup | None] = [None] * len(queries)
    if not wanted:
        return out
    with Client(options) as client, ThreadPoolExecutor(max_workers=4) as pool:
        done = pool.map(lambda i: look_up(queries[i], client, indexes), wanted)
        for i, got in zip(wanted, done, strict=True):
            out[i] = got
    return out


def look_up(query: Query, client: Client, indexes: IndexOptions) -> Lookup:
    """One query's :class:`Lookup`; never raises for an index's failure (``problem``)."""
    if query.doi:
        return _by_doi(query, query.doi, client, indexes)
    if query.arxiv:
        return _by_arxiv(query, query.arxiv, client, indexes)
    return _by_title(query, client, indexes)


def _polite(indexes: IndexOptions, **params: object) -> str:
    given = {k: v for k, v in params.items() if v not in (None, "")}
    if indexes.mailto:
        given["mailto"] = indexes.mailto
    return urlencode(given)


def _by_doi(query: Query, doi: str, client: Client, indexes: IndexOptions) -> Lookup:
    path = quote(doi, safe="/:;()<>[]")
    problems: list[str] = []
    try:
        polite = _polite(indexes)
        base = f"{indexes.crossref.rstrip('/')}/works/{path}"
        reply = client.get(f"{base}?{polite}" if polite else base)
        if reply.status == 200:
            return Lookup(query, "doi", (crossref_work(reply.body),), asked=("crossref",))
    except (Unanswered, Malformed) as exc:
        problems.append(f"Crossref: {exc}")
    try:
        reply = client.get(f"{indexes.doi.rstrip('/')}/{path}", accept=CSL)
    except Unanswered as exc:
        problems.append(f"doi.org: {exc}")
        return Lookup(query, "doi", problem="; ".join(problems), asked=("crossref", "doi.org"))
    if reply.status != 200:
        return Lookup(query, "doi", unknown=True, asked=("crossref", "doi.org"))
    try:
        return Lookup(query, "doi", (csl_json(reply.body),), asked=("crossref", "doi.org"))
    except Malformed as exc:
        problems.append(f"doi.org: {exc}")
        return Lookup(query, "doi", problem="; ".join(problems), asked=("crossref", "doi.org"))


def _by_arxiv(query: Query, ident: str, client: Client, indexes: IndexOptions) -> Lookup:
    url = f"{indexes.arxiv}?{urlencode({'id_list': ident, 'max_results': 1})}"
    try:
        reply = client.get(url)
        if reply.status != 200:
            return Lookup(query, "arxiv", unknown=True, asked=("arxiv",))
        records, bad_id = arxiv_feed(reply.body)
    except (Unanswered, Malformed) as exc:
        return Lookup(query, "arxiv", problem=f"arXiv: {exc}", asked=("arxiv",))
    return Lookup(query, "arxiv", tuple(records), unknown=bad_id or not records, asked=("arxiv",))


_WORD = re.compile(r"[^\W\d_]{5,}")


def _arxiv_search(title: str, author: str) -> str:
    """An arXiv API ``search_query``: the first author's surname and the four longest
    words of the title's first sentence (the rest of an entry's title may be its venue),
    all required: ``au:Windisch AND ti:Markov AND …``."""
    head = re.split(r"\.\s", title, maxsplit=1)[0]
    words = sorted(dict.fromkeys(_WORD.findall(head)), key=len, reverse=True)[:4]
    surname = author.replace('"', "")
    return " AND ".join([f'au:"{surname}"', *(f"ti:{w}" for w in words)])


def _by_title(query: Query, client: Client, indexes: IndexOptions) -> Lookup:
    title, author = query.title or "", query.author or ""
    crossref = f"{indexes.crossref.rstrip('/')}/works?" + _polite(
        indexes, **{"query.bibliographic": title, "query.author": author, "rows": indexes.rows}
    )
    openalex = f"{indexes.openalex.rstrip('/')}/works?" + _polite(
        indexes, search=title, **{"per-page": indexes.rows}
    )
    arxiv = f"{indexes.arxiv}?" + urlencode(
        {"search_query": _arxiv_search(title, author), "max_results": indexes.rows}
    )
    asked: tuple[Index, ...] = ("crossref", "openalex", "arxiv")
    records: list[Record] = []
    problems: list[str] = []
    for name, url, read in (
        ("Crossref", crossref, crossref_items),
        ("OpenAlex", openalex, openalex_results),
        ("arXiv", arxiv, lambda body: arxiv_feed(body)[0]),
    ):
        try:
            reply = client.get(url)
            if reply.status != 200:  # a refused query (OpenAlex's 400) says nothing of the work
                raise Unanswered(f"answered HTTP {reply.status}")
            records += read(reply.body)
        except (Unanswered, Malformed) as exc:
            problems.append(f"{name}: {exc}")
    if len(problems) == len(asked):
        return Lookup(query, "title", problem="; ".join(problems), asked=asked)
    problem = "; ".join(problems) or None  # one index did not answer: it may know the work
    return Lookup(query, "title", tuple(records), problem=problem, asked=asked)
