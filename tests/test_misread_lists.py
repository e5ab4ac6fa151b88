"""Numbered lists a conversion broke, and notes numbered per chapter.

A list whose labels OCR set apart from its entries gives one note (unread-citations), not
an error per marker; a wiki's empty notes and numbers past a complete list stay errors.
Notes numbered from 1 in every chapter resolve each chapter's calls to its own notes."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.config.settings import Settings

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"

BOOK_HTML = """<!DOCTYPE html>
<html><head><title>The Harbour Pilots</title></head>
<body>
<h1>The old quay</h1>
<p>The pilots met every morning on the old quay, where the harbour master kept his log.<a id="n1src" href="#n1" class="noteref">1</a>
Their boats were built in the yard across the river.<a id="n2src" href="#n2" class="noteref">2</a></p>
<hr class="noteseparator">
<div class="notetext">
<p class="notetext"><a id="n1" href="#n1src" class="noteref">1</a> The log survives in the city archive, volumes 1 to 12.</p>
<p class="notetext"><a id="n2" href="#n2src" class="noteref">2</a> The yard closed in 1911, when the river silted up.</p>
</div>
<h1>The storm of 1907</h1>
<p>The storm of 1907 sank three of the pilot boats at their moorings.<a id="n3src" href="#n3" class="noteref">1</a>
The crews were saved by the lifeboat from the next town.<a id="n4src" href="#n4" class="noteref">2</a></p>
<hr class="noteseparator">
<div class="notetext">
<p class="notetext"><a id="n3" href="#n3src" class="noteref">1</a> The harbour master's report names the three boats.</p>
<p class="notetext"><a id="n4" href="#n4src" class="noteref">2</a> The lifeboat station had opened only the year before.</p>
</div>
<h1>The new pier</h1>
<p>A new pier was built in 1912 with money raised by the pilots themselves.<a id="n5src" href="#n5" class="noteref">1</a></p>
<hr class="noteseparator">
<div class="notetext">
<p class="notetext"><a id="n5" href="#n5src" class="noteref">1</a> The subscription list hangs in the pilots' hall.</p>
</div>
</body></html>
"""


def _codes(text: str, fmt: str = "markdown", **options: object) -> list[tuple[str, str]]:
    report = check_text(text, fmt=fmt, settings=Settings.model_validate(options))
    return [(f.code, f.severity) for f in report.findings]


def test_split_labels_give_one_note_instead_of_an_error_per_marker() -> None:
    for name in ("ocr-columns.md", "ocr-columns-plain.txt"):
        report = check_file(str(KINDS / "split-labels" / name))
        codes = [f.code for f in report.findings]
        assert "CC002" not in codes and "CC008" not in codes, name
        notes = [f for f in report.findings if f.code == "CC013"]
        assert len(notes) == 1 and notes[0].severity == "info"
        assert "15 of 15 cited numbers" in notes[0].message


def test_ignoring_unread_citations_shows_the_dangling_markers_again() -> None:
    text = (KINDS / "split-labels" / "ocr-columns.md").read_text("utf-8")
    codes = [c for c, _ in _codes(text, ignore=["CC013"])]
    assert codes.count("CC002") == 18


def test_empty_notes_among_labelled_ones_stay_dangling() -> None:
    text = (KINDS / "split-labels" / "empty-notes.md").read_text("utf-8")
    codes = [c for c, _ in _codes(text)]
    assert codes.count("CC002") == 14 and "CC013" not in codes


def test_numbers_past_a_complete_list_stay_dangling() -> None:
    text = (KINDS / "split-labels" / "past-the-list.md").read_text("utf-8")
    codes = [c for c, _ in _codes(text)]
    assert codes.count("CC002") == 15 and "CC013" not in codes


def test_a_list_with_a_gap_and_an_unread_tail_is_misread() -> None:
    # Numbers 4-9 missing from the list too: it is not complete, so the tail is not
    # "past the list" but unread.
    lines = [f"Gauge {n} recorded {n} cm [{n}]." for n in range(1, 26)]
    refs = [f"{n}. Coastal Survey, Gauge report {n}, Tide Bulletin {n} (2001)." for n in (1, 2, 3, 10)]
    text = "# Tides\n\n" + "\n".join(lines) + "\n\n## References\n\n" + "\n".join(refs) + "\n"
    codes = _codes(text)
    assert ("CC002", "error") not in codes and ("CC013", "info") in codes


def test_chapter_notes_resolve_to_their_own_chapter() -> None:
    text = (KINDS / "chapter-notes" / "book.md").read_text("utf-8")
    doc, res = analyse(text, fmt="markdown")
    for link in res.links:
        assert link.reference is not None
        before = [r for r in doc.references if r.key == link.key and r.start > link.marker.start]
        assert link.reference is before[0]  # the next definition of its key, in its chapter
    assert not res.shadowed
    assert _codes(text) == []


def test_two_definitions_with_no_calls_between_stay_duplicates() -> None:
    text = (KINDS / "chapter-notes" / "slip.md").read_text("utf-8")
    assert [c for c, _ in _codes(text)] == ["CC007"]


def test_chapter_notes_in_a_gutenberg_book() -> None:
    doc, res = analyse(BOOK_HTML, fmt="html")
    assert len(doc.references) == 5 and not res.shadowed
    assert all(link.reference is not None for link in res.links)
    cited = [res.citations(r) for r in doc.references]
    assert all(len(c) == 1 for c in cited)
    assert "CC007" not in [c for c, _ in _codes(BOOK_HTML, fmt="html")]
