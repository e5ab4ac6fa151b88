"""A passage's own notes under a ``Notes:`` label line (parser/letternotes.passage_notes)."""

from __future__ import annotations

from citecheck.api import analyse, check_text

_DRAFT = """# Syntax

Strings follow the JSON string syntax [1].

Notes:

* An index is an integer in base 10, as in JSON numbers.
* There is no deduplication of the node list.

# Semantics

The selector selects nothing when the index lies out of range [1].

# References

1. Bray, T. (2017). The JavaScript Object Notation (JSON) Data Interchange Format. RFC 8259.
"""


def test_bullets_under_a_notes_label_are_the_passage_s_own() -> None:
    doc, _ = analyse(_DRAFT, path="draft.md")
    assert [r.number for r in doc.references] == [1]
    assert not {f.code for f in check_text(_DRAFT, path="draft.md").findings} & {"CC003"}


def test_sourced_bullets_under_a_notes_label_stay_entries() -> None:
    text = _DRAFT.replace(
        "* There is no deduplication of the node list.",
        "* Smith, J. (2020). Node lists and their order. https://example.org/nodes",
    )
    doc, _ = analyse(text, path="draft.md")
    assert any(r.url == "https://example.org/nodes" for r in doc.references)


def test_short_bullets_that_are_no_sentences_stay_entries() -> None:
    text = _DRAFT.replace(
        "* An index is an integer in base 10, as in JSON numbers.\n"
        "* There is no deduplication of the node list.",
        "* Query Languages for JSON\n* The Node List Handbook",
    )
    doc, _ = analyse(text, path="draft.md")
    assert len(doc.references) == 3
