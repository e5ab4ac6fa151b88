"""The numbered steps of a derivation (``[P.1]``, ``[S.7]``, ``[A.1]``) are no citations
(parser/nonmarkers.py), unless an entry has that label."""

from __future__ import annotations

from citecheck.parser import parse


def test_step_labels_are_no_citations() -> None:
    """``[P.1]``, ``[S.7]``: a derivation's numbered steps (parser/nonmarkers.py), unless an
    entry has that label."""
    text = (
        "By [P.2] and [S.7] the query is not transparent [Cod70].\n\n"
        "## References\n\n[Cod70] Codd, E. F. (1970). A relational model. CACM.\n"
    )
    doc = parse(text, "markdown")
    assert [m.raw for m in doc.markers] == ["[Cod70]"]
    listed = text.replace("[Cod70] Codd", "[P.2] Codd")
    assert "[P.2]" in [m.raw for m in parse(listed, "markdown").markers]
