"""A wiki page's notes list at the end of its converted text, below External links and the
category line (parser/wikinotes.py)."""

from __future__ import annotations

import pytest

from citecheck.api import check_text
from citecheck.parser import parse

_BODY = (
    "The harbour light was first lit in 1871, after four years of work.[1] Its lamp burned "
    "whale oil until 1903.[2] The keeper's cottage was rebuilt in 1922.[3]\n\n"
    "References\n\n\nExternal links\n\n"
    "-   Elden Lighthouse Trust – the trust's history of the light and its keepers\n"
    "-   Photographs of the harbour light, 1870–1990\n"
    "-   Visiting the harbour light – opening hours and tours of the lamp room\n\n"
    "Category:Lighthouses in Elden Category:1871 establishments\n\n"
)
_NOTES = (
    "[1] Marsh, Clara (1998). _Lights of the Northern Coast_. Harbour Press.\n\n"
    "[2]\n\n"
    '[3] "Storm damage at Port Elden". _Elden Gazette_. 14 January 1922.\n'
)


@pytest.mark.parametrize("path", ["page.md", "page.txt"])
def test_notes_after_external_links_are_read(path: str) -> None:
    report = check_text(_BODY + _NOTES, path=path)
    # [1] and [3] resolve; [2], whose text was lost, is reported once, at its marker.
    assert [(f.line, f.code) for f in report.findings] == [(1, "CC002")]
    assert "it is empty" in report.findings[0].message
    doc = parse(_BODY + _NOTES, "markdown" if path.endswith(".md") else "text")
    assert [r.key for r in doc.references] == ["1", "3"]
    assert doc.sections[-1].start == (_BODY + _NOTES).index("[1] Marsh")


@pytest.mark.parametrize(
    "notes",
    [
        _NOTES.replace("[2]", "[4]"),  # out of order: not one list
        _NOTES.replace("[1] Marsh", "[0] Marsh"),  # does not start at 1
        "[1] Marsh, Clara (1998). _Lights of the Northern Coast_.\n\n[2]\n",  # two labels
    ],
)
def test_stray_labels_are_no_notes_list(notes: str) -> None:
    doc = parse(_BODY + notes, "markdown")
    assert all(s.title != "Notes" for s in doc.sections)


def test_uncited_empty_item_is_still_reported() -> None:
    text = "The light was lit in 1871.[1]\n\nReferences\n\n[1] Marsh, C. (1998). Lights.\n\n[2]\n"
    findings = check_text(text, path="page.md").findings
    assert [(f.line, f.code) for f in findings] == [(7, "CC008")]
