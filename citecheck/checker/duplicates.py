"""Which entries of a reference list repeat an earlier one, and why.

:func:`duplicates` walks the list once, in the document's order, and pairs each entry with
the first entry it repeats: by DOI or arXiv id, by URL (normalised by
:func:`citecheck.text.urls.split_url`), by title at the same path on another host, by
outlet and near-identical title (rapidfuzz ``ratio`` of 92 or more), by authors, year and
title written in another style or as a preprint and its published version
(:mod:`citecheck.checker.works`), or by identical note text; the entries an outlet or a
first author listed before are kept in :mod:`citecheck.checker.earlier`. The rule
:mod:`citecheck.checker.duplicate_reference` reports the pairs; ``fix`` merges them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from citecheck.checker.earlier import OutletTitles, WorksByAuthor
from citecheck.checker.notepractice import listed_by_note, note_again, noted
from citecheck.checker.titles import difference
from citecheck.checker.works import (
    arxiv_id,
    different_works,
    fragment,
    lettered_apart,
    locator,
    text_key,
)
from citecheck.model import BlockKind, Reference
from citecheck.parser.answers import answer_of
from citecheck.text.outlets import canonical
from citecheck.text.recache import lazy
from citecheck.text.urls import doi_key, split_url

if TYPE_CHECKING:
    from citecheck.checker.base import Context


_MIRROR_WORDS = 4  # a mirror: this many title words or more, at a path of two segments
_PUNCTUATION = lazy(r"[^\w\s]")


def _title(ref: Reference) -> str:
    return " ".join(_PUNCTUATION.sub(" ", ref.title or "").casefold().split())


def _addresses(ref: Reference, title: str) -> Iterator[tuple[str, str]]:
    """Yield ``(why, key)`` for each way of naming the source: DOI, URL, title and path."""
    doi = doi_key(ref.doi) if ref.doi else None
    if doi is None and ref.url:
        doi = doi_key(ref.url)  # https://doi.org/10.…
    if doi:
        yield "same arXiv paper" if doi.startswith("10.48550/arxiv.") else "same DOI", "doi:" + doi
    if (arxiv := arxiv_id(ref)) and not (doi or "").endswith(arxiv):
        yield "same arXiv paper", "doi:10.48550/arxiv." + arxiv  # "arXiv:2308.06256"
    parts = split_url(ref.url) if ref.url else None
    if parts:
        host, rest = parts
        place, pages = locator(ref)
        if place:  # the same page of a PDF before the same PDF
            yield "same URL", "url:" + host + rest + "#" + place
        elif pages:  # the same pages its text names ("hier S. 9") before the same PDF
            yield "same URL", "url:" + host + rest + "@" + pages
        elif anchor := fragment(ref.url):  # the same anchor before the same page
            yield "same URL", "url:" + host + rest + "#" + anchor
        yield "same URL", "url:" + host + rest
        path = rest.partition("?")[0]
        if path.count("/") >= 2 and len(title.split()) >= _MIRROR_WORDS:
            yield "same title and path on another host", "path:" + rest + " " + title


def _listed(ref: Reference, ctx: Context, starts: list[int]) -> bool:
    """A link definition is a source when it is numbered or inside a reference section;
    elsewhere two names for one link are ordinary writing."""
    if ref.kind is not BlockKind.LINKDEF or (ref.key or "").isdigit():
        return True
    i = bisect_right(starts, ref.start) - 1
    return i >= 0 and ref.start < ctx.doc.sections[i].end


_YEAR_TAIL = lazy(r"\s*\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)\W*$")


def _cited_again(ref: Reference, first: Reference, ctx: Context) -> bool:
    """The same work under the same title in the lists of two sections that each close
    their own span (a report's per-section ``### Sources``): each section cites it."""
    sections = ctx.doc.sections
    here, there = ref.section, first.section
    if here is None or there is None or here == there:
        return False
    if not (sections[here].covers and sections[there].covers):
        return False
    return _bare_title(ref) == _bare_title(first) != ""


def _homepage(key: str) -> bool:
    """Whether an address key is a site's home page (``url:hbsp.com``: no path or query)."""
    return key.startswith("url:") and not any(c in key[4:] for c in "/?#")


def _bare_title(ref: Reference) -> str:
    """The normalised title without a trailing ``(2022)``."""
    return " ".join(_PUNCTUATION.sub(" ", _YEAR_TAIL.sub("", ref.title or "")).casefold().split())


def _named_again(
    ref: Reference,
    first: Reference,
    why: str | None,
    entry: Reference,
    naming: dict[int, Reference],
    ctx: Context,
    listed: set[int] | None,
) -> Iterator[tuple[Reference, Reference, str | None]]:
    """A pair of a note and the bibliography ``entry`` it names (the notes and bibliography
    layout): the entry's id goes into ``listed`` (the note cites it), and the pair is no
    duplicate. Yields ``(note, earlier note, why)`` when another note named the entry
    first and this note repeats it (a Markdown ``[^label]`` note, which several calls may
    share; not a Word footnote: :func:`note_again`). ``naming`` maps an entry's id to the
    first note that named it, and is updated."""
    if listed is not None:
        listed.add(id(entry))
    note = ref if entry is first else first
    earlier = naming.setdefault(id(entry), note)
    if earlier is not note and not note_again(note, earlier, ctx):
        yield note, earlier, why


def duplicates(
    ctx: Context, listed: set[int] | None = None
) -> Iterator[tuple[Reference, Reference, str | None]]:
    """Yield ``(reference, earlier, why)`` for each reference that repeats an earlier one;
    ``why`` is None for a second definition of a key (``earlier`` is the first). The ids of
    bibliography entries that a called note names (the notes and bibliography layout, see
    :func:`citecheck.checker.notepractice.listed_by_note`) are added to ``listed``, and
    such pairs are not yielded."""
    # Lists whose numbering restarts (one per answer of a transcript) are compared each
    # with itself: two answers citing one page list it once each, by design.
    groups: dict[int, tuple[dict[str, Reference], dict[str, OutletTitles], WorksByAuthor]] = {}
    naming: dict[int, Reference] = {}  # a bibliography entry's id → the first note naming it
    sections = ctx.doc.sections
    starts = [s.start for s in sections]
    for ref in ctx.doc.references:
        if (kept := ctx.res.shadowed.get(id(ref))) is not None:
            yield ref, kept, None
            continue
        if not _listed(ref, ctx, starts):
            continue
        apart = ref.section is not None and sections[ref.section].serves is not None
        group_key = ref.section if apart and ref.section is not None else -1
        if (ref.key or "").startswith("^") and (turn := answer_of(ref.key)) is not None:
            # An exported thread numbers each answer's list apart ([^7_2], [^8_2]): the
            # same page or file in two answers' lists is each answer citing it, not a
            # duplicate, so each answer's list is compared only with itself.
            group_key = -2 - turn
        if group_key not in groups:
            groups[group_key] = ({}, {}, WorksByAuthor())
        seen, by_outlet, works = groups[group_key]
        first, why, title = None, "", _title(ref)
        for reason, key in _addresses(ref, title):
            earlier = seen.setdefault(key, ref)
            if first is None and earlier is not ref:
                if (key.startswith("doi:") or _homepage(key)) and different_works(ref, earlier):
                    # One identifier on two works: a slip, not one source twice; a site's
                    # home page names its publisher, not one of its works.
                    continue
                first, why = earlier, reason
        if first is None:
            first, why = works.first_like(ref)
        else:
            works.add(ref)
        if first is None and ref.outlet and title:
            name = canonical(ref.outlet) or ref.outlet.casefold()
            if (group := by_outlet.get(name)) is None:
                group = by_outlet[name] = OutletTitles()
            first = group.first_like(title)
            if first is not None:
                why = "same outlet and near-identical title"
                if first.title and ref.title and (diff := difference(first.title, ref.title)):
                    why += f', differing in "{diff[1]}" and "{diff[0]}"'
            group.add(ref, title, first)
        if (words := text_key(ref)) is not None:  # last: the other reasons say more
            earlier = seen.setdefault("text:" + words, ref)
            if first is None and earlier is not ref:
                first, why = earlier, "same text"
        if first is None or _cited_again(ref, first, ctx) or noted(ref, first):
            continue
        if (entry := listed_by_note(ref, first, ctx)) is not None:
            yield from _named_again(ref, first, why, entry, naming, ctx, listed)
            continue
        if note_again(ref, first, ctx) or lettered_apart(ref, first, why):
            continue
        yield ref, first, why
