"""A Markdown post whose body is a converter's HTML is read as HTML (reader/htmlbody.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.parser import parse
from citecheck.reader import read
from citecheck.reader.htmlbody import html_body

HERE = Path(__file__).parents[1] / "fixtures" / "kinds" / "html-body-posts"


def test_front_matter_and_liquid_are_blanked_and_positions_kept() -> None:
    text = (HERE / "rendered-post.md").read_text("utf-8")
    copy = html_body(text)
    assert copy is not None
    assert len(copy) == len(text) and copy.count("\n") == text.count("\n")
    assert copy.split("\n")[1].strip() == ""  # the front matter's title line
    assert "{{" not in copy and "site.url" not in copy
    start = text.index("<section")
    assert copy[start:] == text[start:].replace("{{ site.url }}", " " * 14).replace(
        "{{ site.baseurl }}", " " * 18
    )


def test_pandoc_footnotes_of_the_post_are_read() -> None:
    text = (HERE / "rendered-post.md").read_text("utf-8")
    doc = parse(text, "markdown")
    assert [r.key for r in doc.references] == ["^1", "^2"]
    assert len(doc.markers) == 2
    layout = read(text, "markdown")
    assert layout.text == text
    at = text.index("installed its first")
    assert layout.masked[at : at + 19] == "installed its first"


def test_mostly_markdown_stays_markdown() -> None:
    assert html_body((HERE / "readme-banner.md").read_text("utf-8")) is None
    prose = "# Notes\n\n" + "A paragraph of Markdown prose that says something.\n\n" * 8
    assert html_body(prose + "<div>\n<p>An embedded box.</p>\n</div>\n") is None
    assert html_body("Plain text, no markup at all.\n") is None


def test_html_without_paragraphs_is_not_a_body() -> None:
    table = "<table>\n" + "<tr><td>1</td><td>2</td></tr>\n" * 20 + "</table>\n"
    assert html_body(table) is None


def test_front_matter_with_non_ascii_text_keeps_positions() -> None:
    text = '---\ntitle: "Über Gezeiten — 潮汐"\n---\n\n<div>\n<p>Die Flut kam 1871.</p>\n</div>\n'
    copy = html_body(text)
    assert copy is not None and len(copy) == len(text)
    assert copy.index("<div>") == text.index("<div>")
    assert copy[: text.index("<div>")].strip() == ""


def test_markdown_notes_keep_a_table_heavy_post_markdown() -> None:
    """A post whose HTML tables are most of its body but whose notes are Markdown footnote
    definitions was written in Markdown: its callouts resolve to those notes."""
    text = (HERE / "table-post-md-notes.md").read_text("utf-8")
    assert html_body(text) is None
    doc = parse(text, "markdown")
    assert sorted(r.key for r in doc.references) == ["^ema", "^wrc"]
    assert len(doc.markers) == 2
    assert html_body(text.replace("[^ema]: ", "Note: ").replace("[^wrc]: ", "Note: ")) is not None
