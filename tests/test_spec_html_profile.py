"""An RFC as xml2rfc writes it in HTML is a spec: its header (``<dl id="identifiers">``)
sits after a stylesheet longer than the head the profile reads, and each header line is a
``<dt>`` label and a ``<dd>`` value (fixtures/kinds/profile-spec-html)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, analyse_file
from citecheck.parser.profile import detect
from citecheck.parser.specprofile import _visible_head

RFC = Path(__file__).parents[1] / "fixtures" / "kinds" / "profile-spec-html" / "rfc.html"


def test_xml2rfc_page_is_a_spec() -> None:
    source = RFC.read_text("utf-8")
    assert source.index('id="identifiers"') > 4000  # past the head a text is read in
    doc, _ = analyse_file(str(RFC))
    assert detect(doc) == "spec"


def test_without_its_header_the_page_is_not_a_spec() -> None:
    source = RFC.read_text("utf-8")
    start, end = source.index('<dl id="identifiers">'), source.index("</dl>") + 5
    doc, _ = analyse(source[:start] + source[end:], path="rfc.html")
    assert detect(doc) != "spec"


def test_one_header_line_is_not_enough() -> None:
    page = (
        "<html><body><h1>Trains</h1><dl><dt>Category:</dt><dd>Standards Track</dd></dl>"
        "<p>The line carries ninety trains a day between the two cities.</p></body></html>"
    )
    doc, _ = analyse(page, path="page.html")
    assert detect(doc) == "article"


def test_visible_head_joins_labels_to_values() -> None:
    text = "\n" + " " * 5000 + "\n   Category:   \n      Standards Track  \n  ISSN:\n 2070-1721\n"
    assert _visible_head(text) == "Category: Standards Track\nISSN: 2070-1721"
