"""The outline of a checked document that reports drawing the article read
(``check --format html``): its claims that need citing, its markers with the entry each
key resolves to, and its reference entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.api.stats import expected
from citecheck.model import Document
from citecheck.parser.citeworthy import needs_citation
from citecheck.parser.habit import Habit
from citecheck.resolver import Resolution

if TYPE_CHECKING:
    from citecheck.report.outline import Outline


def outline_of(doc: Document, res: Resolution, profile: str, habit: Habit) -> Outline:
    """The claims that need citing, the markers (each key with the entry it resolves to)
    and the reference entries of a document, for reports that draw the article."""
    from citecheck.report.outline import Outline, OutlineClaim, OutlineMarker, OutlineReference

    cites = doc.cites_sources()
    claims = [
        OutlineClaim(start=s.start, end=s.end, cites=list(s.covered_by))
        for s in doc.sentences
        if cites and needs_citation(s, profile) and expected(s, habit)
    ]
    targets: dict[tuple[int, str], str | None] = {
        (id(link.marker), link.key): link.reference.key if link.reference else None
        for link in res.links
    }
    markers = [
        OutlineMarker(
            start=m.start,
            end=m.end,
            keys=list(m.keys),
            targets=[targets.get((id(m), k)) for k in m.keys],
        )
        for m in doc.markers
    ]
    references = [
        OutlineReference(
            key=r.key,
            start=r.start,
            end=r.end,
            title=r.title,
            outlet=r.outlet,
            url=r.url,
            doi=r.doi,
        )
        for r in doc.references
    ]
    return Outline(text=doc.text, claims=claims, markers=markers, references=references)
