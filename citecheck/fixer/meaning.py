"""What a document means for the fixer: which sources each sentence cites.

A source is named by its DOI, else its URL (normalised), else its text; a duplicate that
duplicate-reference reports stands for the earlier copy. A fix keeps meaning when every
sentence cites the same sources, and the document lists the same sources and non-sources,
except those the fix removed on purpose. Adding a found address to an entry that listed
none keeps its source (``text:…`` becomes that ``url:…``, and nothing else may change).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from citecheck.checker.base import Context
from citecheck.model import Reference
from citecheck.text.urls import doi_key, url_key


def identity(ref: Reference) -> str:
    """The name of the source a reference lists: ``doi:…``, ``url:…`` or ``text:…``."""
    if ref.doi and (doi := doi_key(ref.doi)):
        return "doi:" + doi
    if ref.url and (url := url_key(ref.url)):
        return "url:" + url
    return "text:" + " ".join(re.sub(r"[^\w\s]", " ", ref.text).casefold().split())


@dataclass(frozen=True, slots=True)
class Meaning:
    """Per sentence, the sources it cites; the sources and non-sources the document lists."""

    sentences: tuple[frozenset[str], ...]
    sources: Counter[str]
    others: Counter[str]


def canonical(ctx: Context, added: dict[str, str] | None = None) -> dict[int, str]:
    """Reference (by ``id``) → the identity it stands for, copies for their first copy;
    ``added`` maps the ``text:`` identity of an entry that listed no address to the ``url:``
    identity of the address a fix gives it (the same source, now with its page)."""
    names = {id(r): identity(r) for r in ctx.doc.references}
    if added:
        names = {k: added.get(v, v) if v.startswith("text:") else v for k, v in names.items()}
    for ref, first, why in ctx.duplicates:
        if why is not None:
            names[id(ref)] = names[id(first)]
    return names


def meaning(
    ctx: Context, removed: frozenset[int] = frozenset(), added: dict[str, str] | None = None
) -> Meaning:
    """Return what the document cites; references and items at ``removed`` offsets
    (their starts) are left out of the lists, as a fix that removes them intends; entries
    named in ``added`` (see :func:`canonical`) stand for the address a fix gives them."""
    names = canonical(ctx, added)
    by_link = {(id(link.marker), link.key): link.reference for link in ctx.res.links}
    sentences = tuple(
        frozenset(
            names[id(ref)]
            for m in s.markers
            for k in m.keys
            if (ref := by_link.get((id(m), k))) is not None
        )
        for s in ctx.doc.sentences
    )
    sources = Counter(names[id(r)] for r in ctx.doc.references if r.start not in removed)
    others = Counter(
        " ".join(n.text.split()) for n in ctx.doc.non_references if n.start not in removed
    )
    return Meaning(sentences, sources, others)
