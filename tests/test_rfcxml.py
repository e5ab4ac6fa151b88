"""RFC XML, v2 and v3 (reader/rfcxml.py, parser/draftrefs.py): ``<xref>`` citations,
``<reference>`` entries and those xml2rfc includes, prose, headings and what is masked, on
the fixtures of fixtures/kinds/rfc-xml and small documents built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.parser.profile import detect
from citecheck.reader import read
from citecheck.reader.rfcxml import is_rfc_xml
from citecheck.reader.rfcxmlrefs import bibxml_key

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "rfc-xml"


def _read(name: str) -> tuple[str, str]:
    path = KIND / name
    return path.read_text("utf-8"), str(path)


def test_v2_entities_includes_and_inline_references() -> None:
    text, path = _read("rfcxml-v2.xml")
    doc, res = analyse(text, path=path)
    refs = {r.key: r for r in doc.references}
    assert list(refs) == ["RFC2119", "RFC7230", "WIDGETS", "UNUSED"]  # &RFC2119; → its file
    assert refs["RFC7230"].url == "https://www.rfc-editor.org/info/rfc7230"
    assert refs["WIDGETS"].title == "The Widget Store"
    assert refs["WIDGETS"].url == "https://widgets.example.org/store"
    assert all(r.kind is BlockKind.LINKDEF for r in doc.references)
    assert [r.key for r in doc.references if not res.citations(r)] == ["UNUSED"]
    assert detect(doc) == "spec"  # by its <rfc> root, whatever its header lines


def test_xrefs_are_markers_where_they_stand() -> None:
    text, path = _read("rfcxml-v2.xml")
    doc, _ = analyse(text, path=path)
    keys = [(m.keys, text[m.start : m.start + 5]) for m in doc.markers]
    assert keys == [
        (("RFC7230",), "<xref"),
        (("WIDGETS",), "<xref"),
        (("RFC2119",), "<xref"),
    ]  # not the section cross-reference, the artwork's "[1] [RFC9999]" nor the <cref>'s [2]


def test_prose_headings_and_bcp14_entities() -> None:
    text, path = _read("rfcxml-v2.xml")
    doc, _ = analyse(text, path=path)
    sentences = [" ".join(s.text.split()) for s in doc.sentences]
    assert "A cache MUST keep a widget no longer than its freshness lifetime:" in sentences
    assert "a stale widget SHOULD be revalidated." in sentences  # a <t> of a v2 <list>
    assert "Most deployments keep widgets for five minutes." in sentences
    assert not any("TODO" in s or "Example Org" in s or "Caching Widgets" in s for s in sentences)
    headings = [doc.text[b.start : b.end] for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Introduction", "Caching", "Normative References", "Informative References"]


def test_v3_includes_names_and_sections() -> None:
    text, path = _read("rfcxml-v3.xml")
    doc, res = analyse(text, path=path)
    refs = {r.key: r for r in doc.references}
    assert list(refs) == ["RFC9000", "RFC9110", "I-D.ietf-gadget-framing", "GADGETS", "RFC0791"]
    assert refs["I-D.ietf-gadget-framing"].url == (
        "https://datatracker.ietf.org/doc/draft-ietf-gadget-framing/"
    )
    assert refs["RFC0791"].url == "https://www.rfc-editor.org/info/rfc791"
    assert [r.key for r in doc.references if not res.citations(r)] == ["RFC0791"]
    sentences = [" ".join(s.text.split()) for s in doc.sentences]
    assert "Each stream carries one gadget & its metadata." in sentences
    assert not any('gadget": [1]' in s for s in sentences)  # the source code is masked
    headings = [doc.text[b.start : b.end] for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings[:2] == ["Introduction", "Streams"]


def test_findings_of_rfc_xml_drafts() -> None:
    for name, line in (("rfcxml-v2.xml", 57), ("rfcxml-v3.xml", 55)):
        text, path = _read(name)
        report = check_text(text, path=path)
        assert [(f.line, f.rule) for f in report.findings] == [(line, "uncited-reference")]


def test_text_keeps_the_source_offsets() -> None:
    text, _ = _read("rfcxml-v3.xml")
    layout = read(text, "text")
    assert len(layout.text) == len(text) == len(layout.masked)
    assert [i for i, c in enumerate(layout.text) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    assert layout.inline == [] and layout.spec


def test_eref_is_an_inline_link() -> None:
    text, _ = _read("rfcxml-v2.xml")
    assert [u for _, _, u in read(text, "text").inline] == ["https://widgets.example.org/spec"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE rfc SYSTEM "rfc2629.dtd" [\n]>\n<rfc ipr="x">', True),
        ("<!-- a draft -->\n<?rfc toc='yes'?>\n<rfc version=\"3\">", True),
        ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">', False),
        ("The <rfc> element is the root of a draft.", False),
    ],
)
def test_is_rfc_xml(head: str, expected: bool) -> None:
    assert is_rfc_xml(head) is expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("https://bib.ietf.org/public/rfc/bibxml/reference.RFC.2119.xml", "RFC2119"),
        ("reference.RFC.0791.xml", "RFC0791"),
        ("reference.RFC.791", "RFC0791"),
        ("reference.BCP.0014.xml", "BCP14"),
        ("bibxml3/reference.I-D.draft-ietf-quic-http-34.xml", "I-D.ietf-quic-http"),
        ("bibxml3/reference.I-D.ietf-quic-http.xml", "I-D.ietf-quic-http"),
        ("reference.W3C.REC-xml-20081126.xml", "W3C.REC-xml-20081126"),
        ("https://example.org/widgets.xml", None),
    ],
)
def test_bibxml_key(name: str, key: str | None) -> None:
    assert bibxml_key(name) == key


def test_a_plain_xml_file_is_still_plain_text() -> None:
    layout = read('<?xml version="1.0"?>\n<note>Widgets [1] are small.</note>\n', "text")
    assert not layout.spec


def test_an_entry_inside_a_comment_is_none() -> None:
    """``<!--&RFC9364;-->`` in ``<references>`` is a reference set aside, not an entry."""
    text, path = _read("rfcxml-commented.xml")
    doc, _ = analyse(text, path=path)
    keys = [r.key for r in doc.references]
    assert "RFC9364" not in keys and keys[:2] == ["RFC2119", "RFC7230"]
    found = [(f.line, f.rule) for f in check_text(text, path=path).findings]
    assert found == [(59, "uncited-reference")]
