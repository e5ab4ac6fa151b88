"""An essay's numbered endnotes: asides resolve its markers without making it cite sources."""

from __future__ import annotations

from citecheck.api import analyse

ESSAY = """Bakeries

Most bakeries in small towns survive because the owners also own the building. [1]

Notes

[1] Even the bakeries that rent tend to rent from a relative, which comes to much the
same thing in the end, I suspect.

To be safe, ask the relative for a lease in writing before you buy the ovens, though few do.
"""

SOURCED = """Bakeries

Most bakeries in small towns survive because the owners also own the building. [1]

Notes

[1] M. Baker, "Rent and the rural bakery," Journal of Small Business Studies 12 (2019): 44-61.
"""


def test_aside_endnotes_resolve_markers_but_cite_nothing() -> None:
    doc, res = analyse(ESSAY, fmt="text")
    assert [s.endnotes for s in doc.sections] == [True]
    assert [(r.key, r.note) for r in doc.references] == [("1", True)]  # the loose paragraph goes
    assert [len(res.citations(r)) for r in doc.references] == [1]  # [1] resolves, not dangling
    assert not doc.cites_sources()


def test_source_endnotes_still_cite() -> None:
    doc, _ = analyse(SOURCED, fmt="text")
    assert [s.endnotes for s in doc.sections] == [False]
    assert doc.cites_sources()
