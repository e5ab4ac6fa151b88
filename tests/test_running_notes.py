"""Running notes: a book's footnotes numbered anew for each letter or chapter resolve to
the note after their marker, in plain text and in HTML; Markdown's ``[^1]:`` defined twice
and notes defined twice with no marker between stay a second definition."""

from __future__ import annotations

import re
from pathlib import Path

from citecheck.api import analyse, check_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "running-notes" / "letters.txt"


def _letters_html() -> str:
    """The fixture's letters as Project Gutenberg's HTML writes them: ``<sup>`` links to
    ``<div class="footnote">`` notes numbered from 1 in each letter."""
    text = FIXTURE.read_text(encoding="utf-8")
    body = text.split("LETTERS FROM THE MILL.", 1)[1].split("*** END", 1)[0]
    letter = 0

    def call(m: re.Match[str]) -> str:
        key = m.group(1)
        return f'<sup class="footref"><a href="#footnote{letter}_{key}">[{key}]</a></sup>'

    html = []
    for raw in body.strip().split("\n\n"):
        para = raw.strip()
        if re.fullmatch(r"\d+\.", para):
            letter += 1
        if note := re.match(r"\[Footnote (\d): (.*)\]$", para, re.S):
            html.append(
                f'<div class="footnote" id="footnote{letter}_{note.group(1)}"><p>[Footnote'
                f" {note.group(1)}: {note.group(2)}]</p></div>"
            )
        elif para:
            html.append("<p>" + re.sub(r"\[(\d)\]", call, para) + "</p>")
    head = (
        "<html><head><title>The Project Gutenberg eBook of Letters from the Mill</title></head>"
        "<body><p>*** START OF THE PROJECT GUTENBERG EBOOK LETTERS FROM THE MILL ***</p>"
    )
    return head + "\n".join(html) + "</body></html>"


def test_each_marker_cites_the_note_after_its_letter() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    _, res = analyse(text, path="letters.txt")
    cited = {
        link.marker.start: text[link.reference.start : link.reference.end]
        for link in res.links
        if link.reference is not None
    }
    notes = [cited[m.start()] for m in re.finditer(r"\[1\]", text) if m.start() in cited]
    assert [n.split(":", 1)[1].split()[:3] for n in notes] == [
        ["The", "wheel", "was"],
        ["The", "account", "is"],
        ["The", "flood", "of"],
    ]
    assert res.shadowed == {}


def test_html_letters_read_as_the_text_does() -> None:
    html = check_text(_letters_html(), path="letters.html")
    # Each letter's note 1 was a "second definition" of the first letter's (CC007 twice).
    assert [(f.code, f.message) for f in html.findings] == [
        ("CC002", "[3] has no entry in the reference list")
    ]


def test_markdown_footnotes_defined_twice_are_still_a_slip() -> None:
    text = (
        "# Letters\n\nThe wheel was hung on Monday.[^1]\n\n"
        "[^1]: The wheel was cast at the foundry in Kendal in 1851.\n\n"
        "The river rose over the weir in the night.[^1]\n\n"
        "[^1]: The flood of 1852 is recorded in the parish register.\n"
    )
    report = check_text(text, path="letters.md")
    assert [f.code for f in report.findings if f.code == "CC007"] == ["CC007"]


def test_notes_defined_twice_with_no_marker_between_are_a_slip() -> None:
    text = (
        "The wheel was hung on Monday.[1] The river rose over the weir.[2]\n\n"
        "[Footnote 1: The wheel was cast at the foundry in Kendal in 1851.]\n\n"
        "[Footnote 2: The flood of 1852 is recorded in the parish register.]\n\n"
        "[Footnote 1: The wheel was cast at the foundry in Kendal in 1851, again.]\n"
    )
    report = check_text(text, path="notes.txt")
    assert [f.code for f in report.findings if f.code == "CC007"] == ["CC007"]
