"""An RFC converted to Markdown is a spec, and its reference list goes on across the page
furniture the conversion leaves between its entries (fixtures/kinds/spec-markdown-rfc)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, analyse_file
from citecheck.parser.profile import detect

RFC = Path(__file__).parents[1] / "fixtures" / "kinds" / "spec-markdown-rfc" / "rfc-8999.md"


def test_a_markdown_rfc_without_its_header_is_a_spec() -> None:
    doc, _ = analyse_file(str(RFC))
    assert detect(doc) == "spec"


def test_its_pages_make_a_spec_without_title_or_boilerplate() -> None:
    # Running heads ("RFC 8999   Title   March 2021") stand for the header a conversion
    # dropped; with the page footers they make a spec.
    source = RFC.read_text("utf-8").replace("# RFC 8999\n", "# Notes\n")
    source = source.replace('The key words "MUST", "MUST NOT"', "The key words")
    doc, _ = analyse(source, path="notes.md")
    assert detect(doc) == "spec"


def test_one_quoted_running_head_is_no_spec() -> None:
    text = (
        "# Reading RFCs\n\nEach page opens with a line such as\n\n"
        "RFC 8999           Example Widget Transfer Protocol           March 2021\n\n"
        "The format was fixed in 1969 and printers still use it today.\n"
    )
    doc, _ = analyse(text, path="post.md")
    assert detect(doc) == "article"


def test_dressed_header_lines_make_a_spec() -> None:
    text = (
        "# The Example Widget Transfer Protocol\n\n**Request for Comments:** 8999\n\n"
        "**Category:** Standards Track\n\nThe line carries ninety trains a day.\n"
    )
    doc, _ = analyse(text, path="rfc.md")
    assert detect(doc) == "spec"


def test_an_article_titled_by_an_rfc_number_is_no_spec() -> None:
    text = "# RFC 2119\n\nThe memo was written in 1997 and is cited by most protocols today.\n"
    doc, _ = analyse(text, path="post.md")
    assert detect(doc) == "article"


def test_the_list_reads_every_entry_across_page_breaks() -> None:
    doc, _ = analyse_file(str(RFC))
    keys = [r.key for r in doc.references]
    assert keys == ["RFC0793", "RFC2119", "RFC3986", "USASCII", "RFC7231"]
    titles = [s.title for s in doc.sections]
    assert titles == ["4.1.  Normative References", "4.2.  Informative References"]
