"""A web page saved as text or Markdown: its framed headings, invisible lines, footer,
quoted and bundled notes, the works its short notes cite, and the markers and ``^``
entries of a page written one inline element a line."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.parser.chrome import page_chrome
from citecheck.parser.quotednotes import cites_first
from citecheck.reader.webtext import blank_invisible, framed_headings, split_markers

FIXTURES = Path(__file__).parent.parent / "fixtures" / "kinds" / "saved-web-pages"


def test_framed_headings_keep_every_offset_and_read_the_title_alone() -> None:
    text = "Intro.\n***** References[edit] *****\n   1. ^Smith, A. (2001). Title.\n"
    for atx in (True, False):
        out = framed_headings(text, atx)
        assert len(out) == len(text)
        line = out.splitlines()[1]
        assert line.strip("# ") == "References"
        assert line.startswith("##") == atx
        assert out.index("References") == text.index("References")


def test_only_equal_frames_of_four_to_six_asterisks_make_a_heading() -> None:
    kept = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK HARBOUR LIGHTS ***\n",  # a book's marker
        "*** bold italic ***\n",
        "***** Notes ****\n",  # unequal frames
        "****** ******\n",
        "******* Seven *******\n",
    ]
    for line in kept:
        assert framed_headings(line) == line
    assert framed_headings("****** Harbour seal ******\n").startswith("# ")


def test_a_line_of_zero_width_spaces_is_blank() -> None:
    text = "Books\n\u200b\u200b\u200b\nJournals\nA\u200bword\n"
    out = blank_invisible(text)
    assert len(out) == len(text)
    assert out.splitlines() == ["Books", "   ", "Journals", "A\u200bword"]


def test_a_saved_page_footer_is_no_claim() -> None:
    assert page_chrome("This page was last edited on 11 June 2019, at 05:42 (UTC).")
    assert page_chrome(
        "Text is available under the Creative_Commons_Attribution-ShareAlike License; "
        "additional terms may apply."
    )
    assert page_chrome("WikipediaÂ® is a registered trademark of the Wikimedia_Foundation.")
    assert page_chrome("Diese Seite wurde zuletzt am 3. März 2024 um 10:00 Uhr bearbeitet.")
    assert not page_chrome("The page was first printed in 1851 by the Harbour Press.")
    assert not page_chrome("Text messages were available under the new plan in 2019.")


def test_a_note_that_cites_then_quotes_is_a_source() -> None:
    assert cites_first('Harvey 2022, p. 3, "Unlike Hitler\'s coup attempt, Trump held it".')
    assert cites_first('Parker & Towler 2019, p. 505; 513, "The rise of Donald Trump".')
    assert cites_first('Franks & Hesami 2021, "Results of the current study may lend".')
    assert cites_first(
        'Baker, Peter (February 25, 2025). "Under Trump, America\'s New Friends". '
        "The New York Times. Retrieved March 2, 2025. It would be hard to think of it."
    )
    assert not cites_first("Smith argued in 2020 that the bridge would reopen in spring.")
    assert not cites_first('The council said "the bridge reopens" and it did in 2020.')


def test_bundled_sources_stay_one_entry_and_keep_the_page_numbers() -> None:
    text = (FIXTURES / "whole-page-txt.txt").read_text("utf-8")
    doc, _ = analyse(text, fmt="text")
    numbered = {r.number: r for r in doc.references if r.number is not None}
    assert numbered[3].text.startswith("Multiple sources:")
    assert "Doyle 1931" in numbered[3].text
    assert numbered[4].text.startswith("Reed, Carl")  # the page's [4], quote and all
    assert not doc.non_references


def test_works_cited_by_short_notes_are_cited() -> None:
    text = (FIXTURES / "whole-page-txt.txt").read_text("utf-8")
    report = check_text(text, fmt="text")
    assert [f.code for f in report.findings] == ["CC001"]
    uncited = text.replace("^ Marsh 2001, p. 12.", "^ Reed 2010, p. 12.").replace(
        "^ Marsh 2001, pp. 40–41,", "^ Reed 2010, pp. 40–41,"
    )
    codes = [f.code for f in check_text(uncited, fmt="text").findings]
    assert "CC003" in codes  # nothing names Marsh's 2001 book any more


def test_a_reference_heading_with_nothing_under_it_is_no_list() -> None:
    text = (FIXTURES / "toc-only-txt.txt").read_text("utf-8")
    codes = [f.code for f in check_text(text, fmt="text").findings]
    assert codes == ["CC004"]
    listed = text + "\nReferences\n\n1. Tallinn Times: A kettle game\n"
    codes = [f.code for f in check_text(listed, fmt="text").findings]
    assert "CC004" not in codes and codes.count("CC002") == 4


def test_split_markers_are_read_as_markers_and_keep_every_offset() -> None:
    text = (
        "Seals rest on sandbars.\n[\n1\n]\n Pups swim early.\n[\n2\n]\n[\n3\n]\n"
        "Colonies return,\n[\n4\n]\n which helps counts.\n[\n5\n]\n\nHabitat\n[\nedit\n]\n"
    )
    out = split_markers(text)
    assert len(out) == len(text)
    assert out.splitlines()[:4] == [
        "Seals rest on sandbars.[1]   ",  # the marker ends the line before it
        " Pups swim early.[2][3]      ",  # side by side, one group
        "Colonies return,[4]     which helps counts.[5]   ",  # the sentence goes on
        "",
    ]
    assert out.splitlines()[4:] == ["Habitat", " ", "    ", " "]  # [edit] is blank
    assert out.index("Habitat") == text.index("Habitat")


def test_split_markers_want_the_habit_and_the_three_line_shape() -> None:
    few = "Seals rest.\n[\n1\n]\nPups swim.\n[\n2\n]\n"
    assert split_markers(few) == few  # two are not a habit
    arrays = '{\n"ids": [\n' + "[\n1\n],\n" * 6 + "[\n7\n]\n]}\n"
    assert split_markers(arrays) == arrays  # a JSON array of arrays, each "],"
    indented = "Rows:\n" + "  [\n  1\n  ]\n" * 6
    assert split_markers(indented) == indented  # code is indented; the page's lines are not


def test_a_page_written_one_element_a_line_reads_its_markers_and_list() -> None:
    text = (FIXTURES / "split-markers-txt.txt").read_text("utf-8")
    doc, _ = analyse(text, fmt="text")
    assert sorted(k for m in doc.markers for k in m.keys) == ["1", "2", "3", "4", "5", "6"]
    numbered = {r.number: r for r in doc.references if r.number is not None}
    assert sorted(numbered) == [1, 2, 3, 4, 5, 6]
    assert numbered[2].text.startswith("Burns, J. J. (2009).")
    report = check_text(text, fmt="text")
    uncited = [text.splitlines()[f.line - 1].strip() for f in report.findings]
    assert uncited == [
        "Adults weigh up to 130 kg.",
        "The mother nurses her pup for about four weeks.",
    ]
