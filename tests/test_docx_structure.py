"""Word structure the reader must understand: automatic numbering (numbering.xml), code
paragraphs and code runs, citation and bibliography fields, front matter, captions and
table notes, and equations. Each document is built here with python-docx, the parts Word
writes by hand."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx.oxml import parse_xml
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.reader.docx_numbering import number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NS = f'xmlns:w="{W}" xmlns:m="{M}"'


def numbering(d: docx.document.Document, lists: dict[int, tuple[str, str, int]]) -> None:
    """Replace the numbering part: list id -> (number format, label text, start)."""
    xml = [f"<w:numbering {NS}>"]
    for n, (fmt, text, start) in lists.items():
        xml.append(
            f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            f'<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
        )
    for n in lists:
        xml.append(f'<w:num w:numId="{n + 10}"><w:abstractNumId w:val="{n}"/></w:num>')
    xml.append("</w:numbering>")
    d.part.numbering_part._element = parse_xml("".join(xml))


def numbered(d: docx.document.Document, text: str, num_id: int, ilvl: int = 0) -> None:
    """A paragraph numbered by list ``num_id`` (no digits typed)."""
    p = d.add_paragraph(text, style="List Paragraph")
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def raw(d: docx.document.Document, inner: str) -> None:
    """Append a paragraph written as WordprocessingML."""
    d.element.body.insert(len(d.element.body) - 1, parse_xml(f"<w:p {NS}>{inner}</w:p>"))


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def field(instruction: str, result: str) -> str:
    """A complex field as Word writes it: begin, instruction, separate, result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def check(path: Path) -> tuple[list[dict], dict]:
    runner = CliRunner()
    found = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    parsed = json.loads(runner.invoke(app, ["parse", str(path), "--format", "json"]).stdout)
    return found["files"][0]["findings"], parsed


def claims(parsed: dict) -> list[str]:
    return [s["text"] for s in parsed["sentences"] if s["claim"]]


def test_word_numbers_are_computed_from_numbering_xml(tmp_path: Path) -> None:
    d = docx.Document()
    numbering(d, {0: ("upperRoman", "%1.", 1), 1: ("decimal", "[%1]", 1)})
    numbered(d, "INTRODUCTION", 10)
    d.add_paragraph("The harbour was dredged in 1911 to admit larger steamers [1].")
    d.add_paragraph("The new quay opened two years later and traffic doubled [2].")
    numbered(d, "REFERENCES", 10)
    numbered(d, "Harbour Trust. Annual report 1911. Port Elms: Harbour Trust, 1912.", 11)
    numbered(d, "A. Lind. A century of shipping at Port Elms. Coastline Press, 1999.", 11)
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert found == []
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    headings = [s["text"] for s in parsed["sentences"] if not s["claim"]]
    assert "REFERENCES" in headings
    assert not any("Harbour Trust" in c for c in claims(parsed))


def test_start_values_formats_and_levels() -> None:
    from lxml import etree

    from citecheck.reader.docx_numbering import Numbering

    xml = (
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    n = Numbering(etree.fromstring(xml))
    got = [n.label("1", 0), n.label("1", 1), n.label("1", 1), n.label("1", 0), n.label("1", 1)]
    assert got == ["5.", "5.a)", "5.b)", "6.", "6.a)"]
    assert n.label("2", 0) == "1."  # "Restart at 1": a new instance with a start override
    assert n.label("0", 0) is None
    assert [number(4, "upperRoman"), number(27, "lowerLetter"), number(3, "decimalZero")] == [
        "IV",
        "aa",
        "03",
    ]


def test_numbered_body_list_items_keep_their_claims(tmp_path: Path) -> None:
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1)})
    numbered(d, "Rents rose by a third in the decade after the port opened [1].", 10)
    numbered(d, "Wages fell in the same years across the whole of the district.", 10)
    d.add_heading("References", 1)
    d.add_paragraph("Lind, A. (1999). A century of shipping. Coastline Press.")
    path = tmp_path / "items.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert any(c.startswith("Wages fell") for c in claims(parsed))
    assert [f["rule"] for f in found] == ["uncited-claim"]
    assert found[0]["message"]


def test_code_paragraphs_and_code_runs_are_masked(tmp_path: Path) -> None:
    d = docx.Document()
    d.styles.add_style("Source Code", 1)
    d.add_paragraph("summary(mixed_data[, -1])", style="Source Code")
    d.add_paragraph("## Subject Gender Dosage Task with a long console line.", style="Source Code")
    raw(d, run("x &lt;- data[, -1] # a line of R", '<w:rFonts w:ascii="Courier New"/>'))
    raw(d, run("You can call ") + run("f(x[, -1])", '<w:rStyle w:val="VerbatimChar"/>'))
    d.styles.add_style("Verbatim Char", 2).element.set(f"{{{W}}}styleId", "VerbatimChar")
    path = tmp_path / "code.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert found == []
    assert claims(parsed) == []


def test_a_manuscript_all_in_courier_is_prose(tmp_path: Path) -> None:
    d = docx.Document()
    d.styles["Normal"].font.name = "Courier New"
    d.add_paragraph("The harbour was dredged in 1911 to admit the larger steamers.")
    path = tmp_path / "courier.docx"
    d.save(str(path))
    _, parsed = check(path)
    assert claims(parsed) == ["The harbour was dredged in 1911 to admit the larger steamers."]


def test_citation_fields_show_their_result_never_their_code(tmp_path: Path) -> None:
    d = docx.Document()
    code = 'ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[{"id":[3]}],"note":"[0] x"}'
    raw(d, run("The quay opened in 1913 and traffic doubled within a decade ") + field(code, "[1]"))
    raw(d, run("Rents rose in the following years ") + field(" CITATION Lin99 \\l 1033 ", "[2]"))
    d.add_heading("Citations", 1)
    d.add_paragraph("Every manuscript needs citations, and this section explains them.")
    d.add_heading("References", 1)
    raw(d, field(" ADDIN ZOTERO_BIBL CSL_BIBLIOGRAPHY ", "[1] Harbour Trust. Annual report 1911."))
    raw(d, run("[2] Lind, A. A century of shipping. Coastline Press, 1999."))
    path = tmp_path / "fields.docx"
    d.save(str(path))
    found, parsed = check(path)
    text = " ".join(s["text"] for s in parsed["sentences"])
    assert "ZOTERO" not in text and "citationItems" not in text
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    assert [f["rule"] for f in found] == ["uncited-claim"]  # the Citations section's prose


def test_front_matter_captions_and_table_notes_are_not_claims(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Shipping at Port Elms", 0)
    d.add_paragraph("Author note")
    d.add_paragraph("Correspondence concerning this article should be addressed to A. Lind.")
    d.add_paragraph("Abstract")
    d.add_paragraph("This study shows that the harbour doubled its traffic within a decade.")
    d.add_paragraph("Keywords: harbours, shipping, trade")
    d.add_heading("Introduction", 1)
    d.add_paragraph("Table 1:")
    d.add_paragraph("Tonnage landed at the quay in each year of the decade.")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "1911"
    d.add_paragraph("Note. This table was compiled from the harbour registers.")
    d.add_paragraph("Figure 2. The quay as it was photographed in the year it opened.")
    d.add_paragraph("The harbour was dredged in 1911 to admit the larger steamers.")
    path = tmp_path / "front.docx"
    d.save(str(path))
    _, parsed = check(path)
    assert claims(parsed) == ["The harbour was dredged in 1911 to admit the larger steamers."]


def test_equations_keep_their_text_and_are_not_scanned(tmp_path: Path) -> None:
    d = docx.Document()
    math = "<m:oMath><m:r><m:t>F[1, 15]=43.1</m:t></m:r></m:oMath>"
    raw(d, run("Valence affected recall (") + math + run(") in every group of the trial [1]."))
    d.add_heading("References", 1)
    d.add_paragraph("[1] Lind, A. (1999). Recall in trials. Coastline Press.")
    path = tmp_path / "math.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert found == []
    sentence = parsed["sentences"][0]
    assert "F[1, 15]=43.1" in sentence["text"]
    assert [m["keys"] for m in sentence["markers"]] == [["1"]]
