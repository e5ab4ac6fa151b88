"""A wiki page copied or extracted as text (reader/wikiheads.py): ``Title[edit]`` and
``== Title ==`` lines read as headings, so the lists under them are lists; and note
templates of wikitext (reader/wikinotetpl.py): ``{{הערה|…}}`` and ``{{refn|…}}`` read as
``<ref>`` notes."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.model import BlockKind
from citecheck.parser import parse
from citecheck.reader import read
from citecheck.reader.wikiheads import wiki_headings
from citecheck.reader.wikinotetpl import note_parts, shown_values
from citecheck.reader.wikirender import params

_EDITS = "Life[edit]\nBorn in 1862.[1]\n\nReferences[edit]\n1. Smith, J. (2001). Title.\n"


def test_edit_links_are_blanked_and_offsets_hold() -> None:
    out = wiki_headings(_EDITS)
    assert len(out) == len(_EDITS)
    assert out.splitlines()[0] == "Life      "
    assert out.splitlines()[3].rstrip() == "References"


def test_one_edit_link_is_not_a_habit() -> None:
    text = "References[edit]\n1. Smith, J. (2001). Title.\n"
    assert wiki_headings(text) == text


def test_a_sentence_before_an_edit_link_stays() -> None:
    text = "This section is an excerpt from Charles III.[edit]\n" + _EDITS
    assert wiki_headings(text).splitlines()[0] == text.splitlines()[0]


def test_wiki_frames_become_titles() -> None:
    text = "Intro.\n\n== History ==\nText.\n\n=== Sources ===\nA.\n"
    out = wiki_headings(text)
    assert out.splitlines()[2] == "   History   "
    assert out.splitlines()[5] == "    Sources    "


def test_page_marks_and_comparisons_are_no_headings() -> None:
    marks = "===== PAGE 1 =====\nText.\n===== PAGE 2 =====\n"
    assert wiki_headings(marks) == marks
    code = "== History ==\nif a == b ==\n=====\n"
    assert wiki_headings(code).splitlines()[1:] == ["if a == b ==", "====="]


def test_a_list_under_an_edit_link_heading_is_read() -> None:
    text = (
        "Bridge\n\nIt opened in 1959.[1] It carries 170,000 vehicles a day.[2]\n\n"
        "History[edit]\nIt was widened in 1969.[2]\n\nReferences[edit]\n"
        '1. Ballard, Anne (1959). "Bridge opens". The Herald.\n'
        '2. Ng, Peter (2004). "Clip-ons". Journal of Bridges.\n'
    )
    doc, _ = analyse(text, path="page.txt")
    assert [r.key for r in doc.references] == ["1", "2"]
    assert not any(s.claim for s in doc.sentences if "Ballard" in s.text)


def test_note_template_parts() -> None:
    text = "{{הערה|שם=x|{{ynet|A|B}}}}"
    name, body = note_parts(text, 0, len(text))
    assert name == "x" and body is not None
    assert text[body[0] : body[1]] == "{{ynet|A|B}}"
    call = "{{הערה|שם=x}}"
    assert note_parts(call, 0, len(call)) == ("x", None)
    numbered = "{{refn|1=Text [[a|b]] here|name=n}}"
    name, body = note_parts(numbered, 0, len(numbered))
    assert name == "n" and body is not None
    assert numbered[body[0] : body[1]] == "Text [[a|b]] here"


def test_shown_values_drop_flags() -> None:
    _name, args = params("ynet|Author|Title of it|path/1|13 June 2025|כן")
    assert shown_values(args) == "Author. Title of it. path/1. 13 June 2025."


_HEBREW = (
    "'''גשר''' הוא גשר.{{הערה|שם=א|{{ynet|ענת|כותרת|path/1|31 במאי 1959}}}} "
    "הוא נפתח בשנת 1959.{{הערה|שם=א}} הוא הורחב בשנת 1969.{{ביאור|הסבר.}}\n\n"
    "== מקורות ==\n[[קישור]] '''מודגש'''\n{{הערות שוליים}}\n"
)


def test_hebrew_note_template_is_a_note_called_twice() -> None:
    layout = read(_HEBREW, "text")
    assert layout.wiki
    doc, res = analyse(_HEBREW, path="he.txt")
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [r.key for r in notes] == ["1"]
    assert "כותרת" in notes[0].text
    assert len(res.citations(notes[0])) == 2
    # The explanatory note ({{ביאור}}) cites nothing: the third sentence has no marker.
    third = next(s for s in doc.sentences if "1969" in s.text)
    assert not third.markers


def test_markdown_is_left_alone() -> None:
    """A wiki's source saved as ``.md``: its ``== References ==`` opens no section."""
    md = "Intro.<ref>A source.</ref>\n\n== History ==\nText.\n\n== References ==\n{{reflist}}\n"
    assert parse(md, "markdown").sections == []
