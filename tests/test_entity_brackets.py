"""Note markers whose brackets are HTML character references (reader/entitybrackets.py):
``&#91;1&#93;`` in a page's text or Markdown copy is read as ``[1]``, offsets kept."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.reader.entitybrackets import decoded_brackets
from citecheck.reader.wikiheads import wiki_headings


def test_a_marker_is_written_at_its_ampersand_and_offsets_hold() -> None:
    text = "Opened in 1912.&#91;1&#93; Next."
    out = decoded_brackets(text)
    assert len(out) == len(text)
    assert out == "Opened in 1912.[1]" + " " * 8 + " Next."


def test_a_run_is_one_group() -> None:
    out = decoded_brackets("x.&#91;2&#93;&#91;3&#93; y")
    assert out.startswith("x.[2][3] ")
    assert len(out) == len("x.&#91;2&#93;&#91;3&#93; y")


def test_every_spelling_of_the_brackets() -> None:
    for opening, closing in (
        ("&#x5B;", "&#x5D;"),
        ("&#x5b;", "&#x5d;"),
        ("&#091;", "&#093;"),
        ("&lbrack;", "&rbrack;"),
        ("&lsqb;", "&rsqb;"),
    ):
        assert decoded_brackets(f"a{opening}note 1{closing}").startswith("a[note 1]")


def test_a_lone_or_broken_bracket_stays() -> None:
    for text in (
        "a &#91; b",  # no closing reference
        "a &#91;1\n2&#93;",  # a line break inside
        "a &#91;<b>1</b>&#93;",  # markup inside
        "a &#91;" + "x" * 41 + "&#93;",  # longer than a label
    ):
        assert decoded_brackets(text) == text


def test_markers_are_read_in_text_and_markdown() -> None:
    body = "The museum opened in 1912 in the old customs house on the quay.&#91;1&#93;\n\n"
    refs = "References\n\n1. Morris, Helen (1998). The Customs House. Eastwick: Quay Press.\n"
    for fmt, text in (("text", body + refs), ("markdown", body + "## " + refs)):
        doc, _ = analyse(text, fmt=fmt)
        assert [m.keys for m in doc.markers] == [("1",)], fmt
        assert len(doc.references) == 1, fmt
        assert doc.markers[0].start == text.index("&#91;")
        assert doc.text == text  # the layout keeps the file's own text


def test_an_edit_link_pair_is_blanked() -> None:
    text = "Life[bewerken | brontekst bewerken]\nA.\n\nWork[edit | edit source]\nB.\n"
    out = wiki_headings(text)
    assert out.splitlines()[0].rstrip() == "Life"
    assert out.splitlines()[3].rstrip() == "Work"
    assert len(out) == len(text)
