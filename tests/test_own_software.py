"""A manual's talk of its own software is no claim (parser/manual.py), and a sentence that
opens with code keeps its code (parser/body.py): in Markdown and in a Word file whose code
run opens the paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from typer.testing import CliRunner

from citecheck.api import analyse
from citecheck.cli.app import app
from citecheck.parser.manual import own_software

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    "sentence",
    [
        "`apa_table()` creates tables that conform to APA guidelines.",
        "`pkg::render()` takes that table and writes it to the output folder.",
        "The package uses a template, so you can create PDF documents from one source.",
        "Any output is shown as you usually would in a notebook.",
        "However, as anywhere in these documents you can use commands of your own.",
        "For other options see the overview of the citation syntax.",
        "There are many formats that we would like `apa_print()` to support.",
        "Line numbering can be activated by setting the `linenumbers` argument to `yes`.",
        "Inline math must be enclosed in `$` signs.",
        "Chunk names cannot include `_` in this syntax.",
        "The function will format the contents of the objects.",
        "Moreover, the addin can directly access the reference database.",
        "`papaja` supplies functions that help in reporting the results of your analyses.",
    ],
)
def test_talk_of_the_software_is_no_claim(sentence: str) -> None:
    assert own_software(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "`papaja` is a package that conforms to the APA manuscript guidelines.",
        "These packages cannot be used when you want to create Word documents.",
        "Figures are deferred to the end of the document unless you set `figsintext`.",
        "Exports lose their colours when you can only write plain text.",
        "HEPA filters remove most pollen from the air of your home.",
        "The package was first released in 2004 and is used by most statistics courses.",
        "Cross-referencing is currently not available for equations in `bookdown`.",
        'The maintainer said "you can use it for anything" in 2019.',
    ],
)
def test_claims_stay_claims(sentence: str) -> None:
    assert not own_software(sentence)


def _claims(text: str, path: str) -> list[str]:
    doc, _ = analyse(text, path=path)
    return [s.text for s in doc.sentences if s.claim]


def test_a_sentence_keeps_the_code_it_opens_with() -> None:
    text = (
        "# Tools\n\nTabular data is shared in spreadsheets more than in any other format. "
        "`tabler` is the most downloaded table package on the archive.\n\n"
        "`tabler` was first released in 2004 and is now taught in most courses.\n\n"
        "- `tabler` ranks first among the table packages of the archive.\n"
    )
    assert _claims(text, "tools.md") == [
        "Tabular data is shared in spreadsheets more than in any other format.",
        "`tabler` is the most downloaded table package on the archive.",
        "`tabler` was first released in 2004 and is now taught in most courses.",
        "`tabler` ranks first among the table packages of the archive.",
    ]


def _paragraph(d: docx.document.Document, code: str, rest: str) -> None:
    """A paragraph whose first run is set in the Verbatim Char style (code), then prose."""
    runs = (
        f'<w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>{code}</w:t></w:r>'
        f'<w:r><w:t xml:space="preserve">{rest}</w:t></w:r>'
    )
    d.element.body.insert(len(d.element.body) - 1, parse_xml(f'<w:p xmlns:w="{W}">{runs}</w:p>'))


def test_word_code_run_opening_a_sentence_is_kept(tmp_path: Path) -> None:
    d = docx.Document()
    d.styles.add_style("Verbatim Char", 2).element.set(f"{{{W}}}styleId", "VerbatimChar")
    _paragraph(d, "papaja", " is a package that follows the manuscript guidelines of the APA.")
    _paragraph(d, "apa_table()", " creates tables that are rendered in PDF and Word documents.")
    path = tmp_path / "manual.docx"
    d.save(str(path))
    runner = CliRunner()
    parsed = json.loads(runner.invoke(app, ["parse", str(path), "--format", "json"]).stdout)
    sentences = {s["text"]: s["claim"] for s in parsed["sentences"]}
    assert sentences == {
        "`papaja` is a package that follows the manuscript guidelines of the APA.": True,
        "`apa_table()` creates tables that are rendered in PDF and Word documents.": False,
    }
