"""Plan the fixes of one document: which findings can be repaired, and the edits that do it.

A plan is built from the findings ``check`` reports (so suppressions, ``--select`` and
per-file ignores hold), in one piece: removals, redirections of markers from a duplicate to
its first copy, and new numbers (:mod:`citecheck.fixer.renumber`) are decided first, then
every marker group and every list label is rewritten once, so the edits of different rules
never overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from citecheck.checker.base import Context
from citecheck.checker.duplicate_citation import citations
from citecheck.checker.works import anchors, locator
from citecheck.fixer import lists
from citecheck.fixer.edits import Edit
from citecheck.fixer.markers import Unfixable, group_edits
from citecheck.fixer.meaning import identity
from citecheck.fixer.renumber import renumber
from citecheck.model import Marker, MarkerKind, Reference
from citecheck.parser.markers import groups
from citecheck.report import Finding
from citecheck.resolver import lookup

APPLICABILITY = {
    "CC011": "safe",
    "CC007": "safe",
    "CC012": "safe",
    "CC003": "unsafe",
    "CC008": "unsafe",
    "CC209": "unsafe",
}
"""Rule code → ``safe`` (``citecheck fix``) or ``unsafe`` (``citecheck fix --unsafe``)."""
ORDER = ("CC011", "CC007", "CC012", "CC003", "CC008", "CC209")


@dataclass(slots=True)
class Plan:
    """The edits of a fix and the findings (code, line, column) they repair."""

    edits: list[Edit] = field(default_factory=list)
    fixed: dict[tuple[str, int, int], str] = field(default_factory=dict)
    removed: frozenset[int] = frozenset()
    """Starts of the references and items the fix removes."""
    added: dict[str, str] = field(default_factory=dict)
    """The identity (``text:…``) of each entry the fix gives an address → the identity
    (``url:…``) it has then: the same source (see :func:`citecheck.fixer.meaning.canonical`)."""


def _same_source(ref: Reference, kept: Reference, why: str | None) -> bool:
    """Whether removing a copy loses nothing: a key defined twice for two sources, a
    near-identical title at another address, a preprint and its published version, or one
    document at two pages is left for a person to decide."""
    if locator(ref) != locator(kept) or (why == "same URL" and anchors(ref, kept)):
        return False  # the claims that cite the copy would lose their page or anchor
    if why is None or (why.startswith("same outlet") and (ref.url or ref.doi)):
        return identity(ref) == identity(kept)
    return not why.startswith("preprint")  # which version a claim means is for a person


class _Builder:
    def __init__(self, ctx: Context, findings: Iterable[Finding], rules: frozenset[str]):
        self.ctx, self.text, self.rules = ctx, ctx.doc.text, rules
        self.lines, self.length = ctx.lines, len(self.text)
        # Each reported finding by the offset its line:column stands for: offsets map to
        # positions one to one, so at() looks an offset up instead of its position.
        self.reported: dict[tuple[str, int], tuple[str, int, int]] = {}
        for f in findings:
            if f.code in rules:
                offset = self.lines.line_start(f.line) + f.column - 1
                if self.lines.position(offset) == (f.line, f.column):
                    self.reported[f.code, offset] = (f.code, f.line, f.column)
        self.codes = {code for code, _ in self.reported}
        self.redirect: dict[int, Reference] = {}
        self.removals: dict[int, Edit] = {}
        self.numbers: dict[int, int] = {}
        self.plan = Plan()

    def at(self, code: str, offset: int) -> tuple[str, int, int] | None:
        """The finding of ``code`` reported at an offset (clamped to the text, as positions
        are), if any."""
        return self.reported.get((code, max(0, min(offset, self.length))))

    def fixes(self, key: tuple[str, int, int]) -> None:
        self.plan.fixed[key] = APPLICABILITY[key[0]]

    def remove(self, start: int, end: int, code: str) -> bool:
        edit = lists.removal(self.text, start, end, code)
        if edit is not None:
            self.removals[start] = edit
        return edit is not None

    def duplicates(self) -> None:
        for ref, first, why in self.ctx.duplicates:
            key = self.at("CC007", ref.start)
            if key is None or id(ref) in self.redirect:
                continue
            kept = first
            while id(kept) in self.redirect:
                kept = self.redirect[id(kept)]
            if not _same_source(ref, kept, why):
                continue
            if self.remove(ref.start, ref.end, "CC007"):
                if why is not None:
                    self.redirect[id(ref)] = kept
                self.fixes(key)

    def unused(self) -> None:
        targets = {id(r) for r in self.redirect.values()}
        for ref in self.ctx.doc.references:
            key = self.at("CC003", ref.start)
            free = key and id(ref) not in targets and ref.start not in self.removals
            if key and free and self.remove(ref.start, ref.end, "CC003"):
                self.fixes(key)
        for item in self.ctx.doc.non_references:
            key = self.at("CC008", item.start)
            if key and self.remove(item.start, item.end, "CC008"):
                self.fixes(key)

    def renumber(self) -> list[Edit]:
        """New numbers (see :func:`citecheck.fixer.renumber.renumber`), kept for the
        markers that cite the renumbered entries."""
        numbers, repaired, edits = renumber(self.ctx, self.removals, self.redirect, self.at)
        self.numbers = numbers
        for key in repaired:
            self.fixes(key)
        return edits

    def target(self, marker: Marker, key: str) -> str | None:
        # What the resolver found for the key: every key of a marker was looked up so.
        ref = lookup(key, self.ctx.index)
        if ref is None:
            return key
        moved = self.redirect.get(id(ref))
        if marker.kind is MarkerKind.AUTHOR_YEAR:
            # "(Bloom, 2024)" names its work whatever number the list gives it, and cannot
            # be made to name another.
            if moved is not None:
                raise Unfixable(marker.raw)
            return key
        if marker.kind is MarkerKind.LINK and "](" in marker.raw:
            if moved is not None:
                raise Unfixable(marker.raw)  # a named link cites the copy by its address
            return key
        new = moved or ref
        if id(new) in self.numbers:
            return str(self.numbers[id(new)])
        return new.key if moved is not None else key

    def moved(self) -> set[int]:
        """The ids of the markers some key of which :meth:`target` changes: the other
        markers, in a group that drops no repeat, are rewritten as they are written."""
        out = set()
        for link in self.ctx.res.links:  # one a (marker, key), as the resolver found them
            ref, marker = link.reference, id(link.marker)
            if ref is None or marker in out:
                continue
            number = self.numbers.get(id(ref))
            if id(ref) in self.redirect or (number is not None and str(number) != link.key):
                out.add(marker)
        return out

    def found(self) -> list[Edit]:
        """Additions of the pages a search found (source-found) to entries that stay."""
        if "CC209" not in self.codes:
            return []
        from citecheck.fixer.found import additions

        edits = []
        for key, edit, (old, new) in additions(self.ctx, self.at, frozenset(self.removals)):
            edits.append(edit)
            self.plan.added[old] = new
            self.fixes(key)
        return edits

    def markers(self) -> list[Edit]:
        edits: list[Edit] = []
        retarget = self.moved() if self.redirect or self.numbers else set()
        if not (retarget or "CC011" in self.codes):
            return edits  # no group repeats a key or cites anew
        for run in map(citations, groups(self.ctx.doc.markers)):
            flagged = [k for m in run if (k := self.at("CC011", m.start))]
            if not (flagged or any(id(m) in retarget for m in run)):
                continue  # nothing moves and nothing repeats: the group stays as written
            edits += group_edits(self.text, run, self.target, bool(flagged), "CC011")
            for key in flagged:
                self.fixes(key)
        return edits


def build(ctx: Context, findings: Iterable[Finding], rules: frozenset[str]) -> Plan:
    """Plan the fixes of the reported ``findings`` of ``rules`` (codes) in one document.

    Raises :class:`~citecheck.fixer.markers.Unfixable` when a marker cannot be rewritten.
    """
    b = _Builder(ctx, findings, rules)
    b.duplicates()
    b.unused()
    numbering = b.renumber()
    markers = b.markers()
    found = b.found()
    removals = sorted(b.removals.values(), key=lambda e: e.start)
    starts = [e.start for e in removals]

    def inside(edit: Edit) -> bool:  # a marker of a footnote that goes with its footnote
        i = bisect_right(starts, edit.start) - 1
        return i >= 0 and edit.start < removals[i].end

    markers = [e for e in markers if not inside(e)]
    # An edit that changes nothing repairs nothing: it is no part of the plan.
    b.plan.edits = [e for e in removals + numbering + markers + found if e.old != e.new]
    b.plan.removed = frozenset(b.removals)
    return b.plan
