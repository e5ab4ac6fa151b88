"""Resolver: link every key of every marker to a reference.

Numbers match numbered references; labels match exactly, then ignoring case and
punctuation (``[Zeller]`` cites ``[ZELLER]``); footnotes match their definitions. A key that
matches nothing gets the nearest existing key as a suggestion. A key defined twice cites its
first definition (as CommonMark does for link definitions); the later one is *shadowed*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.model import Document, Marker, Reference
from citecheck.parser.markers import normalise_label


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


def build_index(doc: Document) -> dict[str, Reference]:
    """Return key → reference, with labels also under their normalised form."""
    exact: dict[str, Reference] = {}
    loose: dict[str, Reference] = {}
    for ref in doc.references:
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
    for entry in doc.references:
        if entry.key is not None and index[entry.key] is not entry:
            res.shadowed[id(entry)] = index[entry.key]
    for marker in doc.markers:
        for key in dict.fromkeys(marker.keys):
            ref = lookup(key, index)
            if ref is not None:
                res.cited.setdefault(id(ref), []).append(marker)
            res.links.append(Link(marker, key, ref))
    labels = [k for k in index if not k.startswith("~") and not k.isdigit()]
    memo: dict[str, Reference | None] = {}
    for link in res.links:
        if link.reference is None and index:
            # Hints stop after a few thousand distinct broken keys: past that they help
            # nobody, and the work would grow with broken keys times references.
            if link.key not in memo and len(memo) < _MAX_SUGGESTED:
                memo[link.key] = _suggest(link.key, index, labels, res.cited)
            link.suggestion = memo.get(link.key)
    return res
