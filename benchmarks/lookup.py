"""Made-up and misdescribed references found by ``verify --lookup`` (CC207, CC208), and
false alarms on real ones, scored offline against recorded index answers.

The real works are every record with a title, an author and a year in the recorded
Crossref lists, arXiv feed and OpenAlex lists of ``tests/data/recordings`` (habanero's
cassettes, arxiv.py's fixtures, openalexPro's cassettes: 70 Crossref works, 100 arXiv
preprints, 240 OpenAlex works whose DOI no Crossref record has; public metadata as the
indexes served it, none written here). Each becomes a reference as a list gives it (its
title, in turn as recorded, in sentence case, with its venue run on, without its subtitle;
its first author's surname and year), cited by its identifier (DOI or arXiv id) or,
for every other one, by title and author alone; OpenAlex's works always by title and
author (the recordings hold no Crossref or doi.org answer for their DOIs). As many
made-up references are made from them, in turn: title words swapped for words of another
work's title, the first author swapped with another work's, a digit of the identifier
changed (for an OpenAlex work, of its DOI, cited by it; one without a DOI gets a wrong
year instead), the right title with a wrong year (3 to 9 years off), and a wholly
invented one (words drawn from all titles, a surname no record has, an identifier no
index holds).

A loopback server stands in for the indexes, answering only from the recordings:
Crossref ``/works/{doi}`` with the recorded work object, a Crossref title search with the
five recorded works whose titles share most words with the query (ties: the fewest
other words; a stand-in for
Crossref's relevance ranking: the recordings hold no answer to these queries), the arXiv
API with the recorded entry for an id (an empty feed, as recorded, for an unknown one) and
the five recorded entries sharing most words with a search (ties: fewest other words),
doi.org with its recorded 404, and OpenAlex's ``/works?search=`` with the five recorded
works sharing most words with the search, in its recorded envelope (``meta``,
``results``). Every lookup goes through ``citecheck.sources.indexes`` and is judged by
``citecheck.verifier.records``, as ``verify --lookup`` does::

    python benchmarks/lookup.py                 # detection and false alarms, both halves
    python benchmarks/lookup.py --sweep         # the rates by title threshold (tune half)
    python benchmarks/lookup.py --list          # every miss and false alarm
    python benchmarks/lookup.py --parsed        # each written as an APA entry and parsed

Works are split in halves by position (even: tune, odd: holdout); the title threshold
``SAME_TITLE`` is chosen on the tune half. Target: detection ≥ 0.95, false alarms ≤ 0.02.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pageserver import Request, serving
from recordings import arxiv, cassette, openalex

from citecheck.sources.indexes import Query, look_up_all
from citecheck.sources.indexes.model import IndexOptions, Record
from citecheck.sources.indexes.wire import arxiv_feed, csl_record, openalex_results
from citecheck.sources.model import SourceOptions

LISTS = ("test_works_field_queries", "test_cursor", "test_cursor_max", "test_works_query",
         "test_works_no_id_withlimit", "test_works_sample")  # fmt: skip
FEED = "q_testing_s0_m100_cfe7536492ca"
OPENALEX = ("oa_snowball", "pro_fetch_search_biodiversity_AND_finance")
KINDS = ("title words", "author", "identifier", "year", "invented")


@dataclass(frozen=True)
class Case:
    """One reference: the query a list entry gives, whether it is real, how it was made."""

    query: Query
    real: bool
    kind: str
    half: str


def recorded_openalex() -> dict[str, tuple[Record, dict]]:
    """OpenAlex's recorded works (openalexPro's lists), by OpenAlex id: the record and the
    work object as OpenAlex sent it."""
    out: dict[str, tuple[Record, dict]] = {}
    for name in OPENALEX:
        for answer in openalex(name):
            if answer.status != 200:
                continue
            works = json.loads(answer.body)["results"]
            for record, work in zip(openalex_results(answer.body), works, strict=True):
                out.setdefault(record.identifier, (record, work))
    return out


def doi_of(record: Record) -> str | None:
    """An OpenAlex record's DOI (its address when that is a doi.org one)."""
    url = record.url or ""
    return url.removeprefix("https://doi.org/").lower() if "doi.org/10." in url else None


def recorded() -> tuple[list[Record], dict[str, dict], dict[str, bytes]]:
    """The real works: records, Crossref work objects by DOI, arXiv entries by id (the
    OpenAlex works follow the others; their work objects: :func:`recorded_openalex`)."""
    from lxml import etree

    works: dict[str, dict] = {}
    records: dict[str, Record] = {}
    for name in LISTS:
        for answer in cassette(name):
            if answer.status != 200:
                continue
            body = answer.body
            if answer.headers.get("content-encoding") == "gzip":
                body = gzip.decompress(body)
            for item in json.loads(body)["message"]["items"]:
                record = csl_record(item, "crossref")
                if record.title and record.authors and record.years:
                    works[record.identifier] = item
                    records[record.identifier] = record
    feed = arxiv(FEED).body
    entries: dict[str, bytes] = {}
    root = etree.fromstring(feed)
    for record, entry in zip(arxiv_feed(feed)[0], root.iter("{*}entry"), strict=True):
        if record.title and record.authors and record.years:
            records[record.identifier] = record
            entries[record.identifier] = etree.tostring(entry)
    for record, _ in recorded_openalex().values():
        doi = doi_of(record)
        if record.title and record.authors and record.years and doi not in works:
            records[record.identifier] = record
    return list(records.values()), works, entries


def listed(rec: Record, i: int, venue: str | None) -> str:
    """The title as a list gives it, in turn: as recorded, in sentence case, with the
    venue run on after it (the parser keeps it today), without its subtitle."""
    title = rec.title
    form = i % 4
    if form == 1:
        return title[:1] + title[1:].lower()
    if form == 2:
        return f"{title}. {venue or 'arXiv preprint'}, 12(3), 45-67"
    if form == 3 and ":" in title and len(title.split(":", 1)[0].split()) >= 3:
        return title.split(":", 1)[0]
    return title


def cases(
    records: list[Record], seed: int = 21, works_venue: dict[str, str] | None = None
) -> list[Case]:
    """The real references and as many made-up ones (see the module)."""
    works_venue = works_venue or {}
    rng = random.Random(seed)
    words = sorted({w for r in records for w in r.title.split() if w.isalpha() and len(w) > 3})
    surnames = {a.casefold() for r in records for a in r.authors}
    out: list[Case] = []
    for i, rec in enumerate(records):
        half = "tune" if i % 2 == 0 else "holdout"
        doi = rec.identifier if rec.index == "crossref" else None
        arx = rec.identifier if rec.index == "arxiv" else None
        by_id = (i // 2) % 2 == 0 and rec.index != "openalex"
        real = Query(listed(rec, i, works_venue.get(rec.identifier)), rec.authors[0], rec.year,
                     doi if by_id else None, arx if by_id else None)  # fmt: skip
        out.append(Case(real, True, "real", half))
        kind = KINDS[i % len(KINDS)]
        if kind == "identifier" and rec.index == "openalex" and not doi_of(rec):
            kind = "year"  # no identifier to change: OpenAlex ids are not looked up
        other = records[(i * 7 + 3) % len(records)]
        if other is rec:
            other = records[(i + 1) % len(records)]
        if kind == "title words":
            tw = rec.title.split()
            for j in rng.sample(range(len(tw)), k=max(2, len(tw) // 3) if len(tw) > 1 else 1):
                tw[j] = rng.choice(words)
            fake = replace(real, title=" ".join(tw))
        elif kind == "author":
            name = next(
                (a for a in other.authors if a.casefold() != real.author.casefold()), "Quill"
            )
            fake = replace(real, author=name)
        elif kind == "identifier":
            ident = real.doi or real.arxiv or doi_of(rec) or rec.identifier
            digits = [k for k, c in enumerate(ident) if c.isdigit() and k > 3]
            k = rng.choice(digits)
            changed = ident[:k] + str((int(ident[k]) + rng.randint(1, 9)) % 10) + ident[k + 1 :]
            fake = replace(real, doi=changed if rec.index != "arxiv" else None,
                           arxiv=changed if rec.index == "arxiv" else None)  # fmt: skip
        elif kind == "year":
            fake = replace(real, year=(real.year or 2000) + rng.choice((-1, 1)) * rng.randint(3, 9))
        else:
            title = " ".join(rng.sample(words, k=rng.randint(5, 10))).capitalize()
            name = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
            while name in surnames:
                name += "a"
            doi = f"10.{rng.randint(1000, 9999)}/{rng.randint(100000, 999999)}" if by_id else None
            fake = Query(title, name.capitalize(), rng.randint(1990, 2023), doi)
        out.append(Case(fake, False, kind, half))
    return out


def all_references() -> list[Case]:
    """The benchmark's references: the recorded works and the made-up ones."""
    records, works, _ = recorded()
    venues = {doi: (w.get("container-title") or [""])[0] for doi, w in works.items()}
    for ident, (_, work) in recorded_openalex().items():
        source = ((work.get("primary_location") or {}).get("source") or {}).get("display_name")
        venues[ident] = source or ""
    return cases(records, works_venue={k: v for k, v in venues.items() if v})


def serve(site, works: dict[str, dict], entries: dict[str, bytes], records: list[Record]) -> None:
    """Mount the recorded index on ``site`` (see the module)."""
    missing = cassette("test_works_bad_id_warn")[0]
    gone = cassette("test_content_negotiation_raises_an_http_error_with_bad_requests")[0]
    empty = arxiv("id_0000.0000_s0_m100_8b51d9633a68").body
    feed_head, feed_tail = empty.split(b"</feed>")[0], b"</feed>"
    json_type = {"Content-Type": "application/json"}
    crossref = [(r, works[r.identifier]) for r in records if r.identifier in works]
    arxiv_records = [r for r in records if r.identifier in entries]
    envelope = json.loads(openalex(OPENALEX[0])[-1].body)

    @functools.cache
    def words(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"\w+", text.casefold()))

    def rank(asked: frozenset[str], title: str) -> tuple[int, int]:
        """Most shared words first, then the fewest other words."""
        have = words(title)
        return -len(asked & have), len(have - asked)

    # all OpenAlex knows (duplicates of Crossref's works too), each work sent as recorded
    openalex_works = [
        (rec.title, json.dumps(work).encode()) for rec, work in recorded_openalex().values()
    ]

    def route(r: Request) -> None:
        parts = urlsplit(r.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path)
        if path.startswith("/crossref/works/"):
            item = works.get(path.removeprefix("/crossref/works/").lower())
            if item is None:
                r.answer(missing.status, missing.body, missing.headers)
                return
            body = {"status": "ok", "message-type": "work", "message": item}
            r.answer(200, json.dumps(body).encode(), json_type)
        elif path == "/crossref/works":
            asked = words(query.get("query.bibliographic", ""))
            ranked = sorted(crossref, key=lambda p: rank(asked, p[0].title))
            items = [item for _, item in ranked[:5]]
            body = {"status": "ok", "message-type": "work-list", "message": {"items": items}}
            r.answer(200, json.dumps(body).encode(), json_type)
        elif path == "/openalex/works":
            asked = words(query.get("search", ""))
            ranked = sorted(openalex_works, key=lambda p: rank(asked, p[0]))
            found = [work for _, work in ranked[: int(query.get("per-page", "5"))]]
            meta = {**envelope["meta"], "count": len(found), "next_cursor": None}
            body = b'{"meta": %s, "results": [%s], "group_by": []}' % (
                json.dumps(meta).encode(),
                b", ".join(found),
            )
            r.answer(200, body, json_type)
        elif path == "/arxiv/api/query" and "search_query" in query:
            asked = words(query["search_query"])
            ranked = sorted(arxiv_records, key=lambda rec: rank(asked, rec.title))
            found = b"".join(entries[rec.identifier] for rec in ranked[:5])
            r.answer(200, feed_head + found + feed_tail, {"Content-Type": "application/atom+xml"})
        elif path == "/arxiv/api/query":
            entry = entries.get(query.get("id_list", ""), b"")
            r.answer(200, feed_head + entry + feed_tail, {"Content-Type": "application/atom+xml"})
        else:
            r.answer(gone.status, gone.body, gone.headers)

    site.routes = _Everywhere(route)


class _Everywhere(dict):
    """A route table that sends every path to one route (the server matches exact paths;
    a DOI's path is whatever the DOI is)."""

    def __init__(self, route) -> None:
        super().__init__()
        self.route = route

    def get(self, key, default=None):
        return self.route


def entry(query: Query) -> str:
    """A list entry in APA's shape for a query: ``Surname, A. (year). Title. DOI``."""
    parts = [f"{query.author}, A. ({query.year}). {query.title.rstrip('.')}."]
    if query.doi:
        parts.append(f"https://doi.org/{query.doi}")
    elif query.arxiv:
        parts.append(f"arXiv:{query.arxiv}.")
    return " ".join(parts)


def judged(all_cases: list[Case], parsed: bool = False) -> list[tuple[Case, str, float]]:
    """Each case with its verdict and title score, looked up on the recorded index:
    straight from its query, or (``parsed``) written as an APA entry of one reference
    list, parsed, and looked up as ``verify --lookup`` does it
    (:func:`citecheck.verifier.run.judged_lookups`)."""
    from citecheck.verifier.records import judge

    if parsed:
        return _judged_parsed(all_cases)
    records, works, entries = recorded()
    with serving(("127.0.0.1",)) as site, tempfile.TemporaryDirectory() as cache:
        serve(site, works, entries, records)
        base = site.url("")
        indexes = IndexOptions(None, f"{base}/crossref", f"{base}/openalex",
                               f"{base}/arxiv/api/query", f"{base}/doi")  # fmt: skip
        options = SourceOptions(cache_dir=Path(cache), allow_private=True, per_host=8)
        found = look_up_all([c.query for c in all_cases], options, indexes)
    out = []
    for case, got in zip(all_cases, found, strict=True):
        verdict = judge(got) if got is not None else None
        out.append(
            (case, verdict.verdict if verdict else "skipped", verdict.score if verdict else 0)
        )
    return out


def _judged_parsed(all_cases: list[Case]) -> list[tuple[Case, str, float]]:
    from citecheck.api import analyse
    from citecheck.verifier.run import judged_lookups

    records, works, entries = recorded()
    items = "".join(f"{i}. {entry(c.query)}\n" for i, c in enumerate(all_cases, 1))
    doc, _ = analyse(f"A claim. [1]\n\n## References\n\n{items}", fmt="markdown")
    with serving(("127.0.0.1",)) as site, tempfile.TemporaryDirectory() as cache:
        serve(site, works, entries, records)
        base = site.url("")
        indexes = IndexOptions(None, f"{base}/crossref", f"{base}/openalex",
                               f"{base}/arxiv/api/query", f"{base}/doi")  # fmt: skip
        options = SourceOptions(
            cache_dir=Path(cache), allow_private=True, per_host=8, indexes=indexes
        )
        found = judged_lookups(doc, options)
    by_key = {ref.key: found.get(ref.start) for ref in doc.references}
    out = []
    for i, case in enumerate(all_cases, 1):
        got = by_key.get(str(i))
        out.append((case, got.verdict if got else "skipped", got.score if got else 0.0))
    return out


def rates(rows: list[tuple[Case, str, float]], half: str) -> tuple[float, float, int, int]:
    """(detection rate, false-alarm rate, made-up count, real count) on one half."""
    real = [v for c, v, _ in rows if c.half == half and c.real]
    fake = [v for c, v, _ in rows if c.half == half and not c.real]
    flagged = ("not_found", "mismatch")
    detect = sum(v in flagged for v in fake) / len(fake)
    false = sum(v in flagged for v in real) / len(real)
    return detect, false, len(fake), len(real)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--list", action="store_true")
    parser.add_argument(
        "--parsed", action="store_true", help="write each reference as an APA entry and parse it"
    )
    args = parser.parse_args()
    import citecheck.verifier.records as judge_module

    all_cases = all_references()
    print(f"{sum(c.real for c in all_cases)} real works, {len(all_cases)} references")
    if args.sweep:
        for threshold in (60, 70, 80, 85, 87, 89, 90, 95, 100):
            judge_module.SAME_TITLE = float(threshold)
            d, f, _, _ = rates(judged(all_cases, args.parsed), "tune")
            print(f"SAME_TITLE {threshold}: tune detection {d:.3f}, false alarms {f:.3f}")
        return
    rows = judged(all_cases, args.parsed)
    for half in ("tune", "holdout"):
        d, f, nf, nr = rates(rows, half)
        print(f"{half}: detection {d:.3f} of {nf} made up, false alarms {f:.3f} of {nr} real")
    for kind in KINDS:
        got = [v in ("not_found", "mismatch") for c, v, _ in rows if c.kind == kind]
        print(f"  {kind}: {sum(got)}/{len(got)} detected")
    if args.list:
        for case, verdict, score in rows:
            wrong = verdict in ("not_found", "mismatch") if case.real else verdict == "found"
            if wrong or verdict in ("unknown", "skipped"):
                print(f"{case.kind:12} {verdict:9} {score:5.1f} {case.query}")


if __name__ == "__main__":
    main()
