"""GROBID's TEI XML (reader/tei.py): a paper's header, body and ``<listBibl>`` read as the
paper, on fixtures/kinds/grobid-tei and small documents built here."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.reader import read
from citecheck.reader.tei import is_tei

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "grobid-tei"
NUMBERED = KIND / "grobid-numbered.xml"

_AUTHOR_YEAR = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title level="a" type="main">Notes on Rivers</title>
</titleStmt></fileDesc></teiHeader>
<text><body>
<div><head>Background</head><p>River sediment loads fell after dam building \
(<ref type="bibr" target="#b0">Walling &amp; Fang, 2003</ref>).</p></div>
</body><back><div type="references"><listBibl>
<biblStruct xml:id="b0">
  <analytic>
    <title level="a" type="main">Recent trends in the suspended sediment loads of the
      world's rivers</title>
    <author><persName><forename type="first">Des</forename>
      <surname>Walling</surname></persName></author>
    <author><persName><forename type="first">Di</forename>
      <surname>Fang</surname></persName></author>
  </analytic>
  <monogr>
    <title level="j">Global and Planetary Change</title>
    <imprint><date type="published" when="2003">2003</date></imprint>
  </monogr>
</biblStruct>
</listBibl></div></back></text></TEI>
"""


def test_numbered_citations_resolve_to_the_entries_they_target() -> None:
    text = NUMBERED.read_text("utf-8")
    doc, res = analyse(text, path=str(NUMBERED))
    keys = [m.keys for m in doc.markers]
    assert keys == [("1",), ("2", "3"), ("4",), ("2",), ("1", "3", "4"), ("5",)]
    # a group GROBID split into a <ref> a number is one marker; a figure's caption cites
    # too; not the formula's "[5]", the note's "[6]" nor the affiliation's "[7]"
    assert [r.number for r in doc.references] == [1, 2, 3, 4, 5, 6]
    first = doc.references[0]
    assert first.doi == "10.5555/rem.2019.114"
    assert first.fields is not None
    assert [a.surname for a in first.fields.authors] == ["Brandt", "Haddad"]
    assert first.fields.year == "2019"
    assert "Grazing and vegetation cover on degraded hillslopes" in first.text
    assert [r.number for r in doc.references if not res.citations(r)] == [6]


def test_header_body_and_what_is_not_prose() -> None:
    text = NUMBERED.read_text("utf-8")
    layout = read(text, "text")
    headings = [
        (" ".join(layout.text[b.start : b.end].split()), b.level)
        for b in layout.blocks
        if b.kind is BlockKind.HEADING
    ]
    assert headings == [
        ("Grazing Pressure and Soil Loss in Upland Catchments", 1),
        ("Abstract", 2),
        ("Introduction", 2),
        ("Methods", 2),
        ("References", 2),
    ]
    assert "A = R K L S C P" not in layout.masked  # the formula
    assert "Grazing [6]" not in layout.masked  # a note
    assert "Figure 1 ." not in layout.masked  # a figure's head (its caption is read)
    assert "a.okafor@example.edu" not in layout.masked  # the authors' header
    assert len(layout.text) == len(text)
    assert layout.text.count("\n") == text.count("\n")  # line:col are the file's


def test_findings_fall_at_the_files_line_and_column() -> None:
    text = NUMBERED.read_text("utf-8")
    report = check_text(text, path=str(NUMBERED))
    assert report.profile == "paper"
    assert [(f.line, f.column, f.code) for f in report.findings] == [(131, 1, "CC003")]
    assert text.splitlines()[130].startswith('<biblStruct xml:id="b5">')


def test_author_year_citations_keep_their_text() -> None:
    doc, res = analyse(_AUTHOR_YEAR, path="paper.tei.xml")
    (ref,) = doc.references
    assert ref.fields is not None and ref.fields.year == "2003"
    assert [" ".join(m.raw.split()) for m in doc.markers] == ["Walling & Fang, 2003"]
    assert res.citations(ref)
    assert check_text(_AUTHOR_YEAR, path="paper.tei.xml").findings == []


def test_brackets_outside_the_citations_hold_them() -> None:
    entry = (
        '<biblStruct xml:id="b{0}"><analytic><title level="a">Dams and rivers, part {0}'
        "</title><author><persName><surname>Lee</surname></persName></author></analytic>"
        '<monogr><title level="j">Water Res</title><imprint><date when="201{0}"/>'
        "</imprint></monogr></biblStruct>\n"
    )
    text = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>Loads fell '
        '[<ref type="bibr" target="#b0">1</ref>, <ref type="bibr" target="#b1">2</ref>] '
        'and floods grew rare [<ref type="bibr" target="#b1">2</ref>].</p></div></body>\n'
        '<back><div type="references"><listBibl>\n'
        + entry.format(0)
        + entry.format(1)
        + "</listBibl></div></back></text></TEI>\n"
    )
    doc, res = analyse(text, path="paper.xml")
    assert [" ".join(doc.text[m.start : m.end].split()) for m in doc.markers] == [
        "[1, 2]",
        "[2]",
    ]
    assert [r.number for r in doc.references] == [1, 2]
    assert all(res.citations(r) for r in doc.references)


def test_only_a_tei_root_is_read_so() -> None:
    assert is_tei(NUMBERED.read_text("utf-8"))
    assert is_tei("<!-- converted -->\n<TEI xmlns='http://www.tei-c.org/ns/1.0'>")
    assert not is_tei("<TEI>no namespace</TEI>")
    assert not is_tei('Notes on the TEI xmlns="http://www.tei-c.org/ns/1.0" format.')
    assert not is_tei('<?xml version="1.0"?>\n<rfc><front/></rfc>')


def test_ill_formed_tei_is_read_as_plain_text() -> None:
    broken = _AUTHOR_YEAR.replace("</listBibl>", "")
    layout = read(broken, "text")
    assert "<listBibl>" in layout.text  # the plain-text reader: the source as written
    check_text(broken, path="broken.xml")  # no traceback
