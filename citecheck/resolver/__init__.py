"""Resolver: link every key of every marker to a reference.

Numbers match numbered references; labels match exactly, then ignoring case and
punctuation (``[Zeller]`` cites ``[ZELLER]``); footnotes match their definitions. A key that
matches nothing gets the nearest existing key as a suggestion. A key defined twice cites its
first definition (as CommonMark does for link definitions); the later one is *shadowed*.

Where numbered lists restart (an answer transcript's ``Citations:`` after each answer, see
:mod:`citecheck.parser.restarts`), a marker's key is looked up in the list that serves the
span it sits in, then among the entries of no such list; a key is shadowed only by an
earlier definition in the same list. Notes of the body whose numbering restarts with each
chapter are read the same way (see :mod:`citecheck.resolver.notegroups`). Where footnotes
run otherwise (numbered anew for each letter or chapter but not falling into such groups,
see :mod:`citecheck.resolver.running`), a marker cites the nearest note of its key after
it, and no note is shadowed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from citecheck.model import Document, Marker, MarkerKind, Reference
from citecheck.parser.markers import normalise_label
from citecheck.resolver.notegroups import note_groups


@dataclass(slots=True)
class Link:
    """One key of one marker and what it resolved to."""

    marker: Marker
    key: str
    reference: Reference | None
    suggestion: Reference | None = None


@dataclass(slots=True)
class Resolution:
    """The resolved map: links in document order and citations per reference."""

    links: list[Link] = field(default_factory=list)
    cited: dict[int, list[Marker]] = field(default_factory=dict)
    shadowed: dict[int, Reference] = field(default_factory=dict)
    """A later definition of a key (by ``id``) → the first one, which its markers cite."""

    scopes: list[tuple[int, int, dict[str, Reference]]] = field(default_factory=list)
    """``(start, end, index)`` for each body span a restarting list serves, in order."""

    def index_at(self, at: int, index: dict[str, Reference]) -> dict[str, Reference]:
        """The key index for a marker or sentence starting at ``at``: the index of the list
        serving that span, else ``index`` (the document's)."""
        if self.scopes:
            i = bisect_right(self.scopes, at, key=lambda s: s[0]) - 1
            if i >= 0 and at < self.scopes[i][1]:
                return self.scopes[i][2]
        return index

    def citations(self, ref: Reference) -> list[Marker]:
        """Return the markers that cite a reference, in document order."""
        return self.cited.get(id(ref), [])

    def references_of(self, keys: tuple[str, ...], index: dict[str, Reference]) -> list[Reference]:
        """Return the distinct references a set of keys resolves to."""
        seen: dict[int, Reference] = {}
        for key in keys:
            ref = index.get(key)
            if ref is not None:
                seen.setdefault(id(ref), ref)
        return list(seen.values())


def build_index(doc: Document, section: int | None = None) -> dict[str, Reference]:
    """Return key → reference, with labels also under their normalised form. With
    ``section`` (a restarting list's index in ``doc.sections``), that list's entries come
    first, then the entries of no restarting list."""
    refs = doc.references
    if section is not None:
        served = {k for k, s in enumerate(doc.sections) if s.serves is not None}
        refs = [r for r in refs if r.section == section]
        refs += [r for r in doc.references if r.section not in served]
    return _index(refs)


def _index(refs: list[Reference]) -> dict[str, Reference]:
    """Key → reference over ``refs`` (the first definition of a key wins), labels also
    under their normalised form."""
    exact: dict[str, Reference] = {}
    loose: dict[str, Reference] = {}
    for ref in refs:
        if ref.key is None:
            continue
        exact.setdefault(ref.key, ref)
        loose.setdefault("~" + normalise_label(ref.key), ref)
        for alias in ref.aliases:
            exact.setdefault(alias, ref)
    return exact | loose


def lookup(key: str, index: dict[str, Reference]) -> Reference | None:
    """Find the reference for one key: exactly, then ignoring case and punctuation."""
    ref = index.get(key)
    if ref is None and not key.isdigit():
        ref = index.get("~" + normalise_label(key))
    return ref


_MAX_FUZZY_KEYS = 5000
_MAX_SUGGESTED = 2000


def _one_edit(key: str) -> set[str]:
    """Numbers one typo away: a digit dropped, added, changed or two swapped."""
    out = {key[:i] + key[i + 1 :] for i in range(len(key))}
    out |= {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)}
    for i in range(len(key) + 1):
        for d in "0123456789":
            out.add(key[:i] + d + key[i:])
            if i < len(key):
                out.add(key[:i] + d + key[i + 1 :])
    out.discard(key)
    return {k for k in out if k and not k.startswith("0")}


_CALLOUT_KEY = re.compile(r"^(?P<names>.+?),\s*(?P<year>\d{4})[a-z]?$")


def misnamed(key: str, references: list[Reference]) -> Reference | None:
    """The one entry a dangling author-year callout's key (``Van & Salomon, 1997``) most
    likely misnames: of its year, with the callout's first name as the first word of its
    first author's surname (``Van der Laan``), its second name as the second author's, or
    (a callout of one name, read from ``Van and Salomon``) that name as the second of two
    authors. None when no entry, or more than one, fits."""
    m = _CALLOUT_KEY.match(key)
    if m is None:
        return None
    many = "et al" in m.group("names")
    names = [n.strip().casefold() for n in re.split(r"\s*&\s*|\s+et al\.?", m.group("names"))]
    names = [n for n in names if n]
    if not names:
        return None
    year = int(m.group("year"))
    found: list[Reference] = []
    for ref in references:
        if ref.year != year or ref.fields is None or not ref.fields.authors:
            continue
        surnames = [a.surname.casefold() for a in ref.fields.authors]
        first = surnames[0].split()
        if (
            (first and first[0] == names[0])
            or (len(names) > 1 and len(surnames) > 1 and names[1] == surnames[1])
            or (not many and len(names) == 1 and len(surnames) == 2 and names[0] == surnames[1])
        ):
            found.append(ref)
    return found[0] if len(found) == 1 else None


def _suggest(
    key: str, index: dict[str, Reference], labels: list[str], cited: dict[int, list[Marker]]
) -> Reference | None:
    """Nearest key to a dangling one, preferring references nobody cites yet."""
    if key.isdigit():
        near = sorted((k for k in _one_edit(key) if k in index), key=int)
        uncited = [k for k in near if id(index[k]) not in cited]
        return index[uncited[0]] if len(uncited) == 1 else None
    if not labels or len(labels) > _MAX_FUZZY_KEYS:
        return None
    from rapidfuzz import fuzz, process

    near = [m[0] for m in process.extract(key, labels, scorer=fuzz.ratio, score_cutoff=70)]
    uncited = [k for k in near if id(index[k]) not in cited]
    pick = uncited or near
    return index[pick[0]] if pick else None


def resolve(doc: Document) -> Resolution:
    """Resolve every marker key of a document."""
    index = build_index(doc)
    res = Resolution()
    own: dict[int, dict[str, Reference]] = {}
    for k, section in enumerate(doc.sections):
        if section.serves is not None:
            own[k] = build_index(doc, k)
            res.scopes.append((*section.serves, own[k]))
    noted: dict[int, dict[str, Reference]] = {}
    running: set[int] = set()
    if not res.scopes:
        groups = note_groups(doc)
        grouped = {id(r) for _, _, refs in groups for r in refs}
        rest = [r for r in doc.references if id(r) not in grouped]
        for start, end, refs in groups:
            scope = _index(refs + rest)
            res.scopes.append((start, end, scope))
            noted.update((id(r), scope) for r in refs)
    if not res.scopes:
        from citecheck.resolver.running import running_scopes

        res.scopes = running_scopes(doc, index)
        running = {id(ref) for _, _, at in res.scopes for ref in at.values()}
    for entry in doc.references:
        keyed = own.get(entry.section, index) if entry.section is not None else index
        keyed = noted.get(id(entry), keyed)
        if id(entry) in running:
            continue  # a note of its letter or chapter: no earlier note shadows it
        if entry.key is not None and keyed[entry.key] is not entry:
            res.shadowed[id(entry)] = keyed[entry.key]
    for marker in doc.markers:
        at = res.index_at(marker.start, index)
        for key in dict.fromkeys(marker.keys):
            ref = lookup(key, at)
            if ref is not None:
                res.cited.setdefault(id(ref), []).append(marker)
            res.links.append(Link(marker, key, ref))
    for link in res.links:
        if link.reference is None and link.marker.kind is MarkerKind.AUTHOR_YEAR:
            link.suggestion = misnamed(link.key, doc.references)
    labels: dict[int, list[str]] = {}
    memo: dict[tuple[int, str], Reference | None] = {}
    for link in res.links:
        at = res.index_at(link.marker.start, index)
        if link.reference is None and at and link.suggestion is None:
            # Hints stop after a few thousand distinct broken keys: past that they help
            # nobody, and the work would grow with broken keys times references.
            if (id(at), link.key) not in memo and len(memo) < _MAX_SUGGESTED:
                if id(at) not in labels:
                    labels[id(at)] = [k for k in at if not k.startswith("~") and not k.isdigit()]
                memo[id(at), link.key] = _suggest(link.key, at, labels[id(at)], res.cited)
            link.suggestion = memo.get((id(at), link.key))
    return res
