"""The notes and bibliography layout with a numbered bibliography: each footnote cites a
work and the ``Quellenverzeichnis`` lists it again, as a German school paper written in Word
does. A footnote that names a listed work is no duplicate of its entry, and the entry is
cited by the note; a listed work no note names is still never cited. The Word file is built
here with python-docx (footnotes part written by ``tests.test_docx_input``)."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import check_file
from citecheck.report import FileReport
from tests.test_docx_input import note_ref, notes_part

_BPB = "Bundeszentrale für politische Bildung, „Open Source“, unter: https://www.bpb.de/opensource/"
_WIKI = "Wikipedia, „Open Source“, unter: https://de.wikipedia.org/wiki/Open_Source"
_GNU = "Richard Stallman, „Warum Open Source das Ziel verfehlt“, unter: https://www.gnu.org/os.html"
_SENTENCES = [
    "Der Begriff Open Source wurde 1998 von der Open Source Initiative geprägt.",
    "Seitdem verwenden viele Schulen in Deutschland freie Software im Unterricht.",
    "Die Lizenz erlaubt es, den Quelltext zu ändern und weiterzugeben.",
]


def _paper(path: Path) -> Path:
    """Three footnoted sentences (notes: bpb, Wikipedia, bpb again) and a numbered
    Quellenverzeichnis of bpb, Wikipedia and Stallman, whom no note names."""
    d = docx.Document()
    d.add_heading("Open Source in der Schule", 1)
    for k, sentence in enumerate(_SENTENCES, 1):
        note_ref(d.add_paragraph(sentence), "footnote", k)
    d.add_heading("Quellenverzeichnis", 1)
    for k, entry in enumerate((_BPB, _WIKI, _GNU), 1):
        d.add_paragraph(f"{k}. {entry} (aufgerufen: 01.11.2017)")
    notes_part(d, "footnote", {1: _BPB + ".", 2: "Vgl. " + _WIKI + ".", 3: _BPB + "."})
    d.save(str(path))
    return path


def test_footnotes_cite_the_numbered_bibliography_they_repeat(tmp_path: Path) -> None:
    report = check_file(str(_paper(tmp_path / "Seminararbeit.docx")))
    found = [(f.code, f.message) for f in report.findings if f.code in ("CC003", "CC007")]
    assert [code for code, _ in found] == ["CC003"]
    assert "Richard Stallman" in found[0][1]


def test_a_second_markdown_note_naming_a_listed_work_is_a_duplicate(tmp_path: Path) -> None:
    """A Markdown ``[^label]`` note may be called from several places, so a second note for
    one listed work is still a duplicate, of the first note that named it."""
    path = tmp_path / "paper.md"
    path.write_text(
        "## Quellenverzeichnis\n\n"
        f"1. {_BPB}\n2. {_WIKI}\n\n"
        "## Text\n\n"
        f"{_SENTENCES[0]}[^1] {_SENTENCES[1]}[^2] {_SENTENCES[2]}[^3]\n\n"
        f"[^1]: {_BPB}\n[^2]: {_WIKI}\n[^3]: {_BPB}\n",
        encoding="utf-8",
    )
    found = [(f.code, f.message) for f in check_file(str(path)).findings]
    assert [code for code, _ in found if code in ("CC003", "CC007")] == ["CC007"]
    assert next(m for code, m in found if code == "CC007").startswith("[^3]")


def test_an_entry_the_text_calls_by_number_stays_a_duplicate_of_a_note(tmp_path: Path) -> None:
    """The layout holds only for an entry no marker calls: a list the text cites by number
    and a note that names one of its works again list that work twice."""
    path = tmp_path / "paper.md"
    path.write_text(
        f"{_SENTENCES[0]} [1] {_SENTENCES[1]}[^1] {_SENTENCES[2]} [2]\n\n"
        f"[^1]: {_BPB}\n\n"
        "## References\n\n"
        f"1. {_BPB}\n2. {_WIKI}\n",
        encoding="utf-8",
    )
    codes = [f.code for f in check_file(str(path)).findings if f.code in ("CC003", "CC007")]
    assert codes == ["CC007"]


def _summary_agrees(report: FileReport) -> None:
    """The summary's cited entries are the keyed entries CC003 does not report."""
    reported = sum(1 for f in report.findings if f.code == "CC003")
    stats = report.stats
    assert stats.uncited_references == reported, stats


def test_the_summary_counts_an_entry_a_note_names_as_cited(tmp_path: Path) -> None:
    """The Word paper's entries that its footnotes name are cited in the summary as they
    are for uncited-reference: five of the six (three notes, two entries), not three."""
    report = check_file(str(_paper(tmp_path / "Seminararbeit.docx")))
    assert (report.stats.cited_references, report.stats.uncited_references) == (5, 1)
    _summary_agrees(report)


def test_the_summary_counts_an_unnumbered_bibliography_as_cited_by_its_notes(
    tmp_path: Path,
) -> None:
    """Markdown footnotes and an unnumbered bibliography (Chicago notes-bibliography): the
    notes cite the entries in a form of their own, uncited-reference does not judge the
    list, and the summary counts none of it as uncited."""
    path = tmp_path / "essay.md"
    path.write_text(
        "# Open Source\n\n"
        f"{_SENTENCES[0]}[^1] {_SENTENCES[1]}[^2] {_SENTENCES[2]}[^3]\n\n"
        "[^1]: Stallman, „Warum Open Source das Ziel verfehlt“, 12.\n"
        "[^2]: Vgl. Wikipedia, „Open Source“.\n"
        "[^3]: Ebd.\n\n"
        "## Bibliographie\n\n"
        f"- {_GNU}\n- {_WIKI}\n- {_BPB}\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert (report.stats.cited_references, report.stats.uncited_references) == (6, 0)
    _summary_agrees(report)
