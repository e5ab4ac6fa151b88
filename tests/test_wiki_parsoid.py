"""Parsoid's HTML of a wiki page (the Wikipedia REST API's, mobile HTML, Kiwix's dumps):
links into the page written with its name (``./Arctic_tern#cite_note-2``), back-links
before each note, a note group, notes beside the sources, and list items on one line."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.reader.html_notes import fragment

TERN = Path(__file__).parents[1] / "fixtures" / "kinds" / "wiki-parsoid" / "tern-html.html"


def test_the_page_reads_every_marker_and_entry_and_reports_its_one_uncited_claim() -> None:
    report = check_file(str(TERN))
    assert [(f.line, f.column, f.code) for f in report.findings] == [(6, 14, "CC001")]
    assert report.profile == "article"


def test_each_entry_keeps_its_own_key_text_and_address() -> None:
    doc, _ = analyse(TERN.read_text("utf-8"), path=str(TERN))
    refs = {r.key: r for r in doc.references}
    assert set(refs) == {"lower-alpha 1", "1", "2", "3", "4"}
    # Back-links are not read: no "↑", no "1 2" before an entry.
    assert all(not r.text.startswith(("↑", "1 2")) for r in doc.references)
    assert refs["1"].doi == "10.1073/pnas.0909493107"
    assert refs["2"].url == "https://seabirds.example.org/arctic-tern/measurements"
    assert refs["3"].url is None  # the note beside the sources has no address of its own
    assert refs["4"].url == "https://birdsoftheworld.example.org/arcter"
    assert refs["4"].title == "Arctic tern (Sterna paradisaea)"


def test_a_link_with_the_pages_name_is_a_link_into_the_page() -> None:
    assert fragment("#cite_note-1") == "cite_note-1"
    assert fragment("./Arctic_tern#cite_note-1") == "cite_note-1"
    assert fragment("Arctic_tern#cite_note-1") == "cite_note-1"
    assert fragment("https://en.wikipedia.org/wiki/Arctic_tern#cite_note-1") is None
    assert fragment("../wiki/Arctic_tern#History") is None
    assert fragment("./Arctic_tern") is None


def test_a_link_to_another_page_with_the_same_fragment_cites_nothing_here() -> None:
    page = (
        '<html><body><p>Terns migrate far.<sup><a href="./Gull#cite_note-9">[9]</a></sup></p>'
        '<h2>References</h2><ol class="references"><li id="cite_note-1">A. Writer. '
        "Terns. 2001.</li></ol></body></html>"
    )
    codes = [f.code for f in check_text(page, path="page.html").findings]
    assert "CC002" in codes  # [9] names no entry of this page


def test_list_items_on_one_line_read_only_their_own_text() -> None:
    items = "".join(
        f'<li id="cite_note-{n}"><a href="#cite_ref-{n}">^</a> Writer, A. ({2000 + n}). '
        f'<a href="https://example.org/work-{n}">Work {n}</a>. Example Press.</li>'
        for n in (1, 2, 3)
    )
    cites = " ".join(
        f'Claim {n} holds.<sup id="cite_ref-{n}"><a href="#cite_note-{n}">[{n}]</a></sup>'
        for n in (1, 2, 3)
    )
    page = f'<html><body><p>{cites}</p><h2>References</h2><ol class="references">{items}</ol>'
    doc, _ = analyse(page + "</body></html>", path="page.html")
    assert [(r.key or str(r.number), r.url) for r in doc.references] == [
        (str(n), f"https://example.org/work-{n}") for n in (1, 2, 3)
    ]
    assert not check_text(page, path="page.html").findings


def test_note_groups_in_any_language_cite_their_notes() -> None:
    # A wiki's grouped notes: "[註 1]" (Chinese), "[Anm. 1]" (German), "[прим. 1]" (Russian).
    page = Path(__file__).parents[1] / "fixtures" / "kinds" / "wiki-note-groups"
    path = page / "languages-html.html"
    doc, _ = analyse(path.read_text("utf-8"), path=str(path))
    assert [m.keys for m in doc.markers] == [
        ("註 1",),
        ("1",),
        ("Anm. 1",),
        ("2",),
        ("прим. 1",),
        ("3",),
    ]
    assert not check_file(str(path)).findings
