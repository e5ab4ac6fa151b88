"""Notes a converter wrote into Markdown (reader/backlinks.py, reader/escapednotes.py) and
Jekyll's Liquid code blocks (reader/liquid.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.parser.nonmarkers import is_index
from citecheck.reader.liquid import liquid_code

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"


def test_substack_notes_link_back_to_their_calls() -> None:
    doc, res = analyse(
        (KINDS / "backlinked-notes" / "newsletter.md").read_text("utf-8"), fmt="markdown"
    )
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [r.key for r in notes] == ["#footnote-1", "#footnote-2"]
    assert notes[0].text.startswith("The newsletter started")
    assert [m.raw for m in doc.markers] == ["[1](#footnote-1)", "[2](#footnote-2)"]
    assert all(link.reference is not None for link in res.links)


def test_a_back_link_on_the_note_s_own_line() -> None:
    text = (
        "The shop opened in spring.[1](#fn-1)\n\n"
        "[1](#fnref-1) It opened on the first of April, in the rain.\n"
    )
    doc, _ = analyse(text, fmt="markdown")
    assert [r.key for r in doc.references] == ["#fn-1"]
    assert [m.raw for m in doc.markers] == ["[1](#fn-1)"]


def test_a_lone_link_without_a_call_is_no_note() -> None:
    text = "See the list below.\n\n[2](#section-2)\n\nThe second section starts here.\n"
    doc, _ = analyse(text, fmt="markdown")
    assert not doc.references


def test_escaped_bracket_notes() -> None:
    report = check_text((KINDS / "escaped-notes" / "essay.md").read_text("utf-8"), fmt="markdown")
    assert [f.code for f in report.findings] == ["CC001"]  # the uncited survey only
    assert "62 percent" in report.findings[0].text
    doc, _ = analyse((KINDS / "escaped-notes" / "essay.md").read_text("utf-8"), fmt="markdown")
    assert [r.key for r in doc.references] == ["^1"]
    assert doc.references[0].text.startswith('"But no one')


def test_escaped_numbers_without_a_note_stay_text() -> None:
    text = "Write \\[1\\] to show a bracket.\n\nThe array holds \\[1\\] and more.\n"
    doc, _ = analyse(text, fmt="markdown")
    assert not doc.references


def test_liquid_highlight_blocks_are_code() -> None:
    text = "Intro.\n\n{% highlight markdown %}\n[^1]: Example\n{% endhighlight %}\n\nEnd.\n"
    fenced = liquid_code(text)
    assert len(fenced) == len(text)
    assert "~~~" in fenced and "[^1]: Example" in fenced
    report = check_text((KINDS / "liquid-code" / "post.md").read_text("utf-8"), fmt="markdown")
    assert not [f for f in report.findings if f.code == "CC007"]


def test_a_callout_glued_to_an_emphasised_word_before_a_semicolon() -> None:
    for text in (
        "van _melati_ en blaauwe _tjampaka_[83]; uw dorst zal ik lesschen",
        "Hoort ge den klang van _boenji-boenji-an_[80]; ruischt U heimelijk een",
        "water on which the _Monitor_ met the _Merrimac_[3]; the site of the first",
    ):
        start = text.index("[")
        assert not is_index(text, start, text.index("]") + 1)
    for code in ("uint8 random[46]; opaque x;", "set the _Buffer_[4]; x = y"):
        assert is_index(code, code.index("["), code.index("]") + 1)


def test_notes_called_once_may_repeat_a_source() -> None:
    """Inline notes (one call each) repeat a source by necessity; labelled Markdown notes,
    which several calls may share, do not need to."""
    kind = KINDS / "repeated-notes"
    inline = check_text((kind / "essay.md").read_text("utf-8"), fmt="markdown")
    assert not [f for f in inline.findings if f.code == "CC007"]
    labelled = check_text((kind / "labelled.md").read_text("utf-8"), fmt="markdown")
    assert [f.code for f in labelled.findings] == ["CC007"]


def test_flattened_superscripts_run_together() -> None:
    from citecheck.parser.superscripts import _run

    listed = frozenset(str(n) for n in range(1, 12))
    assert _run("12", listed) == ("1", "2")
    assert _run("910", listed) == ("9", "10")
    assert _run("345", listed) == ("3", "4", "5")
    assert _run("13", listed) is None  # not a run: 1 and 3, or 13, cannot be told
    assert _run("11", listed) is None  # the list holds 11
    assert _run("1213", listed) is None  # 12 and 13 are not listed
    doc, _ = analyse((KINDS / "glued-numbers" / "flattened-es-text.txt").read_text("utf-8"))
    assert [m.keys for m in doc.markers if m.raw == "12"] == [("1", "2")]
