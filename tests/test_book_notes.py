"""Books with notes (Project Gutenberg's header, licence and ``[Footnote N: …]`` blocks) and
the guard against citation styles citecheck did not read (``unread-citations``)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.config.settings import Settings
from citecheck.model import BlockKind
from citecheck.reader.bookmatter import boilerplate, note_close

BOOK = """The Project Gutenberg eBook of Tales, by A. Teller

Title: Tales

*** START OF THE PROJECT GUTENBERG EBOOK TALES
OF THE COAST ***

The fishermen tell the tale each winter by the fire.[1] The oldest
of them tells it best.

    [Footnote 1: I heard it [sic] from the oldest man of the village,
    who had it from his father.

    He told it again the next winter, with a new ending.]

The boats go out at dawn and come back at dusk.[A]

[Footnote A: This is the custom of the whole coast, as far as I know from my own visits.]

*** END OF THE PROJECT GUTENBERG EBOOK TALES OF THE COAST ***

Project Gutenberg is a registered trademark and the eBooks are free of charge.
"""


def test_boilerplate_spans_the_book_between_the_start_and_end_lines() -> None:
    span = boilerplate(BOOK)
    assert span is not None
    start, end = span
    assert BOOK[start:end].strip().startswith("The fishermen")
    assert BOOK[end:].startswith("*** END OF THE PROJECT GUTENBERG")
    assert "OF THE COAST ***" not in BOOK[start:end]  # the wrapped START line is the header's
    assert boilerplate("An essay with no Gutenberg lines.") is None
    no_end = boilerplate("***START OF THIS PROJECT GUTENBERG EBOOK X***\nBody.\n")
    assert no_end is not None and no_end[1] == len(
        "***START OF THIS PROJECT GUTENBERG EBOOK X***\nBody.\n"
    )


def test_note_close_follows_nested_brackets() -> None:
    assert note_close("I heard it [sic] from him.", 1) == (1, None)
    assert note_close("the next winter.]", 1) == (0, 16)
    assert note_close("a [b] c] tail", 1) == (0, 7)


def test_footnote_blocks_are_the_notes_of_their_glued_markers() -> None:
    doc, res = analyse(BOOK, path="tales.txt")
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [r.key for r in notes] == ["1", "A"]
    assert notes[0].text.endswith("with a new ending.")  # over a blank line, "]" left out
    assert "[sic]" in notes[0].text
    assert all(res.citations(r) for r in notes)
    texts = " ".join(s.text for s in doc.sentences)
    assert "registered trademark" not in texts and "Title: Tales" not in texts
    assert "custom of the whole coast" not in texts  # a note is no body sentence


def test_a_book_whose_notes_are_asides_is_not_checked_for_claims() -> None:
    assert check_text(BOOK, path="tales.txt").findings == []


def test_a_book_whose_notes_are_sources_is_checked_but_not_its_licence() -> None:
    book = BOOK.replace(
        "I heard it [sic] from the oldest man of the village,\n    who had it from his father."
        "\n\n    He told it again the next winter, with a new ending.]",
        "Teller, A. Coast Tales. Journal of Folk-Lore, 1888, vol. 3, p. 41.]",
    ).replace(
        "This is the custom of the whole coast, as far as I know from my own visits.]",
        "Survey of the Coast Fisheries, 1885, p. 12.]",
    )
    # Read as an article, every uncited claim of the book counts, none of the licence's.
    found = check_text(book, path="tales.txt", settings=Settings(profile="article")).findings
    assert {f.rule for f in found} == {"uncited-claim"}
    assert all(f.line < book[: book.index("*** END")].count("\n") + 1 for f in found)
    # Read as the book it is, the author's narration needs no marker; a claim leaning on
    # others' work does.
    report = check_text(book, path="tales.txt")
    assert report.profile == "book" and report.findings == []
    leaning = book.replace("best.", "best. Scholars have shown that the tale is old.")
    found = check_text(leaning, path="tales.txt").findings
    assert [(f.rule, f.line) for f in found] == [("uncited-claim", 9)]


SUPS = """# Grid storage in 2024

Solar capacity doubled in five years across the region.<sup>1</sup>
Wind grew more slowly, held back by permits.<sup>2</sup>

Storage costs fell by half between 2019 and 2023.<sup>3</sup> Grid
operators adapted their markets to the new plants.<sup>4, 5</sup>

## Works cited

1. Energy Desk: Solar capacity doubles in five years
2. Energy Desk: Wind slows as permits lag
3. Energy Desk: Battery storage costs fall by half
4. Energy Desk: Grid operators adapt their markets
5. Energy Desk: Flexible grids for a solar decade
"""


NAMES = (Path(__file__).parents[1] / "fixtures/rules/unread-citations/fail-names.md").read_text(
    "utf-8"
)


def test_unread_narrative_names_give_one_finding_not_one_per_entry() -> None:
    # "As Cialdini showed in his study of 1990": a citation style the parser does not read.
    found = check_text(NAMES, path="masks.md").findings
    codes = [f.code for f in found]
    assert codes.count("CC013") == 1
    assert "CC003" not in codes and "CC001" not in codes


def test_superscripts_are_read_so_the_guard_stays_silent() -> None:
    codes = [f.code for f in check_text(SUPS, path="grid.md").findings]
    assert "CC013" not in codes and "CC003" not in codes and "CC001" not in codes


def test_unread_superscripts_in_html() -> None:
    body = "".join(
        f"<p>Claim number {n} about the grid holds for the region.<sup>{n}</sup></p>"
        for n in range(1, 7)
    )
    items = "".join(f"<li>Energy Desk: Report {n} on grids</li>" for n in range(1, 7))
    html = f"<html><body><h1>Grid</h1>{body}<h2>Works cited</h2><ol>{items}</ol></body></html>"
    codes = [f.code for f in check_text(html, path="grid.html").findings]
    assert "CC003" not in codes and "CC001" not in codes


def test_a_draft_that_cites_nothing_has_its_list_reported_once() -> None:
    draft = SUPS.replace("<sup>4, 5</sup>", "").replace("<sup>1</sup>", "")
    draft = draft.replace("<sup>2</sup>", "").replace("<sup>3</sup>", "")
    assert "<sup>" not in draft
    findings = check_text(draft, path="grid.md").findings
    codes = [f.code for f in findings]
    # The list no callout calls is said once, at its heading, naming how many it holds.
    uncited = [f.message for f in findings if f.code == "CC003"]
    assert "CC013" not in codes and len(uncited) == 1 and "none of the 5 entries" in uncited[0]


def test_a_list_mostly_cited_is_left_to_uncited_reference() -> None:
    text = SUPS.replace("<sup>", "[").replace("</sup>", "]").replace("[4, 5]", "[4]")
    codes = [f.code for f in check_text(text, path="grid.md").findings]
    assert "CC013" not in codes and codes.count("CC003") == 1


def test_science_style_callouts_in_word_are_read(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Norms", 1)
    d.add_paragraph("People follow what they believe others do (1–3).")
    d.add_paragraph("Norms predicted mask wearing in several countries (4, 5).")
    d.add_paragraph("The effect held across age groups (2, 6).")
    d.add_heading("References", 1)
    for n in range(1, 7):
        d.add_paragraph(f"{n}. A. Writer{n}, A study of norms {n}. J. Soc. Psych. {n}, 1-9 (2020).")
    path = tmp_path / "norms.docx"
    d.save(str(path))
    codes = [f.code for f in check_file(str(path)).findings]
    # the callouts are read (parser/numparens.py): every entry cited, no guard needed
    assert "CC013" not in codes and "CC003" not in codes
