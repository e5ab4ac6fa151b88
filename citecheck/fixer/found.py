"""Write the page a search found into a title-only entry (``source-found``, CC209).

``verify --lookup`` with a ``search-url`` finds the page of an entry that lists no URL,
DOI or arXiv id, and ``--write-sources FILE`` saves it as ``KEY = "URL"`` in a
``sources.toml`` (:mod:`citecheck.sources.snapshots`). ``fix --unsafe`` reads those
addresses from the article's snapshot folder (``<stem>.sources/sources.toml``) and hands
them to the rules as the searches' results (:func:`saved_searches`), so ``source-found``
reports the same entries it reports in ``verify`` and its selection, severity and
suppressions hold; ``fix`` itself never searches: what it writes is what ``verify`` found
and a person could check in that file.

The address is added at the end of the entry (:func:`addition`), in the form the list
writes its other addresses: ``[URL](URL)`` when some entry is a Markdown link to its own
address, else the bare URL. An entry that lists a URL or DOI already is never changed, and
no address is written that another entry lists (the two entries would be one source).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from citecheck.checker.source_found import addable
from citecheck.fixer.edits import Edit
from citecheck.model import Reference

if TYPE_CHECKING:
    from citecheck.checker.base import Context
    from citecheck.verifier.document import Verification

CODE = "CC209"


def saved_searches(refs: Sequence[Reference], found: Mapping[str, str]) -> Verification:
    """A verification that holds, for each entry of ``refs`` whose key ``found`` maps to a
    web address and that lists none, a search that found that page (as
    :func:`citecheck.verifier.run.as_judgement` judges one), and nothing else."""
    from citecheck.sources.indexes.model import Lookup, Query, Record
    from citecheck.verifier.document import Verification
    from citecheck.verifier.records import Judgement

    lookups = {}
    for ref in refs:
        url = found.get(ref.key or "")
        if not url or not url.startswith(("http://", "https://")) or not addable(ref):
            continue
        lookup = Lookup(Query(title=ref.title), "search", asked=("search",))
        record = Record("search", url, ref.title or "", (), (), url)
        lookups[ref.start] = Judgement(lookup, "found", record, score=100.0)
    return Verification(sources={}, claims=(), lookups=lookups)


def markdown_links(text: str, refs: Sequence[Reference]) -> bool:
    """Whether the list writes addresses as Markdown links (``[…](URL)``)."""
    return any(r.url and f"]({r.url}" in text[r.start : r.end] for r in refs)


def addition(
    text: str, ref: Reference, url: str, refs: Sequence[Reference], code: str = CODE
) -> Edit | None:
    """The insertion that adds ``url`` after the last non-space character of ``ref``'s
    entry, or None when the entry lists an address already or another entry lists
    ``url``; offsets into ``text``."""
    from citecheck.text.urls import url_key

    if not addable(ref) or url_key(url) in {url_key(r.url) for r in refs if r.url}:
        return None
    end = ref.start + len(text[ref.start : ref.end].rstrip())
    written = f"[{url}]({url})" if markdown_links(text, refs) else url
    return Edit(end, "", " " + written, code)


def additions(
    ctx: Context,
    at: Callable[[str, int], tuple[str, int, int] | None],
    removed: frozenset[int],
) -> Iterator[tuple[tuple[str, int, int], Edit, tuple[str, str]]]:
    """For each entry with a reported source-found finding (``at(code, offset)``: the
    finding's (code, line, column), or None) that no other fix removes (``removed``:
    entry starts): the finding, the insertion, and the entry's identity before and after
    (``text:…`` → ``url:…``, see :mod:`citecheck.fixer.meaning`)."""
    from citecheck.checker.source_found import found_url
    from citecheck.fixer.meaning import identity
    from citecheck.text.urls import url_key

    refs = ctx.doc.references
    for ref in refs:
        key = at(CODE, ref.start)
        url = found_url(ctx, ref) if key and ref.start not in removed else None
        edit = addition(ctx.doc.text, ref, url, refs) if url else None
        if key and url and edit and (new := url_key(url)):
            yield key, edit, (identity(ref), "url:" + new)
