"""Glue between a checked document, the sources stage and the report: what ``verify`` adds.

The sources are loaded once per document (snapshots, cache, network: the only I/O), the
verifier checks every covered claim, and the checks become the report's ``claims`` and the
verdict counts of its statistics (:mod:`.reporting`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from citecheck.model import Document, Reference
from citecheck.resolver import Resolution
from citecheck.sources.model import Source
from citecheck.verifier.document import Verification, cited_references, verify_document
from citecheck.verifier.reporting import VERDICTS, claims_report, verdict_counts, works_report

__all__ = [
    "VERDICTS",
    "as_judgement",
    "claims_report",
    "judged_lookups",
    "searched",
    "verdict_counts",
    "verification_for",
    "works_report",
]

if TYPE_CHECKING:
    from citecheck.sources.indexes.model import Lookup
    from citecheck.sources.model import SourceOptions
    from citecheck.verifier.found import Found
    from citecheck.verifier.records import Judgement


def verification_for(
    doc: Document,
    res: Resolution,
    article: str | None,
    sources: SourceOptions | Mapping[str, Source],
    min_quote_words: int = 4,
    support_model: str | None = None,
    lookups: Mapping[str, Lookup] | None = None,
) -> Verification:
    """Read the sources of a document's cited references (unless given, by key) and verify
    its claims against them; with ``support_model`` (a path, see ``onnx_model.py``) that
    cross-encoder judges support. Raises ``ConfigError`` when the model cannot be loaded.
    The references are looked up in the scholarly indexes when the options name them
    (``SourceOptions.indexes``), or judged on ``lookups`` (reference key → the indexes'
    answer) when given."""
    found: dict[int, Found] = {}
    if isinstance(sources, Mapping):
        loaded: Mapping[str, Source] = sources
    else:
        from citecheck.sources import load_sources

        cited = cited_references(doc, res)
        found = searched(article, cited, sources)
        cited = [_at_found(r, found.get(r.start)) for r in cited]
        loaded = load_sources(article, cited, sources)
    model = None
    if support_model:
        from citecheck.verifier.onnx_model import load_model

        model = load_model(support_model)
    verification = verify_document(doc, res, loaded, min_quote_words, model)
    if lookups is not None:
        from citecheck.sources.indexes import query_of
        from citecheck.verifier.records import judge

        given = {
            r.start: judge(replace(lookups[r.key], query=query_of(r)), r.text)
            for r in doc.references
            if r.key is not None and r.key in lookups
        }
        return replace(verification, lookups=given)
    if isinstance(sources, Mapping) or sources.indexes is None:
        return verification
    judged = judged_lookups(doc, sources)
    for start, got in found.items():  # an index's record of the work stands first
        had = judged.get(start)
        if had is None or (had.verdict in ("unknown", "not_found") and got.verdict == "found"):
            judged[start] = as_judgement(got)
    return replace(verification, lookups=judged, found=found)


def searched(
    article: str | None, refs: Sequence[Reference], options: SourceOptions
) -> dict[int, Found]:
    """Search the page of each reference that lists nothing to read (no URL, DOI or
    arXiv id; no snapshot beside the article) through the backend ``options.indexes``
    names (``search_url``), and judge the hits (:mod:`citecheck.verifier.found`):
    reference start offset → :class:`Found`. Empty without a backend; with ``--offline``
    only answers already cached are read."""
    indexes = options.indexes
    if indexes is None or not indexes.search_url:
        return {}
    from pathlib import Path

    from citecheck.sources.search import SearchAnswer, Searxng, query_for, search_all
    from citecheck.sources.snapshots import Snapshots, default_dir
    from citecheck.verifier.found import judge_search

    folder = options.sources_dir if options.sources_dir is not None else default_dir(article)
    snaps = Snapshots(folder, Path(article).stem if article and article != "-" else None)
    wanted = []
    out: dict[int, Found] = {}
    for ref in refs:
        query = query_for(ref, indexes.outlet_domains)
        if query is None or snaps.find(ref) is not None or snaps.address(ref):
            continue
        if query.domains:
            wanted.append((ref, query))
            continue
        why = (
            f"the web domains of {query.outlet} are unknown: name them under outlet-domains"
            if query.outlet
            else "the reference names no outlet whose site could be searched"
        )
        out[ref.start] = judge_search(SearchAnswer(query, problem=why))
    answers = search_all([q for _, q in wanted], options, Searxng(indexes.search_url))
    for (ref, _), answer in zip(wanted, answers, strict=True):
        out[ref.start] = judge_search(answer)
    return out


def _at_found(ref: Reference, found: Found | None) -> Reference:
    """The reference with the page a search found as its URL, to be read like a listed
    one."""
    if found is None or found.hit is None:
        return ref
    return replace(ref, url=found.hit.url)


def as_judgement(found: Found) -> Judgement:
    """A search as the rules and the report's ``works`` read a lookup: way ``search``,
    the page found (or the closest on the outlet's site) as the record."""
    from citecheck.sources.indexes.model import Lookup, Query, Record
    from citecheck.verifier.records import Judgement

    answer = found.answer
    query = Query(title=answer.query.title)
    lookup = Lookup(query, "search", problem=answer.problem, asked=("search",))
    hit = found.hit or found.closest
    record = Record("search", hit.url, hit.title, (), (), hit.url) if hit else None
    verdict = found.verdict
    return Judgement(lookup, verdict, record, score=found.score)  # type: ignore[arg-type]


def judged_lookups(doc: Document, options: SourceOptions) -> dict[int, Judgement]:
    """Look every reference of ``doc`` up in the indexes ``options.indexes`` names and
    judge what they record: reference start offset → :class:`Judgement`. A reference is
    looked up by its DOI or arXiv id, else by title and first author when it has a year
    and no link of its own (a linked page is read and its title compared, CC202; a news
    story or a web page is in no scholarly index); the others are left out."""
    from citecheck.sources.indexes import look_up_all, query_of
    from citecheck.verifier.records import judge

    refs = []
    for ref in doc.references:
        query = query_of(ref)
        if ref.note or query.way is None:
            continue
        if query.way == "title" and (ref.url or query.year is None):
            continue
        refs.append((ref, query))
    if options.indexes is None or not refs:
        return {}
    found = look_up_all([q for _, q in refs], options, options.indexes)
    pairs = zip(refs, found, strict=True)
    return {ref.start: judge(got, ref.text) for (ref, _), got in pairs if got is not None}
