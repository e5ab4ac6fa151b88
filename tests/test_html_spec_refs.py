"""A spec's reference list in HTML as label and entry: xml2rfc v1's table of rows (label
cell, entry cell) and a W3C document's ``<dl>`` of bare labels cited as ``[<a href>]``.
Each label and its entry make one reference keyed by the label."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_text
from citecheck.config.settings import Settings
from tests.test_fixtures import concise

FOLDER = Path(__file__).parents[1] / "fixtures" / "kinds" / "html-spec-refs"
PAGES = sorted(FOLDER.glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_against_its_expected_findings(page: Path) -> None:
    expected = page.with_suffix(".expected").read_text("utf-8")
    assert concise(page, Settings()) == expected


def test_table_rows_are_references_keyed_by_their_label() -> None:
    page = FOLDER / "table-layout.html"
    doc, _ = analyse(page.read_text("utf-8"), path=str(page))
    refs = {r.key: r for r in doc.references}
    assert set(refs) == {"RFC2119", "RFC5246", "RFC6819"}  # no "TOC" entry
    assert refs["RFC5246"].title == "The Transport Layer Security (TLS) Protocol Version 1.2"
    assert [m.keys for m in doc.markers] == [("RFC2119",), ("RFC5246",)]


def test_dl_of_bare_labels_makes_one_reference_per_label() -> None:
    page = FOLDER / "dl-layout.html"
    doc, _ = analyse(page.read_text("utf-8"), path=str(page))
    refs = {r.key: r for r in doc.references}
    assert set(refs) == {"CSS2", "CSS Fonts 3", "WOFF2ER", "Unicode Range"}
    assert "CSS Fonts Module Level 3" in refs["CSS Fonts 3"].text
    # "[WOFF2-ER]" in the text names the entry labelled WOFF2ER: it is kept as a marker
    assert [m.keys for m in doc.markers] == [("CSS2",), ("CSS Fonts 3",), ("WOFF2-ER",)]


def test_a_table_with_rows_of_other_shapes_is_no_reference_list() -> None:
    page = (
        "<html><body><p>Plain text cites nothing here.</p><h2>References</h2><table>"
        '<tr><td><a name="A1">[A1]</a></td><td>Writer, A. Work one. 2001.</td></tr>'
        '<tr><td><a name="A2">[A2]</a></td><td>Writer, B. Work two. 2002.</td></tr>'
        "<tr><td>Total</td><td>2</td></tr></table></body></html>"
    )
    doc, _ = analyse(page, path="page.html")
    assert {"A1", "A2"}.isdisjoint(r.key for r in doc.references)


def test_a_glossary_dl_with_ids_is_no_reference_list() -> None:
    page = (
        '<html><body><p>A <a href="#term-font">font</a> holds glyphs.</p><dl>'
        '<dt id="term-font">Font</dt><dd>A set of glyphs.</dd>'
        '<dt id="term-glyph">Glyph</dt><dd>A shape drawn for a character.</dd>'
        "</dl></body></html>"
    )
    codes = [f.code for f in check_text(page, path="page.html").findings]
    assert "CC003" not in codes


def test_dl_whose_terms_hold_named_anchors_makes_one_reference_per_label() -> None:
    page = FOLDER / "dl-anchor-names.html"
    doc, _ = analyse(page.read_text("utf-8"), path=str(page))
    assert [(r.key, r.text.split(".")[0]) for r in doc.references] == [
        ("1", "John Smith"),
        ("2", "Peter Ng"),
        ("3", "Ann Lee"),
    ]
    assert [m.keys for m in doc.markers] == [("1",), ("2",)]


def test_dl_whose_terms_hold_no_anchor_is_not_read_as_labelled() -> None:
    page = (
        "<html><body><p>A font holds glyphs [A].</p><h2>References</h2><dl>"
        "<dt><b>[A]</b></dt><dd>Writer, A. Work one. 2001.</dd>"
        "<dt><b>[B]</b></dt><dd>Writer, B. Work two. 2002.</dd>"
        "</dl></body></html>"
    )
    doc, _ = analyse(page, path="page.html")
    labelled = [r for r in doc.references if r.key in ("A", "B") and "Writer" in r.text]
    assert labelled == []
