"""Numbered lists a conversion broke, and notes numbered per chapter.

A list whose labels OCR set apart from its entries gives one note (unread-citations), not
an error per marker; a wiki's empty notes and numbers past a complete list stay errors.
Notes numbered from 1 in every chapter resolve each chapter's calls to its own notes."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.config.settings import Settings

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"

CHAPTERS = (
    (
        "The old quay",
        ["The pilots met on the old quay.", "Their boats came from the yard."],
        ["The log survives in the city archive.", "The yard closed in 1911."],
    ),
    (
        "The storm of 1907",
        ["The storm sank three boats.", "The crews were saved."],
        ["The report names the three boats.", "The lifeboat station had just opened."],
    ),
    (
        "The new pier",
        ["A new pier was built in 1912."],
        ["The subscription list hangs in the hall."],
    ),
)


def _book_html() -> str:
    """A book as Project Gutenberg sets it: each chapter's notes after it, numbered from 1,
    calls and notes linked by ids."""
    parts, n = ["<!DOCTYPE html><html><head><title>Pilots</title></head><body>"], 0
    for title, sentences, notes in CHAPTERS:
        calls = []
        for k, sentence in enumerate(sentences, 1):
            ref = f'<a id="n{n + k}src" href="#n{n + k}" class="noteref">{k}</a>'
            calls.append(sentence + ref)
        parts += [f"<h1>{title}</h1>", "<p>" + "\n".join(calls) + "</p>"]
        parts += ['<hr class="noteseparator">', '<div class="notetext">']
        for k, note in enumerate(notes, 1):
            link = f'<a id="n{n + k}" href="#n{n + k}src" class="noteref">{k}</a>'
            parts.append(f'<p class="notetext">{link} {note}</p>')
        parts.append("</div>")
        n += len(notes)
    return "\n".join([*parts, "</body></html>"])


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


def test_a_run_of_bare_labels_numbers_the_entries_after_it() -> None:
    for name in ("label-column.md", "label-column-plain.txt"):
        text = (KINDS / "split-labels" / name).read_text("utf-8")
        doc, res = analyse(text, fmt="markdown" if name.endswith(".md") else "text")
        assert [r.key for r in doc.references] == ["1", "2", "3", "4", "5"], name
        assert doc.references[2].text.startswith("E. Field")
        assert not doc.non_references
        assert all(link.reference is not None for link in res.links)


def test_labels_and_entries_that_do_not_pair_are_left_alone() -> None:
    # One entry of the column lost: no entry is given a label it may not have.
    text = (KINDS / "split-labels" / "ocr-columns.md").read_text("utf-8")
    doc, _ = analyse(text, fmt="markdown")
    assert [r.key for r in doc.references if r.key is not None] == ["1", "2", "3", "4", "5", "6"]


def test_ignoring_unread_citations_shows_the_dangling_markers_again() -> None:
    text = (KINDS / "split-labels" / "ocr-columns.md").read_text("utf-8")
    codes = [c for c, _ in _codes(text, ignore=["CC013"])]
    assert codes.count("CC002") == 18


def test_empty_notes_among_labelled_ones_stay_dangling() -> None:
    text = (KINDS / "split-labels" / "empty-notes.md").read_text("utf-8")
    codes = [c for c, _ in _codes(text)]
    assert codes.count("CC002") == 14 and "CC013" not in codes


def test_empty_notes_beside_a_short_bibliography_stay_dangling() -> None:
    # Two books listed without numbers under the notes are not the lost notes' entries.
    text = (KINDS / "split-labels" / "empty-notes.md").read_text("utf-8")
    text += (
        "\nHall, G. (1931). The Harbour Bridge. Harbour Press.\n\n"
        "Jones, I. (1950). Convoys of the Bay. Coast Books.\n"
    )
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
    refs = [f"{n}. Coastal Survey, Gauge report {n}, Tide Bulletin {n} (2001)." for n in (1, 2, 10)]
    text = "# Tides\n\n" + "\n".join(lines) + "\n\n## References\n\n" + "\n".join(refs) + "\n"
    codes = _codes(text)
    assert ("CC002", "error") not in codes and ("CC013", "info") in codes


def test_markdown_chapter_notes_defined_again_stay_duplicates() -> None:
    # A Markdown renderer (CommonMark, GitHub, Pandoc) links every [^1] to the first
    # definition, so a book in Markdown whose chapters number their notes anew shows the
    # first chapter's notes everywhere: each later definition is a duplicate.
    text = (KINDS / "chapter-notes" / "book.md").read_text("utf-8")
    doc, res = analyse(text, fmt="markdown")
    first = {r.key: r for r in reversed(doc.references)}
    assert all(link.reference is first[link.key] for link in res.links)
    assert len(res.shadowed) == 3
    assert [c for c, _ in _codes(text)] == ["CC007"] * 3


def test_two_definitions_with_no_calls_between_stay_duplicates() -> None:
    text = (KINDS / "chapter-notes" / "slip.md").read_text("utf-8")
    assert [c for c, _ in _codes(text)] == ["CC007"]


def test_chapter_notes_in_a_gutenberg_book() -> None:
    html = _book_html()
    doc, res = analyse(html, fmt="html")
    assert len(doc.references) == 5 and not res.shadowed
    assert all(link.reference is not None for link in res.links)
    cited = [res.citations(r) for r in doc.references]
    assert all(len(c) == 1 for c in cited)
    assert "CC007" not in [c for c, _ in _codes(html, fmt="html")]


RFC_PAGE = """<html><body>
<p class="rfcparagraph">\t<a name="section-1"><h2>1.   Introduction</h2></a>

   The Example Ping Protocol carries a probe and its answer over HTTP
   [RFC9110].  The fields it uses are these:

</p><p class="rfcparagraph"><pre>   +------------+-------------+
   | Field Name | Defined in  |
   +------------+-------------+
   | Probe      | Section 2   |
   +------------+-------------+

\t<a name="section-2"><h3>2.   Message Format</h3></a>

   A probe is a JSON text [RFC8259] sent with the POST method, its times
   written as in [RFC3339] and its URI as in [RFC3986].

</p><p class="rfcparagraph">\t<a name="section-3"><h2>3.   References</h2></a>

   [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate
              Requirement Levels", BCP 14, RFC 2119, March 1997.

</p><p class="rfcparagraph">   [RFC3339]  Klyne, G. and C. Newman, "Date and Time on the Internet:
              Timestamps", RFC 3339, July 2002.
   [RFC3986]  Berners-Lee, T., Fielding, R., and L. Masinter, "Uniform
              Resource Identifier (URI): Generic Syntax", STD 66,
              RFC 3986, January 2005.

</p><p class="rfcparagraph">   [RFC8259]  Bray, T., Ed., "The JavaScript Object Notation (JSON) Data
              Interchange Format", STD 90, RFC 8259, December 2017.

</p><p class="rfcparagraph">   [RFC9110]  Fielding, R., Ed., Nottingham, M., Ed., and J. Reschke,
              Ed., "HTTP Semantics", STD 97, RFC 9110, June 2022.
</p></body></html>
"""


def test_an_rfc_page_in_paragraphs_keeps_its_label_column_and_its_body() -> None:
    # The page wraps the RFC's plain text in <p> (tags masked to spaces indent the label
    # lines) and leaves a <pre> open, which swallows the rest of the page.
    doc, res = analyse(RFC_PAGE, fmt="html")
    keys = [r.key for r in doc.references]
    assert keys == ["RFC2119", "RFC3339", "RFC3986", "RFC8259", "RFC9110"]
    assert all(link.reference is not None for link in res.links)
    assert {link.key for link in res.links} == {"RFC9110", "RFC8259", "RFC3339", "RFC3986"}
    codes = [c for c, _ in _codes(RFC_PAGE, fmt="html")]
    assert "CC002" not in codes and codes.count("CC003") == 1  # RFC2119 is never cited


def test_link_definitions_repeated_per_section_stay_duplicates() -> None:
    # A renderer sends every [x][1] to the first [1]: the second definition is a slip.
    text = (
        "# Ferries\n\nThe winter timetable cut the crossings [to two][1].\n\n"
        "[1]: https://harbour.example.org/winter-2019\n\n"
        "## Summer\n\nThe summer timetable restored them [in May][1].\n\n"
        "[1]: https://harbour.example.org/summer-2020\n"
    )
    assert "CC007" in [c for c, _ in _codes(text)]


def test_no_numbered_list_read_is_not_a_misread_list() -> None:
    lines = [f"Gauge {n} recorded {n} cm [{n}]." for n in range(10, 30)]
    text = "# Tides\n\n" + "\n".join(lines) + "\n"
    assert "CC013" not in [c for c, _ in _codes(text)]
