"""Links named as author-year callouts (parser/links.py) and lists still to be filled in."""

from __future__ import annotations

from citecheck.api import analyse, check_text
from citecheck.parser.sourcelike import not_a_source

_DRAFT = """# Introduction

Professionals depart from classical decision theory
([Kahneman & Tversky, 1979](https://doi.org/10.2307/1914185); [van Dijk et al., 2020a](https://example.org/vd)).
Retail investors trade too much, as [Barber & Odean (2001)](https://dx.doi.org/10.1162/0033) showed.
A [link to the data](https://example.org/data) is no citation, nor is [2020](https://example.org/y).
"""


def test_linked_callouts_are_the_sources_of_a_draft_without_a_list() -> None:
    doc, _ = analyse(_DRAFT, path="draft.md")
    assert [r.url for r in doc.references] == [
        "https://doi.org/10.2307/1914185",
        "https://example.org/vd",
        "https://dx.doi.org/10.1162/0033",
    ]
    # Only the last sentence, whose links are no callouts, is uncited.
    uncited = [f.line for f in check_text(_DRAFT, path="draft.md").findings if f.code == "CC001"]
    assert uncited == [6]


def test_a_list_still_to_be_filled_in_is_no_source() -> None:
    from citecheck.model import BlockKind, Reference

    for text in (
        "[To be populated by the build script]",
        "References go here",
        "Insert bibliography",
    ):
        ref = Reference("1", 0, len(text), text, BlockKind.ITEM)
        assert not_a_source(text, ref) is not None, text
    source = "Statman, M. (2019). Behavioral finance: The second generation."
    assert not_a_source(source, Reference("1", 0, 9, source, BlockKind.ITEM)) is None
