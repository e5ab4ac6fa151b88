"""A hand-made HTML copy or translation of an RFC keeps the RFC's header in ``<pre>`` above
its first heading, while its sections are HTML: the page is a spec by that docket
(fixtures/kinds/spec-docket)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, analyse_file, check_file
from citecheck.parser.profile import detect
from citecheck.parser.specprofile import html_docket

PAGE = Path(__file__).parents[1] / "fixtures" / "kinds" / "spec-docket" / "translation.html"

_DOCKET = (
    '<pre class="docket">Internet Engineering Task Force (IETF)\n'
    "Request for Comments: 9999\nCategory: Standards Track\nISSN: 2070-1721\n</pre>"
)
_BODY = (
    "<h1>The Harlow Transfer Protocol</h1>"
    "<p>A relay forwards each message to the next harbour on its route.</p>"
    "<p>The route is chosen by the sender and written in the first field [1].</p>"
    "<h2>References</h2><ol><li>Writer, A., Old Harlow, RFC 9998, 2030.</li></ol>"
)


def test_translation_with_a_docket_is_a_spec() -> None:
    doc, _ = analyse_file(str(PAGE))
    assert detect(doc) == "spec"
    report = check_file(str(PAGE))
    # Only the sentence that leans on others' work (a superlative about the field) asks a
    # source; the protocol's own definitions and requirements, in both languages, do not.
    assert [(f.code, f.line) for f in report.findings] == [("CC001", 45)]


def test_the_page_without_its_docket_is_an_article() -> None:
    source = PAGE.read_text("utf-8")
    start = source.index('<pre class="docket">')
    end = source.index("</pre>", start) + len("</pre>")
    doc, _ = analyse(source[:start] + source[end:], path="translation.html")
    assert detect(doc) == "article"


def test_docket_reads_tags_and_entities_in_the_pre() -> None:
    page = (
        "<html><body><pre>Request for Comments: 9999\nObsoletes: <a href='x'>9998</a>"
        "</pre><h1>T</h1></body></html>"
    )
    assert html_docket(page)
    assert html_docket(page.replace("Obsoletes:", "Obsoletes&#58;"))


def test_a_header_quoted_below_the_first_heading_is_an_example() -> None:
    # A tutorial on writing an RFC shows a header as an example, under its own title.
    page = f"<html><body>{_BODY}{_DOCKET}</body></html>"
    assert not html_docket(page)
    doc, _ = analyse(page, path="tutorial.html")
    assert detect(doc) == "article"
    assert html_docket(f"<html><body>{_DOCKET}{_BODY}</body></html>")


def test_one_header_line_in_pre_is_not_a_docket() -> None:
    page = "<html><body><pre>Category: Standards Track\n</pre><h1>Trains</h1></body></html>"
    assert not html_docket(page)
    assert not html_docket("<html><body><h1>No pre at all</h1></body></html>")
