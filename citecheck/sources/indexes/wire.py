"""The indexes' answers read into :class:`~.model.Record` s: Crossref's REST API (``/works``
and ``/works/{doi}``, JSON), CSL JSON (what doi.org answers for
``Accept: application/vnd.citationstyles.csl+json``; Crossref's work objects are a superset
of it), OpenAlex's ``/works`` (JSON) and the arXiv API (an Atom feed).

Each reader takes the body (bytes) and returns records; a body that is not what the index
sends (not JSON, not XML, not the expected shape) raises :class:`Malformed` with one line
saying what. Formats: https://api.crossref.org/swagger-ui/index.html,
https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html,
https://docs.openalex.org/api-entities/works/work-object, https://info.arxiv.org/help/api/user-manual.html.
"""

from __future__ import annotations

import json
import re
from typing import Any

from citecheck.sources.indexes.model import Index, Record

_ATOM = "{http://www.w3.org/2005/Atom}"
_VERSION = re.compile(r"v\d+$")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")  # Crossref titles carry JATS markup: <i>, <scp>, <sub>


class Malformed(Exception):
    """An index's body that cannot be read as its format."""


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Malformed(f"{what} answered with a body that is not JSON") from None


def _years(work: dict[str, Any], keys: tuple[str, ...]) -> tuple[int, ...]:
    """The years of a CSL date object's ``date-parts`` under each of ``keys``."""
    out: list[int] = []
    for key in keys:
        parts = (work.get(key) or {}).get("date-parts") if isinstance(work.get(key), dict) else None
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parts[0][0]
            if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
                out.append(int(year))
    return tuple(dict.fromkeys(out))


def _surname(person: Any) -> str | None:
    if not isinstance(person, dict):
        return None
    name = person.get("family") or person.get("name") or person.get("literal")
    return str(name).strip() or None if name else None


def csl_record(work: Any, index: Index) -> Record:
    """One CSL JSON (or Crossref work) object as a record; :class:`Malformed` when it is
    not an object with a DOI."""
    if not isinstance(work, dict) or not isinstance(work.get("DOI"), str):
        raise Malformed(f"{index} answered with a work that has no DOI")
    title = work.get("title")
    if isinstance(title, list):
        title = title[0] if title else ""
    subtitle = work.get("subtitle")
    if isinstance(subtitle, list) and subtitle and isinstance(subtitle[0], str) and title:
        title = f"{title}: {subtitle[0]}"
    authors = tuple(s for p in work.get("author") or () if (s := _surname(p)))
    years = _years(work, ("issued", "published-print", "published-online", "published"))
    url = work.get("URL") if isinstance(work.get("URL"), str) else None
    doi = work["DOI"].lower()
    text = _TAG.sub("", str(title or ""))
    return Record(index, doi, " ".join(text.split()), authors, years, url)


def crossref_work(body: bytes) -> Record:
    """Crossref's answer to ``/works/{doi}``: ``{"message": work}``."""
    data = _json(body, "Crossref")
    if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
        raise Malformed("Crossref answered with JSON that holds no work")
    return csl_record(data["message"], "crossref")


def crossref_items(body: bytes) -> list[Record]:
    """Crossref's answer to a ``/works?query…`` search: ``{"message": {"items": [...]}}``."""
    data = _json(body, "Crossref")
    message = data.get("message") if isinstance(data, dict) else None
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise Malformed("Crossref answered with JSON that holds no list of works")
    return [csl_record(item, "crossref") for item in items if isinstance(item, dict)]


def csl_json(body: bytes) -> Record:
    """doi.org's CSL JSON answer for a DOI."""
    return csl_record(_json(body, "doi.org"), "doi.org")


def openalex_results(body: bytes) -> list[Record]:
    """OpenAlex's answer to ``/works?search=…``: ``{"results": [work, ...]}``."""
    data = _json(body, "OpenAlex")
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise Malformed("OpenAlex answered with JSON that holds no list of works")
    out: list[Record] = []
    for work in results:
        if not isinstance(work, dict) or not isinstance(work.get("id"), str):
            continue
        title = work.get("title") or work.get("display_name") or ""
        authors: list[str] = []
        for authorship in work.get("authorships") or ():
            name = ((authorship or {}).get("author") or {}).get("display_name") or ""
            if isinstance(name, str) and name.split():
                authors.append(name.split()[-1])
        year = work.get("publication_year")
        doi = work.get("doi") if isinstance(work.get("doi"), str) else None
        out.append(
            Record(
                "openalex",
                work["id"].rsplit("/", 1)[-1],
                " ".join(str(title).split()),
                tuple(authors),
                (int(year),) if isinstance(year, int) else (),
                doi or work["id"],
            )
        )
    return out


def arxiv_feed(body: bytes) -> tuple[list[Record], bool]:
    """The arXiv API's Atom feed: (its entries as records, whether arXiv called the id
    malformed: an error entry such as ``…/api/errors#incorrect_id_format_for_abc``)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        raise Malformed("arXiv answered with a body that is not XML") from None
    if root is None or root.tag != f"{_ATOM}feed":
        raise Malformed("arXiv answered with XML that is not an Atom feed")
    records: list[Record] = []
    bad_id = False
    for entry in root.iter(f"{_ATOM}entry"):
        ident = (entry.findtext(f"{_ATOM}id") or "").strip()
        if "/api/errors" in ident:
            bad_id = True
            continue
        arxiv_id = _VERSION.sub("", ident.split("/abs/")[-1])
        title = " ".join((entry.findtext(f"{_ATOM}title") or "").split())
        names = [(a.findtext(f"{_ATOM}name") or "").split() for a in entry.iter(f"{_ATOM}author")]
        published = (entry.findtext(f"{_ATOM}published") or "")[:4]
        years = (int(published),) if published.isdigit() else ()
        url = f"https://arxiv.org/abs/{arxiv_id}"
        rec = Record("arxiv", arxiv_id, title, tuple(n[-1] for n in names if n), years, url)
        records.append(rec)
    return records, bad_id
